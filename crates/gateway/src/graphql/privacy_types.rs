//! Personal data: an erasure's outcome and the access log's entries.

use async_graphql::{ID, SimpleObject};
use chrono::{DateTime, Utc};
use iiz_store::AccessEntry;

/// What forgetting a person erased.
#[derive(Debug, Clone, SimpleObject)]
pub struct ForgottenPerson {
    pub person: ID,
    /// False when the person had been forgotten before; the call only
    /// erased what was still left outside the log.
    pub newly_forgotten: bool,
    /// Whether the person's key was deleted now.
    pub key_deleted: bool,
    /// Sign-in, sessions and API tokens removed.
    pub accounts_removed: u64,
    /// Inbox items and e-mails of the person removed.
    pub messages_removed: u64,
    /// Other people's inbox items and e-mails whose mention of the person
    /// was replaced.
    pub messages_anonymised: u64,
}

/// One read of personal data.
#[derive(Debug, Clone, SimpleObject)]
pub struct AccessLogEntry {
    pub read_at: DateTime<Utc>,
    /// `person:<id>` of the reader.
    pub reader: String,
    /// Whose data: `person:<id>`, `tenant:<code>`, `body:<id>` or `export:<name>`.
    pub subject: String,
    /// `person`, `people`, `body_members` or `export`.
    pub what: String,
}

impl From<AccessEntry> for AccessLogEntry {
    fn from(entry: AccessEntry) -> Self {
        Self {
            read_at: entry.read_at,
            reader: entry.reader,
            subject: entry.subject,
            what: entry.what,
        }
    }
}
