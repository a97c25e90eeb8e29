//! The one place where application errors become GraphQL errors, each with
//! a stable `extensions.code`. Internal errors are logged with the request
//! id and reach the client as "internal error" with that id only. A refusal
//! about one input names it in `extensions.field` (the command field's
//! snake_case name, as forms use it).

use async_graphql::{Error, ErrorExtensions};
use iiz_app::authz::Denied;
use iiz_app::{AppError, rules};
use iiz_domain::{ErrorKind, Language};

/// The codes clients may rely on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Code {
    Unauthenticated,
    Forbidden,
    NotFound,
    Conflict,
    Validation,
    RateLimited,
    /// Sign-in attempts throttled; `extensions.retryAfter` says in how many
    /// seconds to try again.
    TooManyAttempts,
    /// The query would cost more than one request may (before it runs).
    QueryTooComplex,
    Internal,
}

impl Code {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Unauthenticated => "UNAUTHENTICATED",
            Self::Forbidden => "FORBIDDEN",
            Self::NotFound => "NOT_FOUND",
            Self::Conflict => "CONFLICT",
            Self::Validation => "VALIDATION",
            Self::RateLimited => "RATE_LIMITED",
            Self::TooManyAttempts => "TOO_MANY_ATTEMPTS",
            Self::QueryTooComplex => "QUERY_TOO_COMPLEX",
            Self::Internal => "INTERNAL",
        }
    }
}

/// A GraphQL error with `code`.
pub fn coded(code: Code, message: impl Into<String>) -> Error {
    Error::new(message).extend_with(|_, extensions| extensions.set("code", code.as_str()))
}

/// Gives GraphQL's own refusals their code: a query that does not parse
/// or validate, a variable or argument that does not fit its type (a date
/// out of range, a list where an object belongs) come from async-graphql
/// without one. They are the client's input: `VALIDATION`. Errors of the
/// resolvers already carry theirs (`to_graphql`), `INTERNAL` included.
pub fn code_graphql_refusals(response: &mut async_graphql::Response) {
    for error in &mut response.errors {
        let extensions = error.extensions.get_or_insert_with(Default::default);
        if extensions.get("code").is_none() {
            extensions.set("code", Code::Validation.as_str());
        }
    }
}

/// The code of an application error, for every protocol.
pub fn code_of(error: &AppError) -> Code {
    match error {
        AppError::Denied(Denied::Unauthenticated) => Code::Unauthenticated,
        AppError::Denied(Denied::Forbidden) => Code::Forbidden,
        AppError::Denied(Denied::NotFound) => Code::NotFound,
        AppError::Domain { kind, .. } => match kind {
            ErrorKind::Validation => Code::Validation,
            ErrorKind::NotFound => Code::NotFound,
            ErrorKind::AlreadyExists | ErrorKind::InvalidState => Code::Conflict,
            ErrorKind::Forbidden => Code::Forbidden,
        },
        AppError::Validation { .. } => Code::Validation,
        AppError::Contention { .. } => Code::Conflict,
        AppError::TooManyAttempts { .. } => Code::TooManyAttempts,
        AppError::Store(_) | AppError::Decode(_) | AppError::Rebuild(_) | AppError::Internal(_) => {
            Code::Internal
        }
    }
}

