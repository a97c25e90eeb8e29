//! The Fachstelle takes no step in the networks. The EKG seat of a
//! network's delegate: a delegation recorded before a
//! crash (the seat not yet in place) is completed by the resume step
//! exactly once; a replaced delegate's seat ends.
#![allow(
    clippy::unwrap_used,
    clippy::panic,
    reason = "test code: a failed step must fail the test"
)]

mod common;

use common::{all, fachstelle};

use chrono::NaiveDate;
use iiz_app::networks::network_registry_stream;
use iiz_app::people::NewPerson;
use iiz_app::tenants::seeded_body_id;
use iiz_app::{App, CantonCatalog};
use iiz_domain::text::LocalizedName;
use iiz_domain::{
    CantonCode, Email, Language, NetworkCommand, NetworkId, NetworkRegistry, PersonId, PersonName,
    TenantId,
};
use iiz_projections::{BODY_MEMBERS, BodyMembersView, NETWORKS, NetworkView};
use iiz_store::EventMetadata;
use iiz_store::testing::TestDatabase;

fn day(value: &str) -> NaiveDate {
    value.parse().unwrap()
}

async fn person(app: &App, name: &str) -> PersonId {
    let id = PersonId::new();
    let new = NewPerson {
        id,
        home: TenantId::Canton(CantonCode::parse("BE").unwrap()),
        name: PersonName::parse(name).unwrap(),
        email: Email::parse(&format!("{}@be.test.invalid", name.to_lowercase())).unwrap(),
        language: Language::De,
    };
    app.register_person(new, "system:test").await.unwrap();
    id
}

async fn repair(app: &App, command: NetworkCommand) {
    app.execute::<NetworkRegistry>(
        network_registry_stream(),
        command,
        EventMetadata::new("system:test"),
    )
    .await
    .unwrap();
}

async fn seats_of(app: &App, person: PersonId) -> Vec<(NaiveDate, Option<NaiveDate>)> {
    let ekg = seeded_body_id(TenantId::National, "EKG");
    let members = all::<BodyMembersView>(app, BODY_MEMBERS)
        .await
        .into_iter()
        .find(|members| members.body == ekg)
        .unwrap();
    members
        .seats
        .iter()
        .filter(|seat| seat.person == person)
        .map(|seat| (seat.from, seat.to))
        .collect()
}

async fn network(app: &App, id: NetworkId) -> NetworkView {
    all::<NetworkView>(app, NETWORKS)
        .await
        .into_iter()
        .find(|view| view.id == id)
        .unwrap()
}

async fn a_pending_seat_is_completed_once(db: TestDatabase) {
    let app = App::new(db.store.clone());
    app.prepare().await.unwrap();
    let catalog = CantonCatalog::embedded().unwrap();
    app.bootstrap_tenants(&catalog, "system:test")
        .await
        .unwrap();
    app.seed_national_bodies("system:test").await.unwrap();
    // The Fachstelle is informed, not in charge: it proposes no network.
    let office = fachstelle();
    let proposal = NetworkCommand::Propose {
        id: NetworkId::new(),
        names: LocalizedName::parse([(Language::De, "Fachstellen-Netz".to_owned())]).unwrap(),
        cantons: vec![CantonCode::parse("BE").unwrap()],
        by: CantonCode::parse("BE").unwrap(),
    };
    let refused = app.caller(Some(&office)).network_command(proposal).await;
    assert_eq!(
        refused.err().and_then(|error| error.rule()),
        Some(iiz_domain::ConceptRule::NetworksByCantons)
    );
    let anna = person(&app, "Anna").await;
    let bruno = person(&app, "Bruno").await;
    let id = NetworkId::new();
    let names = LocalizedName::parse([(Language::De, "Jura-Bern".to_owned())]).unwrap();
    let cantons = vec![
        CantonCode::parse("BE").unwrap(),
        CantonCode::parse("JU").unwrap(),
    ];
    repair(&app, NetworkCommand::Form { id, names, cantons }).await;
    // The delegation is recorded, then the platform stops before the seat.
    let delegate = |person, from| NetworkCommand::DelegateCoordinator { id, person, from };
    repair(&app, delegate(anna, day("2026-01-01"))).await;
    let view = network(&app, id).await;
    assert!(view.seat_pending);
    assert!(seats_of(&app, anna).await.is_empty());
    assert_eq!(app.resume_network_seats().await.unwrap(), 1);
    assert_eq!(app.resume_network_seats().await.unwrap(), 0);
    assert_eq!(seats_of(&app, anna).await, [(day("2026-01-01"), None)]);
    let view = network(&app, id).await;
    assert!(!view.seat_pending);
    assert_eq!(view.ekg_seat, Some(anna));

    // A replacement ends the former delegate's seat the day the new one's
    // begins.
    repair(&app, delegate(bruno, day("2027-01-01"))).await;
    assert_eq!(app.resume_network_seats().await.unwrap(), 1);
    assert_eq!(
        seats_of(&app, anna).await,
        [(day("2026-01-01"), Some(day("2027-01-01")))]
    );
    assert_eq!(seats_of(&app, bruno).await, [(day("2027-01-01"), None)]);
    app.store().close().await;
}

#[tokio::test]
async fn a_pending_seat_is_completed_once_on_sqlite() {
    a_pending_seat_is_completed_once(TestDatabase::sqlite_with(iiz_app::upcasters()).await).await;
}

#[tokio::test]
async fn a_pending_seat_is_completed_once_on_postgres() {
    if let Some(db) = TestDatabase::postgres_with(iiz_app::upcasters()).await {
        a_pending_seat_is_completed_once(db).await;
    }
}
