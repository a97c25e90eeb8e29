//! `/metrics` in the Prometheus text format: HTTP requests (count and
//! latency by route and status), appends made by this instance, the log's
//! head, how far the outbox relay and each read model trail it, and the
//! relay's own report: lag behind the log, whether this instance leads it,
//! whether the bus answers, how much it published; and this instance's
//! read-model rebuilds.

use std::sync::Arc;
use std::sync::atomic::AtomicU64;
use std::time::Instant;

use axum::extract::{MatchedPath, Request, State};
use axum::http::{StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use iiz_app::App;
use iiz_app::outbound::{BusState, RelayStatus};
use iiz_store::{EventStore, OUTBOX_CHECKPOINT};
use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{Histogram, exponential_buckets};
use prometheus_client::registry::Registry;

#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RouteLabels {
    route: String,
    status: u16,
}

#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RouteOnly {
    route: String,
}

#[derive(Debug, Clone, Hash, PartialEq, Eq, EncodeLabelSet)]
struct ProjectionLabels {
    projection: String,
}

fn latency_histogram() -> Histogram {
    // 1 ms … about 16 s.
    Histogram::new(exponential_buckets(0.001, 2.0, 15))
}

/// The instance's metrics.
#[derive(Debug, Clone)]
pub struct Metrics {
    registry: Arc<Registry>,
    requests: Family<RouteLabels, Counter>,
    latency: Family<RouteOnly, Histogram, fn() -> Histogram>,
    appends: Gauge,
    head: Gauge,
    outbox_lag: Gauge,
    projection_lag: Family<ProjectionLabels, Gauge>,
    standing_loads: Gauge,
    rebuilding: Gauge,
    rebuilds: Gauge,
    relay: RelayGauges,
}

/// The relay's report ([`RelayStatus`]), read at each scrape.
#[derive(Debug, Clone, Default)]
struct RelayGauges {
    lag_events: Gauge,
    lag_seconds: Gauge<f64, AtomicU64>,
    leading: Gauge,
    leads_taken: Gauge,
    bus_connected: Gauge,
    published: Gauge,
}

impl RelayGauges {
    fn register(&self, registry: &mut Registry) {
        registry.register(
            "relay_lag_events",
            "Events committed to the log and not yet acknowledged by the bus, as the relay last saw",
            self.lag_events.clone(),
        );
        registry.register(
            "relay_lag_seconds",
            "Age of the oldest event the bus has not yet acknowledged",
            self.lag_seconds.clone(),
        );
        registry.register(
            "relay_leading",
            "1 while this instance runs the relay (one instance at a time does)",
            self.leading.clone(),
        );
        registry.register(
            "relay_leads_taken",
            "How often this instance took the relay's lead since it started",
            self.leads_taken.clone(),
        );
        registry.register(
            "bus_connected",
            "1 while the message bus answers (NATS connected, or the in-process bus)",
            self.bus_connected.clone(),
        );
        registry.register(
            "relay_published_events",
            "Events this instance has published to the bus since it started",
            self.published.clone(),
        );
    }

    fn set(&self, status: &RelayStatus) {
        self.lag_events
            .set(i64::try_from(status.lag_events()).unwrap_or(i64::MAX));
        self.lag_seconds.set(status.lag_seconds());
        self.leading.set(i64::from(status.leading()));
        self.leads_taken
            .set(i64::try_from(status.leads_taken()).unwrap_or(i64::MAX));
        self.bus_connected
            .set(i64::from(status.bus() != BusState::Unreachable));
        self.published
            .set(i64::try_from(status.published()).unwrap_or(i64::MAX));
    }
}

