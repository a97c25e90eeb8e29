//! Queries of circular resolutions: one resolution, a body's resolutions
//! (open first), those awaiting the caller's answer, a body's rules.

use async_graphql::{Context, ID, Object, Result};
use iiz_domain::{BodyId, ResolutionId};

use super::args::{Page1, caller, connection, first, parse_id};
use super::resolution_types::{ResolutionInfo, ResolutionRulesInfo};

#[derive(Debug, Default)]
pub struct ResolutionQuery;

#[Object]
impl ResolutionQuery {
    /// One circular resolution with every answer and its outcome.
    async fn resolution(&self, ctx: &Context<'_>, id: ID) -> Result<ResolutionInfo> {
        let (caller, request, _) = caller(ctx)?;
        let id = parse_id(&id, ResolutionId::parse)?;
        caller
            .resolution(id)
            .await
            .map(Into::into)
            .map_err(|error| request.error(error))
    }

    /// A body's circular resolutions: the open ones first (soonest
    /// deadline first), then the others, newest first.
    #[graphql(complexity = "crate::graphql::limits::page_cost(first, child_complexity)")]
    async fn resolutions(
        &self,
        ctx: &Context<'_>,
        body: ID,
        first: Option<i32>,
        after: Option<String>,
    ) -> Result<Page1<ResolutionInfo>> {
        let (caller, request, _) = caller(ctx)?;
        let body = parse_id(&body, BodyId::parse)?;
        let page = caller
            .resolutions(body, self::first(first)?, after.as_deref())
            .await
            .map_err(|error| request.error(error))?;
        Ok(connection(page, ResolutionInfo::from, after.is_some()))
    }

    /// The open circular resolutions that await the caller's answer.
    async fn resolutions_awaiting_me(&self, ctx: &Context<'_>) -> Result<Vec<ResolutionInfo>> {
        let (caller, request, _) = caller(ctx)?;
        let waiting = caller
            .resolutions_awaiting_me()
            .await
            .map_err(|error| request.error(error))?;
        Ok(waiting.into_iter().map(Into::into).collect())
    }

    /// How a body decides by circular resolution.
    async fn resolution_rules(&self, ctx: &Context<'_>, body: ID) -> Result<ResolutionRulesInfo> {
        let (caller, request, _) = caller(ctx)?;
        let body = parse_id(&body, BodyId::parse)?;
        caller
            .resolution_rules(body)
            .await
            .map(Into::into)
            .map_err(|error| request.error(error))
    }
}
