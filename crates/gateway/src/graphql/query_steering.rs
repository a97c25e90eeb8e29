//! Queries of working groups, projects, work programmes, chairs and
//! budgets.

use async_graphql::{Context, ID, Object, Result};
use chrono::NaiveDate;
use iiz_app::recommendations::today;
use iiz_app::steering::ProjectFilter;
use iiz_app::working_groups::WorkingGroupFilter;
use iiz_domain::ids::{BudgetId, ProgrammeId, ProjectId, WorkingGroupId};
use iiz_domain::{BodyId, TenantId};

use super::args::{Page1, caller, connection, first, invalid, parse_id};
use super::budget_types::Budget;
use super::focus_types::ProgrammeFocus;
use super::group_types::{ChairHistory, WorkingGroup};
use super::programme_types::WorkProgramme;
use super::project_types::Project;
use super::recommendation_types::focus_area as parse_focus_area;

#[derive(Debug, Default)]
pub struct SteeringQuery;

#[Object]
impl SteeringQuery {
    /// Working groups, newest mandate first: of one tenant's bodies
    /// (`CH`, a canton) or all, active or dissolved or both.
    #[graphql(complexity = "crate::graphql::limits::page_cost(first, child_complexity)")]
    async fn working_groups(
        &self,
        ctx: &Context<'_>,
        tenant: Option<String>,
        active: Option<bool>,
        first: Option<i32>,
        after: Option<String>,
    ) -> Result<Page1<WorkingGroup>> {
        let (caller, request, _) = caller(ctx)?;
        let tenant = tenant
            .as_deref()
            .map(TenantId::parse)
            .transpose()
            .map_err(|error| invalid(error.to_string()))?;
        let page = caller
            .working_groups(
                WorkingGroupFilter { tenant, active },
                self::first(first)?,
                after.as_deref(),
            )
            .await
            .map_err(|error| request.error(error))?;
        Ok(connection(page, WorkingGroup::from, after.is_some()))
    }

    async fn working_group(&self, ctx: &Context<'_>, id: ID) -> Result<WorkingGroup> {
        let (caller, request, _) = caller(ctx)?;
        let id = parse_id(&id, WorkingGroupId::parse)?;
        caller
            .working_group(id)
            .await
            .map(Into::into)
            .map_err(|error| request.error(error))
    }

    /// Projects by title; milestones judged on `asOf` (default today).
    #[graphql(complexity = "crate::graphql::limits::page_cost(first, child_complexity)")]
    #[allow(clippy::too_many_arguments, reason = "the filters and the page")]
    async fn projects(
        &self,
        ctx: &Context<'_>,
        focus_area: Option<ID>,
        #[graphql(desc = "IIZ projects (true) or associated ones (false).")] steered: Option<bool>,
        closed: Option<bool>,
        as_of: Option<NaiveDate>,
        first: Option<i32>,
        after: Option<String>,
    ) -> Result<Page1<Project>> {
        let (caller, request, _) = caller(ctx)?;
        let filter = ProjectFilter {
            focus_area: focus_area.as_ref().map(parse_focus_area).transpose()?,
            steered,
            closed,
        };
        let as_of = as_of.unwrap_or_else(today);
        let page = caller
            .projects(filter, self::first(first)?, after.as_deref())
            .await
            .map_err(|error| request.error(error))?;
        Ok(connection(
            page,
            |view| Project::of(view, as_of),
            after.is_some(),
        ))
    }

    /// One project; its milestones are late when due before `asOf`
    /// (default today) and not reached.
    async fn project(
        &self,
        ctx: &Context<'_>,
        id: ID,
        as_of: Option<NaiveDate>,
    ) -> Result<Project> {
        let (caller, request, _) = caller(ctx)?;
        let id = parse_id(&id, ProjectId::parse)?;
        let view = caller
            .project(id)
            .await
            .map_err(|error| request.error(error))?;
        Ok(Project::of(view, as_of.unwrap_or_else(today)))
    }

    /// Every work programme, oldest first.
    async fn work_programmes(&self, ctx: &Context<'_>) -> Result<Vec<WorkProgramme>> {
        let (caller, request, _) = caller(ctx)?;
        let programmes = caller
            .work_programmes()
            .await
            .map_err(|error| request.error(error))?;
        Ok(programmes.into_iter().map(Into::into).collect())
    }

    async fn work_programme(&self, ctx: &Context<'_>, id: ID) -> Result<WorkProgramme> {
        let (caller, request, _) = caller(ctx)?;
        let id = parse_id(&id, ProgrammeId::parse)?;
        caller
            .work_programme(id)
            .await
            .map(Into::into)
            .map_err(|error| request.error(error))
    }

    /// The programme running on `asOf` (default today), if any.
    async fn current_work_programme(
        &self,
        ctx: &Context<'_>,
        as_of: Option<NaiveDate>,
    ) -> Result<Option<WorkProgramme>> {
        let (caller, request, _) = caller(ctx)?;
        let programme = caller
            .current_work_programme(as_of.unwrap_or_else(today))
            .await
            .map_err(|error| request.error(error))?;
        Ok(programme.map(Into::into))
    }

    /// The focus areas and action fields of `programme`, or of the
    /// programme in force today (the one running, else the last one
    /// adopted); null when there is none.
    async fn focus_areas(
        &self,
        ctx: &Context<'_>,
        programme: Option<ID>,
    ) -> Result<Option<ProgrammeFocus>> {
        let (caller, request, _) = caller(ctx)?;
        let programme = programme
            .map(|id| parse_id(&id, ProgrammeId::parse))
            .transpose()?;
        let view = caller
            .programme_focus(programme)
            .await
            .map_err(|error| request.error(error))?;
        Ok(view.map(Into::into))
    }

    /// Who chairs a body on `asOf` (default today) and who chaired it.
    async fn chairs(
        &self,
        ctx: &Context<'_>,
        body: ID,
        as_of: Option<NaiveDate>,
    ) -> Result<ChairHistory> {
        let (caller, request, _) = caller(ctx)?;
        let body = parse_id(&body, BodyId::parse)?;
        let view = caller
            .chairs(body)
            .await
            .map_err(|error| request.error(error))?;
        Ok(ChairHistory::of(&view, as_of.unwrap_or_else(today)))
    }

    /// The chair records of every body that has one.
    async fn chair_histories(
        &self,
        ctx: &Context<'_>,
        as_of: Option<NaiveDate>,
    ) -> Result<Vec<ChairHistory>> {
        let (caller, request, _) = caller(ctx)?;
        let as_of = as_of.unwrap_or_else(today);
        let views = caller
            .chair_records()
            .await
            .map_err(|error| request.error(error))?;
        Ok(views
            .iter()
            .map(|view| ChairHistory::of(view, as_of))
            .collect())
    }

    /// The Fachstelle's budgets, oldest first.
    #[graphql(complexity = "crate::graphql::limits::page_cost(first, child_complexity)")]
    async fn budgets(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
    ) -> Result<Page1<Budget>> {
        let (caller, request, _) = caller(ctx)?;
        let page = caller
            .budgets(self::first(first)?, after.as_deref())
            .await
            .map_err(|error| request.error(error))?;
        Ok(connection(page, Budget::from, after.is_some()))
    }

    async fn budget(&self, ctx: &Context<'_>, id: ID) -> Result<Budget> {
        let (caller, request, _) = caller(ctx)?;
        let id = parse_id(&id, BudgetId::parse)?;
        caller
            .budget(id)
            .await
            .map(Into::into)
            .map_err(|error| request.error(error))
    }
}
