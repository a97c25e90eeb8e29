//! `/graphql`: authenticate, enforce rate limit, CSRF and batch limits, then run
//! the schema. Refusals before execution answer in GraphQL's error shape
//! with the same `extensions.code` as resolver errors.

use std::net::{IpAddr, SocketAddr};

use async_graphql::parser::types::{DocumentOperations, OperationType};
use async_graphql::{BatchRequest, Request};
use async_graphql_axum::{GraphQLBatchRequest, GraphQLResponse};
use axum::Json;
use axum::extract::{ConnectInfo, FromRequest, State};
use axum::http::{HeaderMap, Method, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use axum_extra::extract::CookieJar;
use iiz_app::App;
use iiz_app::authz::Principal;
use serde_json::json;

use crate::GatewaySettings;
use crate::auth::secrets_match;
use crate::graphql::{Code, IizSchema, PerRequest, RequestContext, code_graphql_refusals};
use crate::subscriptions::SocketLimits;
use crate::throttle::{Connections, RateKey, Throttle};

/// Most operations in one batched request.
pub const MAX_BATCH: usize = 10;
/// Header carrying the CSRF token of a cookie session.
pub const CSRF_HEADER: &str = "x-csrf-token";

/// Shared state of the GraphQL endpoint and the socket.
#[derive(Clone)]
pub struct Api {
    pub app: App,
    pub schema: IizSchema,
    pub throttle: Throttle,
    /// Open sockets per person and per address.
    pub sockets: Connections,
    pub socket_limits: SocketLimits,
    pub development: bool,
    pub secure_cookies: bool,
    pub public_origin: Option<String>,
}

impl std::fmt::Debug for Api {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Api")
            .field("throttle", &self.throttle)
            .field("socket_limits", &self.socket_limits)
            .field("development", &self.development)
            .field("secure_cookies", &self.secure_cookies)
            .finish_non_exhaustive()
    }
}

impl Api {
    pub fn new(
        app: App,
        schema: IizSchema,
        throttle: Throttle,
        settings: &GatewaySettings,
    ) -> Self {
        Self {
            app,
            schema,
            throttle,
            sockets: Connections::default(),
            socket_limits: settings.socket_limits.clone(),
            development: settings.development,
            secure_cookies: settings.secure_cookies,
            public_origin: settings.public_origin.clone(),
        }
    }
}

/// A refusal in GraphQL's error shape.
pub(crate) fn refuse(status: StatusCode, code: Code, message: &str) -> Response {
    (
        status,
        Json(
            json!({ "errors": [{ "message": message, "extensions": { "code": code.as_str() } }] }),
        ),
    )
        .into_response()
}

/// The response to a refusal on a plain HTTP route (exports, feeds): the
/// stable code and its status; an internal error is logged, not shown.
pub(crate) fn refused_by(error: &iiz_app::AppError, route: &'static str) -> Response {
    let code = crate::graphql::code_of(error);
    if code == Code::Internal {
        tracing::error!(%error, route, "request failed");
        return refuse(code.http_status(), code, "internal error");
    }
    refuse(code.http_status(), code, &error.to_string())
}

/// The caller of a read-only HTTP request (exports, feeds), within the
/// rate limit.
pub(crate) async fn reader(
    api: &Api,
    peer: SocketAddr,
    headers: &HeaderMap,
    jar: &CookieJar,
) -> Result<Option<Principal>, Response> {
    admit(api, peer, headers, jar, 1)
        .await
        .map(|(principal, _)| principal)
}

/// How the request proved who it is.
pub(crate) enum Credentials {
    Anonymous,
    Cookie { token: String, csrf: String },
    Bearer,
}

fn rate_limited() -> Response {
    refuse(
        Code::RateLimited.http_status(),
        Code::RateLimited,
        "too many requests; slow down",
    )
}

fn internal(error: &iiz_app::AppError) -> Response {
    tracing::error!(%error, "authentication failed");
    refuse(
        StatusCode::INTERNAL_SERVER_ERROR,
        Code::Internal,
        "internal error",
    )
}

