//! Decisions of bodies (IIZ 3.0, chapters 2 and 3): a step that is a
//! body's decision is taken either through the minutes of one of the
//! body's meetings or through one of its circular resolutions, never by a
//! single member. This module
//! - checks that a named decision exists and is the right body's decision
//!   on the right subject ([`App::verify_basis`]), so that the secretariat
//!   can record a step "as decided in meeting X, item N / resolution Y";
//! - carries out a decision's effect on its subject with the subject's own
//!   rules ([`App::carry_out`]), for meetings and resolutions alike.

mod follow_up;

use chrono::NaiveDate;
use iiz_domain::ConceptRule;
use iiz_domain::basis::{DecisionReference, DecisionSource};
use iiz_domain::body::BodyKind;
use iiz_domain::decision::{DecisionEffect, ItemSubject};
use iiz_domain::error::ErrorKind;
use iiz_domain::ids::MeetingId;
use iiz_domain::text::FreeText;
use iiz_domain::{
    Concern, ConcernCommand, ConcernId, Recommendation, RecommendationCommand, Title,
};
use iiz_projections::{BodyView, MeetingView};
use iiz_store::EventMetadata;

use crate::concerns::concern_stream;
use crate::meetings::is_national;
use crate::recommendations::recommendation_stream;
use crate::{App, AppError};

mod record;

/// A decision of a body, ready to be carried out on its subject.
#[derive(Debug, Clone)]
pub(crate) struct BodyDecision<'a> {
    pub subject: &'a ItemSubject,
    pub effect: &'a DecisionEffect,
    /// What was decided, as minuted or proposed.
    pub outcome: &'a FreeText,
    pub rationale: &'a FreeText,
    /// The day it was decided (the meeting's day, the resolution's close).
    pub on: NaiveDate,
    pub reference: DecisionReference,
}

/// The body whose decision an effect is: the EKG examines concerns, the STG
/// decides them and adopts recommendations.
pub(crate) fn deciding_body(effect: &DecisionEffect) -> (BodyKind, &'static str) {
    match effect {
        DecisionEffect::Examine { .. } | DecisionEffect::Assess => {
            (BodyKind::ExpertCoordination, "the national EKG")
        }
        DecisionEffect::Decide { .. }
        | DecisionEffect::Adopt
        | DecisionEffect::ReferToEkg { .. } => (BodyKind::Steering, "the national STG"),
    }
}

/// A basis that names no decision of the deciding body on the subject.
pub(crate) fn no_basis(message: String) -> AppError {
    AppError::governance(
        ConceptRule::BodyDecidesAsBody,
        ErrorKind::Validation,
        message,
    )
}

/// How the minutes are cited: "EKG-Sitzung 4/2026, Traktandum 2".
pub(crate) fn meeting_label(view: &MeetingView, number: u32) -> Result<Title, AppError> {
    let full = format!("{}, Traktandum {number}", view.title);
    let cut: String = full.chars().take(Title::MAX_CHARS).collect();
    Title::parse(&cut).map_err(|error| AppError::Internal(format!("decision label: {error}")))
}

impl App {
    /// Checks that `basis` names a decision of the national body of `kind`
    /// on `subject` (a minuted decision on an item of one of its meetings,
    /// joint meetings included, or one of its carried circular
    /// resolutions) and returns how it is cited. A basis that names no
    /// such decision is refused with [`ConceptRule::BodyDecidesAsBody`].
    pub(crate) async fn verify_basis(
        &self,
        basis: DecisionSource,
        kind: BodyKind,
        subject: &ItemSubject,
    ) -> Result<DecisionReference, AppError> {
        match basis {
            DecisionSource::Meeting { meeting, item } => {
                self.verify_minutes(meeting, item, subject, |body| is_national(body, kind))
                    .await
            }
            DecisionSource::Resolution { resolution } => {
                self.resolution_basis(resolution, kind, subject).await
            }
        }
    }

