//! The key figures' report form: each figure as exact, range, estimate
//! or not available, with the text as the canton wrote it. Read into a
//! `FigureReport` with every error at its field; a range is never turned
//! into a midpoint, "not available" never into zero.

use std::collections::BTreeMap;

use iiz_domain::key_figures::{Figure, FigureReport, FigureValue};
use iiz_domain::panorama::InstitutionKind;
use iiz_domain::text::FreeText;

use super::Choice;
use super::labels::{self, value};
use crate::web::forms::FormErrors;
use crate::web::i18n::Tr;

/// The form as sent: field name → value (every name is sent once).
pub type Sent = BTreeMap<String, String>;

/// The figures of the form, by field prefix: the total, the registered
/// unemployed, then the cases per lead institution.
fn prefixes() -> Vec<(String, Option<InstitutionKind>)> {
    let mut prefixes = vec![
        ("cases_total".to_owned(), None),
        ("registered_unemployed".to_owned(), None),
    ];
    prefixes.extend(
        InstitutionKind::ALL
            .into_iter()
            .map(|kind| (format!("lead_{}", value(&kind)), Some(kind))),
    );
    prefixes
}

fn put(sent: &mut Sent, prefix: &str, figure: Option<&Figure>) {
    let mut set = |field: &str, text: String| {
        sent.insert(format!("{prefix}_{field}"), text);
    };
    let Some(figure) = figure else {
        set("kind", "none".to_owned());
        return;
    };
    set("kind", figure.value.as_str().to_owned());
    match figure.value {
        FigureValue::Exact { value } | FigureValue::Estimate { value } => {
            set("value", value.to_string());
        }
        FigureValue::Range { low, high } => {
            set("low", low.to_string());
            set("high", high.to_string());
        }
        FigureValue::NotAvailable => {}
    }
    set("as_written", figure.as_written.as_str().to_owned());
}

/// The form filled with a report (or empty for a first one).
pub fn of(report: Option<&FigureReport>) -> Sent {
    let mut sent = Sent::new();
    match report {
        Some(report) => {
            put(&mut sent, "cases_total", Some(&report.cases_total));
            put(
                &mut sent,
                "registered_unemployed",
                report.registered_unemployed.as_ref(),
            );
            for (prefix, kind) in prefixes().into_iter().skip(2) {
                let figure = kind.and_then(|kind| report.cases_by_lead.get(&kind));
                put(&mut sent, &prefix, figure);
            }
            sent.insert("note".to_owned(), report.note.as_str().to_owned());
        }
        None => {
            sent.insert("cases_total_kind".to_owned(), "exact".to_owned());
        }
    }
    sent
}

/// A number as people write it (`1'074`, `1 074`).
fn number(text: &str) -> Option<u32> {
    let digits: String = text
        .chars()
        .filter(|c| !matches!(c, '\'' | '’' | ' ' | '\u{202f}' | '\u{a0}'))
        .collect();
    digits.parse().ok()
}

/// One figure of the form; `None` when it is not given.
fn figure(tr: Tr, sent: &Sent, prefix: &str, errors: &mut FormErrors) -> Option<Figure> {
    let get = |field: &str| {
        sent.get(&format!("{prefix}_{field}"))
            .map_or("", String::as_str)
    };
    let mut fail = |field: &str, key: &str| errors.add(&format!("{prefix}_{field}"), tr.t(key));
    let read = |field: &str, fail: &mut dyn FnMut(&str, &str)| {
        let parsed = number(get(field));
        if parsed.is_none() {
            fail(field, "panorama-error-number");
        }
        parsed
    };
    let value = match get("kind") {
        "" | "none" => return None,
        "exact" => read("value", &mut fail).map(|value| FigureValue::Exact { value }),
        "estimate" => read("value", &mut fail).map(|value| FigureValue::Estimate { value }),
        "range" => {
            let low = read("low", &mut fail);
            let high = read("high", &mut fail);
            match (low, high) {
                (Some(low), Some(high)) if low > high => {
                    fail("low", "panorama-error-range");
                    None
                }
                (Some(low), Some(high)) => Some(FigureValue::Range { low, high }),
                _ => None,
            }
        }
        "not_available" => Some(FigureValue::NotAvailable),
        _ => {
            fail("kind", "panorama-error-choice");
            None
        }
    };
    let as_written = FreeText::parse(get("as_written")).unwrap_or_else(|_| {
        fail("as_written", "panorama-error-too-long");
        FreeText::default()
    });
    value.map(|value| Figure { value, as_written })
}

