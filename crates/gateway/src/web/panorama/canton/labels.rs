//! The words of the panorama's classifications in the page's language,
//! and the values forms send for them. Explicit matches, so that the
//! test of the texts sees every key.

use iiz_domain::canton_profile::{
    BodyLevel, CaseCriterion, ChallengeCategory, Documented, ImplementationType, LegalBasisKind,
    OfficeKind, ProcessForm, Section,
};
use iiz_domain::key_figures::FigureValue;
use iiz_domain::panorama::InstitutionKind;
use iiz_domain::panorama_round::RoundStage;
use iiz_projections::AnswerStatus;
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::web::i18n::Tr;

/// The value a form sends for a classification: its stored name.
pub fn value<T: Serialize>(item: &T) -> String {
    match serde_json::to_value(item) {
        Ok(serde_json::Value::String(name)) => name,
        _ => String::new(),
    }
}

/// The classification a form sent, if it is one.
pub fn parse<T: DeserializeOwned>(sent: &str) -> Option<T> {
    serde_json::from_value(serde_json::Value::String(sent.to_owned())).ok()
}

pub fn stage(tr: Tr, stage: RoundStage) -> String {
    match stage {
        RoundStage::Open => tr.t("panorama-stage-open"),
        RoundStage::Closed => tr.t("panorama-stage-closed"),
        RoundStage::Published => tr.t("panorama-stage-published"),
    }
}

pub fn status(tr: Tr, status: AnswerStatus) -> String {
    match status {
        AnswerStatus::NoAnswer => tr.t("panorama-status-no-answer"),
        AnswerStatus::Confirmed => tr.t("panorama-status-confirmed"),
        AnswerStatus::Updated => tr.t("panorama-status-updated"),
    }
}

pub fn implementation_type(tr: Tr, kind: ImplementationType) -> String {
    match kind {
        ImplementationType::Type1 => tr.t("panorama-type-1"),
        ImplementationType::Type2 => tr.t("panorama-type-2"),
        ImplementationType::Type3 => tr.t("panorama-type-3"),
        ImplementationType::Type4 => tr.t("panorama-type-4"),
        ImplementationType::NotClassified => tr.t("panorama-type-not-classified"),
    }
}

pub fn office_kind(tr: Tr, kind: OfficeKind) -> String {
    match kind {
        OfficeKind::Geschaeftsstelle => tr.t("panorama-office-geschaeftsstelle"),
        OfficeKind::Fachstelle => tr.t("panorama-office-fachstelle"),
        OfficeKind::Koordinationsstelle => tr.t("panorama-office-koordinationsstelle"),
    }
}

pub fn level(tr: Tr, level: BodyLevel) -> String {
    match level {
        BodyLevel::Strategic => tr.t("panorama-level-strategic"),
        BodyLevel::Operational => tr.t("panorama-level-operational"),
    }
}

pub fn documented(tr: Tr, documented: Documented) -> String {
    match documented {
        Documented::Yes => tr.t("panorama-documented-yes"),
        Documented::No => tr.t("panorama-documented-no"),
        Documented::Unknown => tr.t("panorama-documented-unknown"),
    }
}

pub const PROCESS_FORMS: [ProcessForm; 5] = [
    ProcessForm::CaseManagementPhases,
    ProcessForm::InterfaceMeetings,
    ProcessForm::ElectronicPlatform,
    ProcessForm::RegistrationOnly,
    ProcessForm::Agreements,
];

pub fn process_form(tr: Tr, form: ProcessForm) -> String {
    match form {
        ProcessForm::CaseManagementPhases => tr.t("panorama-form-case-management-phases"),
        ProcessForm::InterfaceMeetings => tr.t("panorama-form-interface-meetings"),
        ProcessForm::ElectronicPlatform => tr.t("panorama-form-electronic-platform"),
        ProcessForm::RegistrationOnly => tr.t("panorama-form-registration-only"),
        ProcessForm::Agreements => tr.t("panorama-form-agreements"),
    }
}

pub const CRITERIA: [CaseCriterion; 8] = [
    CaseCriterion::RavRegistration,
    CaseCriterion::HealthImpairment,
    CaseCriterion::MultipleProblems,
    CaseCriterion::IntegrationPotential,
    CaseCriterion::Motivation,
    CaseCriterion::NeedForCoordination,
    CaseCriterion::DataExchangeConsent,
    CaseCriterion::JointMeeting,
];

pub fn criterion(tr: Tr, criterion: CaseCriterion) -> String {
    match criterion {
        CaseCriterion::RavRegistration => tr.t("panorama-criterion-rav-registration"),
        CaseCriterion::HealthImpairment => tr.t("panorama-criterion-health-impairment"),
        CaseCriterion::MultipleProblems => tr.t("panorama-criterion-multiple-problems"),
        CaseCriterion::IntegrationPotential => tr.t("panorama-criterion-integration-potential"),
        CaseCriterion::Motivation => tr.t("panorama-criterion-motivation"),
        CaseCriterion::NeedForCoordination => tr.t("panorama-criterion-need-for-coordination"),
        CaseCriterion::DataExchangeConsent => tr.t("panorama-criterion-data-exchange-consent"),
        CaseCriterion::JointMeeting => tr.t("panorama-criterion-joint-meeting"),
    }
}

