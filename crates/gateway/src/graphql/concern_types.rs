//! GraphQL types of the Seismograf: concerns, their timeline, the work
//! queues and the pipeline statistics.

use std::sync::Arc;

use async_graphql::{Context, ID, Object, Result, SimpleObject};
use chrono::{DateTime, Utc};
use iiz_domain::ConcernId;
use iiz_projections::{ConcernView, QueueEntry, TimelineEntry};

use super::args::caller;
pub use super::concern_enums::*;
use super::concern_path_types::{FollowUpInfo, follow_ups};
pub use super::concern_stats_types::*;
use super::decision_types::DecisionReferenceInfo;
use super::shared_types::{AttachmentLink, Party};
use super::types::{ConcernRoute, Language};

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

/// A Seismograf concern (Anliegen): the read model, held once; each field
/// resolves from it.
#[derive(Debug, Clone)]
pub struct Concern(Arc<ConcernView>);

impl From<ConcernView> for Concern {
    fn from(view: ConcernView) -> Self {
        Self(Arc::new(view))
    }
}

fn ids<T: ToString>(values: &[T]) -> Vec<ID> {
    values.iter().map(|value| ID(value.to_string())).collect()
}

/// A Seismograf concern (Anliegen).
#[Object]
impl Concern {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }

    /// The tenant it was raised in.
    async fn origin(&self) -> ID {
        ID(self.0.origin.as_str().to_owned())
    }

    /// The conference it was drafted for, if any.
    async fn on_behalf_of(&self) -> Option<&str> {
        self.0.on_behalf_of.as_ref().map(|partner| partner.code())
    }

    async fn title(&self) -> &str {
        &self.0.title
    }

    async fn description(&self) -> &str {
        &self.0.description
    }

    async fn why_not_cantonal(&self) -> &str {
        &self.0.why_not_cantonal
    }

    async fn institutions(&self) -> Vec<AffectedInstitutionValue> {
        self.0.institutions.iter().map(|i| (*i).into()).collect()
    }

    /// The key of the focus area it touches.
    async fn focus_area(&self) -> Option<ID> {
        self.0.focus_area.clone().map(ID)
    }

    /// An old concern's free-text focus area that names no focus area.
    async fn focus_area_note(&self) -> Option<&str> {
        self.0.focus_area_note.as_deref()
    }

    async fn attachments(&self) -> Vec<AttachmentLink> {
        self.0.attachments.iter().map(Into::into).collect()
    }

    async fn language(&self) -> Language {
        self.0.language.into()
    }

    async fn stage(&self) -> ConcernStageValue {
        self.0.stage.into()
    }

    async fn route(&self) -> ConcernRoute {
        (&self.0.route).into()
    }

    /// The route step it waits at (0-based), while in the cantonal route.
    async fn current_step(&self) -> Option<u32> {
        self.0
            .current_step
            .and_then(|step| u32::try_from(step).ok())
    }

    /// Visible to all tenants (from its release by the canton on).
    async fn shared(&self) -> bool {
        self.0.shared
    }

    async fn networks(&self) -> Vec<ID> {
        ids(&self.0.networks)
    }

    async fn bundled_with(&self) -> Vec<ID> {
        ids(&self.0.bundled_with)
    }

    async fn submitters(&self) -> Vec<Party> {
        self.0.submitters.iter().map(Into::into).collect()
    }

    async fn endorsements(&self) -> Vec<EndorsementInfo> {
        self.0
            .endorsements
            .iter()
            .map(|endorsement| EndorsementInfo {
                by: (&endorsement.by).into(),
                reason: endorsement.reason.clone(),
                actor: endorsement.actor.clone(),
                at: endorsement.at,
            })
            .collect()
    }

    /// How many parties support it besides its submitters.
    async fn endorsement_count(&self) -> u32 {
        u32::try_from(self.0.endorsements.len()).unwrap_or(u32::MAX)
    }

    async fn channel(&self) -> Option<ChannelValue> {
        self.0.channel.map(Into::into)
    }

    async fn merged_into(&self) -> Option<ID> {
        self.0.merged_into.map(|id| ID(id.to_string()))
    }

    async fn absorbed(&self) -> Vec<ID> {
        ids(&self.0.absorbed)
    }

    /// The EKG's proposal to the STG, apart from the STG's decision.
    async fn ekg_proposal(&self) -> Option<StgOutcomeValue> {
        self.0.ekg_proposal.map(Into::into)
    }

    async fn stg_decision(&self) -> Option<StgOutcomeValue> {
        self.0.stg_decision.map(Into::into)
    }

    /// The STG's question when it referred the concern to the EKG.
    async fn ekg_question(&self) -> Option<&str> {
        self.0.ekg_question.as_deref()
    }

    /// The EKG's assessment of that question.
    async fn ekg_assessment(&self) -> Option<&str> {
        self.0.ekg_assessment.as_deref()
    }

    /// What the STG's decision created or linked.
    async fn follow_ups(&self) -> Vec<FollowUpInfo> {
        self.0.follow_ups.iter().map(Into::into).collect()
    }

    async fn answer(&self) -> Option<AnswerInfo> {
        self.0.answer.as_ref().map(|answer| AnswerInfo {
            text: answer.text.clone(),
            recipients: answer.recipients.iter().map(Into::into).collect(),
            recommendation: answer.recommendation.map(|id| ID(id.to_string())),
            follow_ups: follow_ups(&answer.follow_ups, &self.0.follow_ups),
            actor: answer.actor.clone(),
            at: answer.at,
        })
    }

    async fn drafted_at(&self) -> DateTime<Utc> {
        self.0.drafted_at
    }

    async fn updated_at(&self) -> DateTime<Utc> {
        self.0.updated_at
    }

    async fn submitted_at(&self) -> Option<DateTime<Utc>> {
        self.0.submitted_at
    }

    async fn version(&self) -> u64 {
        self.0.version
    }

    /// Every step: who, when, what, why (internal comments apart: see
    /// `internalComments`).
    #[graphql(complexity = "crate::graphql::limits::read_cost(1, child_complexity)")]
    async fn timeline(&self, ctx: &Context<'_>) -> Result<Vec<TimelineItem>> {
        let (caller, request, _) = caller(ctx)?;
        let names = caller
            .actor_names(&self.0)
            .await
            .map_err(|error| request.error(error))?;
        Ok(self
            .0
            .timeline
            .iter()
            .map(|entry| TimelineItem {
                actor_name: names.get(&entry.actor).cloned(),
                ..entry.into()
            })
            .collect())
    }

    /// The next steps the workflow allows and the caller may take.
    #[graphql(complexity = "crate::graphql::limits::read_cost(1, child_complexity)")]
    async fn allowed_actions(&self, ctx: &Context<'_>) -> Result<Vec<ConcernActionValue>> {
        let (caller, request, _) = caller(ctx)?;
        let actions = caller
            .concern_actions(&self.0)
            .await
            .map_err(|error| request.error(error))?;
        Ok(actions.into_iter().map(Into::into).collect())
    }

    /// Comments only the originating tenant reads (empty for others).
    #[graphql(complexity = "crate::graphql::limits::read_cost(1, child_complexity)")]
    async fn internal_comments(&self, ctx: &Context<'_>) -> Result<Vec<TimelineItem>> {
        let (caller, request, _) = caller(ctx)?;
        let notes = caller
            .concern_notes(&self.0)
            .await
            .map_err(|error| request.error(error))?;
        Ok(notes.comments.iter().map(Into::into).collect())
    }

    /// Shared concerns that read like this one (candidates for merging).
    #[graphql(
        complexity = "crate::graphql::limits::read_cost(crate::graphql::limits::SIMILAR_RESULTS, child_complexity)"
    )]
    async fn similar_concerns(&self, ctx: &Context<'_>) -> Result<Vec<SimilarConcernInfo>> {
        similar_concerns(ctx, self.0.id).await
    }
}

