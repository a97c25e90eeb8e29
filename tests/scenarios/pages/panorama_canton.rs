//! The cantons' and the Fachstelle's panorama pages through the real
//! server, without JavaScript: a canton revises its profile and it shows
//! in the history with the person's name; another canton's profile does
//! not exist for a visitor (404, also for a POST); a reader who may not
//! edit gets no forms and a 403; the Fachstelle opens, closes, reopens and
//! publishes a round; corrections go from proposal to confirmation; a
//! figure reported as a range stays a range; a bad form changes nothing.

use iiz_app::demo::DEMO_PASSWORD;
use iiz_tests::pages::{Browser, Page};
use iiz_tests::{Backend, spawn_app};

use crate::on_both_backends;

pub(super) const ANNA: &str = "anna.beispiel@zh.demo.iiz.invalid";
const SABINE: &str = "sabine.beleg@zh.demo.iiz.invalid";
pub(super) const LUC: &str = "luc.exemple@ge.demo.iiz.invalid";
const MARCO: &str = "marco.esempio@stg.demo.iiz.invalid";
pub(super) const PETRA: &str = "petra.muster@fachstelle.demo.iiz.invalid";
pub(super) const ZH_2026: &str = "/cantons/ZH/profile/2026";

/// The revision a profile page shows.
pub(super) fn revision(page: &Page) -> String {
    page.texts("dl.facts dd").unwrap()[0].clone()
}

/// The form's values as `(name, value)` pairs to post by hand.
fn pairs(values: &[(String, String)]) -> Vec<(&str, &str)> {
    values
        .iter()
        .map(|(name, value)| (name.as_str(), value.as_str()))
        .collect()
}

