//! The words of the meetings area for per-value texts: each value names
//! its literal key (through [`tkey`]), so the test that every key exists
//! in every language finds them all.

use iiz_domain::BodyRole;
use iiz_domain::body::BodyKind;
use iiz_domain::concern::{ConcernStage, EkgOutcome, StgOutcome};
use iiz_domain::decision::DecisionEffect;
use iiz_domain::meeting::ItemPurpose;
use iiz_domain::recommendation::RecommendationStage;
use iiz_domain::resolution::Vote;
use iiz_projections::{MeetingStatus, ResolutionStatus, RevisionKind};

use crate::web::i18n::Tr;

/// Marks a literal text key (the key scan reads `tkey("…")`).
pub(in crate::web) const fn tkey(key: &'static str) -> &'static str {
    key
}

pub(in crate::web) fn meeting_status(status: MeetingStatus) -> &'static str {
    match status {
        MeetingStatus::Planned => tkey("meetings-status-planned"),
        MeetingStatus::Held => tkey("meetings-status-held"),
        MeetingStatus::Approved => tkey("meetings-status-approved"),
        MeetingStatus::Cancelled => tkey("meetings-status-cancelled"),
    }
}

/// The badge class of a meeting's status (the text says it too).
pub(in crate::web) fn meeting_badge(status: MeetingStatus) -> &'static str {
    match status {
        MeetingStatus::Planned => "badge-info",
        MeetingStatus::Held => "badge-warning",
        MeetingStatus::Approved => "badge-success",
        MeetingStatus::Cancelled => "badge-error",
    }
}

pub(in crate::web) fn purpose(purpose: ItemPurpose) -> &'static str {
    match purpose {
        ItemPurpose::Information => tkey("meetings-purpose-information"),
        ItemPurpose::Discussion => tkey("meetings-purpose-discussion"),
        ItemPurpose::Decision => tkey("meetings-purpose-decision"),
    }
}

pub(in crate::web) fn revision(kind: RevisionKind) -> &'static str {
    match kind {
        RevisionKind::ItemAdded => tkey("meetings-revision-item-added"),
        RevisionKind::ItemChanged => tkey("meetings-revision-item-changed"),
        RevisionKind::ItemWithdrawn => tkey("meetings-revision-item-withdrawn"),
        RevisionKind::Rescheduled => tkey("meetings-revision-rescheduled"),
        RevisionKind::Cancelled => tkey("meetings-revision-cancelled"),
    }
}

pub(in crate::web) fn stg_outcome(outcome: StgOutcome) -> &'static str {
    match outcome {
        StgOutcome::Recommendation => tkey("meetings-stg-recommendation"),
        StgOutcome::Project => tkey("meetings-stg-project"),
        StgOutcome::WorkingGroup => tkey("meetings-stg-working-group"),
        StgOutcome::NewActionField => tkey("meetings-stg-new-action-field"),
        StgOutcome::Declined => tkey("meetings-stg-declined"),
    }
}

/// What a decision does to its subject, in a sentence.
pub(in crate::web) fn effect(tr: Tr, effect: &DecisionEffect) -> String {
    match effect {
        DecisionEffect::Examine { outcome } => match outcome {
            EkgOutcome::HandleInEkg => tr.t("meetings-effect-handle-in-ekg"),
            EkgOutcome::GiveToWorkingGroup { working_group, .. } => tr.t1(
                tkey("meetings-effect-give-to-working-group"),
                "group",
                working_group.as_str().to_owned(),
            ),
            EkgOutcome::ProposeToStg { proposal } => tr.t1(
                tkey("meetings-effect-propose-to-stg"),
                "outcome",
                tr.t(stg_outcome(*proposal)),
            ),
            EkgOutcome::CloseWithAnswer { .. } => tr.t("meetings-effect-close-with-answer"),
        },
        DecisionEffect::Decide { outcome, .. } => tr.t1(
            "meetings-effect-decide",
            "outcome",
            tr.t(stg_outcome(*outcome)),
        ),
        DecisionEffect::Adopt => tr.t("meetings-effect-adopt"),
        DecisionEffect::ReferToEkg { .. } => tr.t("meetings-effect-refer-to-ekg"),
        DecisionEffect::Assess => tr.t("meetings-effect-assess"),
    }
}

/// A concern's stage in the words of the concern pages (one vocabulary).
pub(in crate::web) fn concern_stage(stage: ConcernStage) -> &'static str {
    crate::web::concerns::labels::stage_key(stage)
}

pub(in crate::web) fn recommendation_stage(stage: RecommendationStage) -> &'static str {
    match stage {
        RecommendationStage::Draft => tkey("meetings-recommendation-draft"),
        RecommendationStage::Adopted => tkey("meetings-recommendation-adopted"),
        RecommendationStage::Published => tkey("meetings-recommendation-published"),
        RecommendationStage::Superseded => tkey("meetings-recommendation-superseded"),
        RecommendationStage::Closed => tkey("meetings-recommendation-closed"),
        RecommendationStage::Discarded => tkey("meetings-recommendation-discarded"),
    }
}

pub(in crate::web) fn body_kind(kind: BodyKind) -> &'static str {
    match kind {
        BodyKind::Steering => tkey("meetings-body-steering"),
        BodyKind::ExpertCoordination => tkey("meetings-body-expert"),
        BodyKind::Office => tkey("meetings-body-office"),
        BodyKind::WorkingGroup => tkey("meetings-body-working-group"),
        BodyKind::Subcommittee => tkey("meetings-body-subcommittee"),
    }
}

pub(in crate::web) fn seat_role(role: BodyRole) -> &'static str {
    match role {
        BodyRole::Chair => tkey("meetings-role-chair"),
        BodyRole::Deputy => tkey("meetings-role-deputy"),
        BodyRole::Member => tkey("meetings-role-member"),
        BodyRole::Guest => tkey("meetings-role-guest"),
    }
}

pub(in crate::web) fn vote(vote: Vote) -> &'static str {
    match vote {
        Vote::Yes => tkey("meetings-vote-yes"),
        Vote::No => tkey("meetings-vote-no"),
        Vote::Abstain => tkey("meetings-vote-abstain"),
    }
}

pub(in crate::web) fn resolution_status(status: ResolutionStatus) -> (&'static str, &'static str) {
    match status {
        ResolutionStatus::Open => (tkey("resolutions-status-open"), "badge-info"),
        ResolutionStatus::Carried => (tkey("resolutions-status-carried"), "badge-success"),
        ResolutionStatus::NotCarried => (tkey("resolutions-status-not-carried"), "badge-error"),
        ResolutionStatus::Withdrawn => (tkey("resolutions-status-withdrawn"), "badge-warning"),
    }
}
