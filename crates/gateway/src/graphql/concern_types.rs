//! GraphQL types of the Seismograf: concerns, their timeline, the work
//! queues and the pipeline statistics.

use async_graphql::{ComplexObject, Context, ID, Result, SimpleObject};
use chrono::{DateTime, Utc};
use iiz_domain::Party as DomainParty;
use iiz_domain::concern::{RouteSnapshot, StepActor};
use iiz_projections::{ConcernView, QueueEntry, TimelineEntry};

pub use super::concern_enums::*;
use super::concern_path_types::{FollowUpInfo, follow_ups};
pub use super::concern_stats_types::*;
use super::meeting_types::DecisionReferenceInfo;
use super::mutation::caller;
use super::types::{Language, TenantRoleValue};

/// A tenant (`CH`, a canton) or a partner organisation (`SKOS`, `SECO`, …).
#[derive(Debug, Clone, SimpleObject)]
pub struct Party {
    /// `TENANT` or `PARTNER`.
    pub kind: String,
    pub code: String,
}

impl From<&DomainParty> for Party {
    fn from(party: &DomainParty) -> Self {
        let kind = match party {
            DomainParty::Tenant(_) => "TENANT",
            DomainParty::Partner(_) => "PARTNER",
        };
        Self {
            kind: kind.to_owned(),
            code: party.to_string(),
        }
    }
}

/// One step of a tenant's concern route.
#[derive(Debug, Clone, SimpleObject)]
pub struct RouteStepInfo {
    pub label: String,
    pub kind: StepKindValue,
    /// The body that acts, if a body does.
    pub body: Option<ID>,
    /// The role that acts, if a role does.
    pub role: Option<TenantRoleValue>,
}

/// The route a concern passes inside its tenant.
#[derive(Debug, Clone, SimpleObject)]
pub struct ConcernRoute {
    /// 0 for the direct default, then one more per definition.
    pub version: u32,
    pub steps: Vec<RouteStepInfo>,
}

impl From<&RouteSnapshot> for ConcernRoute {
    fn from(route: &RouteSnapshot) -> Self {
        Self {
            version: route.version,
            steps: route
                .steps
                .iter()
                .map(|step| RouteStepInfo {
                    label: step.label.as_str().to_owned(),
                    kind: step.kind.into(),
                    body: match step.actor {
                        StepActor::Body(body) => Some(ID(body.to_string())),
                        StepActor::Role(_) => None,
                    },
                    role: match step.actor {
                        StepActor::Role(role) => Some(role.into()),
                        StepActor::Body(_) => None,
                    },
                })
                .collect(),
        }
    }
}

/// A link to a document kept elsewhere.
#[derive(Debug, Clone, SimpleObject)]
pub struct AttachmentLink {
    pub title: String,
    pub link: String,
}

/// Support by another party.
#[derive(Debug, Clone, SimpleObject)]
pub struct EndorsementInfo {
    pub by: Party,
    pub reason: String,
    /// `person:<id>` of whoever recorded it.
    pub actor: String,
    pub at: DateTime<Utc>,
}

/// The official answer.
#[derive(Debug, Clone, SimpleObject)]
pub struct AnswerInfo {
    pub text: String,
    pub recipients: Vec<Party>,
    /// The recommendation the STG's decision led to.
    pub recommendation: Option<ID>,
    /// The project, working group or action field the STG's decision led to.
    pub follow_ups: Vec<FollowUpInfo>,
    pub actor: String,
    pub at: DateTime<Utc>,
}

/// One step of a concern's history: who, when, what, why.
#[derive(Debug, Clone, SimpleObject)]
pub struct TimelineItem {
    /// The event, in snake case (`step_recorded`, `endorsed`, …).
    pub kind: String,
    /// `person:<id>` (or `system:…`) of whoever took the step.
    pub actor: String,
    /// The name of the person who took the step.
    pub actor_name: Option<String>,
    pub at: DateTime<Utc>,
    /// The stage the concern reached with this step.
    pub stage: ConcernStageValue,
    pub outcome: Option<String>,
    pub subject: Option<String>,
    pub detail: Option<String>,
    pub text: Option<String>,
    /// The meeting and agenda item whose decision the step carried out.
    pub decided_by: Option<DecisionReferenceInfo>,
}