async fn a_canton_revises_its_profile(backend: Backend) {
    let Some(app) = spawn_app(backend, true).await.unwrap() else {
        return;
    };
    let anna = Browser::new(&app).unwrap();
    anna.sign_in(ANNA, DEMO_PASSWORD).await.unwrap();
    // The panorama is in the main navigation and lists the rounds.
    let home = anna.get("/").await.unwrap();
    assert!(home.links().unwrap().contains(&"/panorama".to_owned()));
    let index = anna.get("/panorama").await.unwrap();
    assert_eq!(index.status, 200);
    let links = index.links().unwrap();
    assert!(
        links.contains(&"/panorama/rounds/2026".to_owned()),
        "{links:?}"
    );
    assert!(
        links.contains(&"/cantons/ZH/profile".to_owned()),
        "{links:?}"
    );
    // A canton reads no other canton's data, and runs no round.
    assert!(!links.contains(&"/cantons/GE/profile".to_owned()));
    assert!(!index.has("form.open-round").unwrap());

    let profile = anna.get(ZH_2026).await.unwrap();
    assert_eq!(profile.status, 200);
    let before = revision(&profile);
    let form = anna
        .get(&format!("{ZH_2026}/edit/structure"))
        .await
        .unwrap();
    assert_eq!(form.status, 200);
    let saved = anna
        .submit(
            &form,
            "form.panorama-part",
            &[
                (
                    "description",
                    "Geschäftsstelle IIZ beim AWA, Steuergruppe mit fünf Ämtern",
                ),
                ("note", "Beschreibung nachgeführt"),
            ],
        )
        .await
        .unwrap();
    assert_eq!(saved.status, 200);
    assert_eq!(saved.path, ZH_2026);
    assert!(saved.html.contains("Steuergruppe mit fünf Ämtern"));
    assert_ne!(revision(&saved), before);
    // The newest revision heads the history: her name, the part, her note.
    let newest = saved.texts(".panorama-history tbody tr").unwrap()[0].clone();
    assert!(newest.contains("Anna Beispiel"), "{newest}");
    assert!(newest.contains("Struktur"), "{newest}");
    assert!(newest.contains("Beschreibung nachgeführt"), "{newest}");

    // A challenge without a text is refused at its field; nothing changes.
    let form = anna
        .get(&format!("{ZH_2026}/edit/challenges"))
        .await
        .unwrap();
    let (action, _, mut values) = form.form("form.panorama-part").unwrap();
    let rows = values
        .iter()
        .filter(|(name, _)| name == "challenge_text")
        .count();
    let new_row = rows - 1;
    let mut seen = 0;
    for (name, value) in &mut values {
        if name == "challenge_category" {
            if seen == new_row {
                *value = "financing".to_owned();
            }
            seen += 1;
        }
    }
    let refused = anna.post(&action, &pairs(&values)).await.unwrap();
    assert_eq!(refused.status, 422);
    assert!(
        refused
            .field_error(&format!("challenge_text_{new_row}"))
            .unwrap()
            .is_some(),
        "{}",
        refused.html
    );
    let after = anna.get(ZH_2026).await.unwrap();
    assert_eq!(revision(&after), revision(&saved));

    // The 2020 profile was opened by the import, and says so.
    let imported = anna.get("/cantons/ZH/profile/2020").await.unwrap();
    let opened = imported.texts(".panorama-history tbody tr").unwrap();
    assert!(
        opened.last().unwrap().contains("Panorama 2020, 31.03.2020"),
        "{opened:?}"
    );

    // Placing a body below the body below it is refused; nothing changes.
    let form = anna
        .get(&format!("{ZH_2026}/edit/structure"))
        .await
        .unwrap();
    let (action, _, values) = form.form("form.panorama-part").unwrap();
    let bodies: Vec<String> = values
        .iter()
        .filter(|(name, _)| name == "body_id")
        .map(|(_, value)| value.clone())
        .collect();
    assert_eq!(bodies.len(), 2, "{values:?}");
    let mut circle = values.clone();
    if let Some((_, above)) = circle.iter_mut().find(|(name, _)| name == "body_above") {
        above.clone_from(&bodies[1]);
    }
    let refused = anna.post(&action, &pairs(&circle)).await.unwrap();
    assert_eq!(refused.status, 422);
    assert!(refused.has("#form-errors").unwrap());
    let unchanged = anna.get(ZH_2026).await.unwrap();
    assert_eq!(revision(&unchanged), revision(&after));
    // Unlinking the top body also frees the one placed below it.
    let mut unlink = values.clone();
    unlink.push(("unlink".to_owned(), bodies[0].clone()));
    let unlinked = anna.post(&action, &pairs(&unlink)).await.unwrap();
    assert_eq!(unlinked.status, 200);
    let rows = unlinked.texts(".panorama-bodies tbody tr").unwrap();
    assert_eq!(rows.len(), 1, "{rows:?}");

    // A process that is not documented has no forms: said at the field.
    let form = anna.get(&format!("{ZH_2026}/edit/practice")).await.unwrap();
    let refused = anna
        .submit(
            &form,
            "form.panorama-part",
            &[("documented", "no"), ("forms", "agreements")],
        )
        .await
        .unwrap();
    assert_eq!(refused.status, 422);
    assert!(refused.field_error("forms").unwrap().is_some());
    // What was typed comes back as typed.
    assert_eq!(
        refused
            .attrs("#documented option[selected]", "value")
            .unwrap(),
        ["no"]
    );

    // A website that is no address is refused at its field.
    let form = anna
        .get(&format!("{ZH_2026}/edit/structure"))
        .await
        .unwrap();
    let refused = anna
        .submit(&form, "form.panorama-part", &[("websites", "not a link")])
        .await
        .unwrap();
    assert_eq!(refused.status, 422);
    assert!(refused.field_error("websites").unwrap().is_some());
}

