//! The GraphQL section: the `tenants` + `bodies` query under concurrent
//! clients, next to a plain axum JSON handler serving the same read models
//! with the same session check, in the same server and run.

use std::sync::Arc;
use std::time::Instant;

use anyhow::Context;
use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use hdrhistogram::Histogram;
use iiz_app::App;
use iiz_app::demo::DEMO_PASSWORD;
use serde_json::json;
use tokio::net::TcpListener;
use tokio::sync::Mutex;

use crate::Settings;
use crate::report::{Report, Row};
use crate::timing::{Window, per_second, percent};

/// Concurrent clients, as the issue asks.
const CLIENTS: usize = 32;
/// The GraphQL path must reach this share of the plain handler's rate.
const TARGET: f64 = 0.5;
const SIGN_IN_AS: &str = "anna.beispiel@zh.demo.iiz.invalid";

const QUERY: &str = "{ tenants(first: 27) { edges { node { id names { language text } officialLanguages activeBodies } } } \
     bodies(first: 50) { edges { node { id tenant kind names { language text } mandate active activeFrom } } } }";

/// The same two listings as one JSON document, after the same session check.
async fn plain(State(app): State<App>, headers: HeaderMap) -> Response {
    let token = headers
        .get("cookie")
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.strip_prefix("iiz_session="));
    let Some(token) = token else {
        return StatusCode::UNAUTHORIZED.into_response();
    };
    let principal = match app.session(token).await {
        Ok(Some(session)) => session.principal,
        _ => return StatusCode::UNAUTHORIZED.into_response(),
    };
    let caller = app.caller(Some(&principal));
    let tenants = caller.tenants(27, None).await;
    let bodies = caller
        .bodies(&iiz_app::BodyFilter::default(), 50, None)
        .await;
    match (tenants, bodies) {
        (Ok(tenants), Ok(bodies)) => {
            Json(json!({ "tenants": tenants.items, "bodies": bodies.items })).into_response()
        }
        _ => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}

struct Measured {
    rate: f64,
    median_ms: f64,
    p99_ms: f64,
}

/// Requests per second and latency with `CLIENTS` clients sending `send`.
async fn measure<F, Fut>(settings: &Settings, send: F) -> anyhow::Result<Measured>
where
    F: Fn(reqwest::Client) -> Fut + Send + Sync + Clone + 'static,
    Fut: Future<Output = anyhow::Result<()>> + Send,
{
    let histogram = Arc::new(Mutex::new(
        Histogram::<u64>::new_with_bounds(1, 60_000_000, 3).context("histogram")?,
    ));
    let window = Window::start(settings.timing);
    let client = reqwest::Client::new();
    let tasks: Vec<_> = (0..CLIENTS)
        .map(|_| {
            let send = send.clone();
            let client = client.clone();
            let histogram = histogram.clone();
            tokio::spawn(async move {
                let mut done = 0u64;
                let mut latencies = Vec::new();
                while window.running() {
                    let started = Instant::now();
                    send(client.clone()).await?;
                    let before = done;
                    window.record(&mut done, 1);
                    if done > before {
                        latencies
                            .push(u64::try_from(started.elapsed().as_micros()).unwrap_or(u64::MAX));
                    }
                }
                let mut histogram = histogram.lock().await;
                for micros in latencies {
                    histogram.saturating_record(micros.max(1));
                }
                anyhow::Ok(done)
            })
        })
        .collect();
    let mut total = 0;
    for task in tasks {
        total += task.await.context("client panicked")??;
    }
    let histogram = histogram.lock().await;
    Ok(Measured {
        rate: total as f64 / settings.timing.duration.as_secs_f64(),
        median_ms: histogram.value_at_quantile(0.5) as f64 / 1000.0,
        p99_ms: histogram.value_at_quantile(0.99) as f64 / 1000.0,
    })
}

