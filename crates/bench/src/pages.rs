//! The pages section: how fast the web pages people wait for most render
//! at the benchmark's data size — the monitoring dashboard (`/monitoring`)
//! and the Fachstelle's intake queue (`/queue`) — through the real server
//! over HTTP, signed in as the Fachstelle, one request at a time. The
//! issue's goal: p95 below 100 ms.

use std::future::Future;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use chrono::{NaiveDate, Utc};
use hdrhistogram::Histogram;
use iiz_app::App;
use iiz_app::demo::DEMO_PASSWORD;
use iiz_domain::recommendation::RecommendationCommand;
use iiz_domain::text::FreeText;
use iiz_domain::{Party, RecommendationId};
use iiz_projections::MonitoringPolicy;
use iiz_store::testing::TestDatabase;
use tokio::net::TcpListener;

use crate::Settings;
use crate::report::{Report, Row};
use crate::timing::millis;

/// The goal of the issue for these pages.
const TARGET_P95_MS: u64 = 100;
/// Loads per page at most: a slow page must not hold the run for long.
const MAX_LOADS: usize = 300;
/// Loads of the dashboard each right after a change (each reads the
/// changed recommendation's digest again).
const AFTER_CHANGE_LOADS: usize = 30;
/// The Fachstelle's office, who has both pages.
const SIGN_IN_AS: &str = "petra.muster@fachstelle.demo.iiz.invalid";
/// The pages measured: path and what the report calls it.
const PAGES: [(&str, &str); 2] = [
    ("/monitoring", "monitoring dashboard `/monitoring`"),
    ("/queue", "intake queue `/queue`"),
];

/// Median and 95th percentile of one page, in microseconds.
struct Timed {
    median_us: u64,
    p95_us: u64,
    bytes: usize,
}

