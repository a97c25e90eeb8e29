//! The words and badges of a recommendation's values. Every value has an
//! explicit `match` returning a literal key, so the key scan of the tests
//! sees each one.

use iiz_domain::recommendation::{
    Acceptance, ImplementationStatus, RecommendationSource, RecommendationStage, ReportingRhythm,
};
use iiz_domain::{Language, Partner, Party, TenantId};
use iiz_projections::DueKind;

use crate::web::i18n::Tr;

/// A value shown as a status badge: its words and its colour class (the
/// words carry the meaning; the colour only repeats it).
#[derive(Debug, Clone)]
pub struct Badge {
    pub label: String,
    pub class: &'static str,
}

pub fn stage(tr: Tr, stage: RecommendationStage) -> Badge {
    let (key, class) = match stage {
        RecommendationStage::Draft => ("recommendations-stage-draft", "badge-info"),
        RecommendationStage::Adopted => ("recommendations-stage-adopted", "badge-info"),
        RecommendationStage::Published => ("recommendations-stage-published", "badge-success"),
        RecommendationStage::Superseded => ("recommendations-stage-superseded", "badge"),
        RecommendationStage::Closed => ("recommendations-stage-closed", "badge"),
        RecommendationStage::Discarded => ("recommendations-stage-discarded", "badge"),
    };
    Badge {
        label: tr.t(key),
        class,
    }
}

pub fn acceptance(tr: Tr, acceptance: Acceptance) -> Badge {
    let (key, class) = match acceptance {
        Acceptance::Accepted => ("recommendations-acceptance-accepted", "badge-success"),
        Acceptance::PartlyAccepted => ("recommendations-acceptance-partly", "badge-warning"),
        Acceptance::NotAccepted => ("recommendations-acceptance-rejected", "badge-error"),
        Acceptance::NotRelevant => ("recommendations-acceptance-not-relevant", "badge"),
    };
    Badge {
        label: tr.t(key),
        class,
    }
}

pub fn status(tr: Tr, status: ImplementationStatus) -> Badge {
    let (key, class) = match status {
        ImplementationStatus::NotStarted => ("recommendations-status-not-started", "badge-warning"),
        ImplementationStatus::Planned => ("recommendations-status-planned", "badge-info"),
        ImplementationStatus::InProgress => ("recommendations-status-in-progress", "badge-info"),
        ImplementationStatus::Implemented => {
            ("recommendations-status-implemented", "badge-success")
        }
        ImplementationStatus::NotImplemented => {
            ("recommendations-status-not-implemented", "badge-error")
        }
    };
    Badge {
        label: tr.t(key),
        class,
    }
}

pub fn source(tr: Tr, source: RecommendationSource) -> String {
    tr.t(match source {
        RecommendationSource::EkgProposal => "recommendations-source-ekg-proposal",
        RecommendationSource::StgDecisionOnConcern => "recommendations-source-stg-decision",
        RecommendationSource::ProjectResult => "recommendations-source-project-result",
        RecommendationSource::Study => "recommendations-source-study",
        RecommendationSource::NeedsAnalysis => "recommendations-source-needs-analysis",
    })
}

pub fn rhythm(tr: Tr, rhythm: ReportingRhythm) -> String {
    tr.t(match rhythm {
        ReportingRhythm::HalfYearly => "recommendations-rhythm-half-yearly",
        ReportingRhythm::Yearly => "recommendations-rhythm-yearly",
        ReportingRhythm::EveryTwoYears => "recommendations-rhythm-every-two-years",
    })
}

pub fn language(tr: Tr, language: Language) -> String {
    tr.t(match language {
        Language::De => "recommendations-language-de",
        Language::Fr => "recommendations-language-fr",
        Language::It => "recommendations-language-it",
        Language::Rm => "recommendations-language-rm",
    })
}

/// What is due next, with its day.
pub fn due(tr: Tr, kind: DueKind, on: String) -> String {
    match kind {
        DueKind::Answer => tr.t1("recommendations-due-answer", "date", on),
        DueKind::Report => tr.t1("recommendations-due-report", "date", on),
    }
}

/// A step of the recommendation's own life (the event type).
pub fn step(tr: Tr, kind: &str) -> String {
    tr.t(match kind {
        "Drafted" => "recommendations-step-drafted",
        "Edited" => "recommendations-step-edited",
        "Discarded" => "recommendations-step-discarded",
        "Adopted" => "recommendations-step-adopted",
        "Published" => "recommendations-step-published",
        "Amended" => "recommendations-step-amended",
        "Superseded" => "recommendations-step-superseded",
        "Closed" => "recommendations-step-closed",
        "Flagged" => "recommendations-step-flagged",
        "FlagResolved" => "recommendations-step-flag-resolved",
        _ => "recommendations-step-other",
    })
}

/// An addressee by its code (`ZH`, `CH`, `SODK`): the codes are what the
/// cantons and partners call themselves in every language.
pub fn party(party: Party) -> String {
    party.to_string()
}

/// Every party a recommendation may be addressed to, as (code, code).
pub fn parties() -> Vec<(String, String)> {
    TenantId::all()
        .map(Party::Tenant)
        .chain(Partner::ALL.into_iter().map(Party::Partner))
        .map(|party| (party.to_string(), party.to_string()))
        .collect()
}

pub const STAGES: [RecommendationStage; 6] = RecommendationStage::ALL;
