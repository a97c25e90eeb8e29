//! `/graphql/ws`: GraphQL subscriptions over WebSocket (the `graphql-ws`
//! and the older `subscriptions-transport-ws` protocols).
//!
//! Browsers cannot set headers on a WebSocket, so the client authenticates
//! in `connection_init`: `{"authorization": "Bearer iiz_…"}` for an API
//! token, or `{"csrfToken": "…"}` next to the session cookie. The CSRF token
//! proves the page is ours: with the cookie alone, any site could subscribe
//! in the user's name. Without either, the connection is anonymous and every
//! subscription is refused with `UNAUTHENTICATED`.
//!
//! A socket is held to [`SocketLimits`]: open sockets per address (refused
//! before the upgrade) and per person (refused at `connection_init`),
//! operations at once per socket, message size, and the time
//! `connection_init` may take. Every operation sent over it counts against
//! the same rate limit as `/graphql` ([`executor`]). A live socket checks
//! its credentials again ([`watch`]) and ends when they no longer hold.

mod admission;
mod connection;
mod executor;
mod watch;

use std::net::SocketAddr;
use std::str::FromStr;
use std::time::Duration;

use async_graphql::http::{ALL_WEBSOCKET_PROTOCOLS, WebSocketProtocols};
use axum::extract::ws::WebSocketUpgrade;
use axum::extract::{ConnectInfo, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum_extra::extract::CookieJar;

use crate::api::{Api, refuse};
use crate::auth::SESSION_COOKIE;
use crate::graphql::Code;
use crate::throttle::RateKey;

/// What one socket, and one caller's sockets, may hold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SocketLimits {
    /// Open sockets of one signed-in person (all their tabs and programs).
    pub connections_per_person: usize,
    /// Open sockets from one client address, signed in or not.
    pub connections_per_address: usize,
    /// Operations running at once on one socket (subscriptions, and the
    /// queries and mutations being answered).
    pub subscriptions_per_connection: usize,
    /// Largest message (and frame) a client may send.
    pub max_message_bytes: usize,
    /// How long after opening the socket `connection_init` must arrive.
    pub init_timeout: Duration,
    /// How often a live socket checks its session or token again even
    /// without a signal (expiry, a sign-out on another instance).
    pub recheck_interval: Duration,
}

impl Default for SocketLimits {
    fn default() -> Self {
        Self {
            connections_per_person: 8,
            connections_per_address: 32,
            subscriptions_per_connection: 20,
            max_message_bytes: 64 * 1024,
            init_timeout: Duration::from_secs(10),
            recheck_interval: Duration::from_secs(60),
        }
    }
}

/// The protocol the client asked for, the first one we speak.
fn protocol(headers: &HeaderMap) -> Option<WebSocketProtocols> {
    headers
        .get(header::SEC_WEBSOCKET_PROTOCOL)
        .and_then(|value| value.to_str().ok())
        .and_then(|protocols| {
            protocols
                .split(',')
                .find_map(|protocol| WebSocketProtocols::from_str(protocol.trim()).ok())
        })
}

pub async fn subscriptions(
    State(api): State<Api>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    jar: CookieJar,
    upgrade: WebSocketUpgrade,
) -> Response {
    let Some(protocol) = protocol(&headers) else {
        return StatusCode::BAD_REQUEST.into_response();
    };
    let client = api.throttle.client(peer, &headers);
    let limits = api.socket_limits.clone();
    let Some(address_slot) = api
        .sockets
        .hold(RateKey::Address(client), limits.connections_per_address)
    else {
        return refuse(
            StatusCode::TOO_MANY_REQUESTS,
            Code::RateLimited,
            &format!(
                "at most {} open connections per address",
                limits.connections_per_address
            ),
        );
    };
    let opened = connection::Opened {
        client,
        cookie: jar
            .get(SESSION_COOKIE)
            .map(|cookie| cookie.value().to_owned()),
        request_id: headers
            .get("x-request-id")
            .and_then(|value| value.to_str().ok())
            .unwrap_or_default()
            .to_owned(),
        address_slot,
    };
    upgrade
        .protocols(ALL_WEBSOCKET_PROTOCOLS)
        .max_message_size(limits.max_message_bytes)
        .max_frame_size(limits.max_message_bytes)
        .on_upgrade(move |socket| connection::serve(api, socket, protocol, opened))
}
