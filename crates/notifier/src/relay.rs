//! The relay: publishes the log to the bus in log order, one instance at a
//! time.
//!
//! The log is the outbox (docs/architecture.md, "The outbox"): the relay
//! reads what follows the `outbox` checkpoint, publishes it and moves the
//! checkpoint only once the bus has acknowledged every event of the batch.
//! A crash in between republishes the batch, which JetStream drops by event
//! id within its duplicate window, so every event is stored exactly once.

use std::future::Future;
use std::time::{Duration, Instant};

use chrono::Utc;
use iiz_app::App;
use iiz_app::outbound::{BusState, RelayStatus};
use iiz_store::{EventStore, Leadership, LogCursor, RecordedEvent};

use crate::bus::{Backoff, Bus};
use crate::contract::{PublishedEvent, withheld};

/// The name of the relay's leadership among instances on one database.
pub const LEADERSHIP: &str = "relay";

/// Events read and published together; their acknowledgements are awaited
/// together, so a batch costs about one round trip.
const BATCH: usize = 500;

/// How often the relay looks for events appended by other instances, whose
/// appends do not wake this one.
const POLL: Duration = Duration::from_millis(200);

/// How often an instance that does not lead tries to.
const LEAD_RETRY: Duration = Duration::from_secs(1);

/// How often the lag is measured.
const LAG_INTERVAL: Duration = Duration::from_secs(1);

/// Runs until `shutdown` resolves: waits for the lead, then publishes
/// while it holds it, and waits again if it loses it. Faults of the bus or
/// the database are logged and retried with backoff; nothing here panics.
pub async fn run(app: App, bus: Bus, shutdown: impl Future<Output = ()> + Send) {
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        let mut leadership = tokio::select! {
            () = &mut shutdown => return,
            leadership = lead(&app) => leadership,
        };
        tracing::info!("this instance runs the relay");
        app.relay_status().set_leading(true);
        let stopping = tokio::select! {
            () = &mut shutdown => true,
            () = relay_while_leading(&app, &bus, &mut leadership) => false,
        };
        app.relay_status().set_leading(false);
        leadership.release().await;
        if stopping {
            tracing::info!("the relay stopped");
            return;
        }
        tracing::warn!("the relay lost its lead; trying to lead again");
    }
}

/// Waits until this instance leads.
async fn lead(app: &App) -> Leadership {
    let mut faults = Backoff::for_faults();
    let mut told = false;
    loop {
        match app.store().try_lead(LEADERSHIP).await {
            Ok(Some(leadership)) => return leadership,
            Ok(None) => {
                if !told {
                    tracing::info!("another instance runs the relay; standing by");
                    told = true;
                }
                faults.reset();
                tokio::time::sleep(LEAD_RETRY).await;
            }
            Err(error) => {
                tracing::warn!(%error, "cannot try to lead the relay");
                tokio::time::sleep(faults.next_delay()).await;
            }
        }
    }
}

/// A batch the bus acknowledged whose checkpoint is not written yet.
#[derive(Debug)]
struct Acknowledged {
    through: LogCursor,
    published: u64,
    /// Events of the batch that stay inside: other instances are told
    /// their streams changed.
    withheld: Vec<RecordedEvent>,
}

