-- What the platform sends out (see the PostgreSQL migration). Uuids and
-- times are text; times are RFC 3339 in UTC with microseconds, so their text
-- order is their time order.

-- `sequence` is the rowid: it orders the inbox and is its page cursor.
CREATE TABLE notifications (
    sequence     INTEGER PRIMARY KEY AUTOINCREMENT,
    id           TEXT NOT NULL UNIQUE,
    event_id     TEXT NOT NULL,
    recipient    TEXT NOT NULL,
    tenant_id    TEXT NOT NULL,
    kind         TEXT NOT NULL,
    subject_type TEXT NOT NULL,
    subject_id   TEXT NOT NULL,
    title        TEXT NOT NULL,
    body         TEXT NOT NULL,
    link         TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    read_at      TEXT,
    UNIQUE (event_id, recipient)
);

CREATE INDEX notifications_inbox ON notifications (recipient, sequence);
CREATE INDEX notifications_unread ON notifications (recipient, sequence) WHERE read_at IS NULL;

CREATE TABLE reminders (
    key         TEXT PRIMARY KEY,
    recorded_at TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE emails (
    id              TEXT PRIMARY KEY,
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
    next_attempt_at TEXT NOT NULL,
    last_error      TEXT,
    failed_at       TEXT,
    created_at      TEXT NOT NULL,
    sent_at         TEXT,
    digest_id       TEXT
);

CREATE INDEX emails_due ON emails (next_attempt_at, id) WHERE status = 'pending';
CREATE INDEX emails_held ON emails (recipient, created_at) WHERE status = 'held';
CREATE INDEX emails_rejected ON emails (tenant_id, failed_at) WHERE status = 'rejected';

CREATE TABLE notification_preferences (
    person     TEXT NOT NULL,
    kind       TEXT NOT NULL,
    preference TEXT NOT NULL CHECK (preference IN ('immediately', 'daily_digest', 'off')),
    PRIMARY KEY (person, kind)
) WITHOUT ROWID;

CREATE TABLE webhooks (
    id         TEXT PRIMARY KEY,
    tenant_id  TEXT NOT NULL,
    url        TEXT NOT NULL,
    secret     TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL
) WITHOUT ROWID;

CREATE INDEX webhooks_tenant ON webhooks (tenant_id, created_at);

CREATE TABLE webhook_deliveries (
    id              TEXT PRIMARY KEY,
    webhook_id      TEXT NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE,
    event_id        TEXT NOT NULL,
    body            TEXT NOT NULL,
    status          TEXT NOT NULL CHECK (status IN ('pending', 'delivered', 'dead')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    last_error      TEXT,
    failed_at       TEXT,
    next_attempt_at TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    delivered_at    TEXT,
    UNIQUE (webhook_id, event_id)
);

CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at, id)
    WHERE status = 'pending';
