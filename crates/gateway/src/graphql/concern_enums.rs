//! The enumerations of the Seismograf's GraphQL types, each converted from
//! and to its domain enum.

use async_graphql::Enum;
use iiz_domain::concern::{
    AffectedInstitution, Channel, CommentVisibility, ConcernAction, ConcernStage, ReturnReason,
    StepKind, StepOutcome, StgOutcome,
};

/// Where a concern stands on its way up and back.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
#[graphql(remote = "ConcernStage")]
pub enum ConcernStageValue {
    Draft,
    InCantonalRoute,
    Released,
    ResolvedLocally,
    Withdrawn,
    AwaitingTriage,
    ReturnedToOrigin,
    Merged,
    AtEkg,
    HandledInEkg,
    WithWorkingGroup,
    AtStg,
    Decided,
    Answered,
    /// The STG referred it to the EKG; the EKG's assessment is due.
    ReferredToEkg,
}

/// A step one may take on a concern.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
#[graphql(remote = "ConcernAction")]
pub enum ConcernActionValue {
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
    /// The Fachstelle brings it straight to the STG.
    BringToStg,
    /// Record the STG's referral to the EKG.
    ReferToEkg,
    /// Record the EKG's assessment.
    Assess,
}

/// An institution whose interface a concern is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
#[graphql(remote = "AffectedInstitution")]
pub enum AffectedInstitutionValue {
    AlvRav,
    Iv,
    Sh,
    BbBslb,
    Mig,
    Other,
}

/// What the body or role of a route step does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
#[graphql(remote = "StepKind")]
pub enum StepKindValue {
    Approves,
    Discusses,
    TakesNote,
}

/// The outcome of a route step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
#[graphql(remote = "StepOutcome")]
pub enum StepOutcomeValue {
    Approved,
    Discussed,
    Noted,
    Returned,
}

/// How a concern is submitted nationally.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
#[graphql(remote = "Channel")]
pub enum ChannelValue {
    ViaFachstelle,
    DirectToEkg,
}

/// Why the Fachstelle returns a concern.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
#[graphql(remote = "ReturnReason")]
pub enum ReturnReasonValue {
    NotIizRelevant,
    CantonalMatter,
    NeedsInformation,
}

/// What the STG decides (and what the EKG proposes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
#[graphql(remote = "StgOutcome")]
pub enum StgOutcomeValue {
    Recommendation,
    Project,
    WorkingGroup,
    NewActionField,
    Declined,
}

/// Who may read a comment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
#[graphql(remote = "CommentVisibility")]
pub enum CommentVisibilityValue {
    /// Only the originating tenant.
    Internal,
    /// Everyone who may see the concern.
    Shared,
}

/// What the EKG does with a concern.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
pub enum EkgOutcomeKind {
    HandleInEkg,
    GiveToWorkingGroup,
    ProposeToStg,
    CloseWithAnswer,
}
