use std::collections::BTreeSet;

use chrono::NaiveDate;
use iiz_app::outbound::NotificationKind;
use iiz_domain::recommendation::{Acceptance, ImplementationStatus};

use super::*;

fn messages() -> Messages {
    Messages::embedded().expect("the embedded messages parse")
}

/// Every variable any message reads.
fn full_args() -> Args {
    Args::new()
        .text("concern", "Ausgesteuerte zwischen RAV und Sozialhilfe")
        .text("origin", "ZH")
        .text("channel", "via_fachstelle")
        .text("reason", "nicht IIZ-relevant")
        .text("target", "Jeunes sans solution")
        .text("outcome", "Empfehlung")
        .text("recommendation", "Fallführung")
        .text("addressee", "GE")
        .number("version", 2)
        .text("due", "30.06.2026")
        .text("acceptance", "angenommen")
        .text("status", "in Umsetzung")
        .text("threshold", "soon")
        .text("what", "answer")
        .number("days", 7)
        .text("meeting", "EKG-Sitzung 2/2026")
        .text("body", "EKG")
        .text("date", "12.05.2026")
        .text("time", "09:30")
        .text("item", "Anliegen ZH")
        .text("link", "https://iiz.example/concerns/1")
        .number("count", 3)
        .text("name", "Anna Beispiel")
        .text("value", "recommendation")
        .text("proposal", "Empfehlung")
        .text("resolution", "Jahresbericht der Fachstelle")
        .text("label", "Zirkularbeschluss STG 3/2026")
        .text("network", "Espace Mittelland")
        .text("cantons", "BE, SO")
        .text("coordinator", "Martin Raster")
        .text("person", "Anna Beispiel")
        .text("until", "06.12.2026 18:45")
        .text("step", "published")
}

/// The message ids an `.ftl` file defines.
fn ids(source: &str) -> BTreeSet<String> {
    source
        .lines()
        .filter(|line| line.starts_with(|c: char| c.is_ascii_lowercase()))
        .filter_map(|line| line.split_once(" ="))
        .map(|(id, _)| id.trim().to_owned())
        .collect()
}

fn expected_ids() -> BTreeSet<String> {
    NotificationKind::ALL
        .into_iter()
        .flat_map(|kind| PARTS.map(|part| format!("{}-{part}", kind.as_str())))
        .chain(SHARED_MESSAGES.iter().map(|id| (*id).to_owned()))
        .collect()
}

#[test]
fn every_language_has_exactly_the_expected_messages() {
    let messages = messages();
    let expected = expected_ids();
    for locale in Locale::ALL {
        assert_eq!(ids(locale.source()), expected, "{locale:?}");
        for id in &expected {
            assert!(messages.has(locale, id), "{locale:?} lacks {id}");
        }
    }
}

fn check_text(locale: Locale, id: &str, text: &str) {
    assert!(!text.trim().is_empty(), "{locale:?} {id} is empty");
    assert!(
        !text.contains(['{', '}', '\u{2068}', '\u{2069}']),
        "{locale:?} {id}: {text}"
    );
}

#[test]
fn every_message_formats_in_every_language_and_step() {
    let messages = messages();
    for locale in Locale::ALL {
        for id in expected_ids() {
            let text = messages.format(locale, &id, &full_args()).expect(&id);
            check_text(locale, &id, &text);
        }
        for kind in NotificationKind::ALL {
            let mut titles = BTreeSet::new();
            for step in Step::of(kind) {
                let args = full_args().text("step", step.as_str());
                let wording = messages.wording(locale, kind, &args).expect("wording");
                for (part, text) in [
                    ("title", &wording.title),
                    ("body", &wording.body),
                    ("subject", &wording.subject),
                ] {
                    check_text(locale, &format!("{kind:?} {step:?} {part}"), text);
                }
                // A misspelled variant key would fall back to the default
                // and word two steps alike.
                assert!(
                    titles.insert(wording.body.clone()),
                    "{locale:?} {kind:?}: {step:?} is worded like another step"
                );
            }
        }
    }
}