pub async fn run_graphql_benchmarks(
    settings: &Settings,
    report: &mut Report,
) -> anyhow::Result<()> {
    for backend in &settings.backends {
        let (database, name) = crate::setup::fresh_database(*backend).await?;
        eprintln!("GraphQL, {name}");
        let app = App::new(database.store.clone());
        app.prepare().await?;
        app.load_demo().await?;
        let signed_in = app.sign_in(SIGN_IN_AS, DEMO_PASSWORD).await?;
        let cookie = format!("iiz_session={}", signed_in.session_token);
        let gateway = iiz_gateway::GatewaySettings {
            requests_per_minute: u32::MAX,
            ..iiz_gateway::GatewaySettings::default()
        };
        let router = iiz_gateway::router(app.clone(), &gateway).merge(
            axum::Router::new()
                .route("/plain", get(plain))
                .with_state(app.clone()),
        );
        let listener = TcpListener::bind("127.0.0.1:0").await?;
        let address = listener.local_addr()?;
        let server = tokio::spawn(async move {
            axum::serve(
                listener,
                router.into_make_service_with_connect_info::<std::net::SocketAddr>(),
            )
            .await
        });
        let graphql_url = format!("http://{address}/graphql");
        let plain_url = format!("http://{address}/plain");
        let body = json!({ "query": QUERY });
        let check = reqwest::Client::new()
            .post(&graphql_url)
            .header("cookie", &cookie)
            .json(&body)
            .send()
            .await?
            .json::<serde_json::Value>()
            .await?;
        anyhow::ensure!(
            check["data"]["bodies"]["edges"]
                .as_array()
                .is_some_and(|edges| !edges.is_empty()),
            "unexpected answer: {check}"
        );
        let graphql = {
            let cookie = cookie.clone();
            let url = graphql_url.clone();
            measure(settings, move |client: reqwest::Client| {
                let request = client
                    .post(url.clone())
                    .header("cookie", cookie.clone())
                    .json(&body);
                async move {
                    let response = request.send().await?.error_for_status()?;
                    response.bytes().await?;
                    Ok(())
                }
            })
            .await?
        };
        let plain = {
            let cookie = cookie.clone();
            measure(settings, move |client: reqwest::Client| {
                let request = client
                    .get(plain_url.clone())
                    .header("cookie", cookie.clone());
                async move {
                    let response = request.send().await?.error_for_status()?;
                    response.bytes().await?;
                    Ok(())
                }
            })
            .await?
        };
        server.abort();
        let met = graphql.rate >= TARGET * plain.rate;
        let rows = vec![
            Row::plain(
                "`tenants` + `bodies` query, throughput",
                per_second(graphql.rate, "requests"),
            )
            .compared(
                format!(
                    "plain axum JSON handler: {}",
                    per_second(plain.rate, "requests")
                ),
                percent(graphql.rate, plain.rate),
            )
            .target(format!(
                "≥ {:.0} % of plain: {}",
                TARGET * 100.0,
                if met { "met" } else { "NOT met" }
            )),
            Row::plain("latency, median", format!("{:.2} ms", graphql.median_ms)).compared(
                format!("plain: {:.2} ms", plain.median_ms),
                ratio(graphql.median_ms, plain.median_ms),
            ),
            Row::plain("latency, p99", format!("{:.2} ms", graphql.p99_ms)).compared(
                format!("plain: {:.2} ms", plain.p99_ms),
                ratio(graphql.p99_ms, plain.p99_ms),
            ),
        ];
        report
            .add_section(format!("GraphQL — {name}"), rows)
            .note(format!(
                "{CLIENTS} concurrent HTTP/1.1 clients (reqwest, keep-alive) against the real router \
                 on 127.0.0.1 in this process, signed in with a session cookie; each request asks \
                 for the 27 tenants and the first 50 bodies (demo data). The plain handler at \
                 `/plain` checks the same session and returns the same read models as one JSON \
                 document, so the ratio is the cost of GraphQL itself."
            ));
        drop(database);
    }
    Ok(())
}

fn ratio(value: f64, reference: f64) -> String {
    if reference > 0.0 {
        format!("{:.1}×", value / reference)
    } else {
        "—".to_owned()
    }
}
