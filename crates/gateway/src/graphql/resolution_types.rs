//! GraphQL types of circular resolutions: the proposal with the rules in
//! force and the voters, every answer, the outcome and what became of its
//! effect; and a body's resolution rules.

use async_graphql::{Enum, ID, SimpleObject};
use chrono::{DateTime, Utc};
use iiz_domain::body::{CarriedBy, ResolutionRules};
use iiz_domain::meeting::Propagation;
use iiz_domain::resolution::{Outcome, Vote};
use iiz_projections::{ResolutionAnswer, ResolutionStatus, ResolutionView};

use super::meeting_types::{EffectFields, ItemSubjectInfo, PropagationInfo, PropagationStatus, id};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
#[graphql(remote = "ResolutionStatus")]
pub enum ResolutionStatusValue {
    Open,
    Carried,
    NotCarried,
    Withdrawn,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
#[graphql(remote = "Vote")]
pub enum VoteValue {
    Yes,
    No,
    Abstain,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
#[graphql(remote = "CarriedBy")]
pub enum CarriedByValue {
    /// Nobody answers no, at least one yes; abstentions do not block.
    Consensus,
    /// More yes than no among the votes cast; a tie is not carried.
    Majority,
}

/// How a body decides by circular resolution (the concept is silent: each
/// body sets its own; the platform's default is consensus, every answer
/// required, five days).
#[derive(Debug, Clone, SimpleObject)]
pub struct ResolutionRulesInfo {
    pub allowed: bool,
    pub carried_by: CarriedByValue,
    pub every_answer_required: bool,
    pub minimum_days: u32,
}

impl From<ResolutionRules> for ResolutionRulesInfo {
    fn from(rules: ResolutionRules) -> Self {
        Self {
            allowed: rules.allowed,
            carried_by: rules.carried_by.into(),
            every_answer_required: rules.every_answer_required,
            minimum_days: rules.minimum_days,
        }
    }
}

/// One answer as given; a corrected answer stays, marked `replaced`.
#[derive(Debug, Clone, SimpleObject)]
pub struct ResolutionAnswerInfo {
    pub voter: ID,
    pub vote: VoteValue,
    pub comment: Option<String>,
    pub at: DateTime<Utc>,
    pub replaced: bool,
}

impl From<&ResolutionAnswer> for ResolutionAnswerInfo {
    fn from(answer: &ResolutionAnswer) -> Self {
        Self {
            voter: id(answer.voter),
            vote: answer.vote.into(),
            comment: answer.comment.clone(),
            at: answer.at,
            replaced: answer.replaced,
        }
    }
}

/// A circular resolution (Zirkularbeschluss) of a body.
#[derive(Debug, Clone, SimpleObject)]
#[graphql(name = "Resolution")]
pub struct ResolutionInfo {
    pub id: ID,
    pub tenant: ID,
    pub body: ID,
    /// How it is cited, e.g. "Zirkularbeschluss STG 3/2026".
    pub label: String,
    pub title: String,
    pub subject: ItemSubjectInfo,
    /// The step a carried resolution takes on its subject.
    pub effect: Option<EffectFields>,
    /// What is decided if it is carried.
    pub decision: String,
    pub rationale: String,
    pub deadline: DateTime<Utc>,
    /// The body's rules in force when it was proposed.
    pub rules: ResolutionRulesInfo,
    /// The members with a voting seat when it was proposed.
    pub voters: Vec<ID>,
    /// The voters who have not answered yet (while open).
    pub awaiting: Vec<ID>,
    pub proposed_by: ID,
    pub proposed_at: DateTime<Utc>,
    pub status: ResolutionStatusValue,
    pub answers: Vec<ResolutionAnswerInfo>,
    pub carried: Option<bool>,
    /// Why it was not carried.
    pub not_carried_reason: Option<String>,
    pub yes: Option<u32>,
    pub no: Option<u32>,
    pub abstain: Option<u32>,
    pub missing: Option<u32>,
    pub closed_at: Option<DateTime<Utc>>,
    pub withdrawal_reason: Option<String>,
    pub withdrawn_at: Option<DateTime<Utc>>,
    pub propagation: Option<PropagationInfo>,
}

impl From<ResolutionView> for ResolutionInfo {
    fn from(view: ResolutionView) -> Self {
        let tally = view.tally;
        Self {
            id: id(view.id),
            tenant: ID(view.tenant.as_str().to_owned()),
            body: id(view.body),
            label: view.label,
            title: view.title,
            subject: (&view.subject).into(),
            effect: view.effect.as_ref().map(Into::into),
            decision: view.decision,
            rationale: view.rationale,
            deadline: view.deadline,
            rules: view.rules.into(),
            voters: view.voters.iter().map(id).collect(),
            awaiting: view.awaiting.iter().map(id).collect(),
            proposed_by: id(view.proposed_by),
            proposed_at: view.proposed_at,
            status: view.status.into(),
            answers: view.answers.iter().map(Into::into).collect(),
            carried: view.outcome.as_ref().map(Outcome::carried),
            not_carried_reason: match &view.outcome {
                Some(Outcome::NotCarried { reason }) => Some(reason.clone()),
                _ => None,
            },
            yes: tally.map(|t| t.yes),
            no: tally.map(|t| t.no),
            abstain: tally.map(|t| t.abstain),
            missing: tally.map(|t| t.missing),
            closed_at: view.closed_at,
            withdrawal_reason: view.withdrawal.as_ref().map(|w| w.reason.clone()),
            withdrawn_at: view.withdrawal.as_ref().map(|w| w.at),
            propagation: view.propagation.as_ref().map(|p| PropagationInfo {
                status: match p {
                    Propagation::Applied => PropagationStatus::Applied,
                    Propagation::Refused { .. } => PropagationStatus::Refused,
                },
                reason: match p {
                    Propagation::Applied => None,
                    Propagation::Refused { reason } => Some(reason.clone()),
                },
                at: view.propagated_at,
            }),
        }
    }
}
