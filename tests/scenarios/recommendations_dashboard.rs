//! The national dashboard before and after the scenario's recommendation:
//! the demo brings recommendations of its own, so counts are compared as
//! differences and lists filtered to the scenario's recommendation.

use chrono::NaiveDate;
use iiz_tests::{Session, TestApp};
use serde_json::{Value, json};

use super::addressees;
use crate::requests::ok;

const DASHBOARD: &str =
    "query($asOf: NaiveDate!) { recommendationDashboard(asOf: $asOf, longOutstandingYears: 1) {
    openRecommendations distribution { items unanswered committed implemented notReported
        acceptance { acceptance count } status { status count } }
    byFocusArea { key overdue distribution { items committed implemented } }
    byAddressee { key overdue distribution { committed implemented } }
    overdue { recommendation addressee { code } kind due daysOverdue priority }
    longOutstanding { recommendation addressee { code } }
    flagged { recommendation addressee { code } note }
    priority { recommendation addressee { code } }
    overTime { on committed implemented } } }";

pub(super) async fn dashboard(app: &TestApp, petra: &Session, as_of: NaiveDate) -> Value {
    ok(app, petra, DASHBOARD, json!({ "asOf": as_of })).await["recommendationDashboard"].clone()
}

/// A count in `after` minus the same count in `before` (the demo's own
/// recommendations are in both).
fn delta(before: &Value, after: &Value, pointer: &str) -> i64 {
    let count = |board: &Value| board.pointer(pointer).and_then(Value::as_i64).unwrap_or(0);
    count(after) - count(before)
}

fn counts(board: &Value, list: &str, key: &str, value: &str) -> i64 {
    board["distribution"][list]
        .as_array()
        .unwrap()
        .iter()
        .find(|entry| entry[key] == value)
        .map_or(0, |entry| entry["count"].as_i64().unwrap())
}

fn ours<'a>(board: &'a Value, list: &str, id: &str) -> Vec<&'a Value> {
    board[list]
        .as_array()
        .unwrap()
        .iter()
        .filter(|entry| entry["recommendation"] == id)
        .collect()
}

fn codes(entries: &[&Value]) -> Vec<String> {
    entries
        .iter()
        .map(|entry| entry["addressee"]["code"].as_str().unwrap().to_owned())
        .collect()
}

pub(super) async fn dashboard_is_exact(
    app: &TestApp,
    petra: &Session,
    before: &Value,
    id: &str,
    as_of: NaiveDate,
) {
    let after = dashboard(app, petra, as_of).await;
    assert_eq!(delta(before, &after, "/openRecommendations"), 1);
    for (pointer, expected) in [
        ("/distribution/items", 28),
        ("/distribution/unanswered", 18),
        ("/distribution/committed", 8),
        ("/distribution/implemented", 3),
        ("/distribution/notReported", 1),
    ] {
        assert_eq!(delta(before, &after, pointer), expected, "{pointer}");
    }
    for (acceptance, expected) in [
        ("ACCEPTED", 6),
        ("PARTLY_ACCEPTED", 2),
        ("NOT_ACCEPTED", 1),
        ("NOT_RELEVANT", 1),
    ] {
        let change = counts(&after, "acceptance", "acceptance", acceptance)
            - counts(before, "acceptance", "acceptance", acceptance);
        assert_eq!(change, expected, "{acceptance}");
    }
    for (status, expected) in [
        ("IMPLEMENTED", 3),
        ("IN_PROGRESS", 2),
        ("PLANNED", 1),
        ("NOT_STARTED", 1),
        ("NOT_IMPLEMENTED", 0),
    ] {
        let change =
            counts(&after, "status", "status", status) - counts(before, "status", "status", status);
        assert_eq!(change, expected, "{status}");
    }
    // Eighteen addressees never answered, Aargau never reported.
    let overdue = ours(&after, "overdue", id);
    assert_eq!(overdue.len(), 19);
    let reports: Vec<&&Value> = overdue
        .iter()
        .filter(|item| item["kind"] == "REPORT")
        .collect();
    assert_eq!(reports.len(), 1);
    assert_eq!(reports[0]["addressee"]["code"], "AG");
    assert_eq!(reports[0]["daysOverdue"], 30);
    assert_eq!(reports[0]["priority"], true);
    let mut answers = codes(&overdue);
    answers.retain(|code| code != "AG");
    let mut unanswered: Vec<String> = addressees();
    unanswered.retain(|code| {
        !["ZH", "BE", "SO", "GE", "VD", "LU", "AG", "TI", "BS", "SG"].contains(&code.as_str())
    });
    answers.sort();
    unanswered.sort();
    assert_eq!(answers, unanswered);
    assert_eq!(codes(&ours(&after, "flagged", id)), ["AG"]);
    assert_eq!(codes(&ours(&after, "priority", id)), ["AG"]);
    // Accepted more than a year before, not implemented.
    assert_eq!(
        codes(&ours(&after, "longOutstanding", id)),
        ["AG", "LU", "SG", "SO", "TI"]
    );
    let ag = |board: &Value| {
        board["byAddressee"]
            .as_array()
            .unwrap()
            .iter()
            .find(|group| group["key"] == "AG")
            .cloned()
            .unwrap_or(Value::Null)
    };
    assert_eq!(
        ag(&after)["overdue"].as_i64().unwrap() - ag(before)["overdue"].as_i64().unwrap_or(0),
        1
    );
    let last = |board: &Value, field: &str| {
        board["overTime"]
            .as_array()
            .unwrap()
            .last()
            .map_or(0, |point| point[field].as_i64().unwrap())
    };
    assert_eq!(
        after["overTime"].as_array().unwrap().last().unwrap()["on"],
        json!(as_of)
    );
    assert_eq!(last(&after, "committed") - last(before, "committed"), 8);
    assert_eq!(last(&after, "implemented") - last(before, "implemented"), 3);
}
