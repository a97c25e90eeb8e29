//! The comparison is only honest if both sides compute the same figures:
//! the dashboard's totals, figures per addressee and per focus area and
//! overdue items are checked against the plain SQL's before measuring.

use std::collections::BTreeMap;

use anyhow::bail;
use iiz_projections::{AddresseeFigures, DueKind, MonitoringDashboard};

use super::plain::{FigureRow, OverdueRow};

/// Items, committed, implemented, overdue.
type Counts = [u64; 4];

/// The totals as both sides can state them.
#[derive(Debug, Default, PartialEq, Eq)]
struct Totals {
    counts: Counts,
    unanswered: u64,
    acceptance: BTreeMap<String, u64>,
    /// Statuses of committed items.
    status: BTreeMap<String, u64>,
}

fn count(value: i64) -> u64 {
    u64::try_from(value).unwrap_or(u64::MAX)
}

fn groups(figures: &[AddresseeFigures]) -> BTreeMap<String, Counts> {
    figures
        .iter()
        .map(|group| {
            let distribution = &group.distribution;
            (
                group.key.clone(),
                [
                    distribution.items,
                    distribution.committed(),
                    distribution.implemented(),
                    group.overdue,
                ],
            )
        })
        .collect()
}

fn plain_groups(rows: &[FigureRow], dimension: &str) -> BTreeMap<String, Counts> {
    rows.iter()
        .filter(|row| row.dimension == dimension)
        .map(|row| {
            (
                row.label.clone(),
                [
                    count(row.items),
                    count(row.committed),
                    count(row.implemented),
                    count(row.overdue),
                ],
            )
        })
        .collect()
}

fn totals(dashboard: &MonitoringDashboard) -> Totals {
    let distribution = &dashboard.distribution;
    Totals {
        counts: [
            distribution.items,
            distribution.committed(),
            distribution.implemented(),
            dashboard.overdue.len() as u64,
        ],
        unanswered: distribution.unanswered,
        acceptance: distribution
            .acceptance
            .iter()
            .map(|(acceptance, count)| (acceptance.as_str().to_owned(), *count))
            .collect(),
        status: distribution
            .status
            .iter()
            .map(|(status, count)| (status.as_str().to_owned(), *count))
            .collect(),
    }
}

fn plain_totals(rows: &[FigureRow]) -> Totals {
    let mut totals = Totals::default();
    for row in rows.iter().filter(|row| row.dimension == "total") {
        let items = count(row.items);
        let sums = [items, count(row.committed), count(row.implemented)];
        for (total, value) in totals.counts.iter_mut().zip(sums) {
            *total += value;
        }
        totals.counts[3] += count(row.overdue);
        if row.label.is_empty() {
            totals.unanswered += items;
            continue;
        }
        *totals.acceptance.entry(row.label.clone()).or_default() += items;
        if row.committed > 0 && !row.status.is_empty() {
            *totals.status.entry(row.status.clone()).or_default() += items;
        }
    }
    totals
}

/// An overdue item as both sides state it.
type Late = (String, String, &'static str, chrono::NaiveDate, i64, bool);

fn late(dashboard: &MonitoringDashboard) -> Vec<Late> {
    dashboard
        .overdue
        .iter()
        .map(|item| {
            (
                item.recommendation.to_string(),
                item.addressee.to_string(),
                match item.kind {
                    DueKind::Answer => "answer",
                    DueKind::Report => "report",
                },
                item.due,
                item.days_overdue,
                item.priority,
            )
        })
        .collect()
}

fn plain_late(rows: &[OverdueRow]) -> Vec<Late> {
    rows.iter()
        .map(|row| {
            (
                row.recommendation.clone(),
                row.addressee.clone(),
                if row.kind == "answer" {
                    "answer"
                } else {
                    "report"
                },
                row.due,
                row.days,
                row.priority,
            )
        })
        .collect()
}

/// Fails unless the plain SQL computed the dashboard's figures.
pub fn same_figures(
    dashboard: &MonitoringDashboard,
    figures: &[FigureRow],
    overdue: &[OverdueRow],
) -> anyhow::Result<()> {
    let (app, reference) = (totals(dashboard), plain_totals(figures));
    if app != reference {
        bail!("the plain SQL totals differ: dashboard {app:?}, plain {reference:?}");
    }
    for (dimension, app) in [
        ("addressee", groups(&dashboard.by_addressee)),
        ("focus_area", groups(&dashboard.by_focus_area)),
    ] {
        let reference = plain_groups(figures, dimension);
        if app != reference {
            bail!("the plain SQL figures per {dimension} differ: {app:?} against {reference:?}");
        }
    }
    let (mut app, mut reference) = (late(dashboard), plain_late(overdue));
    let dues = |items: &[Late]| items.iter().map(|item| item.3).collect::<Vec<_>>();
    if dues(&app) != dues(&reference) {
        bail!("the plain SQL lists the overdue items in another order of due dates");
    }
    app.sort();
    reference.sort();
    if app != reference {
        let differing = app
            .iter()
            .zip(&reference)
            .find(|(a, b)| a != b)
            .map(|(a, b)| format!("{a:?} against {b:?}"))
            .unwrap_or_default();
        bail!("the plain SQL lists other overdue items: {differing}");
    }
    Ok(())
}

/// Fails if a measured load computed another dashboard than the first.
pub fn same_size(
    computed: &MonitoringDashboard,
    first: &MonitoringDashboard,
) -> anyhow::Result<()> {
    if computed.distribution != first.distribution || computed.overdue.len() != first.overdue.len()
    {
        bail!("the dashboard changed between loads");
    }
    Ok(())
}

/// Fails if a measured plain load found another number of overdue items.
pub fn same_count(found: usize, expected: usize) -> anyhow::Result<()> {
    if found != expected {
        bail!("the plain SQL found {found} overdue items, expected {expected}");
    }
    Ok(())
}
