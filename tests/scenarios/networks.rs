//! Networks by the cantons (IIZ 3.0, chapter 5, point 3), end to end
//! through the real server: Geneva, Vaud and Zurich form a network by their
//! coordinators' agreement, delegate Vaud's coordinator, who then sits in
//! the national EKG for the network; when the cantons all left, the seat
//! ends. The Fachstelle takes no step.

use iiz_app::demo::DEMO_PASSWORD;
use iiz_app::tenants::seeded_body_id;
use iiz_domain::TenantId;
use iiz_tests::{Backend, Session, TestApp, spawn_app};
use serde_json::{Value, json};

use crate::requests::{ok, refused, refused_code};

crate::on_both_backends!(three_cantons_form_a_network_whose_delegate_sits_in_the_ekg);

const ANNA_ZH: &str = "anna.beispiel@zh.demo.iiz.invalid";
const LUC_GE: &str = "luc.exemple@ge.demo.iiz.invalid";
const CLAIRE_VD: &str = "claire.modele@vd.demo.iiz.invalid";
const HANS_BE: &str = "hans.probe@be.demo.iiz.invalid";
const PETRA_FACHSTELLE: &str = "petra.muster@fachstelle.demo.iiz.invalid";

const NETWORK: &str = "id cantons status agreed coordinator coordinatorProposal { person agreed } ekgSeat seatPending";

async fn sign_in(app: &TestApp, email: &str) -> Session {
    app.sign_in(email, DEMO_PASSWORD).await.unwrap()
}

