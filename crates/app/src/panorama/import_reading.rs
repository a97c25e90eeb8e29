//! Reading the 2020 annex's texts: the kind of an institution, the forms
//! of a documented process, the criteria of a case definition, the kind
//! of a legal basis and the category of a challenge, each by keywords kept
//! here as data. The text itself is always kept beside the reading.

use std::collections::BTreeSet;

use iiz_domain::canton_profile::{
    CaseCriterion, CaseDefinition, Challenge, ChallengeCategory, Challenges, Documented,
    LegalBasis, LegalBasisKind, Practice, ProcessDocumentation, ProcessForm,
};
use iiz_domain::panorama::InstitutionKind;
use iiz_domain::text::{FreeText, Title};

use super::import_map::{free, invalid, joined};
use crate::AppError;
use crate::catalog_sections::PanoramaSection;

/// Keywords by institution kind, tried in this order on a name; the
/// abbreviations match whole words only.
const KINDS: [(InstitutionKind, &[&str], &[&str]); 10] = [
    (InstitutionKind::Mandated, &["gemeinnützige"], &["GGZ"]),
    (
        InstitutionKind::Employers,
        &["handelskammer", "gewerbeverband"],
        &[],
    ),
    (
        InstitutionKind::Municipalities,
        &["gemeinde", "sozialvorsteher", "sozialregionen"],
        &["VSZGB", "SVL"],
    ),
    (
        InstitutionKind::Government,
        &["regierungsrat", "secrétaire général"],
        &[],
    ),
    (
        InstitutionKind::Disability,
        &["iv-stelle", "invalidité", "ausgleichskasse"],
        &["IV", "AI", "OAI", "SVA"],
    ),
    (
        InstitutionKind::Unemployment,
        &["arbeit", "emploi", "arbeitslosen", "kiga", "wira"],
        &["AWA", "RAV", "ORP", "OCE", "SDE", "AC", "AVA"],
    ),
    (
        InstitutionKind::SocialAssistance,
        &["sozial", "action sociale", "hospice"],
        &["KSA", "SAS", "SSR", "HG", "DGCS", "AS", "KSD"],
    ),
    (
        InstitutionKind::Migration,
        &["migration", "asile", "étrangers", "multiculturelle"],
        &["ZiSG"],
    ),
    (
        InstitutionKind::Health,
        &["gesundheit", "suva", "addiction"],
        &[],
    ),
    (
        InstitutionKind::VocationalEducation,
        &["berufs", "formation", "bildung", "laufbahn", "hochschulen"],
        &["BMH", "BSLB", "AJB", "MBA"],
    ),
];

pub(super) fn kind_of(name: &str) -> InstitutionKind {
    let lower = name.to_lowercase();
    let words: BTreeSet<&str> = name
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .collect();
    KINDS
        .iter()
        .find(|(_, needles, words_of_kind)| {
            needles.iter().any(|needle| lower.contains(needle))
                || words_of_kind.iter().any(|word| words.contains(word))
        })
        .map_or(InstitutionKind::Other, |(kind, _, _)| *kind)
}

fn found<T: Copy + Ord>(text: &str, table: &[(&[&str], T)]) -> BTreeSet<T> {
    let lower = text.to_lowercase();
    table
        .iter()
        .filter(|(needles, _)| needles.iter().any(|needle| lower.contains(needle)))
        .map(|(_, value)| *value)
        .collect()
}

const FORMS: [(&[&str], ProcessForm); 4] = [
    (
        &["schnittstellengespräch", "interface"],
        ProcessForm::InterfaceMeetings,
    ),
    (
        &["plattform", "platform", "casenet"],
        ProcessForm::ElectronicPlatform,
    ),
    (
        &["vereinbarung", "agreement", "convention"],
        ProcessForm::Agreements,
    ),
    (
        &[
            "cm-prozess",
            "case management",
            "assessment",
            "case lead",
            "prise en charge",
        ],
        ProcessForm::CaseManagementPhases,
    ),
];

