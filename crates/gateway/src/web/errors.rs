//! How pages fail: signed out → the sign-in page (and back afterwards);
//! not allowed → a 403 page; not there → 404; a fault of the platform →
//! a 500 page naming the request id, with the fault logged, never shown.
//! This is the pages' one boundary from application errors to HTTP; a
//! refusal a form can show next to its field is shown there instead
//! ([`super::forms::FormErrors`]).

use askama::Template;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use iiz_app::AppError;
use iiz_app::authz::Denied;
use iiz_domain::error::ErrorKind;

use super::i18n::Tr;
use super::page::LanguageSwitcher;
use super::{assets, refusal};

/// What went wrong, as far as the visitor may know.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    /// Not signed in (or the session ended): sign in, then come back.
    SignIn {
        next: String,
    },
    Forbidden,
    NotFound,
    /// A form came without the visitor's token (expired, or from elsewhere).
    FormExpired,
    /// A request the pages never make (an unknown choice in a form).
    BadRequest,
    /// The same change ran into concurrent changes too often.
    Busy,
    /// Over the rate limit: wait a moment, nothing was changed.
    TooManyRequests,
    /// A refusal shown as a page, when no form can show it.
    Refused(refusal::Refusal),
    Internal,
}

/// A failed page request.
#[derive(Debug, Clone)]
pub struct WebError {
    pub failure: Failure,
    pub tr: Tr,
    pub request_id: String,
    /// The language switcher, when the visitor's form token is known.
    /// (Boxed: results carry a `WebError`, so it stays small.)
    pub switcher: Option<Box<LanguageSwitcher>>,
}

impl WebError {
    pub fn new(failure: Failure, tr: Tr, request_id: &str) -> Self {
        Self {
            failure,
            tr,
            request_id: request_id.to_owned(),
            switcher: None,
        }
    }

    /// With the language switcher (the visitor's token and page).
    #[must_use]
    pub fn switchable(mut self, csrf: &str, path: &str) -> Self {
        self.switcher = Some(Box::new(LanguageSwitcher::new(self.tr, csrf, path)));
        self
    }

    /// An application error as a page shows it. Faults of the platform
    /// are logged here with the request id the page names.
    pub fn from_app(error: AppError, tr: Tr, path: &str, request_id: &str) -> Self {
        let failure = match &error {
            AppError::Denied(Denied::Unauthenticated) => Failure::SignIn {
                next: path.to_owned(),
            },
            AppError::Denied(Denied::Forbidden) => Failure::Forbidden,
            AppError::Denied(Denied::NotFound) => Failure::NotFound,
            AppError::Contention { .. } => Failure::Busy,
            _ => match error.kind() {
                Some(ErrorKind::NotFound) => Failure::NotFound,
                Some(_) => Failure::Refused(refusal::Refusal::of(&error, tr)),
                None => {
                    tracing::error!(%error, request_id, path, "page failed");
                    Failure::Internal
                }
            },
        };
        Self::new(failure, tr, request_id)
    }
}

#[derive(Template)]
#[template(path = "error.html")]
struct ErrorPage<'a> {
    tr: Tr,
    switcher: Option<&'a LanguageSwitcher>,
    title: String,
    explanation: String,
    refusal: Option<&'a refusal::Refusal>,
    request_id: &'a str,
    css: String,
    icon: String,
}

impl IntoResponse for WebError {
    fn into_response(self) -> Response {
        let tr = self.tr;
        let (status, key) = match &self.failure {
            Failure::SignIn { next } => {
                let target = format!("/signin?next={}", super::forms::encode(next));
                return Redirect::to(&target).into_response();
            }
            Failure::Forbidden => (StatusCode::FORBIDDEN, "error-forbidden"),
            Failure::NotFound => (StatusCode::NOT_FOUND, "error-not-found"),
            Failure::FormExpired => (StatusCode::FORBIDDEN, "error-form-expired"),
            Failure::BadRequest => (StatusCode::BAD_REQUEST, "error-bad-request"),
            Failure::Busy => (StatusCode::CONFLICT, "error-busy"),
            Failure::TooManyRequests => (StatusCode::TOO_MANY_REQUESTS, "error-too-many-requests"),
            Failure::Refused(refusal) => (refusal.status(), "error-refused"),
            Failure::Internal => (StatusCode::INTERNAL_SERVER_ERROR, "error-internal"),
        };
        let page = ErrorPage {
            tr,
            switcher: self.switcher.as_deref(),
            title: tr.t(&format!("{key}-title")),
            explanation: tr.t(key),
            refusal: match &self.failure {
                Failure::Refused(refusal) => Some(refusal),
                _ => None,
            },
            request_id: &self.request_id,
            css: assets::url("iiz.css"),
            icon: assets::url("icon.svg"),
        };
        match page.render() {
            Ok(html) => (status, Html(html)).into_response(),
            Err(error) => {
                tracing::error!(%error, "error page did not render");
                status.into_response()
            }
        }
    }
}

/// Every path no page answers: the 404 page in the visitor's language.
pub async fn not_found(visitor: super::visitor::Visitor) -> WebError {
    visitor.refuse(Failure::NotFound)
}

#[cfg(test)]
mod tests {
    use axum::body::to_bytes;
    use iiz_domain::Language;

    use super::*;

    /// The error pages name their texts by failure: every one exists in
    /// every language (a missing text would show its key).
    #[tokio::test]
    async fn every_error_page_is_worded_in_every_language() {
        let failures = [
            Failure::Forbidden,
            Failure::NotFound,
            Failure::FormExpired,
            Failure::BadRequest,
            Failure::Busy,
            Failure::TooManyRequests,
            Failure::Internal,
            Failure::Refused(refusal::Refusal::of(
                &AppError::Contention { attempts: 3 },
                Tr::new(Language::De),
            )),
        ];
        for language in [Language::De, Language::Fr, Language::It] {
            for failure in failures.clone() {
                let response =
                    WebError::new(failure.clone(), Tr::new(language), "r-1").into_response();
                let body = to_bytes(response.into_body(), usize::MAX)
                    .await
                    .unwrap_or_default();
                let html = String::from_utf8_lossy(&body);
                assert!(
                    !html.contains("error-"),
                    "{failure:?} in {language:?}: {html}"
                );
                assert!(
                    !html.contains("refusal-"),
                    "{failure:?} in {language:?}: {html}"
                );
            }
        }
    }
}
