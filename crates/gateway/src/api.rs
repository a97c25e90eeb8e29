//! `/graphql`: authenticate, enforce CSRF, rate and batch limits, then run
//! the schema. Refusals before execution answer in GraphQL's error shape
//! with the same `extensions.code` as resolver errors.

use std::net::SocketAddr;
use std::num::NonZeroU32;
use std::sync::Arc;

use async_graphql::parser::types::{DocumentOperations, OperationType};
use async_graphql::{BatchRequest, Request};
use async_graphql_axum::{GraphQLBatchRequest, GraphQLResponse};
use axum::Json;
use axum::extract::{ConnectInfo, State};
use axum::http::{HeaderMap, Method, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use axum_extra::extract::CookieJar;
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use iiz_app::App;
use iiz_app::authz::Principal;
use serde_json::json;

use crate::auth::secrets_match;
use crate::graphql::{Code, IizSchema, PerRequest, RequestContext};

/// Most operations in one batched request.
pub const MAX_BATCH: usize = 10;
/// Header carrying the CSRF token of a cookie session.
pub const CSRF_HEADER: &str = "x-csrf-token";

/// Shared state of the GraphQL endpoint.
#[derive(Clone)]
pub struct Api {
    pub app: App,
    pub schema: IizSchema,
    pub limiter: Arc<DefaultKeyedRateLimiter<String>>,
    pub development: bool,
    pub secure_cookies: bool,
}

impl std::fmt::Debug for Api {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Api")
            .field("development", &self.development)
            .field("secure_cookies", &self.secure_cookies)
            .finish_non_exhaustive()
    }
}

impl Api {
    pub fn new(app: App, schema: IizSchema, settings: &crate::GatewaySettings) -> Self {
        let per_minute =
            NonZeroU32::new(settings.requests_per_minute.max(1)).unwrap_or(NonZeroU32::MIN);
        Self {
            app,
            schema,
            limiter: Arc::new(RateLimiter::keyed(Quota::per_minute(per_minute))),
            development: settings.development,
            secure_cookies: settings.secure_cookies,
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
/// rate limit: per person, or per address when anonymous.
pub(crate) async fn reader(
    api: &Api,
    peer: SocketAddr,
    headers: &HeaderMap,
    jar: &CookieJar,
) -> Result<Option<Principal>, Response> {
    let (principal, _) = authenticate(&api.app, headers, jar).await?;
    let key = principal.as_ref().map_or_else(
        || format!("ip:{}", peer.ip()),
        |principal| format!("person:{}", principal.person),
    );
    if api.limiter.check_key(&key).is_err() {
        return Err(refuse(
            Code::RateLimited.http_status(),
            Code::RateLimited,
            "too many requests; slow down",
        ));
    }
    Ok(principal)
}

/// How the request proved who it is.
pub(crate) enum Credentials {
    Anonymous,
    Cookie { token: String, csrf: String },
    Bearer,
}

pub(crate) async fn authenticate(
    app: &App,
    headers: &HeaderMap,
    jar: &CookieJar,
) -> Result<(Option<Principal>, Credentials), Response> {
    let internal = |error: iiz_app::AppError| {
        tracing::error!(%error, "authentication failed");
        refuse(
            StatusCode::INTERNAL_SERVER_ERROR,
            Code::Internal,
            "internal error",
        )
    };
    if let Some(value) = headers.get(axum::http::header::AUTHORIZATION) {
        let secret = value
            .to_str()
            .ok()
            .and_then(|value| value.strip_prefix("Bearer "))
            .map(str::trim);
        let principal = match secret {
            Some(secret) => app.bearer(secret).await.map_err(internal)?,
            None => None,
        };
        return match principal {
            Some(principal) => Ok((Some(principal), Credentials::Bearer)),
            None => Err(refuse(
                StatusCode::UNAUTHORIZED,
                Code::Unauthenticated,
                "the API token is unknown or revoked",
            )),
        };
    }
    if let Some(session) = crate::auth::cookie_session(app, jar)
        .await
        .map_err(internal)?
    {
        return Ok((
            Some(session.principal),
            Credentials::Cookie {
                token: session.token,
                csrf: session.csrf,
            },
        ));
    }
    Ok((None, Credentials::Anonymous))
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

pub async fn graphql(
    State(api): State<Api>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    method: Method,
    headers: HeaderMap,
    jar: CookieJar,
    request: GraphQLBatchRequest,
) -> Response {
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
    if mutation && method == Method::GET {
        return refuse(
            StatusCode::METHOD_NOT_ALLOWED,
            Code::Validation,
            "mutations must be sent with POST",
        );
    }
    let (principal, credentials) = match authenticate(&api.app, &headers, &jar).await {
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
        Credentials::Anonymous | Credentials::Bearer => None,
    };
    // Signed-in callers are limited per person, everyone else per address.
    let key = principal.as_ref().map_or_else(
        || format!("ip:{}", peer.ip()),
        |principal| format!("person:{}", principal.person),
    );
    if api.limiter.check_key(&key).is_err() {
        return refuse(
            StatusCode::TOO_MANY_REQUESTS,
            Code::RateLimited,
            "too many requests; slow down",
        );
    }
    let signed_in = principal.is_some();
    let mut batch = batch
        .data(RequestContext {
            principal,
            request_id,
            session_token,
            secure_cookies: api.secure_cookies,
        })
        // Shared by the batch's operations: one standing, one cost budget.
        .data(PerRequest::new());
    if !api.development && !signed_in {
        batch = batch.disable_introspection();
    }
    GraphQLResponse::from(api.schema.execute_batch(batch).await).into_response()
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
