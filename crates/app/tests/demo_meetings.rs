//! The demo has the year's STG and EKG meetings: four each, the STG's last
//! joint with the EKG, agendas sent (one revised visibly), minutes with
//! decisions (some carried out on demo concerns), approvals, and the next
//! year's first meetings planned; loading twice adds nothing. The same holds
//! on the system's day and with the clock years ahead: the demo's years
//! follow the app's clock.
#![allow(
    clippy::unwrap_used,
    clippy::panic,
    reason = "test code: a failed step must fail the test"
)]

mod common;

use chrono::TimeDelta;
use common::{all, fachstelle};
use iiz_app::demo::DemoYears;
use iiz_app::tenants::seeded_body_id;
use iiz_app::{App, Clock};
use iiz_domain::TenantId;
use iiz_domain::meeting::Propagation;
use iiz_projections::{MEETINGS, MeetingStatus, MeetingView};
use iiz_store::EventStore;
use iiz_store::testing::TestDatabase;

async fn demo_meetings_show_the_year(db: TestDatabase, clock: Clock) {
    let app = App::new(db.store.clone()).with_clock(clock);
    app.prepare().await.unwrap();
    let years = DemoYears::on(clock.swiss_today());
    assert_eq!(app.demo_years(), years);
    let report = app.load_demo().await.unwrap();
    let views: Vec<MeetingView> = all(&app, MEETINGS).await;
    // And each body's last meeting of the year before, whose minutes hold the
    // decisions the demo's earlier EKG and STG steps record, and the EKG's
    // meeting that elected its chair (the demo programme's chairs).
    // Two when the chair's election falls in the EKG's last meeting of
    // that same year (the programme's period starts in January of an odd
    // year): it is then one meeting.
    let before = views.len() - report.meetings;
    assert!(
        (2..=3).contains(&before),
        "{before} meetings before the demo year"
    );
    assert_eq!(report.meetings, 10);

    let principal = fachstelle();
    let caller = app.caller(Some(&principal));
    let stg = seeded_body_id(TenantId::National, "STG");
    let ekg = seeded_body_id(TenantId::National, "EKG");
    let year = caller.meeting_year(stg, years.year).await.unwrap();
    assert_eq!(year.year.total.planned, 4);
    assert_eq!(year.year.quarters.map(|q| q.planned), [1, 1, 1, 1]);
    assert_eq!(year.year.last_joint_with, Some(ekg));
    assert!(!year.year_end_not_joint);
    assert_eq!(year.expected, Some(4));
    let year = caller.meeting_year(ekg, years.year).await.unwrap();
    assert_eq!(
        year.year.total.planned, 5,
        "four of its own and the joint one"
    );
    assert_eq!(
        caller
            .meeting_year(ekg, years.next)
            .await
            .unwrap()
            .year
            .total
            .planned,
        1
    );

    assert!(
        views
            .iter()
            .any(|view| view.sent_version == 2 && !view.revisions.is_empty())
    );
    assert!(
        views
            .iter()
            .any(|view| view.status == MeetingStatus::Approved)
    );
    assert!(
        views
            .iter()
            .any(|view| view.status == MeetingStatus::Planned)
    );
    let decisions = views
        .iter()
        .flat_map(|view| &view.items)
        .filter(|item| item.minutes.as_ref().is_some_and(|m| m.decision.is_some()))
        .count();
    let stats = caller.concern_statistics().await.unwrap();
    assert!(decisions >= 6, "{decisions} {:?}", stats.by_stage);
    let applied = views
        .iter()
        .flat_map(|view| &view.items)
        .filter(|item| item.propagation == Some(Propagation::Applied))
        .count();
    assert!(applied >= 1, "a year-end decision moved a demo concern on");
    assert!(views.iter().all(|view| !view.pending_propagation));
    // Every meeting of the demo year took place, every planned one lies
    // ahead, on the app's calendar.
    let today = clock.swiss_today();
    for view in &views {
        let day = view.slot.starts_at.date();
        assert_eq!(
            day <= today,
            view.status != MeetingStatus::Planned,
            "{} on {day}, today {today}",
            view.title
        );
    }

    let head = app.store().head().await.unwrap();
    let again = app.load_demo().await.unwrap();
    assert_eq!(again.meetings, 0);
    assert_eq!(app.store().head().await.unwrap(), head, "nothing appended");
    app.store().close().await;
}

#[tokio::test]
async fn demo_meetings_on_sqlite() {
    let db = TestDatabase::sqlite_with(iiz_app::upcasters()).await;
    demo_meetings_show_the_year(db, Clock::system()).await;
}

#[tokio::test]
async fn demo_meetings_on_postgres() {
    if let Some(db) = TestDatabase::postgres_with(iiz_app::upcasters()).await {
        demo_meetings_show_the_year(db, Clock::system()).await;
    }
}

/// Five years and a season ahead of whatever day the suite runs on: the
/// demo's story (which meetings took place, which are planned) is the same.
#[tokio::test]
async fn demo_meetings_years_ahead() {
    let db = TestDatabase::sqlite_with(iiz_app::upcasters()).await;
    let clock = Clock::shifted(TimeDelta::days(5 * 365 + 150));
    demo_meetings_show_the_year(db, clock).await;
}