pub async fn run_page_benchmarks(settings: &Settings, report: &mut Report) -> anyhow::Result<()> {
    for backend in &settings.backends {
        let (database, name) = crate::setup::fresh_database(*backend).await?;
        let result = measure(settings, report, name, &database).await;
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
) -> anyhow::Result<()> {
    let today = Utc::now().date_naive();
    let app = App::new(database.store.clone());
    app.prepare().await?;
    eprintln!("pages, {name}: generating {} concerns", settings.concerns);
    crate::concerns::data::fill_and_rebuild(database, settings.concerns).await?;
    eprintln!("pages, {name}: the demo people");
    app.load_demo().await?;
    eprintln!(
        "pages, {name}: generating {} recommendations",
        settings.recommendations
    );
    crate::recommendations::data::fill(&app, settings.recommendations, today).await?;
    let signed_in = app.sign_in(SIGN_IN_AS, DEMO_PASSWORD).await?;
    let cookie = format!("iiz_session={}", signed_in.session_token);
    let gateway = iiz_gateway::GatewaySettings {
        requests_per_minute: u32::MAX,
        ..iiz_gateway::GatewaySettings::default()
    };
    let router = iiz_gateway::router(app.clone(), &gateway);
    let listener = TcpListener::bind("127.0.0.1:0").await?;
    let address = listener.local_addr()?;
    let server = tokio::spawn(async move {
        axum::serve(
            listener,
            router.into_make_service_with_connect_info::<std::net::SocketAddr>(),
        )
        .await
    });
    let client = reqwest::Client::new();
    let loads = settings.loads.min(MAX_LOADS);
    let mut rows = Vec::new();
    for (path, label) in PAGES {
        let url = format!("http://{address}{path}");
        let status = client
            .get(&url)
            .header("cookie", &cookie)
            .send()
            .await?
            .status();
        if status != reqwest::StatusCode::OK {
            // Another page area may not have this route yet.
            rows.push(Row::plain(
                format!("{label}, p95"),
                format!("not measured (answers {status})"),
            ));
            continue;
        }
        eprintln!("pages, {name}: {path}");
        let timed = time_page(
            &client,
            &url,
            &cookie,
            settings.timing.warmup,
            loads,
            |_| async { Ok(()) },
        )
        .await?;
        let met = timed.p95_us <= TARGET_P95_MS * 1000;
        rows.push(Row::plain(
            format!("{label}, median"),
            millis(timed.median_us),
        ));
        rows.push(
            Row::plain(format!("{label}, p95"), millis(timed.p95_us)).target(format!(
                "< {TARGET_P95_MS} ms: {}",
                if met { "met" } else { "not met" }
            )),
        );
        rows.push(Row::plain(
            format!("{label}, size"),
            format!("{} KB of HTML", timed.bytes / 1024),
        ));
    }
    // The dashboard keeps what it read until a recommendation changes
    // (crates/app/src/read_cache.rs): also time it right after changes.
    eprintln!("pages, {name}: /monitoring after changes");
    let url = format!("http://{address}/monitoring");
    let toggle = &Toggle::find(&app, today).await?;
    let app = &app;
    let after_change = time_page(
        &client,
        &url,
        &cookie,
        Duration::ZERO,
        AFTER_CHANGE_LOADS,
        |_| async move { toggle.flip(app).await },
    )
    .await?;
    rows.push(Row::plain(
        "monitoring dashboard right after a recommendation changed, median",
        millis(after_change.median_us),
    ));
    rows.push(Row::plain(
        "monitoring dashboard right after a recommendation changed, p95",
        millis(after_change.p95_us),
    ));
    server.abort();
    report
        .add_section(format!("Pages — {name}"), rows)
        .note(format!(
            "{} generated concerns (as in the concerns section) and {} generated \
             recommendations to 28 addressees (as in the recommendations section), plus the \
             demo data; signed in as the Fachstelle's office. Each page is requested over HTTP \
             from the real server (session cookie, CSRF and security layers, askama rendering, \
             inline SVG charts), one request at a time: {loads} loads per page after {:.1} s \
             warm-up, the whole response body read. The dashboard's reads are kept per instance \
             until an event of a recommendation commits (checked with two small queries per \
             load); \"right after a recommendation changed\" toggles an item's priority before \
             each of {AFTER_CHANGE_LOADS} loads, so each load reads that recommendation's \
             digest again.",
            settings.concerns,
            settings.recommendations,
            settings.timing.warmup.as_secs_f64(),
        ));
    Ok(())
}

/// Requests `url` for `warmup` unrecorded, then `loads` times recorded;
/// before each recorded load `change` runs (untimed).
async fn time_page<F, Fut>(
    client: &reqwest::Client,
    url: &str,
    cookie: &str,
    warmup: Duration,
    loads: usize,
    mut change: F,
) -> anyhow::Result<Timed>
where
    F: FnMut(usize) -> Fut,
    Fut: Future<Output = anyhow::Result<()>>,
{
    let fetch = || async {
        let response = client.get(url).header("cookie", cookie).send().await?;
        if response.status() != reqwest::StatusCode::OK {
            bail!("{url} answered {}", response.status());
        }
        anyhow::Ok(response.bytes().await?.len())
    };
    let warm_until = Instant::now() + warmup;
    while Instant::now() < warm_until {
        fetch().await?;
    }
    let mut histogram =
        Histogram::<u64>::new_with_bounds(1, 60_000_000, 3).context("latency histogram")?;
    let mut bytes = 0;
    for load in 0..loads {
        change(load).await?;
        let started = Instant::now();
        bytes = fetch().await?;
        let micros = u64::try_from(started.elapsed().as_micros()).unwrap_or(u64::MAX);
        histogram.saturating_record(micros.max(1));
    }
    Ok(Timed {
        median_us: histogram.value_at_quantile(0.5),
        p95_us: histogram.value_at_quantile(0.95),
        bytes,
    })
}

/// Toggles the priority of one published item: a change to the
/// recommendations, after which the monitoring reads are read afresh.
struct Toggle {
    caller_principal: iiz_app::authz::Principal,
    recommendation: RecommendationId,
    addressee: Party,
    priority: AtomicBool,
}

impl Toggle {
    async fn find(app: &App, today: NaiveDate) -> anyhow::Result<Self> {
        let principal = crate::setup::fachstelle();
        let table = app
            .caller(Some(&principal))
            .monitoring_table(today, MonitoringPolicy::default())
            .await?;
        let item = table
            .iter()
            .find(|record| record.recommendation_stage == "published")
            .context("no published recommendation")?;
        Ok(Self {
            recommendation: item.recommendation_id,
            addressee: Party::parse(&item.addressee)?,
            priority: AtomicBool::new(item.priority),
            caller_principal: principal,
        })
    }

    async fn flip(&self, app: &App) -> anyhow::Result<()> {
        // The new priority: the opposite of the last one.
        let priority = !self.priority.fetch_xor(true, Ordering::Relaxed);
        app.caller(Some(&self.caller_principal))
            .recommendation_command(
                self.recommendation,
                RecommendationCommand::Prioritize {
                    addressee: self.addressee,
                    priority,
                    note: FreeText::default(),
                },
            )
            .await?;
        Ok(())
    }
}
