//! The figures monitoring is made of, and when an item owes something.
//! The definitions are in `docs/recommendations.md`.

use std::collections::BTreeMap;

use chrono::{Months, NaiveDate};
use iiz_domain::recommendation::{Acceptance, ImplementationStatus, RecommendationStage};
use iiz_domain::{Party, RecommendationId};
use serde::{Deserialize, Serialize};

use super::view::{MonitoringRow, RecommendationSummary};

/// Settings of the monitoring judgements.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct MonitoringPolicy {
    /// Items accepted this many years ago and still not implemented are
    /// "long outstanding" (the UN JIU counts them apart).
    pub long_outstanding_years: u32,
}

impl Default for MonitoringPolicy {
    fn default() -> Self {
        Self {
            long_outstanding_years: 3,
        }
    }
}

/// What an addressee owes next.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DueKind {
    /// The first answer (acceptance).
    Answer,
    /// The next periodic implementation report.
    Report,
}

/// Whether a recommendation's items are monitored: published ones, and
/// closed ones for the figures. Superseded ones live on in their successor.
pub(super) fn monitored(stage: RecommendationStage) -> bool {
    matches!(
        stage,
        RecommendationStage::Published | RecommendationStage::Closed
    )
}

/// What the addressee owes next and by when: the first answer by the
/// answer date; after an answer that commits, a report one rhythm after the
/// end of the last reported period (or after the answer date), until a
/// final status. Nothing is due on a recommendation that is not published.
pub fn due_next(
    summary: &RecommendationSummary,
    row: &MonitoringRow,
) -> Option<(DueKind, NaiveDate)> {
    if summary.stage != RecommendationStage::Published {
        return None;
    }
    let schedule = summary.schedule;
    match row.acceptance {
        None => Some((DueKind::Answer, schedule.answer_due)),
        Some(acceptance) if !acceptance.commits() => None,
        Some(_) if row.status.is_some_and(|status| status.is_final()) => None,
        Some(_) => {
            let from = row.reported_until.unwrap_or(schedule.answer_due);
            Some((DueKind::Report, schedule.rhythm.after(from)))
        }
    }
}

/// What is overdue on `as_of`: due strictly before that day.
pub fn overdue(
    summary: &RecommendationSummary,
    row: &MonitoringRow,
    as_of: NaiveDate,
) -> Option<(DueKind, NaiveDate)> {
    due_next(summary, row).filter(|(_, due)| *due < as_of)
}

/// Counts of answers and statuses.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Distribution {
    pub items: u64,
    pub unanswered: u64,
    pub acceptance: BTreeMap<Acceptance, u64>,
    /// Current status of items whose answer commits to implementation.
    pub status: BTreeMap<ImplementationStatus, u64>,
    /// Committed items without any report yet.
    pub not_reported: u64,
}

impl Distribution {
    pub(super) fn add(&mut self, row: &MonitoringRow) {
        self.items += 1;
        match row.acceptance {
            None => self.unanswered += 1,
            Some(acceptance) => {
                *self.acceptance.entry(acceptance).or_default() += 1;
                if acceptance.commits() {
                    match row.status {
                        Some(status) => *self.status.entry(status).or_default() += 1,
                        None => self.not_reported += 1,
                    }
                }
            }
        }
    }

    /// Items whose answer commits to implementation.
    pub fn committed(&self) -> u64 {
        self.acceptance
            .iter()
            .filter(|(acceptance, _)| acceptance.commits())
            .map(|(_, count)| count)
            .sum()
    }

    pub fn implemented(&self) -> u64 {
        self.status
            .get(&ImplementationStatus::Implemented)
            .copied()
            .unwrap_or(0)
    }

    /// Implemented items among committed ones, `None` before any commits.
    pub fn implementation_rate(&self) -> Option<f64> {
        rate(self.implemented(), self.committed())
    }
}

fn rate(part: u64, whole: u64) -> Option<f64> {
    #[allow(clippy::cast_precision_loss)]
    (whole > 0).then(|| part as f64 / whole as f64)
}

/// Figures of one group (an addressee or a focus area).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AddresseeFigures {
    /// The addressee (`ZH`, `SODK`) or focus area (`key_actors`, `none`).
    pub key: String,
    pub distribution: Distribution,
    pub overdue: u64,
}

impl AddresseeFigures {
    pub(super) fn add(&mut self, row: &MonitoringRow, late: bool) {
        self.distribution.add(row);
        self.overdue += u64::from(late);
    }
}

/// The implementation rate at one day.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RatePoint {
    pub on: NaiveDate,
    pub committed: u64,
    pub implemented: u64,
}

/// An item owed something.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DueItem {
    pub recommendation: RecommendationId,
    pub title: String,
    pub addressee: Party,
    pub kind: DueKind,
    pub due: NaiveDate,
    /// Days past the due date on the day of reading (negative: still open).
    pub days_overdue: i64,
    pub priority: bool,
}

impl DueItem {
    /// The item `row` of `summary` owing `kind` since `due`, on `as_of`.
    pub fn of(
        summary: &RecommendationSummary,
        row: &MonitoringRow,
        kind: DueKind,
        due: NaiveDate,
        as_of: NaiveDate,
    ) -> Self {
        Self {
            recommendation: row.recommendation,
            title: summary.title.clone(),
            addressee: row.addressee,
            kind,
            due,
            days_overdue: (as_of - due).num_days(),
            priority: row.priority,
        }
    }
}

/// Whether an item of a published recommendation was committed to at least
/// the policy's years before `as_of` and is still not implemented.
pub fn long_outstanding_on(
    summary: &RecommendationSummary,
    row: &MonitoringRow,
    as_of: NaiveDate,
    policy: MonitoringPolicy,
) -> bool {
    summary.stage == RecommendationStage::Published
        && row.status != Some(ImplementationStatus::Implemented)
        && row.committed_on.is_some_and(|committed| {
            committed
                .checked_add_months(Months::new(policy.long_outstanding_years * 12))
                .is_some_and(|limit| limit <= as_of)
        })
}

/// An item still open.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OpenItem {
    pub recommendation: RecommendationId,
    pub title: String,
    pub addressee: Party,
    pub published_on: Option<NaiveDate>,
    pub acceptance: Option<Acceptance>,
    pub committed_on: Option<NaiveDate>,
    pub status: Option<ImplementationStatus>,
    pub priority: bool,
}

/// An open flag of the EKG.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FlaggedItem {
    pub recommendation: RecommendationId,
    pub title: String,
    /// `None` when the flag is on the recommendation as a whole.
    pub addressee: Option<Party>,
    pub flag: u32,
    pub note: String,
    pub since: chrono::DateTime<chrono::Utc>,
}