/// The report the form sends, keeping the further counts of `previous`
/// (the form does not edit them), or the errors at their fields.
pub fn report(
    tr: Tr,
    sent: &Sent,
    previous: Option<&FigureReport>,
) -> Result<FigureReport, FormErrors> {
    let mut errors = FormErrors::none();
    let cases_total = figure(tr, sent, "cases_total", &mut errors);
    if cases_total.is_none()
        && matches!(
            sent.get("cases_total_kind").map(String::as_str),
            None | Some("" | "none")
        )
    {
        errors.add("cases_total_kind", tr.t("panorama-error-total-required"));
    }
    let registered_unemployed = figure(tr, sent, "registered_unemployed", &mut errors);
    let mut cases_by_lead = BTreeMap::new();
    for (prefix, kind) in prefixes().into_iter().skip(2) {
        if let (Some(kind), Some(figure)) = (kind, figure(tr, sent, &prefix, &mut errors)) {
            cases_by_lead.insert(kind, figure);
        }
    }
    let note = FreeText::parse(sent.get("note").map_or("", String::as_str)).unwrap_or_else(|_| {
        errors.add("note", tr.t("panorama-error-too-long"));
        FreeText::default()
    });
    match cases_total {
        Some(cases_total) if errors.is_empty() => Ok(FigureReport {
            cases_total,
            cases_by_lead,
            registered_unemployed,
            other: previous
                .map(|report| report.other.clone())
                .unwrap_or_default(),
            note,
        }),
        _ => Err(errors),
    }
}

/// One figure's fields as typed.
#[derive(Debug, Clone)]
pub struct FigureRow {
    pub prefix: String,
    pub kind_id: String,
    pub value_id: String,
    pub low_id: String,
    pub high_id: String,
    pub as_written_id: String,
    pub legend: String,
    pub kinds: Vec<Choice>,
    pub value: String,
    pub low: String,
    pub high: String,
    pub as_written: String,
}

/// The form's figures as typed.
pub fn rows(tr: Tr, sent: &Sent) -> Vec<FigureRow> {
    prefixes()
        .into_iter()
        .map(|(prefix, kind)| {
            let get = |field: &str| {
                sent.get(&format!("{prefix}_{field}"))
                    .cloned()
                    .unwrap_or_default()
            };
            let chosen = get("kind");
            let mut kinds = Vec::new();
            // Only the total must be given.
            if prefix != "cases_total" {
                kinds.push(Choice::new(
                    "none",
                    tr.t("panorama-figure-not-given"),
                    chosen.is_empty() || chosen == "none",
                ));
            }
            kinds.extend(
                labels::FIGURE_KINDS
                    .iter()
                    .map(|kind| Choice::new(*kind, labels::figure_kind(tr, kind), chosen == *kind)),
            );
            let legend = match kind {
                Some(kind) => tr.t1(
                    "panorama-figure-cases-by-lead",
                    "lead",
                    labels::institution(tr, kind),
                ),
                None if prefix == "cases_total" => tr.t("panorama-figure-cases-total"),
                None => tr.t("panorama-figure-registered-unemployed"),
            };
            FigureRow {
                kind_id: format!("{prefix}_kind"),
                value_id: format!("{prefix}_value"),
                low_id: format!("{prefix}_low"),
                high_id: format!("{prefix}_high"),
                as_written_id: format!("{prefix}_as_written"),
                legend,
                kinds,
                value: get("value"),
                low: get("low"),
                high: get("high"),
                as_written: get("as_written"),
                prefix,
            }
        })
        .collect()
}
