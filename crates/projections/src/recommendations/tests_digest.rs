//! The digest holds what the summary and the monitoring rows hold, and
//! reads back from its stored JSON.

use iiz_domain::{Partner, Party};
use iiz_store::{DocKey, DocSet};

use super::fixtures::{amended_history, history, id, project, rows, summary};
use super::*;
use crate::get_typed;

/// The digest as a reader finds it: through its stored JSON.
fn stored_digest(docs: &DocSet) -> MonitoringDigest {
    let key = DocKey::new(RECOMMENDATION_DIGESTS, id().to_string());
    let digest: MonitoringDigest = get_typed(docs, &key).unwrap().unwrap();
    let json = serde_json::to_value(&digest).unwrap();
    let first_row = &json["rows"][0];
    assert!(first_row.is_array(), "rows are arrays: {first_row}");
    serde_json::from_value(json).unwrap()
}

/// The rows in the order of their documents' keys.
fn rows_by_code(mut rows: Vec<MonitoringRow>) -> Vec<MonitoringRow> {
    rows.sort_by(|a, b| a.addressee_key.cmp(&b.addressee_key));
    rows
}

#[test]
fn the_digest_holds_the_summary_and_every_row_with_an_open_flag() {
    let docs = project(&history());
    let (summary_read, rows_read) = stored_digest(&docs).into_parts().unwrap();
    assert_eq!(summary_read, summary(&docs));
    let expected = rows_by_code(rows(&docs));
    assert!(expected.iter().any(|row| row.open_flag.is_some()));
    assert!(expected.iter().any(|row| row.status_history.len() == 2));
    assert_eq!(rows_read, expected);
}

#[test]
fn an_added_addressee_takes_its_place_in_the_digest() {
    let docs = project(&amended_history());
    let (summary_read, rows_read) = stored_digest(&docs).into_parts().unwrap();
    assert_eq!(summary_read.version, 2);
    assert_eq!(summary_read, summary(&docs));
    let skos = DocKey::new(
        RECOMMENDATION_MONITORING,
        item_key(&id().to_string(), Party::Partner(Partner::Skos)),
    );
    let mut expected = rows(&docs);
    expected.push(get_typed(&docs, &skos).unwrap().unwrap());
    let codes: Vec<&str> = rows_read
        .iter()
        .map(|row| row.addressee_key.as_str())
        .collect();
    assert_eq!(codes, ["BE", "GE", "SKOS", "SODK", "ZH"]);
    assert_eq!(rows_read, rows_by_code(expected));
}
