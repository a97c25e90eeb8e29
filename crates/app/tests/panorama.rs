//! Canton profiles, key figures and panorama rounds through the caller
//! API on both backends: the 2020 annex imported (Solothurn's hierarchy,
//! Zürich's Operativer Ausschuss, Vaud's dissolved COPIL, the OW/NW body
//! shared once, Basel-Stadt without a formal body; a re-import adds
//! nothing), and a round's life cycle (GE cannot change ZH's profile; the
//! national figures equal a count made here; the 2020 panorama unchanged).
#![allow(
    clippy::unwrap_used,
    clippy::panic,
    reason = "test code: a failed step must fail the test"
)]

mod common;

use std::collections::BTreeSet;

use common::{all, fachstelle};
use iiz_app::authz::{Denied, Principal};
use iiz_app::panorama::{ImportReport, NewRound, PanoramaField};
use iiz_app::tenants::seeded_body_id;
use iiz_app::{App, AppError, CantonCatalog};
use iiz_domain::canton_profile::{BodyLevel, Documented, SectionChange};
use iiz_domain::key_figures::{Figure, FigureReport, FigureValue};
use iiz_domain::panorama::Year;
use iiz_domain::panorama_round::{AnswerKind, RoundStage};
use iiz_domain::text::FreeText;
use iiz_domain::{CantonCode, PersonId, TenantId, TenantRole};
use iiz_projections::{BODIES, BodyView, SnapshotSection};
use iiz_store::testing::TestDatabase;

fn code(value: &str) -> CantonCode {
    CantonCode::parse(value).unwrap()
}

fn year(value: u16) -> Year {
    Year::parse(value).unwrap()
}

fn someone(canton: &str, role: TenantRole) -> Principal {
    let tenant = TenantId::Canton(code(canton));
    Principal {
        person: PersonId::new(),
        home: tenant,
        roles: [(tenant, role)].into(),
        platform_admin: false,
        scope: None,
        language: iiz_domain::Language::De,
    }
}

fn denied<T: std::fmt::Debug>(result: Result<T, AppError>) -> Denied {
    match result {
        Err(AppError::Denied(denied)) => denied,
        other => panic!("expected a refusal, got {other:?}"),
    }
}

async fn imported(db: &TestDatabase) -> App {
    let app = App::new(db.store.clone());
    app.prepare().await.unwrap();
    let catalog = CantonCatalog::embedded().unwrap();
    app.bootstrap_tenants(&catalog, "test").await.unwrap();
    let report = app.import_panorama_2020(&catalog).await.unwrap();
    assert_eq!(report.profiles_opened, 21);
    assert_eq!(report.bodies_dissolved, 1);
    assert!(report.figures_reported > 10, "{report:?}");
    let again = app.import_panorama_2020(&catalog).await.unwrap();
    assert_eq!(again, ImportReport::default());
    app
}

fn body<'a>(bodies: &'a [BodyView], canton: &str, name: &str) -> &'a BodyView {
    let id = seeded_body_id(TenantId::Canton(code(canton)), name);
    bodies
        .iter()
        .find(|body| body.id == id)
        .unwrap_or_else(|| panic!("{canton}: no body {name}"))
}

