//! Signing out everywhere: every session of the person ends, on every
//! device, this one included (a lost phone, a shared computer).

use axum::http::{HeaderValue, header};
use axum::response::Response;
use serde::Deserialize;

use crate::auth::expired_session_cookie;
use crate::web::errors::WebError;
use crate::web::forms::{Posted, done};

#[derive(Debug, Deserialize)]
pub struct EndSessionsForm {}

/// `POST /profile/sessions/end`: then to the sign-in page with a notice.
pub async fn sign_out_everywhere(
    Posted { visitor, .. }: Posted<EndSessionsForm>,
) -> Result<Response, WebError> {
    let principal = visitor.signed_in()?.clone();
    visitor
        .app
        .sign_out_everywhere(&principal)
        .await
        .map_err(|error| visitor.fail(error))?;
    let mut response = done("/signin", "notice-signed-out-everywhere");
    if let Ok(cookie) = HeaderValue::from_str(&expired_session_cookie(visitor.secure_cookies)) {
        response.headers_mut().append(header::SET_COOKIE, cookie);
    }
    Ok(response)
}
