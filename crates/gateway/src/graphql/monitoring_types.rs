//! GraphQL types of the monitoring: addressee items with their history,
//! distributions and the addressee overview (the national dashboard is in
//! [`super::dashboard_types`]).

use async_graphql::{ID, SimpleObject};
use chrono::{DateTime, NaiveDate, Utc};
use iiz_app::recommendations::{
    AddresseeOverview, Due, RecommendationTracking as Tracking, TrackedItem,
};
use iiz_projections::{Distribution, DueItem, FlagView, RecommendationSummary};

use super::recommendation_enums::*;
use super::shared_types::{AttachmentLink, Party};

/// How many items have one answer.
#[derive(Debug, Clone, SimpleObject)]
pub struct AcceptanceCount {
    pub acceptance: AcceptanceValue,
    pub count: u64,
}

/// How many committed items have one status.
#[derive(Debug, Clone, SimpleObject)]
pub struct StatusCount {
    pub status: ImplementationStatusValue,
    pub count: u64,
}

/// Answers and statuses over a set of addressee items.
#[derive(Debug, Clone, SimpleObject)]
pub struct DistributionInfo {
    pub items: u64,
    pub unanswered: u64,
    pub acceptance: Vec<AcceptanceCount>,
    /// Accepted or partly accepted: implementation is expected.
    pub committed: u64,
    /// Current status of the committed items.
    pub status: Vec<StatusCount>,
    /// Committed items without any report yet.
    pub not_reported: u64,
    pub implemented: u64,
    /// Implemented ÷ committed, between 0 and 1; none before any commits.
    pub implementation_rate: Option<f64>,
}

impl From<&Distribution> for DistributionInfo {
    fn from(figures: &Distribution) -> Self {
        Self {
            items: figures.items,
            unanswered: figures.unanswered,
            acceptance: figures
                .acceptance
                .iter()
                .map(|(acceptance, count)| AcceptanceCount {
                    acceptance: (*acceptance).into(),
                    count: *count,
                })
                .collect(),
            committed: figures.committed(),
            status: figures
                .status
                .iter()
                .map(|(status, count)| StatusCount {
                    status: (*status).into(),
                    count: *count,
                })
                .collect(),
            not_reported: figures.not_reported,
            implemented: figures.implemented(),
            implementation_rate: figures.implementation_rate(),
        }
    }
}

/// What is due next on an item.
#[derive(Debug, Clone, SimpleObject)]
pub struct DueInfo {
    pub kind: DueKindValue,
    pub on: NaiveDate,
    /// Due before the day of reading.
    pub overdue: bool,
}

impl From<Due> for DueInfo {
    fn from(due: Due) -> Self {
        Self {
            kind: due.kind.into(),
            on: due.on,
            overdue: due.overdue,
        }
    }
}

/// One answer of an addressee.
#[derive(Debug, Clone, SimpleObject)]
pub struct AnswerRecord {
    pub acceptance: AcceptanceValue,
    pub justification: String,
    /// The version of the recommendation it answered.
    pub version: u32,
    pub actor: String,
    pub at: DateTime<Utc>,
}

/// One implementation report.
#[derive(Debug, Clone, SimpleObject)]
pub struct ReportRecord {
    pub period_from: NaiveDate,
    pub period_to: NaiveDate,
    pub status: ImplementationStatusValue,
    pub percent: Option<u8>,
    pub narrative: String,
    pub evidence: Vec<AttachmentLink>,
    /// The version of the recommendation it answered.
    pub version: u32,
    pub actor: String,
    pub at: DateTime<Utc>,
}

/// The status at the end of a reported period.
#[derive(Debug, Clone, SimpleObject)]
pub struct StatusPointInfo {
    pub on: NaiveDate,
    pub status: ImplementationStatusValue,
}

/// One addressee's tracking item with its whole history.
#[derive(Debug, Clone, SimpleObject)]
pub struct AddresseeItemInfo {
    pub recommendation: ID,
    pub addressee: Party,
    pub acceptance: Option<AcceptanceValue>,
    pub status: Option<ImplementationStatusValue>,
    pub percent: Option<u8>,
    pub reported_until: Option<NaiveDate>,
    /// The version the latest answer or report answered.
    pub answered_version: Option<u32>,
    pub next_due: Option<DueInfo>,
    pub priority: bool,
    pub priority_note: Option<String>,
    /// Whether other addressees may read the narratives.
    pub shareable: bool,
    pub since_version: u32,
    pub answers: Vec<AnswerRecord>,
    pub reports: Vec<ReportRecord>,
    pub status_history: Vec<StatusPointInfo>,
    pub flags: Vec<FlagInfo>,
}

