//! Forms without JavaScript: every form carries the visitor's token
//! (`_csrf`), is posted, and is answered with a redirect to the page that
//! shows the result (POST-redirect-GET) or, when refused, with the same
//! form again: what was typed kept, the error next to its field.

use axum::body::Body;
use axum::extract::{FromRef, FromRequest, FromRequestParts, Request};
use axum::http::{HeaderValue, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::CookieJar;
use iiz_app::AppError;
use serde::de::DeserializeOwned;

use super::WebState;
use super::errors::{Failure, WebError};
use super::i18n::Tr;
use super::refusal::Refusal;
use super::visitor::{FORM_COOKIE, Visitor};
use crate::auth::secrets_match;

/// Largest form the pages accept (a concern's description is the longest
/// text a form sends).
const MAX_FORM_BYTES: usize = 256 * 1024;
/// Cookie carrying a one-time notice to show on the next page.
pub const FLASH_COOKIE: &str = "iiz_flash";

/// The anonymous visitor's form token, found or just made.
#[derive(Debug, Clone)]
pub struct FormToken(pub String);

/// Gives every visitor without one a form token cookie, so the sign-in
/// form is protected like every other (login CSRF).
pub async fn form_token(mut request: Request, next: Next) -> Response {
    let jar = CookieJar::from_headers(request.headers());
    let existing = jar.get(FORM_COOKIE).map(|cookie| cookie.value().to_owned());
    let (token, fresh) = match existing.filter(|token| token.len() >= 32) {
        Some(token) => (token, false),
        None => match random_token() {
            Some(token) => (token, true),
            None => return Failure::Internal.response(Tr::new(iiz_domain::Language::De)),
        },
    };
    request.extensions_mut().insert(FormToken(token.clone()));
    let mut response = next.run(request).await;
    if fresh
        && let Ok(cookie) = HeaderValue::from_str(&format!(
            "{FORM_COOKIE}={token}; Path=/; HttpOnly; SameSite=Lax"
        ))
    {
        response.headers_mut().append(header::SET_COOKIE, cookie);
    }
    response
}

fn random_token() -> Option<String> {
    let mut bytes = [0u8; 24];
    getrandom::fill(&mut bytes).ok()?;
    Some(hex::encode(bytes))
}

impl Failure {
    fn response(self, tr: Tr) -> Response {
        WebError::new(self, tr, "").into_response()
    }
}

/// A posted form whose token matched, with its visitor.
#[derive(Debug)]
pub struct Posted<T> {
    pub visitor: Visitor,
    pub form: T,
}

impl<S, T> FromRequest<S> for Posted<T>
where
    S: Send + Sync,
    WebState: FromRef<S>,
    T: DeserializeOwned,
{
    type Rejection = WebError;

    async fn from_request(request: Request<Body>, state: &S) -> Result<Self, Self::Rejection> {
        let (mut parts, body) = request.into_parts();
        let visitor = Visitor::from_request_parts(&mut parts, state).await?;
        let refuse = |failure| visitor.refuse(failure);
        let bytes = axum::body::to_bytes(body, MAX_FORM_BYTES)
            .await
            .map_err(|_| refuse(Failure::BadRequest))?;
        let sent = url::form_urlencoded::parse(&bytes)
            .find(|(name, _)| name == "_csrf")
            .map(|(_, value)| value.into_owned());
        let matches = sent
            .is_some_and(|sent| !visitor.csrf.is_empty() && secrets_match(&sent, &visitor.csrf));
        if !matches {
            return Err(refuse(Failure::FormExpired));
        }
        let form = serde_html_form::from_bytes(&bytes).map_err(|error| {
            tracing::info!(%error, "form did not parse");
            refuse(Failure::BadRequest)
        })?;
        Ok(Self { visitor, form })
    }
}

/// Refusals of a form: next to their field when the refusal names one of
/// the form's fields, else above the form.
#[derive(Debug, Clone, Default)]
pub struct FormErrors {
    fields: Vec<(String, String)>,
    pub general: Option<Refusal>,
}

impl FormErrors {
    pub fn none() -> Self {
        Self::default()
    }

    /// A refusal of the application for a form with `fields`. Faults of
    /// the platform and missing rights are not the form's business: they
    /// come back as the page error.
    pub fn of(error: AppError, visitor: &Visitor, fields: &[&str]) -> Result<Self, WebError> {
        if error.kind().is_none() {
            return Err(visitor.fail(error));
        }
        let refusal = Refusal::of(&error, visitor.tr);
        let field = field_of(&error).filter(|field| fields.contains(field));
        Ok(match field {
            // Next to the field in the visitor's words; the refusal's own
            // (English) sentence stays above the form as its detail.
            Some(field) => Self {
                fields: vec![(field.to_owned(), refusal.text.clone())],
                general: Some(refusal),
            },
            None => Self {
                fields: Vec::new(),
                general: Some(refusal),
            },
        })
    }

    /// One field's error, in the visitor's words.
    pub fn field(field: &str, message: String) -> Self {
        Self {
            fields: vec![(field.to_owned(), message)],
            general: None,
        }
    }

    pub fn add(&mut self, field: &str, message: String) {
        self.fields.push((field.to_owned(), message));
    }

    pub fn is_empty(&self) -> bool {
        self.fields.is_empty() && self.general.is_none()
    }

    /// The message for `field`, if it failed.
    pub fn at(&self, field: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|(name, _)| name == field)
            .map(|(_, message)| message.as_str())
    }

    /// Whether `field` failed (for `aria-invalid`).
    pub fn failed(&self, field: &str) -> bool {
        self.at(field).is_some()
    }
}

/// The field a refusal names, if any.
fn field_of(error: &AppError) -> Option<&str> {
    error.field()
}

/// `303 See Other` to `to`, with a one-time notice (a text key) for the
/// page there.
pub fn done(to: &str, notice: &str) -> Response {
    let mut response = Redirect::to(to).into_response();
    if let Ok(cookie) = HeaderValue::from_str(&format!(
        "{FLASH_COOKIE}={notice}; Path=/; HttpOnly; SameSite=Lax; Max-Age=60"
    )) {
        response.headers_mut().append(header::SET_COOKIE, cookie);
    }
    response
}

/// A value for a URL's query.
pub fn encode(value: &str) -> String {
    url::form_urlencoded::byte_serialize(value.as_bytes()).collect()
}

/// Only paths of this site are followed after a sign-in or a switch of
/// language (no open redirect).
pub fn local_path(path: &str) -> String {
    if path.starts_with('/') && !path.starts_with("//") && !path.contains('\\') {
        path.to_owned()
    } else {
        "/".to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_local_paths_are_followed() {
        assert_eq!(local_path("/concerns?stage=draft"), "/concerns?stage=draft");
        assert_eq!(local_path("//evil.example/"), "/");
        assert_eq!(local_path("https://evil.example/"), "/");
        assert_eq!(local_path("/\\evil.example"), "/");
    }

    #[test]
    fn field_errors_are_found_by_field() {
        let mut errors = FormErrors::field("title", "empty".to_owned());
        errors.add("description", "too long".to_owned());
        assert_eq!(errors.at("title"), Some("empty"));
        assert!(errors.failed("description"));
        assert!(!errors.failed("focus_area"));
        assert!(!errors.is_empty());
    }
}