impl Code {
    /// The HTTP status of a refusal with this code (for plain HTTP
    /// endpoints; GraphQL answers 200 with the code in the error).
    pub fn http_status(self) -> axum::http::StatusCode {
        use axum::http::StatusCode;
        match self {
            Self::Unauthenticated => StatusCode::UNAUTHORIZED,
            Self::Forbidden => StatusCode::FORBIDDEN,
            Self::NotFound => StatusCode::NOT_FOUND,
            Self::Conflict => StatusCode::CONFLICT,
            Self::Validation => StatusCode::BAD_REQUEST,
            Self::RateLimited | Self::TooManyAttempts => StatusCode::TOO_MANY_REQUESTS,
            Self::QueryTooComplex => StatusCode::BAD_REQUEST,
            Self::Internal => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}

/// Turns an application error into a client-facing GraphQL error.
///
/// A refusal that applies a rule of the national concept is worded in the
/// caller's `language` as that rule, with `extensions.rule` (its stable id)
/// and `extensions.detail` (the refusal in the platform's words). A refusal
/// about one input carries `extensions.field`.
pub fn to_graphql(error: AppError, request_id: &str, language: Language) -> Error {
    let code = code_of(&error);
    if code == Code::Internal {
        tracing::error!(request_id, %error, "request failed");
        return coded(code, format!("internal error (request {request_id})"))
            .extend_with(|_, extensions| extensions.set("requestId", request_id));
    }
    tracing::warn!(request_id, %error, code = code.as_str(), "request refused");
    let details = match &error {
        AppError::Domain { details, .. } => details.clone(),
        _ => None,
    };
    let field = error.field().map(str::to_owned);
    let retry_after = match &error {
        AppError::TooManyAttempts {
            retry_after_seconds,
        } => Some(*retry_after_seconds),
        _ => None,
    };
    let refused = match error.rule() {
        Some(rule) => {
            let detail = error.to_string();
            coded(code, rules::rule_text(rule, language)).extend_with(|_, extensions| {
                extensions.set("rule", rule.id());
                extensions.set("detail", detail);
            })
        }
        None => coded(code, error.to_string()),
    };
    let refused = match field {
        Some(field) => refused.extend_with(|_, extensions| extensions.set("field", field)),
        None => refused,
    };
    let refused = match retry_after {
        Some(seconds) => refused.extend_with(|_, extensions| extensions.set("retryAfter", seconds)),
        None => refused,
    };
    match details.and_then(|details| async_graphql::Value::from_json(details).ok()) {
        Some(details) => refused.extend_with(|_, extensions| extensions.set("details", details)),
        None => refused,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code_of(error: AppError) -> String {
        let error = to_graphql(error, "r-1", Language::De);
        let extensions = error.extensions.unwrap();
        extensions.get("code").unwrap().to_string()
    }

    #[test]
    fn every_refusal_has_its_code_and_internals_do_not_leak() {
        assert_eq!(code_of(AppError::Denied(Denied::NotFound)), "\"NOT_FOUND\"");
        assert_eq!(
            code_of(AppError::Denied(Denied::Forbidden)),
            "\"FORBIDDEN\""
        );
        assert_eq!(code_of(AppError::invalid("bad")), "\"VALIDATION\"");
        assert_eq!(
            code_of(AppError::refused(ErrorKind::AlreadyExists, "exists")),
            "\"CONFLICT\""
        );
        let internal = to_graphql(
            AppError::Internal("db password is hunter2".to_owned()),
            "r-9",
            Language::De,
        );
        assert!(!internal.message.contains("hunter2"));
        assert!(internal.message.contains("r-9"));
    }

    #[test]
    fn a_refusal_about_one_input_names_it_in_extensions_field() {
        let field = |error: AppError| {
            to_graphql(error, "r-4", Language::De)
                .extensions
                .unwrap()
                .get("field")
                .map(ToString::to_string)
        };
        let missing =
            iiz_domain::ConcernError::Missing(iiz_domain::concern::MissingField::WhyNotCantonal);
        assert_eq!(
            field(AppError::domain(missing)).as_deref(),
            Some("\"why_not_cantonal\"")
        );
        assert_eq!(
            field(AppError::invalid_field("due_on", "not a date")).as_deref(),
            Some("\"due_on\"")
        );
        assert_eq!(field(AppError::invalid("bad")), None);
        assert_eq!(field(AppError::refused(ErrorKind::NotFound, "gone")), None);
    }

    #[test]
    fn a_refusal_under_a_rule_of_the_concept_is_worded_in_the_callers_language() {
        let refusal = || {
            AppError::governance(
                iiz_domain::ConceptRule::OnlyVotingMembersDecide,
                ErrorKind::InvalidState,
                "a guest seat has no vote",
            )
        };
        let french = to_graphql(refusal(), "r-2", Language::Fr);
        assert!(
            french.message.contains("droit de vote"),
            "{}",
            french.message
        );
        let extensions = french.extensions.unwrap();
        assert_eq!(
            extensions.get("rule").unwrap().to_string(),
            "\"only-voting-members-decide\""
        );
        assert!(
            extensions
                .get("detail")
                .unwrap()
                .to_string()
                .contains("guest")
        );
        let italian = to_graphql(refusal(), "r-3", Language::It);
        assert!(
            italian.message.contains("diritto di voto"),
            "{}",
            italian.message
        );
    }
}
