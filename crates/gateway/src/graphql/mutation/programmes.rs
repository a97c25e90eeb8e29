//! Mutations of the STG's steering: the work programme, the chairs of the
//! bodies and the Fachstelle's budget.

use std::collections::BTreeMap;

use async_graphql::{Context, ID, InputObject, Object, Result};
use chrono::NaiveDate;
use iiz_app::steering::{NewBudget, NewProgramme};
use iiz_domain::budget::BudgetCommand;
use iiz_domain::ids::{BudgetId, ProgrammeId, ProjectId};
use iiz_domain::programme::{
    ActionField, EkgConsultation, FocusArea, FocusAreaDefinition, ProgrammeCommand,
};

use super::basis::DecisionBasisInput;
use crate::graphql::args::{caller, free_text, invalid, parse_id, title};
use crate::graphql::budget_types::Budget;
use crate::graphql::programme_types::WorkProgramme;
use crate::graphql::recommendation_types::focus_area as parse_focus_area;

/// An action field of a focus area.
#[derive(Debug, Clone, InputObject)]
pub struct ActionFieldInput {
    pub focus_area: ID,
    pub title: String,
    pub description: String,
}

pub(super) fn action_field(input: ActionFieldInput) -> Result<ActionField> {
    Ok(ActionField {
        focus_area: parse_focus_area(&input.focus_area)?,
        title: title(&input.title)?,
        description: free_text(input.description)?,
    })
}

/// A focus area as a programme defines it: its key (kept across
/// programmes), title, description and goal for the period.
#[derive(Debug, Clone, InputObject)]
pub struct FocusAreaInput {
    pub focus_area: ID,
    pub title: String,
    #[graphql(default)]
    pub description: String,
    #[graphql(default)]
    pub goal: String,
}

fn focus_areas(inputs: Vec<FocusAreaInput>) -> Result<BTreeMap<FocusArea, FocusAreaDefinition>> {
    let mut focus_areas = BTreeMap::new();
    for input in inputs {
        let definition = FocusAreaDefinition {
            title: title(&input.title)?,
            description: free_text(input.description)?,
            goal: free_text(input.goal)?,
        };
        if focus_areas
            .insert(parse_focus_area(&input.focus_area)?, definition)
            .is_some()
        {
            return Err(invalid("a focus area is named twice"));
        }
    }
    Ok(focus_areas)
}

/// A work programme as the STG adopts it.
#[derive(Debug, Clone, InputObject)]
pub struct WorkProgrammeInput {
    /// The first day of the two years.
    pub from: NaiveDate,
    pub adopted_on: NaiveDate,
    pub decision: String,
    /// When the EKG was consulted, its reference and its statement.
    pub consulted_on: NaiveDate,
    pub consultation_reference: String,
    pub ekg_statement: String,
    /// Those of the programme before when empty (the first programme
    /// must name its own: the three of the 2017 decision).
    #[graphql(
        default,
        validator(custom = "crate::graphql::args::MaxItems(\"focus_areas\")")
    )]
    pub focus_areas: Vec<FocusAreaInput>,
    #[graphql(
        default,
        validator(custom = "crate::graphql::args::MaxItems(\"action_fields\")")
    )]
    pub action_fields: Vec<ActionFieldInput>,
}

async fn programme_after(ctx: &Context<'_>, id: ProgrammeId) -> Result<WorkProgramme> {
    let (caller, request, _) = caller(ctx)?;
    caller
        .work_programme(id)
        .await
        .map(Into::into)
        .map_err(|error| request.error(error))
}

/// Takes a step on programme `id` and returns the programme after it.
async fn on_programme(
    ctx: &Context<'_>,
    id: ProgrammeId,
    command: ProgrammeCommand,
) -> Result<WorkProgramme> {
    let (caller, request, _) = caller(ctx)?;
    caller
        .programme_command(command)
        .await
        .map_err(|error| request.error(error))?;
    programme_after(ctx, id).await
}

async fn on_budget(ctx: &Context<'_>, id: BudgetId, command: BudgetCommand) -> Result<Budget> {
    let (caller, request, _) = caller(ctx)?;
    caller
        .budget_command(command)
        .await
        .map_err(|error| request.error(error))?;
    caller
        .budget(id)
        .await
        .map(Into::into)
        .map_err(|error| request.error(error))
}

#[derive(Debug, Default)]
pub struct SteeringMutations;

#[Object]
impl SteeringMutations {
    /// Records the STG's adoption of a two-year work programme, after
    /// consulting the EKG, as decided in meeting X, item N (an item on the
    /// programme from `input.from`), or by circular resolution Y (`basis`).
    /// The STG adopts as a body; the Fachstelle records it.
    async fn adopt_work_programme(
        &self,
        ctx: &Context<'_>,
        input: WorkProgrammeInput,
        basis: DecisionBasisInput,
    ) -> Result<WorkProgramme> {
        let basis = basis.parse()?;
        let focus_areas = focus_areas(input.focus_areas)?;
        let new = NewProgramme {
            from: input.from,
            adopted_on: input.adopted_on,
            decision: free_text(input.decision)?,
            consultation: EkgConsultation {
                on: input.consulted_on,
                reference: title(&input.consultation_reference)?,
                statement: free_text(input.ekg_statement)?,
            },
            focus_areas,
            action_fields: input
                .action_fields
                .into_iter()
                .map(action_field)
                .collect::<Result<_>>()?,
        };
        let (caller, request, _) = caller(ctx)?;
        let (id, _) = caller
            .adopt_work_programme(new, basis)
            .await
            .map_err(|error| request.error(error))?;
        programme_after(ctx, id).await
    }