impl From<&TimelineEntry> for TimelineItem {
    fn from(entry: &TimelineEntry) -> Self {
        Self {
            kind: entry.kind.clone(),
            actor: entry.actor.clone(),
            actor_name: None,
            at: entry.at,
            stage: entry.stage.into(),
            outcome: entry.outcome.clone(),
            subject: entry.subject.clone(),
            detail: entry.detail.clone(),
            text: entry.text.clone(),
            decided_by: entry.decided_by.as_ref().map(Into::into),
        }
    }
}

/// A Seismograf concern (Anliegen).
#[derive(Debug, Clone, SimpleObject)]
#[graphql(complex)]
pub struct Concern {
    pub id: ID,
    /// The tenant it was raised in.
    pub origin: ID,
    /// The conference it was drafted for, if any.
    pub on_behalf_of: Option<String>,
    pub title: String,
    pub description: String,
    pub why_not_cantonal: String,
    pub institutions: Vec<AffectedInstitutionValue>,
    /// The key of the focus area it touches.
    pub focus_area: Option<ID>,
    /// An old concern's free-text focus area that names no focus area.
    pub focus_area_note: Option<String>,
    pub attachments: Vec<AttachmentLink>,
    pub language: Language,
    pub stage: ConcernStageValue,
    pub route: ConcernRoute,
    /// The route step it waits at (0-based), while in the cantonal route.
    pub current_step: Option<u32>,
    /// Visible to all tenants (from its release by the canton on).
    pub shared: bool,
    pub networks: Vec<ID>,
    pub bundled_with: Vec<ID>,
    pub submitters: Vec<Party>,
    pub endorsements: Vec<EndorsementInfo>,
    /// How many parties support it besides its submitters.
    pub endorsement_count: u32,
    pub channel: Option<ChannelValue>,
    pub merged_into: Option<ID>,
    pub absorbed: Vec<ID>,
    /// The EKG's proposal to the STG, apart from the STG's decision.
    pub ekg_proposal: Option<StgOutcomeValue>,
    pub stg_decision: Option<StgOutcomeValue>,
    /// The STG's question when it referred the concern to the EKG.
    pub ekg_question: Option<String>,
    /// The EKG's assessment of that question.
    pub ekg_assessment: Option<String>,
    /// What the STG's decision created or linked.
    pub follow_ups: Vec<FollowUpInfo>,
    pub answer: Option<AnswerInfo>,
    pub drafted_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub submitted_at: Option<DateTime<Utc>>,
    pub version: u64,
    #[graphql(skip)]
    pub view: ConcernView,
}

#[ComplexObject]
impl Concern {
    /// Every step: who, when, what, why (internal comments apart: see
    /// `internalComments`).
    async fn timeline(&self, ctx: &Context<'_>) -> Result<Vec<TimelineItem>> {
        let (caller, request, _) = caller(ctx)?;
        let names = caller
            .actor_names(&self.view)
            .await
            .map_err(|error| request.error(error))?;
        Ok(self
            .view
            .timeline
            .iter()
            .map(|entry| TimelineItem {
                actor_name: names.get(&entry.actor).cloned(),
                ..entry.into()
            })
            .collect())
    }

    /// The next steps the workflow allows and the caller may take.
    async fn allowed_actions(&self, ctx: &Context<'_>) -> Result<Vec<ConcernActionValue>> {
        let (caller, request, _) = caller(ctx)?;
        let actions = caller
            .concern_actions(&self.view)
            .await
            .map_err(|error| request.error(error))?;
        Ok(actions.into_iter().map(Into::into).collect())
    }

    /// Comments only the originating tenant reads (empty for others).
    async fn internal_comments(&self, ctx: &Context<'_>) -> Result<Vec<TimelineItem>> {
        let (caller, request, _) = caller(ctx)?;
        let notes = caller
            .concern_notes(&self.view)
            .await
            .map_err(|error| request.error(error))?;
        Ok(notes.comments.iter().map(Into::into).collect())
    }

