//! `connection_init`: who the socket is for, within the rate limit and the
//! open sockets allowed per person.

use std::net::IpAddr;

use async_graphql::Error;
use iiz_app::authz::Principal;
use serde_json::Value;

use crate::api::{Api, BearerRefused, bearer};
use crate::graphql::{Code, coded};
use crate::throttle::{Held, RateKey};

/// What the socket proved at `connection_init`, to check again later.
#[derive(Debug, Clone)]
pub enum Credential {
    Anonymous,
    /// The session cookie's token.
    Session(String),
    /// The API token's secret.
    Token(String),
}

/// A socket let in.
#[derive(Debug)]
pub struct Admitted {
    pub principal: Option<Principal>,
    pub credential: Credential,
    /// The person's slot among their open sockets.
    pub person_slot: Option<Held>,
}

/// A socket turned away, with the WebSocket close code that says why
/// (the codes of the `graphql-transport-ws` protocol).
#[derive(Debug)]
pub struct Refused {
    pub close_code: u16,
    pub error: Error,
}

/// The close code of an expired or revoked credential.
pub const UNAUTHORIZED: u16 = 4401;
const FORBIDDEN: u16 = 4403;
/// The close code of a limit reached.
pub const TOO_MANY: u16 = 4429;
const INTERNAL: u16 = 1011;

fn refused(close_code: u16, code: Code, message: &str) -> Refused {
    Refused {
        close_code,
        error: coded(code, message),
    }
}

fn internal(error: &iiz_app::AppError) -> Refused {
    tracing::error!(%error, "authenticating a socket failed");
    refused(INTERNAL, Code::Internal, "internal error")
}

pub async fn admit(
    api: &Api,
    cookie: Option<String>,
    payload: &Value,
    client: IpAddr,
) -> Result<Admitted, Refused> {
    let (principal, credential) =
        if let Some(header) = payload.get("authorization").and_then(Value::as_str) {
            let secret = header.strip_prefix("Bearer ").unwrap_or(header).trim();
            // Counted against the rate limit before anything is written.
            match bearer(api, secret, client, 1).await {
                Ok(principal) => (Some(principal), Credential::Token(secret.to_owned())),
                Err(BearerRefused::Unknown) => {
                    return Err(refused(
                        UNAUTHORIZED,
                        Code::Unauthenticated,
                        "the API token is unknown or revoked",
                    ));
                }
                Err(BearerRefused::RateLimited) => {
                    return Err(refused(
                        TOO_MANY,
                        Code::RateLimited,
                        "too many requests; slow down",
                    ));
                }
                Err(BearerRefused::Internal(error)) => return Err(internal(&error)),
            }
        } else {
            let (principal, credential) = session(api, cookie, payload).await?;
            if !api.throttle.allow(&RateKey::of(principal.as_ref(), client)) {
                return Err(refused(
                    TOO_MANY,
                    Code::RateLimited,
                    "too many requests; slow down",
                ));
            }
            (principal, credential)
        };
    let person_slot = match &principal {
        Some(principal) => {
            let most = api.socket_limits.connections_per_person;
            let key = RateKey::Person(principal.person.to_string());
            let Some(slot) = api.sockets.hold(key, most) else {
                return Err(refused(
                    TOO_MANY,
                    Code::RateLimited,
                    &format!("at most {most} open connections per person"),
                ));
            };
            Some(slot)
        }
        None => None,
    };
    Ok(Admitted {
        principal,
        credential,
        person_slot,
    })
}

/// The session of the cookie, if `connection_init` proves the page is ours.
async fn session(
    api: &Api,
    cookie: Option<String>,
    payload: &Value,
) -> Result<(Option<Principal>, Credential), Refused> {
    let Some(token) = cookie else {
        return Ok((None, Credential::Anonymous));
    };
    let sent = payload.get("csrfToken").and_then(Value::as_str);
    match api.app.session(&token).await {
        Ok(Some(active))
            if sent.is_some_and(|sent| crate::auth::secrets_match(sent, &active.csrf_token)) =>
        {
            Ok((Some(active.principal), Credential::Session(token)))
        }
        Ok(Some(_)) => Err(refused(
            FORBIDDEN,
            Code::Forbidden,
            "a subscription with a session cookie needs csrfToken in connection_init",
        )),
        // An ended session leaves an anonymous socket, like a page would.
        Ok(None) => Ok((None, Credential::Anonymous)),
        Err(error) => Err(internal(&error)),
    }
}
