//! How a canton works a case (documented process, case definition, legal
//! bases) and what it finds hard (challenges). Each part keeps the answer
//! as written next to its classification: the classification makes the
//! national figures countable, the text is what the canton said.

use std::collections::BTreeSet;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::error::ProfileError;
use crate::text::{FreeText, Title};

/// Whether the canton has a documented IIZ process. "Unknown" is what an
/// item left blank means; it is not "no".
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Documented {
    Yes,
    No,
    Unknown,
}

impl Documented {
    pub const ALL: [Documented; 3] = [Self::Yes, Self::No, Self::Unknown];
}

/// The forms a documented process takes (issue 16's list).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum ProcessForm {
    CaseManagementPhases,
    InterfaceMeetings,
    ElectronicPlatform,
    RegistrationOnly,
    /// Agreements between the institutions (Rahmenvereinbarung, convention).
    Agreements,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct ProcessDocumentation {
    pub documented: Documented,
    pub forms: BTreeSet<ProcessForm>,
    /// The answer as written ("Oui/Ja – teilweise", "Flussdiagramm").
    pub as_written: FreeText,
}

/// A criterion a canton uses to call a case an IIZ case.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum CaseCriterion {
    /// Registered with the RAV (Schaffhausen, St. Gallen: no RAV, no case).
    RavRegistration,
    HealthImpairment,
    MultipleProblems,
    IntegrationPotential,
    Motivation,
    NeedForCoordination,
    /// A signed authorisation to exchange data.
    DataExchangeConsent,
    /// The institutions meet at least once with the person.
    JointMeeting,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct CaseDefinition {
    /// How many institutions must be involved at least, where the canton
    /// sets a number.
    pub minimum_institutions: Option<u8>,
    pub criteria: BTreeSet<CaseCriterion>,
    /// Empty where the canton left the item blank.
    pub as_written: FreeText,
}

/// What kind of act a legal basis is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum LegalBasisKind {
    /// A cantonal law or ordinance.
    CantonalAct,
    /// A decision of the cantonal government (RRB, arrêté).
    GovernmentDecision,
    /// An agreement or convention between institutions.
    Agreement,
    Other,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct LegalBasis {
    pub kind: LegalBasisKind,
    /// The act as the canton cites it ("SHG (Art. 19b)", "RRB 2018/202").
    pub citation: Title,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Practice {
    pub process: ProcessDocumentation,
    pub case_definition: CaseDefinition,
    pub legal_bases: Vec<LegalBasis>,
    /// Federal acts the canton cites ("AVIG (Art. 85f)").
    pub federal_references: Vec<Title>,
    /// Remarks on the legal bases ("Item left blank", "only federal
    /// provisions are named").
    pub legal_note: FreeText,
}

impl Default for Practice {
    fn default() -> Self {
        Self {
            process: ProcessDocumentation {
                documented: Documented::Unknown,
                forms: BTreeSet::new(),
                as_written: FreeText::default(),
            },
            case_definition: CaseDefinition {
                minimum_institutions: None,
                criteria: BTreeSet::new(),
                as_written: FreeText::default(),
            },
            legal_bases: Vec::new(),
            federal_references: Vec::new(),
            legal_note: FreeText::default(),
        }
    }
}

impl Practice {
    /// The most citations of each kind; the longest 2020 list has six.
    pub const MAX_CITATIONS: usize = 40;

    pub fn check(&self) -> Result<(), ProfileError> {
        if self.legal_bases.len() > Self::MAX_CITATIONS
            || self.federal_references.len() > Self::MAX_CITATIONS
        {
            return Err(ProfileError::TooManyCitations {
                max: Self::MAX_CITATIONS,
            });
        }
        // A process that does not exist has no form; keeping one would
        // count the canton among those with, say, interface meetings.
        if self.process.documented != Documented::Yes && !self.process.forms.is_empty() {
            return Err(ProfileError::FormsWithoutProcess);
        }
        if self.case_definition.minimum_institutions == Some(0) {
            return Err(ProfileError::NoInstitutionsInvolved);
        }
        Ok(())
    }
}

/// The panorama's challenge categories, as the 2020 answers group.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum ChallengeCategory {
    DataProtection,
    /// Unclear responsibilities and boundaries between institutions.
    Responsibilities,
    Financing,
    /// Diverging goals or contradicting laws (IVG vs AVIG).
    LegalContradictions,
    /// Commitment of the institutions and political support.
    Commitment,
    /// Formalising the structure, monitoring and measuring success.
    StructureAndMonitoring,
    /// Knowledge, training and staff turnover.
    KnowledgeAndStaff,
    Employers,
    Other,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Challenge {
    pub category: ChallengeCategory,
    pub text: FreeText,
}

/// The challenges part of a profile. Empty where the canton named none.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
pub struct Challenges {
    pub items: Vec<Challenge>,
    /// Remarks on the item ("left blank").
    pub note: FreeText,
}

impl Challenges {
    pub const MAX_ITEMS: usize = 20;

    pub fn check(&self) -> Result<(), ProfileError> {
        if self.items.len() > Self::MAX_ITEMS {
            return Err(ProfileError::TooManyChallenges {
                max: Self::MAX_ITEMS,
            });
        }
        if self.items.iter().any(|challenge| challenge.text.is_empty()) {
            return Err(ProfileError::EmptyChallenge);
        }
        Ok(())
    }
}
