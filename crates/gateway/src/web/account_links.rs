//! The pages behind the account e-mails, for visitors not signed in:
//! accepting an invitation (setting the first password), asking for a
//! password reset, and setting a new password through the reset link.
//! Plain forms, no JavaScript. A link that is unknown, used or expired gets
//! one answer, whichever it is.

use askama::Template;
use axum::Router;
use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::get;
use iiz_app::AppError;
use iiz_app::accounts::MIN_PASSWORD_CHARS;
use iiz_store::LinkPurpose;
use serde::Deserialize;

use super::WebState;
use super::errors::WebError;
use super::forms::{FormErrors, Posted, done};
use super::page::{Chrome, render};
use super::visitor::Visitor;

pub fn routes() -> Router<WebState> {
    Router::new()
        .route(
            "/account/invitation/{token}",
            get(invitation_page).post(accept_invitation),
        )
        .route("/account/forgot", get(forgot_page).post(request_reset))
        .route("/account/reset/{token}", get(reset_page).post(reset))
}

/// Choosing a password through a link (invitation or reset).
#[derive(Template)]
#[template(path = "account/set_password.html")]
pub struct SetPasswordPage {
    pub chrome: Chrome,
    /// Where the form goes (the link's own path).
    pub action: String,
    pub intro: String,
    pub min_password: usize,
    pub errors: FormErrors,
}

/// A link that cannot be used (any reason).
#[derive(Template)]
#[template(path = "account/link_gone.html")]
pub struct LinkGonePage {
    pub chrome: Chrome,
}

#[derive(Template)]
#[template(path = "account/forgot.html")]
pub struct ForgotPage {
    pub chrome: Chrome,
    pub email: String,
    pub errors: FormErrors,
}

#[derive(Debug, Default, Deserialize)]
pub struct PasswordForm {
    #[serde(default)]
    pub password: String,
    #[serde(default)]
    pub password_again: String,
}

#[derive(Debug, Default, Deserialize)]
pub struct ForgotForm {
    #[serde(default)]
    pub email: String,
}

fn link_action(purpose: LinkPurpose, token: &str) -> String {
    iiz_app::account_lifecycle::link_path(purpose, token)
}

fn title_key(purpose: LinkPurpose) -> &'static str {
    match purpose {
        LinkPurpose::Invitation => "account-invitation-title",
        LinkPurpose::Reset => "account-reset-title",
    }
}

async fn gone(visitor: &Visitor) -> Result<Response, WebError> {
    let chrome = Chrome::new(visitor, "signin", visitor.tr.t("account-link-gone-title")).await?;
    render(&LinkGonePage { chrome }, visitor, StatusCode::NOT_FOUND)
}

/// The form to choose a password, when the link can still be used.
async fn password_page(
    visitor: &Visitor,
    purpose: LinkPurpose,
    token: &str,
    errors: FormErrors,
    status: StatusCode,
) -> Result<Response, WebError> {
    let holder = visitor
        .app
        .link_holder(token, purpose)
        .await
        .map_err(|error| visitor.fail(error))?;
    let Some(person) = holder else {
        return gone(visitor).await;
    };
    let tr = visitor.tr;
    let intro = match purpose {
        LinkPurpose::Invitation => tr.t1("account-invitation-intro", "name", person.name),
        LinkPurpose::Reset => tr.t1("account-reset-intro", "name", person.name),
    };
    let chrome = Chrome::new(visitor, "signin", tr.t(title_key(purpose))).await?;
    let page = SetPasswordPage {
        chrome,
        action: link_action(purpose, token),
        intro,
        min_password: MIN_PASSWORD_CHARS,
        errors,
    };
    render(&page, visitor, status)
}

/// Sets the password; a refusal shows the form (or the gone page) again.
async fn set_password(
    visitor: Visitor,
    purpose: LinkPurpose,
    token: String,
    form: PasswordForm,
) -> Result<Response, WebError> {
    let tr = visitor.tr;
    let errors = if form.password != form.password_again {
        FormErrors::field("password_again", tr.t("profile-password-mismatch"))
    } else {
        let outcome = match purpose {
            LinkPurpose::Invitation => visitor.app.accept_invitation(&token, &form.password).await,
            LinkPurpose::Reset => visitor.app.reset_password(&token, &form.password).await,
        };
        match outcome {
            Ok(_) => return Ok(done("/signin", "account-password-set")),
            Err(error) if error.field() == Some("password") => FormErrors::field(
                "password",
                tr.t1("profile-password-short", "min", MIN_PASSWORD_CHARS),
            ),
            Err(error) if error.field() == Some("token") => return gone(&visitor).await,
            Err(error) => FormErrors::of(error, &visitor, &["password"])?,
        }
    };
    password_page(
        &visitor,
        purpose,
        &token,
        errors,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await
}

/// `GET /account/invitation/{token}`.
pub async fn invitation_page(
    visitor: Visitor,
    Path(token): Path<String>,
) -> Result<Response, WebError> {
    password_page(
        &visitor,
        LinkPurpose::Invitation,
        &token,
        FormErrors::none(),
        StatusCode::OK,
    )
    .await
}

/// `POST /account/invitation/{token}`.
pub async fn accept_invitation(
    Path(token): Path<String>,
    Posted { visitor, form }: Posted<PasswordForm>,
) -> Result<Response, WebError> {
    set_password(visitor, LinkPurpose::Invitation, token, form).await
}

/// `GET /account/reset/{token}`.
pub async fn reset_page(visitor: Visitor, Path(token): Path<String>) -> Result<Response, WebError> {
    password_page(
        &visitor,
        LinkPurpose::Reset,
        &token,
        FormErrors::none(),
        StatusCode::OK,
    )
    .await
}

/// `POST /account/reset/{token}`.
pub async fn reset(
    Path(token): Path<String>,
    Posted { visitor, form }: Posted<PasswordForm>,
) -> Result<Response, WebError> {
    set_password(visitor, LinkPurpose::Reset, token, form).await
}

async fn forgot(
    visitor: &Visitor,
    email: String,
    errors: FormErrors,
    status: StatusCode,
) -> Result<Response, WebError> {
    let chrome = Chrome::new(visitor, "signin", visitor.tr.t("account-forgot-title")).await?;
    render(
        &ForgotPage {
            chrome,
            email,
            errors,
        },
        visitor,
        status,
    )
}

/// `GET /account/forgot`.
pub async fn forgot_page(visitor: Visitor) -> Result<Response, WebError> {
    forgot(&visitor, String::new(), FormErrors::none(), StatusCode::OK).await
}

/// `POST /account/forgot`: the same answer whether or not the address
/// signs in anyone.
pub async fn request_reset(
    Posted { visitor, form }: Posted<ForgotForm>,
) -> Result<Response, WebError> {
    match visitor.app.request_password_reset(form.email.trim()) {
        Ok(()) => Ok(done("/signin", "account-reset-sent")),
        Err(AppError::Validation { .. }) => {
            let errors = FormErrors::field("email", visitor.tr.t("account-email-invalid"));
            forgot(
                &visitor,
                form.email,
                errors,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(error) => Err(visitor.fail(error)),
    }
}
