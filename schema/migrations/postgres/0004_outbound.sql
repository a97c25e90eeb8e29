-- What the platform sends out: inbox items, e-mails, webhook deliveries, and
-- the personal settings that steer them. Derived from the log (or personal)
-- and, unlike the log, changing and erasable. Every insert is idempotent by a
-- unique key, so a redelivered event never notifies anyone twice.

-- One person told of one event. `id` is derived from (event, recipient)
-- and the pair is also a unique key, so a redelivery cannot add a row.
-- `sequence` orders the inbox and is its page cursor.
CREATE TABLE notifications (
    id           UUID PRIMARY KEY,
    sequence     BIGINT GENERATED ALWAYS AS IDENTITY,
    event_id     UUID NOT NULL,
    recipient    TEXT NOT NULL,
    tenant_id    TEXT NOT NULL,
    kind         TEXT NOT NULL,
    subject_type TEXT NOT NULL,
    subject_id   TEXT NOT NULL,
    title        TEXT NOT NULL,
    body         TEXT NOT NULL,
    link         TEXT NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    read_at      TIMESTAMPTZ,
    CONSTRAINT notifications_event_recipient_key UNIQUE (event_id, recipient)
);

CREATE INDEX notifications_inbox ON notifications (recipient, sequence);
CREATE INDEX notifications_unread ON notifications (recipient, sequence) WHERE read_at IS NULL;

-- Reminders recorded before they are sent: a key written once is never sent again.
CREATE TABLE reminders (
    key         TEXT PRIMARY KEY,
    recorded_at TIMESTAMPTZ NOT NULL
);

-- E-mails: `pending` ones are due at `next_attempt_at`; a claim moves that
-- time to the end of its lease, so a claimed e-mail is due again only if its
-- sender died. `held` ones wait for the recipient's digest, which marks them
-- `digested` (`digest_id`). `rejected` ones were refused for good.
CREATE TABLE emails (
    id              UUID PRIMARY KEY,
    recipient       TEXT NOT NULL,
    tenant_id       TEXT NOT NULL,
    to_address      TEXT NOT NULL,
    subject         TEXT NOT NULL,
    text_body       TEXT NOT NULL,
    html_body       TEXT,
    calendar        TEXT,
    status          TEXT NOT NULL
        CHECK (status IN ('pending', 'held', 'sent', 'rejected', 'digested')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL,
    last_error      TEXT,
    failed_at       TIMESTAMPTZ,
    created_at      TIMESTAMPTZ NOT NULL,
    sent_at         TIMESTAMPTZ,
    digest_id       UUID
);

CREATE INDEX emails_due ON emails (next_attempt_at, id) WHERE status = 'pending';
CREATE INDEX emails_held ON emails (recipient, created_at) WHERE status = 'held';
CREATE INDEX emails_rejected ON emails (tenant_id, failed_at) WHERE status = 'rejected';

-- A person's e-mail choice per kind of notification; absent means immediately.
CREATE TABLE notification_preferences (
    person     TEXT NOT NULL,
    kind       TEXT NOT NULL,
    preference TEXT NOT NULL CHECK (preference IN ('immediately', 'daily_digest', 'off')),
    PRIMARY KEY (person, kind)
);

CREATE TABLE webhooks (
    id         UUID PRIMARY KEY,
    tenant_id  TEXT NOT NULL,
    url        TEXT NOT NULL,
    secret     TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);

CREATE INDEX webhooks_tenant ON webhooks (tenant_id, created_at);

-- One event on its way to one webhook, leased like the e-mails. `dead`
-- ones wait in the tenant's dead-letter list until replayed.
CREATE TABLE webhook_deliveries (
    id              UUID PRIMARY KEY,
    webhook_id      UUID NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE,
    event_id        UUID NOT NULL,
    body            TEXT NOT NULL,
    status          TEXT NOT NULL CHECK (status IN ('pending', 'delivered', 'dead')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    last_error      TEXT,
    failed_at       TIMESTAMPTZ,
    next_attempt_at TIMESTAMPTZ NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    delivered_at    TIMESTAMPTZ,
    CONSTRAINT webhook_deliveries_webhook_event_key UNIQUE (webhook_id, event_id)
);

CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at, id)
    WHERE status = 'pending';