async fn other_cantons_and_readers_are_refused(backend: Backend) {
    let Some(app) = spawn_app(backend, true).await.unwrap() else {
        return;
    };
    // Geneva does not see Zurich's unpublished profile: not there at all.
    let luc = Browser::new(&app).unwrap();
    let home = luc.sign_in(LUC, DEMO_PASSWORD).await.unwrap();
    for path in [
        ZH_2026.to_owned(),
        format!("{ZH_2026}/edit/structure"),
        "/cantons/ZH/profile".to_owned(),
        "/cantons/ZH/figures".to_owned(),
        "/cantons/ZH/figures/2024".to_owned(),
    ] {
        assert_eq!(luc.get(&path).await.unwrap().status, 404, "{path}");
    }
    let csrf = home.attrs("input[name=_csrf]", "value").unwrap()[0].clone();
    let posted = luc
        .post(
            &format!("{ZH_2026}/edit/challenges"),
            &[("_csrf", &csrf), ("challenges_note", "von Genf")],
        )
        .await
        .unwrap();
    assert_eq!(posted.status, 404);
    // His own profile is in French, in a French page.
    let own = luc.get("/cantons/GE/profile/2026").await.unwrap();
    assert_eq!(own.status, 200);
    assert_eq!(own.lang().unwrap(), "fr");
    assert!(own.html.contains("Le monitoring des cas CII"));
    // Content in the page's own language is not marked as another.
    assert!(!own.has("main [lang]").unwrap());

    // The round's questions in French; in Italian, which the questions
    // are not written in, in German and marked so.
    let round = luc.get("/panorama/rounds/2026").await.unwrap();
    let questions = round.texts(".panorama-questions li").unwrap();
    assert!(
        questions[0].starts_with("Organisation stratégique"),
        "{questions:?}"
    );
    assert!(!round.has(".panorama-questions li[lang]").unwrap());
    let marco = Browser::new(&app).unwrap();
    marco.sign_in(MARCO, DEMO_PASSWORD).await.unwrap();
    let round = marco.get("/panorama/rounds/2026").await.unwrap();
    assert_eq!(round.lang().unwrap(), "it");
    assert_eq!(
        round.attrs(".panorama-questions li", "lang").unwrap().len(),
        7
    );
    assert!(
        round
            .text(".panorama-questions li")
            .unwrap()
            .starts_with("Strategische")
    );
    // Neither a canton's editor nor the Fachstelle: no forms, no links into
    // the cantons' unpublished data.
    assert!(!round.has("form.answer-round").unwrap());
    assert!(!round.has("form.close-round").unwrap());
    assert!(!round.has(".panorama-round-cantons a").unwrap());

    // A Zurich member reads Zurich's profile but may not edit it.
    let sabine = Browser::new(&app).unwrap();
    let home = sabine.sign_in(SABINE, DEMO_PASSWORD).await.unwrap();
    let profile = sabine.get(ZH_2026).await.unwrap();
    assert_eq!(profile.status, 200);
    assert!(!profile.has("a[href$='/edit/structure']").unwrap());
    assert!(!profile.html.contains("/edit/"));
    let form = sabine
        .get(&format!("{ZH_2026}/edit/structure"))
        .await
        .unwrap();
    assert_eq!(form.status, 403);
    let csrf = home.attrs("input[name=_csrf]", "value").unwrap()[0].clone();
    let posted = sabine
        .post(
            &format!("{ZH_2026}/edit/challenges"),
            &[("_csrf", &csrf), ("challenges_note", "von einem Mitglied")],
        )
        .await
        .unwrap();
    assert_eq!(posted.status, 403);
    let after = sabine.get(ZH_2026).await.unwrap();
    assert_eq!(revision(&after), revision(&profile));
    assert!(!after.html.contains("von einem Mitglied"));

    // The Fachstelle reads Geneva's profile, marked as French.
    let petra = Browser::new(&app).unwrap();
    petra.sign_in(PETRA, DEMO_PASSWORD).await.unwrap();
    let geneva = petra.get("/cantons/GE/profile/2026").await.unwrap();
    assert_eq!(geneva.status, 200);
    assert_eq!(geneva.lang().unwrap(), "de");
    assert!(geneva.has("main [lang=fr]").unwrap());
    // It proposes corrections but does not edit.
    assert!(geneva.has("a[href$='/correct/challenges']").unwrap());
    assert!(!geneva.has("a[href$='/edit/challenges']").unwrap());
}

