//! Personal data (revFADP): erasure by crypto-shredding and the access log.
//!
//! People's names and e-mail addresses are sealed in the log with a key per
//! person ([`iiz_store::personal`]); [`App::execute`] seals what a command
//! records and opens what it loads. Forgetting a person records why
//! (`Forgotten`), deletes their key, so no read model, export or replay can
//! show their name again, and erases what they left outside the log.

use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};

use chrono::{DateTime, Duration, Utc};
use iiz_domain::{PersonCommand, PersonError, PersonId, TenantId};
use iiz_projections::{ERASED_NAME, Projections};
use iiz_store::personal::seal;
use iiz_store::{
    AccessEntry, DocKey, DocSet, Erasure, ErasureReport, EventStore, InlineProjector, Keyring,
    ProjectionError, RecordedEvent,
};
use serde_json::Value;

use crate::authz::{Denied, Operation, Principal, Target};
use crate::people::person_stream;
use crate::{App, AppError, Caller};

mod legacy;
mod mail_files;

pub use legacy::SEALED_CHECKPOINT;

/// How long the access log keeps a read unless configured otherwise.
pub const DEFAULT_ACCESS_LOG_DAYS: u32 = 365;
/// Pruning runs at most this often (seconds), on a recorded read.
const PRUNE_EVERY_SECONDS: i64 = 3_600;
/// The most entries one access-log query answers.
pub const MAX_ACCESS_LOG: usize = 500;

/// The access log's retention and when it was last pruned.
#[derive(Debug)]
pub struct AccessLogSettings {
    retention_days: u32,
    last_pruned: AtomicI64,
}

impl AccessLogSettings {
    pub fn new(retention_days: u32) -> Arc<Self> {
        Arc::new(Self {
            retention_days,
            last_pruned: AtomicI64::new(0),
        })
    }

    pub fn retention_days(&self) -> u32 {
        self.retention_days
    }
}

/// The inline projections, fed the events of an append with their sealed
/// fields opened (the keys are those the command sealed with).
pub(crate) struct Opening<'a> {
    inner: &'a Projections,
    keys: &'a Keyring,
}

impl<'a> Opening<'a> {
    pub(crate) fn new(inner: &'a Projections, keys: &'a Keyring) -> Self {
        Self { inner, keys }
    }

    fn opened(&self, events: &[RecordedEvent]) -> Result<Vec<RecordedEvent>, ProjectionError> {
        let mut opened = events.to_vec();
        for event in &mut opened {
            seal::open_event(event, self.keys).map_err(|error| ProjectionError::Malformed {
                key: DocKey::new("events", &event.stream.stream_id),
                reason: error.to_string(),
            })?;
        }
        Ok(opened)
    }

    fn sealed(events: &[RecordedEvent]) -> bool {
        events
            .iter()
            .any(|event| seal::has_sealed_fields(&event.payload))
    }
}

impl InlineProjector for Opening<'_> {
    fn handles(&self, stream_type: &str) -> bool {
        self.inner.handles(stream_type)
    }

    fn keys(&self, events: &[RecordedEvent]) -> Result<Vec<DocKey>, ProjectionError> {
        if Self::sealed(events) {
            self.inner.keys(&self.opened(events)?)
        } else {
            self.inner.keys(events)
        }
    }

    fn apply(&self, docs: &mut DocSet, events: &[RecordedEvent]) -> Result<(), ProjectionError> {
        if Self::sealed(events) {
            self.inner.apply(docs, &self.opened(events)?)
        } else {
            self.inner.apply(docs, events)
        }
    }
}

/// What forgetting a person did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Forgotten {
    pub person: PersonId,
    /// False when the person had been forgotten before (this call only
    /// completed the erasure outside the log).
    pub newly: bool,
    pub report: ErasureReport,
}

