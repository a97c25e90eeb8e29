//! Corrections and key figures on the panorama pages, end to end: the
//! Fachstelle proposes (a reason required), the canton rejects only with
//! a reason and confirms, the Fachstelle withdraws; a figure reported as a
//! range stays a range, a reversed range is refused and records nothing;
//! a canton opens the round's year's profile as a copy and answers.

use iiz_app::demo::DEMO_PASSWORD;
use iiz_tests::pages::Browser;
use iiz_tests::{Backend, spawn_app};

use super::panorama_canton::{ANNA, LUC, PETRA, ZH_2026, revision};
use crate::on_both_backends;

const URS: &str = "urs.vorbild@so.demo.iiz.invalid";

async fn corrections_and_figures(backend: Backend) {
    let Some(app) = spawn_app(backend, true).await.unwrap() else {
        return;
    };
    let petra = Browser::new(&app).unwrap();
    petra.sign_in(PETRA, DEMO_PASSWORD).await.unwrap();
    let form = petra
        .get(&format!("{ZH_2026}/correct/challenges"))
        .await
        .unwrap();
    assert_eq!(form.status, 200);
    // A proposal needs a reason.
    let refused = petra
        .submit(
            &form,
            "form.panorama-part",
            &[
                ("challenges_note", "Ergänzt von der Fachstelle"),
                ("reason", ""),
            ],
        )
        .await
        .unwrap();
    assert_eq!(refused.status, 422);
    assert!(refused.field_error("reason").unwrap().is_some());
    let proposed = petra
        .submit(
            &form,
            "form.panorama-part",
            &[
                ("challenges_note", "Ergänzt von der Fachstelle"),
                ("reason", "Aus dem Jahresbericht 2025"),
            ],
        )
        .await
        .unwrap();
    assert_eq!(proposed.path, ZH_2026);
    assert_eq!(proposed.texts(".panorama-correction").unwrap().len(), 1);

    // Zurich sees it pending, its profile unchanged, and confirms it.
    let anna = Browser::new(&app).unwrap();
    anna.sign_in(ANNA, DEMO_PASSWORD).await.unwrap();
    let profile = anna.get(ZH_2026).await.unwrap();
    let before = revision(&profile);
    assert!(profile.has("form.confirm-correction").unwrap());
    let refused = anna
        .submit(&profile, "form.reject-correction", &[("reason", "")])
        .await
        .unwrap();
    assert_eq!(refused.status, 422);
    assert!(refused.field_error("reason-1").unwrap().is_some());
    let confirmed = anna
        .submit(&profile, "form.confirm-correction", &[])
        .await
        .unwrap();
    assert_eq!(confirmed.status, 200);
    assert_ne!(revision(&confirmed), before);
    assert!(confirmed.texts(".panorama-correction").unwrap().is_empty());
    let newest = confirmed.texts(".panorama-history tbody tr").unwrap()[0].clone();
    assert!(newest.contains("Anna Beispiel"), "{newest}");
    assert!(confirmed.html.contains("Ergänzt von der Fachstelle"));

    // The Fachstelle withdraws a second proposal.
    let form = petra
        .get(&format!("{ZH_2026}/correct/challenges"))
        .await
        .unwrap();
    let proposed = petra
        .submit(
            &form,
            "form.panorama-part",
            &[("challenges_note", "Noch einmal"), ("reason", "Versehen")],
        )
        .await
        .unwrap();
    let withdrawn = petra
        .submit(&proposed, "form.withdraw-correction", &[])
        .await
        .unwrap();
    assert!(withdrawn.texts(".panorama-correction").unwrap().is_empty());

    // Figures: a reversed range is refused at its field and records nothing.
    let form = anna.get("/cantons/ZH/figures/2022").await.unwrap();
    assert_eq!(form.status, 200);
    let refused = anna
        .submit(
            &form,
            "form.panorama-figures-form",
            &[
                ("cases_total_kind", "range"),
                ("cases_total_low", "120"),
                ("cases_total_high", "100"),
            ],
        )
        .await
        .unwrap();
    assert_eq!(refused.status, 422);
    assert!(refused.field_error("cases_total_low").unwrap().is_some());
    let list = anna.get("/cantons/ZH/figures").await.unwrap();
    assert!(!list.has("#figures-2022").unwrap());
    // A range stays a range.
    let reported = anna
        .submit(
            &form,
            "form.panorama-figures-form",
            &[
                ("cases_total_kind", "range"),
                ("cases_total_low", "80"),
                ("cases_total_high", "100"),
                ("cases_total_as_written", "80 – 100 Fälle"),
            ],
        )
        .await
        .unwrap();
    assert_eq!(reported.status, 200);
    assert_eq!(reported.path, "/cantons/ZH/figures");
    let section = reported
        .texts(".panorama-figures-year")
        .unwrap()
        .into_iter()
        .find(|text| text.starts_with("2022"))
        .unwrap();
    assert!(section.contains("80–100"), "{section}");
    // The demo's 2025 estimate of Geneva stays an estimate.
    let luc = Browser::new(&app).unwrap();
    luc.sign_in(LUC, DEMO_PASSWORD).await.unwrap();
    let geneva = luc.get("/cantons/GE/figures").await.unwrap();
    assert!(geneva.html.contains("env. 150"), "{}", geneva.html);
}

