//! What the Seismograf journey told its participants: the inbox items each
//! one got and the e-mails (as `.eml` files of the embedded default), in
//! their language. Geneva, whose concern was merged into Zurich's, hears of
//! the STG's decision in French; Marco, who took it, does not hear of his own
//! step.

use std::time::{Duration, Instant};

use iiz_tests::{Session, TestApp};
use serde_json::json;

use crate::requests::ok;

const INBOX: &str =
    "{ inbox(first: 100) { unreadCount edges { node { kind title link subjectId } } } }";

/// The caller's inbox items (kind, title, subject id).
async fn inbox(app: &TestApp, who: &Session) -> Vec<(String, String, String)> {
    let page = ok(app, who, INBOX, json!({})).await;
    page["inbox"]["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|edge| {
            let node = &edge["node"];
            let text = |field: &str| node[field].as_str().unwrap_or_default().to_owned();
            (text("kind"), text("title"), text("subjectId"))
        })
        .collect()
}

/// Waits until the person's inbox has an item of `kind` on `subject`: the
/// notifier works behind the command, not inside it.
async fn heard(app: &TestApp, who: &Session, kind: &str, subject: &str) -> String {
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let items = inbox(app, who).await;
        if let Some((_, title, _)) = items
            .iter()
            .find(|(found, _, id)| found == kind && id == subject)
        {
            return title.clone();
        }
        assert!(
            Instant::now() < deadline,
            "no {kind} notification on {subject} within 60 s: {items:?}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// The decoded subjects of the e-mails written to `address`.
fn subjects_to(app: &TestApp, address: &str) -> Vec<String> {
    use mailparse::MailHeaderMap as _;
    let dir = app.data_dir.path().join("mail");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    entries
        .filter_map(|entry| std::fs::read(entry.ok()?.path()).ok())
        .filter_map(|raw| {
            let mail = mailparse::parse_mail(&raw).ok()?;
            let to = mail.headers.get_first_value("To")?;
            to.contains(address)
                .then(|| mail.headers.get_first_value("Subject"))
                .flatten()
        })
        .collect()
}

/// The people of the journey, signed in.
pub(crate) struct Participants<'a> {
    pub anna: &'a Session,
    pub luc: &'a Session,
    pub hans: &'a Session,
    pub nicole: &'a Session,
    pub petra: &'a Session,
    pub marco: &'a Session,
}

pub(crate) async fn participants_heard(
    app: &TestApp,
    people: &Participants<'_>,
    zh_id: &str,
    ge_id: &str,
) {
    // The Fachstelle heard of both submissions.
    heard(app, people.petra, "CONCERN_SUBMITTED", zh_id).await;
    heard(app, people.petra, "CONCERN_SUBMITTED", ge_id).await;
    // Geneva heard its concern was merged, then of every step on the one it
    // was merged into: in French.
    let merged = heard(app, people.luc, "CONCERN_TRIAGED", ge_id).await;
    assert!(!merged.is_empty());
    let decided_fr = heard(app, people.luc, "CONCERN_DECIDED", zh_id).await;
    assert!(
        decided_fr.starts_with("Décision du comité de pilotage"),
        "{decided_fr}"
    );
    heard(app, people.luc, "CONCERN_ANSWERED", zh_id).await;
    // Zurich, Bern and the SKOS (submitter and endorsers) heard it in German.
    for who in [people.anna, people.hans, people.nicole] {
        let decided = heard(app, who, "CONCERN_DECIDED", zh_id).await;
        assert!(decided.starts_with("Das STG hat entschieden"), "{decided}");
        heard(app, who, "CONCERN_EXAMINED", zh_id).await;
    }
    // Marco took the decision: he is not told of his own step.
    let marco = inbox(app, people.marco).await;
    assert!(
        !marco
            .iter()
            .any(|(kind, _, id)| kind == "CONCERN_DECIDED" && id == zh_id),
        "{marco:?}"
    );

    // The e-mails say the same, in each recipient's language.
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let to_luc = subjects_to(app, "luc.exemple@ge.demo.iiz.invalid");
        let to_anna = subjects_to(app, "anna.beispiel@zh.demo.iiz.invalid");
        let french = to_luc
            .iter()
            .any(|subject| subject.starts_with("CII : décision du comité de pilotage"));
        let german = to_anna
            .iter()
            .any(|subject| subject.starts_with("IIZ: Entscheid des STG"));
        if french && german {
            assert!(
                !to_luc
                    .iter()
                    .any(|subject| subject.starts_with("IIZ: Entscheid")),
                "Geneva gets no German e-mail: {to_luc:?}"
            );
            break;
        }
        assert!(
            Instant::now() < deadline,
            "the decision e-mails were not written: {to_luc:?} {to_anna:?}"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}
