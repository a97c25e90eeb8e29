//! Load, decide, append, project.

use iiz_domain::{Aggregate, DomainEvent};
use iiz_store::personal::seal;
use iiz_store::{
    AppendRequest, EventMetadata, EventStore, ExpectedVersion, Keyring, NewEvent, RecordedEvent,
    StreamRef,
};

use crate::personal::Opening;
use crate::{App, AppError};

/// How often a command is decided again when a concurrent append won. Each
/// retry waits a little longer, with jitter, so contenders spread out.
const MAX_ATTEMPTS: usize = 12;

/// What a command did.
#[derive(Debug, Clone, PartialEq)]
pub struct Executed {
    /// The stream's version after the command.
    pub version: u64,
    /// The events the command appended (empty when it changed nothing, or
    /// the events of the original command for a repeated idempotency key).
    pub events: Vec<RecordedEvent>,
    /// True when an idempotency key had already been used.
    pub deduplicated: bool,
}

impl App {
    /// The current state of an aggregate and its version.
    pub async fn load<A: Aggregate>(&self, stream: &StreamRef) -> Result<(A, u64), AppError> {
        let mut recorded = self.store.read_stream(stream, 0).await?;
        self.open_sealed(&mut recorded).await?;
        let version = recorded.last().map_or(0, |event| event.stream_version);
        let mut state = A::default();
        for event in &recorded {
            state = state.evolve(&A::Event::decode(&event.event_type, event.payload.clone())?);
        }
        Ok((state, version))
    }

    /// Runs a command against the aggregate in `stream`.
    ///
    /// A conflict with a concurrent append reloads and decides again; a
    /// repeated idempotency key returns the original outcome.
    pub async fn execute<A: Aggregate>(
        &self,
        stream: StreamRef,
        command: A::Command,
        metadata: EventMetadata,
    ) -> Result<Executed, AppError>
    where
        A::Command: Clone,
    {
        if let Some(key) = &metadata.idempotency_key
            && let Some(mut outcome) = self.store.idempotent_outcome(&stream.tenant, key).await?
        {
            self.open_sealed(&mut outcome.events).await?;
            return Ok(Executed {
                version: outcome.stream_version,
                events: outcome.events,
                deduplicated: true,
            });
        }
        for attempt in 0..MAX_ATTEMPTS {
            let (state, version) = self.load::<A>(&stream).await?;
            let events = state.decide(command.clone()).map_err(AppError::domain)?;
            if events.is_empty() {
                return Ok(Executed {
                    version,
                    events: Vec::new(),
                    deduplicated: false,
                });
            }
            let (encoded, keys) = self.encode_sealed::<A>(&stream, &events).await?;
            let request = AppendRequest {
                stream: stream.clone(),
                expected: ExpectedVersion::Exact(version),
                events: encoded,
                metadata: metadata.clone(),
            };
            let projector = Opening::new(self.projections.as_ref(), &keys);
            match self.store.append(request, &projector).await {
                Ok(mut outcome) => {
                    for event in &mut outcome.events {
                        seal::open_event(event, &keys).map_err(iiz_store::StoreError::from)?;
                    }
                    return Ok(Executed {
                        version: outcome.stream_version,
                        events: outcome.events,
                        deduplicated: outcome.deduplicated,
                    });
                }
                Err(error) if error.is_retryable() => {
                    tracing::debug!(%stream, %error, "retrying command after a concurrent change");
                    tokio::time::sleep(backoff(attempt)).await;
                }
                Err(error) => return Err(error.into()),
            }
        }
        Err(AppError::Contention {
            attempts: MAX_ATTEMPTS,
        })
    }
}

/// Up to `attempt` milliseconds, at random (the random bits of a UUIDv7).
fn backoff(attempt: usize) -> std::time::Duration {
    let jitter = uuid::Uuid::now_v7().as_u128() as u64 % 1_000;
    let ceiling = (attempt as u64 + 1).min(20) * 1_000;
    std::time::Duration::from_micros(jitter * ceiling / 1_000)
}

impl App {
    /// Encodes events for the log, sealing their personal fields with the
    /// key of the stream's subject (created on first use); returns the keys
    /// used so the inline projections can read what they sealed.
    async fn encode_sealed<A: Aggregate>(
        &self,
        stream: &StreamRef,
        events: &[A::Event],
    ) -> Result<(Vec<NewEvent>, Keyring), AppError> {
        let mut keys = Keyring::default();
        let mut encoded = Vec::with_capacity(events.len());
        for event in events {
            let (event_type, mut payload) = event.encode()?;
            let fields = event.personal_fields();
            if !fields.is_empty() {
                let subject = stream.stream_id.as_str();
                let key = match keys.get(subject) {
                    Some(key) => key.clone(),
                    None => self.store.person_key_or_new(subject).await?,
                };
                seal::seal_fields(&mut payload, fields, subject, &key)
                    .map_err(iiz_store::StoreError::from)?;
                keys.insert(subject, key);
            }
            encoded.push(NewEvent::new(
                event_type,
                A::Event::schema_version(event_type),
                payload,
            ));
        }
        Ok((encoded, keys))
    }

    /// Opens the sealed personal fields of events read from the log with
    /// their subjects' keys; a forgotten subject's fields become `null`.
    pub(crate) async fn open_sealed(&self, events: &mut [RecordedEvent]) -> Result<(), AppError> {
        let mut keys = Keyring::default();
        let mut looked_up = std::collections::BTreeSet::new();
        for event in events.iter_mut() {
            if !seal::has_sealed_fields(&event.payload) {
                continue;
            }
            let subject = event.stream.stream_id.clone();
            if looked_up.insert(subject.clone())
                && let Some(key) = self.store.person_key(&subject).await?
            {
                keys.insert(subject, key);
            }
            seal::open_event(event, &keys).map_err(iiz_store::StoreError::from)?;
        }
        Ok(())
    }
}
