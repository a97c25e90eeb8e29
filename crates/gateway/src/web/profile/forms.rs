//! The profile's own forms: a new password and the notification
//! preferences.

use std::collections::BTreeMap;

use axum::http::StatusCode;
use axum::response::Response;
use iiz_app::AppError;
use iiz_app::accounts::MIN_PASSWORD_CHARS;
use iiz_app::authz::Denied;
use iiz_store::Preference;
use serde::Deserialize;

use super::{Returned, again, kinds};
use crate::web::errors::{Failure, WebError};
use crate::web::forms::{FormErrors, Posted, done};

#[derive(Debug, Deserialize)]
pub struct PasswordForm {
    #[serde(default)]
    pub old_password: String,
    #[serde(default)]
    pub new_password: String,
    #[serde(default)]
    pub new_password_again: String,
}

/// `POST /profile/password`: the old password first, like a sign-in; a
/// wrong one is answered at its field.
pub async fn change_password(
    Posted { visitor, form }: Posted<PasswordForm>,
) -> Result<Response, WebError> {
    let principal = visitor.signed_in()?.clone();
    let tr = visitor.tr;
    // Typing the new password twice guards against a typo locking the
    // person out; the platform's rules on passwords are the app's.
    let errors = if form.new_password != form.new_password_again {
        FormErrors::field("new_password_again", tr.t("profile-password-mismatch"))
    } else {
        // Every other session of the person ends: whoever signed in with
        // the old password is out.
        let current = visitor
            .session
            .as_ref()
            .map(|session| session.token.as_str());
        match visitor
            .app
            .change_password_ending_others(
                &principal,
                current,
                &form.old_password,
                &form.new_password,
            )
            .await
        {
            Ok(_) => return Ok(done("/profile", "profile-password-changed")),
            Err(AppError::Denied(Denied::Unauthenticated)) => {
                FormErrors::field("old_password", tr.t("profile-password-wrong"))
            }
            Err(AppError::Validation { .. }) => FormErrors::field(
                "new_password",
                tr.t1("profile-password-short", "min", MIN_PASSWORD_CHARS),
            ),
            Err(error) => return Err(visitor.fail(error)),
        }
    };
    let returned = Returned {
        password_errors: errors,
        ..Returned::default()
    };
    again(&visitor, returned, StatusCode::UNPROCESSABLE_ENTITY).await
}

/// `POST /profile/notifications`: one choice per kind of notification;
/// only the changed ones are saved.
pub async fn save_preferences(
    Posted { visitor, form }: Posted<BTreeMap<String, String>>,
) -> Result<Response, WebError> {
    let caller = visitor.caller();
    let current = caller
        .notification_preferences()
        .await
        .map_err(|error| visitor.fail(error))?;
    for kind in kinds() {
        let Some(chosen) = form.get(kind.as_str()) else {
            continue;
        };
        let delivery =
            Preference::parse(chosen).ok_or_else(|| visitor.refuse(Failure::BadRequest))?;
        let unchanged = current
            .iter()
            .any(|preference| preference.kind == kind && preference.delivery == delivery);
        if !unchanged {
            caller
                .set_notification_preference(kind, delivery)
                .await
                .map_err(|error| visitor.fail(error))?;
        }
    }
    Ok(done("/profile#notifications", "profile-preferences-saved"))
}
