//! The words for the values of a concern (stages, institutions, outcomes,
//! the kinds of steps in its timeline). Each is an explicit `match` that
//! returns a literal key, so the key scan of the tests sees every one.

use iiz_domain::concern::{AffectedInstitution, ConcernStage, ReturnReason, StepOutcome};
use iiz_domain::follow_up::StgOutcome;

use crate::web::i18n::Tr;

pub fn stage_key(stage: ConcernStage) -> &'static str {
    match stage {
        ConcernStage::Draft => "concerns-stage-draft",
        ConcernStage::InCantonalRoute => "concerns-stage-in-cantonal-route",
        ConcernStage::Released => "concerns-stage-released",
        ConcernStage::ResolvedLocally => "concerns-stage-resolved-locally",
        ConcernStage::Withdrawn => "concerns-stage-withdrawn",
        ConcernStage::AwaitingTriage => "concerns-stage-awaiting-triage",
        ConcernStage::ReturnedToOrigin => "concerns-stage-returned-to-origin",
        ConcernStage::Merged => "concerns-stage-merged",
        ConcernStage::AtEkg => "concerns-stage-at-ekg",
        ConcernStage::HandledInEkg => "concerns-stage-handled-in-ekg",
        ConcernStage::WithWorkingGroup => "concerns-stage-with-working-group",
        ConcernStage::AtStg => "concerns-stage-at-stg",
        ConcernStage::Decided => "concerns-stage-decided",
        ConcernStage::Answered => "concerns-stage-answered",
        ConcernStage::ReferredToEkg => "concerns-stage-referred-to-ekg",
    }
}

/// A stage with its badge: the colour repeats what the text says.
#[derive(Debug, Clone)]
pub struct StageBadge {
    pub label: String,
    pub class: &'static str,
}

pub fn stage_badge(tr: Tr, stage: ConcernStage) -> StageBadge {
    let class = match stage {
        ConcernStage::Answered | ConcernStage::ResolvedLocally | ConcernStage::Decided => {
            "badge-success"
        }
        ConcernStage::Withdrawn | ConcernStage::Merged => "badge",
        ConcernStage::ReturnedToOrigin => "badge-warning",
        _ => "badge-info",
    };
    StageBadge {
        label: tr.t(stage_key(stage)),
        class,
    }
}

pub fn institution_key(institution: AffectedInstitution) -> &'static str {
    match institution {
        AffectedInstitution::AlvRav => "concerns-institution-alv-rav",
        AffectedInstitution::Iv => "concerns-institution-iv",
        AffectedInstitution::Sh => "concerns-institution-sh",
        AffectedInstitution::BbBslb => "concerns-institution-bb-bslb",
        AffectedInstitution::Mig => "concerns-institution-mig",
        AffectedInstitution::Other => "concerns-institution-other",
    }
}

pub fn return_reason_key(reason: ReturnReason) -> &'static str {
    match reason {
        ReturnReason::NotIizRelevant => "concerns-outcome-not-iiz-relevant",
        ReturnReason::CantonalMatter => "concerns-outcome-cantonal-matter",
        ReturnReason::NeedsInformation => "concerns-outcome-needs-information",
    }
}

pub const RETURN_REASONS: [(ReturnReason, &str); 3] = [
    (ReturnReason::NotIizRelevant, "not_iiz_relevant"),
    (ReturnReason::CantonalMatter, "cantonal_matter"),
    (ReturnReason::NeedsInformation, "needs_information"),
];

pub fn step_outcome_key(outcome: StepOutcome) -> &'static str {
    match outcome {
        StepOutcome::Approved => "concerns-outcome-approved",
        StepOutcome::Discussed => "concerns-outcome-discussed",
        StepOutcome::Noted => "concerns-outcome-noted",
        StepOutcome::Returned => "concerns-outcome-returned",
    }
}

pub fn step_outcome_value(outcome: StepOutcome) -> &'static str {
    match outcome {
        StepOutcome::Approved => "approved",
        StepOutcome::Discussed => "discussed",
        StepOutcome::Noted => "noted",
        StepOutcome::Returned => "returned",
    }
}

pub const STG_OUTCOMES: [(StgOutcome, &str); 5] = [
    (StgOutcome::Recommendation, "recommendation"),
    (StgOutcome::Project, "project"),
    (StgOutcome::WorkingGroup, "working_group"),
    (StgOutcome::NewActionField, "new_action_field"),
    (StgOutcome::Declined, "declined"),
];

