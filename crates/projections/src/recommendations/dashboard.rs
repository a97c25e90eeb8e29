//! The national dashboard and a recommendation's figures, computed from
//! summaries and monitoring rows at a given day. What is due and what is
//! overdue depends on that day, so it is judged at reading time, not
//! stored. The definitions are in `docs/recommendations.md`.

use std::collections::{BTreeMap, HashMap};

use chrono::{Datelike, Months, NaiveDate};
use iiz_domain::recommendation::{FocusArea, ImplementationStatus, RecommendationStage};
use iiz_domain::{Party, RecommendationId};
use serde::{Deserialize, Serialize};

use super::figures::{
    AddresseeFigures, Distribution, DueItem, FlaggedItem, MonitoringPolicy, OpenItem, RatePoint,
    long_outstanding_on, monitored, overdue,
};
use super::view::{MonitoringRow, RecommendationSummary};
/// The national dashboard of the STG, EKG and Fachstelle.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MonitoringDashboard {
    pub as_of: NaiveDate,
    pub policy: MonitoringPolicy,
    /// Published recommendations (monitored now).
    pub open_recommendations: u64,
    /// Published and closed ones, whose items the figures count.
    pub monitored_recommendations: u64,
    pub distribution: Distribution,
    /// Quarter ends from the first publication to `as_of` (year ends beyond
    /// ten years), and `as_of` itself.
    pub over_time: Vec<RatePoint>,
    pub by_addressee: Vec<AddresseeFigures>,
    pub by_focus_area: Vec<AddresseeFigures>,
    /// Most overdue first.
    pub overdue: Vec<DueItem>,
    pub long_outstanding: Vec<OpenItem>,
    /// The items open longest, at most [`OLDEST_OPEN`].
    pub oldest_open: Vec<OpenItem>,
    pub flagged: Vec<FlaggedItem>,
    pub priority: Vec<OpenItem>,
}

/// How many of the oldest open items the dashboard lists.
pub const OLDEST_OPEN: usize = 10;

fn open_item(summary: &RecommendationSummary, row: &MonitoringRow) -> OpenItem {
    OpenItem {
        recommendation: row.recommendation,
        title: summary.title.clone(),
        addressee: row.addressee,
        published_on: summary.published_on,
        acceptance: row.acceptance,
        committed_on: row.committed_on,
        status: row.status,
        priority: row.priority,
    }
}

/// Whether an item still waits for something: unanswered, or committed
/// without a final status.
fn is_open(row: &MonitoringRow) -> bool {
    match row.acceptance {
        None => true,
        Some(acceptance) => {
            acceptance.commits() && !row.status.is_some_and(|status| status.is_final())
        }
    }
}

fn focus_key(focus: Option<&FocusArea>) -> String {
    focus.map_or_else(|| "none".to_owned(), |focus| focus.as_str().to_owned())
}

/// The days the time series reports: quarter ends (year ends when that
/// would be more than forty points) up to `as_of`, then `as_of`.
fn series_days(first: NaiveDate, as_of: NaiveDate) -> Vec<NaiveDate> {
    let quarters = (as_of.year() - first.year()) * 4 + 4;
    let step = if quarters > 40 { 12 } else { 3 };
    let mut days = Vec::new();
    let start_month = if step == 12 {
        12
    } else {
        first.month0() / 3 * 3 + 3
    };
    let mut day = NaiveDate::from_ymd_opt(first.year(), start_month, 1)
        .and_then(|month| month.checked_add_months(Months::new(1)))
        .and_then(|next| next.pred_opt());
    while let Some(end) = day {
        if end >= as_of {
            break;
        }
        days.push(end);
        day = end
            .succ_opt()
            .and_then(|next| next.checked_add_months(Months::new(step)))
            .and_then(|next| next.pred_opt());
    }
    days.push(as_of);
    days
}

