//! How each person hears: their preference per kind, and the same on
//! PostgreSQL as on SQLite.

use std::collections::BTreeSet;

use iiz_app::outbound::NotificationKind;
use iiz_store::Preference;

use crate::demo::{Demo, names};

#[tokio::test]
async fn preferences_decide_between_an_email_now_in_the_digest_or_none() {
    let demo = Demo::load().await;
    let kind = NotificationKind::ConcernTriaged.as_str();
    let store = demo.app.store();
    let anna = demo.person("anna").id.to_string();
    let hans = demo.person("hans").id.to_string();
    store
        .set_preference(&anna, kind, Preference::Off)
        .await
        .unwrap();
    store
        .set_preference(&hans, kind, Preference::DailyDigest)
        .await
        .unwrap();
    let concern = demo.concern("Ausgesteuerte zwischen RAV und Sozialhilfe");
    let accepted = demo.event("concern", &concern, "Accepted");
    demo.handle(&accepted).await;
    assert_eq!(
        demo.heard(accepted.id).await.len(),
        4,
        "the inbox always receives"
    );
    let emails = demo.pending_emails().await;
    let to: BTreeSet<&str> = emails.iter().map(|email| email.to.as_str()).collect();
    assert_eq!(
        to,
        BTreeSet::from([
            "luc.exemple@ge.demo.iiz.invalid",
            "nicole.gabarit@skos.demo.iiz.invalid"
        ])
    );
    let held = store.held_emails(&hans).await.unwrap();
    assert_eq!(held.len(), 1);
    assert!(
        held[0]
            .subject
            .contains("hat «Ausgesteuerte zwischen RAV und Sozialhilfe» angenommen")
    );
    assert!(store.held_emails(&anna).await.unwrap().is_empty());
}

#[tokio::test]
async fn postgres_notifies_as_sqlite_does() {
    let Some(demo) = Demo::load_postgres().await else {
        return;
    };
    let concern = demo.concern("Ausgesteuerte zwischen RAV und Sozialhilfe");
    let accepted = demo.event("concern", &concern, "Accepted");
    let changed = demo.handle(&accepted).await;
    assert_eq!(names(&demo, &changed), ["anna", "hans", "luc", "nicole"]);
    assert!(demo.handle(&accepted).await.is_empty());
    let heard = demo.heard(accepted.id).await;
    assert!(heard["luc"].title.starts_with("Demande acceptée : "));
    assert_eq!(demo.pending_emails().await.len(), 4);
}
