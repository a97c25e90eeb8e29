//! `/profile`: the person signed in — name and e-mail, the language of
//! the pages and e-mails, a new password, how each kind of notification
//! reaches them, and their API tokens.

mod forms;
mod sessions;
mod tokens;

use askama::Template;
use axum::Router;
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use iiz_app::outbound::NotificationKind;
use iiz_domain::TenantId;
use iiz_store::Preference;

use super::WebState;
use super::admin::labels;
use super::errors::WebError;
use super::forms::FormErrors;
use super::inbox::kind_label;
use super::page::{Chrome, render, show};
use super::visitor::Visitor;

pub fn routes() -> Router<WebState> {
    Router::new()
        .route("/profile", get(page))
        .route("/profile/password", post(forms::change_password))
        .route("/profile/notifications", post(forms::save_preferences))
        .route("/profile/sessions/end", post(sessions::sign_out_everywhere))
        .route("/profile/tokens", post(tokens::create))
        .route("/profile/tokens/{id}/revoke", post(tokens::revoke))
}

/// How one kind of notification reaches the person.
#[derive(Debug, Clone)]
pub struct PreferenceRow {
    /// The form field: the kind's name.
    pub kind: &'static str,
    pub label: String,
    pub delivery: &'static str,
}

/// One of the person's API tokens.
#[derive(Debug, Clone)]
pub struct TokenLine {
    pub id: String,
    pub name: String,
    pub tenant: String,
    pub roles: String,
    pub created: String,
    pub last_used: String,
    /// Until when it works, or that it works until revoked.
    pub expires: String,
    pub revoked: bool,
}

/// What the token form holds (typed or refused).
#[derive(Debug, Clone, Default)]
pub struct TokenDraft {
    pub name: String,
    pub tenant: String,
    pub roles: Vec<String>,
    /// Days the token is to work; empty: until revoked.
    pub expires_in_days: String,
}

/// A role the token form offers, and whether it is ticked.
#[derive(Debug, Clone)]
pub struct RoleChoice {
    pub value: &'static str,
    pub label: String,
    pub checked: bool,
}

#[derive(Template)]
#[template(path = "profile/page.html")]
pub struct ProfilePage {
    pub chrome: Chrome,
    pub name: String,
    pub email: String,
    pub home: String,
    pub roles: Vec<String>,
    pub language: String,
    pub languages: Vec<(String, String)>,
    pub password_errors: FormErrors,
    pub preferences: Vec<PreferenceRow>,
    pub deliveries: Vec<(String, String)>,
    pub tokens: Vec<TokenLine>,
    pub token: TokenDraft,
    pub token_errors: FormErrors,
    pub token_tenants: Vec<(String, String)>,
    pub token_roles: Vec<RoleChoice>,
    /// A token just issued: its secret, shown this once.
    pub new_secret: Option<String>,
    pub min_password: usize,
}

/// What a form answered with the profile page again brings along.
#[derive(Debug, Default)]
pub struct Returned {
    pub password_errors: FormErrors,
    pub token: TokenDraft,
    pub token_errors: FormErrors,
    pub new_secret: Option<String>,
}

/// The value of a delivery choice in the form.
pub fn delivery_value(preference: Preference) -> &'static str {
    preference.as_str()
}

/// `GET /profile`.
pub async fn page(visitor: Visitor) -> Result<Response, WebError> {
    let page = build(&visitor, Returned::default()).await?;
    show(&page, &visitor)
}

/// The profile page again after a form, with status `status`.
pub async fn again(
    visitor: &Visitor,
    returned: Returned,
    status: StatusCode,
) -> Result<Response, WebError> {
    let page = build(visitor, returned).await?;
    render(&page, visitor, status)
}

async fn build(visitor: &Visitor, returned: Returned) -> Result<ProfilePage, WebError> {
    let principal = visitor.signed_in()?;
    let tr = visitor.tr;
    let caller = visitor.caller();
    let fail = |error| visitor.fail(error);
    let person = caller.person(principal.person).await.map_err(fail)?;
    let roles = person
        .roles
        .iter()
        .map(|grant| format!("{} – {}", grant.tenant, labels::tenant_role(tr, grant.role)))
        .collect();
    let preferences = caller
        .notification_preferences()
        .await
        .map_err(fail)?
        .into_iter()
        .map(|preference| PreferenceRow {
            kind: preference.kind.as_str(),
            label: kind_label(tr, preference.kind),
            delivery: delivery_value(preference.delivery),
        })
        .collect();
    let deliveries = [
        (
            Preference::Immediately,
            tr.t("profile-delivery-immediately"),
        ),
        (Preference::DailyDigest, tr.t("profile-delivery-digest")),
        (Preference::Off, tr.t("profile-delivery-off")),
    ]
    .into_iter()
    .map(|(preference, label)| (delivery_value(preference).to_owned(), label))
    .collect();
    let tokens = visitor
        .app
        .api_tokens(principal)
        .await
        .map_err(fail)?
        .into_iter()
        .map(|token| TokenLine {
            id: token.id.to_string(),
            name: token.name,
            tenant: token.tenant,
            roles: token
                .roles
                .iter()
                .filter_map(|role| iiz_domain::TenantRole::parse(role).ok())
                .map(|role| labels::tenant_role(tr, role))
                .collect::<Vec<_>>()
                .join(", "),
            created: super::format::date_time(token.created_at),
            last_used: token.last_used_at.map_or_else(
                || tr.t("profile-token-never-used"),
                super::format::date_time,
            ),
            expires: token
                .expires_at
                .map_or_else(|| tr.t("profile-token-no-expiry"), super::format::date_time),
            revoked: token.revoked_at.is_some(),
        })
        .collect();
    let mut token_tenants: Vec<TenantId> =
        principal.roles.iter().map(|(tenant, _)| *tenant).collect();
    token_tenants.dedup();
    let mut token_roles: Vec<iiz_domain::TenantRole> =
        principal.roles.iter().map(|(_, role)| *role).collect();
    token_roles.sort();
    token_roles.dedup();
    let chrome = Chrome::new(visitor, "profile", tr.t("profile-title")).await?;
    Ok(ProfilePage {
        chrome,
        name: person.name,
        email: person.email,
        home: person.home.to_string(),
        roles,
        language: tr.lang().to_owned(),
        languages: labels::languages(),
        password_errors: returned.password_errors,
        preferences,
        deliveries,
        tokens,
        token_tenants: token_tenants
            .into_iter()
            .map(|tenant| (tenant.to_string(), tenant.to_string()))
            .collect(),
        token_roles: token_roles
            .into_iter()
            .map(|role| RoleChoice {
                value: role.as_str(),
                label: labels::tenant_role(tr, role),
                checked: returned
                    .token
                    .roles
                    .iter()
                    .any(|chosen| chosen == role.as_str()),
            })
            .collect(),
        token: returned.token,
        token_errors: returned.token_errors,
        new_secret: returned.new_secret,
        min_password: iiz_app::accounts::MIN_PASSWORD_CHARS,
    })
}

/// Every kind of notification the preference form sends.
pub fn kinds() -> impl Iterator<Item = NotificationKind> {
    NotificationKind::ALL.into_iter()
}
