//! Single-line texts about people: names, e-mail addresses, institutions.

use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::TextError;
use crate::schema::{EMAIL, LINK, SINGLE_LINE};

/// Which single-line text a [`TextError`] is about, so the message can say so.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    PersonName,
    Email,
    Institution,
    Title,
    Link,
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::PersonName => "name",
            Self::Email => "e-mail address",
            Self::Institution => "institution",
            Self::Title => "title",
            Self::Link => "link",
        })
    }
}

/// Trims a single-line text and checks it is present, short enough and free
/// of control characters (which would break lists, mails and exports).
fn single_line(input: &str, field: Field, max: usize) -> Result<String, TextError> {
    let text = input.trim();
    if text.is_empty() {
        return Err(TextError::Blank(field));
    }
    let length = text.chars().count();
    if length > max {
        return Err(TextError::FieldTooLong { field, length, max });
    }
    if text.chars().any(char::is_control) {
        return Err(TextError::ControlCharacter(field));
    }
    Ok(text.to_owned())
}

/// Gives a validated `String` newtype the conversions through which serde
/// stores it as a plain string and re-validates it whenever it is read back.
macro_rules! string_type {
    ($name:ident) => {
        impl $name {
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl TryFrom<String> for $name {
            type Error = TextError;
            fn try_from(value: String) -> Result<Self, Self::Error> {
                Self::parse(&value)
            }
        }

        impl From<$name> for String {
            fn from(value: $name) -> Self {
                value.0
            }
        }
    };
}

/// A person's full name as they want it shown, in a single field: Swiss
/// names do not split reliably into given name and surname.
#[derive(
    Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(try_from = "String", into = "String")]
#[schemars(extend("minLength" = 1, "maxLength" = Self::MAX_CHARS, "pattern" = SINGLE_LINE))]
pub struct PersonName(String);

impl PersonName {
    pub const MAX_CHARS: usize = 120;

    pub fn parse(input: &str) -> Result<Self, TextError> {
        single_line(input, Field::PersonName, Self::MAX_CHARS).map(Self)
    }
}

string_type!(PersonName);

/// An e-mail address, lowercased so that it can identify a person at sign-in.
///
/// The check is deliberately shallow (one '@', a dotted domain): whether an
/// address really works is only known once a mail reaches it.
#[derive(
    Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(try_from = "String", into = "String")]
#[schemars(extend("maxLength" = Self::MAX_CHARS, "pattern" = EMAIL))]
pub struct Email(String);

impl Email {
    /// The limit of RFC 5321 for a forward path.
    pub const MAX_CHARS: usize = 254;

    pub fn parse(input: &str) -> Result<Self, TextError> {
        let email = input.trim().to_lowercase();
        if email.is_empty() {
            return Err(TextError::Blank(Field::Email));
        }
        let length = email.chars().count();
        if length > Self::MAX_CHARS {
            return Err(TextError::FieldTooLong {
                field: Field::Email,
                length,
                max: Self::MAX_CHARS,
            });
        }
        if email.chars().any(char::is_control) {
            return Err(TextError::ControlCharacter(Field::Email));
        }
        let Some((local, domain)) = email.split_once('@') else {
            return Err(TextError::EmailAt);
        };
        if domain.contains('@') {
            return Err(TextError::EmailAt);
        }
        if local.is_empty() || local.contains(char::is_whitespace) {
            return Err(TextError::EmailLocalPart);
        }
        if !domain.contains('.')
            || domain.starts_with('.')
            || domain.ends_with('.')
            || domain.contains(char::is_whitespace)
        {
            return Err(TextError::EmailDomain);
        }
        Ok(Self(email))
    }
}

string_type!(Email);

/// The institution a person represents in a body ("SECO", "IV-Stelle Zürich").
#[derive(
    Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(try_from = "String", into = "String")]
#[schemars(extend("minLength" = 1, "maxLength" = Self::MAX_CHARS, "pattern" = SINGLE_LINE))]
pub struct Institution(String);

impl Institution {
    pub const MAX_CHARS: usize = 120;

    pub fn parse(input: &str) -> Result<Self, TextError> {
        single_line(input, Field::Institution, Self::MAX_CHARS).map(Self)
    }
}

string_type!(Institution);

/// The title of a concern, an attachment or an agenda item.
#[derive(
    Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(try_from = "String", into = "String")]
#[schemars(extend("minLength" = 1, "maxLength" = Self::MAX_CHARS, "pattern" = SINGLE_LINE))]
pub struct Title(String);

impl Title {
    pub const MAX_CHARS: usize = 200;

    pub fn parse(input: &str) -> Result<Self, TextError> {
        single_line(input, Field::Title, Self::MAX_CHARS).map(Self)
    }
}

string_type!(Title);

/// A link to a document kept elsewhere (the platform stores no files): an
/// absolute `https://` or `http://` address without spaces.
#[derive(
    Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(try_from = "String", into = "String")]