    async fn add_action_field(
        &self,
        ctx: &Context<'_>,
        programme: ID,
        field: ActionFieldInput,
    ) -> Result<WorkProgramme> {
        let programme = parse_id(&programme, ProgrammeId::parse)?;
        let field = action_field(field)?;
        on_programme(
            ctx,
            programme,
            ProgrammeCommand::AddActionField { programme, field },
        )
        .await
    }

    /// Records the STG's revision of the focus of a running programme, as
    /// decided in meeting X / resolution Y (`basis`, an item on the
    /// programme's period): the focus areas it has from now on (add, rename
    /// or drop; one with action fields or projects under it stays).
    async fn revise_focus_areas(
        &self,
        ctx: &Context<'_>,
        programme: ID,
        #[graphql(validator(custom = "crate::graphql::args::MaxItems(\"focus_areas\")"))]
        focus_areas: Vec<FocusAreaInput>,
        basis: DecisionBasisInput,
    ) -> Result<WorkProgramme> {
        let programme = parse_id(&programme, ProgrammeId::parse)?;
        let focus_areas = self::focus_areas(focus_areas)?;
        let basis = basis.parse()?;
        let (caller, request, _) = caller(ctx)?;
        caller
            .revise_focus_areas(programme, focus_areas, basis)
            .await
            .map_err(|error| request.error(error))?;
        programme_after(ctx, programme).await
    }

    /// Puts a project under a focus area (and one of its action fields).
    async fn link_project_to_programme(
        &self,
        ctx: &Context<'_>,
        programme: ID,
        project: ID,
        focus_area: ID,
        action_field: Option<u32>,
    ) -> Result<WorkProgramme> {
        let programme = parse_id(&programme, ProgrammeId::parse)?;
        let command = ProgrammeCommand::LinkProject {
            programme,
            project: parse_id(&project, ProjectId::parse)?,
            focus_area: parse_focus_area(&focus_area)?,
            action_field,
        };
        on_programme(ctx, programme, command).await
    }

    async fn unlink_project_from_programme(
        &self,
        ctx: &Context<'_>,
        programme: ID,
        project: ID,
        reason: String,
    ) -> Result<WorkProgramme> {
        let programme = parse_id(&programme, ProgrammeId::parse)?;
        let command = ProgrammeCommand::UnlinkProject {
            programme,
            project: parse_id(&project, ProjectId::parse)?,
            reason: free_text(reason)?,
        };
        on_programme(ctx, programme, command).await
    }

    /// Closes the programme with its final report.
    async fn close_work_programme(
        &self,
        ctx: &Context<'_>,
        programme: ID,
        on: NaiveDate,
        report: String,
    ) -> Result<WorkProgramme> {
        let programme = parse_id(&programme, ProgrammeId::parse)?;
        let report = free_text(report)?;
        let command = ProgrammeCommand::Close {
            programme,
            on,
            report,
        };
        on_programme(ctx, programme, command).await
    }

    /// The Fachstelle's four-year budget; the total splits equally among
    /// BSV, SBFI, SECO and SEM.
    async fn plan_budget(
        &self,
        ctx: &Context<'_>,
        first_year: i32,
        total: u64,
        purpose: String,
    ) -> Result<Budget> {
        let (caller, request, _) = caller(ctx)?;
        let new = NewBudget {
            first_year,
            total,
            purpose: free_text(purpose)?,
        };
        let (id, _) = caller
            .plan_budget(new)
            .await
            .map_err(|error| request.error(error))?;
        caller
            .budget(id)
            .await
            .map(Into::into)
            .map_err(|error| request.error(error))
    }

    /// The Fachstelle's report of a year's use to the STG.
    async fn report_budget_year(
        &self,
        ctx: &Context<'_>,
        budget: ID,
        year: i32,
        spent: u64,
        narrative: String,
    ) -> Result<Budget> {
        let budget = parse_id(&budget, BudgetId::parse)?;
        let command = BudgetCommand::ReportYear {
            budget,
            year,
            spent,
            narrative: free_text(narrative)?,
        };
        on_budget(ctx, budget, command).await
    }

    /// The STG takes note of a year's report.
    async fn note_budget_report(
        &self,
        ctx: &Context<'_>,
        budget: ID,
        year: i32,
        note: String,
    ) -> Result<Budget> {
        let budget = parse_id(&budget, BudgetId::parse)?;
        let note = free_text(note)?;
        let command = BudgetCommand::NoteReport { budget, year, note };
        on_budget(ctx, budget, command).await
    }
}