/// Publishes batch after batch; returns when the lead is lost.
///
/// Three things overlap: while batch N is published and its
/// acknowledgements awaited, the checkpoint of batch N − 1 (acknowledged
/// already) is written and batch N + 1 is read. So the checkpoint still
/// only names acknowledged events, one checkpoint write runs at a time (it
/// never moves backwards), and the database's work hides behind the round
/// trip to NATS.
async fn relay_while_leading(app: &App, bus: &Bus, leadership: &mut Leadership) {
    let status = app.relay_status();
    let mut wake = app.store().notifier().watch();
    let mut faults = Backoff::for_faults();
    let mut lag = LagMeter::default();
    let Some(mut cursor) = published_through(app, leadership, &mut faults).await else {
        return;
    };
    let mut acknowledged: Option<Acknowledged> = None;
    let mut read_ahead: Option<Vec<RecordedEvent>> = None;
    loop {
        if !leadership.holds().await {
            return;
        }
        // Seen before reading, so an append during the read still wakes us.
        wake.borrow_and_update();
        let batch = match read_ahead.take() {
            Some(batch) => batch,
            None => match app.store().read_all(cursor, BATCH).await {
                Ok(batch) => batch,
                Err(error) => {
                    tracing::warn!(%error, "cannot read the outbox");
                    tokio::time::sleep(faults.next_delay()).await;
                    continue;
                }
            },
        };
        lag.measure(app, status).await;
        let Some(through) = batch.last().map(|event| event.cursor) else {
            // Nothing new: settle what was acknowledged, then wait.
            settle(app, bus, acknowledged.take()).await;
            tokio::select! {
                changed = wake.changed() => {
                    if changed.is_err() {
                        tokio::time::sleep(POLL).await;
                    }
                }
                () = tokio::time::sleep(POLL) => {}
            }
            continue;
        };
        // Withheld events are not published but passed like the others.
        let (withheld_events, published_events): (Vec<RecordedEvent>, Vec<RecordedEvent>) = batch
            .into_iter()
            .partition(|event| withheld(event).is_some());
        let events: Vec<PublishedEvent> = published_events
            .into_iter()
            .filter_map(PublishedEvent::of_owned)
            .collect();
        let (published, (), next) = tokio::join!(
            publish(app, bus, &events, leadership, &mut faults, &mut lag),
            settle(app, bus, acknowledged.take()),
            app.store().read_all(through, BATCH),
        );
        if !published {
            return;
        }
        if !events.is_empty() {
            status.set_bus(bus.working_state());
        }
        faults.reset();
        acknowledged = Some(Acknowledged {
            through,
            published: u64::try_from(events.len()).unwrap_or(u64::MAX),
            withheld: withheld_events,
        });
        cursor = through;
        // A failed read ahead is read again at the top of the loop.
        read_ahead = next.ok();
    }
}

/// Where the relay starts when it takes the lead: after the checkpoint.
/// `None` when the lead was lost while the database did not answer.
async fn published_through(
    app: &App,
    leadership: &mut Leadership,
    faults: &mut Backoff,
) -> Option<LogCursor> {
    loop {
        match app.store().outbox_published_through().await {
            Ok(through) => return Some(through),
            Err(error) => {
                tracing::warn!(%error, "cannot read the outbox checkpoint");
                tokio::time::sleep(faults.next_delay()).await;
                if !leadership.holds().await {
                    return None;
                }
            }
        }
    }
}

/// Publishes one batch, retrying with back-off until the bus acknowledges
/// all of it; false when the lead was lost meanwhile.
async fn publish(
    app: &App,
    bus: &Bus,
    events: &[PublishedEvent],
    leadership: &mut Leadership,
    faults: &mut Backoff,
    lag: &mut LagMeter,
) -> bool {
    loop {
        match bus.publish(events).await {
            Ok(()) => return true,
            Err(error) => {
                app.relay_status().set_bus(BusState::Unreachable);
                tracing::warn!(%error, events = events.len(), "publishing failed; retrying the batch");
                lag.measure(app, app.relay_status()).await;
                tokio::time::sleep(faults.next_delay()).await;
                if !leadership.holds().await {
                    return false;
                }
            }
        }
    }
}

/// Writes the checkpoint of an acknowledged batch and tells other instances
/// of its withheld events. A checkpoint that cannot be written is covered
/// by the next one (it names a later cursor); until then a crash would only
/// republish the batch, which JetStream drops.
async fn settle(app: &App, bus: &Bus, acknowledged: Option<Acknowledged>) {
    let Some(acknowledged) = acknowledged else {
        return;
    };
    if let Err(error) = app
        .store()
        .outbox_mark_published(acknowledged.through)
        .await
    {
        tracing::warn!(%error, through = %acknowledged.through, "cannot move the outbox checkpoint");
    }
    app.relay_status()
        .add_published(acknowledged.published, Utc::now().timestamp_millis());
    for event in &acknowledged.withheld {
        if let Err(error) = bus.announce_withheld(event).await {
            // Only a hint for live pages; they re-read on the next change.
            tracing::debug!(%error, "announcing a withheld event failed");
        }
    }
}

/// Measures the lag at most once per [`LAG_INTERVAL`]: counting what
/// waits costs a range scan of the log.
#[derive(Debug, Default)]
struct LagMeter {
    measured_at: Option<Instant>,
}

impl LagMeter {
    async fn measure(&mut self, app: &App, status: &RelayStatus) {
        if self
            .measured_at
            .is_some_and(|at| at.elapsed() < LAG_INTERVAL)
        {
            return;
        }
        self.measured_at = Some(Instant::now());
        let lag = async {
            let published = app.store().outbox_published_through().await?;
            app.store().log_lag(published).await
        };
        match lag.await {
            Ok(lag) => status.set_lag(lag.events, lag.millis(Utc::now())),
            Err(error) => tracing::debug!(%error, "cannot measure the relay's lag"),
        }
    }
}
