//! The words of the panorama reports for the domain's values: explicit
//! matches, so that the test of the texts sees every key and a new value
//! of the domain does not compile without its words.

use iiz_app::panorama::{NationalFigure, NationalKey, PanoramaField};
use iiz_domain::canton_profile::{
    BodyLevel, CaseCriterion, ChallengeCategory, Documented, ImplementationType, LegalBasisKind,
    OfficeKind, ProcessForm,
};
use iiz_domain::key_figures::{NoShare, ShareBasis};
use iiz_domain::panorama::InstitutionKind;
use iiz_domain::panorama_round::AnswerKind;

use crate::web::i18n::Tr;
use crate::web::monitoring::labels::canton;

pub fn implementation_type(tr: Tr, kind: ImplementationType) -> String {
    match kind {
        ImplementationType::Type1 => tr.t("panorama-report-type-1"),
        ImplementationType::Type2 => tr.t("panorama-report-type-2"),
        ImplementationType::Type3 => tr.t("panorama-report-type-3"),
        ImplementationType::Type4 => tr.t("panorama-report-type-4"),
        ImplementationType::NotClassified => tr.t("panorama-report-type-not-classified"),
    }
}

pub fn body_level(tr: Tr, level: BodyLevel) -> String {
    match level {
        BodyLevel::Strategic => tr.t("panorama-report-level-strategic"),
        BodyLevel::Operational => tr.t("panorama-report-level-operational"),
    }
}

pub fn office_kind(tr: Tr, kind: OfficeKind) -> String {
    match kind {
        OfficeKind::Geschaeftsstelle => tr.t("panorama-report-office-geschaeftsstelle"),
        OfficeKind::Fachstelle => tr.t("panorama-report-office-fachstelle"),
        OfficeKind::Koordinationsstelle => tr.t("panorama-report-office-koordinationsstelle"),
    }
}

pub fn documented(tr: Tr, answer: Documented) -> String {
    match answer {
        Documented::Yes => tr.t("panorama-report-documented-yes"),
        Documented::No => tr.t("panorama-report-documented-no"),
        Documented::Unknown => tr.t("panorama-report-documented-unknown"),
    }
}

pub fn process_form(tr: Tr, form: ProcessForm) -> String {
    match form {
        ProcessForm::CaseManagementPhases => tr.t("panorama-report-form-phases"),
        ProcessForm::InterfaceMeetings => tr.t("panorama-report-form-meetings"),
        ProcessForm::ElectronicPlatform => tr.t("panorama-report-form-platform"),
        ProcessForm::RegistrationOnly => tr.t("panorama-report-form-registration"),
        ProcessForm::Agreements => tr.t("panorama-report-form-agreements"),
    }
}

pub fn criterion(tr: Tr, criterion: CaseCriterion) -> String {
    match criterion {
        CaseCriterion::RavRegistration => tr.t("panorama-report-criterion-rav"),
        CaseCriterion::HealthImpairment => tr.t("panorama-report-criterion-health"),
        CaseCriterion::MultipleProblems => tr.t("panorama-report-criterion-multiple"),
        CaseCriterion::IntegrationPotential => tr.t("panorama-report-criterion-potential"),
        CaseCriterion::Motivation => tr.t("panorama-report-criterion-motivation"),
        CaseCriterion::NeedForCoordination => tr.t("panorama-report-criterion-coordination"),
        CaseCriterion::DataExchangeConsent => tr.t("panorama-report-criterion-consent"),
        CaseCriterion::JointMeeting => tr.t("panorama-report-criterion-meeting"),
    }
}

pub fn legal_basis_kind(tr: Tr, kind: LegalBasisKind) -> String {
    match kind {
        LegalBasisKind::CantonalAct => tr.t("panorama-report-basis-act"),
        LegalBasisKind::GovernmentDecision => tr.t("panorama-report-basis-decision"),
        LegalBasisKind::Agreement => tr.t("panorama-report-basis-agreement"),
        LegalBasisKind::Other => tr.t("panorama-report-basis-other"),
    }
}

pub fn challenge(tr: Tr, category: ChallengeCategory) -> String {
    match category {
        ChallengeCategory::DataProtection => tr.t("panorama-report-challenge-data"),
        ChallengeCategory::Responsibilities => tr.t("panorama-report-challenge-responsibilities"),
        ChallengeCategory::Financing => tr.t("panorama-report-challenge-financing"),
        ChallengeCategory::LegalContradictions => tr.t("panorama-report-challenge-legal"),
        ChallengeCategory::Commitment => tr.t("panorama-report-challenge-commitment"),
        ChallengeCategory::StructureAndMonitoring => tr.t("panorama-report-challenge-structure"),
        ChallengeCategory::KnowledgeAndStaff => tr.t("panorama-report-challenge-knowledge"),
        ChallengeCategory::Employers => tr.t("panorama-report-challenge-employers"),
        ChallengeCategory::Other => tr.t("panorama-report-challenge-other"),
    }
}

