//! Queries of meetings: one meeting, a body's meetings in a date range and
//! a body's year.

use async_graphql::{Context, ID, Object, Result};
use chrono::NaiveDate;
use iiz_app::meetings::MeetingFilter;
use iiz_domain::BodyId;
use iiz_domain::ids::MeetingId;

use super::args::{Page1, caller, connection, first, parse_id};
use super::meeting_types::Meeting;
use super::meeting_year_types::MeetingYearInfo;

#[derive(Debug, Default)]
pub struct MeetingQuery;

#[Object]
impl MeetingQuery {
    /// One meeting with its agenda, revisions, minutes and decisions.
    async fn meeting(&self, ctx: &Context<'_>, id: ID) -> Result<Meeting> {
        let (caller, request, _) = caller(ctx)?;
        let id = parse_id(&id, MeetingId::parse)?;
        let view = caller
            .meeting(id)
            .await
            .map_err(|error| request.error(error))?;
        Ok(view.into())
    }

    /// A body's meetings (joint ones included) in time order, from `from`
    /// and before `until` (days, local time).
    #[graphql(complexity = "crate::graphql::limits::page_cost(first, child_complexity)")]
    async fn meetings(
        &self,
        ctx: &Context<'_>,
        body: ID,
        from: Option<NaiveDate>,
        until: Option<NaiveDate>,
        first: Option<i32>,
        after: Option<String>,
    ) -> Result<Page1<Meeting>> {
        let (caller, request, _) = caller(ctx)?;
        let filter = MeetingFilter {
            body: parse_id(&body, BodyId::parse)?,
            from,
            until,
        };
        let page = caller
            .meetings(&filter, self::first(first)?, after.as_deref())
            .await
            .map_err(|error| request.error(error))?;
        Ok(connection(page, Meeting::from, after.is_some()))
    }

    /// A body's meetings in `year` per quarter, against the cadence the
    /// concept plans (STG and EKG about four a year), and whether the STG's
    /// year ends jointly with the EKG.
    async fn meeting_year(
        &self,
        ctx: &Context<'_>,
        body: ID,
        year: i32,
    ) -> Result<MeetingYearInfo> {
        let (caller, request, _) = caller(ctx)?;
        let body = parse_id(&body, BodyId::parse)?;
        let overview = caller
            .meeting_year(body, year)
            .await
            .map_err(|error| request.error(error))?;
        Ok(overview.into())
    }
}
