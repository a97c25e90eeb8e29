//! Signing in and out, and personal API tokens.

use async_graphql::{Context, ID, Object, Result, SimpleObject};
use chrono::{DateTime, Utc};
use iiz_app::sessions::SignInAttempt;
use iiz_domain::TenantRole;

use crate::graphql::args::{caller, invalid, parse_tenant};
use crate::graphql::context::RequestContext;
use crate::graphql::error::{Code, coded};
use crate::graphql::session;
use crate::graphql::types::{ApiToken, Person, TenantRoleValue};

/// The answer to a successful sign-in; the session itself is a cookie.
#[derive(Debug, Clone, SimpleObject)]
pub struct SignedIn {
    /// Send as `X-CSRF-Token` with every mutation made with the cookie.
    pub csrf_token: String,
    pub person: Person,
}

/// A new API token. The secret is shown this once.
#[derive(Debug, Clone, SimpleObject)]
pub struct CreatedApiToken {
    pub secret: String,
    pub token: ApiToken,
}

#[derive(Debug, Default)]
pub struct AccountMutations;

#[Object]
impl AccountMutations {
    /// Signs in with e-mail and password; sets the session cookie (a new
    /// session: the one the request came with ends). Every `signIn` field
    /// is one attempt of the throttle, aliases and batches included; too
    /// many answer `TOO_MANY_ATTEMPTS` with `extensions.retryAfter`
    /// (seconds). Refused from pages of other sites (`Origin`).
    async fn sign_in(
        &self,
        ctx: &Context<'_>,
        email: String,
        password: String,
    ) -> Result<SignedIn> {
        let (_, request, app) = caller(ctx)?;
        let context = RequestContext::of(ctx)?;
        if context.foreign_origin {
            return Err(coded(
                Code::Forbidden,
                "signIn is refused from a page of another site",
            ));
        }
        let signed_in = app
            .sign_in_attempt(SignInAttempt {
                email: &email,
                password: &password,
                address: context.client,
                replaces: session::token(ctx),
            })
            .await
            .map_err(|error| request.error(error))?;
        ctx.append_http_header(
            "Set-Cookie",
            session::cookie(ctx, &signed_in.session_token, signed_in.expires_at),
        );
        let person = app
            .caller(Some(&signed_in.principal))
            .person(signed_in.principal.person)
            .await
            .map_err(|error| request.error(error))?;
        Ok(SignedIn {
            csrf_token: signed_in.csrf_token,
            person: person.into(),
        })
    }

    /// Ends the session of the cookie this request came with.
    async fn sign_out(&self, ctx: &Context<'_>) -> Result<bool> {
        let (_, request, app) = caller(ctx)?;
        request.principal()?;
        if let Some(token) = session::token(ctx) {
            app.sign_out(token)
                .await
                .map_err(|error| request.error(error))?;
        }
        ctx.append_http_header("Set-Cookie", session::expired_cookie(ctx));
        Ok(true)
    }

    /// Ends every session of the caller on every device, this one
    /// included; answers how many ended.
    async fn sign_out_everywhere(&self, ctx: &Context<'_>) -> Result<u64> {
        let (_, request, app) = caller(ctx)?;
        let ended = app
            .sign_out_everywhere(request.principal()?)
            .await
            .map_err(|error| request.error(error))?;
        ctx.append_http_header("Set-Cookie", session::expired_cookie(ctx));
        Ok(ended)
    }

    /// Issues a personal API token scoped to one tenant and some of one's
    /// roles there, working until `expiresAt` when given.
    async fn create_api_token(
        &self,
        ctx: &Context<'_>,
        name: String,
        tenant: ID,
        #[graphql(validator(custom = "crate::graphql::args::MaxItems(\"roles\")"))] roles: Vec<
            TenantRoleValue,
        >,
        expires_at: Option<DateTime<Utc>>,
    ) -> Result<CreatedApiToken> {
        let (_, request, app) = caller(ctx)?;
        let tenant = parse_tenant(&tenant)?;
        let roles: Vec<TenantRole> = roles.into_iter().map(Into::into).collect();
        let issued = app
            .issue_api_token(request.principal()?, &name, tenant, &roles, expires_at)
            .await
            .map_err(|error| request.error(error))?;
        Ok(CreatedApiToken {
            secret: issued.secret,
            token: issued.token.into(),
        })
    }

    async fn revoke_api_token(&self, ctx: &Context<'_>, id: ID) -> Result<bool> {
        let (_, request, app) = caller(ctx)?;
        let id = uuid::Uuid::parse_str(id.as_str())
            .map_err(|error| invalid(format!("'{}' is not a token id: {error}", id.as_str())))?;
        app.revoke_api_token(request.principal()?, id)
            .await
            .map_err(|error| request.error(error))?;
        Ok(true)
    }
}