pub fn stg_outcome_key(outcome: StgOutcome) -> &'static str {
    match outcome {
        StgOutcome::Recommendation => "concerns-outcome-recommendation",
        StgOutcome::Project => "concerns-outcome-project",
        StgOutcome::WorkingGroup => "concerns-outcome-working-group",
        StgOutcome::NewActionField => "concerns-outcome-new-action-field",
        StgOutcome::Declined => "concerns-outcome-declined",
    }
}

/// An outcome, reason or channel as the timeline records it (snake case).
pub fn recorded_outcome(tr: Tr, value: &str) -> String {
    let key = match value {
        "approved" => "concerns-outcome-approved",
        "discussed" => "concerns-outcome-discussed",
        "noted" => "concerns-outcome-noted",
        "returned" => "concerns-outcome-returned",
        "not_iiz_relevant" => "concerns-outcome-not-iiz-relevant",
        "cantonal_matter" => "concerns-outcome-cantonal-matter",
        "needs_information" => "concerns-outcome-needs-information",
        "via_fachstelle" => "concerns-outcome-via-fachstelle",
        "direct_to_ekg" => "concerns-outcome-direct-to-ekg",
        "handle_in_ekg" => "concerns-outcome-handle-in-ekg",
        "give_to_working_group" => "concerns-outcome-give-to-working-group",
        "propose_to_stg" => "concerns-outcome-propose-to-stg",
        "close_with_answer" => "concerns-outcome-close-with-answer",
        "recommendation" => "concerns-outcome-recommendation",
        "project" => "concerns-outcome-project",
        "working_group" => "concerns-outcome-working-group",
        "new_action_field" => "concerns-outcome-new-action-field",
        "action_field" => "concerns-outcome-action-field",
        "declined" => "concerns-outcome-declined",
        "internal" => "concerns-outcome-internal",
        "shared" => "concerns-outcome-shared",
        // A value recorded by a later version of the platform: shown as
        // recorded rather than hidden.
        other => return other.replace('_', " "),
    };
    tr.t(key)
}

/// What a step of the timeline was.
pub fn timeline_kind(tr: Tr, kind: &str) -> String {
    let key = match kind {
        "drafted" => "concerns-event-drafted",
        "edited" => "concerns-event-edited",
        "route_started" => "concerns-event-route-started",
        "step_recorded" => "concerns-event-step-recorded",
        "released" => "concerns-event-released",
        "resolved_locally" => "concerns-event-resolved-locally",
        "withdrawn" => "concerns-event-withdrawn",
        "consolidated" => "concerns-event-consolidated",
        "endorsed" => "concerns-event-endorsed",
        "submitted" => "concerns-event-submitted",
        "accepted" => "concerns-event-accepted",
        "returned" => "concerns-event-returned",
        "merged_into" => "concerns-event-merged-into",
        "absorbed" => "concerns-event-absorbed",
        "examined" => "concerns-event-examined",
        "decided" => "concerns-event-decided",
        "answered" => "concerns-event-answered",
        "commented" => "concerns-event-commented",
        "brought_to_stg" => "concerns-event-brought-to-stg",
        "referred_to_ekg" => "concerns-event-referred-to-ekg",
        "assessed" => "concerns-event-assessed",
        "follow_up_linked" => "concerns-event-follow-up-linked",
        other => return other.replace('_', " "),
    };
    tr.t(key)
}

/// The stages a concern passes on its regular way, for the steps shown
/// on its page.
pub const REGULAR_WAY: [ConcernStage; 7] = [
    ConcernStage::Draft,
    ConcernStage::Released,
    ConcernStage::AwaitingTriage,
    ConcernStage::AtEkg,
    ConcernStage::AtStg,
    ConcernStage::Decided,
    ConcernStage::Answered,
];

/// Where on the regular way a stage is (side stages count as the regular
/// stage they wait at).
pub fn position(stage: ConcernStage) -> usize {
    match stage {
        ConcernStage::Draft | ConcernStage::InCantonalRoute | ConcernStage::ReturnedToOrigin => 0,
        ConcernStage::Released => 1,
        ConcernStage::AwaitingTriage => 2,
        ConcernStage::AtEkg | ConcernStage::HandledInEkg | ConcernStage::WithWorkingGroup => 3,
        ConcernStage::AtStg | ConcernStage::ReferredToEkg => 4,
        ConcernStage::Decided => 5,
        ConcernStage::Answered
        | ConcernStage::ResolvedLocally
        | ConcernStage::Withdrawn
        | ConcernStage::Merged => 6,
    }
}