    /// Checks that item `item` of `meeting` is about `subject`, that its
    /// minutes record a decision, and that one of the meeting's bodies is
    /// the deciding body (`deciding`); returns how it is cited.
    pub(crate) async fn verify_minutes(
        &self,
        meeting: MeetingId,
        item: u32,
        subject: &ItemSubject,
        deciding: impl Fn(&BodyView) -> bool,
    ) -> Result<DecisionReference, AppError> {
        let view = self
            .meeting_view(meeting)
            .await?
            .ok_or_else(|| no_basis(format!("meeting {meeting} does not exist")))?;
        let bodies = self.meeting_bodies(&view).await?;
        if !bodies.iter().any(deciding) {
            return Err(no_basis(format!(
                "«{}» is not a meeting of the body that takes this decision",
                view.title
            )));
        }
        let entry = view
            .item(item)
            .ok_or_else(|| no_basis(format!("«{}» has no item {item}", view.title)))?;
        if &entry.item.subject != subject {
            return Err(no_basis(format!(
                "item {item} of «{}» is about something else",
                view.title
            )));
        }
        let decided = entry
            .minutes
            .as_ref()
            .is_some_and(|minutes| minutes.decision.is_some());
        if !decided {
            return Err(no_basis(format!(
                "the minutes of «{}» record no decision on item {item}",
                view.title
            )));
        }
        Ok(DecisionReference::meeting(
            meeting,
            item,
            meeting_label(&view, item)?,
        ))
    }

    /// Takes the step a body's decision makes on its subject, with the
    /// subject's own rules. `metadata` carries the idempotency key of the
    /// decision, so carrying it out twice takes the step once.
    pub(crate) async fn carry_out(
        &self,
        decision: BodyDecision<'_>,
        metadata: EventMetadata,
    ) -> Result<(), AppError> {
        match (decision.subject, decision.effect) {
            (ItemSubject::Concern(id), DecisionEffect::Examine { outcome }) => {
                self.check_mandate_named(outcome).await?;
                let command = ConcernCommand::Examine {
                    outcome: outcome.clone(),
                    rationale: decision.rationale.clone(),
                    decided_by: decision.reference.clone(),
                };
                self.concern_step(*id, command, metadata).await
            }
            (ItemSubject::Concern(id), DecisionEffect::Decide { outcome, follow_up }) => {
                // Checked before the decision, so a follow-up that cannot
                // be carried out refuses the whole decision.
                let prepared = match follow_up {
                    Some(follow_up) => Some(
                        self.prepare_follow_up(*outcome, follow_up, decision.on)
                            .await?,
                    ),
                    None => None,
                };
                let command = ConcernCommand::Decide {
                    outcome: *outcome,
                    decision: decision.outcome.clone(),
                    rationale: decision.rationale.clone(),
                    decided_by: decision.reference.clone(),
                };
                self.concern_step(*id, command, metadata.clone()).await?;
                match prepared {
                    Some(prepared) => {
                        self.carry_out_follow_up(*id, prepared, decision.on, &metadata)
                            .await
                    }
                    None => Ok(()),
                }
            }
            (ItemSubject::Concern(id), DecisionEffect::ReferToEkg { question }) => {
                let command = ConcernCommand::ReferToEkg {
                    question: question.clone(),
                    decided_by: decision.reference,
                };
                self.concern_step(*id, command, metadata).await
            }
            (ItemSubject::Concern(id), DecisionEffect::Assess) => {
                // The assessment is the EKG's decision as minuted.
                let command = ConcernCommand::Assess {
                    assessment: decision.outcome.clone(),
                    decided_by: decision.reference,
                };
                self.concern_step(*id, command, metadata).await
            }
            (ItemSubject::Recommendation(id), DecisionEffect::Adopt) => {
                let command = RecommendationCommand::Adopt {
                    decision: decision.outcome.clone(),
                    on: decision.on,
                    decided_by: decision.reference.clone(),
                };
                self.execute::<Recommendation>(recommendation_stream(*id), command, metadata)
                    .await
                    .map(|_| ())
            }
            (subject, effect) => Err(AppError::invalid(format!(
                "a decision to {} does not fit an item on a {}",
                effect.as_str(),
                subject.as_str()
            ))),
        }
    }

    pub(crate) async fn concern_step(
        &self,
        id: ConcernId,
        command: ConcernCommand,
        metadata: EventMetadata,
    ) -> Result<(), AppError> {
        let Some(concern) = self.concern_view(id).await? else {
            return Err(AppError::invalid(format!("concern {id} does not exist")));
        };
        self.execute::<Concern>(concern_stream(concern.origin, id), command, metadata)
            .await
            .map(|_| ())
    }
}
