//! Load, decide, append, project.

use iiz_domain::{Aggregate, DomainEvent};
use iiz_store::{
    AppendRequest, EventMetadata, EventStore, ExpectedVersion, NewEvent, RecordedEvent, StreamRef,
};

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
        let recorded = self.store.read_stream(stream, 0).await?;
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
            && let Some(outcome) = self.store.idempotent_outcome(&stream.tenant, key).await?
        {
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
            let request = AppendRequest {
                stream: stream.clone(),
                expected: ExpectedVersion::Exact(version),
                events: encode::<A>(&events)?,
                metadata: metadata.clone(),
            };
            match self.store.append(request, self.projections.as_ref()).await {
                Ok(outcome) => {
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

fn encode<A: Aggregate>(events: &[A::Event]) -> Result<Vec<NewEvent>, AppError> {
    events
        .iter()
        .map(|event| {
            let (event_type, payload) = event.encode()?;
            Ok(NewEvent::new(
                event_type,
                A::Event::schema_version(event_type),
                payload,
            ))
        })
        .collect()
}
