//! The documents of the recommendation register: the recommendation with
//! its versions and flags, one tracking item per addressee with its full
//! history, and a compact monitoring row per item for the dashboards and
//! exports.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use iiz_domain::basis::DecisionReference;
use iiz_domain::concern::Attachment;
use iiz_domain::recommendation::{
    Acceptance, Basis, FlagTarget, FocusArea, ImplementationStatus, RecommendationSource,
    RecommendationStage, ReportingPeriod, Schedule, Translation,
};
use iiz_domain::{Language, Party, RecommendationId};
use serde::{Deserialize, Serialize};

/// A recommendation with its current text, its versions and its flags.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecommendationView {
    pub id: RecommendationId,
    pub stage: RecommendationStage,
    /// The current version (1 until amended).
    pub version: u32,
    pub title: String,
    pub text: String,
    pub language: Language,
    pub translations: BTreeMap<Language, Translation>,
    pub rationale: String,
    pub source: RecommendationSource,
    pub basis: Basis,
    pub focus_area: Option<FocusArea>,
    pub addressees: Vec<Party>,
    /// `addressees` as text (`ZH`, `SODK`), for filtering.
    pub addressee_keys: Vec<String>,
    /// Whether it was published (and so is visible to everyone signed in).
    pub public: bool,
    pub schedule: Schedule,
    pub adoption: Option<Adoption>,
    pub published_on: Option<NaiveDate>,
    pub superseded_by: Option<RecommendationId>,
    /// The final assessment, once closed.
    pub assessment: Option<String>,
    /// Why a draft was dropped.
    pub discarded: Option<String>,
    /// Every published version, the first one included.
    pub versions: Vec<VersionEntry>,
    pub flags: Vec<FlagView>,
    pub history: Vec<HistoryEntry>,
    pub drafted_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// The stream's version, for optimistic concurrency in clients.
    pub stream_version: u64,
}

/// The STG's adoption.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Adoption {
    pub decision: String,
    pub on: NaiveDate,
    /// The STG meeting item or resolution that adopted it.
    #[serde(default, alias = "meeting")]
    pub decided_by: Option<DecisionReference>,
}

/// One version as it was sent out, and what changed against the one
/// before, so addressees see what an amendment changed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VersionEntry {
    pub version: u32,
    pub title: String,
    pub text: String,
    pub translations: BTreeMap<Language, Translation>,
    pub rationale: String,
    pub schedule: Schedule,
    /// Addressees this version added (all of them for version 1).
    pub added: Vec<Party>,
    /// The decision that adopted or amended it.
    pub decision: String,
    /// The summary of changes in the amendment's own words.
    pub summary: Option<String>,
    /// The fields that differ from the previous version.
    pub changes: Vec<String>,
    pub on: NaiveDate,
}

/// A need for action the EKG flagged.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FlagView {
    pub flag: u32,
    pub target: FlagTarget,
    pub note: String,
    pub raised_by: String,
    pub raised_at: DateTime<Utc>,
    pub resolution: Option<Resolution>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Resolution {
    pub note: String,
    pub by: String,
    pub at: DateTime<Utc>,
}

/// One step of the recommendation's own life (not the addressees').
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HistoryEntry {
    /// The event type (`Drafted`, `Adopted`, …).
    pub kind: String,
    pub actor: String,
    pub at: DateTime<Utc>,
    pub detail: Option<String>,
    /// For the STG's decisions (adoption, amendment, supersession,
    /// closing): the meeting item or circular resolution that took it.
    #[serde(default)]
    pub decided_by: Option<DecisionReference>,
}

/// The short form for lists, dashboards and exports.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecommendationSummary {
    pub id: RecommendationId,
    pub stage: RecommendationStage,
    pub version: u32,
    pub title: String,
    pub focus_area: Option<FocusArea>,
    pub addressee_count: usize,
    pub schedule: Schedule,
    pub adopted_on: Option<NaiveDate>,
    pub published_on: Option<NaiveDate>,
    /// Open flags on the recommendation as a whole.
    pub open_flags: Vec<OpenFlag>,
    pub updated_at: DateTime<Utc>,
}

/// A flag still open, where it is shown.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OpenFlag {
    pub flag: u32,
    pub note: String,
    pub since: DateTime<Utc>,
}

/// One addressee's tracking item with its whole history: every answer
/// and every report, each with the version it answered.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AddresseeItem {
    pub recommendation: RecommendationId,
    pub addressee: Party,
    /// `recommendation` as text, for filtering.
    pub recommendation_key: String,
    /// `addressee` as text (`ZH`, `SODK`), for filtering.
    pub addressee_key: String,
    pub shareable: bool,
    pub priority: Option<PriorityMark>,
    pub answers: Vec<AnswerEntry>,
    pub reports: Vec<ReportEntry>,
    /// Item flags, open and resolved.
    pub flags: Vec<FlagView>,
    /// From this version on the addressee received the recommendation.
    pub since_version: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PriorityMark {
    pub note: String,
    pub by: String,
    pub at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AnswerEntry {
    pub acceptance: Acceptance,
    pub justification: String,
    pub version: u32,
    pub by: String,
    pub at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportEntry {
    pub period: ReportingPeriod,
    pub status: ImplementationStatus,
    pub percent: Option<u8>,
    pub narrative: String,
    pub evidence: Vec<Attachment>,
    pub version: u32,
    pub by: String,
    pub at: DateTime<Utc>,
}

/// The compact monitoring row of one item: current status and dates, no
/// narrative. Dashboards and exports read only these and the summaries.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MonitoringRow {
    pub recommendation: RecommendationId,
    pub addressee: Party,
    /// `recommendation` as text, for filtering.
    pub recommendation_key: String,
    /// `addressee` as text (`ZH`, `SODK`), for filtering.
    pub addressee_key: String,
    pub acceptance: Option<Acceptance>,
    /// The day of the current answer.
    pub answered_on: Option<NaiveDate>,
    /// The day the answer first committed to implementation (accepted or
    /// partly accepted); the long-outstanding clock starts here.
    pub committed_on: Option<NaiveDate>,
    pub status: Option<ImplementationStatus>,
    pub percent: Option<u8>,
    /// The end of the period the latest report covers.
    pub reported_until: Option<NaiveDate>,
    pub last_reported_on: Option<NaiveDate>,
    pub reports: u32,
    /// The version the latest answer or report answered.
    pub answered_version: Option<u32>,
    pub priority: bool,
    pub shareable: bool,
    pub open_flag: Option<OpenFlag>,
    /// Each report's status at the end of its period, in order: the time
    /// series of the item.
    pub status_history: Vec<StatusPoint>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusPoint {
    pub on: NaiveDate,
    pub status: ImplementationStatus,
}

impl MonitoringRow {
    pub fn new(recommendation: RecommendationId, addressee: Party) -> Self {
        Self {
            recommendation,
            addressee,
            recommendation_key: recommendation.to_string(),
            addressee_key: addressee.to_string(),
            acceptance: None,
            answered_on: None,
            committed_on: None,
            status: None,
            percent: None,
            reported_until: None,
            last_reported_on: None,
            reports: 0,
            answered_version: None,
            priority: false,
            shareable: false,
            open_flag: None,
            status_history: Vec::new(),
        }
    }

    /// The status in force at the end of `day`: the latest report whose
    /// period ended by then.
    pub fn status_on(&self, day: NaiveDate) -> Option<ImplementationStatus> {
        self.status_history
            .iter()
            .rev()
            .find(|point| point.on <= day)
            .map(|point| point.status)
    }
}