#[test]
fn reminders_tell_apart_what_is_due_and_how_soon() {
    let messages = messages();
    for locale in Locale::ALL {
        let mut bodies = BTreeSet::new();
        for threshold in ["soon", "overdue"] {
            for what in ["answer", "report"] {
                for days in [0, 1, 7, 30] {
                    let args = full_args()
                        .text("threshold", threshold)
                        .text("what", what)
                        .number("days", days);
                    let wording = messages
                        .wording(locale, NotificationKind::DueReminder, &args)
                        .expect("reminder");
                    bodies.insert(wording.body);
                }
            }
        }
        // Overdue texts do not name the days left: 2 + 2 × 4.
        assert_eq!(bodies.len(), 10, "{locale:?}: {bodies:#?}");
    }
}

#[test]
fn labels_name_every_value_apart() {
    let messages = messages();
    let values: [(&str, Vec<&str>); 5] = [
        (
            "stg-outcome",
            vec![
                "recommendation",
                "project",
                "working_group",
                "new_action_field",
                "declined",
            ],
        ),
        (
            "ekg-outcome",
            vec![
                "handle_in_ekg",
                "give_to_working_group",
                "propose_to_stg",
                "close_with_answer",
            ],
        ),
        (
            "return-reason",
            vec!["not_iiz_relevant", "cantonal_matter", "needs_information"],
        ),
        (
            "acceptance",
            Acceptance::ALL.iter().map(Acceptance::as_str).collect(),
        ),
        (
            "implementation-status",
            ImplementationStatus::ALL
                .iter()
                .map(ImplementationStatus::as_str)
                .collect(),
        ),
    ];
    for locale in Locale::ALL {
        for (id, values) in &values {
            let labels: BTreeSet<String> = values
                .iter()
                .map(|value| {
                    let args = Args::new().text("value", *value).text("proposal", "x");
                    messages.format(locale, id, &args).expect(id)
                })
                .collect();
            assert_eq!(labels.len(), values.len(), "{locale:?} {id}: {labels:?}");
        }
    }
}

#[test]
fn a_missing_variable_or_message_is_an_error() {
    let messages = messages();
    let args = Args::new().text("concern", "X");
    assert!(
        messages
            .format(Locale::De, "concern_submitted-body", &args)
            .is_err()
    );
    assert!(
        messages
            .format(Locale::Fr, "no-such-message", &args)
            .is_err()
    );
}

#[test]
fn texts_are_in_the_readers_language_with_swiss_dates() {
    let messages = messages();
    let args = full_args().text("step", "published");
    let kind = NotificationKind::RecommendationPublished;
    let german = messages.wording(Locale::De, kind, &args).expect("de");
    let french = messages.wording(Locale::Fr, kind, &args).expect("fr");
    let italian = messages.wording(Locale::It, kind, &args).expect("it");
    assert!(german.title.starts_with("Neue Empfehlung"), "{german:?}");
    assert!(
        french.title.starts_with("Nouvelle recommandation"),
        "{french:?}"
    );
    assert!(
        italian.title.starts_with("Nuova raccomandazione"),
        "{italian:?}"
    );
    assert!(german.body.contains("30.06.2026"));
    assert_eq!(Locale::of(Language::Rm), Locale::De);
    let day = NaiveDate::from_ymd_opt(2026, 3, 5).expect("day");
    assert_eq!(swiss_date(day), "05.03.2026");
}

#[test]
fn an_email_text_ends_with_the_link_and_a_signature() {
    let messages = messages();
    let text = messages
        .email_text(Locale::It, "Corpo.", "https://iiz.example/meetings/1")
        .expect("text");
    let (message, footer) = text.split_once(SIGNATURE).expect("signature");
    assert!(message.starts_with("Corpo.\n\nSulla piattaforma: https://iiz.example/meetings/1"));
    assert!(footer.contains("piattaforma CII"));
}
