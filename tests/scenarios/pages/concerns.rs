//! The concern pages end to end, as the people who use them: a Zurich
//! coordinator drafts (one refused try keeps what was typed), edits, sends
//! the draft along the cantonal route and submits after seeing a similar
//! concern; the Fachstelle accepts from its queue, returns with a reason
//! and merges side by side; pages in German and French.

use iiz_app::demo::DEMO_PASSWORD;
use iiz_tests::pages::{Browser, Page};
use iiz_tests::{Backend, TestApp, spawn_app};

use crate::on_both_backends;

pub(super) const ANNA: &str = "anna.beispiel@zh.demo.iiz.invalid";
const RETO: &str = "reto.vorlage@zh.demo.iiz.invalid";
const SABINE: &str = "sabine.beleg@zh.demo.iiz.invalid";
const LUC: &str = "luc.exemple@ge.demo.iiz.invalid";
const PETRA: &str = "petra.muster@fachstelle.demo.iiz.invalid";

const WHY_NOT_CANTONAL: &str = "Bundesrecht regelt die Zusammenarbeit (AVIG).";

/// A shared demo concern (before the STG) that the drafts below resemble.
const SIMILAR_TITLE: &str = "Ausgesteuerte zwischen RAV und Sozialhilfe";
const SIMILAR_TEXT: &str = "Wer bei der Arbeitslosenversicherung ausgesteuert wird, verliert \
     beim Wechsel in die Sozialhilfe die Begleitung durch das RAV; die Sozialdienste klären \
     die Arbeitsmarktfähigkeit von vorn ab und vereinbarte Massnahmen brechen ab.";

pub(super) async fn signed_in(app: &TestApp, email: &str) -> Browser {
    let browser = Browser::new(app).unwrap();
    browser.sign_in(email, DEMO_PASSWORD).await.unwrap();
    browser
}

/// Drafts through the form and answers the concern's page.
async fn draft(browser: &Browser, title: &str, description: &str) -> Page {
    let form = browser.get("/concerns/new").await.unwrap();
    assert_eq!(form.status, 200);
    let page = browser
        .submit(
            &form,
            "form[action='/concerns/new']",
            &[
                ("title", title),
                ("description", description),
                ("why_not_cantonal", WHY_NOT_CANTONAL),
                ("institutions", "alv_rav"),
            ],
        )
        .await
        .unwrap();
    assert!(
        page.status == 200 && page.path.starts_with("/concerns/"),
        "{}",
        page.html
    );
    page
}

/// Submits the concern at `path` through its confirmation page.
async fn submit_anyway(browser: &Browser, path: &str) -> Page {
    let confirm = browser.get(&format!("{path}/submit")).await.unwrap();
    browser
        .submit(&confirm, "form.submit-form", &[])
        .await
        .unwrap()
}

