//! The replay section: a log of a million domain events is rebuilt into the
//! platform's read models, reading, decoding and applying every event.

use std::sync::Arc;
use std::time::Instant;

use anyhow::Context;
use chrono::NaiveDate;
use iiz_app::{App, CantonCatalog};
use iiz_domain::body::{BodyEvent, BodyKind};
use iiz_domain::text::{FreeText, LocalizedName};
use iiz_domain::{BodyId, DomainEvent, Language, TenantId};
use iiz_store::{
    AppendRequest, EventMetadata, EventStore, ExpectedVersion, NewEvent, NoProjection, Store,
};

use crate::Settings;
use crate::report::{Report, Row};
use crate::timing::per_second;

/// Events per body stream (one establishment, then amendments).
const EVENTS_PER_BODY: usize = 100;
/// Concurrent writers filling the log.
const FILL_WRITERS: usize = 4;
/// Replay rate the platform must reach.
const TARGET: f64 = 50_000.0;

/// Fills a log on each backend and measures a full rebuild.
pub async fn run_replay_benchmarks(settings: &Settings, report: &mut Report) -> anyhow::Result<()> {
    for backend in &settings.backends {
        let (database, name) = crate::setup::fresh_database(*backend).await?;
        eprintln!(
            "replay, {name}: filling the log with {} events",
            settings.replay_events
        );
        let app = App::new(database.store.clone());
        app.prepare().await?;
        let catalog = CantonCatalog::embedded()?;
        app.bootstrap_tenants(&catalog, "system:bench").await?;
        fill(app.store(), settings.replay_events).await?;
        let head = app.store().head().await?;
        eprintln!("replay, {name}: rebuilding");
        let started = Instant::now();
        let rebuilt = iiz_projections::rebuild(app.store(), app.projections(), &|_| {}).await?;
        let seconds = started.elapsed().as_secs_f64();
        let rate = rebuilt.events as f64 / seconds;
        let verdict = if rate >= TARGET { "met" } else { "NOT met" };
        let rows = vec![
            Row::plain("events in the log", rebuilt.events.to_string()),
            Row::plain("documents written", rebuilt.documents_written.to_string()),
            Row::plain("rebuild time", format!("{seconds:.2} s")),
            Row::plain(
                "writing documents (beside applying), indexes and the switch",
                format!("{:.2} s", rebuilt.writing.as_secs_f64()),
            ),
            Row::plain(
                "replay: read, decode, apply, write",
                per_second(rate, "events"),
            )
            .target(format!("≥ 50 000 events/s: {verdict}")),
        ];
        report
            .add_section(format!("Replay — {name}"), rows)
            .note(format!(
                "27 tenants and {} bodies of {EVENTS_PER_BODY} events each (establishment, then \
                 mandate amendments), rebuilt into the tenant and body directories with \
                 `iiz_projections::rebuild`, as `iiz replay` does; log head {}.",
                settings.replay_events / EVENTS_PER_BODY,
                head
            ));
        app.store().close().await;
        drop(database);
    }
    Ok(())
}

/// Appends `events` body events, one append of a whole stream at a time.
pub(crate) async fn fill(store: &Store, events: usize) -> anyhow::Result<()> {
    let bodies = events / EVENTS_PER_BODY;
    let tenants: Arc<Vec<TenantId>> = Arc::new(TenantId::all().collect());
    let writers = (0..FILL_WRITERS).map(|writer| {
        let store = store.clone();
        let tenants = tenants.clone();
        tokio::spawn(async move {
            for body in (writer..bodies).step_by(FILL_WRITERS) {
                let tenant = tenants[body % tenants.len()];
                let id = BodyId::new();
                let request = AppendRequest {
                    stream: iiz_app::tenants::body_stream(tenant, id),
                    expected: ExpectedVersion::NoStream,
                    events: body_history(tenant, id, body)?,
                    metadata: EventMetadata::new("system:bench"),
                };
                store.append(request, &NoProjection).await?;
            }
            Ok::<_, anyhow::Error>(())
        })
    });
    for writer in futures::future::join_all(writers).await {
        writer.context("fill task panicked")??;
    }
    Ok(())
}

fn body_history(tenant: TenantId, id: BodyId, n: usize) -> anyhow::Result<Vec<NewEvent>> {
    let mandate = |version: usize| {
        FreeText::parse(format!(
            "Fassung {version}: Koordiniert die Zusammenarbeit von ALV, IV, Sozialhilfe, \
             Berufsbildung und Migration an den Schnittstellen und berichtet dem Steuerungsgremium."
        ))
    };
    let mut history = vec![BodyEvent::Established {
        id,
        tenant,
        kind: BodyKind::WorkingGroup,
        names: LocalizedName::parse([(Language::De, format!("Arbeitsgruppe {n}"))])?,
        mandate: mandate(0)?,
        parent: None,
        active_from: NaiveDate::from_ymd_opt(2024, 1, 1).context("date")?,
    }];
    for version in 1..EVENTS_PER_BODY {
        history.push(BodyEvent::MandateAmended {
            mandate: mandate(version)?,
        });
    }
    history
        .iter()
        .map(|event| {
            let (event_type, payload) = event.encode()?;
            Ok(NewEvent::new(
                event_type,
                BodyEvent::schema_version(event_type),
                payload,
            ))
        })
        .collect()
}