pub const LEGAL_KINDS: [LegalBasisKind; 4] = [
    LegalBasisKind::CantonalAct,
    LegalBasisKind::GovernmentDecision,
    LegalBasisKind::Agreement,
    LegalBasisKind::Other,
];

pub fn legal_kind(tr: Tr, kind: LegalBasisKind) -> String {
    match kind {
        LegalBasisKind::CantonalAct => tr.t("panorama-legal-cantonal-act"),
        LegalBasisKind::GovernmentDecision => tr.t("panorama-legal-government-decision"),
        LegalBasisKind::Agreement => tr.t("panorama-legal-agreement"),
        LegalBasisKind::Other => tr.t("panorama-legal-other"),
    }
}

pub const CATEGORIES: [ChallengeCategory; 9] = [
    ChallengeCategory::DataProtection,
    ChallengeCategory::Responsibilities,
    ChallengeCategory::Financing,
    ChallengeCategory::LegalContradictions,
    ChallengeCategory::Commitment,
    ChallengeCategory::StructureAndMonitoring,
    ChallengeCategory::KnowledgeAndStaff,
    ChallengeCategory::Employers,
    ChallengeCategory::Other,
];

pub fn category(tr: Tr, category: ChallengeCategory) -> String {
    match category {
        ChallengeCategory::DataProtection => tr.t("panorama-challenge-data-protection"),
        ChallengeCategory::Responsibilities => tr.t("panorama-challenge-responsibilities"),
        ChallengeCategory::Financing => tr.t("panorama-challenge-financing"),
        ChallengeCategory::LegalContradictions => tr.t("panorama-challenge-legal-contradictions"),
        ChallengeCategory::Commitment => tr.t("panorama-challenge-commitment"),
        ChallengeCategory::StructureAndMonitoring => {
            tr.t("panorama-challenge-structure-and-monitoring")
        }
        ChallengeCategory::KnowledgeAndStaff => tr.t("panorama-challenge-knowledge-and-staff"),
        ChallengeCategory::Employers => tr.t("panorama-challenge-employers"),
        ChallengeCategory::Other => tr.t("panorama-challenge-other"),
    }
}

pub fn institution(tr: Tr, kind: InstitutionKind) -> String {
    match kind {
        InstitutionKind::Unemployment => tr.t("panorama-institution-unemployment"),
        InstitutionKind::Disability => tr.t("panorama-institution-disability"),
        InstitutionKind::SocialAssistance => tr.t("panorama-institution-social-assistance"),
        InstitutionKind::VocationalEducation => tr.t("panorama-institution-vocational-education"),
        InstitutionKind::Migration => tr.t("panorama-institution-migration"),
        InstitutionKind::Health => tr.t("panorama-institution-health"),
        InstitutionKind::Municipalities => tr.t("panorama-institution-municipalities"),
        InstitutionKind::Employers => tr.t("panorama-institution-employers"),
        InstitutionKind::Government => tr.t("panorama-institution-government"),
        InstitutionKind::Mandated => tr.t("panorama-institution-mandated"),
        InstitutionKind::Other => tr.t("panorama-institution-other"),
    }
}

pub fn section(tr: Tr, section: Section) -> String {
    match section {
        Section::Structure => tr.t("panorama-part-structure"),
        Section::Practice => tr.t("panorama-part-practice"),
        Section::Challenges => tr.t("panorama-part-challenges"),
    }
}

/// The kinds of a figure, as the report form offers them.
pub const FIGURE_KINDS: [&str; 4] = ["exact", "range", "estimate", "not_available"];

pub fn figure_kind(tr: Tr, kind: &str) -> String {
    match kind {
        "exact" => tr.t("panorama-figure-exact"),
        "range" => tr.t("panorama-figure-range"),
        "estimate" => tr.t("panorama-figure-estimate"),
        _ => tr.t("panorama-figure-not-available"),
    }
}

/// A figure as the pages show it: never a midpoint, never a zero for
/// "not available" (`540`, `80–100`, `ca. 540`, `k. A.`).
pub fn figure(tr: Tr, value: &FigureValue) -> String {
    let number = |value: u32| crate::web::format::number(u64::from(value), tr.language);
    match value {
        FigureValue::Exact { value } => number(*value),
        FigureValue::Range { low, high } => format!("{}–{}", number(*low), number(*high)),
        FigureValue::Estimate { value } => tr.t1("panorama-figure-about", "value", number(*value)),
        FigureValue::NotAvailable => tr.t("panorama-figure-none"),
    }
}
