//! The session cookie as GraphQL's `signIn`/`signOut` set it: the shared
//! cookie of [`crate::auth`], with `Secure` when served over TLS.

use async_graphql::Context;
use chrono::{DateTime, Utc};

use super::context::RequestContext;
use crate::auth;

fn secure(ctx: &Context<'_>) -> bool {
    RequestContext::of(ctx).is_ok_and(|request| request.secure_cookies)
}

/// The `Set-Cookie` value for a new session.
pub fn cookie(ctx: &Context<'_>, token: &str, expires_at: DateTime<Utc>) -> String {
    auth::session_cookie(token, expires_at, secure(ctx))
}

/// A `Set-Cookie` value that removes the session cookie.
pub fn expired_cookie(ctx: &Context<'_>) -> String {
    auth::expired_session_cookie(secure(ctx))
}

/// The session token this request came with, if any.
pub fn token<'a>(ctx: &Context<'a>) -> Option<&'a str> {
    RequestContext::of(ctx)
        .ok()
        .and_then(|request| request.session_token.as_deref())
}
