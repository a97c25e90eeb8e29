//! The enums of the meeting types, each mapped to its domain or read-model
//! enum where there is one.

use async_graphql::Enum;
use iiz_domain::meeting::ItemPurpose;
use iiz_projections::{MeetingStatus, RevisionKind};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
#[graphql(remote = "MeetingStatus")]
pub enum MeetingStatusValue {
    Planned,
    Held,
    Approved,
    Cancelled,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
#[graphql(remote = "ItemPurpose")]
pub enum ItemPurposeValue {
    Information,
    Discussion,
    Decision,
}

/// What an agenda item is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
pub enum SubjectKind {
    Free,
    Concern,
    Recommendation,
    Project,
    WorkingGroup,
    Report,
    /// The work programme of a period, before its adoption.
    WorkProgramme,
    /// The election of a body's chair for a term (subjectId: the body).
    ChairElection,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
#[graphql(remote = "RevisionKind")]
pub enum RevisionKindValue {
    ItemAdded,
    ItemChanged,
    ItemWithdrawn,
    Rescheduled,
    Cancelled,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
pub enum ResolutionKind {
    Consensus,
    Vote,
}

/// The step a decision takes on the item's concern or recommendation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
pub enum EffectKind {
    /// The EKG's step on a concern.
    Examine,
    /// The STG's step on a concern.
    Decide,
    /// The STG adopts a drafted recommendation.
    Adopt,
    /// The STG refers a concern to the EKG with a question.
    ReferToEkg,
    /// The EKG's assessment of the STG's question (the decision's text).
    Assess,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
pub enum PropagationStatus {
    Applied,
    Refused,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
pub enum ApprovalKind {
    AtMeeting,
    ByChair,
}
