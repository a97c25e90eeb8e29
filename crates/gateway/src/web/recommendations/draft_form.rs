//! The form of a recommendation's text, addressees and schedule: for a
//! new draft, a changed draft and a new version the STG decided. What the
//! form does not show (translations, projects, documents, the focus
//! area) is kept from the recommendation as it is.

use std::collections::{BTreeMap, BTreeSet};

use iiz_domain::recommendation::{
    Basis, RecommendationContent, RecommendationSource, ReportingRhythm, Schedule,
};
use iiz_domain::{ConcernId, Language, Party, Title};
use iiz_projections::RecommendationView;
use serde::Deserialize;

use super::labels;
use super::respond::{day, free_text};
use crate::web::forms::FormErrors;
use crate::web::i18n::Tr;
use crate::web::visitor::Visitor;

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct DraftForm {
    pub title: String,
    pub text: String,
    pub language: String,
    pub rationale: String,
    pub source: String,
    /// The concerns it rests on: one id or concern address per line.
    pub concerns: String,
    pub addressees: Vec<String>,
    pub answer_due: String,
    pub rhythm: String,
    /// For a new version: the minuted decision, what changed, and where
    /// the STG decided.
    pub decision: String,
    pub summary: String,
    pub basis_meeting: String,
    pub basis_item: String,
    pub basis_resolution: String,
}

pub const SOURCES: [RecommendationSource; 5] = [
    RecommendationSource::EkgProposal,
    RecommendationSource::StgDecisionOnConcern,
    RecommendationSource::ProjectResult,
    RecommendationSource::Study,
    RecommendationSource::NeedsAnalysis,
];

pub const RHYTHMS: [ReportingRhythm; 3] = [
    ReportingRhythm::HalfYearly,
    ReportingRhythm::Yearly,
    ReportingRhythm::EveryTwoYears,
];

const LANGUAGES: [Language; 3] = [Language::De, Language::Fr, Language::It];

/// A source as the form sends it.
fn source_value(source: RecommendationSource) -> &'static str {
    match source {
        RecommendationSource::EkgProposal => "ekg_proposal",
        RecommendationSource::StgDecisionOnConcern => "stg_decision_on_concern",
        RecommendationSource::ProjectResult => "project_result",
        RecommendationSource::Study => "study",
        RecommendationSource::NeedsAnalysis => "needs_analysis",
    }
}

/// The choices of the form's selects.
pub struct Choices {
    pub languages: Vec<(String, String)>,
    pub sources: Vec<(String, String)>,
    pub rhythms: Vec<(String, String)>,
    pub parties: Vec<String>,
}

impl Choices {
    pub fn new(tr: Tr) -> Self {
        Self {
            languages: LANGUAGES
                .into_iter()
                .map(|language| (language.as_str().to_owned(), labels::language(tr, language)))
                .collect(),
            sources: SOURCES
                .into_iter()
                .map(|source| (source_value(source).to_owned(), labels::source(tr, source)))
                .collect(),
            rhythms: RHYTHMS
                .into_iter()
                .map(|rhythm| (rhythm.as_str().to_owned(), labels::rhythm(tr, rhythm)))
                .collect(),
            parties: labels::parties()
                .into_iter()
                .map(|(code, _)| code)
                .collect(),
        }
    }
}

impl DraftForm {
    /// An empty form in the visitor's language.
    pub fn blank(tr: Tr) -> Self {
        Self {
            language: tr.lang().to_owned(),
            source: source_value(RecommendationSource::StgDecisionOnConcern).to_owned(),
            rhythm: ReportingRhythm::Yearly.as_str().to_owned(),
            ..Self::default()
        }
    }

    /// The form filled with the recommendation as it is.
    pub fn of(view: &RecommendationView) -> Self {
        Self {
            title: view.title.clone(),
            text: view.text.clone(),
            language: view.language.as_str().to_owned(),
            rationale: view.rationale.clone(),
            source: source_value(view.source).to_owned(),
            concerns: view
                .basis
                .concerns
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("\n"),
            addressees: view.addressees.iter().map(ToString::to_string).collect(),
            answer_due: view.schedule.answer_due.to_string(),
            rhythm: view.schedule.rhythm.as_str().to_owned(),
            ..Self::default()
        }
    }

    pub fn addressed(&self, code: &String) -> bool {
        self.addressees.contains(code)
    }
}

/// What the form says, parsed.
pub struct Parsed {
    pub content: RecommendationContent,
    pub addressees: BTreeSet<Party>,
    pub schedule: Schedule,
}

/// The form parsed, keeping from `before` what the form does not show;
/// `None` with the fields' errors in `errors` otherwise.
pub fn parse(
    visitor: &Visitor,
    form: &DraftForm,
    before: Option<&RecommendationView>,
    errors: &mut FormErrors,
) -> Option<Parsed> {
    let tr = visitor.tr;
    let title = Title::parse(&form.title).ok();
    if title.is_none() {
        errors.add("title", tr.t("recommendations-error-title"));
    }
    let mut required = |field: &str, value: &str| {
        let text = free_text(visitor, errors, field, value);
        if text.as_ref().is_some_and(|text| text.as_str().is_empty()) {
            errors.add(field, tr.t("recommendations-error-required"));
            return None;
        }
        text
    };
    let text = required("text", &form.text);
    let rationale = required("rationale", &form.rationale);
    let language = LANGUAGES
        .into_iter()
        .find(|language| language.as_str() == form.language);
    let source = SOURCES
        .into_iter()
        .find(|source| source_value(*source) == form.source);
    let rhythm = RHYTHMS
        .into_iter()
        .find(|rhythm| rhythm.as_str() == form.rhythm);
    let mut concerns = BTreeSet::new();
    for line in form
        .concerns
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
    {
        let id = line
            .trim_end_matches('/')
            .rsplit('/')
            .next()
            .unwrap_or(line);
        match ConcernId::parse(id) {
            Ok(concern) => {
                concerns.insert(concern);
            }
            Err(_) => {
                errors.add(
                    "concerns",
                    tr.t1("recommendations-error-concern", "line", line),
                );
                break;
            }
        }
    }
    let addressees: Option<BTreeSet<Party>> = form
        .addressees
        .iter()
        .map(|code| Party::parse(code).ok())
        .collect();
    if addressees.as_ref().is_none_or(BTreeSet::is_empty) {
        errors.add("addressees", tr.t("recommendations-error-addressees"));
    }
    let answer_due = day(visitor, errors, "answer_due", &form.answer_due);
    if language.is_none() || source.is_none() || rhythm.is_none() {
        errors.add("language", tr.t("recommendations-error-choice"));
    }
    let (Some(title), Some(text), Some(rationale), Some(language), Some(source), Some(rhythm)) =
        (title, text, rationale, language, source, rhythm)
    else {
        return None;
    };
    let (Some(addressees), Some(answer_due)) = (addressees, answer_due) else {
        return None;
    };
    if !errors.is_empty() {
        return None;
    }
    let (translations, projects, documents, focus_area) = match before {
        Some(view) => (
            view.translations.clone(),
            view.basis.projects.clone(),
            view.basis.documents.clone(),
            view.focus_area.clone(),
        ),
        None => (BTreeMap::new(), Vec::new(), Vec::new(), None),
    };
    Some(Parsed {
        content: RecommendationContent {
            title,
            text,
            language,
            translations,
            rationale,
            source,
            basis: Basis {
                concerns,
                projects,
                documents,
            },
            focus_area,
        },
        addressees,
        schedule: Schedule { answer_due, rhythm },
    })
}
