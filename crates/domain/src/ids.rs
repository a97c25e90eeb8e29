//! Identifiers that parse: a value of these types is always valid.

use std::fmt;
use std::str::FromStr;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// The 26 cantons by their official abbreviation.
pub const CANTON_CODES: [&str; 26] = [
    "AG", "AI", "AR", "BE", "BL", "BS", "FR", "GE", "GL", "GR", "JU", "LU", "NE", "NW", "OW", "SG",
    "SH", "SO", "SZ", "TG", "TI", "UR", "VD", "VS", "ZG", "ZH",
];

/// The key of the national IIZ tenant.
pub const NATIONAL: &str = "CH";

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IdError {
    #[error("'{0}' is not an official canton abbreviation (AG … ZH)")]
    UnknownCanton(String),
    #[error("'{0}' is neither CH nor a canton abbreviation")]
    UnknownTenant(String),
    #[error("'{0}' is not a national language (de, fr, it, rm)")]
    UnknownLanguage(String),
    #[error("'{0}' is not a valid identifier: {1}")]
    InvalidUuid(String, String),
}

/// An official canton abbreviation such as `ZH`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct CantonCode([u8; 2]);

impl CantonCode {
    /// Parses an abbreviation, case-insensitively.
    pub fn parse(input: &str) -> Result<Self, IdError> {
        let upper = input.trim().to_ascii_uppercase();
        match CANTON_CODES.iter().find(|code| **code == upper) {
            Some(code) => {
                let bytes = code.as_bytes();
                Ok(Self([bytes[0], bytes[1]]))
            }
            None => Err(IdError::UnknownCanton(input.to_owned())),
        }
    }

    pub fn as_str(&self) -> &str {
        // Only ASCII letters from CANTON_CODES are ever stored.
        std::str::from_utf8(&self.0).unwrap_or("??")
    }

    /// All 26 cantons in alphabetical order.
    pub fn all() -> impl Iterator<Item = CantonCode> {
        CANTON_CODES
            .iter()
            .filter_map(|code| Self::parse(code).ok())
    }
}

impl fmt::Display for CantonCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl TryFrom<String> for CantonCode {
    type Error = IdError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<CantonCode> for String {
    fn from(value: CantonCode) -> Self {
        value.as_str().to_owned()
    }
}

/// A tenant: the national IIZ (`CH`) or one canton.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub enum TenantId {
    National,
    Canton(CantonCode),
}

