//! The GraphQL API end to end through the real server: demo logins of a
//! Zurich coordinator, a Geneva coordinator, a Fachstelle member and an STG
//! member, what each may do, and how cross-tenant attempts are refused.

use iiz_app::demo::DEMO_PASSWORD;
use iiz_tests::{As, Backend, error_code, spawn_app};
use serde_json::json;

crate::on_both_backends!(officials_work_in_their_own_tenant_and_are_refused_elsewhere);

pub(crate) const ZH: &str = "anna.beispiel@zh.demo.iiz.invalid";
const GE: &str = "luc.exemple@ge.demo.iiz.invalid";
const FACHSTELLE: &str = "petra.muster@fachstelle.demo.iiz.invalid";
const STG: &str = "marco.esempio@stg.demo.iiz.invalid";

pub(crate) const ESTABLISH: &str = "mutation($input: EstablishBodyInput!) { establishBody(input: $input) { id tenant kind active } }";

pub(crate) fn working_group(tenant: &str) -> serde_json::Value {
    json!({ "input": {
        "tenant": tenant,
        "kind": "WORKING_GROUP",
        "names": [{ "language": "DE", "text": "Arbeitsgruppe Schnittstellen" }],
        "mandate": "Klärt Zuständigkeiten zwischen RAV und IV-Stelle.",
        "activeFrom": "2026-01-01"
    }})
}

