//! Mutations of the national steps on a concern: the Fachstelle's triage,
//! merging and answer, the EKG's examination and the STG's decision, and
//! comments from anyone who sees the concern.

use async_graphql::{Context, ID, Object, Result};
use iiz_domain::concern::{EkgOutcome, StgOutcome};
use iiz_domain::{ConcernCommand, ConcernId, RecommendationId};

use super::basis::DecisionBasisInput;
use super::concerns::{concern_after, step};
use crate::graphql::args::{caller, free_text, invalid, parse_id, parse_tenant};
use crate::graphql::concern_enums::EkgOutcomeKind;
use crate::graphql::concern_types::{
    CommentVisibilityValue, Concern, ReturnReasonValue, StgOutcomeValue,
};

/// The EKG's outcome from its kind and the field that kind needs (also
/// for decisions minuted in a meeting).
pub(super) fn ekg_outcome(
    kind: EkgOutcomeKind,
    working_group: Option<String>,
    proposal: Option<StgOutcomeValue>,
    answer: Option<String>,
) -> Result<EkgOutcome> {
    Ok(match kind {
        EkgOutcomeKind::HandleInEkg => EkgOutcome::HandleInEkg,
        EkgOutcomeKind::GiveToWorkingGroup => EkgOutcome::GiveToWorkingGroup {
            working_group: free_text(working_group.unwrap_or_default())?,
            mandate: None,
        },
        EkgOutcomeKind::ProposeToStg => EkgOutcome::ProposeToStg {
            proposal: proposal
                .map(StgOutcome::from)
                .ok_or_else(|| invalid("a proposal to the STG names the proposed outcome"))?,
        },
        EkgOutcomeKind::CloseWithAnswer => EkgOutcome::CloseWithAnswer {
            answer: free_text(answer.unwrap_or_default())?,
        },
    })
}

#[derive(Debug, Default)]
pub struct ConcernStepMutations;

#[Object]
impl ConcernStepMutations {
    /// The Fachstelle accepts the concern for the EKG.
    async fn accept_concern(
        &self,
        ctx: &Context<'_>,
        id: ID,
        #[graphql(default)] note: String,
    ) -> Result<Concern> {
        let note = free_text(note)?;
        step(ctx, &id, ConcernCommand::Accept { note }).await
    }

    /// The Fachstelle returns the concern with a reason.
    async fn return_concern(
        &self,
        ctx: &Context<'_>,
        id: ID,
        reason: ReturnReasonValue,
        rationale: String,
        #[graphql(default)] needed: String,
    ) -> Result<Concern> {
        let command = ConcernCommand::Return {
            reason: reason.into(),
            rationale: free_text(rationale)?,
            needed: free_text(needed)?,
        };
        step(ctx, &id, command).await
    }

    /// The Fachstelle merges the concern into a similar one; returns the
    /// surviving concern.
    async fn merge_concern(
        &self,
        ctx: &Context<'_>,
        id: ID,
        into: ID,
        rationale: String,
    ) -> Result<Concern> {
        let (caller, request, _) = caller(ctx)?;
        let into = parse_id(&into, ConcernId::parse)?;
        caller
            .merge_concern(
                parse_id(&id, ConcernId::parse)?,
                into,
                free_text(rationale)?,
            )
            .await
            .map_err(|error| request.error(error))?;
        concern_after(ctx, into).await
    }

    /// Records the EKG's examination as decided in meeting X, item N, or by
    /// circular resolution Y (`basis`): the EKG examines as a body, and only
    /// the Fachstelle as its secretariat records it. `workingGroup` names
    /// the group, `proposal` the outcome proposed to the STG, `answer` the
    /// closing answer.
    #[allow(clippy::too_many_arguments, reason = "one argument per outcome field")]
    async fn examine_concern(
        &self,
        ctx: &Context<'_>,
        id: ID,
        outcome: EkgOutcomeKind,
        working_group: Option<String>,
        proposal: Option<StgOutcomeValue>,
        answer: Option<String>,
        #[graphql(default)] rationale: String,
        basis: DecisionBasisInput,
    ) -> Result<Concern> {
        let outcome = ekg_outcome(outcome, working_group, proposal, answer)?;
        let rationale = free_text(rationale)?;
        let basis = basis.parse()?;
        let (caller, request, _) = caller(ctx)?;
        let id = parse_id(&id, ConcernId::parse)?;
        caller
            .examine_concern(id, outcome, rationale, basis)
            .await
            .map_err(|error| request.error(error))?;
        concern_after(ctx, id).await
    }

    /// Records the STG's decision as decided in meeting X, item N, or by
    /// circular resolution Y (`basis`): the STG decides as a body, and only
    /// the Fachstelle as its secretariat records it. A rationale is required
    /// when declining.
    async fn decide_concern(
        &self,
        ctx: &Context<'_>,
        id: ID,
        outcome: StgOutcomeValue,
        decision: String,
        #[graphql(default)] rationale: String,
        basis: DecisionBasisInput,
    ) -> Result<Concern> {
        let decision = free_text(decision)?;
        let rationale = free_text(rationale)?;
        let basis = basis.parse()?;
        let (caller, request, _) = caller(ctx)?;
        let id = parse_id(&id, ConcernId::parse)?;
        caller
            .decide_concern(id, outcome.into(), decision, rationale, basis)
            .await
            .map_err(|error| request.error(error))?;
        concern_after(ctx, id).await
    }

    /// The official answer to every submitter and endorser. After an STG
    /// decision on a recommendation it names the recommendation (publishing
    /// a recommendation answers the concerns it rests on by itself).
    async fn answer_concern(
        &self,
        ctx: &Context<'_>,
        id: ID,
        text: String,
        recommendation: Option<ID>,
    ) -> Result<Concern> {
        let text = free_text(text)?;
        let recommendation = recommendation
            .map(|id| parse_id(&id, RecommendationId::parse))
            .transpose()?;
        let command = ConcernCommand::Answer {
            text,
            recommendation,
        };
        step(ctx, &id, command).await
    }

    /// Comments for `tenant` (by default the concern's own tenant if the
    /// caller works there, else the caller's home tenant).
    async fn comment_on_concern(
        &self,
        ctx: &Context<'_>,
        id: ID,
        text: String,
        #[graphql(default_with = "CommentVisibilityValue::Shared")]
        visibility: CommentVisibilityValue,
        tenant: Option<ID>,
    ) -> Result<Concern> {
        let (caller, request, _) = caller(ctx)?;
        let concern = caller
            .concern(parse_id(&id, ConcernId::parse)?)
            .await
            .map_err(|error| request.error(error))?;
        let principal = request.principal()?;
        let tenant = match tenant {
            Some(tenant) => parse_tenant(&tenant)?,
            None if !principal.roles_in(concern.origin).is_empty() => concern.origin,
            None => principal.home,
        };
        let command = ConcernCommand::Comment {
            tenant,
            text: free_text(text)?,
            visibility: visibility.into(),
        };
        step(ctx, &id, command).await
    }
}
