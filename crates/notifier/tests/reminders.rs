//! Reminders over the demo's recommendations on fixed days: who is
//! reminded of what, in their language, the Fachstelle once an answer is
//! more than 30 days late, and every reminder once however often the
//! scheduler scans.
#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    clippy::panic,
    reason = "test code: a failed step must fail the test"
)]

#[path = "rules/demo.rs"]
mod demo;

use std::time::Duration;

use chrono::{DateTime, Utc};
use demo::Demo;
use iiz_notifier::reminders::{Reminders, run};
use iiz_store::InboxItem;

/// A time during the day in Zurich.
fn on(day: &str) -> DateTime<Utc> {
    format!("{day}T10:00:00Z").parse().expect("day")
}

/// The reminders about one recommendation in a person's inbox.
async fn reminders(demo: &Demo, who: &str, recommendation: &str) -> Vec<InboxItem> {
    demo.inbox(who)
        .await
        .into_iter()
        .filter(|item| {
            matches!(item.kind.as_str(), "due_reminder" | "overdue_escalation")
                && item.subject_id == recommendation
        })
        .collect()
}

const DATA_EXCHANGE: &str =
    "Standardisierte Einwilligung für den Datenaustausch zwischen Sozialdiensten und RAV";

#[tokio::test]
async fn answers_due_in_30_and_7_days_are_reminded_once_each() {
    let demo = Demo::load().await;
    let scheduler = Reminders::new(demo.app.clone(), &demo.settings).expect("reminders");
    let recommendation = demo.recommendation(DATA_EXCHANGE);
    // Published to SECO, SODK, SKOS, ZH, BE, SO, GE, VD; the answer is due
    // on 31 March 2027; ZH, GE and the SKOS have answered.
    let changed = scheduler.scan(on("2027-03-10")).await.expect("scan");
    for who in ["hans", "urs", "claire"] {
        assert!(changed.contains(&demo.person(who).id.to_string()), "{who}");
        let items = reminders(&demo, who, &recommendation).await;
        assert_eq!(items.len(), 1, "{who}");
        assert_eq!(items[0].kind, "due_reminder");
        assert_eq!(items[0].link, format!("/recommendations/{recommendation}"));
    }
    for who in ["anna", "luc", "nicole", "petra"] {
        assert!(
            reminders(&demo, who, &recommendation).await.is_empty(),
            "{who}"
        );
    }
    let hans = &reminders(&demo, "hans", &recommendation).await[0];
    assert_eq!(
        hans.title,
        format!("Fällig am 31.03.2027: Antwort zu «{DATA_EXCHANGE}»")
    );
    assert!(
        hans.body
            .ends_with("ist am 31.03.2027 fällig, in 21 Tagen."),
        "{}",
        hans.body
    );
    let claire = &reminders(&demo, "claire", &recommendation).await[0];
    assert!(
        claire
            .title
            .starts_with("Échéance le 31.03.2027 : réponse sur « Consentement standardisé"),
        "{}",
        claire.title
    );

    // Scanning again, the same day or later within the same threshold,
    // reminds nobody again.
    assert!(
        scheduler
            .scan(on("2027-03-10"))
            .await
            .expect("scan")
            .is_empty()
    );
    scheduler.scan(on("2027-03-20")).await.expect("scan");
    assert_eq!(reminders(&demo, "hans", &recommendation).await.len(), 1);

    // Seven days before, the second reminder.
    scheduler.scan(on("2027-03-25")).await.expect("scan");
    scheduler.scan(on("2027-03-26")).await.expect("scan");
    let items = reminders(&demo, "hans", &recommendation).await;
    assert_eq!(items.len(), 2);
    assert!(
        items[0].body.ends_with("fällig, in 6 Tagen."),
        "{}",
        items[0].body
    );
}

#[tokio::test]
async fn an_answer_late_by_more_than_30_days_reaches_the_fachstelle_as_well() {
    let demo = Demo::load().await;
    let scheduler = Reminders::new(demo.app.clone(), &demo.settings).expect("reminders");
    let recommendation = demo.recommendation(DATA_EXCHANGE);
    scheduler.scan(on("2027-04-10")).await.expect("scan");
    let overdue = reminders(&demo, "urs", &recommendation).await;
    assert_eq!(overdue.len(), 1);
    assert!(
        overdue[0].title.starts_with("Überfällig: Antwort zu"),
        "{}",
        overdue[0].title
    );
    assert!(reminders(&demo, "petra", &recommendation).await.is_empty());

    scheduler.scan(on("2027-05-15")).await.expect("scan");
    scheduler.scan(on("2027-05-16")).await.expect("scan");
    assert_eq!(reminders(&demo, "urs", &recommendation).await.len(), 2);
    // One escalation per late addressee: SECO, SODK, BE, SO and VD, the
    // federal office and the SODK although nobody speaks for them here.
    let escalations = reminders(&demo, "petra", &recommendation).await;
    assert_eq!(escalations.len(), 5);
    assert!(
        escalations
            .iter()
            .all(|item| item.kind == "overdue_escalation")
    );
    let titles: Vec<&str> = escalations.iter().map(|item| item.title.as_str()).collect();
    assert!(
        titles
            .iter()
            .any(|title| title.starts_with("Seit 45 Tagen überfällig: SECO – ")),
        "{titles:#?}"
    );
}

#[tokio::test]
async fn the_scheduler_stops_when_asked() {
    let demo = Demo::load().await;
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let bus = iiz_notifier::bus::Bus::connect(&demo.app, None)
        .await
        .unwrap();
    let scheduler = tokio::spawn(run(demo.app.clone(), bus, demo.settings.clone(), async {
        stopped.await.ok();
    }));
    tokio::time::sleep(Duration::from_millis(500)).await;
    stop.send(()).expect("running");
    let outcome = tokio::time::timeout(Duration::from_secs(5), scheduler)
        .await
        .expect("stops promptly")
        .expect("no panic");
    assert!(outcome.is_ok(), "{outcome:?}");
}