async fn a_canton_opens_the_years_profile_and_answers(backend: Backend) {
    let Some(app) = spawn_app(backend, true).await.unwrap() else {
        return;
    };
    let urs = Browser::new(&app).unwrap();
    urs.sign_in(URS, DEMO_PASSWORD).await.unwrap();
    // Solothurn has no 2026 profile yet: the round offers to open it.
    assert_eq!(
        urs.get("/cantons/SO/profile/2026").await.unwrap().status,
        404
    );
    let round = urs.get("/panorama/rounds/2026").await.unwrap();
    let opened = urs.submit(&round, "form.open-profile", &[]).await.unwrap();
    assert_eq!(opened.status, 200);
    assert_eq!(opened.path, "/cantons/SO/profile/2026");
    assert_eq!(revision(&opened), "1");
    // A copy of the 2020 profile: nothing retyped.
    let earlier = urs.get("/cantons/SO/profile/2020").await.unwrap();
    assert_eq!(
        opened.text(".panorama-bodies tbody").unwrap(),
        earlier.text(".panorama-bodies tbody").unwrap()
    );
    // Opening it again, or a year with nothing to start from, is refused.
    let list = urs.get("/cantons/SO/profile").await.unwrap();
    assert_eq!(list.texts(".panorama-years tbody tr").unwrap().len(), 2);
    let again = urs
        .submit(&list, "form.open-profile", &[("year", "2026")])
        .await
        .unwrap();
    assert_eq!(again.status, 422);
    assert!(again.has("#form-errors").unwrap());
    let before = urs
        .submit(&list, "form.open-profile", &[("year", "2019")])
        .await
        .unwrap();
    assert_eq!(before.status, 422);
    assert!(before.field_error("year").unwrap().is_some());
    let list = urs.get("/cantons/SO/profile").await.unwrap();
    assert_eq!(list.texts(".panorama-years tbody tr").unwrap().len(), 2);

    // The answer: updated, with the profile revision it names.
    let round = urs.get("/panorama/rounds/2026").await.unwrap();
    assert!(!round.has("form.open-profile").unwrap());
    let answered = urs
        .submit(&round, "form.answer-round", &[("kind", "updated")])
        .await
        .unwrap();
    let row = answered
        .text(".panorama-round-cantons tr[data-canton=SO]")
        .unwrap();
    assert!(row.contains("aktualisiert"), "{row}");
    assert!(row.contains("Profil 2026, Revision 1"), "{row}");
}

on_both_backends!(
    corrections_and_figures,
    a_canton_opens_the_years_profile_and_answers,
);
