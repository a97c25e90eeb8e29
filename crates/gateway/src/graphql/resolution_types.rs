//! GraphQL types of circular resolutions: the proposal with the rules in
//! force and the voters, every answer, the outcome and what became of its
//! effect; and a body's resolution rules.

use std::sync::Arc;

use async_graphql::{Enum, ID, Object, SimpleObject};
use chrono::{DateTime, Utc};
use iiz_domain::body::{CarriedBy, ResolutionRules};
use iiz_domain::meeting::Propagation;
use iiz_domain::resolution::{Outcome, Vote};
use iiz_projections::{ResolutionAnswer, ResolutionStatus, ResolutionView};

use super::decision_types::{EffectFields, ItemSubjectInfo, PropagationInfo};
use super::meeting_enums::PropagationStatus;
use super::shared_types::id;

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

/// A circular resolution: the read model, held once; each field resolves
/// from it.
#[derive(Debug, Clone)]
pub struct ResolutionInfo(Arc<ResolutionView>);

impl From<ResolutionView> for ResolutionInfo {
    fn from(view: ResolutionView) -> Self {
        Self(Arc::new(view))
    }
}

/// A circular resolution (Zirkularbeschluss) of a body.
#[Object(name = "Resolution")]
impl ResolutionInfo {
    async fn id(&self) -> ID {
        id(self.0.id)
    }

    async fn tenant(&self) -> ID {
        ID(self.0.tenant.as_str().to_owned())
    }

    async fn body(&self) -> ID {
        id(self.0.body)
    }

    /// How it is cited, e.g. "Zirkularbeschluss STG 3/2026".
    async fn label(&self) -> &str {
        &self.0.label
    }

    async fn title(&self) -> &str {
        &self.0.title
    }

    async fn subject(&self) -> ItemSubjectInfo {
        (&self.0.subject).into()
    }

    /// The step a carried resolution takes on its subject.
    async fn effect(&self) -> Option<EffectFields> {
        self.0.effect.as_ref().map(Into::into)
    }

    /// What is decided if it is carried.
    async fn decision(&self) -> &str {
        &self.0.decision
    }

    async fn rationale(&self) -> &str {
        &self.0.rationale
    }

    async fn deadline(&self) -> DateTime<Utc> {
        self.0.deadline
    }

    /// The body's rules in force when it was proposed.
    async fn rules(&self) -> ResolutionRulesInfo {
        self.0.rules.into()
    }

    /// The members with a voting seat when it was proposed.
    async fn voters(&self) -> Vec<ID> {
        self.0.voters.iter().map(id).collect()
    }

    /// The voters who have not answered yet (while open).
    async fn awaiting(&self) -> Vec<ID> {
        self.0.awaiting.iter().map(id).collect()
    }

    async fn proposed_by(&self) -> ID {
        id(self.0.proposed_by)
    }

    async fn proposed_at(&self) -> DateTime<Utc> {
        self.0.proposed_at
    }

    async fn status(&self) -> ResolutionStatusValue {
        self.0.status.into()
    }

    async fn answers(&self) -> Vec<ResolutionAnswerInfo> {
        self.0.answers.iter().map(Into::into).collect()
    }

    async fn carried(&self) -> Option<bool> {
        self.0.outcome.as_ref().map(Outcome::carried)
    }

    /// Why it was not carried.
    async fn not_carried_reason(&self) -> Option<&str> {
        match &self.0.outcome {
            Some(Outcome::NotCarried { reason }) => Some(reason.as_str()),
            _ => None,
        }
    }

    async fn yes(&self) -> Option<u32> {
        self.0.tally.map(|t| t.yes)
    }

    async fn no(&self) -> Option<u32> {
        self.0.tally.map(|t| t.no)
    }

    async fn abstain(&self) -> Option<u32> {
        self.0.tally.map(|t| t.abstain)
    }

    async fn missing(&self) -> Option<u32> {
        self.0.tally.map(|t| t.missing)
    }

    async fn closed_at(&self) -> Option<DateTime<Utc>> {
        self.0.closed_at
    }

    async fn withdrawal_reason(&self) -> Option<&str> {
        self.0.withdrawal.as_ref().map(|w| w.reason.as_str())
    }

    async fn withdrawn_at(&self) -> Option<DateTime<Utc>> {
        self.0.withdrawal.as_ref().map(|w| w.at)
    }

    async fn propagation(&self) -> Option<PropagationInfo> {
        self.0.propagation.as_ref().map(|p| PropagationInfo {
            status: match p {
                Propagation::Applied => PropagationStatus::Applied,
                Propagation::Refused { .. } => PropagationStatus::Refused,
            },
            reason: match p {
                Propagation::Applied => None,
                Propagation::Refused { reason } => Some(reason.clone()),
            },
            at: self.0.propagated_at,
        })
    }
}