async fn a_coordinator_drafts_edits_and_submits(backend: Backend) {
    let Some(app) = spawn_app(backend, true).await.unwrap() else {
        return;
    };
    let anna = signed_in(&app, ANNA).await;
    let list = anna.get("/concerns").await.unwrap();
    assert_eq!(list.text("h1").unwrap(), "Anliegen");
    assert!(
        list.has("table.concern-list caption").unwrap()
            && list.has("a[href='/concerns/new']").unwrap()
    );

    // Refused: no title. The rest is kept, the error is at the title.
    let form = anna.get("/concerns/new").await.unwrap();
    let refused = anna
        .submit(
            &form,
            "form[action='/concerns/new']",
            &[
                ("title", ""),
                ("description", SIMILAR_TEXT),
                ("why_not_cantonal", WHY_NOT_CANTONAL),
                ("institutions", "sh"),
            ],
        )
        .await
        .unwrap();
    assert_eq!(refused.status, 422);
    assert!(refused.field_error("title").unwrap().is_some());
    assert_eq!(refused.text("#description").unwrap(), SIMILAR_TEXT);
    assert_eq!(
        refused
            .attrs("input[name=institutions][checked]", "value")
            .unwrap(),
        vec!["sh".to_owned()]
    );

    // Drafted, then edited: the concern's page shows the new title.
    let page = draft(&anna, "Begleitung nach der Aussteuerung", SIMILAR_TEXT).await;
    let path = page.path.clone();
    assert!(page.text("[role=status]").unwrap().contains("erfasst"));
    assert!(page.text("h1").unwrap().contains("Entwurf"));
    let edit = anna.get(&format!("{path}/edit")).await.unwrap();
    assert_eq!(
        edit.attrs("#title", "value").unwrap()[0],
        "Begleitung nach der Aussteuerung"
    );
    let edited = anna
        .submit(
            &edit,
            "form.form",
            &[(
                "title",
                "Ausgesteuerte ohne RAV-Begleitung in der Sozialhilfe",
            )],
        )
        .await
        .unwrap();
    assert_eq!(edited.path, path);
    assert!(
        edited
            .text("h1")
            .unwrap()
            .starts_with("Ausgesteuerte ohne RAV-Begleitung in der Sozialhilfe")
    );
    assert!(edited.texts(".timeline li").unwrap()[0].contains("Anna Beispiel"));

    // Along the Zurich route: the office approves, the body discusses.
    let routed = anna
        .submit(&edited, "form[action$='/start-route']", &[])
        .await
        .unwrap();
    assert!(routed.text("h1").unwrap().contains("Auf dem Dienstweg"));
    for (person, outcome) in [(RETO, "approved"), (SABINE, "discussed")] {
        let browser = signed_in(&app, person).await;
        let page = browser.get(&path).await.unwrap();
        let recorded = browser
            .submit(
                &page,
                "form.step-form",
                &[("step_outcome", outcome), ("step_rationale", "Geprüft.")],
            )
            .await
            .unwrap();
        assert_eq!(recorded.status, 200, "{}", recorded.html);
    }

    // Before submitting, the similar shared concern is shown.
    let released = anna.get(&path).await.unwrap();
    assert!(
        released
            .text("h1")
            .unwrap()
            .contains("Vom Kanton freigegeben")
    );
    let confirm = anna.get(&format!("{path}/submit")).await.unwrap();
    assert_eq!(confirm.status, 200);
    assert!(
        confirm
            .texts(".similar h3")
            .unwrap()
            .iter()
            .any(|title| title == SIMILAR_TITLE),
        "{:?}",
        confirm.texts(".similar h3").unwrap()
    );
    let submitted = anna
        .submit(&confirm, "form.submit-form", &[])
        .await
        .unwrap();
    assert_eq!(submitted.path, path);
    assert!(
        submitted
            .text("h1")
            .unwrap()
            .contains("Bei der Fachstelle eingegangen")
    );
    assert!(
        submitted
            .text("[role=status]")
            .unwrap()
            .contains("eingereicht")
    );
}