impl From<TrackedItem> for AddresseeItemInfo {
    fn from(tracked: TrackedItem) -> Self {
        let TrackedItem { item, row, due } = tracked;
        Self {
            recommendation: ID(item.recommendation.to_string()),
            addressee: (&item.addressee).into(),
            acceptance: row.acceptance.map(Into::into),
            status: row.status.map(Into::into),
            percent: row.percent,
            reported_until: row.reported_until,
            answered_version: row.answered_version,
            next_due: due.map(Into::into),
            priority: row.priority,
            priority_note: item.priority.as_ref().map(|mark| mark.note.clone()),
            shareable: item.shareable,
            since_version: item.since_version,
            answers: item
                .answers
                .iter()
                .map(|answer| AnswerRecord {
                    acceptance: answer.acceptance.into(),
                    justification: answer.justification.clone(),
                    version: answer.version,
                    actor: answer.by.clone(),
                    at: answer.at,
                })
                .collect(),
            reports: item
                .reports
                .iter()
                .map(|report| ReportRecord {
                    period_from: report.period.from,
                    period_to: report.period.to,
                    status: report.status.into(),
                    percent: report.percent,
                    narrative: report.narrative.clone(),
                    evidence: report
                        .evidence
                        .iter()
                        .map(|evidence| AttachmentLink {
                            title: evidence.title.as_str().to_owned(),
                            link: evidence.link.as_str().to_owned(),
                        })
                        .collect(),
                    version: report.version,
                    actor: report.by.clone(),
                    at: report.at,
                })
                .collect(),
            status_history: row
                .status_history
                .iter()
                .map(|point| StatusPointInfo {
                    on: point.on,
                    status: point.status.into(),
                })
                .collect(),
            flags: item.flags.iter().map(Into::into).collect(),
        }
    }
}

/// An item owed something.
#[derive(Debug, Clone, SimpleObject)]
pub struct DueItemInfo {
    pub recommendation: ID,
    pub title: String,
    pub addressee: Party,
    pub kind: DueKindValue,
    pub due: NaiveDate,
    pub days_overdue: i64,
    pub priority: bool,
}

impl From<&DueItem> for DueItemInfo {
    fn from(item: &DueItem) -> Self {
        Self {
            recommendation: ID(item.recommendation.to_string()),
            title: item.title.clone(),
            addressee: (&item.addressee).into(),
            kind: item.kind.into(),
            due: item.due,
            days_overdue: item.days_overdue,
            priority: item.priority,
        }
    }
}

/// A recommendation's monitoring on a day.
#[derive(Debug, Clone, SimpleObject)]
pub struct RecommendationTracking {
    pub as_of: NaiveDate,
    pub distribution: DistributionInfo,
    /// Addressees overdue, counted over all of them.
    pub overdue_count: u64,
    /// Who is overdue, as far as the caller may know.
    pub overdue: Vec<DueItemInfo>,
    /// The items the caller may read.
    pub addressees: Vec<AddresseeItemInfo>,
}

impl From<Tracking> for RecommendationTracking {
    fn from(tracking: Tracking) -> Self {
        Self {
            as_of: tracking.as_of,
            distribution: (&tracking.distribution).into(),
            overdue_count: tracking.overdue_count as u64,
            overdue: tracking.overdue.iter().map(Into::into).collect(),
            addressees: tracking.items.into_iter().map(Into::into).collect(),
        }
    }
}

/// A recommendation in short.
#[derive(Debug, Clone, SimpleObject)]
pub struct RecommendationBrief {
    pub id: ID,
    pub title: String,
    pub stage: RecommendationStageValue,
    pub version: u32,
    pub focus_area: Option<ID>,
    pub published_on: Option<NaiveDate>,
    pub answer_due: NaiveDate,
    pub reporting_rhythm: ReportingRhythmValue,
}

impl From<&RecommendationSummary> for RecommendationBrief {
    fn from(summary: &RecommendationSummary) -> Self {
        Self {
            id: ID(summary.id.to_string()),
            title: summary.title.clone(),
            stage: summary.stage.into(),
            version: summary.version,
            focus_area: summary.focus_area.as_ref().map(focus_id),
            published_on: summary.published_on,
            answer_due: summary.schedule.answer_due,
            reporting_rhythm: summary.schedule.rhythm.into(),
        }
    }
}

/// One recommendation addressed to the addressee, with its item.
#[derive(Debug, Clone, SimpleObject)]
pub struct AddresseeEntry {
    pub recommendation: RecommendationBrief,
    pub item: AddresseeItemInfo,
}

/// Everything addressed to one party, soonest due first.
#[derive(Debug, Clone, SimpleObject)]
pub struct AddresseeOverviewInfo {
    pub addressee: Party,
    pub as_of: NaiveDate,
    pub entries: Vec<AddresseeEntry>,
}

impl From<AddresseeOverview> for AddresseeOverviewInfo {
    fn from(overview: AddresseeOverview) -> Self {
        Self {
            addressee: (&overview.addressee).into(),
            as_of: overview.as_of,
            entries: overview
                .entries
                .into_iter()
                .map(|(summary, item)| AddresseeEntry {
                    recommendation: (&summary).into(),
                    item: item.into(),
                })
                .collect(),
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
