//! Where a concern stands and which steps may follow: the workflow as a
//! graph (stage → allowed actions), in one table so that refusals, the
//! "allowed next actions" of the API and the tests all read the same rules.

use std::fmt;

use serde::{Deserialize, Serialize};

/// The stage of a concern on its way up and back.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ConcernStage {
    /// Written and edited inside the originating tenant.
    Draft,
    /// Passing the tenant's own route (office check, bodies).
    InCantonalRoute,
    /// Cleared by the canton: visible to all, open to consolidation in the
    /// regional network and to endorsements, ready to be submitted.
    Released,
    /// Ended inside the canton: solved there.
    ResolvedLocally,
    /// Ended: taken back by its originator.
    Withdrawn,
    /// Submitted via the Fachstelle; waiting for triage.
    AwaitingTriage,
    /// The Fachstelle sent it back to the originator with a reason.
    ReturnedToOrigin,
    /// Merged into another concern, which carries it on.
    Merged,
    /// Accepted (or submitted directly): waiting for the EKG.
    AtEkg,
    /// The EKG handles it itself.
    HandledInEkg,
    /// The EKG gave it to a working group.
    WithWorkingGroup,
    /// Proposed by the EKG; waiting for the STG's decision.
    AtStg,
    /// The STG decided; the answer is due.
    Decided,
    /// Closed with an official answer to every submitter and endorser.
    Answered,
    /// The STG referred it to the EKG with a question; the STG decides
    /// once the EKG's assessment is back (it returns to `AtStg`).
    ReferredToEkg,
}

impl ConcernStage {
    pub const ALL: [ConcernStage; 15] = [
        Self::Draft,
        Self::InCantonalRoute,
        Self::Released,
        Self::ResolvedLocally,
        Self::Withdrawn,
        Self::AwaitingTriage,
        Self::ReturnedToOrigin,
        Self::Merged,
        Self::AtEkg,
        Self::HandledInEkg,
        Self::WithWorkingGroup,
        Self::AtStg,
        Self::Decided,
        Self::Answered,
        Self::ReferredToEkg,
    ];

    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Draft => "draft",
            Self::InCantonalRoute => "in_cantonal_route",
            Self::Released => "released",
            Self::ResolvedLocally => "resolved_locally",
            Self::Withdrawn => "withdrawn",
            Self::AwaitingTriage => "awaiting_triage",
            Self::ReturnedToOrigin => "returned_to_origin",
            Self::Merged => "merged",
            Self::AtEkg => "at_ekg",
            Self::HandledInEkg => "handled_in_ekg",
            Self::WithWorkingGroup => "with_working_group",
            Self::AtStg => "at_stg",
            Self::Decided => "decided",
            Self::Answered => "answered",
            Self::ReferredToEkg => "referred_to_ekg",
        }
    }

    /// Whether the concern has ended (no step but comments follows).
    pub fn is_final(&self) -> bool {
        matches!(
            self,
            Self::ResolvedLocally | Self::Withdrawn | Self::Merged | Self::Answered
        )
    }

    /// Whether only the originating tenant may see the concern: drafts and
    /// the canton-internal steps.
    pub fn is_internal(&self) -> bool {
        matches!(self, Self::Draft | Self::InCantonalRoute)
    }

    /// Whether the concern is before the national bodies.
    pub fn is_national(&self) -> bool {
        matches!(
            self,
            Self::AwaitingTriage
                | Self::AtEkg
                | Self::HandledInEkg
                | Self::WithWorkingGroup
                | Self::AtStg
                | Self::ReferredToEkg
                | Self::Decided
        )
    }
}

impl fmt::Display for ConcernStage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A step someone may take on a concern.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ConcernAction {
    Edit,
    StartRoute,
    RecordStep,
    ResolveLocally,
    Withdraw,
    Consolidate,
    Endorse,
    Submit,
    Triage,
    Merge,
    Examine,
    Decide,
    Answer,
    Comment,
    /// The Fachstelle brings a concern or request straight to the STG.
    BringToStg,
    /// The STG refers the concern to the EKG with a question.
    ReferToEkg,
    /// The EKG gives the STG its assessment.
    Assess,
}

impl ConcernAction {
    pub const ALL: [ConcernAction; 17] = [
        Self::Edit,
        Self::StartRoute,
        Self::RecordStep,
        Self::ResolveLocally,
        Self::Withdraw,
        Self::Consolidate,
        Self::Endorse,
        Self::Submit,
        Self::Triage,
        Self::Merge,
        Self::Examine,
        Self::Decide,
        Self::Answer,
        Self::Comment,
        Self::BringToStg,
        Self::ReferToEkg,
        Self::Assess,
    ];

    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Edit => "edit",
            Self::StartRoute => "start_route",
            Self::RecordStep => "record_step",
            Self::ResolveLocally => "resolve_locally",
            Self::Withdraw => "withdraw",
            Self::Consolidate => "consolidate",
            Self::Endorse => "endorse",
            Self::Submit => "submit",
            Self::Triage => "triage",
            Self::Merge => "merge",
            Self::Examine => "examine",
            Self::Decide => "decide",
            Self::Answer => "answer",
            Self::Comment => "comment",
            Self::BringToStg => "bring_to_stg",
            Self::ReferToEkg => "refer_to_ekg",
            Self::Assess => "assess",
        }
    }
}

impl fmt::Display for ConcernAction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The workflow graph: which actions a stage allows. `direct_route` is true
/// when the concern's route has no steps, so a draft may be submitted at
/// once.
pub fn allowed_actions(stage: ConcernStage, direct_route: bool) -> Vec<ConcernAction> {
    use ConcernAction::*;
    let mut allowed: Vec<ConcernAction> = match stage {
        ConcernStage::Draft => vec![Edit, StartRoute, ResolveLocally, Withdraw],
        ConcernStage::InCantonalRoute => vec![RecordStep, ResolveLocally, Withdraw],
        ConcernStage::Released => vec![ResolveLocally, Withdraw, Consolidate, Endorse, Submit],
        // Concerns and requests reach the STG via the Fachstelle (2.1).
        ConcernStage::AwaitingTriage => vec![Withdraw, Endorse, Triage, Merge, BringToStg],
        ConcernStage::ReturnedToOrigin => vec![Edit, ResolveLocally, Withdraw, Submit],
        ConcernStage::AtEkg | ConcernStage::HandledInEkg | ConcernStage::WithWorkingGroup => {
            vec![Endorse, Examine]
        }
        ConcernStage::AtStg => vec![Endorse, Decide, ReferToEkg],
        // While the EKG assesses, the STG waits for it before deciding.
        ConcernStage::ReferredToEkg => vec![Endorse, Assess],
        ConcernStage::Decided => vec![Answer],
        ConcernStage::ResolvedLocally
        | ConcernStage::Withdrawn
        | ConcernStage::Merged
        | ConcernStage::Answered => vec![],
    };
    if stage == ConcernStage::Draft && direct_route {
        allowed.push(Submit);
    }
    if matches!(
        stage,
        ConcernStage::HandledInEkg | ConcernStage::WithWorkingGroup
    ) {
        allowed.push(Answer);
    }
    allowed.push(Comment);
    allowed.sort();
    allowed
}
