//! The pages' POSTs count against the same rate limit as GraphQL: per
//! person when signed in, else per client address. Pages read with GET are
//! not counted (they change nothing and are cheap to serve).

use std::net::{IpAddr, SocketAddr};

use axum::extract::{ConnectInfo, FromRequestParts, Request, State};
use axum::http::Method;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::WebState;
use super::errors::{Failure, WebError};
use super::visitor::Visitor;
use crate::throttle::RateKey;

pub async fn posts(State(state): State<WebState>, request: Request, next: Next) -> Response {
    if request.method() != Method::POST {
        return next.run(request).await;
    }
    let (mut parts, body) = request.into_parts();
    let visitor = match Visitor::from_request_parts(&mut parts, &state).await {
        Ok(visitor) => visitor,
        Err(error) => return error.into_response(),
    };
    let peer = parts
        .extensions
        .get::<ConnectInfo<SocketAddr>>()
        .map_or(IpAddr::from([0, 0, 0, 0]), |ConnectInfo(peer)| peer.ip());
    let client = state
        .throttle
        .client(SocketAddr::new(peer, 0), &parts.headers);
    if !state
        .throttle
        .allow(&RateKey::of(visitor.principal(), client))
    {
        return WebError::new(Failure::TooManyRequests, visitor.tr, &visitor.request_id)
            .into_response();
    }
    // The handler finds the visitor here instead of reading the session again.
    parts.extensions.insert(visitor);
    next.run(Request::from_parts(parts, body)).await
}