const CRITERIA: [(&[&str], CaseCriterion); 8] = [
    (&[" rav", "(rav"], CaseCriterion::RavRegistration),
    (
        &["health", "medical", "santé"],
        CaseCriterion::HealthImpairment,
    ),
    (
        &["multiple problems", "multi-problem"],
        CaseCriterion::MultipleProblems,
    ),
    (
        &["chance of", "potential", "employab"],
        CaseCriterion::IntegrationPotential,
    ),
    (&["motivat"], CaseCriterion::Motivation),
    (&["coordinat"], CaseCriterion::NeedForCoordination),
    (
        &["authorisation", "data-exchange"],
        CaseCriterion::DataExchangeConsent,
    ),
    (
        &["round table", "meet in person", "interface meeting"],
        CaseCriterion::JointMeeting,
    ),
];

/// The first category of the table a text names: the table's order is the
/// priority where a text names several.
fn first<T: Copy>(text: &str, table: &[(&[&str], T)]) -> Option<T> {
    let lower = text.to_lowercase();
    table
        .iter()
        .find(|(needles, _)| needles.iter().any(|needle| lower.contains(needle)))
        .map(|(_, value)| *value)
}

const CHALLENGES: [(&[&str], ChallengeCategory); 8] = [
    (&["data protection"], ChallengeCategory::DataProtection),
    (
        &["legal contradictions", "diverging objectives"],
        ChallengeCategory::LegalContradictions,
    ),
    (&["financ"], ChallengeCategory::Financing),
    (
        &["responsib", "boundaries"],
        ChallengeCategory::Responsibilities,
    ),
    (&["employer"], ChallengeCategory::Employers),
    (
        &["staff", "knowledge", "training", "coordinator post"],
        ChallengeCategory::KnowledgeAndStaff,
    ),
    (
        &["monitoring", "formalise", "visible", "structures"],
        ChallengeCategory::StructureAndMonitoring,
    ),
    (
        &["commit", "political priority", "support", "willing"],
        ChallengeCategory::Commitment,
    ),
];

pub(super) fn practice(section: &PanoramaSection) -> Result<Practice, AppError> {
    let process = &section.has_documented_process;
    let documented = match process.value.as_str() {
        "yes" => Documented::Yes,
        "no" => Documented::No,
        _ => Documented::Unknown,
    };
    let form = process.form.as_deref().unwrap_or_default();
    let forms = if documented == Documented::Yes {
        found(form, &FORMS)
    } else {
        BTreeSet::new()
    };
    let criteria_text = section.case_criteria.as_deref().unwrap_or_default();
    Ok(Practice {
        process: ProcessDocumentation {
            documented,
            forms,
            as_written: joined(&[process.qualifier.as_deref(), process.form.as_deref()])?,
        },
        case_definition: CaseDefinition {
            minimum_institutions: None,
            criteria: found(criteria_text, &CRITERIA),
            as_written: joined(&[
                section.case_criteria.as_deref(),
                section.case_criteria_note.as_deref(),
            ])?,
        },
        legal_bases: section
            .legal_basis
            .iter()
            .map(|citation| legal_basis(citation))
            .collect::<Result<_, _>>()?,
        federal_references: section
            .federal_references
            .iter()
            .map(|citation| Title::parse(citation).map_err(|e| invalid(citation, e)))
            .collect::<Result<_, _>>()?,
        legal_note: free(section.legal_basis_note.as_deref())?,
    })
}

fn legal_basis(citation: &str) -> Result<LegalBasis, AppError> {
    let lower = citation.to_lowercase();
    let kind = if ["rrb", "regierungsratsbeschluss", "arrêté"]
        .iter()
        .any(|start| lower.starts_with(start))
    {
        LegalBasisKind::GovernmentDecision
    } else if lower.contains("vereinbarung") || lower.contains("convention") {
        LegalBasisKind::Agreement
    } else {
        LegalBasisKind::CantonalAct
    };
    Ok(LegalBasis {
        kind,
        citation: Title::parse(citation).map_err(|e| invalid(citation, e))?,
    })
}

pub(super) fn challenges(section: &PanoramaSection) -> Result<Challenges, AppError> {
    Ok(Challenges {
        items: section
            .challenges
            .iter()
            .map(|text| {
                Ok(Challenge {
                    category: first(text, &CHALLENGES).unwrap_or(ChallengeCategory::Other),
                    text: free(Some(text.as_str()))?,
                })
            })
            .collect::<Result<_, AppError>>()?,
        note: FreeText::default(),
    })
}
