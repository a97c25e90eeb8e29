//! GraphQL types of recommendations: the text with its versions, flags and
//! history; the monitoring figures are in [`super::monitoring_types`].

use async_graphql::{ComplexObject, Context, ID, Result, SimpleObject};
use chrono::{DateTime, NaiveDate, Utc};
use iiz_projections::{FlagView, HistoryEntry, RecommendationView, VersionEntry};

use super::concern_types::{AttachmentLink, Party};
use super::meeting_types::DecisionReferenceInfo;
use super::monitoring_types::RecommendationTracking;
use super::mutation::caller;
pub use super::recommendation_enums::*;
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

/// A need for action the EKG flagged.
#[derive(Debug, Clone, SimpleObject)]
pub struct FlagInfo {
    pub flag: u32,
    /// The addressee flagged; none when the whole recommendation is.
    pub addressee: Option<Party>,
    pub note: String,
    pub raised_by: String,
    pub raised_at: DateTime<Utc>,
    pub resolved: bool,
    pub resolution_note: Option<String>,
    pub resolved_by: Option<String>,
    pub resolved_at: Option<DateTime<Utc>>,
}

impl From<&FlagView> for FlagInfo {
    fn from(flag: &FlagView) -> Self {
        let addressee = match flag.target {
            iiz_domain::recommendation::FlagTarget::Recommendation => None,
            iiz_domain::recommendation::FlagTarget::Addressee(party) => Some((&party).into()),
        };
        Self {
            flag: flag.flag,
            addressee,
            note: flag.note.clone(),
            raised_by: flag.raised_by.clone(),
            raised_at: flag.raised_at,
            resolved: flag.resolution.is_some(),
            resolution_note: flag.resolution.as_ref().map(|r| r.note.clone()),
            resolved_by: flag.resolution.as_ref().map(|r| r.by.clone()),
            resolved_at: flag.resolution.as_ref().map(|r| r.at),
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

/// A recommendation (Empfehlung) of the STG.
#[derive(Debug, Clone, SimpleObject)]
#[graphql(complex)]
pub struct Recommendation {
    pub id: ID,
    pub stage: RecommendationStageValue,
    /// The current version (1 until amended).
    pub version: u32,
    pub title: String,
    pub text: String,
    /// The language of `title` and `text`.
    pub language: Language,
    pub translations: Vec<TranslationInfo>,
    pub rationale: String,
    pub source: RecommendationSourceValue,
    pub basis: BasisInfo,
    pub focus_area: Option<ID>,
    pub addressees: Vec<Party>,
    /// The first answer (acceptance) is due by this day.
    pub answer_due: NaiveDate,
    pub reporting_rhythm: ReportingRhythmValue,
    pub adoption: Option<AdoptionInfo>,
    pub published_on: Option<NaiveDate>,
    pub superseded_by: Option<ID>,
    /// The final assessment, once closed.
    pub assessment: Option<String>,
    /// Why the draft was dropped.
    pub discarded: Option<String>,
    pub versions: Vec<RecommendationVersion>,
    pub flags: Vec<FlagInfo>,
    pub history: Vec<RecommendationHistoryItem>,
    pub drafted_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub stream_version: u64,
    #[graphql(skip)]
    pub view: RecommendationView,
}

impl From<RecommendationView> for Recommendation {
    fn from(view: RecommendationView) -> Self {
        Self {
            id: ID(view.id.to_string()),
            stage: view.stage.into(),
            version: view.version,
            title: view.title.clone(),
            text: view.text.clone(),
            language: view.language.into(),
            translations: translations(&view.translations),
            rationale: view.rationale.clone(),
            source: view.source.into(),
            basis: BasisInfo {
                concerns: view
                    .basis
                    .concerns
                    .iter()
                    .map(|id| ID(id.to_string()))
                    .collect(),
                projects: view
                    .basis
                    .projects
                    .iter()
                    .map(|title| title.as_str().to_owned())
                    .collect(),
                documents: view
                    .basis
                    .documents
                    .iter()
                    .map(|document| AttachmentLink {
                        title: document.title.as_str().to_owned(),
                        link: document.link.as_str().to_owned(),
                    })
                    .collect(),
            },
            focus_area: view.focus_area.as_ref().map(focus_id),
            addressees: view.addressees.iter().map(Into::into).collect(),
            answer_due: view.schedule.answer_due,
            reporting_rhythm: view.schedule.rhythm.into(),
            adoption: view.adoption.as_ref().map(|adoption| AdoptionInfo {
                decision: adoption.decision.clone(),
                on: adoption.on,
                decided_by: adoption.decided_by.as_ref().map(Into::into),
            }),
            published_on: view.published_on,
            superseded_by: view.superseded_by.map(|id| ID(id.to_string())),
            assessment: view.assessment.clone(),
            discarded: view.discarded.clone(),
            versions: view.versions.iter().map(Into::into).collect(),
            flags: view.flags.iter().map(Into::into).collect(),
            history: view.history.iter().map(Into::into).collect(),
            drafted_at: view.drafted_at,
            updated_at: view.updated_at,
            stream_version: view.stream_version,
            view,
        }
    }
}

#[ComplexObject]
impl Recommendation {
    /// The next steps the workflow allows and the caller may take.
    async fn allowed_actions(&self, ctx: &Context<'_>) -> Result<Vec<RecommendationActionValue>> {
        let (caller, request, _) = caller(ctx)?;
        let actions = caller
            .recommendation_actions(&self.view)
            .await
            .map_err(|error| request.error(error))?;
        Ok(actions.into_iter().map(Into::into).collect())
    }

    /// The monitoring on `asOf` (default today): figures over all
    /// addressees, and the items the caller may read (their own, shared
    /// ones, all for the national bodies).
    #[graphql(complexity = 20)]
    async fn tracking(
        &self,
        ctx: &Context<'_>,
        as_of: Option<NaiveDate>,
    ) -> Result<RecommendationTracking> {
        let (caller, request, _) = caller(ctx)?;
        let as_of = as_of.unwrap_or_else(iiz_app::recommendations::today);
        let tracking = caller
            .recommendation_tracking(self.view.id, as_of)
            .await
            .map_err(|error| request.error(error))?;
        Ok(tracking.into())
    }
}
