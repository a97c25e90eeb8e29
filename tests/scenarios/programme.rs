//! The STG's steering over HTTP on top of the demo: the EKG mandates a
//! working group (through the Fachstelle) with members from two tenants,
//! which reports, submits and gets its note; a project's milestones are
//! planned, reached, noted and late on a given day; the STG adopts a
//! programme (an overlapping one is refused) and links the project; the
//! demo's STG rotation is read; the Fachstelle plans a budget in equal
//! shares, reports a year and the STG takes note. Each step refused for
//! whom the rules do not name.

use iiz_app::demo::DEMO_PASSWORD;
use iiz_app::tenants::seeded_body_id;
use iiz_domain::TenantId;
use iiz_tests::{Backend, Session, TestApp, spawn_app};
use serde_json::{Value, json};

use crate::requests::{minuted, ok, refused_code};

crate::on_both_backends!(the_stg_steers_groups_projects_programme_and_budget);

const PETRA: &str = "petra.muster@fachstelle.demo.iiz.invalid";
const MARCO: &str = "marco.esempio@stg.demo.iiz.invalid";
const JONAS: &str = "jonas.platzhalter@ekg.demo.iiz.invalid";
const LUC: &str = "luc.exemple@ge.demo.iiz.invalid";
const URS: &str = "urs.vorbild@so.demo.iiz.invalid";

const MANDATE: &str =
    "mutation($input: MandateInput!) { mandateWorkingGroup(input: $input) { id tenant active } }";
const JOIN: &str = "mutation($id: ID!, $person: ID!, $role: GroupRoleValue!) { joinWorkingGroup(id: $id, person: $person, role: $role) { members { tenant role } } }";
const PROJECT: &str = "query($id: ID!, $asOf: NaiveDate) { project(id: $id, asOf: $asOf) { kind lead { code } lateMilestones milestones { number status late notes } } }";
const ADOPT: &str = "mutation($input: WorkProgrammeInput!, $basis: DecisionBasisInput!) { adoptWorkProgramme(input: $input, basis: $basis) { id from until focusAreas { focusArea } actionFields { number } } }";
const BUDGET: &str = "mutation($total: Int!) { planBudget(firstYear: 2041, total: $total, purpose: \"Betrieb\") { id share lastYear } }";

async fn sign_in(app: &TestApp, email: &str) -> Session {
    app.sign_in(email, DEMO_PASSWORD).await.unwrap()
}