    /// Shared concerns that read like this one (candidates for merging).
    #[graphql(complexity = 50)]
    async fn similar_concerns(&self, ctx: &Context<'_>) -> Result<Vec<SimilarConcernInfo>> {
        super::query_concerns::similar(ctx, self.view.id).await
    }
}

fn ids<T: ToString>(values: &[T]) -> Vec<ID> {
    values.iter().map(|value| ID(value.to_string())).collect()
}

impl From<ConcernView> for Concern {
    fn from(view: ConcernView) -> Self {
        Self {
            id: ID(view.id.to_string()),
            origin: ID(view.origin.as_str().to_owned()),
            on_behalf_of: view.on_behalf_of.map(|partner| partner.code().to_owned()),
            title: view.title.clone(),
            description: view.description.clone(),
            why_not_cantonal: view.why_not_cantonal.clone(),
            institutions: view.institutions.iter().map(|i| (*i).into()).collect(),
            focus_area: view.focus_area.clone().map(ID),
            focus_area_note: view.focus_area_note.clone(),
            attachments: view
                .attachments
                .iter()
                .map(|attachment| AttachmentLink {
                    title: attachment.title.as_str().to_owned(),
                    link: attachment.link.as_str().to_owned(),
                })
                .collect(),
            language: view.language.into(),
            stage: view.stage.into(),
            route: (&view.route).into(),
            current_step: view.current_step.and_then(|step| u32::try_from(step).ok()),
            shared: view.shared,
            networks: ids(&view.networks),
            bundled_with: ids(&view.bundled_with),
            submitters: view.submitters.iter().map(Into::into).collect(),
            endorsements: view
                .endorsements
                .iter()
                .map(|endorsement| EndorsementInfo {
                    by: (&endorsement.by).into(),
                    reason: endorsement.reason.clone(),
                    actor: endorsement.actor.clone(),
                    at: endorsement.at,
                })
                .collect(),
            endorsement_count: u32::try_from(view.endorsements.len()).unwrap_or(u32::MAX),
            channel: view.channel.map(Into::into),
            merged_into: view.merged_into.map(|id| ID(id.to_string())),
            absorbed: ids(&view.absorbed),
            ekg_proposal: view.ekg_proposal.map(Into::into),
            stg_decision: view.stg_decision.map(Into::into),
            ekg_question: view.ekg_question.clone(),
            ekg_assessment: view.ekg_assessment.clone(),
            follow_ups: view.follow_ups.iter().map(Into::into).collect(),
            answer: view.answer.as_ref().map(|answer| AnswerInfo {
                text: answer.text.clone(),
                recipients: answer.recipients.iter().map(Into::into).collect(),
                recommendation: answer.recommendation.map(|id| ID(id.to_string())),
                follow_ups: follow_ups(&answer.follow_ups, &view.follow_ups),
                actor: answer.actor.clone(),
                at: answer.at,
            }),
            drafted_at: view.drafted_at,
            updated_at: view.updated_at,
            submitted_at: view.submitted_at,
            version: view.version,
            view,
        }
    }
}

/// A concern that reads like another.
#[derive(Debug, Clone, SimpleObject)]
pub struct SimilarConcernInfo {
    pub concern: Concern,
    /// Higher is closer; comparable within one list only.
    pub score: f64,
}

/// A concern waiting in a work queue.
#[derive(Debug, Clone, SimpleObject)]
pub struct QueuedConcern {
    pub concern: ID,
    pub origin: ID,
    pub title: String,
    pub stage: ConcernStageValue,
    /// Since when it waits in this queue.
    pub since: DateTime<Utc>,
    /// Whole days it has waited.
    pub age_days: i64,
    pub endorsements: u32,
}

impl From<QueueEntry> for QueuedConcern {
    fn from(entry: QueueEntry) -> Self {
        Self {
            concern: ID(entry.concern.to_string()),
            origin: ID(entry.origin.as_str().to_owned()),
            title: entry.title,
            stage: entry.stage.into(),
            since: entry.since,
            age_days: (Utc::now() - entry.since).num_days(),
            endorsements: u32::try_from(entry.endorsements).unwrap_or(u32::MAX),
        }
    }
}
