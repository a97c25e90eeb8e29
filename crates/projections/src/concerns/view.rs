//! The documents of the concern register: what the API shows of a concern.

use chrono::{DateTime, Utc};
use iiz_domain::basis::DecisionReference;
use iiz_domain::concern::{
    AffectedInstitution, Attachment, Channel, ConcernStage, RouteSnapshot, StgOutcome,
};
use iiz_domain::follow_up::FollowUpLink;
use iiz_domain::{ConcernId, Language, NetworkId, Partner, Party, RecommendationId, TenantId};
use serde::{Deserialize, Serialize};

/// One concern as everyone who may see it sees it. Internal comments are
/// kept apart ([`ConcernNotes`]) so the shared document never holds them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ConcernView {
    pub id: ConcernId,
    pub origin: TenantId,
    pub on_behalf_of: Option<Partner>,
    pub title: String,
    pub description: String,
    pub why_not_cantonal: String,
    pub institutions: Vec<AffectedInstitution>,
    /// The key of the focus area it touches.
    pub focus_area: Option<String>,
    /// An old concern's free-text focus area that names none.
    #[serde(default)]
    pub focus_area_note: Option<String>,
    pub attachments: Vec<Attachment>,
    pub language: Language,
    pub stage: ConcernStage,
    /// The route the concern started on, and the step it waits at.
    pub route: RouteSnapshot,
    pub current_step: Option<usize>,
    /// Whether all tenants may see it (from its release by the canton on).
    pub shared: bool,
    pub networks: Vec<NetworkId>,
    pub bundled_with: Vec<ConcernId>,
    pub submitters: Vec<Party>,
    pub endorsements: Vec<Endorsement>,
    pub channel: Option<Channel>,
    pub merged_into: Option<ConcernId>,
    pub absorbed: Vec<ConcernId>,
    /// The EKG's proposal to the STG, kept apart from the STG's decision.
    pub ekg_proposal: Option<StgOutcome>,
    pub stg_decision: Option<StgOutcome>,
    /// The STG's question when it referred the concern to the EKG, and
    /// the EKG's assessment once given (the latest referral).
    #[serde(default)]
    pub ekg_question: Option<String>,
    #[serde(default)]
    pub ekg_assessment: Option<String>,
    /// What the STG's decision created or linked.
    #[serde(default)]
    pub follow_ups: Vec<FollowUpView>,
    pub answer: Option<Answer>,
    pub drafted_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub submitted_at: Option<DateTime<Utc>>,
    pub timeline: Vec<TimelineEntry>,
    /// The concern stream's version.
    pub version: u64,
}

/// Support by another party ("breit abgestützt").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Endorsement {
    pub by: Party,
    pub reason: String,
    pub actor: String,
    pub at: DateTime<Utc>,
}

/// The official answer and who received it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Answer {
    pub text: String,
    /// The recommendation an STG decision led to.
    #[serde(default)]
    pub recommendation: Option<RecommendationId>,
    pub recipients: Vec<Party>,
    /// What the STG's decision created or linked, as the answer names it.
    #[serde(default)]
    pub follow_ups: Vec<FollowUpLink>,
    pub actor: String,
    pub at: DateTime<Utc>,
}

/// A project, working group or action field an STG decision created or
/// linked, with its title.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FollowUpView {
    pub link: FollowUpLink,
    pub title: String,
}

/// One step of a concern's history: who, when, what, why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimelineEntry {
    /// The event, in snake case (`step_recorded`, `endorsed`, …).
    pub kind: String,
    pub actor: String,
    pub at: DateTime<Utc>,
    /// The stage the concern reached with this step.
    pub stage: ConcernStage,
    /// The outcome, reason or channel the step recorded, if any.
    pub outcome: Option<String>,
    /// The party or concern the step names, if any (an endorser, the
    /// concern merged into).
    pub subject: Option<String>,
    /// A second text: the information needed, the working group, the
    /// decision as minuted.
    pub detail: Option<String>,
    /// The rationale, note or text of the step.
    pub text: Option<String>,
    /// The meeting item or circular resolution whose decision the step
    /// carried out.
    #[serde(default, alias = "meeting")]
    pub decided_by: Option<DecisionReference>,
}

/// The comments only the originating tenant may read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ConcernNotes {
    pub concern: ConcernId,
    pub origin: TenantId,
    pub comments: Vec<TimelineEntry>,
}

/// An entry of a work queue (the Fachstelle's intake, the EKG's and the
/// STG's business, the answers due), oldest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QueueEntry {
    pub concern: ConcernId,
    pub origin: TenantId,
    pub title: String,
    pub stage: ConcernStage,
    /// Since when it waits in this queue.
    pub since: DateTime<Utc>,
    pub endorsements: usize,
}