async fn the_fachstelle_runs_a_round(backend: Backend) {
    let Some(app) = spawn_app(backend, true).await.unwrap() else {
        return;
    };
    let petra = Browser::new(&app).unwrap();
    petra.sign_in(PETRA, DEMO_PASSWORD).await.unwrap();
    let index = petra.get("/panorama").await.unwrap();
    // A wrong year is refused at its field and opens nothing.
    let refused = petra
        .submit(&index, "form.open-round", &[("year", "20277")])
        .await
        .unwrap();
    assert_eq!(refused.status, 422);
    assert!(refused.field_error("year").unwrap().is_some());
    let round = petra
        .submit(&index, "form.open-round", &[("year", "2027"), ("due", "")])
        .await
        .unwrap();
    assert_eq!(round.status, 200);
    assert_eq!(round.path, "/panorama/rounds/2027");
    assert_eq!(
        round
            .texts(".panorama-round-cantons tbody tr")
            .unwrap()
            .len(),
        26
    );
    assert_eq!(round.texts(".panorama-missing li").unwrap().len(), 26);
    assert_eq!(round.texts(".panorama-questions li").unwrap().len(), 7);
    // The 2026 and 2020 rounds stay as they are.
    let index = petra.get("/panorama").await.unwrap();
    assert_eq!(index.texts(".panorama-rounds tbody tr").unwrap().len(), 3);

    let closed = petra.submit(&round, "form.close-round", &[]).await.unwrap();
    assert_eq!(closed.status, 200);
    assert!(!closed.has("form.close-round").unwrap());
    // Reopening needs a reason.
    let refused = petra
        .submit(&closed, "form.reopen-round", &[("reason", "")])
        .await
        .unwrap();
    assert_eq!(refused.status, 422);
    assert!(refused.field_error("reason").unwrap().is_some());
    let reopened = petra
        .submit(
            &closed,
            "form.reopen-round",
            &[("reason", "Zwei Kantone baten um mehr Zeit")],
        )
        .await
        .unwrap();
    assert!(reopened.has("form.close-round").unwrap());
    let closed = petra
        .submit(&reopened, "form.close-round", &[])
        .await
        .unwrap();
    let published = petra
        .submit(&closed, "form.publish-round", &[])
        .await
        .unwrap();
    assert_eq!(published.status, 200);
    assert!(
        published
            .links()
            .unwrap()
            .contains(&"/panorama/2027".to_owned())
    );
    assert!(!published.has("form.publish-round").unwrap());
    assert!(!published.has("form.reopen-round").unwrap());

    // Zurich answers the open 2026 round for itself.
    let anna = Browser::new(&app).unwrap();
    anna.sign_in(ANNA, DEMO_PASSWORD).await.unwrap();
    let round = anna.get("/panorama/rounds/2026").await.unwrap();
    assert_eq!(
        round
            .attrs("form.answer-round input[name=canton]", "value")
            .unwrap(),
        ["ZH"]
    );
    assert!(!round.has("form.close-round").unwrap());
    let answered = anna
        .submit(&round, "form.answer-round", &[("kind", "confirmed")])
        .await
        .unwrap();
    assert_eq!(answered.status, 200);
    let zurich = answered
        .text(".panorama-round-cantons tr[data-canton=ZH] .status")
        .unwrap();
    assert_eq!(zurich, "bestätigt");
}

on_both_backends!(
    a_canton_revises_its_profile,
    other_cantons_and_readers_are_refused,
    the_fachstelle_runs_a_round,
);
