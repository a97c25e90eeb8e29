//! The recommendations section: the national monitoring dashboard over
//! generated recommendations (500 by default, each to 28 addressees with
//! ten reports per committed addressee), through the app's query path as
//! the API calls it, next to plain SQL aggregates computing the same
//! figures from a plain table in the same run.

mod check;
pub(crate) mod data;
mod plain;

use anyhow::Context;
use chrono::Utc;
use iiz_app::App;
use iiz_domain::Party;
use iiz_domain::recommendation::RecommendationCommand;
use iiz_domain::text::FreeText;
use iiz_projections::{
    MonitoringPolicy, MonitoringRow, RECOMMENDATION_INDEX, RECOMMENDATION_MONITORING,
    RecommendationSummary,
};
use iiz_store::testing::TestDatabase;
use iiz_store::{DocQuery, EventStore};

use self::data::REPORTS;
use self::plain::{PlainItem, PlainItems};
use crate::concerns::{Quantile, latency_row, server_version};
use crate::load::{measure_latency, measure_latency_after};
use crate::report::{Report, Row};
use crate::{BackendChoice, Settings};

/// Loads per latency measurement at most: at 500 recommendations the plain
/// SQL and the first read of an instance take up to a tenth of a second.
const MAX_LOADS: usize = 300;

pub async fn run_recommendation_benchmarks(
    settings: &Settings,
    report: &mut Report,
) -> anyhow::Result<()> {
    for backend in &settings.backends {
        let (database, name) = crate::setup::fresh_database(*backend).await?;
        let plain_dir = tempfile::tempdir().context("create a temporary directory")?;
        let plain = match backend {
            BackendChoice::Sqlite => PlainItems::sqlite(&plain_dir.path().join("plain.db")).await?,
            BackendChoice::Postgres => PlainItems::postgres(&database.url).await?,
        };
        let result = measure(settings, report, name, &database, &plain).await;
        plain.close().await;
        database.store.close().await;
        drop(database);
        result?;
    }
    Ok(())
}

