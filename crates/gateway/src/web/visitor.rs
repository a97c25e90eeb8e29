//! Who is looking at a page: the session (if any), the language of the
//! page, the token forms send back, and the request id errors name.

use axum::extract::{FromRef, FromRequestParts};
use axum::http::request::Parts;
use axum::http::{HeaderMap, header};
use axum_extra::extract::CookieJar;
use iiz_app::authz::Principal;
use iiz_app::{App, AppError, Caller, RequestMemo};
use iiz_domain::Language;

use super::WebState;
use super::errors::{Failure, WebError};
use super::i18n::Tr;
use crate::auth::{CookieSession, cookie_session};

/// Cookie holding the language of an anonymous visitor's choice.
pub const LANGUAGE_COOKIE: &str = "iiz_lang";
/// Cookie holding the form token of an anonymous visitor (the sign-in
/// form): a form posted from elsewhere cannot know it.
pub const FORM_COOKIE: &str = "iiz_form";

/// The visitor of a page.
#[derive(Debug, Clone)]
pub struct Visitor {
    pub app: App,
    pub session: Option<CookieSession>,
    pub tr: Tr,
    /// The token every form of this visitor carries as `_csrf`.
    pub csrf: String,
    pub request_id: String,
    /// The path and query of this page, to come back to after a switch
    /// of language or a sign-in.
    pub path: String,
    pub secure_cookies: bool,
    /// Whether the request came from htmx (fragments may be answered).
    pub htmx: bool,
    /// The text key of a one-time notice left by the previous form.
    pub notice: Option<String>,
    /// What this request learned about the caller (their standing), kept
    /// for the rest of the page: a list asks for it once, not per row.
    memo: std::sync::Arc<RequestMemo>,
}

impl Visitor {
    pub fn principal(&self) -> Option<&Principal> {
        self.session.as_ref().map(|session| &session.principal)
    }

    /// The signed-in principal, or a redirect to the sign-in page that
    /// comes back here.
    pub fn signed_in(&self) -> Result<&Principal, WebError> {
        self.principal().ok_or_else(|| {
            self.refuse(Failure::SignIn {
                next: self.path.clone(),
            })
        })
    }

    /// The application as this visitor (the one authorization function).
    pub fn caller(&self) -> Caller<'_> {
        self.app.caller_with(self.principal(), &self.memo)
    }

    /// An application error as this visitor's page shows it.
    pub fn fail(&self, error: AppError) -> WebError {
        WebError::from_app(error, self.tr, &self.path, &self.request_id)
            .switchable(&self.csrf, &self.path)
    }

    /// The error page of `failure` for this visitor.
    pub fn refuse(&self, failure: Failure) -> WebError {
        WebError::new(failure, self.tr, &self.request_id).switchable(&self.csrf, &self.path)
    }
}

/// The language of the page: the profile's when signed in, else the
/// visitor's choice, else what the browser asks for, else German.
fn language(session: Option<&CookieSession>, jar: &CookieJar, headers: &HeaderMap) -> Language {
    if let Some(session) = session {
        return session.principal.language;
    }
    if let Some(chosen) = jar
        .get(LANGUAGE_COOKIE)
        .and_then(|cookie| Language::parse(cookie.value()).ok())
    {
        return chosen;
    }
    headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|value| value.to_str().ok())
        .and_then(|accepted| {
            accepted.split(',').find_map(|part| {
                let tag = part.split(';').next().unwrap_or_default().trim();
                let primary = tag
                    .split('-')
                    .next()
                    .unwrap_or_default()
                    .to_ascii_lowercase();
                match primary.as_str() {
                    "de" => Some(Language::De),
                    "fr" => Some(Language::Fr),
                    "it" => Some(Language::It),
                    "rm" => Some(Language::Rm),
                    _ => None,
                }
            })
        })
        .unwrap_or(Language::De)
}

impl<S> FromRequestParts<S> for Visitor
where
    S: Send + Sync,
    WebState: FromRef<S>,
{
    type Rejection = WebError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        // Already found by the rate limit of the pages' POSTs.
        if let Some(visitor) = parts.extensions.get::<Self>() {
            return Ok(visitor.clone());
        }
        let state = WebState::from_ref(state);
        let jar = CookieJar::from_headers(&parts.headers);
        let request_id = parts
            .headers
            .get("x-request-id")
            .and_then(|value| value.to_str().ok())
            .unwrap_or_default()
            .to_owned();
        let session = cookie_session(&state.app, &jar).await.map_err(|error| {
            WebError::from_app(error, Tr::new(Language::De), parts.uri.path(), &request_id)
        })?;
        let tr = Tr::new(language(session.as_ref(), &jar, &parts.headers));
        let csrf = match &session {
            Some(session) => session.csrf.clone(),
            None => parts
                .extensions
                .get::<super::forms::FormToken>()
                .map(|token| token.0.clone())
                .unwrap_or_default(),
        };
        let path = parts
            .uri
            .path_and_query()
            .map_or_else(|| "/".to_owned(), |path| path.as_str().to_owned());
        Ok(Self {
            app: state.app.clone(),
            session,
            tr,
            csrf,
            request_id,
            path,
            secure_cookies: state.secure_cookies,
            htmx: parts.headers.contains_key("hx-request"),
            memo: std::sync::Arc::new(RequestMemo::new()),
            notice: jar
                .get(super::forms::FLASH_COOKIE)
                .map(|cookie| cookie.value().to_owned())
                .filter(|key| {
                    !key.is_empty() && key.chars().all(|c| c.is_ascii_lowercase() || c == '-')
                }),
        })
    }
}
