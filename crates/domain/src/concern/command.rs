//! What callers ask of a concern and what is recorded. Who acted and when is
//! in each event's metadata; why is in its payload.

use std::collections::BTreeSet;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::content::ConcernContent;
use super::outcome::{Channel, CommentVisibility, EkgOutcome, ReturnReason, StgOutcome};
use super::route::{RouteSnapshot, StepOutcome};
use crate::DomainEvent;
use crate::basis::DecisionReference;
use crate::follow_up::FollowUpLink;
use crate::ids::{ConcernId, NetworkId, RecommendationId, TenantId};
use crate::partner::{Partner, Party};
use crate::text::{FreeText, Title};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConcernCommand {
    /// Starts a concern in `origin`, on the route the tenant has now.
    Draft {
        id: ConcernId,
        origin: TenantId,
        /// A conference drafting through its national delegate.
        on_behalf_of: Option<Partner>,
        content: ConcernContent,
        route: RouteSnapshot,
    },
    Edit {
        content: ConcernContent,
    },
    /// Sends the draft into the cantonal route.
    StartRoute,
    /// Records the outcome of the current route step.
    RecordStep {
        step: usize,
        outcome: StepOutcome,
        rationale: FreeText,
    },
    ResolveLocally {
        rationale: FreeText,
    },
    Withdraw {
        rationale: FreeText,
    },
    /// The regional network consolidates the concern, possibly bundling it
    /// with concerns of its other cantons.
    Consolidate {
        network: NetworkId,
        bundle: BTreeSet<ConcernId>,
        note: FreeText,
    },
    Endorse {
        by: Party,
        reason: FreeText,
    },
    Submit {
        channel: Channel,
    },
    /// The Fachstelle accepts the concern for the EKG.
    Accept {
        note: FreeText,
    },
    /// The Fachstelle returns the concern to its originator.
    Return {
        reason: ReturnReason,
        rationale: FreeText,
        /// What is missing, when the reason is `NeedsInformation`.
        needed: FreeText,
    },
    /// The Fachstelle merges this concern into a similar one.
    MergeInto {
        into: ConcernId,
        rationale: FreeText,
    },
    /// The surviving side of a merge takes on the merged concern's
    /// submitters and endorsers.
    Absorb {
        merged: ConcernId,
        submitters: BTreeSet<Party>,
        endorsers: BTreeSet<Party>,
    },
    Examine {
        outcome: EkgOutcome,
        rationale: FreeText,
        /// The EKG meeting item or resolution whose decision this is: the
        /// EKG examines as a body, never through one member (IIZ 3.0, 2.2).
        decided_by: DecisionReference,
    },
    Decide {
        outcome: StgOutcome,
        /// The decision as minuted (its reference, what it creates).
        decision: FreeText,
        rationale: FreeText,
        /// The STG meeting item or resolution whose decision this is.
        decided_by: DecisionReference,
    },
    Answer {
        text: FreeText,
        /// The recommendation the answer points to: required when the STG
        /// decided on a recommendation, refused otherwise.
        recommendation: Option<RecommendationId>,
    },
    Comment {
        /// The tenant the commenter speaks for.
        tenant: TenantId,
        text: FreeText,
        visibility: CommentVisibility,
    },
    /// The Fachstelle brings the concern (or a request it or a partner
    /// drafted in the national tenant) straight to the STG, with its
    /// reason, instead of passing it to the EKG.
    BringToStg {
        reason: FreeText,
    },
    /// The STG refers the concern to the EKG with a question (an STG
    /// decision).
    ReferToEkg {
        question: FreeText,
        decided_by: DecisionReference,
    },
    /// The EKG's assessment of the STG's question (an EKG decision); the
    /// concern goes back to the STG.
    Assess {
        assessment: FreeText,
        decided_by: DecisionReference,
    },
    /// Records what the STG's decision created or linked (a project, a
    /// working group, an action field): the platform's own step after
    /// carrying out the decision's follow-up.
    LinkFollowUp {
        link: FollowUpLink,
        /// The linked item's title, for the timeline.
        title: Title,
    },
}