async fn measure(
    settings: &Settings,
    report: &mut Report,
    name: &str,
    database: &TestDatabase,
    plain: &PlainItems,
) -> anyhow::Result<()> {
    let count = settings.recommendations;
    let today = Utc::now().date_naive();
    eprintln!("recommendations, {name}: generating {count} recommendations");
    let app = App::new(database.store.clone());
    app.prepare().await?;
    let prepared = data::fill(&app, count, today).await?;
    eprintln!("recommendations, {name}: copying the items to the plain table");
    let items = plain_items(&app).await?;
    plain.load(&items).await?;
    let server = server_version(&app).await?;

    let principal = crate::setup::fachstelle();
    let caller = app.caller(Some(&principal));
    let timing = settings.timing;
    let policy = MonitoringPolicy::default();

    eprintln!("recommendations, {name}: national dashboard");
    let dashboard = caller.recommendation_dashboard(today, policy).await?;
    let (figures, overdue) = plain.dashboard(today).await?;
    check::same_figures(&dashboard, &figures, &overdue)?;
    let loads = settings.loads.min(MAX_LOADS);
    // A new instance per load has nothing kept in memory: every load reads
    // every recommendation's digest, as the first read of an instance.
    let computed = measure_latency(timing.warmup, loads, || async {
        let fresh = App::new(database.store.clone());
        let computed = fresh
            .caller(Some(&principal))
            .recommendation_dashboard(today, policy)
            .await?;
        check::same_size(&computed, &dashboard)
    })
    .await?;
    let kept = measure_latency(timing.warmup, loads, || async {
        let computed = caller.recommendation_dashboard(today, policy).await?;
        check::same_size(&computed, &dashboard)
    })
    .await?;
    // One recommendation changes before each load: the instance reads
    // that recommendation's documents again, the rest it keeps.
    let table = caller.monitoring_table(today, policy).await?;
    let item = table
        .iter()
        .find(|record| record.recommendation_stage == "published")
        .context("no published recommendation")?;
    let (changed_id, addressee) = (item.recommendation_id, Party::parse(&item.addressee)?);
    let priority = std::sync::atomic::AtomicBool::new(item.priority);
    let after_change = measure_latency_after(
        timing.warmup,
        loads,
        || async {
            let flipped = !priority.fetch_xor(true, std::sync::atomic::Ordering::Relaxed);
            caller
                .recommendation_command(
                    changed_id,
                    RecommendationCommand::Prioritize {
                        addressee,
                        priority: flipped,
                        note: FreeText::parse("Vordringlich")?,
                    },
                )
                .await?;
            Ok(())
        },
        || async {
            let computed = caller.recommendation_dashboard(today, policy).await?;
            check::same_size(&computed, &dashboard)
        },
    )
    .await?;
    let computed_plain = measure_latency(timing.warmup, loads, || async {
        let (_, late) = plain.dashboard(today).await?;
        check::same_count(late.len(), dashboard.overdue.len())
    })
    .await?;

    let distribution = &dashboard.distribution;
    let rows = vec![
        Row::plain(
            "recommendations generated",
            format!(
                "{count} × {} addressees × {REPORTS} reports = {} events",
                data::addressees().len(),
                prepared.events
            ),
        ),
        Row::plain(
            "fill: one append per recommendation, read models built inline",
            format!("{:.1} s", prepared.fill_seconds),
        ),
        Row::plain(
            "items on the dashboard",
            format!(
                "{} items, {} committed, {} implemented, {} overdue",
                distribution.items,
                distribution.committed(),
                distribution.implemented(),
                dashboard.overdue.len()
            ),
        )
        .compared("plain SQL: the same figures", "—"),
        latency_row(
            "national dashboard, read afresh, median",
            &computed,
            &computed_plain,
            Quantile::Median,
        ),
        latency_row(
            "national dashboard, read afresh, p99",
            &computed,
            &computed_plain,
            Quantile::P99,
        ),
        latency_row(
            "national dashboard, after one recommendation changed, median",
            &after_change,
            &computed_plain,
            Quantile::Median,
        ),
        latency_row(
            "national dashboard, after one recommendation changed, p99",
            &after_change,
            &computed_plain,
            Quantile::P99,
        ),
        latency_row(
            "national dashboard, nothing changed since the last read, median",
            &kept,
            &computed_plain,
            Quantile::Median,
        ),
        latency_row(
            "national dashboard, nothing changed since the last read, p99",
            &kept,
            &computed_plain,
            Quantile::P99,
        ),
    ];
    report
        .add_section(format!("Recommendations — {name}"), rows)
        .note(format!(
            "{count} generated recommendations (one stream each, published between 2016 and \
             three months before the run, half of them reporting half-yearly, half yearly) to \
             the 26 cantons, SODK and EDK: 4 % of the items unanswered, 80 % accepted or partly \
             accepted, each of those with {REPORTS} consecutive reports (ending implemented in \
             40 %, not implemented in 5 %), plus priorities, flags and a few closed \
             recommendations. Appended by {} writers through the store with the app's inline \
             projections, as the commands would have; the events come out of the aggregate's \
             `decide`. {server}",
            data::FILL_WRITERS,
        ))
        .note(format!(
            "App path: `Caller::recommendation_dashboard(today, default policy)` as the Fachstelle. \
             Read afresh (a new `App` per load, as the first read of a new instance): reads \
             every document of `recommendation_digests` (one per recommendation: its summary \
             and its addressees' monitoring rows as JSON arrays), each body read straight into \
             its type (`EventStore::typed_docs`), and computes `MonitoringDashboard` (totals, per addressee and focus area, the \
             overdue list, the quarterly implementation rate, long-outstanding, oldest open, \
             flagged and priority items), {loads} loads after {:.1} s warm-up (at most \
             {MAX_LOADS} loads in this section: at 500 recommendations the plain SQL and a \
             first read take up to a tenth of a second each). After one recommendation changed: before each load (untimed) the \
             Fachstelle sets or clears a priority on one item, and the same instance reads \
             the changed recommendation's digest again and keeps the rest \
             (`EventStore::streams_changed_since`). Nothing changed since the last read: the same instance again, which keeps \
             the documents it read until an event of a recommendation commits or the read \
             model is rebuilt (`crates/app/src/read_cache.rs`; two small queries per read \
             check that).",
            timing.warmup.as_secs_f64(),
        ))
        .note(format!(
            "Plain: `plain_recommendation_items` (one row per item with the recommendation's \
             stage, title, focus area, publication, answer date and rhythm copied in, the \
             acceptance, commitment, status, last reported period, priority and flag), primary \
             key `(recommendation, addressee)` and an index on `(stage, acceptance, status)`, \
             `ANALYZE`d; two queries per load: the totals per acceptance and status, per \
             addressee and per focus area as one `UNION ALL` of `GROUP BY`s over a \
             materialized CTE that computes each item's due date ({}) at every load, and the overdue items `ORDER BY due`. It computes \
             fewer figures than the dashboard (no time series, no lists of open, flagged or \
             priority items). Before measuring, the totals, the figures per addressee and \
             focus area and the overdue items were checked equal to the dashboard's.",
            match name {
                "SQLite" => "`date(…, '+N months', 'floor')`",
                _ => "`date + make_interval(months => N)`",
            },
        ));
    Ok(())
}