impl TenantId {
    pub fn parse(input: &str) -> Result<Self, IdError> {
        if input.trim().eq_ignore_ascii_case(NATIONAL) {
            return Ok(Self::National);
        }
        CantonCode::parse(input)
            .map(Self::Canton)
            .map_err(|_| IdError::UnknownTenant(input.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        match self {
            Self::National => NATIONAL,
            Self::Canton(code) => code.as_str(),
        }
    }

    pub fn is_national(&self) -> bool {
        matches!(self, Self::National)
    }

    /// The national tenant followed by the 26 cantons.
    pub fn all() -> impl Iterator<Item = TenantId> {
        std::iter::once(Self::National).chain(CantonCode::all().map(Self::Canton))
    }
}

impl fmt::Display for TenantId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for TenantId {
    type Err = IdError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl TryFrom<String> for TenantId {
    type Error = IdError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<TenantId> for String {
    fn from(value: TenantId) -> Self {
        value.as_str().to_owned()
    }
}

/// The national languages of Switzerland. The platform's interface and its
/// texts are in German, French and Italian; Romansh is recorded as an official
/// language of Graubünden.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    De,
    Fr,
    It,
    Rm,
}

impl Language {
    pub fn parse(input: &str) -> Result<Self, IdError> {
        match input.trim().to_ascii_lowercase().as_str() {
            "de" => Ok(Self::De),
            "fr" => Ok(Self::Fr),
            "it" => Ok(Self::It),
            "rm" => Ok(Self::Rm),
            _ => Err(IdError::UnknownLanguage(input.to_owned())),
        }
    }

    pub fn as_str(&self) -> &'static str {
        match self {
            Self::De => "de",
            Self::Fr => "fr",
            Self::It => "it",
            Self::Rm => "rm",
        }
    }

    /// Whether the platform's interface is offered in this language.
    pub fn is_interface(&self) -> bool {
        !matches!(self, Self::Rm)
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Declares a UUID identifier type: time-ordered when made here, parsed
/// (never trusted) when it comes from outside.
macro_rules! uuid_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
            JsonSchema,
        )]
        #[serde(transparent)]
        pub struct $name(Uuid);

        impl $name {
            /// A new, time-ordered identifier.
            pub fn new() -> Self {
                Self(Uuid::now_v7())
            }

            pub fn parse(input: &str) -> Result<Self, IdError> {
                Uuid::parse_str(input.trim())
                    .map(Self)
                    .map_err(|error| IdError::InvalidUuid(input.to_owned(), error.to_string()))
            }

            pub fn from_uuid(uuid: Uuid) -> Self {
                Self(uuid)
            }

            pub fn as_uuid(&self) -> Uuid {
                self.0
            }
        }

        impl Default for $name {
            fn default() -> Self {
                Self::new()
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }
    };
}

uuid_id!(
    /// Identifier of a body (STG, EKG, a cantonal steering committee, …).
    BodyId
);
uuid_id!(
    /// Identifier of a person: an official who may sign in.
    PersonId
);
uuid_id!(
    /// Identifier of a regional IIZ network.
    NetworkId
);
uuid_id!(
    /// Identifier of a Seismograf concern (Anliegen).
    ConcernId
);
uuid_id!(
    /// Identifier of a recommendation (Empfehlung) of the STG.
    RecommendationId
);
uuid_id!(
    /// Identifier of a meeting of a body.
    MeetingId
);
uuid_id!(
    /// Identifier of a working group and its mandate.
    WorkingGroupId
);
uuid_id!(
    /// Identifier of a project of the work programme.
    ProjectId
);
uuid_id!(
    /// Identifier of a two-year work programme of the STG.
    ProgrammeId
);
uuid_id!(
    /// Identifier of a four-year operating budget of the Fachstelle.
    BudgetId
);
uuid_id!(
    /// Identifier of a circular resolution (Zirkularbeschluss) of a body.
    ResolutionId
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_canton_code_parses_and_round_trips() {
        for code in CANTON_CODES {
            let parsed = CantonCode::parse(code).unwrap();
            assert_eq!(parsed.as_str(), code);
            assert_eq!(
                TenantId::parse(&code.to_lowercase()).unwrap(),
                TenantId::Canton(parsed)
            );
        }
        assert_eq!(CantonCode::all().count(), 26);
        assert_eq!(TenantId::all().count(), 27);
    }

    #[test]
    fn unknown_codes_are_refused() {
        for bad in ["", "Z", "ZZ", "ZHH", "CH", "12"] {
            assert!(CantonCode::parse(bad).is_err(), "{bad} parsed");
        }
        assert_eq!(TenantId::parse("ch").unwrap(), TenantId::National);
        assert_eq!(
            TenantId::parse("XX"),
            Err(IdError::UnknownTenant("XX".to_owned()))
        );
    }

    #[test]
    fn tenant_ids_serialise_as_their_code() {
        let json = serde_json::to_string(&TenantId::parse("ge").unwrap()).unwrap();
        assert_eq!(json, "\"GE\"");
        assert!(serde_json::from_str::<TenantId>("\"QQ\"").is_err());
    }

    #[test]
    fn languages_parse() {
        assert_eq!(Language::parse("FR").unwrap(), Language::Fr);
        assert_eq!(Language::parse("rm").unwrap(), Language::Rm);
        assert!(!Language::Rm.is_interface());
        assert!(Language::parse("en").is_err());
    }
}