/// Stored events: variants and their fields are never renamed or removed,
/// new ones are added at the end.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "type", content = "data")]
pub enum ConcernEvent {
    Drafted {
        id: ConcernId,
        origin: TenantId,
        on_behalf_of: Option<Partner>,
        content: ConcernContent,
        route: RouteSnapshot,
    },
    Edited {
        content: ConcernContent,
    },
    RouteStarted,
    StepRecorded {
        step: usize,
        outcome: StepOutcome,
        rationale: FreeText,
    },
    /// The canton cleared the concern (its route is complete).
    Released,
    ResolvedLocally {
        rationale: FreeText,
    },
    Withdrawn {
        rationale: FreeText,
    },
    Consolidated {
        network: NetworkId,
        bundle: BTreeSet<ConcernId>,
        note: FreeText,
    },
    Endorsed {
        by: Party,
        reason: FreeText,
    },
    Submitted {
        channel: Channel,
    },
    Accepted {
        note: FreeText,
    },
    Returned {
        reason: ReturnReason,
        rationale: FreeText,
        needed: FreeText,
    },
    MergedInto {
        into: ConcernId,
        rationale: FreeText,
    },
    Absorbed {
        merged: ConcernId,
        submitters: BTreeSet<Party>,
        endorsers: BTreeSet<Party>,
    },
    Examined {
        outcome: EkgOutcome,
        rationale: FreeText,
        #[serde(default, alias = "meeting", skip_serializing_if = "Option::is_none")]
        decided_by: Option<DecisionReference>,
    },
    Decided {
        outcome: StgOutcome,
        decision: FreeText,
        rationale: FreeText,
        #[serde(default, alias = "meeting", skip_serializing_if = "Option::is_none")]
        decided_by: Option<DecisionReference>,
    },
    /// The official answer, delivered to every submitter and endorser.
    Answered {
        text: FreeText,
        recipients: BTreeSet<Party>,
        /// Added later: answers stored before it read as none.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        recommendation: Option<RecommendationId>,
        /// Added later: what the STG's decision created or linked, which
        /// the answer names.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        follow_ups: Vec<FollowUpLink>,
    },
    Commented {
        tenant: TenantId,
        text: FreeText,
        visibility: CommentVisibility,
    },
    BroughtToStg {
        reason: FreeText,
    },
    ReferredToEkg {
        question: FreeText,
        decided_by: DecisionReference,
    },
    Assessed {
        assessment: FreeText,
        decided_by: DecisionReference,
    },
    FollowUpLinked {
        link: FollowUpLink,
        title: Title,
    },
}

impl DomainEvent for ConcernEvent {
    fn event_type(&self) -> &'static str {
        match self {
            Self::Drafted { .. } => "Drafted",
            Self::Edited { .. } => "Edited",
            Self::RouteStarted => "RouteStarted",
            Self::StepRecorded { .. } => "StepRecorded",
            Self::Released => "Released",
            Self::ResolvedLocally { .. } => "ResolvedLocally",
            Self::Withdrawn { .. } => "Withdrawn",
            Self::Consolidated { .. } => "Consolidated",
            Self::Endorsed { .. } => "Endorsed",
            Self::Submitted { .. } => "Submitted",
            Self::Accepted { .. } => "Accepted",
            Self::Returned { .. } => "Returned",
            Self::MergedInto { .. } => "MergedInto",
            Self::Absorbed { .. } => "Absorbed",
            Self::Examined { .. } => "Examined",
            Self::Decided { .. } => "Decided",
            Self::Answered { .. } => "Answered",
            Self::Commented { .. } => "Commented",
            Self::BroughtToStg { .. } => "BroughtToStg",
            Self::ReferredToEkg { .. } => "ReferredToEkg",
            Self::Assessed { .. } => "Assessed",
            Self::FollowUpLinked { .. } => "FollowUpLinked",
        }
    }
}

impl ConcernCommand {
    /// The workflow action a command is, for the allowed-actions check
    /// (`None` for drafting, which has no state yet, and for absorbing, the
    /// platform's own second half of a merge).
    pub fn action(&self) -> Option<super::ConcernAction> {
        use super::ConcernAction as A;
        Some(match self {
            Self::Draft { .. } => return None,
            Self::Edit { .. } => A::Edit,
            Self::StartRoute => A::StartRoute,
            Self::RecordStep { .. } => A::RecordStep,
            Self::ResolveLocally { .. } => A::ResolveLocally,
            Self::Withdraw { .. } => A::Withdraw,
            Self::Consolidate { .. } => A::Consolidate,
            Self::Endorse { .. } => A::Endorse,
            Self::Submit { .. } => A::Submit,
            Self::Accept { .. } | Self::Return { .. } => A::Triage,
            Self::Absorb { .. } => return None,
            Self::MergeInto { .. } => A::Merge,
            Self::Examine { .. } => A::Examine,
            Self::Decide { .. } => A::Decide,
            Self::Answer { .. } => A::Answer,
            Self::Comment { .. } => A::Comment,
            Self::BringToStg { .. } => A::BringToStg,
            Self::ReferToEkg { .. } => A::ReferToEkg,
            Self::Assess { .. } => A::Assess,
            // Checked against the decision itself (see `paths`).
            Self::LinkFollowUp { .. } => return None,
        })
    }
}