async fn the_annex_as_imported(app: &App) {
    let office = fachstelle();
    let caller = app.caller(Some(&office));
    let bodies: Vec<BodyView> = all(app, BODIES).await;
    let leitung = body(&bodies, "SO", "IIZ-Leitung");
    let so_ekg = body(&bodies, "SO", "IIZ-Entwicklungs- und Koordinationsgremium");
    assert_eq!(so_ekg.parent, Some(leitung.id));
    let so = caller.canton_profile(code("SO"), year(2020)).await.unwrap();
    let link = so
        .content
        .structure
        .bodies
        .iter()
        .find(|link| link.body == so_ekg.id)
        .unwrap();
    assert_eq!(link.above, Some(leitung.id));

    let tragerschaft = body(&bodies, "ZH", "Trägerschaft IIZ-Netzwerk Kanton Zürich");
    let ausschuss = body(
        &bodies,
        "ZH",
        "Operativer Ausschuss IIZ-Netzwerk Kanton Zürich",
    );
    assert_eq!(ausschuss.parent, Some(tragerschaft.id));
    let zh = caller.canton_profile(code("ZH"), year(2020)).await.unwrap();
    let link = zh
        .content
        .structure
        .bodies
        .iter()
        .find(|link| link.body == ausschuss.id)
        .unwrap();
    assert_eq!(link.level, BodyLevel::Operational);
    assert_eq!(link.institutions.len(), 6);

    let copil = body(&bodies, "VD", "COPIL");
    assert!(!copil.active);
    assert_eq!(copil.active_to.unwrap().to_string(), "2018-12-31");
    let vd = caller.canton_profile(code("VD"), year(2020)).await.unwrap();
    assert!(
        vd.content
            .structure
            .bodies
            .iter()
            .any(|l| l.body == copil.id)
    );

    let steuergruppen: Vec<&BodyView> = bodies
        .iter()
        .filter(|body| body.names.best(iiz_domain::Language::De) == "Steuergruppe")
        .collect();
    assert_eq!(steuergruppen.len(), 1, "the OW/NW body exists once");
    let shared = steuergruppen[0].id;
    for (canton, other) in [("OW", "NW"), ("NW", "OW")] {
        let profile = caller
            .canton_profile(code(canton), year(2020))
            .await
            .unwrap();
        let link = &profile.content.structure.bodies[0];
        assert_eq!(link.body, shared);
        assert_eq!(link.shared_with, BTreeSet::from([code(other)]));
    }

    let bs = TenantId::Canton(code("BS"));
    assert!(bodies.iter().all(|body| body.tenant != bs));
    let basel = caller.canton_profile(code("BS"), year(2020)).await.unwrap();
    assert!(basel.content.structure.bodies.is_empty());
    assert!(
        basel
            .content
            .structure
            .description
            .as_str()
            .contains("no formal body")
    );
    assert_eq!(basel.content.practice.process.documented, Documented::Yes);

    let bl = caller.key_figures(code("BL"), year(2019)).await.unwrap();
    assert_eq!(bl.figures.cases_total.value, FigureValue::NotAvailable);
    assert_eq!(bl.figures.cases_total.as_written.as_str(), "k.A.");

    let round = caller.panorama_round(year(2020)).await.unwrap();
    assert_eq!(round.stage, RoundStage::Published);
    let panorama = caller.published_panorama(year(2020)).await.unwrap();
    assert_eq!(panorama.sections.len(), 21);
    assert_eq!(panorama.published_on.to_string(), "2020-09-01");
}

fn figures(cases: u32, unemployed: u32) -> FigureReport {
    FigureReport {
        cases_total: Figure::new(FigureValue::Exact { value: cases }),
        cases_by_lead: Default::default(),
        registered_unemployed: Some(Figure::new(FigureValue::Exact { value: unemployed })),
        other: Vec::new(),
        note: FreeText::default(),
    }
}