impl Metrics {
    pub fn new() -> Self {
        let mut registry = Registry::with_prefix("iiz");
        let requests = Family::<RouteLabels, Counter>::default();
        let latency = Family::<RouteOnly, Histogram, fn() -> Histogram>::new_with_constructor(
            latency_histogram,
        );
        let appends = Gauge::default();
        let head = Gauge::default();
        let outbox_lag = Gauge::default();
        let projection_lag = Family::<ProjectionLabels, Gauge>::default();
        registry.register("http_requests", "HTTP requests answered", requests.clone());
        registry.register(
            "http_request_duration_seconds",
            "Time to answer an HTTP request",
            latency.clone(),
        );
        registry.register(
            "appends",
            "Appends committed by this instance since it started",
            appends.clone(),
        );
        registry.register(
            "log_head_position",
            "Position of the last event committed to the log",
            head.clone(),
        );
        registry.register(
            "outbox_lag_events",
            "Log positions not yet relayed by the outbox relay",
            outbox_lag.clone(),
        );
        registry.register(
            "projection_lag_events",
            "Log positions a read model has not applied: 0 while it runs inline with every \
             append, the distance from its checkpoint while it waits for a rebuild",
            projection_lag.clone(),
        );
        let standing_loads = Gauge::default();
        registry.register(
            "standing_loads",
            "Reads of a caller's seats and networks from the read models since the start \
             (once per request at most, however many items a list shows)",
            standing_loads.clone(),
        );
        let rebuilding = Gauge::default();
        registry.register(
            "read_models_rebuilding",
            "1 while this instance rebuilds the read models into a new generation (one \
             instance at a time does; all serve the live generation meanwhile)",
            rebuilding.clone(),
        );
        let rebuilds = Gauge::default();
        registry.register(
            "read_model_rebuilds",
            "Read-model rebuilds this instance completed and switched in since it started",
            rebuilds.clone(),
        );
        let relay = RelayGauges::default();
        relay.register(&mut registry);
        Self {
            registry: Arc::new(registry),
            requests,
            latency,
            appends,
            head,
            outbox_lag,
            projection_lag,
            standing_loads,
            rebuilding,
            rebuilds,
            relay,
        }
    }
}

impl Default for Metrics {
    fn default() -> Self {
        Self::new()
    }
}

/// Counts and times every request by its route pattern (never the raw
/// path, which would let clients create unbounded label values).
pub async fn track(State(metrics): State<Metrics>, request: Request, next: Next) -> Response {
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map_or_else(|| "unmatched".to_owned(), |path| path.as_str().to_owned());
    let started = Instant::now();
    let response = next.run(request).await;
    metrics
        .latency
        .get_or_create(&RouteOnly {
            route: route.clone(),
        })
        .observe(started.elapsed().as_secs_f64());
    metrics
        .requests
        .get_or_create(&RouteLabels {
            route,
            status: response.status().as_u16(),
        })
        .inc();
    response
}

/// Renders the metrics, reading the log's state at scrape time.
pub async fn render(State((app, metrics)): State<(App, Metrics)>) -> Response {
    let store = app.store();
    metrics.relay.set(app.relay_status());
    let rebuilds = app.rebuild_status();
    metrics.rebuilding.set(i64::from(rebuilds.running()));
    metrics
        .rebuilds
        .set(i64::try_from(rebuilds.completed()).unwrap_or(i64::MAX));
    metrics
        .standing_loads
        .set(i64::try_from(app.standing_loads().get()).unwrap_or(i64::MAX));
    metrics
        .appends
        .set(i64::try_from(*store.notifier().watch().borrow()).unwrap_or(i64::MAX));
    match store.head().await {
        Ok(head) => {
            metrics.head.set(head.position);
            if let Ok(relayed) = store.checkpoint(OUTBOX_CHECKPOINT).await {
                let relayed = relayed.map_or(0, |checkpoint| checkpoint.cursor.position);
                metrics.outbox_lag.set((head.position - relayed).max(0));
            }
            for projection in app.projections().iter() {
                let Ok(checkpoint) = store.checkpoint(projection.name()).await else {
                    continue;
                };
                // A projection whose checkpoint carries its current version
                // is applied inline with every append.
                let lag = match checkpoint {
                    Some(checkpoint) if checkpoint.version == projection.version() => 0,
                    Some(checkpoint) => head.position - checkpoint.cursor.position,
                    None => head.position,
                };
                metrics
                    .projection_lag
                    .get_or_create(&ProjectionLabels {
                        projection: projection.name().to_owned(),
                    })
                    .set(lag.max(0));
            }
        }
        Err(error) => tracing::warn!(%error, "metrics: cannot read the log head"),
    }
    let mut text = String::new();
    if let Err(error) = prometheus_client::encoding::text::encode(&mut text, &metrics.registry) {
        tracing::error!(%error, "metrics: cannot encode");
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    }
    (
        [(
            header::CONTENT_TYPE,
            "application/openmetrics-text; version=1.0.0; charset=utf-8",
        )],
        text,
    )
        .into_response()
}
