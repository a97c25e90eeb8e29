//! Focus areas for the tests that adopt a work programme.

use std::collections::BTreeMap;

use iiz_domain::programme::{FocusArea, FocusAreaDefinition};
use iiz_domain::text::{FreeText, Title};

fn text(value: &str) -> FreeText {
    FreeText::parse(value).unwrap()
}

fn title(value: &str) -> Title {
    Title::parse(value).unwrap()
}

/// A focus area key.
pub fn focus(key: &str) -> FocusArea {
    FocusArea::parse(key).unwrap()
}

/// The first programme's focus areas: the three of the 2017 decision.
pub fn first_focus_areas() -> BTreeMap<FocusArea, FocusAreaDefinition> {
    [
        ("professionalisation", "Professionalisierung"),
        (
            "labour_market_integration",
            "Bildungs- und Arbeitsmarktintegration",
        ),
        ("key_actors", "Zentrale Akteure"),
    ]
    .into_iter()
    .map(|(key, name)| {
        let definition = FocusAreaDefinition {
            title: title(name),
            description: text("Aus dem Einsetzungsbeschluss 2017"),
            goal: text("Ziel für die Periode"),
        };
        (focus(key), definition)
    })
    .collect()
}
