//! Queries. Each resolver names what it wants from `app` through a
//! [`iiz_app::Caller`]; none decides on access itself.

use async_graphql::{Context, ID, MergedObject, Object, Result};
use chrono::NaiveDate;
use iiz_app::{App, BodyFilter};
use iiz_domain::{BodyId, PersonId};

use super::args::{Page1, connection, first, parse_id, parse_tenant};
use super::context::RequestContext;
use super::network_types::Network;
use super::types::{ApiToken, Body, BodyKindValue, Membership, Person, Tenant};

/// Every query of the API.
#[derive(Debug, Default, MergedObject)]
pub struct Query(
    StructureQuery,
    super::query_concerns::ConcernQuery,
    super::query_recommendations::RecommendationQuery,
    super::query_meetings::MeetingQuery,
    super::query_resolutions::ResolutionQuery,
    super::query_steering::SteeringQuery,
    super::query_inbox::InboxQuery,
    super::query_privacy::PrivacyQuery,
    super::query_panorama::PanoramaQuery,
);

/// Tenants, bodies, people, networks and the caller's own account.
#[derive(Debug, Default)]
pub struct StructureQuery;

#[Object]
impl StructureQuery {
    /// The signed-in person.
    async fn me(&self, ctx: &Context<'_>) -> Result<Person> {
        let request = RequestContext::of(ctx)?;
        let principal = request.principal()?;
        let app = ctx.data::<App>()?;
        let person = app
            .caller(Some(principal))
            .person(principal.person)
            .await
            .map_err(|error| request.error(error))?;
        Ok(person.into())
    }

    /// The caller's API tokens, revoked ones included.
    async fn api_tokens(&self, ctx: &Context<'_>) -> Result<Vec<ApiToken>> {
        let request = RequestContext::of(ctx)?;
        let app = ctx.data::<App>()?;
        let tokens = app
            .api_tokens(request.principal()?)
            .await
            .map_err(|error| request.error(error))?;
        Ok(tokens.into_iter().map(Into::into).collect())
    }

    /// The national IIZ and the 26 cantons, national first.
    #[graphql(complexity = "crate::graphql::limits::page_cost(first, child_complexity)")]
    async fn tenants(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
    ) -> Result<Page1<Tenant>> {
        let request = RequestContext::of(ctx)?;
        let app = ctx.data::<App>()?;
        let page = app
            .caller(request.principal.as_ref())
            .tenants(self::first(first)?, after.as_deref())
            .await
            .map_err(|error| request.error(error))?;
        Ok(connection(page, Tenant::from, after.is_some()))
    }

    async fn tenant(&self, ctx: &Context<'_>, id: ID) -> Result<Tenant> {
        let request = RequestContext::of(ctx)?;
        let app = ctx.data::<App>()?;
        let tenant = parse_tenant(&id)?;
        let view = app
            .caller(request.principal.as_ref())
            .tenant(tenant)
            .await
            .map_err(|error| request.error(error))?;
        Ok(view.into())
    }

    /// Bodies by name; filter by tenant, kind and whether they are active.
    #[graphql(complexity = "crate::graphql::limits::page_cost(first, child_complexity)")]
    async fn bodies(
        &self,
        ctx: &Context<'_>,
        tenant: Option<ID>,
        kind: Option<BodyKindValue>,
        active: Option<bool>,
        first: Option<i32>,
        after: Option<String>,
    ) -> Result<Page1<Body>> {
        let request = RequestContext::of(ctx)?;
        let app = ctx.data::<App>()?;
        let filter = BodyFilter {
            tenant: tenant.as_ref().map(parse_tenant).transpose()?,
            kind: kind.map(Into::into),
            active,
        };
        let page = app
            .caller(request.principal.as_ref())
            .bodies(&filter, self::first(first)?, after.as_deref())
            .await
            .map_err(|error| request.error(error))?;
        Ok(connection(page, Body::from, after.is_some()))
    }

    async fn body(&self, ctx: &Context<'_>, id: ID) -> Result<Body> {
        let request = RequestContext::of(ctx)?;
        let app = ctx.data::<App>()?;
        let id = parse_id(&id, BodyId::parse)?;
        let view = app
            .caller(request.principal.as_ref())
            .body(id)
            .await
            .map_err(|error| request.error(error))?;
        Ok(view.into())
    }

    /// Who sits in a body: on `on` (a date), or now; with `history`, every
    /// seat it ever had.
    async fn body_members(
        &self,
        ctx: &Context<'_>,
        body: ID,
        on: Option<NaiveDate>,
        #[graphql(default = false)] history: bool,
    ) -> Result<Vec<Membership>> {
        let request = RequestContext::of(ctx)?;
        let app = ctx.data::<App>()?;
        let id = parse_id(&body, BodyId::parse)?;
        let members = app
            .caller(request.principal.as_ref())
            .body_members(id)
            .await
            .map_err(|error| request.error(error))?;
        let seats: Vec<Membership> = match (history, on) {
            (true, _) => members.seats.iter().map(Into::into).collect(),
            (false, Some(day)) => members.on(day).map(Into::into).collect(),
            (false, None) => members.current().map(Into::into).collect(),
        };
        Ok(seats)
    }

    /// The people whose home is `tenant`, by name.
    #[graphql(complexity = "crate::graphql::limits::page_cost(first, child_complexity)")]
    async fn people(
        &self,
        ctx: &Context<'_>,
        tenant: ID,
        first: Option<i32>,
        after: Option<String>,
    ) -> Result<Page1<Person>> {
        let request = RequestContext::of(ctx)?;
        let app = ctx.data::<App>()?;
        let tenant = parse_tenant(&tenant)?;
        let page = app
            .caller(request.principal.as_ref())
            .people(tenant, self::first(first)?, after.as_deref())
            .await
            .map_err(|error| request.error(error))?;
        Ok(connection(page, Person::from, after.is_some()))
    }

    async fn person(&self, ctx: &Context<'_>, id: ID) -> Result<Person> {
        let request = RequestContext::of(ctx)?;
        let app = ctx.data::<App>()?;
        let id = parse_id(&id, PersonId::parse)?;
        let view = app
            .caller(request.principal.as_ref())
            .person(id)
            .await
            .map_err(|error| request.error(error))?;
        Ok(view.into())
    }

    /// The regional IIZ networks.
    #[graphql(complexity = "crate::graphql::limits::page_cost(first, child_complexity)")]
    async fn networks(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
    ) -> Result<Page1<Network>> {
        let request = RequestContext::of(ctx)?;
        let app = ctx.data::<App>()?;
        let page = app
            .caller(request.principal.as_ref())
            .networks(self::first(first)?, after.as_deref())
            .await
            .map_err(|error| request.error(error))?;
        Ok(connection(page, Network::from, after.is_some()))
    }
}
