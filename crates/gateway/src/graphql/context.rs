//! What every resolver knows about its request: who is asking and the
//! request id that errors are logged with.

use async_graphql::{Context, Result};
use iiz_app::AppError;
use iiz_app::authz::{Denied, Principal};
use iiz_domain::Language;
use tokio::sync::watch;

use super::error::to_graphql;

/// Per-request data handed to the schema.
#[derive(Debug, Clone)]
pub struct RequestContext {
    pub principal: Option<Principal>,
    pub request_id: String,
    /// The session cookie's token, when the request came with one.
    pub session_token: Option<String>,
    /// Whether cookies get the `Secure` flag (served over TLS).
    pub secure_cookies: bool,
    /// The client's address, for the sign-in throttle.
    pub client: Option<std::net::IpAddr>,
    /// Whether the request came from a page of another site (its
    /// `Origin`): `signIn` refuses it (login CSRF).
    pub foreign_origin: bool,
}

impl RequestContext {
    pub fn of<'a>(ctx: &Context<'a>) -> Result<&'a RequestContext> {
        ctx.data::<RequestContext>()
    }

    /// The signed-in principal, or `UNAUTHENTICATED`.
    pub fn principal(&self) -> Result<&Principal> {
        self.principal
            .as_ref()
            .ok_or_else(|| self.error(AppError::Denied(Denied::Unauthenticated)))
    }

    pub fn error(&self, error: AppError) -> async_graphql::Error {
        let language = self
            .principal
            .as_ref()
            .map_or(Language::De, |principal| principal.language);
        to_graphql(error, &self.request_id, language)
    }
}

/// Over a WebSocket: the connection's principal as it is now. The socket
/// replaces it when the person's roles change, so subscriptions re-read
/// with what the person may see now, not what they could at the start.
#[derive(Debug, Clone)]
pub struct LivePrincipal(pub watch::Receiver<Option<Principal>>);
