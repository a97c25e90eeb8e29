//! GraphQL types of recommendations: the text with its versions, flags and
//! history; the monitoring figures are in [`super::monitoring_types`].

use std::sync::Arc;

use async_graphql::{Context, ID, Object, Result, SimpleObject};
use chrono::{DateTime, NaiveDate, Utc};
use iiz_projections::{HistoryEntry, RecommendationView, VersionEntry};

use super::args::caller;
use super::decision_types::DecisionReferenceInfo;
use super::monitoring_types::{FlagInfo, RecommendationTracking};
pub use super::recommendation_enums::*;
use super::shared_types::{AttachmentLink, Party};
use super::types::Language;

/// The text in a further language.
#[derive(Debug, Clone, SimpleObject)]
pub struct TranslationInfo {
    pub language: Language,
    pub title: String,
    pub text: String,
}

fn translations(
    map: &std::collections::BTreeMap<iiz_domain::Language, iiz_domain::recommendation::Translation>,
) -> Vec<TranslationInfo> {
    map.iter()
        .map(|(language, translation)| TranslationInfo {
            language: (*language).into(),
            title: translation.title.as_str().to_owned(),
            text: translation.text.as_str().to_owned(),
        })
        .collect()
}

/// What a recommendation rests on.
#[derive(Debug, Clone, SimpleObject)]
pub struct BasisInfo {
    /// Seismograf concerns it answers.
    pub concerns: Vec<ID>,
    /// Projects, by name.
    pub projects: Vec<String>,
    pub documents: Vec<AttachmentLink>,
}

/// The STG's adoption.
#[derive(Debug, Clone, SimpleObject)]
pub struct AdoptionInfo {
    /// The minuted decision reference.
    pub decision: String,
    pub on: NaiveDate,
    /// The STG meeting and item that adopted it, when adopted in a meeting.
    pub decided_by: Option<DecisionReferenceInfo>,
}

/// One published version and what it changed.
#[derive(Debug, Clone, SimpleObject)]
pub struct RecommendationVersion {
    pub version: u32,
    pub title: String,
    pub text: String,
    pub translations: Vec<TranslationInfo>,
    pub rationale: String,
    pub answer_due: NaiveDate,
    pub reporting_rhythm: ReportingRhythmValue,
    /// Addressees this version added (all of them for version 1).
    pub added_addressees: Vec<Party>,
    pub decision: String,
    /// The amendment's own summary of its changes.
    pub summary: Option<String>,
    /// The fields that differ from the previous version (`title`, `text`,
    /// `translations`, `rationale`, `source`, `basis`, `focusArea`,
    /// `answerDue`, `reportingRhythm`, `addressees`).
    pub changes: Vec<String>,
    pub on: NaiveDate,
}

impl From<&VersionEntry> for RecommendationVersion {
    fn from(entry: &VersionEntry) -> Self {
        Self {
            version: entry.version,
            title: entry.title.clone(),
            text: entry.text.clone(),
            translations: translations(&entry.translations),
            rationale: entry.rationale.clone(),
            answer_due: entry.schedule.answer_due,
            reporting_rhythm: entry.schedule.rhythm.into(),
            added_addressees: entry.added.iter().map(Into::into).collect(),
            decision: entry.decision.clone(),
            summary: entry.summary.clone(),
            changes: entry.changes.clone(),
            on: entry.on,
        }
    }
}

/// One step of the recommendation's own life.
#[derive(Debug, Clone, SimpleObject)]
pub struct RecommendationHistoryItem {
    /// The event (`Drafted`, `Adopted`, `Published`, `Amended`, …).
    pub kind: String,
    pub actor: String,
    pub at: DateTime<Utc>,
    pub detail: Option<String>,
    /// For the STG's decisions: the meeting item or circular resolution
    /// that took it.
    pub decided_by: Option<DecisionReferenceInfo>,
}

impl From<&HistoryEntry> for RecommendationHistoryItem {
    fn from(entry: &HistoryEntry) -> Self {
        Self {
            kind: entry.kind.clone(),
            actor: entry.actor.clone(),
            at: entry.at,
            detail: entry.detail.clone(),
            decided_by: entry.decided_by.as_ref().map(Into::into),
        }
    }
}

/// A recommendation (Empfehlung) of the STG: the read model, held once;
/// each field resolves from it.
#[derive(Debug, Clone)]
pub struct Recommendation(Arc<RecommendationView>);

impl From<RecommendationView> for Recommendation {
    fn from(view: RecommendationView) -> Self {
        Self(Arc::new(view))
    }
}

