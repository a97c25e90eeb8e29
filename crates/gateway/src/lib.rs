//! The HTTP front door of the platform: `/graphql` (POST, and GET for
//! queries), subscriptions at `/graphql/ws`, GraphiQL at `/graphiql` in
//! development, the monitoring and panorama exports at `/exports/…`, the
//! meeting feeds at `/calendar/bodies/{body}.ics` and `/calendar/me.ics`,
//! `/healthz`, `/readyz` and `/metrics`, and the web pages (everything
//! else, see [`web`]).
//!
//! Authentication (session cookie or API token) happens here; every
//! decision about access is taken in `app`.

mod api;
mod auth;
mod calendar;
mod exports;
pub mod graphql;
mod health;
mod metrics;
mod subscriptions;
mod throttle;
mod web;

use std::time::Duration;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::get;
use iiz_app::App;
use tower::ServiceBuilder;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::timeout::TimeoutLayer;

pub use api::{CSRF_HEADER, MAX_BATCH};
pub use subscriptions::SocketLimits;
pub use throttle::{NotANetwork, TrustedProxies};

/// How the gateway behaves; the binary fills it from configuration.
#[derive(Debug, Clone)]
pub struct GatewaySettings {
    /// GraphiQL on, introspection for everyone.
    pub development: bool,
    /// Set when the platform is served over TLS: cookies get `Secure`.
    pub secure_cookies: bool,
    /// Requests per minute and caller (person, or address when anonymous),
    /// over HTTP and the socket alike.
    pub requests_per_minute: u32,
    /// Reverse proxies whose `Forwarded` / `X-Forwarded-For` name the
    /// client; from anyone else those headers are ignored.
    pub trusted_proxies: TrustedProxies,
    /// What one WebSocket and one caller's sockets may hold.
    pub socket_limits: SocketLimits,
    /// Largest request body accepted, on every route: a larger one is
    /// answered 413 before it is read, authenticated or parsed.
    pub max_body_bytes: usize,
    /// What one GraphQL request may cost and how deep it may select.
    pub query_limits: graphql::QueryLimits,
    /// Longest a request may take before it is answered 408.
    pub request_timeout: Duration,
    /// `scheme://host[:port]` people reach the platform at; a sign-in
    /// sent from a page of any other origin (or of another `Host`) is
    /// refused.
    pub public_origin: Option<String>,
}

impl Default for GatewaySettings {
    fn default() -> Self {
        Self {
            development: false,
            secure_cookies: false,
            requests_per_minute: 600,
            trusted_proxies: TrustedProxies::default(),
            socket_limits: SocketLimits::default(),
            max_body_bytes: 256 * 1024,
            query_limits: graphql::QueryLimits::default(),
            request_timeout: Duration::from_secs(30),
            public_origin: None,
        }
    }
}

/// The routes of the platform.
pub fn router(app: App, settings: &GatewaySettings) -> Router {
    let schema = graphql::schema_with(app.clone(), settings.query_limits);
    let metrics = metrics::Metrics::new();
    let throttle = throttle::Throttle::new(
        settings.requests_per_minute,
        settings.trusted_proxies.clone(),
    );
    let api = api::Api::new(app.clone(), schema, throttle.clone(), settings);
    let mut routes = Router::new()
        .route("/graphql", get(api::graphql).post(api::graphql))
        .route("/graphql/ws", get(subscriptions::subscriptions))
        .route(
            "/exports/recommendations/monitoring.csv",
            get(exports::monitoring_csv),
        )
        .route(
            "/exports/recommendations/monitoring.json",
            get(exports::monitoring_json),
        )
        .route(
            "/exports/panorama/{year}/{file}",
            get(exports::panorama_export),
        )
        .route("/calendar/bodies/{file}", get(calendar::body_feed))
        .route("/calendar/me.ics", get(calendar::my_feed));
    if settings.development {
        routes = routes.route("/graphiql", get(api::graphiql));
    }
    routes
        .with_state(api)
        .merge(health::routes(app.clone()))
        .merge(web::routes(
            app.clone(),
            settings.secure_cookies,
            throttle,
            settings.public_origin.clone(),
        ))
        .route(
            "/metrics",
            get(metrics::render).with_state((app, metrics.clone())),
        )
        // Axum's own limit only binds its extractors (the GraphQL one reads
        // the whole body regardless); this layer answers 413 to a declared
        // length over the limit before any handler runs, and cuts off a
        // chunked body at the limit.
        .layer(DefaultBodyLimit::max(settings.max_body_bytes))
        .layer(RequestBodyLimitLayer::new(settings.max_body_bytes))
        .layer(axum::middleware::from_fn_with_state(
            metrics,
            metrics::track,
        ))
        .layer(TimeoutLayer::with_status_code(
            axum::http::StatusCode::REQUEST_TIMEOUT,
            settings.request_timeout,
        ))
        .layer(
            ServiceBuilder::new()
                .layer(SetRequestIdLayer::x_request_id(MakeRequestUuid))
                .layer(PropagateRequestIdLayer::x_request_id()),
        )
}
