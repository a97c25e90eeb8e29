//! The session cookie: HttpOnly, SameSite=Lax, Secure when served over TLS.

use async_graphql::Context;
use chrono::{DateTime, Utc};

use super::context::RequestContext;

/// Name of the session cookie.
pub const COOKIE: &str = "iiz_session";

fn attributes(ctx: &Context<'_>, max_age: i64) -> String {
    let secure = RequestContext::of(ctx).is_ok_and(|request| request.secure_cookies);
    format!(
        "Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age}{}",
        if secure { "; Secure" } else { "" }
    )
}

/// The `Set-Cookie` value for a new session. Tokens are URL-safe base64,
/// so they need no quoting.
pub fn cookie(ctx: &Context<'_>, token: &str, expires_at: DateTime<Utc>) -> String {
    let max_age = (expires_at - Utc::now()).num_seconds().max(0);
    format!("{COOKIE}={token}; {}", attributes(ctx, max_age))
}

/// A `Set-Cookie` value that removes the session cookie.
pub fn expired_cookie(ctx: &Context<'_>) -> String {
    format!("{COOKIE}=; {}", attributes(ctx, 0))
}

/// The session token this request came with, if any.
pub fn token<'a>(ctx: &Context<'a>) -> Option<&'a str> {
    RequestContext::of(ctx)
        .ok()
        .and_then(|request| request.session_token.as_deref())
}
