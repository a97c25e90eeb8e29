//! The partners of the national IIZ that are not tenants: the federal
//! offices and the intercantonal conferences and associations. They sit in
//! the STG and EKG, endorse concerns and receive recommendations, but have no
//! workspace of their own on the platform.

use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::ids::TenantId;

/// What kind of organisation a partner is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PartnerKind {
    FederalOffice,
    Conference,
    Association,
}

/// A partner by its usual abbreviation, as the national concept lists them.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
pub enum Partner {
    #[serde(rename = "BSV")]
    Bsv,
    #[serde(rename = "SBFI")]
    Sbfi,
    #[serde(rename = "SECO")]
    Seco,
    #[serde(rename = "SEM")]
    Sem,
    #[serde(rename = "EDK")]
    Edk,
    #[serde(rename = "SODK")]
    Sodk,
    #[serde(rename = "VDK")]
    Vdk,
    #[serde(rename = "IVSK")]
    Ivsk,
    #[serde(rename = "SK BSLB")]
    SkBslb,
    #[serde(rename = "KID")]
    Kid,
    #[serde(rename = "SBBK")]
    Sbbk,
    #[serde(rename = "SKOS")]
    Skos,
    #[serde(rename = "VSAA")]
    Vsaa,
    #[serde(rename = "Städteinitiative Sozialpolitik")]
    StaedteinitiativeSozialpolitik,
    #[serde(rename = "SGV")]
    Gemeindeverband,
    #[serde(rename = "SSV")]
    Staedteverband,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "'{0}' is not an IIZ partner (BSV, SBFI, SECO, SEM, EDK, SODK, VDK, IVSK, SK BSLB, KID, SBBK, SKOS, VSAA, Städteinitiative Sozialpolitik, SGV, SSV)"
)]
pub struct UnknownPartner(pub String);

impl Partner {
    pub const ALL: [Partner; 16] = [
        Self::Bsv,
        Self::Sbfi,
        Self::Seco,
        Self::Sem,
        Self::Edk,
        Self::Sodk,
        Self::Vdk,
        Self::Ivsk,
        Self::SkBslb,
        Self::Kid,
        Self::Sbbk,
        Self::Skos,
        Self::Vsaa,
        Self::StaedteinitiativeSozialpolitik,
        Self::Gemeindeverband,
        Self::Staedteverband,
    ];

    /// The abbreviation, as stored and shown.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Bsv => "BSV",
            Self::Sbfi => "SBFI",
            Self::Seco => "SECO",
            Self::Sem => "SEM",
            Self::Edk => "EDK",
            Self::Sodk => "SODK",
            Self::Vdk => "VDK",
            Self::Ivsk => "IVSK",
            Self::SkBslb => "SK BSLB",
            Self::Kid => "KID",
            Self::Sbbk => "SBBK",
            Self::Skos => "SKOS",
            Self::Vsaa => "VSAA",
            Self::StaedteinitiativeSozialpolitik => "Städteinitiative Sozialpolitik",
            Self::Gemeindeverband => "SGV",
            Self::Staedteverband => "SSV",
        }
    }

    pub fn kind(&self) -> PartnerKind {
        match self {
            Self::Bsv | Self::Sbfi | Self::Seco | Self::Sem => PartnerKind::FederalOffice,
            Self::Gemeindeverband | Self::Staedteverband | Self::StaedteinitiativeSozialpolitik => {
                PartnerKind::Association
            }
            _ => PartnerKind::Conference,
        }
    }

    /// Parses an abbreviation, ignoring case and surrounding spaces.
    pub fn parse(input: &str) -> Result<Self, UnknownPartner> {
        let wanted = input.trim();
        Self::ALL
            .into_iter()
            .find(|partner| partner.code().eq_ignore_ascii_case(wanted))
            .ok_or_else(|| UnknownPartner(input.to_owned()))
    }

    /// The partner a seat's institution names, if it names one: a seat held
    /// for "SKOS" or "SKOS (Sozialhilfe)" represents the SKOS.
    pub fn represented_by(institution: &str) -> Option<Self> {
        let institution = institution.trim();
        Self::ALL.into_iter().find(|partner| {
            let code = partner.code();
            institution.eq_ignore_ascii_case(code)
                || institution
                    .get(..code.len())
                    .is_some_and(|head| head.eq_ignore_ascii_case(code))
                    && institution[code.len()..].starts_with([' ', '(', '-'])
        })
    }
}

impl fmt::Display for Partner {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// Who takes part in a flow across levels: a tenant (the national IIZ, a
/// canton) or a partner organisation. Concerns are submitted and endorsed by
/// parties and answered to them; recommendations are addressed to them.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(tag = "kind", content = "code", rename_all = "snake_case")]
pub enum Party {
    Tenant(TenantId),
    Partner(Partner),
}

/// An input that names neither a tenant nor a partner.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("'{0}' is neither a tenant (CH, a canton) nor a partner (SKOS, SECO, …)")]
pub struct UnknownParty(pub String);

impl Party {
    /// Parses `CH`, a canton's code or a partner's abbreviation.
    pub fn parse(input: &str) -> Result<Self, UnknownParty> {
        if let Ok(tenant) = TenantId::parse(input) {
            return Ok(Self::Tenant(tenant));
        }
        Partner::parse(input)
            .map(Self::Partner)
            .map_err(|_| UnknownParty(input.to_owned()))
    }
}

impl fmt::Display for Party {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Tenant(tenant) => tenant.fmt(f),
            Self::Partner(partner) => partner.fmt(f),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_party_is_parsed_from_its_code() {
        assert_eq!(Party::parse("ch"), Ok(Party::Tenant(TenantId::National)));
        assert_eq!(
            Party::parse(" zh ").map(|party| party.to_string()),
            Ok("ZH".to_owned())
        );
        assert_eq!(Party::parse("sk bslb"), Ok(Party::Partner(Partner::SkBslb)));
        assert!(Party::parse("XX").is_err());
        for partner in Partner::ALL {
            assert_eq!(Party::parse(partner.code()), Ok(Party::Partner(partner)));
        }
    }

    #[test]
    fn partners_parse_and_serialise_as_their_abbreviation() {
        for partner in Partner::ALL {
            assert_eq!(Partner::parse(partner.code()), Ok(partner));
            let json = serde_json::to_string(&partner).unwrap();
            assert_eq!(json, format!("\"{}\"", partner.code()));
        }
        assert_eq!(Partner::parse(" skos "), Ok(Partner::Skos));
        assert!(Partner::parse("FIFA").is_err());
        assert_eq!(Partner::Seco.kind(), PartnerKind::FederalOffice);
        assert_eq!(Partner::Skos.kind(), PartnerKind::Conference);
    }

    #[test]
    fn seats_name_the_partner_they_represent() {
        assert_eq!(Partner::represented_by("SKOS"), Some(Partner::Skos));
        assert_eq!(
            Partner::represented_by("sk bslb (Beratung)"),
            Some(Partner::SkBslb)
        );
        assert_eq!(Partner::represented_by("SEMINAR"), None);
        assert_eq!(Partner::represented_by("IV-Stelle Zürich"), None);
    }

    #[test]
    fn parties_serialise_with_their_kind() {
        let party = Party::Tenant(TenantId::National);
        assert_eq!(
            serde_json::to_string(&party).unwrap(),
            r#"{"kind":"tenant","code":"CH"}"#
        );
        let skos: Party = serde_json::from_str(r#"{"kind":"partner","code":"SKOS"}"#).unwrap();
        assert_eq!(skos, Party::Partner(Partner::Skos));
    }
}