/// The bodies of every document of `collection`, in pages.
async fn all_docs(app: &App, collection: &str) -> anyhow::Result<Vec<serde_json::Value>> {
    const PAGE: usize = 1000;
    let mut all = Vec::new();
    let mut after = None;
    loop {
        let query = DocQuery {
            collection: collection.to_owned(),
            after: after.clone(),
            limit: PAGE,
            ..DocQuery::default()
        };
        let docs = app.store().docs(&query).await?;
        let Some(last) = docs.last() else {
            return Ok(all);
        };
        after = Some((last.sort_key.clone(), last.key.id.clone()));
        all.extend(docs.into_iter().map(|doc| doc.body));
    }
}

/// The plain rows of every monitoring row, with its recommendation's
/// fields copied in.
async fn plain_items(app: &App) -> anyhow::Result<Vec<PlainItem>> {
    let summaries: Vec<RecommendationSummary> = all_docs(app, RECOMMENDATION_INDEX)
        .await?
        .into_iter()
        .map(serde_json::from_value)
        .collect::<Result<_, _>>()?;
    let by_id: std::collections::HashMap<_, _> = summaries
        .iter()
        .map(|summary| (summary.id, summary))
        .collect();
    let rows: Vec<MonitoringRow> = all_docs(app, RECOMMENDATION_MONITORING)
        .await?
        .into_iter()
        .map(serde_json::from_value)
        .collect::<Result<_, _>>()?;
    rows.iter()
        .map(|row| {
            let summary = by_id
                .get(&row.recommendation)
                .context("a monitoring row without its recommendation")?;
            Ok(PlainItem {
                recommendation: row.recommendation_key.clone(),
                addressee: row.addressee_key.clone(),
                title: summary.title.clone(),
                focus_area: summary
                    .focus_area
                    .as_ref()
                    .map_or("none", |focus| focus.as_str())
                    .to_owned(),
                stage: summary.stage.as_str().to_owned(),
                published_on: summary.published_on,
                answer_due: summary.schedule.answer_due,
                rhythm_months: i32::try_from(summary.schedule.rhythm.months())?,
                acceptance: row.acceptance.map(|value| value.as_str().to_owned()),
                committed_on: row.committed_on,
                status: row.status.map(|value| value.as_str().to_owned()),
                reported_until: row.reported_until,
                priority: row.priority,
                flagged: row.open_flag.is_some(),
            })
        })
        .collect()
}
