//! What a recommendation says, what it rests on and when answers are due.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Months, NaiveDate};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::ids::{ConcernId, Language};
use crate::text::Attachment;
use crate::text::{FreeText, Title};

/// The most documents and projects a basis lists: a recommendation points to
/// its sources, it does not archive them.
pub const MAX_BASIS_ENTRIES: usize = 30;

/// Where a recommendation comes from (national concept 3.3: it rests on a
/// well-founded need for action).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RecommendationSource {
    EkgProposal,
    StgDecisionOnConcern,
    ProjectResult,
    Study,
    NeedsAnalysis,
}

/// The focus area a recommendation belongs to: a key of the work
/// programme current for it (national concept 3.1).
pub use crate::focus::FocusArea;

/// What a recommendation rests on: the concerns it answers, the projects
/// (named until projects are modelled) and the documents.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Basis {
    pub concerns: BTreeSet<ConcernId>,
    pub projects: Vec<Title>,
    pub documents: Vec<Attachment>,
}

/// The text in a further language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Translation {
    pub title: Title,
    pub text: FreeText,
}

/// The text of a recommendation as drafted or amended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct RecommendationContent {
    pub title: Title,
    pub text: FreeText,
    /// The language `title` and `text` are written in.
    pub language: Language,
    /// The same text in the other languages it is published in.
    pub translations: BTreeMap<Language, Translation>,
    pub rationale: FreeText,
    pub source: RecommendationSource,
    pub basis: Basis,
    pub focus_area: Option<FocusArea>,
}

impl RecommendationContent {
    /// Every language the text exists in, the original first.
    pub fn languages(&self) -> Vec<Language> {
        std::iter::once(self.language)
            .chain(self.translations.keys().copied())
            .collect()
    }

    /// The title in `language`, or else the original.
    pub fn title_in(&self, language: Language) -> &Title {
        self.translations
            .get(&language)
            .map_or(&self.title, |translation| &translation.title)
    }
}

/// How often addressees report on their implementation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ReportingRhythm {
    HalfYearly,
    Yearly,
    EveryTwoYears,
}

impl ReportingRhythm {
    pub fn months(&self) -> u32 {
        match self {
            Self::HalfYearly => 6,
            Self::Yearly => 12,
            Self::EveryTwoYears => 24,
        }
    }

    /// One rhythm after `date` (month ends stay month ends).
    pub fn after(&self, date: NaiveDate) -> NaiveDate {
        date.checked_add_months(Months::new(self.months()))
            .unwrap_or(NaiveDate::MAX)
    }

    pub fn as_str(&self) -> &'static str {
        match self {
            Self::HalfYearly => "half_yearly",
            Self::Yearly => "yearly",
            Self::EveryTwoYears => "every_two_years",
        }
    }
}

/// When answers are due: the first answer (acceptance) by `answer_due`,
/// then an implementation report every `rhythm`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Schedule {
    pub answer_due: NaiveDate,
    pub rhythm: ReportingRhythm,
}
