//! The terms the canton profiles, the yearly key figures and the panorama
//! rounds share: the year, who made a change, which revision a round refers
//! to and the kinds of institutions the national figures count by. A leaf:
//! the aggregates import it, and the `panorama` module (which computes
//! across them) re-exports it, so no two modules import each other.

use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::ids::{PersonId, TenantId};
use crate::text::Institution;

/// A calendar year the platform keeps panoramas for. Bounded so that a typo
/// (`202`, `20206`) is refused instead of opening a stream no one finds.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(try_from = "u16", into = "u16")]
pub struct Year(u16);

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("{0} is not a year between {min} and {max}", min = Year::MIN, max = Year::MAX)]
pub struct YearOutOfRange(pub u16);

impl Year {
    /// The first IIZ structures date from the early 2000s (BL: 2000).
    pub const MIN: u16 = 2000;
    pub const MAX: u16 = 2100;

    pub fn parse(year: u16) -> Result<Self, YearOutOfRange> {
        if (Self::MIN..=Self::MAX).contains(&year) {
            Ok(Self(year))
        } else {
            Err(YearOutOfRange(year))
        }
    }

    pub fn get(&self) -> u16 {
        self.0
    }
}

impl TryFrom<u16> for Year {
    type Error = YearOutOfRange;
    fn try_from(value: u16) -> Result<Self, Self::Error> {
        Self::parse(value)
    }
}

impl From<Year> for u16 {
    fn from(value: Year) -> Self {
        value.0
    }
}

impl fmt::Display for Year {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// Who made a change: the person and the tenant they acted for. Profile,
/// figures and round events carry it in the payload (not only in the log's
/// metadata, as other aggregates do) because the rules depend on it: only
/// the canton revises its profile, the Fachstelle only proposes, and a
/// revision's author is part of what a published panorama shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
pub struct Actor {
    pub person: PersonId,
    pub tenant: TenantId,
}

impl Actor {
    pub fn new(person: PersonId, tenant: TenantId) -> Self {
        Self { person, tenant }
    }

    pub fn is_national(&self) -> bool {
        self.tenant.is_national()
    }
}

/// The kind of institution an organisation belongs to, so that "AWA",
/// "Amt für Arbeit OW" and "Service de l'emploi" count as one partner in
/// the national figures. The names stay as the canton writes them.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum InstitutionKind {
    /// Unemployment insurance and public employment service (ALV, RAV,
    /// AWA, Amt für Arbeit, ORP, OCE).
    Unemployment,
    /// Disability insurance (IV-Stelle, OAI, SVA).
    Disability,
    /// Social assistance (Sozialamt, Sozialdienste, Hospice général).
    SocialAssistance,
    /// Vocational education and career guidance (Berufsbildung, BSLB).
    VocationalEducation,
    /// Migration and integration.
    Migration,
    /// Health (Gesundheitsamt, Suva, Addiction).
    Health,
    /// Municipalities and their associations.
    Municipalities,
    /// Employers' and trade associations.
    Employers,
    /// The cantonal government or a department's general secretariat.
    Government,
    /// A private or non-profit organisation running IIZ for the canton (GGZ).
    Mandated,
    Other,
}

impl InstitutionKind {
    pub const ALL: [InstitutionKind; 11] = [
        Self::Unemployment,
        Self::Disability,
        Self::SocialAssistance,
        Self::VocationalEducation,
        Self::Migration,
        Self::Health,
        Self::Municipalities,
        Self::Employers,
        Self::Government,
        Self::Mandated,
        Self::Other,
    ];

    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Unemployment => "unemployment",
            Self::Disability => "disability",
            Self::SocialAssistance => "social_assistance",
            Self::VocationalEducation => "vocational_education",
            Self::Migration => "migration",
            Self::Health => "health",
            Self::Municipalities => "municipalities",
            Self::Employers => "employers",
            Self::Government => "government",
            Self::Mandated => "mandated",
            Self::Other => "other",
        }
    }
}

/// An organisation as the canton names it, with the kind it counts as.
#[derive(
    Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
pub struct NamedInstitution {
    pub kind: InstitutionKind,
    pub name: Institution,
}

/// A revision of a canton's profile or figures that a round contains:
/// the stream (by its year) and the revision number in it. Published
/// panoramas hold these, so a later revision never changes them.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
pub struct RevisionRef {
    pub year: Year,
    pub revision: u32,
}