#[schemars(extend("maxLength" = Self::MAX_CHARS, "pattern" = LINK))]
pub struct Link(String);

impl Link {
    pub const MAX_CHARS: usize = 2_000;

    pub fn parse(input: &str) -> Result<Self, TextError> {
        let text = single_line(input, Field::Link, Self::MAX_CHARS)?;
        let rest = text
            .strip_prefix("https://")
            .or_else(|| text.strip_prefix("http://"));
        match rest {
            Some(rest) if !rest.is_empty() && !rest.contains(char::is_whitespace) => Ok(Self(text)),
            _ => Err(TextError::NotALink),
        }
    }
}

string_type!(Link);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn person_names_are_single_trimmed_lines() {
        let name = PersonName::parse("  Anna Muster-Rüegg ").unwrap();
        assert_eq!(name.as_str(), "Anna Muster-Rüegg");
        assert_eq!(
            PersonName::parse(" "),
            Err(TextError::Blank(Field::PersonName))
        );
        assert_eq!(
            PersonName::parse("Anna\nMuster"),
            Err(TextError::ControlCharacter(Field::PersonName))
        );
        assert!(PersonName::parse(&"é".repeat(PersonName::MAX_CHARS)).is_ok());
        assert_eq!(
            PersonName::parse(&"é".repeat(121)),
            Err(TextError::FieldTooLong {
                field: Field::PersonName,
                length: 121,
                max: 120
            })
        );
    }

    #[test]
    fn emails_are_trimmed_and_lowercased() {
        let email = Email::parse(" Anna.Muster@SECO.admin.CH ").unwrap();
        assert_eq!(email.as_str(), "anna.muster@seco.admin.ch");
        assert_eq!(email, Email::parse("anna.muster@seco.admin.ch").unwrap());
    }

    #[test]
    fn emails_need_one_at_a_local_part_and_a_dotted_domain() {
        for (bad, error) in [
            (" ", TextError::Blank(Field::Email)),
            ("anna.seco.ch", TextError::EmailAt),
            ("anna@seco@ch.ch", TextError::EmailAt),
            ("@seco.ch", TextError::EmailLocalPart),
            ("an na@seco.ch", TextError::EmailLocalPart),
            ("anna@localhost", TextError::EmailDomain),
            ("anna@seco .ch", TextError::EmailDomain),
            ("anna@.ch", TextError::EmailDomain),
            ("anna@seco.", TextError::EmailDomain),
            (
                "anna\u{7}@seco.ch",
                TextError::ControlCharacter(Field::Email),
            ),
        ] {
            assert_eq!(Email::parse(bad), Err(error), "{bad:?}");
        }
        let local = "a".repeat(64);
        let long = format!("{local}@{}.ch", "b".repeat(Email::MAX_CHARS - 64 - 4));
        assert_eq!(long.chars().count(), Email::MAX_CHARS);
        assert!(Email::parse(&long).is_ok());
        assert!(matches!(
            Email::parse(&format!("x{long}")),
            Err(TextError::FieldTooLong { length: 255, .. })
        ));
    }

    #[test]
    fn links_are_absolute_web_addresses() {
        assert!(Link::parse(" https://www.iiz.ch/anliegen.pdf ").is_ok());
        assert!(Link::parse("http://intranet.zh.ch/x").is_ok());
        for bad in [
            "ftp://x",
            "https://",
            "www.iiz.ch",
            "https://a b",
            "javascript:alert(1)",
        ] {
            assert!(Link::parse(bad).is_err(), "{bad}");
        }
        assert_eq!(Title::parse(" "), Err(TextError::Blank(Field::Title)));
    }

    #[test]
    fn institutions_are_short_and_present() {
        assert_eq!(
            Institution::parse(" IV-Stelle Zürich ").unwrap().as_str(),
            "IV-Stelle Zürich"
        );
        assert!(Institution::parse("SECO").is_ok());
        assert_eq!(
            Institution::parse(""),
            Err(TextError::Blank(Field::Institution))
        );
        assert!(Institution::parse(&"x".repeat(121)).is_err());
    }

    #[test]
    fn single_line_texts_are_stored_as_strings_and_checked_on_read() {
        let email = Email::parse("anna@seco.ch").unwrap();
        assert_eq!(serde_json::to_string(&email).unwrap(), r#""anna@seco.ch""#);
        let read: Email = serde_json::from_str(r#""Anna@SECO.ch""#).unwrap();
        assert_eq!(read, email);
        assert!(serde_json::from_str::<Email>(r#""anna""#).is_err());
        assert!(serde_json::from_str::<PersonName>(r#""""#).is_err());
        assert!(serde_json::from_str::<Institution>(r#""SECO""#).is_ok());
        assert_eq!(
            TextError::Blank(Field::Email).to_string(),
            "the e-mail address is empty"
        );
    }
}