/// Why a bearer token opened nothing.
#[derive(Debug)]
pub(crate) enum BearerRefused {
    /// Unknown, revoked, or not a token of ours.
    Unknown,
    RateLimited,
    Internal(iiz_app::AppError),
}

/// The principal of an API token, within the rate limit (`cost`
/// requests). The token is only read until the limit let the request
/// through: an unknown token counts against the client's address, a known
/// one against its owner, and only then is its use written down.
pub(crate) async fn bearer(
    api: &Api,
    secret: &str,
    client: IpAddr,
    cost: u32,
) -> Result<Principal, BearerRefused> {
    let token = api
        .app
        .bearer_token(secret)
        .await
        .map_err(BearerRefused::Internal)?;
    let Some(token) = token else {
        return Err(if api.throttle.allow(&RateKey::Address(client)) {
            BearerRefused::Unknown
        } else {
            BearerRefused::RateLimited
        });
    };
    if !api
        .throttle
        .allow_n(&RateKey::of(Some(&token.principal), client), cost)
    {
        return Err(BearerRefused::RateLimited);
    }
    api.app
        .record_token_use(&token)
        .await
        .map_err(BearerRefused::Internal)?;
    Ok(token.principal)
}

/// Authenticates the request (session cookie or API token) and counts it,
/// as `cost` requests (the operations of a batch), against the rate limit:
/// per person when signed in, else per client address.
pub(crate) async fn admit(
    api: &Api,
    peer: SocketAddr,
    headers: &HeaderMap,
    jar: &CookieJar,
    cost: u32,
) -> Result<(Option<Principal>, Credentials), Response> {
    let client = api.throttle.client(peer, headers);
    if let Some(value) = headers.get(axum::http::header::AUTHORIZATION) {
        let secret = value
            .to_str()
            .ok()
            .and_then(|value| value.strip_prefix("Bearer "))
            .map(str::trim)
            .unwrap_or_default();
        return match bearer(api, secret, client, cost).await {
            Ok(principal) => Ok((Some(principal), Credentials::Bearer)),
            Err(BearerRefused::Unknown) => Err(refuse(
                StatusCode::UNAUTHORIZED,
                Code::Unauthenticated,
                "the API token is unknown or revoked",
            )),
            Err(BearerRefused::RateLimited) => Err(rate_limited()),
            Err(BearerRefused::Internal(error)) => Err(internal(&error)),
        };
    }
    let session = crate::auth::cookie_session(&api.app, jar)
        .await
        .map_err(|error| internal(&error))?;
    let (principal, credentials) = match session {
        Some(session) => (
            Some(session.principal),
            Credentials::Cookie {
                token: session.token,
                csrf: session.csrf,
            },
        ),
        None => (None, Credentials::Anonymous),
    };
    if !api
        .throttle
        .allow_n(&RateKey::of(principal.as_ref(), client), cost)
    {
        return Err(rate_limited());
    }
    Ok((principal, credentials))
}

/// Whether any operation of the request is a mutation (or does not parse:
/// the schema reports that; here it only must not slip past the checks).
fn mutates(request: &Request) -> bool {
    match async_graphql::parser::parse_query(&request.query) {
        Ok(document) => match &document.operations {
            DocumentOperations::Single(operation) => operation.node.ty == OperationType::Mutation,
            DocumentOperations::Multiple(operations) => operations
                .values()
                .any(|operation| operation.node.ty == OperationType::Mutation),
        },
        Err(_) => false,
    }
}

/// Whether the body is declared as JSON (`application/json`, parameters
/// such as `charset` allowed).
fn is_json(headers: &HeaderMap) -> bool {
    headers
        .get(axum::http::header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.split(';').next())
        .is_some_and(|mime| mime.trim().eq_ignore_ascii_case("application/json"))
}

