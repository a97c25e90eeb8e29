//! Mutations of circular resolutions: the secretariat or the chair
//! proposes, each voting member answers, the secretariat, the chair or the
//! proposer closes (a carried resolution's effect is carried out in the
//! same request) or withdraws; whoever runs the body's tenant sets its
//! resolution rules.

use async_graphql::{Context, ID, InputObject, Object, Result};
use chrono::{DateTime, Utc};
use iiz_app::resolutions::NewResolution;
use iiz_domain::body::{BodyCommand, ResolutionRules};
use iiz_domain::{BodyId, ResolutionId};

use super::meeting_inputs::{EffectInput, effect, item_subject};
use crate::graphql::args::{caller, free_text, parse_id, title};
use crate::graphql::meeting_types::SubjectKind;
use crate::graphql::resolution_types::{
    CarriedByValue, ResolutionInfo, ResolutionRulesInfo, VoteValue,
};

/// A circular resolution to propose to a body's voting members.
#[derive(Debug, Clone, InputObject)]
pub struct ProposeResolutionInput {
    pub body: ID,
    pub title: String,
    pub subject: SubjectKind,
    /// The concern, recommendation, project or working group.
    pub subject_id: Option<ID>,
    /// The report's title, for a `REPORT` subject.
    pub report_title: Option<String>,
    /// The first day of the programme, for a `WORK_PROGRAMME` subject.
    pub programme_from: Option<chrono::NaiveDate>,
    /// The step the resolution takes on its subject when carried.
    pub effect: Option<EffectInput>,
    /// What is decided if it is carried.
    pub decision: String,
    #[graphql(default)]
    pub rationale: String,
    pub deadline: DateTime<Utc>,
}

/// A body's rules for circular resolutions.
#[derive(Debug, Clone, InputObject)]
pub struct ResolutionRulesInput {
    pub allowed: bool,
    pub carried_by: CarriedByValue,
    pub every_answer_required: bool,
    pub minimum_days: u32,
}

async fn resolution_after(ctx: &Context<'_>, id: ResolutionId) -> Result<ResolutionInfo> {
    let (caller, request, _) = caller(ctx)?;
    caller
        .resolution(id)
        .await
        .map(Into::into)
        .map_err(|error| request.error(error))
}

#[derive(Debug, Default)]
pub struct ResolutionMutations;

#[Object]
impl ResolutionMutations {
    /// The body's secretariat or chair proposes a circular resolution; the
    /// members with a voting seat now are its voters.
    async fn propose_resolution(
        &self,
        ctx: &Context<'_>,
        input: ProposeResolutionInput,
    ) -> Result<ResolutionInfo> {
        let (caller, request, _) = caller(ctx)?;
        let new = NewResolution {
            body: parse_id(&input.body, BodyId::parse)?,
            subject: item_subject(
                input.subject,
                input.subject_id.as_ref(),
                input.report_title.as_deref(),
                input.programme_from,
            )?,
            effect: input.effect.map(effect).transpose()?,
            title: title(&input.title)?,
            decision: free_text(input.decision)?,
            rationale: free_text(input.rationale)?,
            deadline: input.deadline,
        };
        let (id, _) = caller
            .propose_resolution(new)
            .await
            .map_err(|error| request.error(error))?;
        resolution_after(ctx, id).await
    }

    /// A voter answers before the deadline; answering again replaces the
    /// earlier answer (both stay recorded).
    async fn answer_resolution(
        &self,
        ctx: &Context<'_>,
        id: ID,
        vote: VoteValue,
        comment: Option<String>,
    ) -> Result<ResolutionInfo> {
        let (caller, request, _) = caller(ctx)?;
        let id = parse_id(&id, ResolutionId::parse)?;
        let comment = comment.map(free_text).transpose()?;
        caller
            .answer_resolution(id, vote.into(), comment)
            .await
            .map_err(|error| request.error(error))?;
        resolution_after(ctx, id).await
    }

    /// Closes a resolution at or after its deadline, or earlier once every
    /// voter answered; a carried resolution's effect is carried out.
    async fn close_resolution(&self, ctx: &Context<'_>, id: ID) -> Result<ResolutionInfo> {
        let (caller, request, _) = caller(ctx)?;
        let id = parse_id(&id, ResolutionId::parse)?;
        caller
            .close_resolution(id)
            .await
            .map_err(|error| request.error(error))?;
        resolution_after(ctx, id).await
    }

    /// The proposer or the secretariat withdraws an open resolution.
    async fn withdraw_resolution(
        &self,
        ctx: &Context<'_>,
        id: ID,
        reason: String,
    ) -> Result<ResolutionInfo> {
        let (caller, request, _) = caller(ctx)?;
        let id = parse_id(&id, ResolutionId::parse)?;
        caller
            .withdraw_resolution(id, free_text(reason)?)
            .await
            .map_err(|error| request.error(error))?;
        resolution_after(ctx, id).await
    }

    /// Sets how a body decides by circular resolution.
    async fn set_resolution_rules(
        &self,
        ctx: &Context<'_>,
        body: ID,
        rules: ResolutionRulesInput,
    ) -> Result<ResolutionRulesInfo> {
        let (caller, request, _) = caller(ctx)?;
        let body = parse_id(&body, BodyId::parse)?;
        let rules = ResolutionRules {
            allowed: rules.allowed,
            carried_by: rules.carried_by.into(),
            every_answer_required: rules.every_answer_required,
            minimum_days: rules.minimum_days,
        };
        caller
            .body_command(body, BodyCommand::SetResolutionRules { rules })
            .await
            .map_err(|error| request.error(error))?;
        caller
            .resolution_rules(body)
            .await
            .map(Into::into)
            .map_err(|error| request.error(error))
    }
}
