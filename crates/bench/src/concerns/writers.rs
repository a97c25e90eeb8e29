//! Concern commands per second with one writer and with several, each
//! writer drafting in a tenant of its own. Commands of different tenants
//! share no document (the statistics are kept per tenant), so on
//! PostgreSQL they must not wait for each other: the target is at
//! least twice the single writer's rate with 8 writers.

use std::time::{Duration, Instant};

use anyhow::Context;
use iiz_app::concerns::concern_stream;
use iiz_app::{App, CantonCatalog};
use iiz_domain::concern::{Concern, ConcernCommand, RouteSnapshot};
use iiz_domain::{ConcernId, TenantId};
use iiz_store::EventMetadata;

use super::data::{Rng, content};
use super::words::DE;
use crate::report::{Report, Row};
use crate::timing::per_second;
use crate::{BackendChoice, Settings};

/// How long each round counts commands.
const ROUND: Duration = Duration::from_secs(4);

/// Drafts, edits and starts the route of concerns in `tenant` until
/// `deadline`; the number of commands executed.
async fn draft_until(
    app: App,
    tenant: TenantId,
    seed: u64,
    deadline: Instant,
) -> anyhow::Result<u64> {
    let mut rng = Rng::new(seed);
    let metadata = || EventMetadata::new("system:bench");
    let mut commands = 0;
    while Instant::now() < deadline {
        let id = ConcernId::new();
        let stream = concern_stream(tenant, id);
        let draft = ConcernCommand::Draft {
            id,
            origin: tenant,
            on_behalf_of: None,
            content: content(&mut rng, &DE)?,
            route: RouteSnapshot::default(),
        };
        app.execute::<Concern>(stream.clone(), draft, metadata())
            .await?;
        let edit = ConcernCommand::Edit {
            content: content(&mut rng, &DE)?,
        };
        app.execute::<Concern>(stream.clone(), edit, metadata())
            .await?;
        app.execute::<Concern>(stream, ConcernCommand::StartRoute, metadata())
            .await?;
        commands += 3;
    }
    Ok(commands)
}

/// Commands per second of `writers` writers, one per tenant.
async fn rate(app: &App, tenants: &[TenantId], round: u64) -> anyhow::Result<f64> {
    let started = Instant::now();
    let deadline = started + ROUND;
    let tasks = tenants.iter().enumerate().map(|(n, tenant)| {
        tokio::spawn(draft_until(
            app.clone(),
            *tenant,
            round * 100 + n as u64,
            deadline,
        ))
    });
    let mut commands = 0;
    for task in futures::future::join_all(tasks).await {
        commands += task.context("writer panicked")??;
    }
    Ok(commands as f64 / started.elapsed().as_secs_f64())
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

pub async fn run_writer_benchmarks(settings: &Settings, report: &mut Report) -> anyhow::Result<()> {
    for backend in &settings.backends {
        let (database, name) = crate::setup::fresh_database(*backend).await?;
        let app = App::new(database.store.clone());
        app.prepare().await?;
        app.bootstrap_tenants(&CantonCatalog::embedded()?, "system:bench")
            .await?;
        let tenants: Vec<TenantId> = TenantId::all()
            .filter(|tenant| *tenant != TenantId::National)
            .take(settings.writers)
            .collect();
        eprintln!("concern writers, {name}: 1 and {} writers", tenants.len());
        let (mut one, mut many) = (Vec::new(), Vec::new());
        for round in 0..settings.rounds as u64 {
            one.push(rate(&app, &tenants[..1], round).await?);
            many.push(rate(&app, &tenants, round).await?);
        }
        let spread = |values: &[f64]| {
            let low = values.iter().copied().fold(f64::INFINITY, f64::min);
            let high = values.iter().copied().fold(0.0, f64::max);
            format!(
                "{} – {}",
                per_second(low, "commands"),
                per_second(high, "commands")
            )
        };
        let (single, several) = (median(one.clone()), median(many.clone()));
        let ratio = several / single;
        let target = match backend {
            BackendChoice::Postgres => format!(
                "≥ 2× one writer: {}",
                if ratio >= 2.0 { "met" } else { "NOT met" }
            ),
            // One writer at a time by design (the embedded default).
            BackendChoice::Sqlite => "— (SQLite writes one at a time)".to_owned(),
        };
        let rows = vec![
            Row::plain("1 writer, median", per_second(single, "commands")),
            Row::plain("1 writer, range over the rounds", spread(&one)),
            Row::plain(
                format!(
                    "{} writers in {} tenants, median",
                    tenants.len(),
                    tenants.len()
                ),
                per_second(several, "commands"),
            ),
            Row::plain(
                format!("{} writers, range over the rounds", tenants.len()),
                spread(&many),
            ),
            Row::plain(
                format!("{} writers ÷ 1 writer", tenants.len()),
                format!("{ratio:.2}×"),
            )
            .target(target),
        ];
        report
            .add_section(format!("Concern commands by tenant — {name}"), rows)
            .note(format!(
                "`App::execute` with the inline projections, as the API runs it: each writer \
                 drafts a concern, edits it and starts its route (3 commands), again and again \
                 for {} s, in a tenant of its own; {} alternating rounds of 1 and of {} \
                 writers, median and range of the rounds.",
                ROUND.as_secs(),
                settings.rounds,
                tenants.len()
            ));
        app.store().close().await;
        drop(database);
    }
    Ok(())
}