pub async fn graphql(
    State(api): State<Api>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    request: axum::extract::Request,
) -> Response {
    let (mut parts, body) = request.into_parts();
    let method = parts.method.clone();
    // HEAD is GET without the body of the answer: its query is read from
    // the address like GET's (and refused like GET's when it mutates).
    if method == Method::HEAD {
        parts.method = Method::GET;
    }
    let headers = parts.headers.clone();
    let jar = CookieJar::from_headers(&headers);
    // Read the body first: a chunked body cut off at the limit (the body
    // limit layer's error) is then 413 like a declared length over it,
    // where the GraphQL extractor would call it a bad request.
    let body = match axum::body::Bytes::from_request(axum::extract::Request::new(body), &()).await {
        Ok(bytes) => axum::body::Body::from(bytes),
        Err(rejection) if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE => {
            return refuse(
                StatusCode::PAYLOAD_TOO_LARGE,
                Code::Validation,
                "the request body is larger than the limit",
            );
        }
        Err(rejection) => return rejection.into_response(),
    };
    let request =
        match GraphQLBatchRequest::<async_graphql_axum::rejection::GraphQLRejection>::from_request(
            axum::extract::Request::from_parts(parts, body),
            &(),
        )
        .await
        {
            Ok(request) => request,
            Err(rejection) => return rejection.into_response(),
        };
    let request_id = headers
        .get("x-request-id")
        .and_then(|value| value.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    let batch = request.into_inner();
    let requests: Vec<&Request> = match &batch {
        BatchRequest::Single(request) => vec![request],
        BatchRequest::Batch(requests) => requests.iter().collect(),
    };
    if requests.len() > MAX_BATCH {
        return refuse(
            StatusCode::BAD_REQUEST,
            Code::Validation,
            &format!("at most {MAX_BATCH} operations per batch"),
        );
    }
    let mutation = requests.iter().any(|request| mutates(request));
    // HEAD is answered like GET (axum routes it to the same handler), so
    // it must not change anything either.
    if mutation && (method == Method::GET || method == Method::HEAD) {
        return refuse(
            StatusCode::METHOD_NOT_ALLOWED,
            Code::Validation,
            "mutations must be sent with POST",
        );
    }
    // A batch costs what its operations would cost one by one.
    let cost = u32::try_from(requests.len()).unwrap_or(u32::MAX);
    let (principal, credentials) = match admit(&api, peer, &headers, &jar, cost).await {
        Ok(found) => found,
        Err(response) => return response,
    };
    let session_token = match &credentials {
        Credentials::Cookie { token, csrf } => {
            let sent = headers
                .get(CSRF_HEADER)
                .and_then(|value| value.to_str().ok());
            if mutation && !sent.is_some_and(|sent| secrets_match(sent, csrf)) {
                return refuse(
                    StatusCode::FORBIDDEN,
                    Code::Forbidden,
                    "a mutation with a session cookie needs the X-CSRF-Token header",
                );
            }
            Some(token.clone())
        }
        Credentials::Anonymous => {
            // Login CSRF: a page of another site can post a form
            // (form-encoded, multipart, text/plain) without asking; only
            // JSON needs the browser's permission (a CORS preflight).
            if mutation && !is_json(&headers) {
                return refuse(
                    StatusCode::UNSUPPORTED_MEDIA_TYPE,
                    Code::Forbidden,
                    "a mutation without a session must be sent as application/json",
                );
            }
            None
        }
        Credentials::Bearer => None,
    };
    let signed_in = principal.is_some();
    let mut batch = batch
        .data(RequestContext {
            principal,
            request_id,
            session_token,
            secure_cookies: api.secure_cookies,
            client: Some(peer.ip()),
            foreign_origin: crate::auth::foreign_origin(&headers, api.public_origin.as_deref()),
        })
        // Shared by the batch's operations: one standing, one cost budget.
        .data(PerRequest::new());
    if !api.development && !signed_in {
        batch = batch.disable_introspection();
    }
    let mut response = api.schema.execute_batch(batch).await;
    match &mut response {
        async_graphql::BatchResponse::Single(one) => code_graphql_refusals(one),
        async_graphql::BatchResponse::Batch(many) => {
            many.iter_mut().for_each(code_graphql_refusals)
        }
    }
    GraphQLResponse::from(response).into_response()
}

/// GraphiQL, served in development mode only.
pub async fn graphiql() -> Html<String> {
    Html(
        async_graphql::http::GraphiQLSource::build()
            .endpoint("/graphql")
            .subscription_endpoint("/graphql/ws")
            .finish(),
    )
}
