//! Texts that parse: names in several languages, bounded free text and the
//! single-line texts about people (names, e-mail addresses, institutions).

use std::borrow::Cow;
use std::collections::BTreeMap;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Serialize};

use crate::ids::Language;

mod single_line;

pub use single_line::{Email, Field, Institution, Link, PersonName, Title};

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TextError {
    #[error("a name is required in at least one language")]
    NoLanguage,
    #[error("the {0} text is empty")]
    Empty(Language),
    #[error("the {language} text is {length} characters long; at most {max} are allowed")]
    TooLong {
        language: Language,
        length: usize,
        max: usize,
    },
    #[error("the text is {length} characters long; at most {max} are allowed")]
    FreeTextTooLong { length: usize, max: usize },
    #[error("the {0} is empty")]
    Blank(Field),
    #[error("the {field} is {length} characters long; at most {max} are allowed")]
    FieldTooLong {
        field: Field,
        length: usize,
        max: usize,
    },
    #[error("the {0} contains a control character (a line break, a tab, …)")]
    ControlCharacter(Field),
    #[error("an e-mail address needs exactly one '@'")]
    EmailAt,
    #[error("an e-mail address needs a part without spaces before the '@'")]
    EmailLocalPart,
    #[error("the domain of an e-mail address needs a '.' between its parts and no spaces")]
    EmailDomain,
    #[error("a link must be an absolute https:// or http:// address without spaces")]
    NotALink,
}

/// A short text (a name, a title) in one or more of de/fr/it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(
    try_from = "BTreeMap<Language, String>",
    into = "BTreeMap<Language, String>"
)]
pub struct LocalizedName(BTreeMap<Language, String>);

impl LocalizedName {
    pub const MAX_CHARS: usize = 200;

    /// Trims every entry and refuses empty or over-long texts.
    pub fn parse(entries: impl IntoIterator<Item = (Language, String)>) -> Result<Self, TextError> {
        let mut map = BTreeMap::new();
        for (language, text) in entries {
            let text = text.trim().to_owned();
            if text.is_empty() {
                return Err(TextError::Empty(language));
            }
            let length = text.chars().count();
            if length > Self::MAX_CHARS {
                return Err(TextError::TooLong {
                    language,
                    length,
                    max: Self::MAX_CHARS,
                });
            }
            map.insert(language, text);
        }
        if map.is_empty() {
            return Err(TextError::NoLanguage);
        }
        Ok(Self(map))
    }

    pub fn get(&self, language: Language) -> Option<&str> {
        self.0.get(&language).map(String::as_str)
    }

    /// The text in `language`, else in German, else in any language present.
    pub fn best(&self, language: Language) -> &str {
        self.get(language)
            .or_else(|| self.get(Language::De))
            .or_else(|| self.0.values().next().map(String::as_str))
            .unwrap_or_default()
    }

    pub fn languages(&self) -> impl Iterator<Item = Language> + '_ {
        self.0.keys().copied()
    }

    pub fn iter(&self) -> impl Iterator<Item = (Language, &str)> {
        self.0
            .iter()
            .map(|(language, text)| (*language, text.as_str()))
    }
}

impl TryFrom<BTreeMap<Language, String>> for LocalizedName {
    type Error = TextError;
    fn try_from(value: BTreeMap<Language, String>) -> Result<Self, Self::Error> {
        Self::parse(value)
    }
}

impl From<LocalizedName> for BTreeMap<Language, String> {
    fn from(value: LocalizedName) -> Self {
        value.0
    }
}

/// Free text of bounded length (a mandate, a rationale). May be empty.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(try_from = "String", into = "String")]
#[schemars(extend("maxLength" = Self::MAX_CHARS, "pattern" = crate::schema::TRIMMED))]
pub struct FreeText(String);

impl FreeText {
    pub const MAX_CHARS: usize = 20_000;

    pub fn parse(input: impl Into<String>) -> Result<Self, TextError> {
        let text = input.into().trim().to_owned();
        let length = text.chars().count();
        if length > Self::MAX_CHARS {
            return Err(TextError::FreeTextTooLong {
                length,
                max: Self::MAX_CHARS,
            });
        }
        Ok(Self(text))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl TryFrom<String> for FreeText {
    type Error = TextError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(value)
    }
}

impl From<FreeText> for String {
    fn from(value: FreeText) -> Self {
        value.0
    }
}

// Written by hand: serde writes a map keyed by language.
impl JsonSchema for LocalizedName {
    fn schema_name() -> Cow<'static, str> {
        "LocalizedName".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A short text (a name, a title) in one or more languages.",
            "type": "object",
            "propertyNames": generator.subschema_for::<Language>(),
            "additionalProperties": {
                "type": "string",
                "minLength": 1,
                "maxLength": LocalizedName::MAX_CHARS,
                "pattern": crate::schema::TRIMMED,
            },
            "minProperties": 1,
        })
    }
}

/// A document something refers to, kept elsewhere: a title and a link.
//  (Concerns, recommendations, agenda items, mandates and projects share it.)
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Attachment {
    pub title: Title,
    pub link: Link,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_trimmed_and_validated() {
        let name = LocalizedName::parse([(Language::De, "  Zürich ".to_owned())]).unwrap();
        assert_eq!(name.get(Language::De), Some("Zürich"));
        assert_eq!(name.best(Language::Fr), "Zürich");
        assert_eq!(LocalizedName::parse([]), Err(TextError::NoLanguage));
        assert_eq!(
            LocalizedName::parse([(Language::It, " ".to_owned())]),
            Err(TextError::Empty(Language::It))
        );
        let long = "x".repeat(201);
        assert!(matches!(
            LocalizedName::parse([(Language::Fr, long)]),
            Err(TextError::TooLong { length: 201, .. })
        ));
    }

    #[test]
    fn names_refuse_invalid_json() {
        assert!(serde_json::from_str::<LocalizedName>(r#"{"de":""}"#).is_err());
        assert!(serde_json::from_str::<LocalizedName>(r#"{"en":"x"}"#).is_err());
        let ok: LocalizedName = serde_json::from_str(r#"{"fr":"Genève"}"#).unwrap();
        assert_eq!(ok.best(Language::De), "Genève");
    }

    #[test]
    fn free_text_is_bounded() {
        assert!(FreeText::parse("a".repeat(FreeText::MAX_CHARS)).is_ok());
        assert!(FreeText::parse("a".repeat(FreeText::MAX_CHARS + 1)).is_err());
    }
}
