//! Authentication pieces every protocol shares: the session cookie (set by
//! GraphQL's `signIn` and by the sign-in page alike), finding the session a
//! request came with, and comparing secrets without leaking their length of
//! agreement through timing.

use axum_extra::extract::CookieJar;
use chrono::{DateTime, Utc};
use iiz_app::authz::Principal;
use iiz_app::{App, AppError};

/// Name of the session cookie.
pub const SESSION_COOKIE: &str = "iiz_session";

/// A live session found through the request's cookie.
#[derive(Debug, Clone)]
pub struct CookieSession {
    pub principal: Principal,
    /// The cookie's token, needed to sign out.
    pub token: String,
    /// What forms and `X-CSRF-Token` must send back with every change.
    pub csrf: String,
}

/// The session of the request's cookie, if it is alive.
pub async fn cookie_session(app: &App, jar: &CookieJar) -> Result<Option<CookieSession>, AppError> {
    let Some(cookie) = jar.get(SESSION_COOKIE) else {
        return Ok(None);
    };
    let token = cookie.value().to_owned();
    Ok(app.session(&token).await?.map(|active| CookieSession {
        principal: active.principal,
        token,
        csrf: active.csrf_token,
    }))
}

/// HttpOnly, SameSite=Lax (a link from an e-mail still arrives signed in,
/// a cross-site form post does not), Secure when served over TLS.
fn attributes(max_age: i64, secure: bool) -> String {
    format!(
        "Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age}{}",
        if secure { "; Secure" } else { "" }
    )
}

/// The `Set-Cookie` value for a new session. Tokens are URL-safe base64,
/// so they need no quoting.
pub fn session_cookie(token: &str, expires_at: DateTime<Utc>, secure: bool) -> String {
    let max_age = (expires_at - Utc::now()).num_seconds().max(0);
    format!("{SESSION_COOKIE}={token}; {}", attributes(max_age, secure))
}

/// A `Set-Cookie` value that removes the session cookie.
pub fn expired_session_cookie(secure: bool) -> String {
    format!("{SESSION_COOKIE}=; {}", attributes(0, secure))
}

/// Compares two secrets in time that depends only on their lengths.
pub fn secrets_match(sent: &str, expected: &str) -> bool {
    let (sent, expected) = (sent.as_bytes(), expected.as_bytes());
    sent.len() == expected.len()
        && sent
            .iter()
            .zip(expected)
            .fold(0u8, |difference, (a, b)| difference | (a ^ b))
            == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_match_only_when_equal() {
        assert!(secrets_match("abc", "abc"));
        assert!(!secrets_match("abd", "abc"));
        assert!(!secrets_match("ab", "abc"));
        assert!(!secrets_match("", "abc"));
    }

    #[test]
    fn the_session_cookie_is_http_only_and_secure_over_tls() {
        let cookie = session_cookie("t0k", Utc::now() + chrono::Duration::hours(1), true);
        assert!(cookie.starts_with("iiz_session=t0k; Path=/; HttpOnly; SameSite=Lax"));
        assert!(cookie.ends_with("; Secure"));
        assert!(expired_session_cookie(false).contains("Max-Age=0"));
    }
}
