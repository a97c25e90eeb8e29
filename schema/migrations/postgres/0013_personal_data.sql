-- Personal data (revFADP). The keys that seal people's names and e-mail
-- addresses in the event log live here, outside the log: deleting a row
-- erases every sealed value of that person for good (crypto-shredding)
-- while the log itself stays append-only.
CREATE TABLE person_keys (
    person_id  TEXT PRIMARY KEY,
    key        BYTEA NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Who read whose personal data, and when: person pages, people and member
-- lists, exports. Pruned after the configured retention period.
CREATE TABLE personal_data_access (
    id       BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    read_at  TIMESTAMPTZ NOT NULL,
    reader   TEXT NOT NULL,
    subject  TEXT NOT NULL,
    what     TEXT NOT NULL
);

CREATE INDEX personal_data_access_time ON personal_data_access (read_at);
