//! What the ten answering cantons say, and the monitoring table their
//! answers must produce, column by column.

use chrono::{Months, NaiveDate};

/// One canton's answer and reports: (from, to, status, percent).
pub struct Item {
    pub canton: &'static str,
    pub acceptance: &'static str,
    pub justification: &'static str,
    pub reports: Vec<(NaiveDate, NaiveDate, &'static str, Option<u8>)>,
}

pub fn ten_cantons(today: NaiveDate, half: NaiveDate, year: NaiveDate) -> Vec<Item> {
    let after_half = half.succ_opt().unwrap();
    let item = |canton, acceptance, justification, reports| Item {
        canton,
        acceptance,
        justification,
        reports,
    };
    vec![
        item(
            "ZH",
            "ACCEPTED",
            "",
            vec![
                (today, half, "IN_PROGRESS", Some(40)),
                (after_half, year, "IMPLEMENTED", Some(100)),
            ],
        ),
        item(
            "BE",
            "ACCEPTED",
            "",
            vec![(today, year, "IMPLEMENTED", Some(100))],
        ),
        item(
            "SO",
            "PARTLY_ACCEPTED",
            "Nur für die RAV-Region Solothurn",
            vec![(today, year, "PLANNED", None)],
        ),
        item(
            "GE",
            "NOT_ACCEPTED",
            "Déjà réglé par la loi cantonale",
            vec![],
        ),
        item("VD", "NOT_RELEVANT", "Pas de cas dans le canton", vec![]),
        item(
            "LU",
            "ACCEPTED",
            "",
            vec![(today, year, "IN_PROGRESS", Some(60))],
        ),
        item("AG", "ACCEPTED", "", vec![]),
        item(
            "TI",
            "PARTLY_ACCEPTED",
            "Solo per l'URC di Bellinzona",
            vec![(today, year, "NOT_STARTED", Some(0))],
        ),
        item(
            "BS",
            "ACCEPTED",
            "",
            vec![(today, half, "IMPLEMENTED", Some(100))],
        ),
        item(
            "SG",
            "ACCEPTED",
            "",
            vec![(today, year, "IN_PROGRESS", Some(30))],
        ),
    ]
}

fn snake(value: &str) -> String {
    value.to_lowercase()
}

fn optional<T: ToString>(value: Option<T>) -> String {
    value.map(|value| value.to_string()).unwrap_or_default()
}

/// The header and our 28 rows, in addressee order (cantons, then IVSK and
/// SKOS in the partners' order).
pub fn expected_csv(
    id: &str,
    items: &[Item],
    today: NaiveDate,
    answer_due: NaiveDate,
    as_of: NaiveDate,
) -> String {
    // The committed contract, not the constant that writes the header.
    let mut csv = include_str!("../../schema/exports/monitoring-header.csv").to_owned();
    let mut addressees: Vec<String> = iiz_domain::CantonCode::all()
        .map(|code| code.as_str().to_owned())
        .collect();
    addressees.extend(["IVSK".to_owned(), "SKOS".to_owned()]);
    let yearly = |day: NaiveDate| day.checked_add_months(Months::new(12)).unwrap();
    for addressee in addressees {
        let kind = if addressee.len() == 2 {
            "canton"
        } else {
            "partner"
        };
        let item = items.iter().find(|item| item.canton == addressee);
        let (acceptance, answered_on, version) = match item {
            Some(item) => (snake(item.acceptance), today.to_string(), "1".to_owned()),
            None => (String::new(), String::new(), String::new()),
        };
        let last = item.and_then(|item| item.reports.last());
        let reports = item.map_or(0, |item| item.reports.len());
        let committed = item.is_some_and(|item| {
            item.acceptance.contains("ACCEPTED") && !item.acceptance.starts_with("NOT")
        });
        let final_status = last.is_some_and(|(_, _, status, _)| *status == "IMPLEMENTED");
        let (next_due, next_kind) = match (item, committed, final_status) {
            (None, _, _) => (Some(answer_due), "answer"),
            (Some(_), true, false) => (
                Some(yearly(last.map_or(answer_due, |(_, to, _, _)| *to))),
                "report",
            ),
            _ => (None, ""),
        };
        let overdue = next_due.is_some_and(|due| due < as_of);
        let days = next_due
            .filter(|_| overdue)
            .map(|due| (as_of - due).num_days());
        let flagged = addressee == "AG";
        let row = [
            id.to_owned(),
            "Gemeinsame Fallführung bei Aussteuerung".to_owned(),
            "labour_market_integration".to_owned(),
            "published".to_owned(),
            "1".to_owned(),
            today.to_string(),
            today.to_string(),
            answer_due.to_string(),
            "yearly".to_owned(),
            addressee.clone(),
            kind.to_owned(),
            acceptance,
            answered_on,
            version,
            optional(last.map(|(_, _, status, _)| snake(status))),
            optional(last.and_then(|(_, _, _, percent)| *percent)),
            optional(last.map(|(_, to, _, _)| *to)),
            if reports > 0 {
                today.to_string()
            } else {
                String::new()
            },
            reports.to_string(),
            optional(next_due),
            next_kind.to_owned(),
            overdue.to_string(),
            optional(days),
            "false".to_owned(),
            flagged.to_string(),
            flagged.to_string(),
            (addressee == "ZH").to_string(),
            as_of.to_string(),
        ];
        csv.push_str(&row.join(","));
        csv.push('\n');
    }
    csv
}
