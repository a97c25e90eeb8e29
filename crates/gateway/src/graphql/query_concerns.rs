//! Queries of the Seismograf.

use async_graphql::{Context, Enum, ID, InputObject, Object, Result};
use chrono::NaiveDate;
use iiz_app::concerns::{ConcernFilter, ConcernQueue};
use iiz_domain::ConcernId;
use iiz_domain::concern::{AffectedInstitution, ConcernStage};

use super::args::{Page1, caller, connection, first, invalid, parse_id, parse_tenant};
use super::concern_types::{
    AffectedInstitutionValue, Concern, ConcernStageValue, ConcernStatisticsInfo, QueuedConcern,
    SimilarConcernInfo, similar_concerns,
};

/// The work queues, oldest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
#[graphql(remote = "ConcernQueue")]
pub enum ConcernQueueValue {
    /// The Fachstelle's intake: submitted, not yet triaged.
    Intake,
    /// Before the EKG.
    Ekg,
    /// Before the STG.
    Stg,
    /// Decided; the official answer is due.
    AnswerDue,
}

/// What a list of concerns is narrowed to.
#[derive(Debug, Clone, Default, InputObject)]
pub struct ConcernFilterInput {
    pub stage: Option<ConcernStageValue>,
    /// The originating tenant (`CH` or a canton).
    pub origin: Option<ID>,
    pub network: Option<ID>,
    pub institution: Option<AffectedInstitutionValue>,
    /// A focus area key.
    pub focus_area: Option<ID>,
    /// Words to find in title, description and reasons (de/fr/it).
    pub search: Option<String>,
    pub drafted_from: Option<NaiveDate>,
    pub drafted_until: Option<NaiveDate>,
    pub submitted_from: Option<NaiveDate>,
    pub submitted_until: Option<NaiveDate>,
}

impl ConcernFilterInput {
    fn parse(self) -> Result<ConcernFilter> {
        Ok(ConcernFilter {
            stage: self.stage.map(ConcernStage::from),
            origin: self.origin.as_ref().map(parse_tenant).transpose()?,
            network: self
                .network
                .as_ref()
                .map(|id| parse_id(id, iiz_domain::NetworkId::parse))
                .transpose()?,
            institution: self.institution.map(AffectedInstitution::from),
            focus_area: self.focus_area.map(|key| key.0),
            text: self.search,
            drafted_from: self.drafted_from,
            drafted_until: self.drafted_until,
            submitted_from: self.submitted_from,
            submitted_until: self.submitted_until,
        })
    }
}

#[derive(Debug, Default)]
pub struct ConcernQuery;

#[Object]
impl ConcernQuery {
    /// One concern, with its timeline and the steps the caller may take.
    async fn concern(&self, ctx: &Context<'_>, id: ID) -> Result<Concern> {
        let (caller, request, _) = caller(ctx)?;
        let id = parse_id(&id, ConcernId::parse)?;
        let view = caller
            .concern(id)
            .await
            .map_err(|error| request.error(error))?;
        Ok(view.into())
    }

    /// Concerns the caller may see, newest first: every shared one and the
    /// drafts of the caller's tenant.
    #[graphql(complexity = "crate::graphql::limits::page_cost(first, child_complexity)")]
    async fn concerns(
        &self,
        ctx: &Context<'_>,
        filter: Option<ConcernFilterInput>,
        first: Option<i32>,
        after: Option<String>,
    ) -> Result<Page1<Concern>> {
        let (caller, request, _) = caller(ctx)?;
        let filter = filter.unwrap_or_default().parse()?;
        if filter
            .text
            .as_ref()
            .is_some_and(|text| text.chars().count() > 200)
        {
            return Err(invalid("a search is at most 200 characters long"));
        }
        let page = caller
            .concerns(&filter, self::first(first)?, after.as_deref())
            .await
            .map_err(|error| request.error(error))?;
        Ok(connection(page, Concern::from, after.is_some()))
    }

    /// A work queue, oldest first, with how long each concern has waited.
    #[graphql(complexity = "crate::graphql::limits::page_cost(first, child_complexity)")]
    async fn concern_queue(
        &self,
        ctx: &Context<'_>,
        queue: ConcernQueueValue,
        first: Option<i32>,
        after: Option<String>,
    ) -> Result<Page1<QueuedConcern>> {
        let (caller, request, _) = caller(ctx)?;
        let page = caller
            .concern_queue(queue.into(), self::first(first)?, after.as_deref())
            .await
            .map_err(|error| request.error(error))?;
        Ok(connection(page, QueuedConcern::from, after.is_some()))
    }

    /// Shared concerns that read like the given one.
    #[graphql(
        complexity = "crate::graphql::limits::read_cost(crate::graphql::limits::SIMILAR_RESULTS, child_complexity)"
    )]
    async fn similar_concerns(&self, ctx: &Context<'_>, id: ID) -> Result<Vec<SimilarConcernInfo>> {
        similar_concerns(ctx, parse_id(&id, ConcernId::parse)?).await
    }

    /// Counts per stage, tenant and year; the median time to an answer.
    async fn concern_statistics(&self, ctx: &Context<'_>) -> Result<ConcernStatisticsInfo> {
        let (caller, request, _) = caller(ctx)?;
        let stats = caller
            .concern_statistics()
            .await
            .map_err(|error| request.error(error))?;
        Ok(stats.into())
    }
}
