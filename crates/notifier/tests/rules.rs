//! Each rule of "who hears what" against the demo data on SQLite: the
//! demo's own events are handed to the handler as the consumer would, and
//! the inboxes of the demo people show who heard, in which language.
#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    clippy::panic,
    reason = "test code: a failed step must fail the test"
)]

#[path = "rules/delivery.rs"]
mod delivery;
#[path = "rules/demo.rs"]
mod demo;

use std::collections::BTreeSet;

use demo::{Demo, names};
use iiz_domain::{PersonCommand, TenantId, TenantRole};

#[tokio::test]
async fn a_concern_submitted_nationally_reaches_the_fachstelle() {
    let demo = Demo::load().await;
    let concern = demo.concern("Ausgesteuerte zwischen RAV und Sozialhilfe");
    let submitted = demo.event("concern", &concern, "Submitted");
    let changed = demo.handle(&submitted).await;
    assert_eq!(names(&demo, &changed), ["petra"]);
    let heard = demo.heard(submitted.id).await;
    let petra = &heard["petra"];
    assert_eq!(petra.kind, "concern_submitted");
    assert_eq!(
        petra.title,
        "Neues Anliegen: Ausgesteuerte zwischen RAV und Sozialhilfe"
    );
    assert_eq!(petra.link, format!("/concerns/{concern}"));
    assert!(
        petra.body.starts_with("ZH hat das Anliegen"),
        "{}",
        petra.body
    );
}

#[tokio::test]
async fn triage_reaches_every_submitting_and_endorsing_party_in_their_language_once() {
    let demo = Demo::load().await;
    let concern = demo.concern("Ausgesteuerte zwischen RAV und Sozialhilfe");
    let accepted = demo.event("concern", &concern, "Accepted");
    assert_eq!(demo.actor(&accepted), "petra");
    demo.handle(&accepted).await;
    let heard = demo.heard(accepted.id).await;
    // Submitted by ZH and, through the merge, GE; endorsed by BE and the
    // SKOS, whose delegate in the EKG speaks for it.
    assert_eq!(
        heard.keys().map(String::as_str).collect::<Vec<_>>(),
        ["anna", "hans", "luc", "nicole"]
    );
    assert!(heard.values().all(|item| item.kind == "concern_triaged"));
    assert!(heard["anna"].title.starts_with("Anliegen angenommen: "));
    assert!(heard["luc"].title.starts_with("Demande acceptée : "));
    assert!(heard["luc"].body.contains("Bureau national CII"));

    // A redelivered event adds nothing.
    assert!(demo.handle(&accepted).await.is_empty());
    assert_eq!(demo.heard(accepted.id).await.len(), 4);
    assert_eq!(demo.inbox("anna").await.len(), 1);
}

#[tokio::test]
async fn the_actor_never_hears_of_their_own_step() {
    let demo = Demo::load().await;
    let concern = demo.concern("Ausgesteuerte zwischen RAV und Sozialhilfe");
    let mut accepted = demo.event("concern", &concern, "Accepted");
    accepted.actor = format!("person:{}", demo.person("anna").id);
    demo.handle(&accepted).await;
    let heard: BTreeSet<String> = demo.heard(accepted.id).await.into_keys().collect();
    assert_eq!(
        heard,
        BTreeSet::from(["hans", "luc", "nicole"].map(String::from))
    );
}

#[tokio::test]
async fn a_merged_concern_tells_its_parties_where_it_went() {
    let demo = Demo::load().await;
    let merged = demo.concern("Chômeurs en fin de droits entre ORP et aide sociale");
    let event = demo.event("concern", &merged, "MergedInto");
    demo.handle(&event).await;
    let heard = demo.heard(event.id).await;
    assert_eq!(heard.keys().collect::<Vec<_>>(), ["luc"]);
    assert_eq!(
        heard["luc"].body,
        "Le Bureau national CII a regroupé la demande « Chômeurs en fin de droits entre ORP et \
         aide sociale » avec la demande similaire « Ausgesteuerte zwischen RAV und Sozialhilfe », \
         où elle sera traitée."
    );
}

#[tokio::test]
async fn the_ekg_outcome_and_the_stg_decision_reach_a_conference_through_its_delegate() {
    let demo = Demo::load().await;
    let concern =
        demo.concern("Zwischenverdienst: Anrechnung in Sozialhilfe und Arbeitslosenversicherung");
    for (event_type, kind, outcome) in [
        (
            "Examined",
            "concern_examined",
            "Antrag an das STG (Empfehlung)",
        ),
        ("Decided", "concern_decided", "Empfehlung"),
    ] {
        let event = demo.event("concern", &concern, event_type);
        demo.handle(&event).await;
        let heard = demo.heard(event.id).await;
        let expected: Vec<&str> = ["nicole"]
            .into_iter()
            .filter(|who| *who != demo.actor(&event))
            .collect();
        assert_eq!(heard.keys().collect::<Vec<_>>(), expected, "{event_type}");
        for item in heard.values() {
            assert_eq!(item.kind, kind);
            assert!(
                item.body.ends_with(&format!("Ergebnis: {outcome}.")),
                "{}",
                item.body
            );
        }
    }
}