async fn officials_work_in_their_own_tenant_and_are_refused_elsewhere(backend: Backend) {
    let Some(app) = spawn_app(backend, true).await.unwrap() else {
        return;
    };
    let zh = app.sign_in(ZH, DEMO_PASSWORD).await.unwrap();
    let ge = app.sign_in(GE, DEMO_PASSWORD).await.unwrap();
    let fachstelle = app.sign_in(FACHSTELLE, DEMO_PASSWORD).await.unwrap();
    let stg = app.sign_in(STG, DEMO_PASSWORD).await.unwrap();

    // The structure is public to everyone signed in.
    let (_, body) = app
        .graphql(
            As::Session(&ge),
            "{ tenants(first: 100) { edges { node { id national } } } }",
            json!({}),
        )
        .await
        .unwrap();
    assert_eq!(
        body["data"]["tenants"]["edges"].as_array().unwrap().len(),
        27
    );
    assert_eq!(body["data"]["tenants"]["edges"][0]["node"]["id"], "CH");

    // Zurich's coordinator establishes a body in Zurich …
    let (_, created) = app
        .graphql(As::Session(&zh), ESTABLISH, working_group("ZH"))
        .await
        .unwrap();
    assert_eq!(
        created["data"]["establishBody"]["tenant"], "ZH",
        "{created}"
    );
    let body_id = created["data"]["establishBody"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    // … but not in Geneva, nor nationally.
    let (_, refused) = app
        .graphql(As::Session(&zh), ESTABLISH, working_group("GE"))
        .await
        .unwrap();
    assert_eq!(error_code(&refused), Some("FORBIDDEN"), "{refused}");
    let (_, refused) = app
        .graphql(As::Session(&zh), ESTABLISH, working_group("CH"))
        .await
        .unwrap();
    assert_eq!(error_code(&refused), Some("FORBIDDEN"));
    // Geneva sees Zurich's new body but may not change it.
    let rename = "mutation($id: ID!) { renameBody(id: $id, names: [{ language: DE, text: \"Umbenannt\" }]) { id } }";
    let (_, refused) = app
        .graphql(As::Session(&ge), rename, json!({ "id": body_id }))
        .await
        .unwrap();
    assert_eq!(error_code(&refused), Some("FORBIDDEN"));
    let (_, renamed) = app
        .graphql(As::Session(&zh), rename, json!({ "id": body_id }))
        .await
        .unwrap();
    assert_eq!(
        renamed["data"]["renameBody"]["id"],
        body_id.as_str(),
        "{renamed}"
    );

    // People are personal data: Geneva's people do not exist for Zurich.
    let people = "query($tenant: ID!) { people(tenant: $tenant) { edges { node { name email roles { tenant role } } } } }";
    let (_, hidden) = app
        .graphql(As::Session(&zh), people, json!({ "tenant": "GE" }))
        .await
        .unwrap();
    assert_eq!(error_code(&hidden), Some("NOT_FOUND"));
    let (_, own) = app
        .graphql(As::Session(&zh), people, json!({ "tenant": "ZH" }))
        .await
        .unwrap();
    assert_eq!(own["data"]["people"]["edges"][0]["node"]["email"], ZH);
    // The Fachstelle aggregates all cantons: it sees who they are, but
    // their e-mail addresses and roles only their own admins do.
    let (_, all) = app
        .graphql(As::Session(&fachstelle), people, json!({ "tenant": "GE" }))
        .await
        .unwrap();
    let luc = &all["data"]["people"]["edges"][0]["node"];
    assert_eq!(luc["name"], "Luc Exemple", "{all}");
    assert!(luc["email"].is_null(), "{all}");
    assert_eq!(luc["roles"], json!([]), "{all}");

    // The STG member sees who sits in the STG and who chairs it …
    let stg_id = app
        .graphql(
            As::Session(&stg),
            "{ bodies(tenant: \"CH\", kind: STEERING) { edges { node { id } } } }",
            json!({}),
        )
        .await
        .unwrap()
        .1["data"]["bodies"]["edges"][0]["node"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let members = "query($body: ID!, $on: NaiveDate) { bodyMembers(body: $body, on: $on) { person role institution votes } }";
    let (_, seats) = app
        .graphql(
            As::Session(&stg),
            members,
            json!({ "body": stg_id, "on": "2025-06-01" }),
        )
        .await
        .unwrap();
    let seats = seats["data"]["bodyMembers"].as_array().unwrap().clone();
    assert!(
        seats
            .iter()
            .any(|seat| seat["role"] == "CHAIR" && seat["institution"] == "BSV")
    );
    // … but does not run the national bodies: the Fachstelle does.
    let (_, refused) = app
        .graphql(As::Session(&stg), ESTABLISH, working_group("CH"))
        .await
        .unwrap();
    assert_eq!(error_code(&refused), Some("FORBIDDEN"));
    let (_, created) = app
        .graphql(As::Session(&fachstelle), ESTABLISH, working_group("CH"))
        .await
        .unwrap();
    assert_eq!(
        created["data"]["establishBody"]["tenant"], "CH",
        "{created}"
    );

    // Chair changes are events: who chaired the STG on a given day stays known.
    let (_, me) = app
        .graphql(As::Session(&stg), "{ me { id } }", json!({}))
        .await
        .unwrap();
    let me = me["data"]["me"]["id"]
        .as_str()
        .unwrap_or_else(|| panic!("{me}"))
        .to_owned();
    let hand_over = "mutation($body: ID!, $to: ID!) { handOverChair(body: $body, to: $to, on: \"2026-01-01\") { person role } }";
    let (_, handed) = app
        .graphql(
            As::Session(&fachstelle),
            hand_over,
            json!({ "body": stg_id, "to": me }),
        )
        .await
        .unwrap();
    assert!(
        handed["data"]["handOverChair"]
            .as_array()
            .unwrap()
            .iter()
            .any(|seat| seat["person"] == me.as_str() && seat["role"] == "CHAIR"),
        "{handed}"
    );
    let chair_on = |day: &'static str| {
        let app = &app;
        let stg = &stg;
        let stg_id = stg_id.clone();
        async move {
            let (_, seats) = app
                .graphql(
                    As::Session(stg),
                    members,
                    json!({ "body": stg_id, "on": day }),
                )
                .await
                .unwrap();
            seats["data"]["bodyMembers"]
                .as_array()
                .unwrap()
                .iter()
                .find(|seat| seat["role"] == "CHAIR")
                .map(|seat| seat["person"].as_str().unwrap().to_owned())
        }
    };
    assert_ne!(chair_on("2025-06-01").await.as_deref(), Some(me.as_str()));
    assert_eq!(chair_on("2026-02-01").await.as_deref(), Some(me.as_str()));

    // Regional networks: the cantons run them, the Fachstelle is informed
    // and refused with the concept's rule; a coordinator acts for their own
    // canton only; a canton is in one network only; the delegate takes a
    // seat in the national EKG. (Several cantons agreeing: the networks
    // scenario.)
    let propose = "mutation($canton: ID!, $cantons: [ID!]!) { proposeNetwork(canton: $canton, names: [{ language: DE, text: \"Ostschweiz\" }], cantons: $cantons) { id cantons status } }";
    let (_, refused) = app
        .graphql(
            As::Session(&fachstelle),
            propose,
            json!({ "canton": "ZH", "cantons": ["ZH"] }),
        )
        .await
        .unwrap();
    assert_eq!(
        refused["errors"][0]["extensions"]["rule"], "networks-by-cantons",
        "{refused}"
    );
    let (_, refused) = app
        .graphql(
            As::Session(&zh),
            propose,
            json!({ "canton": "SH", "cantons": ["SH"] }),
        )
        .await
        .unwrap();
    assert_eq!(error_code(&refused), Some("FORBIDDEN"), "{refused}");
    let (_, formed) = app
        .graphql(
            As::Session(&zh),
            propose,
            json!({ "canton": "ZH", "cantons": ["ZH"] }),
        )
        .await
        .unwrap();
    assert_eq!(
        formed["data"]["proposeNetwork"]["status"], "FORMED",
        "{formed}"
    );
    let network = formed["data"]["proposeNetwork"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let (_, taken) = app
        .graphql(
            As::Session(&zh),
            propose,
            json!({ "canton": "ZH", "cantons": ["ZH"] }),
        )
        .await
        .unwrap();
    assert_eq!(error_code(&taken), Some("CONFLICT"), "{taken}");
    let anna = app
        .graphql(As::Session(&zh), "{ me { id } }", json!({}))
        .await
        .unwrap()
        .1["data"]["me"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let delegate = "mutation($network: ID!, $person: ID!) { proposeNetworkCoordinator(network: $network, canton: \"ZH\", person: $person, from: \"2026-03-01\") { coordinator ekgSeat seatPending } }";
    let (_, delegated) = app
        .graphql(
            As::Session(&zh),
            delegate,
            json!({ "network": network, "person": anna }),
        )
        .await
        .unwrap();
    let delegated = &delegated["data"]["proposeNetworkCoordinator"];
    assert_eq!(delegated["coordinator"], anna.as_str(), "{delegated}");
    assert_eq!(delegated["ekgSeat"], anna.as_str(), "{delegated}");
    assert_eq!(delegated["seatPending"], false, "{delegated}");
    let ekg_id = app
        .graphql(
            As::Session(&stg),
            "{ bodies(tenant: \"CH\", kind: EXPERT_COORDINATION) { edges { node { id } } } }",
            json!({}),
        )
        .await
        .unwrap()
        .1["data"]["bodies"]["edges"][0]["node"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let (_, ekg) = app
        .graphql(
            As::Session(&stg),
            "query($body: ID!) { bodyMembers(body: $body) { person institution } }",
            json!({ "body": ekg_id }),
        )
        .await
        .unwrap();
    assert!(
        ekg["data"]["bodyMembers"]
            .as_array()
            .unwrap()
            .iter()
            .any(|seat| seat["person"] == anna.as_str() && seat["institution"] == "Ostschweiz"),
        "{ekg}"
    );

    // Bad input is a typed error and changes nothing.
    let (_, invalid) = app
        .graphql(As::Session(&zh), ESTABLISH, working_group("XX"))
        .await
        .unwrap();
    assert_eq!(error_code(&invalid), Some("VALIDATION"), "{invalid}");
}
