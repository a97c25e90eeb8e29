-- Personal data (revFADP): the per-person keys that seal names and e-mail
-- addresses in the log, outside the log, and the access log (see the
-- PostgreSQL migration).
CREATE TABLE person_keys (
    person_id  TEXT PRIMARY KEY,
    key        BLOB NOT NULL,
    created_at TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE personal_data_access (
    id       INTEGER PRIMARY KEY AUTOINCREMENT,
    read_at  TEXT NOT NULL,
    reader   TEXT NOT NULL,
    subject  TEXT NOT NULL,
    what     TEXT NOT NULL
);

CREATE INDEX personal_data_access_time ON personal_data_access (read_at);
