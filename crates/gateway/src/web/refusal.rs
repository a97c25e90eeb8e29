//! A business refusal in the visitor's language: what kind of refusal it
//! is and, when it applies a rule of the national concept, that rule in
//! the visitor's words (the same texts GraphQL uses). The refusal's own
//! sentence is kept as the detail, marked as English for screen readers.

use axum::http::StatusCode;
use iiz_app::AppError;
use iiz_domain::error::ErrorKind;

use super::i18n::Tr;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    pub kind: Option<ErrorKind>,
    /// What the visitor reads, in their language.
    pub text: String,
    /// The rule of the concept, in the visitor's language, when one applies.
    pub rule: Option<String>,
    /// The refusal's own sentence (English).
    pub detail: String,
}

impl Refusal {
    pub fn of(error: &AppError, tr: Tr) -> Self {
        let kind = error.kind();
        let key = match kind {
            Some(ErrorKind::Validation) => "refusal-validation",
            Some(ErrorKind::InvalidState) => "refusal-state",
            Some(ErrorKind::NotFound) => "refusal-not-found",
            Some(ErrorKind::AlreadyExists) => "refusal-exists",
            Some(ErrorKind::Forbidden) => "refusal-forbidden",
            None => "refusal-other",
        };
        Self {
            kind,
            text: tr.t(key),
            rule: error
                .rule()
                .map(|rule| iiz_app::rules::rule_text(rule, tr.language)),
            detail: error.to_string(),
        }
    }

    pub fn status(&self) -> StatusCode {
        match self.kind {
            Some(ErrorKind::Validation) => StatusCode::UNPROCESSABLE_ENTITY,
            Some(ErrorKind::Forbidden) => StatusCode::FORBIDDEN,
            Some(ErrorKind::NotFound) => StatusCode::NOT_FOUND,
            _ => StatusCode::CONFLICT,
        }
    }
}
