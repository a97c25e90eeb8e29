//! Personal fields recorded in the clear before sealing existed are sealed
//! once, in place, when the application is prepared: otherwise forgetting
//! such a person would leave their name in the log. The only change ever
//! made to stored events; a checkpoint records that it ran.

use iiz_domain::person::PersonEvent;
use iiz_domain::{Aggregate, DomainEvent, Person};
use iiz_store::personal::seal;
use iiz_store::{Checkpoint, EventStore, Keyring, LogCursor};

use crate::{App, AppError};

/// The checkpoint of the one-time sealing.
pub const SEALED_CHECKPOINT: &str = "personal_fields_sealed";
const BATCH: usize = 1_000;

impl App {
    /// Seals the personal fields of every person event stored in the clear;
    /// returns how many events it changed. Runs once per database.
    pub async fn seal_legacy_personal_fields(&self) -> Result<u64, AppError> {
        let store = self.store();
        if store.checkpoint(SEALED_CHECKPOINT).await?.is_some() {
            return Ok(0);
        }
        let head = store.head().await?;
        let mut cursor = LogCursor::START;
        let mut keys = Keyring::default();
        let mut sealed = 0;
        while cursor < head {
            let batch = store.read_all(cursor, BATCH).await?;
            let Some(last) = batch.last() else {
                break;
            };
            cursor = last.cursor;
            for event in &batch {
                if event.stream.stream_type != Person::STREAM_TYPE
                    || seal::has_sealed_fields(&event.payload)
                {
                    continue;
                }
                let decoded = PersonEvent::decode_ref(&event.event_type, &event.payload)?;
                let fields = decoded.personal_fields();
                if fields.is_empty() {
                    continue;
                }
                let subject = event.stream.stream_id.as_str();
                let key = match keys.get(subject) {
                    Some(key) => key.clone(),
                    None => store.person_key_or_new(subject).await?,
                };
                let mut payload = event.payload.clone();
                seal::seal_fields(&mut payload, fields, subject, &key)
                    .map_err(iiz_store::StoreError::from)?;
                keys.insert(subject, key);
                if payload != event.payload {
                    store.reseal_payload(event.position, &payload).await?;
                    sealed += 1;
                }
            }
        }
        let done = Checkpoint {
            cursor: head,
            version: 1,
        };
        store
            .commit_projection(Vec::new(), &[(SEALED_CHECKPOINT, done)])
            .await?;
        if sealed > 0 {
            tracing::warn!(sealed, "personal fields stored in the clear were sealed");
        }
        Ok(sealed)
    }
}