async fn a_round_through_the_app(app: &App) {
    let office = fachstelle();
    let fachstelle = app.caller(Some(&office));
    let before = fachstelle.published_panorama(year(2020)).await.unwrap();
    let zh_coordinator = someone("ZH", TenantRole::Coordinator);
    let ge_coordinator = someone("GE", TenantRole::Coordinator);
    let zh = app.caller(Some(&zh_coordinator));
    let ge = app.caller(Some(&ge_coordinator));
    let round = NewRound {
        year: year(2026),
        questions: None,
        cantons: BTreeSet::from([code("ZH"), code("GE"), code("BE")]),
        due: Some(app.clock().today() + chrono::Days::new(30)),
    };
    assert_eq!(
        denied(zh.open_panorama_round(round.clone()).await),
        Denied::Forbidden
    );
    fachstelle.open_panorama_round(round).await.unwrap();

    zh.open_canton_profile(code("ZH"), year(2026), None)
        .await
        .unwrap();
    ge.open_canton_profile(code("GE"), year(2026), None)
        .await
        .unwrap();
    let mut structure = zh
        .canton_profile(code("ZH"), year(2026))
        .await
        .unwrap()
        .content
        .structure;
    structure.description = FreeText::parse("Geschäftsstelle IIZ, neu beim AWA").unwrap();
    let change = SectionChange::Structure(structure);
    let note = FreeText::parse("Neu organisiert").unwrap();
    let refused = ge
        .revise_canton_profile(code("ZH"), year(2026), change.clone(), note.clone())
        .await;
    assert_eq!(denied(refused), Denied::NotFound);
    assert_eq!(
        denied(ge.canton_profile(code("ZH"), year(2026)).await),
        Denied::NotFound
    );
    zh.revise_canton_profile(code("ZH"), year(2026), change, note)
        .await
        .unwrap();
    zh.report_key_figures(code("ZH"), year(2025), figures(600, 20_000))
        .await
        .unwrap();
    ge.report_key_figures(code("GE"), year(2025), figures(150, 15_000))
        .await
        .unwrap();
    let mut challenges = ge
        .canton_profile(code("GE"), year(2026))
        .await
        .unwrap()
        .content
        .challenges;
    challenges.items.truncate(1);
    ge.revise_canton_profile(
        code("GE"),
        year(2026),
        SectionChange::Challenges(challenges),
        FreeText::parse("Défis mis à jour").unwrap(),
    )
    .await
    .unwrap();

    // The Fachstelle proposes, the canton confirms: a revision by the canton.
    let mut practice = zh
        .canton_profile(code("ZH"), year(2026))
        .await
        .unwrap()
        .content
        .practice;
    practice.legal_note = FreeText::parse("RRB 2014 bestätigt").unwrap();
    fachstelle
        .propose_profile_correction(
            code("ZH"),
            year(2026),
            SectionChange::Practice(practice),
            FreeText::parse("Gemäss RRB").unwrap(),
        )
        .await
        .unwrap();
    let pending = zh.canton_profile(code("ZH"), year(2026)).await.unwrap();
    assert_eq!(pending.pending.len(), 1);
    zh.confirm_profile_correction(code("ZH"), year(2026), pending.pending[0].proposal)
        .await
        .unwrap();
    let confirmed = zh.canton_profile(code("ZH"), year(2026)).await.unwrap();
    assert_eq!(confirmed.revision, 3);
    assert!(confirmed.pending.is_empty());

    for (caller, canton) in [(&zh, "ZH"), (&ge, "GE")] {
        caller
            .answer_panorama_round(year(2026), code(canton), AnswerKind::Updated, None)
            .await
            .unwrap();
    }
    assert_eq!(
        denied(
            ge.answer_panorama_round(year(2026), code("ZH"), AnswerKind::Confirmed, None)
                .await
        ),
        Denied::NotFound
    );
    // Round progress: GE sees that ZH answered, not what.
    let seen_by_ge = ge.panorama_round(year(2026)).await.unwrap();
    assert!(seen_by_ge.cantons[&code("ZH")].contents.is_none());
    assert!(seen_by_ge.cantons[&code("GE")].contents.is_some());

    fachstelle.close_panorama_round(year(2026)).await.unwrap();
    fachstelle.publish_panorama_round(year(2026)).await.unwrap();
    let published = ge.published_panorama(year(2026)).await.unwrap();
    assert!(matches!(
        published.sections[&code("BE")],
        SnapshotSection::NoAnswer
    ));
    let profiles = ge.round_profiles(year(2026)).await.unwrap();
    assert_eq!(profiles[&code("ZH")].as_ref().unwrap().revision, 3);
    assert!(profiles[&code("BE")].is_none());

    // The national figures against a count made here from the profiles.
    let national = ge.national_figures(year(2026)).await.unwrap();
    assert_eq!(
        national.considered,
        BTreeSet::from([code("ZH"), code("GE")])
    );
    let mut with_office = BTreeSet::new();
    for canton in ["ZH", "GE"] {
        let profile = fachstelle
            .canton_profile(code(canton), year(2026))
            .await
            .unwrap();
        if profile.content.structure.office.is_some() {
            with_office.insert(code(canton));
        }
    }
    assert_eq!(national.offices.with_office, with_office);
    assert_eq!(national.case_counts.lowest.as_ref().unwrap().value, 150);
    assert_eq!(national.case_counts.highest.as_ref().unwrap().value, 600);
    assert_eq!(
        national.potential_shares.computed[&code("ZH")].basis_points,
        300
    );

    // Later data changes no published panorama.
    zh.revise_canton_profile(
        code("ZH"),
        year(2026),
        SectionChange::Challenges(Default::default()),
        FreeText::parse("Nach der Publikation").unwrap(),
    )
    .await
    .unwrap();
    let after = fachstelle.published_panorama(year(2026)).await.unwrap();
    assert_eq!(after, published);
    assert_eq!(
        fachstelle.published_panorama(year(2020)).await.unwrap(),
        before
    );

    let compared = fachstelle
        .compare_cantons(
            year(2026),
            PanoramaField::CasesTotal,
            BTreeSet::from([code("ZH"), code("BE")]),
        )
        .await
        .unwrap();
    assert!(compared.values[1].value.is_some(), "{compared:?}");
    let changes = fachstelle
        .compare_rounds(
            PanoramaField::Challenges,
            year(2020),
            year(2026),
            BTreeSet::from([code("ZH"), code("GE")]),
        )
        .await
        .unwrap();
    let ge_change = changes.iter().find(|c| c.canton == code("GE")).unwrap();
    assert!(ge_change.changed);
    let zh_change = changes.iter().find(|c| c.canton == code("ZH")).unwrap();
    assert!(
        !zh_change.changed,
        "the published ZH answer kept its challenges"
    );
}

async fn panorama(db: TestDatabase) {
    let app = imported(&db).await;
    the_annex_as_imported(&app).await;
    a_round_through_the_app(&app).await;
    app.store().close().await;
}

#[tokio::test]
async fn panorama_on_sqlite() {
    panorama(TestDatabase::sqlite_with(iiz_app::upcasters()).await).await;
}

#[tokio::test]
async fn panorama_on_postgres() {
    if let Some(db) = TestDatabase::postgres_with(iiz_app::upcasters()).await {
        panorama(db).await;
    }
}
