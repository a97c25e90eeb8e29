//! The view of one circular resolution, with every answer and the outcome.

use chrono::{DateTime, Datelike, Utc};
use iiz_domain::TenantId;
use iiz_domain::body::ResolutionRules;
use iiz_domain::decision::{DecisionEffect, ItemSubject};
use iiz_domain::ids::{BodyId, PersonId, ResolutionId};
use iiz_domain::meeting::Propagation;
use iiz_domain::resolution::{Outcome, ResolutionEvent, Tally, Vote};
use iiz_store::RecordedEvent;
use serde::{Deserialize, Serialize};

/// Where a resolution stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ResolutionStatus {
    Open,
    Carried,
    NotCarried,
    Withdrawn,
}

/// One answer, as given: a corrected answer stays listed, marked as
/// replaced by the voter's later answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResolutionAnswer {
    pub voter: PersonId,
    pub vote: Vote,
    pub comment: Option<String>,
    pub at: DateTime<Utc>,
    /// A later answer of the same voter replaced this one.
    pub replaced: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Withdrawal {
    pub reason: String,
    pub at: DateTime<Utc>,
    pub actor: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResolutionView {
    pub id: ResolutionId,
    pub tenant: TenantId,
    pub body: BodyId,
    /// How the resolution is cited ("Zirkularbeschluss STG 3/2026").
    pub label: String,
    pub title: String,
    pub subject: ItemSubject,
    pub effect: Option<DecisionEffect>,
    pub decision: String,
    pub rationale: String,
    pub deadline: DateTime<Utc>,
    /// The body's rules in force when it was proposed.
    pub rules: ResolutionRules,
    pub voters: Vec<PersonId>,
    pub proposed_by: PersonId,
    pub proposed_at: DateTime<Utc>,
    /// Filterable: the year it was proposed (resolutions are numbered per
    /// body and year).
    pub year: i32,
    pub status: ResolutionStatus,
    /// Filterable flag: still taking answers.
    pub open: bool,
    /// Filterable: the voters who have not answered, while open.
    pub awaiting: Vec<PersonId>,
    pub answers: Vec<ResolutionAnswer>,
    pub outcome: Option<Outcome>,
    pub tally: Option<Tally>,
    pub closed_at: Option<DateTime<Utc>>,
    /// Who closed it (the actor of the close).
    pub closed_by: Option<String>,
    pub withdrawal: Option<Withdrawal>,
    pub propagation: Option<Propagation>,
    pub propagated_at: Option<DateTime<Utc>>,
    /// Filterable flag: carried with an effect not yet carried out.
    pub pending_propagation: bool,
    pub updated_at: DateTime<Utc>,
    pub version: u64,
}

impl ResolutionView {
    /// The last answer of `voter`, if any.
    pub fn answer_of(&self, voter: PersonId) -> Option<&ResolutionAnswer> {
        self.answers
            .iter()
            .rev()
            .find(|answer| answer.voter == voter)
    }

    /// Open ones first, by deadline; then the others by proposal, newest
    /// first (the time is inverted so the ascending sort puts it first).
    pub fn sort_key(&self) -> String {
        if self.open {
            format!("0|{}", self.deadline.to_rfc3339())
        } else {
            let inverted = i64::MAX - self.proposed_at.timestamp_micros();
            format!("1|{inverted:020}")
        }
    }
}

fn proposed(event: &ResolutionEvent, recorded: &RecordedEvent) -> Result<ResolutionView, String> {
    let ResolutionEvent::Proposed {
        id,
        body,
        label,
        subject,
        effect,
        title,
        decision,
        rationale,
        deadline,
        rules,
        voters,
        proposed_by,
        proposed_at,
    } = event
    else {
        return Err("event for a resolution that was never proposed".to_owned());
    };
    let tenant = TenantId::parse(&recorded.stream.tenant)
        .map_err(|error| format!("resolution tenant: {error}"))?;
    let voters: Vec<PersonId> = voters.iter().copied().collect();
    Ok(ResolutionView {
        id: *id,
        tenant,
        body: *body,
        label: label.as_str().to_owned(),
        title: title.as_str().to_owned(),
        subject: subject.clone(),
        effect: effect.clone(),
        decision: decision.as_str().to_owned(),
        rationale: rationale.as_str().to_owned(),
        deadline: *deadline,
        rules: *rules,
        awaiting: voters.clone(),
        voters,
        proposed_by: *proposed_by,
        proposed_at: *proposed_at,
        year: proposed_at.year(),
        status: ResolutionStatus::Open,
        open: true,
        answers: Vec::new(),
        outcome: None,
        tally: None,
        closed_at: None,
        closed_by: None,
        withdrawal: None,
        propagation: None,
        propagated_at: None,
        pending_propagation: false,
        updated_at: recorded.recorded_at,
        version: 0,
    })
}

/// Applies one event to a resolution's view (`None` before it was
/// proposed).
pub(super) fn apply(
    before: Option<ResolutionView>,
    event: &ResolutionEvent,
    recorded: &RecordedEvent,
) -> Result<ResolutionView, String> {
    let mut view = match before {
        Some(view) => view,
        None => proposed(event, recorded)?,
    };
    match event {
        ResolutionEvent::Proposed { .. } => {}
        ResolutionEvent::Answered {
            voter,
            vote,
            comment,
            answered_at,
        } => {
            for earlier in view.answers.iter_mut().filter(|a| a.voter == *voter) {
                earlier.replaced = true;
            }
            view.answers.push(ResolutionAnswer {
                voter: *voter,
                vote: *vote,
                comment: comment.as_ref().map(|c| c.as_str().to_owned()),
                at: *answered_at,
                replaced: false,
            });
            view.awaiting.retain(|waiting| waiting != voter);
        }
        ResolutionEvent::Closed {
            outcome,
            tally,
            closed_at,
        } => {
            view.status = if outcome.carried() {
                ResolutionStatus::Carried
            } else {
                ResolutionStatus::NotCarried
            };
            view.pending_propagation = outcome.carried() && view.effect.is_some();
            view.outcome = Some(outcome.clone());
            view.tally = Some(*tally);
            view.closed_at = Some(*closed_at);
            view.closed_by = Some(recorded.metadata.actor.clone());
            view.open = false;
            view.awaiting.clear();
        }
        ResolutionEvent::Withdrawn {
            reason,
            withdrawn_at,
        } => {
            view.status = ResolutionStatus::Withdrawn;
            view.withdrawal = Some(Withdrawal {
                reason: reason.as_str().to_owned(),
                at: *withdrawn_at,
                actor: recorded.metadata.actor.clone(),
            });
            view.open = false;
            view.awaiting.clear();
        }
        ResolutionEvent::PropagationRecorded { propagation } => {
            view.propagation = Some(propagation.clone());
            view.propagated_at = Some(recorded.recorded_at);
            view.pending_propagation = false;
        }
    }
    view.updated_at = recorded.recorded_at;
    view.version = recorded.stream_version;
    Ok(view)
}
