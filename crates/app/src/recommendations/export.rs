//! The monitoring table for spreadsheets and open data: one row per
//! recommendation × addressee with its current status and dates. The
//! columns are a published contract, documented in
//! `docs/recommendations.md`: they are only ever added, never renamed.

use chrono::NaiveDate;
use iiz_domain::{Party, RecommendationId};
use iiz_projections::{
    MonitoringPolicy, MonitoringRow, RecommendationSummary, long_outstanding_on,
};
use serde::Serialize;

use super::due_of;
use crate::authz::recommendation::{monitors_nationally, sees_item};
use crate::authz::{Denied, Operation, Target};
use crate::{AppError, Caller};

/// One row of the monitoring table. Field order is column order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MonitoringRecord {
    pub recommendation_id: RecommendationId,
    pub recommendation_title: String,
    pub focus_area: String,
    pub recommendation_stage: &'static str,
    pub version: u32,
    pub adopted_on: Option<NaiveDate>,
    pub published_on: Option<NaiveDate>,
    pub answer_due: NaiveDate,
    pub reporting_rhythm: &'static str,
    pub addressee: String,
    pub addressee_kind: &'static str,
    pub acceptance: Option<&'static str>,
    pub answered_on: Option<NaiveDate>,
    pub answered_version: Option<u32>,
    pub implementation_status: Option<&'static str>,
    pub percent: Option<u8>,
    pub reported_until: Option<NaiveDate>,
    pub last_reported_on: Option<NaiveDate>,
    pub reports: u32,
    pub next_due: Option<NaiveDate>,
    pub next_due_kind: Option<&'static str>,
    pub overdue: bool,
    pub days_overdue: Option<i64>,
    pub long_outstanding: bool,
    pub priority: bool,
    pub flagged: bool,
    pub shareable: bool,
    pub as_of: NaiveDate,
}

/// The column names, in order.
pub const MONITORING_COLUMNS: [&str; 28] = [
    "recommendation_id",
    "recommendation_title",
    "focus_area",
    "recommendation_stage",
    "version",
    "adopted_on",
    "published_on",
    "answer_due",
    "reporting_rhythm",
    "addressee",
    "addressee_kind",
    "acceptance",
    "answered_on",
    "answered_version",
    "implementation_status",
    "percent",
    "reported_until",
    "last_reported_on",
    "reports",
    "next_due",
    "next_due_kind",
    "overdue",
    "days_overdue",
    "long_outstanding",
    "priority",
    "flagged",
    "shareable",
    "as_of",
];

fn record(
    summary: &RecommendationSummary,
    row: &MonitoringRow,
    as_of: NaiveDate,
    policy: MonitoringPolicy,
) -> MonitoringRecord {
    let due = due_of(summary, row, as_of);
    let long_outstanding = long_outstanding_on(summary, row, as_of, policy);
    MonitoringRecord {
        recommendation_id: summary.id,
        recommendation_title: summary.title.clone(),
        focus_area: summary
            .focus_area
            .as_ref()
            .map_or_else(String::new, |focus| focus.as_str().to_owned()),
        recommendation_stage: summary.stage.as_str(),
        version: summary.version,
        adopted_on: summary.adopted_on,
        published_on: summary.published_on,
        answer_due: summary.schedule.answer_due,
        reporting_rhythm: summary.schedule.rhythm.as_str(),
        addressee: row.addressee.to_string(),
        addressee_kind: match row.addressee {
            Party::Tenant(tenant) if tenant.is_national() => "national",
            Party::Tenant(_) => "canton",
            Party::Partner(_) => "partner",
        },
        acceptance: row.acceptance.map(|acceptance| acceptance.as_str()),
        answered_on: row.answered_on,
        answered_version: row.answered_version,
        implementation_status: row.status.map(|status| status.as_str()),
        percent: row.percent,
        reported_until: row.reported_until,
        last_reported_on: row.last_reported_on,
        reports: row.reports,
        next_due: due.map(|due| due.on),
        next_due_kind: due.map(|due| match due.kind {
            iiz_projections::DueKind::Answer => "answer",
            iiz_projections::DueKind::Report => "report",
        }),
        overdue: due.is_some_and(|due| due.overdue),
        days_overdue: due
            .filter(|due| due.overdue)
            .map(|due| (as_of - due.on).num_days()),
        long_outstanding,
        priority: row.priority,
        flagged: row.open_flag.is_some(),
        shareable: row.shareable,
        as_of,
    }
}

/// The table as CSV (RFC 4180, a header row, UTF-8).
pub fn to_csv(records: &[MonitoringRecord]) -> Result<String, AppError> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    if records.is_empty() {
        writer
            .write_record(MONITORING_COLUMNS)
            .map_err(|error| AppError::Internal(format!("csv: {error}")))?;
    }
    for record in records {
        writer
            .serialize(record)
            .map_err(|error| AppError::Internal(format!("csv: {error}")))?;
    }
    let bytes = writer
        .into_inner()
        .map_err(|error| AppError::Internal(format!("csv: {error}")))?;
    String::from_utf8(bytes).map_err(|error| AppError::Internal(format!("csv: {error}")))
}

impl Caller<'_> {
    /// The monitoring table on `as_of`: every published (or closed or
    /// superseded) recommendation × addressee the caller may read, ordered
    /// by publication, recommendation and addressee (the national tenant,
    /// the cantons alphabetically, then the partners).
    pub async fn monitoring_table(
        &self,
        as_of: NaiveDate,
        policy: MonitoringPolicy,
    ) -> Result<Vec<MonitoringRecord>, AppError> {
        self.check_operation(
            Operation::ExportRecommendationMonitoring,
            Target::platform(),
        )?;
        let principal = self
            .principal()
            .ok_or(AppError::Denied(Denied::Unauthenticated))?;
        let standing = self.standing().await?;
        let national = monitors_nationally(principal, &standing);
        let data = self.app().monitoring_data().await?;
        let by_id: std::collections::HashMap<_, _> = data
            .summaries
            .iter()
            .map(|summary| (summary.id, summary))
            .collect();
        let mut visible: Vec<(&RecommendationSummary, &MonitoringRow)> = data
            .rows
            .iter()
            .filter(|row| national || sees_item(principal, &standing, row.addressee, row.shareable))
            .filter_map(|row| {
                let summary = by_id.get(&row.recommendation)?;
                summary.stage.was_published().then_some((*summary, row))
            })
            .collect();
        visible.sort_by_key(|(summary, row)| (summary.published_on, summary.id, row.addressee));
        let records = visible
            .into_iter()
            .map(|(summary, row)| record(summary, row, as_of, policy))
            .collect();
        Ok(records)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The committed header (`schema/exports`), a contract for the
    /// spreadsheets that read the export: a renamed or moved column fails.
    const GOLDEN: &str = include_str!("../../../../schema/exports/monitoring-header.csv");

    #[test]
    fn an_empty_table_still_has_its_header() {
        let csv = to_csv(&[]).unwrap();
        assert_eq!(csv, GOLDEN);
    }
}
