//! Personal API tokens: issued for one tenant and some of one's roles
//! there, the secret shown once on the page that answers the form, and
//! revoked from the list.

use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::Response;
use iiz_domain::{TenantId, TenantRole};
use serde::Deserialize;
use uuid::Uuid;

use super::{Returned, TokenDraft, again};
use crate::web::errors::{Failure, WebError};
use crate::web::forms::{FormErrors, Posted, done};

#[derive(Debug, Deserialize)]
pub struct TokenForm {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub tenant: String,
    #[serde(default)]
    pub roles: Vec<String>,
    /// Days the token is to work (1 to 3650); empty: until revoked.
    #[serde(default)]
    pub expires_in_days: String,
}

/// Longest validity the form offers, in days (ten years).
const MAX_DAYS: i64 = 3650;

/// `POST /profile/tokens`: answered with the profile page itself (not a
/// redirect), as the secret must not travel in a cookie or an address.
pub async fn create(Posted { visitor, form }: Posted<TokenForm>) -> Result<Response, WebError> {
    let principal = visitor.signed_in()?.clone();
    let bad_request = || visitor.refuse(Failure::BadRequest);
    let draft = TokenDraft {
        name: form.name.clone(),
        tenant: form.tenant.clone(),
        roles: form.roles.clone(),
        expires_in_days: form.expires_in_days.clone(),
    };
    let days = form.expires_in_days.trim();
    let expires_at = if days.is_empty() {
        None
    } else {
        match days.parse::<i64>() {
            Ok(days) if (1..=MAX_DAYS).contains(&days) => {
                Some(chrono::Utc::now() + chrono::Duration::days(days))
            }
            _ => {
                let returned = Returned {
                    token: draft,
                    token_errors: FormErrors::field(
                        "expires_in_days",
                        visitor
                            .tr
                            .t1("profile-token-expiry-invalid", "max", MAX_DAYS),
                    ),
                    ..Returned::default()
                };
                return again(&visitor, returned, StatusCode::UNPROCESSABLE_ENTITY).await;
            }
        }
    };
    // The form offers only tenants and roles that exist: anything else
    // was not sent by it.
    let tenant = TenantId::parse(&form.tenant).map_err(|_| bad_request())?;
    let roles = form
        .roles
        .iter()
        .map(|role| TenantRole::parse(role))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|_| bad_request())?;
    match visitor
        .app
        .issue_api_token(&principal, &form.name, tenant, &roles, expires_at)
        .await
    {
        Ok(issued) => {
            let returned = Returned {
                new_secret: Some(issued.secret),
                ..Returned::default()
            };
            again(&visitor, returned, StatusCode::OK).await
        }
        Err(error) => {
            let token_errors = FormErrors::of(
                error,
                &visitor,
                &["name", "tenant", "roles", "expires_in_days"],
            )?;
            let returned = Returned {
                token: draft,
                token_errors,
                ..Returned::default()
            };
            again(&visitor, returned, StatusCode::UNPROCESSABLE_ENTITY).await
        }
    }
}

#[derive(Debug, Deserialize)]
pub struct RevokeForm {}

/// `POST /profile/tokens/{id}/revoke`.
pub async fn revoke(
    Path(id): Path<String>,
    Posted { visitor, .. }: Posted<RevokeForm>,
) -> Result<Response, WebError> {
    let principal = visitor.signed_in()?.clone();
    let id = Uuid::parse_str(&id).map_err(|_| visitor.refuse(Failure::NotFound))?;
    visitor
        .app
        .revoke_api_token(&principal, id)
        .await
        .map_err(|error| visitor.fail(error))?;
    Ok(done("/profile#tokens", "profile-token-revoked"))
}