async fn me(app: &TestApp, who: &Session) -> String {
    ok(app, who, "{ me { id } }", json!({})).await["me"]["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

async fn a_working_group(
    app: &TestApp,
    petra: &Session,
    jonas: &Session,
    luc: &Session,
    urs: &Session,
) {
    let ekg = seeded_body_id(TenantId::National, "EKG").to_string();
    let input = json!({ "input": {
        "mandatedBy": ekg, "title": "AG Datenaustausch",
        "question": "Wie tauschen RAV und Sozialdienste Daten aus?", "goal": "Ein Musterformular",
        "output": "Bericht an das EKG", "until": "2030-12-31", "on": "2025-03-01"
    }});
    assert_eq!(
        refused_code(app, luc, MANDATE, input.clone()).await,
        "FORBIDDEN"
    );
    let group = ok(app, petra, MANDATE, input).await["mandateWorkingGroup"].clone();
    assert_eq!(group["tenant"], "CH");
    let id = group["id"].as_str().unwrap().to_owned();
    ok(
        app,
        petra,
        JOIN,
        json!({ "id": id, "person": me(app, jonas).await, "role": "LEAD" }),
    )
    .await;
    let joined = ok(
        app,
        petra,
        JOIN,
        json!({ "id": id, "person": me(app, urs).await, "role": "MEMBER" }),
    )
    .await;
    let tenants: Vec<&str> = joined["joinWorkingGroup"]["members"]
        .as_array()
        .unwrap()
        .iter()
        .map(|member| member["tenant"].as_str().unwrap())
        .collect();
    assert_eq!(tenants, ["CH", "SO"]);
    ok(app, urs, "mutation($id: ID!) { reportWorkingGroupProgress(id: $id, text: \"Erste Sitzung\", on: \"2025-05-01\") { id } }", json!({ "id": id })).await;
    let submit = "mutation($id: ID!) { submitWorkingGroupResult(id: $id, summary: \"Musterformular\", on: \"2025-11-01\") { id } }";
    assert_eq!(
        refused_code(app, urs, submit, json!({ "id": id })).await,
        "FORBIDDEN"
    );
    ok(app, jonas, submit, json!({ "id": id })).await;
    // Taking note is the EKG's decision: its lead does not take it alone;
    // the Fachstelle records it with the EKG's minutes.
    let basis = minuted(
        app,
        petra,
        &ekg,
        json!({ "subject": "WORKING_GROUP", "subjectId": id }),
    )
    .await;
    let note = "mutation($id: ID!, $basis: DecisionBasisInput!) { noteWorkingGroupResult(id: $id, decision: \"Dem STG vorlegen\", basis: $basis) { result { decision } progress { text } } }";
    let variables = json!({ "id": id, "basis": basis });
    assert_eq!(
        refused_code(app, jonas, note, variables.clone()).await,
        "FORBIDDEN"
    );
    let noted = ok(app, petra, note, variables).await;
    assert_eq!(
        noted["noteWorkingGroupResult"]["result"]["decision"],
        "Dem STG vorlegen"
    );
    let listed = ok(
        app,
        luc,
        "{ workingGroups(tenant: \"CH\") { edges { node { id } } } }",
        json!({}),
    )
    .await;
    assert!(listed["workingGroups"]["edges"].as_array().unwrap().len() >= 2);
}

async fn a_project_in_a_programme(
    app: &TestApp,
    petra: &Session,
    marco: &Session,
    jonas: &Session,
    luc: &Session,
) {
    let registered = ok(
        app,
        petra,
        "mutation($input: IizProjectInput!) { registerIizProject(input: $input) { id } }",
        json!({ "input": {
            "title": "Pilot Datenaustausch", "focusArea": "professionalisation", "lead": "BSV",
            "funding": [{ "party": "BSV", "amount": 90000 }, { "party": "SECO", "amount": 30000 }],
            "question": "Frage", "goal": "Ziel", "output": "Bericht"
        }}),
    )
    .await;
    let project = registered["registerIizProject"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    for (title, due) in [
        ("Konzept", "2021-03-31"),
        ("Pilot", "2021-06-30"),
        ("Bericht", "2022-01-31"),
    ] {
        ok(app, petra, "mutation($p: ID!, $t: String!, $d: NaiveDate!) { planMilestone(project: $p, title: $t, due: $d) { id } }", json!({ "p": project, "t": title, "d": due })).await;
    }
    ok(
        app,
        petra,
        "mutation($p: ID!) { reachMilestone(project: $p, number: 1, on: \"2021-03-20\") { id } }",
        json!({ "p": project }),
    )
    .await;
    let note = "mutation($p: ID!) { noteMilestone(project: $p, number: 1, note: \"Kenntnis genommen\") { id } }";
    assert_eq!(
        refused_code(app, luc, note, json!({ "p": project })).await,
        "FORBIDDEN"
    );
    ok(app, jonas, note, json!({ "p": project })).await;
    let read = ok(
        app,
        luc,
        PROJECT,
        json!({ "id": project, "asOf": "2021-07-01" }),
    )
    .await;
    let milestones = read["project"]["milestones"].as_array().unwrap();
    let statuses: Vec<(&str, bool)> = milestones
        .iter()
        .map(|m| (m["status"].as_str().unwrap(), m["late"].as_bool().unwrap()))
        .collect();
    assert_eq!(
        statuses,
        [("REACHED", false), ("LATE", true), ("PLANNED", false)]
    );
    assert_eq!(read["project"]["lateMilestones"], 1);
    assert_eq!(milestones[0]["notes"][0], "Kenntnis genommen");

    let programme = |from: &str| {
        json!({ "input": {
            "from": from, "adoptedOn": "2025-11-20", "decision": "STG-Sitzung 4/2025",
            "consultedOn": "2025-10-15", "consultationReference": "EKG 3/2025",
            "ekgStatement": "Das EKG stimmt zu",
            "actionFields": [{ "focusArea": "professionalisation", "title": "Datenaustausch", "description": "Musterformulare" }]
        }})
    };
    // The STG adopts its programme in its meeting, on an item about the
    // programme of the period; the Fachstelle records it, no member does.
    let stg = seeded_body_id(TenantId::National, "STG").to_string();
    let decided = |from: &'static str| {
        let stg = stg.clone();
        async move {
            let subject = json!({ "subject": "WORK_PROGRAMME", "programmeFrom": from });
            let mut variables = programme(from);
            variables["basis"] = minuted(app, petra, &stg, subject).await;
            variables
        }
    };
    let variables = decided("2031-01-01").await;
    for member in [jonas, marco] {
        assert_eq!(
            refused_code(app, member, ADOPT, variables.clone()).await,
            "FORBIDDEN"
        );
    }
    let mut no_basis = variables.clone();
    no_basis["basis"] = json!({});
    assert_eq!(
        refused_code(app, petra, ADOPT, no_basis).await,
        "VALIDATION"
    );
    let adopted = ok(app, petra, ADOPT, variables).await["adoptWorkProgramme"].clone();
    assert_eq!(adopted["until"], "2032-12-31");
    assert_eq!(adopted["focusAreas"].as_array().unwrap().len(), 3);
    assert_eq!(
        refused_code(app, petra, ADOPT, decided("2032-01-01").await).await,
        "CONFLICT"
    );
    let id = adopted["id"].as_str().unwrap().to_owned();
    ok(app, marco, "mutation($g: ID!, $p: ID!) { linkProjectToProgramme(programme: $g, project: $p, focusArea: \"professionalisation\", actionField: 1) { id } }", json!({ "g": id, "p": project })).await;
    let current = ok(app, luc, "{ currentWorkProgramme(asOf: \"2031-06-01\") { id projects { actionField project(asOf: \"2021-07-01\") { title lateMilestones } } } }", json!({})).await;
    let programme = &current["currentWorkProgramme"];
    assert_eq!(programme["id"], id.as_str());
    assert_eq!(programme["projects"][0]["project"]["lateMilestones"], 1);
}

async fn chairs_and_budget(app: &TestApp, petra: &Session, marco: &Session, luc: &Session) {
    let stg = seeded_body_id(TenantId::National, "STG").to_string();
    let chairs = ok(app, luc, "query($b: ID!) { chairs(body: $b, asOf: \"2025-06-01\") { rule { kind years offices { code } } current { office { code } from until } past { office { code } } } }", json!({ "b": stg })).await;
    let chairs = &chairs["chairs"];
    assert_eq!(chairs["rule"]["kind"], "ROTATION");
    assert_eq!(chairs["rule"]["years"], 2);
    assert_eq!(chairs["current"]["office"]["code"], "BSV");
    assert_eq!(chairs["current"]["until"], "2026-12-31");
    assert_eq!(chairs["past"][0]["office"]["code"], "SEM");
    // Each programme shows the STG chair it starts under: the demo's runs
    // with BSV's term; none is recorded for the one adopted for 2031.
    let programmes = ok(
        app,
        luc,
        "{ workProgrammes { from chair { office { code } from } } }",
        json!({}),
    )
    .await;
    let chair_of = |from: &str| {
        programmes["workProgrammes"]
            .as_array()
            .unwrap()
            .iter()
            .find(|programme| programme["from"] == from)
            .unwrap()["chair"]
            .clone()
    };
    assert_eq!(
        chair_of(chairs["current"]["from"].as_str().unwrap()),
        json!({ "office": { "code": "BSV" }, "from": chairs["current"]["from"] })
    );
    assert_eq!(chair_of("2031-01-01"), Value::Null);
    let record = "mutation($b: ID!) { recordChairTerm(body: $b, office: \"SKOS\", from: \"2040-01-01\", until: \"2041-12-31\") { body } }";
    assert_eq!(
        refused_code(app, marco, record, json!({ "b": stg })).await,
        "FORBIDDEN"
    );

    assert_eq!(
        refused_code(app, petra, BUDGET, json!({ "total": 1_000_002 })).await,
        "VALIDATION"
    );
    assert_eq!(
        refused_code(app, marco, BUDGET, json!({ "total": 2_000_000 })).await,
        "FORBIDDEN"
    );
    let planned = ok(app, petra, BUDGET, json!({ "total": 2_000_000 })).await["planBudget"].clone();
    assert_eq!(planned["share"], 500_000);
    assert_eq!(planned["lastYear"], 2044);
    let budget = planned["id"].as_str().unwrap().to_owned();
    ok(app, petra, "mutation($b: ID!) { reportBudgetYear(budget: $b, year: 2041, spent: 480000, narrative: \"Betrieb wie geplant\") { id } }", json!({ "b": budget })).await;
    let note = "mutation($b: ID!) { noteBudgetReport(budget: $b, year: 2041, note: \"Kenntnis genommen\") { spent reports { year note } } }";
    assert_eq!(
        refused_code(app, petra, note, json!({ "b": budget })).await,
        "FORBIDDEN"
    );
    let noted: Value = ok(app, marco, note, json!({ "b": budget })).await;
    assert_eq!(noted["noteBudgetReport"]["spent"], 480_000);
    assert_eq!(
        noted["noteBudgetReport"]["reports"][0]["note"],
        "Kenntnis genommen"
    );
    let budgets = ok(
        app,
        luc,
        "{ budgets { edges { node { firstYear offices } } } }",
        json!({}),
    )
    .await;
    assert_eq!(budgets["budgets"]["edges"].as_array().unwrap().len(), 2);
    assert_eq!(
        budgets["budgets"]["edges"][0]["node"]["offices"],
        json!(["BSV", "SBFI", "SECO", "SEM"])
    );
}

async fn the_stg_steers_groups_projects_programme_and_budget(backend: Backend) {
    let Some(app) = spawn_app(backend, true).await.unwrap() else {
        return;
    };
    let petra = sign_in(&app, PETRA).await;
    let marco = sign_in(&app, MARCO).await;
    let jonas = sign_in(&app, JONAS).await;
    let luc = sign_in(&app, LUC).await;
    let urs = sign_in(&app, URS).await;
    a_working_group(&app, &petra, &jonas, &luc, &urs).await;
    a_project_in_a_programme(&app, &petra, &marco, &jonas, &luc).await;
    chairs_and_budget(&app, &petra, &marco, &luc).await;
}