impl MonitoringDashboard {
    /// Computes the dashboard from every summary and every monitoring row.
    pub fn compute(
        summaries: &[RecommendationSummary],
        rows: &[MonitoringRow],
        as_of: NaiveDate,
        policy: MonitoringPolicy,
    ) -> Self {
        let by_id: HashMap<RecommendationId, &RecommendationSummary> = summaries
            .iter()
            .map(|summary| (summary.id, summary))
            .collect();
        let mut distribution = Distribution::default();
        let mut by_addressee: BTreeMap<Party, AddresseeFigures> = BTreeMap::new();
        let mut by_focus: BTreeMap<String, AddresseeFigures> = BTreeMap::new();
        let mut overdue_items = Vec::new();
        let mut long_outstanding = Vec::new();
        let mut open = Vec::new();
        let mut priority = Vec::new();
        let mut flagged = Vec::new();
        let mut counted = Vec::new();
        for row in rows {
            let Some(summary) = by_id.get(&row.recommendation).copied() else {
                continue;
            };
            if !monitored(summary.stage) {
                continue;
            }
            counted.push(row);
            distribution.add(row);
            let late = overdue(summary, row, as_of);
            by_addressee
                .entry(row.addressee)
                .or_insert_with(|| figures(row.addressee.to_string()))
                .add(row, late.is_some());
            let focus = focus_key(summary.focus_area.as_ref());
            by_focus
                .entry(focus.clone())
                .or_insert_with(|| figures(focus))
                .add(row, late.is_some());
            if let Some((kind, due)) = late {
                overdue_items.push(DueItem::of(summary, row, kind, due, as_of));
            }
            if summary.stage != RecommendationStage::Published {
                continue;
            }
            if long_outstanding_on(summary, row, as_of, policy) {
                long_outstanding.push(open_item(summary, row));
            }
            if is_open(row) {
                open.push(open_item(summary, row));
            }
            if row.priority {
                priority.push(open_item(summary, row));
            }
            if let Some(flag) = &row.open_flag {
                flagged.push(FlaggedItem {
                    recommendation: row.recommendation,
                    title: summary.title.clone(),
                    addressee: Some(row.addressee),
                    flag: flag.flag,
                    note: flag.note.clone(),
                    since: flag.since,
                });
            }
        }
        for summary in summaries
            .iter()
            .filter(|summary| summary.stage == RecommendationStage::Published)
        {
            flagged.extend(summary.open_flags.iter().map(|flag| FlaggedItem {
                recommendation: summary.id,
                title: summary.title.clone(),
                addressee: None,
                flag: flag.flag,
                note: flag.note.clone(),
                since: flag.since,
            }));
        }
        overdue_items.sort_by(|a, b| {
            (a.due, a.addressee, a.recommendation).cmp(&(b.due, b.addressee, b.recommendation))
        });
        open.sort_by(|a, b| {
            (a.published_on, a.addressee, a.recommendation).cmp(&(
                b.published_on,
                b.addressee,
                b.recommendation,
            ))
        });
        open.truncate(OLDEST_OPEN);
        long_outstanding.sort_by_key(|item| (item.committed_on, item.addressee));
        flagged.sort_by_key(|item| (item.since, item.flag));
        let first = summaries
            .iter()
            .filter(|summary| monitored(summary.stage))
            .filter_map(|summary| summary.published_on)
            .min();
        let over_time = first.map_or_else(Vec::new, |first| {
            series_days(first.min(as_of), as_of)
                .into_iter()
                .map(|day| rate_on(&counted, day))
                .collect()
        });
        Self {
            as_of,
            policy,
            open_recommendations: count(summaries, |stage| stage == RecommendationStage::Published),
            monitored_recommendations: count(summaries, monitored),
            distribution,
            over_time,
            by_addressee: by_addressee.into_values().collect(),
            by_focus_area: by_focus.into_values().collect(),
            overdue: overdue_items,
            long_outstanding,
            oldest_open: open,
            flagged,
            priority,
        }
    }
}

fn figures(key: String) -> AddresseeFigures {
    AddresseeFigures {
        key,
        distribution: Distribution::default(),
        overdue: 0,
    }
}

fn count(summaries: &[RecommendationSummary], keep: impl Fn(RecommendationStage) -> bool) -> u64 {
    summaries
        .iter()
        .filter(|summary| keep(summary.stage))
        .count() as u64
}

/// Committed and implemented items at the end of `day`: committed by then,
/// and implemented according to the last report whose period had ended.
fn rate_on(rows: &[&MonitoringRow], day: NaiveDate) -> RatePoint {
    let mut point = RatePoint {
        on: day,
        committed: 0,
        implemented: 0,
    };
    for row in rows {
        if row.committed_on.is_some_and(|committed| committed <= day) {
            point.committed += 1;
            if row.status_on(day) == Some(ImplementationStatus::Implemented) {
                point.implemented += 1;
            }
        }
    }
    point
}

/// Figures of one recommendation: the distribution over its addressees and
/// the ones overdue on `as_of`.
pub fn recommendation_figures(
    summary: &RecommendationSummary,
    rows: &[MonitoringRow],
    as_of: NaiveDate,
) -> (Distribution, Vec<DueItem>) {
    let mut distribution = Distribution::default();
    let mut late = Vec::new();
    for row in rows.iter().filter(|row| row.recommendation == summary.id) {
        distribution.add(row);
        if let Some((kind, due)) = overdue(summary, row, as_of) {
            late.push(DueItem::of(summary, row, kind, due, as_of));
        }
    }
    (distribution, late)
}