pub fn institution(tr: Tr, kind: InstitutionKind) -> String {
    match kind {
        InstitutionKind::Unemployment => tr.t("panorama-report-institution-unemployment"),
        InstitutionKind::Disability => tr.t("panorama-report-institution-disability"),
        InstitutionKind::SocialAssistance => tr.t("panorama-report-institution-social"),
        InstitutionKind::VocationalEducation => tr.t("panorama-report-institution-vocational"),
        InstitutionKind::Migration => tr.t("panorama-report-institution-migration"),
        InstitutionKind::Health => tr.t("panorama-report-institution-health"),
        InstitutionKind::Municipalities => tr.t("panorama-report-institution-municipalities"),
        InstitutionKind::Employers => tr.t("panorama-report-institution-employers"),
        InstitutionKind::Government => tr.t("panorama-report-institution-government"),
        InstitutionKind::Mandated => tr.t("panorama-report-institution-mandated"),
        InstitutionKind::Other => tr.t("panorama-report-institution-other"),
    }
}

pub fn answer_kind(tr: Tr, kind: AnswerKind) -> String {
    match kind {
        AnswerKind::Confirmed => tr.t("panorama-report-answer-confirmed"),
        AnswerKind::Updated => tr.t("panorama-report-answer-updated"),
    }
}

pub fn share_basis(tr: Tr, basis: ShareBasis) -> String {
    match basis {
        ShareBasis::Exact => tr.t("panorama-report-basis-exact"),
        ShareBasis::Estimated => tr.t("panorama-report-basis-estimated"),
    }
}

/// A national figure's title and its definition (docs/panorama.md).
pub fn figure(tr: Tr, figure: NationalFigure) -> (String, String) {
    match figure {
        NationalFigure::Offices => (
            tr.t("panorama-report-figure-offices"),
            tr.t("panorama-report-figure-offices-definition"),
        ),
        NationalFigure::SteeringInstitutions => (
            tr.t("panorama-report-figure-steering"),
            tr.t("panorama-report-figure-steering-definition"),
        ),
        NationalFigure::CoordinatorSeats => (
            tr.t("panorama-report-figure-seats"),
            tr.t("panorama-report-figure-seats-definition"),
        ),
        NationalFigure::DocumentedProcess => (
            tr.t("panorama-report-figure-process"),
            tr.t("panorama-report-figure-process-definition"),
        ),
        NationalFigure::ImplementationTypes => (
            tr.t("panorama-report-figure-types"),
            tr.t("panorama-report-figure-types-definition"),
        ),
        NationalFigure::CaseCounts => (
            tr.t("panorama-report-figure-cases"),
            tr.t("panorama-report-figure-cases-definition"),
        ),
        NationalFigure::PotentialShares => (
            tr.t("panorama-report-figure-shares"),
            tr.t("panorama-report-figure-shares-definition"),
        ),
    }
}

/// What one row of a national figure counts.
pub fn key(tr: Tr, key: NationalKey) -> String {
    match key {
        NationalKey::WithOffice => tr.t("panorama-report-key-with-office"),
        NationalKey::WithoutOffice => tr.t("panorama-report-key-without-office"),
        NationalKey::Institution(kind) => institution(tr, kind),
        NationalKey::NotStated => tr.t("panorama-report-key-not-stated"),
        NationalKey::Documented(answer) => documented(tr, answer),
        NationalKey::Type(kind) => implementation_type(tr, kind),
        NationalKey::Lowest => tr.t("panorama-report-key-lowest"),
        NationalKey::Highest => tr.t("panorama-report-key-highest"),
        NationalKey::Counted => tr.t("panorama-report-key-counted"),
        NationalKey::WithoutCount => tr.t("panorama-report-key-without-count"),
        NationalKey::Canton(code) => canton(tr, code.as_str()),
        NationalKey::NoShare(NoShare::NoUnemployedFigure) => {
            tr.t("panorama-report-key-no-unemployed-figure")
        }
        NationalKey::NoShare(NoShare::NotAPoint) => tr.t("panorama-report-key-not-a-point"),
        NationalKey::NoShare(NoShare::NoUnemployed) => tr.t("panorama-report-key-no-unemployed"),
        NationalKey::WithoutFigures => tr.t("panorama-report-key-without-figures"),
    }
}

pub fn field(tr: Tr, field: PanoramaField) -> String {
    match field {
        PanoramaField::ImplementationType => tr.t("panorama-report-field-type"),
        PanoramaField::Bodies => tr.t("panorama-report-field-bodies"),
        PanoramaField::Office => tr.t("panorama-report-field-office"),
        PanoramaField::CoordinatorAt => tr.t("panorama-report-field-coordinator"),
        PanoramaField::DocumentedProcess => tr.t("panorama-report-field-process"),
        PanoramaField::CaseDefinition => tr.t("panorama-report-field-case-definition"),
        PanoramaField::LegalBases => tr.t("panorama-report-field-legal-bases"),
        PanoramaField::FederalReferences => tr.t("panorama-report-field-federal"),
        PanoramaField::Challenges => tr.t("panorama-report-field-challenges"),
        PanoramaField::CasesTotal => tr.t("panorama-report-field-cases"),
    }
}

/// Every field, in the order of the form.
pub const FIELDS: [PanoramaField; 10] = [
    PanoramaField::ImplementationType,
    PanoramaField::Bodies,
    PanoramaField::Office,
    PanoramaField::CoordinatorAt,
    PanoramaField::DocumentedProcess,
    PanoramaField::CaseDefinition,
    PanoramaField::LegalBases,
    PanoramaField::FederalReferences,
    PanoramaField::Challenges,
    PanoramaField::CasesTotal,
];
