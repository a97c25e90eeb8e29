//! Queries of recommendations and their monitoring.

use async_graphql::{Context, ID, InputObject, Object, Result};
use chrono::NaiveDate;
use iiz_app::recommendations::{RecommendationFilter, today};
use iiz_domain::RecommendationId;
use iiz_domain::recommendation::RecommendationStage;
use iiz_projections::MonitoringPolicy;

use super::args::{Page1, caller, connection, first, invalid, parse_id, party};
use super::dashboard_types::MonitoringDashboardInfo;
use super::monitoring_types::AddresseeOverviewInfo;
use super::recommendation_types::{Recommendation, RecommendationStageValue, focus_area};

/// What a list of recommendations is narrowed to.
#[derive(Debug, Clone, Default, InputObject)]
pub struct RecommendationFilterInput {
    pub stage: Option<RecommendationStageValue>,
    pub focus_area: Option<ID>,
    /// An addressee: `CH`, a canton or a partner (`SODK`, `SECO`, …).
    pub addressee: Option<String>,
    /// Words to find in title, text and rationale, in every language.
    pub search: Option<String>,
}

/// The most years the long-outstanding threshold may be set to.
const MAX_LONG_OUTSTANDING_YEARS: i32 = 20;

fn policy(years: Option<i32>) -> Result<MonitoringPolicy> {
    match years {
        None => Ok(MonitoringPolicy::default()),
        Some(years) if (1..=MAX_LONG_OUTSTANDING_YEARS).contains(&years) => Ok(MonitoringPolicy {
            long_outstanding_years: years.unsigned_abs(),
        }),
        Some(years) => Err(invalid(format!(
            "longOutstandingYears must be between 1 and {MAX_LONG_OUTSTANDING_YEARS}, not {years}"
        ))),
    }
}

#[derive(Debug, Default)]
pub struct RecommendationQuery;

#[Object]
impl RecommendationQuery {
    /// One recommendation with its versions, flags and history.
    async fn recommendation(&self, ctx: &Context<'_>, id: ID) -> Result<Recommendation> {
        let (caller, request, _) = caller(ctx)?;
        let id = parse_id(&id, RecommendationId::parse)?;
        let view = caller
            .recommendation(id)
            .await
            .map_err(|error| request.error(error))?;
        Ok(view.into())
    }

    /// Recommendations the caller may see, newest first: every published
    /// one, and drafts for the national bodies.
    #[graphql(complexity = "crate::graphql::limits::page_cost(first, child_complexity)")]
    async fn recommendations(
        &self,
        ctx: &Context<'_>,
        filter: Option<RecommendationFilterInput>,
        first: Option<i32>,
        after: Option<String>,
    ) -> Result<Page1<Recommendation>> {
        let (caller, request, _) = caller(ctx)?;
        let input = filter.unwrap_or_default();
        if input
            .search
            .as_ref()
            .is_some_and(|text| text.chars().count() > 200)
        {
            return Err(invalid("a search is at most 200 characters long"));
        }
        let filter = RecommendationFilter {
            stage: input.stage.map(RecommendationStage::from),
            focus_area: input.focus_area.as_ref().map(focus_area).transpose()?,
            addressee: input.addressee.as_deref().map(party).transpose()?,
            text: input.search,
        };
        let page = caller
            .recommendations(&filter, self::first(first)?, after.as_deref())
            .await
            .map_err(|error| request.error(error))?;
        Ok(connection(page, Recommendation::from, after.is_some()))
    }

    /// "My canton": every published recommendation addressed to
    /// `addressee`, with what is due next, soonest first. For those who
    /// speak for it and the national bodies.
    async fn addressee_overview(
        &self,
        ctx: &Context<'_>,
        addressee: String,
        as_of: Option<NaiveDate>,
    ) -> Result<AddresseeOverviewInfo> {
        let (caller, request, _) = caller(ctx)?;
        let overview = caller
            .addressee_overview(party(&addressee)?, as_of.unwrap_or_else(today))
            .await
            .map_err(|error| request.error(error))?;
        Ok(overview.into())
    }

    /// The national monitoring dashboard on `asOf` (default today), for the
    /// Fachstelle and the STG and EKG members.
    async fn recommendation_dashboard(
        &self,
        ctx: &Context<'_>,
        as_of: Option<NaiveDate>,
        #[graphql(
            desc = "Years after acceptance from which an item not yet implemented counts as long outstanding (default 3)."
        )]
        long_outstanding_years: Option<i32>,
    ) -> Result<MonitoringDashboardInfo> {
        let (caller, request, _) = caller(ctx)?;
        let dashboard = caller
            .recommendation_dashboard(as_of.unwrap_or_else(today), policy(long_outstanding_years)?)
            .await
            .map_err(|error| request.error(error))?;
        Ok((&dashboard).into())
    }
}
