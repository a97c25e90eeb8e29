//! The enumerations of the recommendation types, each converted from and
//! to its domain enum.

use async_graphql::{Enum, ID};
use iiz_domain::recommendation::{
    Acceptance, FocusArea, ImplementationStatus, RecommendationAction, RecommendationSource,
    RecommendationStage, ReportingRhythm,
};
use iiz_projections::DueKind;

use super::args::parse_id;

/// Where a recommendation stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
#[graphql(remote = "RecommendationStage")]
pub enum RecommendationStageValue {
    Draft,
    Adopted,
    Published,
    Superseded,
    Closed,
    Discarded,
}

/// A step one may take on a recommendation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
#[graphql(remote = "RecommendationAction")]
pub enum RecommendationActionValue {
    Edit,
    Discard,
    Adopt,
    Publish,
    Amend,
    Supersede,
    Close,
    Answer,
    Report,
    Share,
    Prioritize,
    Flag,
}

/// Where a recommendation comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
#[graphql(remote = "RecommendationSource")]
pub enum RecommendationSourceValue {
    EkgProposal,
    StgDecisionOnConcern,
    ProjectResult,
    Study,
    NeedsAnalysis,
}

/// A focus area's key as GraphQL shows it: focus areas are the work
/// programme's data (`focusAreas` lists them), so an `ID`, not an enum.
pub fn focus_id(focus_area: &FocusArea) -> ID {
    ID(focus_area.as_str().to_owned())
}

/// A focus area key from an argument; whether the programme in force has
/// it is the application's check.
pub fn focus_area(id: &ID) -> async_graphql::Result<FocusArea> {
    parse_id(id, FocusArea::parse)
}

/// How often addressees report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
#[graphql(remote = "ReportingRhythm")]
pub enum ReportingRhythmValue {
    HalfYearly,
    Yearly,
    EveryTwoYears,
}

/// An addressee's answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
#[graphql(remote = "Acceptance")]
pub enum AcceptanceValue {
    Accepted,
    PartlyAccepted,
    NotAccepted,
    NotRelevant,
}

/// Where an addressee stands in implementing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
#[graphql(remote = "ImplementationStatus")]
pub enum ImplementationStatusValue {
    NotStarted,
    Planned,
    InProgress,
    Implemented,
    NotImplemented,
}

/// What an addressee owes next.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
#[graphql(remote = "DueKind")]
pub enum DueKindValue {
    /// The first answer (acceptance).
    Answer,
    /// The next periodic implementation report.
    Report,
}