async fn the_fachstelle_accepts_and_returns(backend: Backend) {
    let Some(app) = spawn_app(backend, true).await.unwrap() else {
        return;
    };
    // Geneva has no cantonal route: Luc submits his drafts directly (fr).
    let luc = signed_in(&app, LUC).await;
    let list = luc.get("/concerns").await.unwrap();
    assert_eq!(list.lang().unwrap(), "fr");
    assert_eq!(list.text("h1").unwrap(), "Demandes");
    let mut paths = Vec::new();
    for title in [
        "Stages en entreprise pour jeunes adultes",
        "Bilan de compétences commun",
    ] {
        let page = draft(&luc, title, "Une description de la demande.").await;
        assert!(page.text("h1").unwrap().contains("Projet"));
        let submitted = submit_anyway(&luc, &page.path).await;
        assert!(submitted.text("[role=status]").unwrap().contains("déposée"));
        paths.push(page.path);
    }

    // The Fachstelle accepts the first from its intake queue.
    let petra = signed_in(&app, PETRA).await;
    let queue = petra.get("/queue").await.unwrap();
    assert_eq!(queue.text("h1").unwrap(), "Eingang der Fachstelle");
    assert!(
        queue
            .has("nav.tabs a[aria-current=page][href='/queue?queue=intake']")
            .unwrap()
    );
    let accept = format!("form.accept-form[action='{}/accept']", paths[0]);
    let accepted = petra.submit(&queue, &accept, &[]).await.unwrap();
    assert_eq!(accepted.path, "/queue?queue=intake");
    assert!(
        accepted
            .text("[role=status]")
            .unwrap()
            .contains("angenommen")
    );
    assert!(!accepted.has(&accept).unwrap());
    let ekg = petra.get("/queue?queue=ekg").await.unwrap();
    assert!(
        ekg.attrs("table.queue tbody th a", "href")
            .unwrap()
            .contains(&paths[0])
    );

    // Recording the EKG's examination needs the decision it rests on:
    // refused without one, the rationale kept, the error at the basis.
    let at_ekg = petra.get(&paths[0]).await.unwrap();
    let refused = petra
        .submit(
            &at_ekg,
            "form.examine-form",
            &[
                ("examine_outcome", "handle_in_ekg"),
                ("examine_rationale", "Im EKG traktandiert."),
            ],
        )
        .await
        .unwrap();
    assert_eq!(refused.status, 422);
    assert!(refused.field_error("examine_basis").unwrap().is_some());
    assert_eq!(
        refused.text("#examine_rationale").unwrap(),
        "Im EKG traktandiert."
    );

    // And returns the second with its reason, from the concern's page.
    let page = petra.get(&paths[1]).await.unwrap();
    let returned = petra
        .submit(
            &page,
            "form.return-form",
            &[
                ("return_reason", "needs_information"),
                ("return_rationale", "Es fehlen die Fallzahlen."),
                ("return_needed", "Fallzahlen 2025"),
            ],
        )
        .await
        .unwrap();
    assert_eq!(returned.path, paths[1]);
    assert!(returned.text("h1").unwrap().contains("Zurückgewiesen"));
    let latest = &returned.texts(".timeline li").unwrap()[0];
    assert!(latest.contains("Angaben fehlen"), "{latest}");
    assert!(latest.contains("Es fehlen die Fallzahlen."), "{latest}");
    assert!(latest.contains("Petra Muster"), "{latest}");
    // Luc reads it in French, with the same reason.
    let seen = luc.get(&paths[1]).await.unwrap();
    assert!(seen.text("h1").unwrap().contains("Renvoyée"));
    assert!(seen.texts(".timeline li").unwrap()[0].contains("Informations manquantes"));
}

async fn the_fachstelle_merges_side_by_side(backend: Backend) {
    let Some(app) = spawn_app(backend, true).await.unwrap() else {
        return;
    };
    let luc = signed_in(&app, LUC).await;
    let page = draft(&luc, "Aussteuerung und Sozialhilfe in Genf", SIMILAR_TEXT).await;
    let path = page.path.clone();
    submit_anyway(&luc, &path).await;

    let petra = signed_in(&app, PETRA).await;
    let id = path.trim_start_matches("/concerns/");
    let merge = petra.get(&format!("/queue/merge/{id}")).await.unwrap();
    assert_eq!(merge.status, 200);
    assert_eq!(
        merge.text("#merge-this ~ h3").unwrap(),
        "Aussteuerung und Sozialhilfe in Genf"
    );
    let titles = merge.texts(".similar label").unwrap();
    let ids = merge.attrs(".similar input[name=into]", "value").unwrap();
    let index = titles
        .iter()
        .position(|title| title == SIMILAR_TITLE)
        .unwrap_or_else(|| panic!("{SIMILAR_TITLE} not among {titles:?}"));

    // Refused without a choice: the rationale is kept, the error at "into".
    let refused = petra
        .submit(
            &merge,
            "form.merge-form",
            &[("merge_rationale", "Gleiches Thema.")],
        )
        .await
        .unwrap();
    assert_eq!(refused.status, 422);
    assert!(refused.field_error("into").unwrap().is_some());
    assert_eq!(refused.text("#merge_rationale").unwrap(), "Gleiches Thema.");

    let merged = petra
        .submit(
            &refused,
            "form.merge-form",
            &[
                ("into", ids[index].as_str()),
                ("merge_rationale", "Gleiches Thema."),
            ],
        )
        .await
        .unwrap();
    assert_eq!(merged.path, format!("/concerns/{}", ids[index]));
    assert!(
        merged
            .text("[role=status]")
            .unwrap()
            .contains("zusammengeführt")
    );
    let gone = petra.get(&path).await.unwrap();
    assert!(gone.text("h1").unwrap().contains("Zusammengeführt"));
    assert!(
        gone.attrs(".facts a", "href")
            .unwrap()
            .contains(&format!("/concerns/{}", ids[index]))
    );
}

on_both_backends!(
    a_coordinator_drafts_edits_and_submits,
    the_fachstelle_accepts_and_returns,
    the_fachstelle_merges_side_by_side,
);
