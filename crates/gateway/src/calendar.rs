//! `/calendar/bodies/{body}.ics` and `/calendar/me.ics`: the meetings of a
//! body, and of every body the signed-in person sits in, as iCalendar
//! feeds for calendar programs. Authenticated like the exports (session
//! cookie or API token); a calendar program subscribes with HTTP Basic
//! authentication, an API token as the password, since most of them cannot
//! send a bearer header and a token in the URL would end up in logs. Read
//! through the same [`iiz_app::Caller`] and its rules as GraphQL, refusals
//! with the same codes mapped to HTTP statuses.

use std::net::SocketAddr;

use axum::extract::{ConnectInfo, Path, State};
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Response};
use axum_extra::extract::CookieJar;
use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use iiz_app::AppError;
use iiz_app::authz::Principal;
use iiz_app::meetings::ics;
use iiz_domain::{BodyId, Language};

use crate::api::{Api, reader, refuse, refused_by};
use crate::graphql::{Code, code_of};

/// Makes calendar programs ask for the user name and token.
const CHALLENGE: &str = "Basic realm=\"IIZ calendar\", charset=\"UTF-8\"";

fn failed(error: &AppError) -> Response {
    let mut response = refused_by(error, "calendar feed");
    if code_of(error) == Code::Unauthenticated {
        response.headers_mut().insert(
            header::WWW_AUTHENTICATE,
            HeaderValue::from_static(CHALLENGE),
        );
    }
    response
}

/// HTTP Basic credentials (any user name, an API token as the password)
/// as the bearer header [`crate::api::admit`] understands; other headers as
/// they are. Undecodable Basic credentials stay as they are and are
/// refused there like an unknown token.
fn basic_as_bearer(headers: &HeaderMap) -> HeaderMap {
    let token = headers
        .get(header::AUTHORIZATION)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.strip_prefix("Basic "))
        .and_then(|encoded| BASE64.decode(encoded.trim()).ok())
        .and_then(|decoded| String::from_utf8(decoded).ok())
        .and_then(|pair| pair.split_once(':').map(|(_, token)| token.to_owned()))
        .and_then(|token| HeaderValue::from_str(&format!("Bearer {token}")).ok());
    let mut headers = headers.clone();
    if let Some(bearer) = token {
        headers.insert(header::AUTHORIZATION, bearer);
    }
    headers
}

/// The caller of a feed request, within the rate limit; a calendar
/// program without valid credentials is challenged for them.
async fn caller_of(
    api: &Api,
    peer: SocketAddr,
    headers: &HeaderMap,
    jar: &CookieJar,
) -> Result<Option<Principal>, Response> {
    let headers = basic_as_bearer(headers);
    reader(api, peer, &headers, jar)
        .await
        .map_err(|mut response| {
            if response.status() == axum::http::StatusCode::UNAUTHORIZED {
                response.headers_mut().insert(
                    header::WWW_AUTHENTICATE,
                    HeaderValue::from_static(CHALLENGE),
                );
            }
            response
        })
}

fn feed(name: &str, body: String) -> Response {
    let disposition = HeaderValue::from_str(&format!("inline; filename=\"{name}.ics\""))
        .unwrap_or(HeaderValue::from_static("inline"));
    (
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/calendar; charset=utf-8"),
            ),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        body,
    )
        .into_response()
}

/// One body's meetings, joint ones included.
pub async fn body_feed(
    State(api): State<Api>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    jar: CookieJar,
    Path(file): Path<String>,
) -> Response {
    let principal = match caller_of(&api, peer, &headers, &jar).await {
        Ok(principal) => principal,
        Err(response) => return response,
    };
    let Some(id) = file
        .strip_suffix(".ics")
        .and_then(|id| BodyId::parse(id).ok())
    else {
        return refuse(
            Code::NotFound.http_status(),
            Code::NotFound,
            "a body's feed is /calendar/bodies/<body id>.ics",
        );
    };
    let caller = api.app.caller(principal.as_ref());
    let body = match caller.body(id).await {
        Ok(body) => body,
        Err(error) => return failed(&error),
    };
    match caller.body_calendar(id).await {
        Ok(entries) => {
            let name = body.names.best(Language::De).to_owned();
            feed(&format!("iiz-{id}"), ics::calendar(&name, &entries))
        }
        Err(error) => failed(&error),
    }
}

/// The meetings of every body the signed-in person sits in.
pub async fn my_feed(
    State(api): State<Api>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    jar: CookieJar,
) -> Response {
    let principal = match caller_of(&api, peer, &headers, &jar).await {
        Ok(principal) => principal,
        Err(response) => return response,
    };
    match api.app.caller(principal.as_ref()).my_calendar().await {
        Ok(entries) => feed(
            "iiz-meine-sitzungen",
            ics::calendar("Meine IIZ-Sitzungen", &entries),
        ),
        Err(error) => failed(&error),
    }
}
