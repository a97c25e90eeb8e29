//! The rules of the national implementation concept (IIZ 3.0) that the
//! platform enforces, each with the section it comes from. A refusal that
//! applies one of them names it, so that the person refused reads which
//! rule of the concept applies (in their language: the texts are in `app`)
//! instead of a rule that looks like the platform's own.
//!
//! Rules the concept leaves open (how a circular resolution is carried, say)
//! are configuration of each body; they are named here too, with the
//! body's rules as their source.

use std::fmt;

/// A rule of IIZ 3.0 (or of a body's own rules, where the concept is
/// silent) that a refusal applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ConceptRule {
    /// STG and EKG decide as bodies, in their meetings or by circular
    /// resolution; no single member decides for them (2.1, 2.2; 1.2:
    /// transparent decision processes).
    BodyDecidesAsBody,
    /// The EKG chair and the head of the Fachstelle attend the STG without
    /// a vote; guests never decide (2.1, Zusammensetzung).
    OnlyVotingMembersDecide,
    /// A circular resolution is carried only as the body's own rules say
    /// (the concept is silent: configured per body).
    CircularResolutionRules,
    /// Concerns and requests reach the STG via the Fachstelle (2.1).
    RequestsViaFachstelle,
    /// The STG can refer concerns to the EKG and takes its assessment into
    /// account when deciding (2.1, Schnittstellen).
    StgConsidersEkgAssessment,
    /// The STG initiates projects, mandates working groups and defines
    /// additional action fields (2.1, 3.1, 3.2).
    StgDecisionEffects,
    /// Working groups act on a mandate of the STG or the EKG (2.4).
    WorkingGroupMandate,
    /// The cantons set up regional networks and delegate one coordinator
    /// per network into the EKG (5, point 3).
    NetworksByCantons,
    /// The STG chair changes every two years among the four federal
    /// offices (2.1, Vorsitz und Kadenz).
    StgChairRotation,
    /// The EKG chair changes every two years, as in the STG, and the EKG
    /// rules it itself (2.2, Vorsitz und Kadenz).
    EkgChairEveryTwoYears,
    /// Where the EKG chair is not analogous to the STG chair, the EKG
    /// deputy comes from the STG chair's area (2.2, Vorsitz und Kadenz).
    EkgDeputyArea,
    /// The STG adopts the two-year work programme at the change of chair
    /// and defines its focus and action fields (3.1, 3.2).
    WorkProgrammeByStg,
    /// The STG monitors milestones and accepts project results (3.2).
    ProjectResultsByStg,
}

impl ConceptRule {
    pub const ALL: [ConceptRule; 13] = [
        Self::BodyDecidesAsBody,
        Self::OnlyVotingMembersDecide,
        Self::CircularResolutionRules,
        Self::RequestsViaFachstelle,
        Self::StgConsidersEkgAssessment,
        Self::StgDecisionEffects,
        Self::WorkingGroupMandate,
        Self::NetworksByCantons,
        Self::StgChairRotation,
        Self::EkgChairEveryTwoYears,
        Self::EkgDeputyArea,
        Self::WorkProgrammeByStg,
        Self::ProjectResultsByStg,
    ];

    /// A stable identifier: the GraphQL `rule` extension and the key of
    /// the rule's text (`rule-<id>`).
    pub fn id(&self) -> &'static str {
        match self {
            Self::BodyDecidesAsBody => "body-decides-as-body",
            Self::OnlyVotingMembersDecide => "only-voting-members-decide",
            Self::CircularResolutionRules => "circular-resolution-rules",
            Self::RequestsViaFachstelle => "requests-via-fachstelle",
            Self::StgConsidersEkgAssessment => "stg-considers-ekg-assessment",
            Self::StgDecisionEffects => "stg-decision-effects",
            Self::WorkingGroupMandate => "working-group-mandate",
            Self::NetworksByCantons => "networks-by-cantons",
            Self::StgChairRotation => "stg-chair-rotation",
            Self::EkgChairEveryTwoYears => "ekg-chair-every-two-years",
            Self::EkgDeputyArea => "ekg-deputy-area",
            Self::WorkProgrammeByStg => "work-programme-by-stg",
            Self::ProjectResultsByStg => "project-results-by-stg",
        }
    }

    /// Where the rule comes from: a section of IIZ 3.0, or the body's own
    /// rules.
    pub fn source(&self) -> &'static str {
        match self {
            Self::BodyDecidesAsBody => "IIZ 3.0, 2.1/2.2",
            Self::OnlyVotingMembersDecide => "IIZ 3.0, 2.1",
            Self::CircularResolutionRules => "body rules",
            Self::RequestsViaFachstelle | Self::StgConsidersEkgAssessment => "IIZ 3.0, 2.1",
            Self::StgDecisionEffects => "IIZ 3.0, 2.1/3.2",
            Self::WorkingGroupMandate => "IIZ 3.0, 2.4",
            Self::NetworksByCantons => "IIZ 3.0, 5",
            Self::StgChairRotation => "IIZ 3.0, 2.1",
            Self::EkgChairEveryTwoYears | Self::EkgDeputyArea => "IIZ 3.0, 2.2",
            Self::WorkProgrammeByStg => "IIZ 3.0, 3.1/3.2",
            Self::ProjectResultsByStg => "IIZ 3.0, 3.2",
        }
    }
}

impl fmt::Display for ConceptRule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}