#[tokio::test]
async fn a_published_recommendation_reaches_each_addressee_before_the_concerns_parties() {
    let demo = Demo::load().await;
    let recommendation = demo.recommendation(
        "Standardisierte Einwilligung für den Datenaustausch zwischen Sozialdiensten und RAV",
    );
    let published = demo.event("recommendation", &recommendation, "Published");
    demo.handle(&published).await;
    let heard = demo.heard(published.id).await;
    // SECO, SODK, SKOS, ZH, BE, SO, GE, VD: the federal office and the
    // SODK have no delegate in the demo's STG and EKG.
    assert_eq!(
        heard.keys().map(String::as_str).collect::<Vec<_>>(),
        ["anna", "claire", "hans", "luc", "nicole", "urs"]
    );
    // Zurich submitted the concern of its basis too, and hears it once,
    // as an addressee.
    assert!(
        heard
            .values()
            .all(|item| item.kind == "recommendation_published")
    );
    assert_eq!(
        heard["luc"].title,
        "Nouvelle recommandation : Consentement standardisé pour l'échange de données entre \
         services sociaux et ORP"
    );
    assert!(
        heard["anna"].body.contains(" an ZH "),
        "{}",
        heard["anna"].body
    );
    assert!(
        heard["anna"].body.ends_with("fällig am 31.03.2027."),
        "{}",
        heard["anna"].body
    );
    assert_eq!(
        heard["anna"].link,
        format!("/recommendations/{recommendation}")
    );
}

#[tokio::test]
async fn the_concerns_parties_hear_what_their_concern_led_to() {
    let demo = Demo::load().await;
    let recommendation = demo.recommendation("Abgestimmte Anrechnung von Zwischenverdiensten");
    let adopted = demo.event("recommendation", &recommendation, "Adopted");
    demo.handle(&adopted).await;
    let heard = demo.heard(adopted.id).await;
    // Its basis is the SKOS's concern.
    assert_eq!(heard.keys().collect::<Vec<_>>(), ["nicole"]);
    assert_eq!(heard["nicole"].kind, "concern_outcome");
    assert_eq!(
        heard["nicole"].title,
        "Empfehlung verabschiedet: Abgestimmte Anrechnung von Zwischenverdiensten"
    );
}

#[tokio::test]
async fn the_concerns_parties_hear_when_their_own_canton_answers() {
    let demo = Demo::load().await;
    // A second coordinator of Zurich, beside Anna who answers.
    let reto = demo.person("reto").id;
    let admin = demo
        .app
        .principal_of(demo.person("sofia").id, None)
        .await
        .unwrap();
    demo.app
        .caller(admin.as_ref())
        .person_command(
            reto,
            PersonCommand::GrantTenantRole {
                tenant: TenantId::parse("ZH").unwrap(),
                role: TenantRole::Coordinator,
            },
        )
        .await
        .unwrap();
    let recommendation = demo.recommendation(
        "Standardisierte Einwilligung für den Datenaustausch zwischen Sozialdiensten und RAV",
    );
    let answers = demo.events("recommendation", &recommendation, "Answered");
    let by = |code: &str| {
        answers
            .iter()
            .find(|event| event.data["addressee"]["code"] == code)
            .cloned()
            .unwrap()
    };
    let zurich = by("ZH");
    assert_eq!(demo.actor(&zurich), "anna");
    demo.handle(&zurich).await;
    let heard = demo.heard(zurich.id).await;
    assert_eq!(heard.keys().collect::<Vec<_>>(), ["reto"]);
    assert_eq!(heard["reto"].kind, "concern_outcome");
    assert!(heard["reto"].body.starts_with("ZH hat auf die Empfehlung"));
    assert!(
        heard["reto"].body.ends_with(": angenommen."),
        "{}",
        heard["reto"].body
    );
    // The SKOS is an addressee but not a party of the basis.
    let skos = by("SKOS");
    demo.handle(&skos).await;
    assert!(demo.heard(skos.id).await.is_empty());
}