impl Caller<'_> {
    /// Erases a person (platform admins, with a reason that must not name
    /// them: it stays in the log). Idempotent: forgetting a forgotten
    /// person erases whatever is still left outside the log.
    pub async fn forget_person(&self, id: PersonId, reason: &str) -> Result<Forgotten, AppError> {
        self.check(Operation::ForgetPerson, Target::platform())?;
        let reason = crate::input::free_text("reason", reason.to_owned())?;
        if reason.as_str().is_empty() {
            return Err(AppError::invalid_field(
                "reason",
                "say why the person is erased",
            ));
        }
        let view = self
            .app()
            .person_view(id)
            .await?
            .ok_or(AppError::Denied(Denied::NotFound))?;
        let (names, emails) = self.app().names_and_addresses(view.home, id).await?;
        let newly = match self
            .app()
            .person_command(id, PersonCommand::Forget { reason }, &self.actor()?)
            .await
        {
            Ok(_) => true,
            Err(error) if error.refusal::<PersonError>() == Some(&PersonError::Forgotten) => false,
            Err(error) => return Err(error),
        };
        let throttle_keys = emails
            .iter()
            .map(|email| crate::throttle::account_key(email))
            .collect();
        let erasure = Erasure {
            person: id.as_uuid(),
            names,
            emails,
            replacement: ERASED_NAME.to_owned(),
            throttle_keys,
        };
        let mut report = self.app().store().erase_person(&erasure).await?;
        let (removed, anonymised) = self.app().erase_mail_files(erasure).await?;
        report.emails += removed;
        report.anonymised += anonymised;
        tracing::warn!(person = %id, newly, ?report, "person forgotten");
        Ok(Forgotten {
            person: id,
            newly,
            report,
        })
    }

    /// Who read whose personal data since `since`, newest first; only reads
    /// about `subject` (e.g. `person:<id>`) when given. Platform admins.
    pub async fn access_log(
        &self,
        since: DateTime<Utc>,
        subject: Option<&str>,
        limit: usize,
    ) -> Result<Vec<AccessEntry>, AppError> {
        self.check(Operation::ShowAccessLog, Target::platform())?;
        Ok(self
            .app()
            .store()
            .access_log(since, subject, limit.min(MAX_ACCESS_LOG))
            .await?)
    }

    /// Records that the caller read `subject`'s personal data (`what`:
    /// `person`, `people`, `body_members`, `export`). Reading one's own
    /// data is not recorded.
    pub(crate) async fn record_read(&self, subject: String, what: &str) -> Result<(), AppError> {
        let Some(principal) = self.principal() else {
            return Ok(());
        };
        self.app().record_read(principal, subject, what).await
    }
}

impl App {
    /// Deletes the `.eml` files addressed to a forgotten person and replaces
    /// their name and address in the others; returns (deleted, changed).
    /// Only where e-mails are written as files (the embedded default).
    async fn erase_mail_files(&self, erasure: Erasure) -> Result<(u64, u64), AppError> {
        let Some(dir) = self.mail_files.clone() else {
            return Ok((0, 0));
        };
        tokio::task::spawn_blocking(move || mail_files::erase(&dir, &erasure))
            .await
            .map_err(|error| AppError::Internal(format!("mail files task: {error}")))?
            .map_err(|error| AppError::Internal(format!("mail files: {error}")))
    }

    /// Every name and address a person's stream ever recorded, opened with
    /// their key (none once forgotten).
    async fn names_and_addresses(
        &self,
        home: TenantId,
        id: PersonId,
    ) -> Result<(Vec<String>, Vec<String>), AppError> {
        let mut events = self
            .store()
            .read_stream(&person_stream(home, id), 0)
            .await?;
        self.open_sealed(&mut events).await?;
        let (mut names, mut emails) = (Vec::new(), Vec::new());
        for event in &events {
            let text = |field: &str| {
                event
                    .payload
                    .get(field)
                    .and_then(Value::as_str)
                    .map(str::to_owned)
            };
            names.extend(text("name"));
            emails.extend(text("email"));
        }
        names.sort();
        names.dedup();
        emails.sort();
        emails.dedup();
        Ok((names, emails))
    }

    /// Records a read of personal data, and prunes reads older than the
    /// retention period now and then.
    pub async fn record_read(
        &self,
        principal: &Principal,
        subject: String,
        what: &str,
    ) -> Result<(), AppError> {
        if subject == format!("person:{}", principal.person) {
            return Ok(());
        }
        let now = Utc::now();
        self.store()
            .record_access(&[AccessEntry {
                read_at: now,
                reader: format!("person:{}", principal.person),
                subject,
                what: what.to_owned(),
            }])
            .await?;
        let settings = self.access_log_settings();
        let last = settings.last_pruned.load(Ordering::Relaxed);
        if now.timestamp() - last >= PRUNE_EVERY_SECONDS
            && settings
                .last_pruned
                .compare_exchange(last, now.timestamp(), Ordering::Relaxed, Ordering::Relaxed)
                .is_ok()
        {
            let before = now - Duration::days(i64::from(settings.retention_days));
            let pruned = self.store().prune_access_log(before).await?;
            tracing::debug!(pruned, "access log pruned");
        }
        Ok(())
    }
}
