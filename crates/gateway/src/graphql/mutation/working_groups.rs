//! Mutations of working groups: mandated by a body (with the approval of
//! the body above), members from several tenants, progress, result, the
//! mandating body's note and the dissolution.

use std::collections::BTreeSet;

use async_graphql::{Context, ID, InputObject, Object, Result};
use chrono::NaiveDate;
use iiz_app::working_groups::NewWorkingGroup;
use iiz_domain::ids::WorkingGroupId;
use iiz_domain::working_group::{Mandate, WorkingGroupCommand};
use iiz_domain::{BodyId, ConcernId, PersonId};

use super::basis::DecisionBasisInput;
use crate::graphql::args::{AttachmentInput, attachments, caller, free_text, parse_id, title};
use crate::graphql::group_types::{GroupRoleValue, WorkingGroup};

/// A mandate with the fields of the national concept's template.
#[derive(Debug, Clone, InputObject)]
pub struct MandateInput {
    /// The body that mandates (STG, EKG, a cantonal body).
    pub mandated_by: ID,
    /// The body above that approved it (a cantonal body's parent).
    pub approved_by: Option<ID>,
    #[graphql(flatten)]
    pub text: MandateTextInput,
    /// The day of the mandate.
    pub on: NaiveDate,
    /// The concerns the EKG gave to this group.
    #[graphql(
        default,
        validator(custom = "crate::graphql::args::MaxItems(\"concerns\")")
    )]
    pub concerns: Vec<ID>,
}

async fn group_after(ctx: &Context<'_>, id: WorkingGroupId) -> Result<WorkingGroup> {
    let (caller, request, _) = caller(ctx)?;
    caller
        .working_group(id)
        .await
        .map(Into::into)
        .map_err(|error| request.error(error))
}

async fn act(ctx: &Context<'_>, id: &ID, command: WorkingGroupCommand) -> Result<WorkingGroup> {
    let (caller, request, _) = caller(ctx)?;
    let id = parse_id(id, WorkingGroupId::parse)?;
    caller
        .working_group_command(id, command)
        .await
        .map_err(|error| request.error(error))?;
    group_after(ctx, id).await
}

/// The text of a mandate, with the fields of the national concept's
/// template (also what an STG decision "working group" mandates).
#[derive(Debug, Clone, InputObject)]
#[graphql(name = "DecidedMandateInput")]
pub struct MandateTextInput {
    pub title: String,
    /// Situation and question.
    pub question: String,
    pub goal: String,
    /// Output and process.
    pub output: String,
    #[graphql(default)]
    pub composition: String,
    #[graphql(default)]
    pub communication: String,
    #[graphql(default)]
    pub financing: String,
    #[graphql(default)]
    pub resources: String,
    /// The mandate ends on this day.
    pub until: NaiveDate,
}

/// The mandate a text gives, naming no concern yet.
pub(super) fn mandate_text(input: MandateTextInput) -> Result<Mandate> {
    Ok(Mandate {
        title: title(&input.title)?,
        question: free_text(input.question)?,
        goal: free_text(input.goal)?,
        output: free_text(input.output)?,
        composition: free_text(input.composition)?,
        communication: free_text(input.communication)?,
        financing: free_text(input.financing)?,
        resources: free_text(input.resources)?,
        until: input.until,
        concerns: BTreeSet::new(),
    })
}

#[derive(Debug, Default)]
pub struct WorkingGroupMutations;

#[Object]
impl WorkingGroupMutations {
    /// A body mandates a working group.
    async fn mandate_working_group(
        &self,
        ctx: &Context<'_>,
        input: MandateInput,
    ) -> Result<WorkingGroup> {
        let (caller, request, _) = caller(ctx)?;
        let new = NewWorkingGroup {
            mandated_by: parse_id(&input.mandated_by, BodyId::parse)?,
            approved_by: input
                .approved_by
                .as_ref()
                .map(|id| parse_id(id, BodyId::parse))
                .transpose()?,
            mandate: Mandate {
                concerns: input
                    .concerns
                    .iter()
                    .map(|id| parse_id(id, ConcernId::parse))
                    .collect::<Result<_>>()?,
                ..mandate_text(input.text)?
            },
            on: input.on,
        };
        let (id, _) = caller
            .mandate_working_group(new)
            .await
            .map_err(|error| request.error(error))?;
        group_after(ctx, id).await
    }

    /// A person joins the group for their home tenant.
    async fn join_working_group(
        &self,
        ctx: &Context<'_>,
        id: ID,
        person: ID,
        role: GroupRoleValue,
    ) -> Result<WorkingGroup> {
        let (caller, request, _) = caller(ctx)?;
        let group = parse_id(&id, WorkingGroupId::parse)?;
        let person = parse_id(&person, PersonId::parse)?;
        caller
            .join_working_group(group, person, role.into())
            .await
            .map_err(|error| request.error(error))?;
        group_after(ctx, group).await
    }

    async fn leave_working_group(
        &self,
        ctx: &Context<'_>,
        id: ID,
        person: ID,
    ) -> Result<WorkingGroup> {
        let person = parse_id(&person, PersonId::parse)?;
        act(ctx, &id, WorkingGroupCommand::Leave { person }).await
    }

    async fn report_working_group_progress(
        &self,
        ctx: &Context<'_>,
        id: ID,
        text: String,
        on: NaiveDate,
    ) -> Result<WorkingGroup> {
        let text = free_text(text)?;
        act(ctx, &id, WorkingGroupCommand::ReportProgress { text, on }).await
    }

    /// The group submits its result to the mandating body.
    async fn submit_working_group_result(
        &self,
        ctx: &Context<'_>,
        id: ID,
        summary: String,
        #[graphql(
            default,
            validator(custom = "crate::graphql::args::MaxItems(\"documents\")")
        )]
        documents: Vec<AttachmentInput>,
        on: NaiveDate,
    ) -> Result<WorkingGroup> {
        let command = WorkingGroupCommand::SubmitResult {
            summary: free_text(summary)?,
            documents: attachments(documents)?,
            on,
        };
        act(ctx, &id, command).await
    }

    /// Records that the mandating body took note of the result and decided
    /// what next, in meeting X, item N, or by circular resolution Y
    /// (`basis`). The body decides as a body; its secretariat records it.
    async fn note_working_group_result(
        &self,
        ctx: &Context<'_>,
        id: ID,
        decision: String,
        #[graphql(default)] next_steps: String,
        basis: DecisionBasisInput,
    ) -> Result<WorkingGroup> {
        let decision = free_text(decision)?;
        let next_steps = free_text(next_steps)?;
        let basis = basis.parse()?;
        let (caller, request, _) = caller(ctx)?;
        let group = parse_id(&id, WorkingGroupId::parse)?;
        caller
            .note_working_group_result(group, decision, next_steps, basis)
            .await
            .map_err(|error| request.error(error))?;
        group_after(ctx, group).await
    }

    async fn dissolve_working_group(
        &self,
        ctx: &Context<'_>,
        id: ID,
        reason: String,
        on: NaiveDate,
    ) -> Result<WorkingGroup> {
        let reason = free_text(reason)?;
        act(ctx, &id, WorkingGroupCommand::Dissolve { reason, on }).await
    }
}