async fn me(app: &TestApp, who: &Session) -> String {
    ok(app, who, "{ me { id } }", json!({})).await["me"]["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

fn rule(error: &Value) -> &str {
    error["extensions"]["rule"].as_str().unwrap_or_default()
}

async fn answer(app: &TestApp, who: &Session, network: &str, canton: &str) -> Value {
    let query = format!(
        "mutation($n: ID!, $c: ID!) {{ answerNetworkProposal(network: $n, canton: $c, agree: true) {{ {NETWORK} }} }}"
    );
    ok(app, who, &query, json!({ "n": network, "c": canton })).await["answerNetworkProposal"]
        .clone()
}

async fn agree_to_coordinator(app: &TestApp, who: &Session, network: &str, canton: &str) -> Value {
    let query = format!(
        "mutation($n: ID!, $c: ID!) {{ answerCoordinatorProposal(network: $n, canton: $c, agree: true) {{ {NETWORK} }} }}"
    );
    ok(app, who, &query, json!({ "n": network, "c": canton })).await["answerCoordinatorProposal"]
        .clone()
}

async fn leave(app: &TestApp, who: &Session, network: &str, canton: &str) -> Value {
    let query = format!(
        "mutation($n: ID!, $c: ID!) {{ leaveNetwork(network: $n, canton: $c, on: \"2027-06-30\") {{ {NETWORK} }} }}"
    );
    ok(app, who, &query, json!({ "n": network, "c": canton })).await["leaveNetwork"].clone()
}

/// The EKG seats (every seat it had) of `person`.
async fn ekg_seats(app: &TestApp, who: &Session, person: &str) -> Vec<Value> {
    let ekg = seeded_body_id(TenantId::National, "EKG").to_string();
    let members = ok(
        app,
        who,
        "query($b: ID!) { bodyMembers(body: $b, history: true) { person role institution from to votes } }",
        json!({ "b": ekg }),
    )
    .await;
    members["bodyMembers"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|seat| seat["person"] == person)
        .cloned()
        .collect()
}

async fn three_cantons_form_a_network_whose_delegate_sits_in_the_ekg(backend: Backend) {
    let Some(app) = spawn_app(backend, true).await.unwrap() else {
        return;
    };
    let anna = sign_in(&app, ANNA_ZH).await;
    let luc = sign_in(&app, LUC_GE).await;
    let claire = sign_in(&app, CLAIRE_VD).await;
    let hans = sign_in(&app, HANS_BE).await;
    let petra = sign_in(&app, PETRA_FACHSTELLE).await;

    // The Fachstelle no longer forms networks: the concept's rule says why.
    let propose = format!(
        "mutation($c: ID!, $cantons: [ID!]!) {{ proposeNetwork(canton: $c, names: [{{ language: FR, text: \"Réseau Léman-Limmat\" }}], cantons: $cantons) {{ {NETWORK} }} }}"
    );
    let founding = json!({ "c": "GE", "cantons": ["GE", "VD", "ZH"] });
    let error = refused(&app, &petra, &propose, founding.clone()).await;
    assert_eq!(rule(&error), "networks-by-cantons", "{error}");

    // Geneva proposes; Vaud and Zurich agree; then it is formed.
    let proposed = ok(&app, &luc, &propose, founding).await["proposeNetwork"].clone();
    assert_eq!(proposed["status"], "PROPOSED");
    assert_eq!(proposed["agreed"], json!(["GE"]));
    let network = proposed["id"].as_str().unwrap().to_owned();
    // Each coordinator answers for their own canton, and only a founding
    // canton answers.
    let answer_for_ge = "mutation($n: ID!) { answerNetworkProposal(network: $n, canton: \"VD\", agree: true) { id } }";
    assert_eq!(
        refused_code(&app, &anna, answer_for_ge, json!({ "n": network })).await,
        "FORBIDDEN"
    );
    let outsider = "mutation($n: ID!) { answerNetworkProposal(network: $n, canton: \"BE\", agree: true) { id } }";
    let error = refused(&app, &hans, outsider, json!({ "n": network })).await;
    assert_eq!(rule(&error), "networks-by-cantons", "{error}");
    let half = answer(&app, &claire, &network, "VD").await;
    assert_eq!(half["status"], "PROPOSED");
    let formed = answer(&app, &anna, &network, "ZH").await;
    assert_eq!(formed["status"], "FORMED", "{formed}");
    assert_eq!(formed["cantons"], json!(["GE", "VD", "ZH"]));

    // The delegate belongs to one of the network's cantons.
    let claire_id = me(&app, &claire).await;
    let hans_id = me(&app, &hans).await;
    let delegate = format!(
        "mutation($n: ID!, $p: ID!) {{ proposeNetworkCoordinator(network: $n, canton: \"GE\", person: $p, from: \"2026-04-01\") {{ {NETWORK} }} }}"
    );
    let error = refused(&app, &luc, &delegate, json!({ "n": network, "p": hans_id })).await;
    assert_eq!(rule(&error), "networks-by-cantons", "{error}");
    let proposed = ok(
        &app,
        &luc,
        &delegate,
        json!({ "n": network, "p": claire_id }),
    )
    .await["proposeNetworkCoordinator"]
        .clone();
    assert_eq!(proposed["coordinator"], Value::Null);
    assert_eq!(proposed["coordinatorProposal"]["agreed"], json!(["GE"]));
    assert!(ekg_seats(&app, &luc, &claire_id).await.is_empty());
    agree_to_coordinator(&app, &anna, &network, "ZH").await;
    let delegated = agree_to_coordinator(&app, &claire, &network, "VD").await;
    assert_eq!(delegated["coordinator"], claire_id.as_str(), "{delegated}");
    assert_eq!(delegated["ekgSeat"], claire_id.as_str(), "{delegated}");
    assert_eq!(delegated["seatPending"], false);

    // Claire sits in the EKG for the network, with a vote.
    let seats = ekg_seats(&app, &petra, &claire_id).await;
    assert_eq!(seats.len(), 1, "{seats:?}");
    assert_eq!(seats[0]["institution"], "Réseau Léman-Limmat");
    assert_eq!(seats[0]["role"], "MEMBER");
    assert_eq!(seats[0]["votes"], true);
    assert_eq!(seats[0]["from"], "2026-04-01");
    assert_eq!(seats[0]["to"], Value::Null);

    // Each canton leaves by its own decision; when the last one left, the
    // network has ended and so has its delegate's seat.
    assert_eq!(leave(&app, &luc, &network, "GE").await["status"], "FORMED");
    assert_eq!(leave(&app, &anna, &network, "ZH").await["status"], "FORMED");
    let ended = leave(&app, &claire, &network, "VD").await;
    assert_eq!(ended["status"], "ENDED", "{ended}");
    assert_eq!(ended["ekgSeat"], Value::Null, "{ended}");
    let seats = ekg_seats(&app, &petra, &claire_id).await;
    assert_eq!(seats[0]["to"], "2027-06-30", "{seats:?}");
}
