//! The panorama's enumerations as the API names them: each mirrors its
//! domain type (`remote`), so a new variant in the domain fails to compile
//! here instead of leaking as an unknown string.

use async_graphql::Enum;
use iiz_app::panorama::PanoramaField;
use iiz_domain::canton_profile::{Documented, ImplementationType, OfficeKind, Section};
use iiz_domain::key_figures::{NoShare, ShareBasis};
use iiz_domain::panorama::InstitutionKind;
use iiz_domain::panorama_round::{AnswerKind, QuestionTopic, RoundStage};
use iiz_projections::AnswerStatus;

/// A kind of institution (names stay as the canton writes them).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
#[graphql(remote = "InstitutionKind")]
pub enum InstitutionKindValue {
    /// ALV, RAV, AWA, ORP, OCE.
    Unemployment,
    /// IV-Stelle, OAI, SVA.
    Disability,
    SocialAssistance,
    VocationalEducation,
    Migration,
    Health,
    Municipalities,
    Employers,
    Government,
    /// A private or non-profit organisation running IIZ for the canton.
    Mandated,
    Other,
}

/// Typ 1–4 as the 2020 panorama defines them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
#[graphql(remote = "ImplementationType")]
pub enum ImplementationTypeValue {
    #[graphql(name = "TYPE1")]
    Type1,
    #[graphql(name = "TYPE2")]
    Type2,
    #[graphql(name = "TYPE3")]
    Type3,
    #[graphql(name = "TYPE4")]
    Type4,
    NotClassified,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
#[graphql(remote = "OfficeKind")]
pub enum OfficeKindValue {
    Geschaeftsstelle,
    Fachstelle,
    Koordinationsstelle,
}

/// Whether a process is documented; `UNKNOWN` is a blank answer, not "no".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
#[graphql(remote = "Documented")]
pub enum DocumentedValue {
    Yes,
    No,
    Unknown,
}

/// The part of a profile a revision or a correction replaces.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
#[graphql(remote = "Section")]
pub enum ProfileSection {
    Structure,
    Practice,
    Challenges,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
#[graphql(remote = "RoundStage")]
pub enum RoundStageValue {
    Open,
    Closed,
    Published,
}

/// A canton's answer in a round: its data as it stood, or changed in the round.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
#[graphql(remote = "AnswerKind")]
pub enum AnswerKindValue {
    Confirmed,
    Updated,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
#[graphql(remote = "AnswerStatus")]
pub enum AnswerStatusValue {
    NoAnswer,
    Confirmed,
    Updated,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
#[graphql(remote = "QuestionTopic")]
pub enum QuestionTopicValue {
    Structure,
    Practice,
    Challenges,
    Figures,
}

/// Whether a share rests on exact figures only or on an estimate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
#[graphql(remote = "ShareBasis")]
pub enum ShareBasisValue {
    Exact,
    Estimated,
}

/// Why no share of potential IIZ cases is computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
#[graphql(remote = "NoShare")]
pub enum NoShareValue {
    NoUnemployedFigure,
    /// A range or "not available": no single number to divide.
    NotAPoint,
    NoUnemployed,
}

/// How a figure is known; the platform never turns one kind into another.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
pub enum FigureKind {
    Exact,
    Range,
    Estimate,
    NotAvailable,
}

/// A field of a canton's panorama section, for comparisons.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
#[graphql(remote = "PanoramaField")]
pub enum PanoramaFieldValue {
    ImplementationType,
    Bodies,
    Office,
    CoordinatorAt,
    DocumentedProcess,
    CaseDefinition,
    LegalBases,
    FederalReferences,
    Challenges,
    /// The yearly case totals, by year.
    CasesTotal,
}