#[tokio::test]
async fn an_agenda_reaches_the_bodys_members_with_an_invitation_and_approved_minutes_without() {
    let demo = Demo::load().await;
    let meeting = demo.meeting("EKG-Sitzung 2/2026");
    let sent = demo.event("meeting", &meeting, "AgendaSent");
    demo.handle(&sent).await;
    let heard = demo.heard(sent.id).await;
    // The EKG: the IVSK's and the SKOS's delegates and the coordinator of
    // the network Espace Mittelland, who sits in it for the network.
    assert_eq!(
        heard.keys().collect::<Vec<_>>(),
        ["jonas", "martin", "nicole"]
    );
    assert_eq!(heard["jonas"].kind, "agenda");
    assert!(
        heard["jonas"]
            .title
            .starts_with("Traktandenliste: EKG-Sitzung 2/2026")
    );
    let emails = demo.pending_emails().await;
    let invitation = emails
        .iter()
        .find(|email| email.to == demo.person("jonas").email)
        .and_then(|email| email.calendar.clone())
        .expect("an invitation")
        // Unfolded: long lines are folded at 75 octets.
        .replace("\r\n ", "");
    assert!(invitation.contains("METHOD:REQUEST"), "{invitation}");
    assert!(invitation.contains(&format!("UID:meeting-{meeting}@iiz.platform")));
    assert!(
        invitation.contains(
            "ATTENDEE;PARTSTAT=NEEDS-ACTION;ROLE=REQ-PARTICIPANT;RSVP=FALSE:\
             mailto:jonas.platzhalter@ekg.demo.iiz.invalid"
        ),
        "{invitation}"
    );
    assert!(invitation.contains("ORGANIZER:mailto:noreply@iiz.localhost"));
    assert!(invitation.contains("SEQUENCE:"));

    let approved = demo.event("meeting", &meeting, "MinutesApproved");
    demo.handle(&approved).await;
    let heard = demo.heard(approved.id).await;
    assert_eq!(
        heard.keys().collect::<Vec<_>>(),
        ["jonas", "martin", "nicole"]
    );
    assert_eq!(heard["nicole"].kind, "minutes_approved");
    let emails = demo.pending_emails().await;
    assert!(emails.iter().all(|email| email.calendar.is_none()));
}

#[tokio::test]
async fn a_return_and_an_answer_reach_the_concerns_parties() {
    let demo = Demo::load().await;
    let returned = demo.concern("Anerkennung ausländischer Diplome bei vorläufig Aufgenommenen");
    let event = demo.event("concern", &returned, "Returned");
    demo.handle(&event).await;
    let heard = demo.heard(event.id).await;
    assert_eq!(heard.keys().collect::<Vec<_>>(), ["hans"]);
    assert!(
        heard["hans"]
            .body
            .ends_with("zurückgegeben. Grund: weitere Angaben nötig."),
        "{}",
        heard["hans"].body
    );

    let answered = demo.concern("Doppelte Abklärungen IV und RAV");
    let event = demo.event("concern", &answered, "Answered");
    demo.handle(&event).await;
    let heard = demo.heard(event.id).await;
    // Submitted by Zurich, endorsed by the IVSK through its EKG delegate.
    assert_eq!(heard.keys().collect::<Vec<_>>(), ["anna", "jonas"]);
    assert!(heard.values().all(|item| item.kind == "concern_answered"));
}

#[tokio::test]
async fn an_amendment_reaches_old_and_new_addressees_and_an_agenda_item_the_body() {
    let demo = Demo::load().await;
    let recommendation =
        demo.recommendation("Frühzeitige Meldung von Jugendlichen ohne Anschlusslösung");
    let amended = demo.event("recommendation", &recommendation, "Amended");
    demo.handle(&amended).await;
    let heard = demo.heard(amended.id).await;
    // ZH, BE, SO and the SBBK (no delegate), and GE and VD added by version 2.
    assert_eq!(
        heard.keys().map(String::as_str).collect::<Vec<_>>(),
        ["anna", "claire", "hans", "luc", "urs"]
    );
    assert_eq!(
        heard["claire"].title,
        "Recommandation modifiée : Signalement précoce des jeunes sans solution de formation"
    );
    assert!(
        heard["hans"].body.contains("(Version 2)"),
        "{}",
        heard["hans"].body
    );

    let meeting = demo.meeting("EKG-Sitzung 2/2026");
    let item = demo
        .events("meeting", &meeting, "ItemAdded")
        .into_iter()
        .find(|event| event.data["item"]["subject"]["kind"] == "concern")
        .expect("an item on a concern");
    demo.handle(&item).await;
    let heard = demo.heard(item.id).await;
    assert_eq!(
        heard.keys().collect::<Vec<_>>(),
        ["jonas", "martin", "nicole"]
    );
    assert_eq!(
        heard["jonas"].title,
        format!(
            "Traktandiert: {}",
            item.data["item"]["title"].as_str().unwrap()
        )
    );
    let free = demo
        .events("meeting", &meeting, "ItemAdded")
        .into_iter()
        .find(|event| event.data["item"]["subject"]["kind"] == "free")
        .expect("a free item");
    assert!(demo.handle(&free).await.is_empty());
}
