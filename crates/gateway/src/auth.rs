//! Authentication pieces every protocol shares: the session cookie (set by
//! GraphQL's `signIn` and by the sign-in page alike), finding the session a
//! request came with, comparing secrets without leaking their length of
//! agreement through timing, and telling a request from a page of another
//! site (its `Origin`).

use axum::http::{HeaderMap, header};
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

/// Compares two secrets in time that depends only on their lengths
/// (`subtle`, so the compiler cannot shortcut the comparison).
pub fn secrets_match(sent: &str, expected: &str) -> bool {
    use subtle::ConstantTimeEq;
    bool::from(sent.as_bytes().ct_eq(expected.as_bytes()))
}

/// Whether the request came from a page of another site: its `Origin`
/// is neither the configured public origin nor the origin of the `Host`
/// it was sent to (`Sec-Fetch-Site: cross-site` says so too). A request
/// without either header comes from a program, not a page, and is not
/// foreign: login CSRF needs a browser, and browsers send `Origin` with
/// every POST.
pub fn foreign_origin(headers: &HeaderMap, public_origin: Option<&str>) -> bool {
    if headers
        .get("sec-fetch-site")
        .and_then(|value| value.to_str().ok())
        .is_some_and(|site| site.eq_ignore_ascii_case("cross-site"))
    {
        return true;
    }
    let Some(origin) = headers.get(header::ORIGIN) else {
        return false;
    };
    let Ok(origin) = origin.to_str() else {
        return true;
    };
    let origin = origin.trim_end_matches('/');
    if public_origin.is_some_and(|public| public.trim_end_matches('/').eq_ignore_ascii_case(origin))
    {
        return false;
    }
    let host = headers
        .get(header::HOST)
        .and_then(|value| value.to_str().ok());
    let same_host = host.is_some_and(|host| {
        ["http://", "https://"]
            .iter()
            .any(|scheme| origin.eq_ignore_ascii_case(&format!("{scheme}{host}")))
    });
    !same_host
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

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut headers = HeaderMap::new();
        for (name, value) in pairs {
            headers.insert(*name, axum::http::HeaderValue::from_static(value));
        }
        headers
    }

    #[test]
    fn only_pages_of_another_site_are_foreign() {
        let public = Some("https://iiz.example.ch");
        // a program without Origin
        assert!(!foreign_origin(
            &headers(&[("host", "iiz.example.ch")]),
            public
        ));
        // the platform's own pages, by configuration or by Host
        assert!(!foreign_origin(
            &headers(&[("origin", "https://iiz.example.ch")]),
            public
        ));
        assert!(!foreign_origin(
            &headers(&[
                ("origin", "http://127.0.0.1:8080"),
                ("host", "127.0.0.1:8080")
            ]),
            None
        ));
        // another site
        assert!(foreign_origin(
            &headers(&[
                ("origin", "https://evil.example"),
                ("host", "iiz.example.ch")
            ]),
            public
        ));
        assert!(foreign_origin(&headers(&[("origin", "null")]), public));
        assert!(foreign_origin(
            &headers(&[("sec-fetch-site", "cross-site")]),
            public
        ));
    }

    #[test]
    fn the_session_cookie_is_http_only_and_secure_over_tls() {
        let cookie = session_cookie("t0k", Utc::now() + chrono::Duration::hours(1), true);
        assert!(cookie.starts_with("iiz_session=t0k; Path=/; HttpOnly; SameSite=Lax"));
        assert!(cookie.ends_with("; Secure"));
        assert!(expired_session_cookie(false).contains("Max-Age=0"));
    }
}