/// Shared concerns that read like concern `id`, closest first.
pub async fn similar_concerns(ctx: &Context<'_>, id: ConcernId) -> Result<Vec<SimilarConcernInfo>> {
    let (caller, request, _) = caller(ctx)?;
    let similar = caller
        .similar_concerns(id)
        .await
        .map_err(|error| request.error(error))?;
    Ok(similar
        .into_iter()
        .map(|found| SimilarConcernInfo {
            concern: found.concern.into(),
            score: f64::from(found.score),
        })
        .collect())
}

/// A concern that reads like another.
#[derive(Debug, Clone, SimpleObject)]
pub struct SimilarConcernInfo {
    pub concern: Concern,
    /// Higher is closer; comparable within one list only.
    pub score: f64,
}

/// A work queue's entry: the read model, held once; each field resolves
/// from it.
#[derive(Debug, Clone)]
pub struct QueuedConcern(QueueEntry);

impl From<QueueEntry> for QueuedConcern {
    fn from(entry: QueueEntry) -> Self {
        Self(entry)
    }
}

/// A concern waiting in a work queue.
#[Object]
impl QueuedConcern {
    async fn concern(&self) -> ID {
        ID(self.0.concern.to_string())
    }

    async fn origin(&self) -> ID {
        ID(self.0.origin.as_str().to_owned())
    }

    async fn title(&self) -> &str {
        &self.0.title
    }

    async fn stage(&self) -> ConcernStageValue {
        self.0.stage.into()
    }

    /// Since when it waits in this queue.
    async fn since(&self) -> DateTime<Utc> {
        self.0.since
    }

    /// Whole days it has waited.
    async fn age_days(&self) -> i64 {
        (Utc::now() - self.0.since).num_days()
    }

    async fn endorsements(&self) -> u32 {
        u32::try_from(self.0.endorsements).unwrap_or(u32::MAX)
    }
}
