//! What a concern says: the fields a canton fills in.

use std::collections::BTreeSet;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::focus::ConcernFocus;
use crate::ids::Language;
pub use crate::text::Attachment;
use crate::text::{FreeText, Title};

/// The institutions whose interface a concern is about.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum AffectedInstitution {
    /// Unemployment insurance and public employment service (ALV/RAV).
    AlvRav,
    /// Disability insurance (IV).
    Iv,
    /// Social assistance (Sozialhilfe).
    Sh,
    /// Vocational education and career guidance (BB/BSLB).
    BbBslb,
    /// Migration and integration.
    Mig,
    Other,
}

impl AffectedInstitution {
    pub const ALL: [AffectedInstitution; 6] = [
        Self::AlvRav,
        Self::Iv,
        Self::Sh,
        Self::BbBslb,
        Self::Mig,
        Self::Other,
    ];

    pub fn as_str(&self) -> &'static str {
        match self {
            Self::AlvRav => "alv_rav",
            Self::Iv => "iv",
            Self::Sh => "sh",
            Self::BbBslb => "bb_bslb",
            Self::Mig => "mig",
            Self::Other => "other",
        }
    }
}

/// A concern's text and classification, as drafted or edited.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct ConcernContent {
    pub title: Title,
    pub description: FreeText,
    /// Why the canton cannot solve it alone; required before it leaves the
    /// canton.
    pub why_not_cantonal: FreeText,
    pub institutions: BTreeSet<AffectedInstitution>,
    /// The focus area of the work programme it touches, by key (old
    /// concerns' free text that names none is kept as a note).
    pub focus_area: Option<ConcernFocus>,
    pub attachments: Vec<Attachment>,
    /// The language the text is written in (search uses it).
    pub language: Language,
}

/// At most this many attachments: links, not an archive.
pub const MAX_ATTACHMENTS: usize = 20;

/// A field that must be filled before a step.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MissingField {
    Description,
    WhyNotCantonal,
    Institutions,
}

impl std::fmt::Display for MissingField {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Self::Description => "description",
            Self::WhyNotCantonal => "why it cannot be solved at cantonal level",
            Self::Institutions => "affected institutions",
        })
    }
}

impl ConcernContent {
    /// What a draft needs: a description and a bounded list of links.
    pub(super) fn check_draft(&self) -> Result<(), MissingField> {
        if self.description.is_empty() {
            return Err(MissingField::Description);
        }
        Ok(())
    }

    /// What a concern needs to leave its canton.
    pub(super) fn check_complete(&self) -> Result<(), MissingField> {
        self.check_draft()?;
        if self.why_not_cantonal.is_empty() {
            return Err(MissingField::WhyNotCantonal);
        }
        if self.institutions.is_empty() {
            return Err(MissingField::Institutions);
        }
        Ok(())
    }
}
