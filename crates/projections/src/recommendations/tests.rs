//! The register and the dashboard over a small history with known dates.

use chrono::NaiveDate;
use iiz_domain::recommendation::ImplementationStatus;
use iiz_domain::{Partner, Party, RecommendationEvent};
use iiz_store::DocKey;

use super::fixtures::*;
use super::*;
use crate::get_typed;

#[test]
fn each_addressee_has_an_item_with_its_whole_history() {
    let docs = project(&history());
    let key = DocKey::new(
        RECOMMENDATION_ITEMS,
        item_key(&id().to_string(), canton("ZH")),
    );
    let item: AddresseeItem = get_typed(&docs, &key).unwrap().unwrap();
    assert_eq!(item.answers.len(), 1);
    assert_eq!(item.reports.len(), 2);
    assert_eq!(item.reports[0].status, ImplementationStatus::InProgress);
    assert!(item.priority.is_some());
    let rows = rows(&docs);
    let zh = rows
        .iter()
        .find(|row| row.addressee == canton("ZH"))
        .unwrap();
    assert_eq!(zh.committed_on, Some(day("2027-01-10")));
    assert_eq!(zh.status, Some(ImplementationStatus::Implemented));
    assert_eq!(zh.reports, 2);
    assert_eq!(
        zh.status_on(day("2028-06-30")),
        Some(ImplementationStatus::InProgress)
    );
    assert_eq!(zh.status_on(day("2027-06-30")), None);
}

#[test]
fn the_dashboard_counts_judges_due_dates_and_draws_the_time_series() {
    let docs = project(&history());
    let rows = rows(&docs);
    let summaries = [summary(&docs)];
    let dashboard = MonitoringDashboard::compute(
        &summaries,
        &rows,
        day("2029-06-30"),
        MonitoringPolicy::default(),
    );
    assert_eq!(dashboard.open_recommendations, 1);
    let figures = &dashboard.distribution;
    assert_eq!(
        (figures.items, figures.unanswered, figures.not_reported),
        (4, 1, 1)
    );
    assert_eq!(figures.committed(), 2);
    assert_eq!(figures.implemented(), 1);
    assert_eq!(figures.implementation_rate(), Some(0.5));
    let overdue: Vec<_> = dashboard
        .overdue
        .iter()
        .map(|item| (item.addressee, item.kind, item.due, item.days_overdue))
        .collect();
    assert_eq!(
        overdue,
        [
            (
                Party::Partner(Partner::Sodk),
                DueKind::Answer,
                day("2027-03-31"),
                822
            ),
            (canton("BE"), DueKind::Report, day("2028-03-31"), 456),
        ]
    );
    assert!(dashboard.long_outstanding.is_empty());
    let oldest: Vec<Party> = dashboard
        .oldest_open
        .iter()
        .map(|item| item.addressee)
        .collect();
    assert_eq!(oldest, [canton("BE"), Party::Partner(Partner::Sodk)]);
    assert_eq!(dashboard.flagged.len(), 1);
    assert_eq!(dashboard.flagged[0].addressee, Some(canton("BE")));
    assert_eq!(dashboard.priority[0].addressee, canton("ZH"));
    assert_eq!(dashboard.by_focus_area.len(), 1);
    assert_eq!(dashboard.by_focus_area[0].key, "labour_market_integration");
    assert_eq!(dashboard.by_focus_area[0].overdue, 2);
    let be = dashboard
        .by_addressee
        .iter()
        .find(|figures| figures.key == "BE")
        .unwrap();
    assert_eq!((be.distribution.committed(), be.overdue), (1, 1));
    let series: Vec<(NaiveDate, u64, u64)> = dashboard
        .over_time
        .iter()
        .map(|point| (point.on, point.committed, point.implemented))
        .collect();
    assert_eq!(series.first(), Some(&(day("2026-12-31"), 0, 0)));
    assert!(series.contains(&(day("2027-12-31"), 2, 0)));
    assert!(series.contains(&(day("2028-12-31"), 2, 1)));
    assert_eq!(series.last(), Some(&(day("2029-06-30"), 2, 1)));
    assert_eq!(series.len(), 11);

    let stricter = MonitoringDashboard::compute(
        &summaries,
        &rows,
        day("2029-06-30"),
        MonitoringPolicy {
            long_outstanding_years: 2,
        },
    );
    let long: Vec<Party> = stricter
        .long_outstanding
        .iter()
        .map(|item| item.addressee)
        .collect();
    assert_eq!(long, [canton("BE")]);
}

#[test]
fn nothing_is_due_before_publication_or_after_closing() {
    let mut history = history();
    let drafted_only = project(&history[..2]);
    let summaries = [summary(&drafted_only)];
    let dashboard = MonitoringDashboard::compute(
        &summaries,
        &[],
        day("2029-06-30"),
        MonitoringPolicy::default(),
    );
    assert_eq!(dashboard.open_recommendations, 0);
    assert!(dashboard.over_time.is_empty());
    history.push((
        RecommendationEvent::Closed {
            assessment: text("Umgesetzt"),
            decided_by: None,
        },
        "2029-02-01",
    ));
    let docs = project(&history);
    let closed = summary(&docs);
    assert!(
        rows(&docs)
            .iter()
            .all(|row| due_next(&closed, row).is_none())
    );
}

#[test]
fn an_amendment_records_what_changed_and_resolving_a_flag_clears_it() {
    let history = amended_history();
    let docs = project(&history);
    let view: RecommendationView =
        get_typed(&docs, &DocKey::new(RECOMMENDATIONS, id().to_string()))
            .unwrap()
            .unwrap();
    assert_eq!(view.version, 2);
    assert_eq!(view.versions.len(), 2);
    assert_eq!(view.versions[1].changes, ["text", "addressees"]);
    assert_eq!(view.versions[0].text, "Die Kantone regeln die Fallführung.");
    assert_eq!(view.addressees.len(), 5);
    assert!(view.flags[0].resolution.is_some());
    let be = rows(&docs)
        .into_iter()
        .find(|row| row.addressee == canton("BE"))
        .unwrap();
    assert_eq!(be.open_flag, None);
    let skos = DocKey::new(
        RECOMMENDATION_ITEMS,
        item_key(&id().to_string(), Party::Partner(Partner::Skos)),
    );
    let item: AddresseeItem = get_typed(&docs, &skos).unwrap().unwrap();
    assert_eq!(item.since_version, 2);
}