/// A recommendation (Empfehlung) of the STG.
#[Object]
impl Recommendation {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }

    async fn stage(&self) -> RecommendationStageValue {
        self.0.stage.into()
    }

    /// The current version (1 until amended).
    async fn version(&self) -> u32 {
        self.0.version
    }

    async fn title(&self) -> &str {
        &self.0.title
    }

    async fn text(&self) -> &str {
        &self.0.text
    }

    /// The language of `title` and `text`.
    async fn language(&self) -> Language {
        self.0.language.into()
    }

    async fn translations(&self) -> Vec<TranslationInfo> {
        translations(&self.0.translations)
    }

    async fn rationale(&self) -> &str {
        &self.0.rationale
    }

    async fn source(&self) -> RecommendationSourceValue {
        self.0.source.into()
    }

    /// The concerns among them that the reader may see: a draft of
    /// another tenant is left out, never named.
    async fn basis(&self, ctx: &Context<'_>) -> Result<BasisInfo> {
        let (caller, request, _) = caller(ctx)?;
        let basis = &self.0.basis;
        let mut concerns = Vec::new();
        for id in &basis.concerns {
            let seen = caller
                .visible_concern(*id)
                .await
                .map_err(|error| request.error(error))?;
            if seen.is_some() {
                concerns.push(ID(id.to_string()));
            }
        }
        Ok(BasisInfo {
            concerns,
            projects: basis
                .projects
                .iter()
                .map(|title| title.as_str().to_owned())
                .collect(),
            documents: basis.documents.iter().map(Into::into).collect(),
        })
    }

    async fn focus_area(&self) -> Option<ID> {
        self.0.focus_area.as_ref().map(focus_id)
    }

    async fn addressees(&self) -> Vec<Party> {
        self.0.addressees.iter().map(Into::into).collect()
    }

    /// The first answer (acceptance) is due by this day.
    async fn answer_due(&self) -> NaiveDate {
        self.0.schedule.answer_due
    }

    async fn reporting_rhythm(&self) -> ReportingRhythmValue {
        self.0.schedule.rhythm.into()
    }

    async fn adoption(&self) -> Option<AdoptionInfo> {
        self.0.adoption.as_ref().map(|adoption| AdoptionInfo {
            decision: adoption.decision.clone(),
            on: adoption.on,
            decided_by: adoption.decided_by.as_ref().map(Into::into),
        })
    }

    async fn published_on(&self) -> Option<NaiveDate> {
        self.0.published_on
    }

    async fn superseded_by(&self) -> Option<ID> {
        self.0.superseded_by.map(|id| ID(id.to_string()))
    }

    /// The final assessment, once closed.
    async fn assessment(&self) -> Option<&str> {
        self.0.assessment.as_deref()
    }

    /// Why the draft was dropped.
    async fn discarded(&self) -> Option<&str> {
        self.0.discarded.as_deref()
    }

    async fn versions(&self) -> Vec<RecommendationVersion> {
        self.0.versions.iter().map(Into::into).collect()
    }

    async fn flags(&self) -> Vec<FlagInfo> {
        self.0.flags.iter().map(Into::into).collect()
    }

    async fn history(&self) -> Vec<RecommendationHistoryItem> {
        self.0.history.iter().map(Into::into).collect()
    }

    async fn drafted_at(&self) -> DateTime<Utc> {
        self.0.drafted_at
    }

    async fn updated_at(&self) -> DateTime<Utc> {
        self.0.updated_at
    }

    async fn stream_version(&self) -> u64 {
        self.0.stream_version
    }

    /// The next steps the workflow allows and the caller may take.
    #[graphql(complexity = "crate::graphql::limits::read_cost(1, child_complexity)")]
    async fn allowed_actions(&self, ctx: &Context<'_>) -> Result<Vec<RecommendationActionValue>> {
        let (caller, request, _) = caller(ctx)?;
        let actions = caller
            .recommendation_actions(&self.0)
            .await
            .map_err(|error| request.error(error))?;
        Ok(actions.into_iter().map(Into::into).collect())
    }

    /// The monitoring on `asOf` (default today): figures over all
    /// addressees, and the items the caller may read (their own, shared
    /// ones, all for the national bodies).
    #[graphql(complexity = "crate::graphql::limits::read_cost(1, child_complexity)")]
    async fn tracking(
        &self,
        ctx: &Context<'_>,
        as_of: Option<NaiveDate>,
    ) -> Result<RecommendationTracking> {
        let (caller, request, _) = caller(ctx)?;
        let as_of = as_of.unwrap_or_else(iiz_app::recommendations::today);
        let tracking = caller
            .recommendation_tracking(self.0.id, as_of)
            .await
            .map_err(|error| request.error(error))?;
        Ok(tracking.into())
    }
}
