//! Mutations of projects: registered for the STG, milestones reported by
//! the lead and noted by the EKG, results accepted by the STG.

use std::collections::BTreeMap;

use async_graphql::{Context, ID, InputObject, Object, Result};
use chrono::NaiveDate;
use iiz_app::recommendations::today;
use iiz_app::steering::NewProject;
use iiz_domain::ids::ProjectId;
use iiz_domain::project::{IizProject, ProjectCommand, ProjectKind};

use super::basis::DecisionBasisInput;
use crate::graphql::args::{
    self, AttachmentInput, attachments, caller, free_text, invalid, parse_id, party, title,
};
use crate::graphql::project_types::Project;
use crate::graphql::recommendation_types::focus_area;

/// A partner's declared funding.
#[derive(Debug, Clone, InputObject)]
pub struct FundingInput {
    /// `CH`, a canton or a partner (`BSV`, `SECO`, …).
    pub party: String,
    /// Swiss francs.
    pub amount: u64,
}

/// An IIZ project, at the interface of several partners.
#[derive(Debug, Clone, InputObject)]
pub struct IizProjectInput {
    pub title: String,
    pub focus_area: Option<ID>,
    /// The lead partner.
    pub lead: String,
    #[graphql(default, validator(custom = "args::MaxItems(\"funding\")"))]
    pub funding: Vec<FundingInput>,
    #[graphql(default)]
    pub resources: String,
    pub question: String,
    pub goal: String,
    pub output: String,
    #[graphql(default)]
    pub process: String,
    /// The project group.
    #[graphql(default)]
    pub group: String,
    #[graphql(default)]
    pub communication: String,
}

/// A partner's project, listed for information.
#[derive(Debug, Clone, InputObject)]
pub struct AssociatedProjectInput {
    pub title: String,
    pub focus_area: Option<ID>,
    pub owner: String,
    pub summary: String,
}

/// An IIZ project to register (also as an STG decision's follow-up).
pub(super) fn iiz_project(input: IizProjectInput) -> Result<NewProject> {
    let mut funding = BTreeMap::new();
    for declared in input.funding {
        let by = party(&declared.party)?;
        if funding.insert(by, declared.amount).is_some() {
            return Err(invalid(format!("{by} declares its funding twice")));
        }
    }
    Ok(NewProject {
        title: title(&input.title)?,
        focus_area: input.focus_area.as_ref().map(focus_area).transpose()?,
        kind: ProjectKind::Iiz(Box::new(IizProject {
            lead: party(&input.lead)?,
            funding,
            resources: free_text(input.resources)?,
            question: free_text(input.question)?,
            goal: free_text(input.goal)?,
            output: free_text(input.output)?,
            process: free_text(input.process)?,
            group: free_text(input.group)?,
            communication: free_text(input.communication)?,
        })),
    })
}

async fn register(ctx: &Context<'_>, new: NewProject) -> Result<Project> {
    let (caller, request, _) = caller(ctx)?;
    let (id, _) = caller
        .register_project(new)
        .await
        .map_err(|error| request.error(error))?;
    after(ctx, id).await
}

async fn after(ctx: &Context<'_>, id: ProjectId) -> Result<Project> {
    let (caller, request, _) = caller(ctx)?;
    let view = caller
        .project(id)
        .await
        .map_err(|error| request.error(error))?;
    Ok(Project::of(view, today()))
}

async fn act(ctx: &Context<'_>, id: &ID, command: ProjectCommand) -> Result<Project> {
    let (caller, request, _) = caller(ctx)?;
    let id = parse_id(id, ProjectId::parse)?;
    caller
        .project_command(id, command)
        .await
        .map_err(|error| request.error(error))?;
    after(ctx, id).await
}

#[derive(Debug, Default)]
pub struct ProjectMutations;

#[Object]
impl ProjectMutations {
    async fn register_iiz_project(
        &self,
        ctx: &Context<'_>,
        input: IizProjectInput,
    ) -> Result<Project> {
        register(ctx, iiz_project(input)?).await
    }

    async fn register_associated_project(
        &self,
        ctx: &Context<'_>,
        input: AssociatedProjectInput,
    ) -> Result<Project> {
        let new = NewProject {
            title: title(&input.title)?,
            focus_area: input.focus_area.as_ref().map(focus_area).transpose()?,
            kind: ProjectKind::Associated {
                owner: party(&input.owner)?,
                summary: free_text(input.summary)?,
            },
        };
        register(ctx, new).await
    }

    async fn plan_milestone(
        &self,
        ctx: &Context<'_>,
        project: ID,
        title: String,
        due: NaiveDate,
    ) -> Result<Project> {
        let title = args::title(&title)?;
        act(ctx, &project, ProjectCommand::PlanMilestone { title, due }).await
    }

    /// Moves a milestone not yet reached, saying why.
    async fn replan_milestone(
        &self,
        ctx: &Context<'_>,
        project: ID,
        number: u32,
        due: NaiveDate,
        reason: String,
    ) -> Result<Project> {
        let command = ProjectCommand::Replan {
            number,
            due,
            reason: free_text(reason)?,
        };
        act(ctx, &project, command).await
    }

    async fn reach_milestone(
        &self,
        ctx: &Context<'_>,
        project: ID,
        number: u32,
        on: NaiveDate,
    ) -> Result<Project> {
        act(ctx, &project, ProjectCommand::ReachMilestone { number, on }).await
    }

    /// The EKG takes note of a reached milestone.
    async fn note_milestone(
        &self,
        ctx: &Context<'_>,
        project: ID,
        number: u32,
        note: String,
    ) -> Result<Project> {
        let note = free_text(note)?;
        act(
            ctx,
            &project,
            ProjectCommand::NoteMilestone { number, note },
        )
        .await
    }

    async fn submit_project_result(
        &self,
        ctx: &Context<'_>,
        project: ID,
        summary: String,
        #[graphql(default, validator(custom = "args::MaxItems(\"documents\")"))] documents: Vec<
            AttachmentInput,
        >,
    ) -> Result<Project> {
        let command = ProjectCommand::SubmitResult {
            summary: free_text(summary)?,
            documents: attachments(documents)?,
        };
        act(ctx, &project, command).await
    }

    /// Records the STG's acceptance of the result, as decided in meeting
    /// X, item N, or by circular resolution Y (`basis`), which closes the
    /// project. The STG accepts as a body; the Fachstelle records it.
    async fn accept_project_result(
        &self,
        ctx: &Context<'_>,
        project: ID,
        decision: String,
        basis: DecisionBasisInput,
    ) -> Result<Project> {
        let decision = free_text(decision)?;
        let basis = basis.parse()?;
        let (caller, request, _) = caller(ctx)?;
        let id = parse_id(&project, ProjectId::parse)?;
        caller
            .accept_project_result(id, decision, basis)
            .await
            .map_err(|error| request.error(error))?;
        after(ctx, id).await
    }
}
