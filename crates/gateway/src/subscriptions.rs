//! `/graphql/ws`: GraphQL subscriptions over WebSocket (the `graphql-ws`
//! and the older `subscriptions-transport-ws` protocols).
//!
//! Browsers cannot set headers on a WebSocket, so the client authenticates
//! in `connection_init`: `{"authorization": "Bearer iiz_…"}` for an API
//! token, or `{"csrfToken": "…"}` next to the session cookie. The CSRF token
//! proves the page is ours: with the cookie alone, any site could subscribe
//! in the user's name. Without either, the connection is anonymous and every
//! subscription is refused with `UNAUTHENTICATED`.

use async_graphql::http::ALL_WEBSOCKET_PROTOCOLS;
use async_graphql::{Data, Error};
use async_graphql_axum::{GraphQLProtocol, GraphQLWebSocket};
use axum::extract::State;
use axum::extract::ws::WebSocketUpgrade;
use axum::http::HeaderMap;
use axum::response::Response;
use axum_extra::extract::CookieJar;
use iiz_app::App;
use serde_json::Value;

use crate::api::Api;
use crate::auth::SESSION_COOKIE;
use crate::graphql::{Code, RequestContext, coded};

pub async fn subscriptions(
    State(api): State<Api>,
    protocol: GraphQLProtocol,
    headers: HeaderMap,
    jar: CookieJar,
    upgrade: WebSocketUpgrade,
) -> Response {
    let cookie = jar
        .get(SESSION_COOKIE)
        .map(|cookie| cookie.value().to_owned());
    let request_id = headers
        .get("x-request-id")
        .and_then(|value| value.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    let secure_cookies = api.secure_cookies;
    upgrade
        .protocols(ALL_WEBSOCKET_PROTOCOLS)
        .on_upgrade(move |stream| {
            let app = api.app.clone();
            GraphQLWebSocket::new(stream, api.schema.clone(), protocol)
                .on_connection_init(move |payload| async move {
                    let context =
                        authenticate(&app, cookie, &payload, request_id, secure_cookies).await?;
                    let mut data = Data::default();
                    data.insert(context);
                    Ok(data)
                })
                .serve()
        })
}

async fn authenticate(
    app: &App,
    cookie: Option<String>,
    payload: &Value,
    request_id: String,
    secure_cookies: bool,
) -> Result<RequestContext, Error> {
    let internal = |error: iiz_app::AppError| {
        tracing::error!(%error, "authenticating a subscription failed");
        coded(Code::Internal, "internal error")
    };
    let principal = if let Some(header) = payload.get("authorization").and_then(Value::as_str) {
        let secret = header.strip_prefix("Bearer ").unwrap_or(header).trim();
        match app.bearer(secret).await.map_err(internal)? {
            Some(principal) => Some(principal),
            None => {
                return Err(coded(
                    Code::Unauthenticated,
                    "the API token is unknown or revoked",
                ));
            }
        }
    } else if let Some(token) = cookie {
        let sent = payload.get("csrfToken").and_then(Value::as_str);
        match app.session(&token).await.map_err(internal)? {
            Some(active)
                if sent
                    .is_some_and(|sent| crate::auth::secrets_match(sent, &active.csrf_token)) =>
            {
                Some(active.principal)
            }
            Some(_) => {
                return Err(coded(
                    Code::Forbidden,
                    "a subscription with a session cookie needs csrfToken in connection_init",
                ));
            }
            None => None,
        }
    } else {
        None
    };
    Ok(RequestContext {
        principal,
        request_id,
        session_token: None,
        secure_cookies,
        client: None,
        // A socket cannot set the session cookie, and any site may open
        // one: signing in is for HTTP POST only.
        foreign_origin: true,
    })
}
