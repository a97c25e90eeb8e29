//! Focus areas (Schwerpunkte) as data (national concept 3.1, 3.2): the STG
//! reviews the focus at each work programme and "kann zusätzliche
//! Handlungsfelder definieren", so a focus area is a key that a programme
//! defines, not a variant of the code. The three of the 2017 decision are
//! the content of the first programme.
//!
//! Keys keep the spelling of the former enum (`professionalisation`,
//! `labour_market_integration`, `key_actors`), so every stored event that
//! names one still reads.

use std::collections::BTreeMap;
use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize};

use crate::text::{FreeText, Title};

/// The stable key of a focus area: lowercase ASCII letters, digits and `_`,
/// starting with a letter (a slug: it is stored in events, used as a
/// GraphQL id and as a grouping key, and never changes when the focus area
/// is renamed).
#[derive(
    Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(try_from = "String", into = "String")]
#[schemars(extend("minLength" = 1, "maxLength" = Self::MAX_CHARS, "pattern" = FOCUS_AREA_KEY))]
pub struct FocusArea(String);

/// What [`FocusArea::parse`] accepts, for the published schemas.
pub(crate) const FOCUS_AREA_KEY: &str = r"^[a-z][a-z0-9_]*$";

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "'{0}' is not a focus area key: use lowercase letters, digits and '_', starting with a letter, at most {max} characters",
    max = FocusArea::MAX_CHARS
)]
pub struct FocusAreaKeyError(pub String);

impl FocusArea {
    pub const MAX_CHARS: usize = 64;

    pub fn parse(input: &str) -> Result<Self, FocusAreaKeyError> {
        let key = input.trim();
        let starts_with_letter = key.chars().next().is_some_and(|c| c.is_ascii_lowercase());
        let slug = key
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
        if starts_with_letter && slug && key.len() <= Self::MAX_CHARS {
            Ok(Self(key.to_owned()))
        } else {
            Err(FocusAreaKeyError(input.to_owned()))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for FocusArea {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for FocusArea {
    type Error = FocusAreaKeyError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<FocusArea> for String {
    fn from(value: FocusArea) -> Self {
        value.0
    }
}

/// How a work programme defines one of its focus areas.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct FocusAreaDefinition {
    pub title: Title,
    /// What the focus area covers.
    pub description: FreeText,
    /// Its goal for the programme's period.
    pub goal: FreeText,
}

/// The three focus areas of the 2017 decision, as the concept words them
/// (3.1). Only read to give the programmes adopted before focus areas were
/// data a title and description: their events hold the key and the goal.
const INITIAL_FOCUS_AREAS: [(&str, &str, &str); 3] = [
    (
        "professionalisation",
        "Professionalisierung der Koordination und Zusammenarbeit",
        "Professionalisierung der Koordination und Zusammenarbeit sowie Aufzeigen von guten Beispielen eines wirkungsvollen Massnahmeneinsatzes.",
    ),
    (
        "labour_market_integration",
        "Bildungs- und Arbeitsmarktintegration",
        "Verstärkung der Bildungs- und Arbeitsmarktintegration bei den gefährdeten Zielgruppen der IIZ-Partner.",
    ),
    (
        "key_actors",
        "Zusammenarbeit mit zentralen Akteuren",
        "Sensibilisierung und Verstärkung der Zusammenarbeit mit zentralen Akteuren in den IIZ-Bereichen.",
    ),
];

/// The definition a programme adopted before focus areas were data gave
/// `key`: the 2017 title and description, with the goal it recorded.
fn legacy_definition(key: &FocusArea, goal: FreeText) -> Result<FocusAreaDefinition, String> {
    let (title, description) = INITIAL_FOCUS_AREAS
        .iter()
        .find(|(known, _, _)| *known == key.as_str())
        .map_or((key.as_str(), ""), |(_, title, description)| {
            (*title, *description)
        });
    Ok(FocusAreaDefinition {
        title: Title::parse(title).map_err(|error| error.to_string())?,
        description: FreeText::parse(description).map_err(|error| error.to_string())?,
        goal,
    })
}

/// A programme's focus areas as stored: a definition each, or (events from
/// before focus areas were data) only the goal.
#[derive(Deserialize)]
#[serde(untagged)]
enum StoredDefinition {
    Goal(FreeText),
    Defined(FocusAreaDefinition),
}

/// Reads a programme's focus areas from events of either shape.
pub(crate) fn deserialize_definitions<'de, D>(
    deserializer: D,
) -> Result<BTreeMap<FocusArea, FocusAreaDefinition>, D::Error>
where
    D: Deserializer<'de>,
{
    let stored = BTreeMap::<FocusArea, StoredDefinition>::deserialize(deserializer)?;
    stored
        .into_iter()
        .map(|(key, definition)| {
            let definition = match definition {
                StoredDefinition::Defined(definition) => definition,
                StoredDefinition::Goal(goal) => {
                    legacy_definition(&key, goal).map_err(serde::de::Error::custom)?
                }
            };
            Ok((key, definition))
        })
        .collect()
}

/// The focus area a concern touches. Concerns written before focus areas
/// were data hold free text: text that names one of the 2017 focus areas
/// (its key or its German title) reads as that focus area, any other text
/// is kept as a note, so no old concern loses what its author wrote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum ConcernFocus {
    /// A focus area of the work programme, by key.
    Area(FocusArea),
    /// Free text of an old concern that names no focus area.
    Note { note: Title },
}

impl ConcernFocus {
    /// The focus area, if the concern names one.
    pub fn area(&self) -> Option<&FocusArea> {
        match self {
            Self::Area(area) => Some(area),
            Self::Note { .. } => None,
        }
    }

    /// The free text of an old concern, if it named no focus area.
    pub fn note(&self) -> Option<&Title> {
        match self {
            Self::Area(_) => None,
            Self::Note { note } => Some(note),
        }
    }

    /// Reads a concern's former free text.
    fn from_text(text: &str) -> Result<Self, String> {
        if let Ok(area) = FocusArea::parse(text) {
            return Ok(Self::Area(area));
        }
        let named = INITIAL_FOCUS_AREAS
            .iter()
            .find(|(_, title, _)| title.eq_ignore_ascii_case(text.trim()));
        if let Some((key, _, _)) = named {
            return FocusArea::parse(key)
                .map(Self::Area)
                .map_err(|error| error.to_string());
        }
        Title::parse(text)
            .map(|note| Self::Note { note })
            .map_err(|error| error.to_string())
    }
}

impl<'de> Deserialize<'de> for ConcernFocus {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Stored {
            Text(String),
            Note { note: Title },
        }
        match Stored::deserialize(deserializer)? {
            Stored::Text(text) => Self::from_text(&text).map_err(serde::de::Error::custom),
            Stored::Note { note } => Ok(Self::Note { note }),
        }
    }
}
