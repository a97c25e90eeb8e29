//! Mutations of the paths of IIZ 3.0, 2.1 beside the regular one: the
//! Fachstelle brings a concern or request straight to the STG; as the
//! bodies' secretariat it records the STG's referral to the EKG and the
//! EKG's assessment, each naming the meeting item or circular resolution
//! that decided it. Also the inputs of what an STG decision creates or
//! links (a decision's follow-up), which the minutes' effect takes.

use async_graphql::{Context, Enum, ID, InputObject, Object, Result};
use iiz_domain::ConcernId;
use iiz_domain::follow_up::FollowUp;
use iiz_domain::ids::{ProjectId, WorkingGroupId};

use super::basis::DecisionBasisInput;
use super::concerns::concern_after;
use super::programmes::{ActionFieldInput, action_field};
use super::projects::{IizProjectInput, iiz_project};
use super::working_groups::{MandateTextInput, mandate_text};
use crate::graphql::args::{caller, free_text, invalid, parse_id};
use crate::graphql::concern_types::Concern;

/// What an STG decision creates or links.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
pub enum FollowUpKindInput {
    /// An existing project (`id`).
    LinkProject,
    /// A new IIZ project (`project`).
    RegisterProject,
    /// A new working group mandated by the STG (`mandate`), naming the
    /// concern.
    MandateWorkingGroup,
    /// An existing working group (`id`).
    LinkWorkingGroup,
    /// A new action field of the current work programme (`actionField`).
    AddActionField,
}

/// The follow-up of an STG decision; the field its kind needs.
#[derive(Debug, Clone, InputObject)]
pub struct FollowUpInput {
    pub kind: FollowUpKindInput,
    /// The project or working group to link.
    pub id: Option<ID>,
    pub project: Option<IizProjectInput>,
    pub mandate: Option<MandateTextInput>,
    pub action_field: Option<ActionFieldInput>,
}

fn missing(kind: &str, field: &str) -> async_graphql::Error {
    invalid(format!("a follow-up {kind} names {field}"))
}

pub(super) fn follow_up(input: FollowUpInput) -> Result<FollowUp> {
    use FollowUpKindInput as K;
    Ok(match input.kind {
        K::LinkProject => FollowUp::LinkProject {
            project: parse_id(
                &input.id.ok_or_else(|| missing("LINK_PROJECT", "id"))?,
                ProjectId::parse,
            )?,
        },
        K::LinkWorkingGroup => FollowUp::LinkWorkingGroup {
            working_group: parse_id(
                &input
                    .id
                    .ok_or_else(|| missing("LINK_WORKING_GROUP", "id"))?,
                WorkingGroupId::parse,
            )?,
        },
        K::RegisterProject => {
            let new = iiz_project(
                input
                    .project
                    .ok_or_else(|| missing("REGISTER_PROJECT", "project"))?,
            )?;
            FollowUp::RegisterProject {
                title: new.title,
                focus_area: new.focus_area,
                project: Box::new(new.kind),
            }
        }
        K::MandateWorkingGroup => FollowUp::MandateWorkingGroup {
            mandate: Box::new(mandate_text(
                input
                    .mandate
                    .ok_or_else(|| missing("MANDATE_WORKING_GROUP", "mandate"))?,
            )?),
        },
        K::AddActionField => FollowUp::AddActionField {
            field: action_field(
                input
                    .action_field
                    .ok_or_else(|| missing("ADD_ACTION_FIELD", "actionField"))?,
            )?,
        },
    })
}

#[derive(Debug, Default)]
pub struct ConcernPathMutations;

#[Object]
impl ConcernPathMutations {
    /// The Fachstelle brings a submitted concern or request straight to
    /// the STG, with its reason (IIZ 3.0, 2.1).
    async fn bring_concern_to_stg(
        &self,
        ctx: &Context<'_>,
        id: ID,
        reason: String,
    ) -> Result<Concern> {
        let (caller, request, _) = caller(ctx)?;
        let id = parse_id(&id, ConcernId::parse)?;
        caller
            .bring_concern_to_stg(id, free_text(reason)?)
            .await
            .map_err(|error| request.error(error))?;
        concern_after(ctx, id).await
    }

    /// The secretariat records the STG's referral of a concern to the EKG
    /// with its question, as decided in `basis`.
    async fn record_concern_referral(
        &self,
        ctx: &Context<'_>,
        id: ID,
        question: String,
        basis: DecisionBasisInput,
    ) -> Result<Concern> {
        let (caller, request, _) = caller(ctx)?;
        let id = parse_id(&id, ConcernId::parse)?;
        caller
            .record_concern_referral(id, free_text(question)?, basis.parse()?)
            .await
            .map_err(|error| request.error(error))?;
        concern_after(ctx, id).await
    }

    /// The secretariat records the EKG's assessment of the STG's question,
    /// as decided in `basis`; the concern goes back to the STG.
    async fn record_ekg_assessment(
        &self,
        ctx: &Context<'_>,
        id: ID,
        assessment: String,
        basis: DecisionBasisInput,
    ) -> Result<Concern> {
        let (caller, request, _) = caller(ctx)?;
        let id = parse_id(&id, ConcernId::parse)?;
        caller
            .record_ekg_assessment(id, free_text(assessment)?, basis.parse()?)
            .await
            .map_err(|error| request.error(error))?;
        concern_after(ctx, id).await
    }
}
