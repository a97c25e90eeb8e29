//! The facts of a recommendation (version, origin, schedule, adoption,
//! publication, its end) and the figures over all its addressees, which
//! everyone who reads the recommendation may see.

use iiz_app::recommendations::RecommendationTracking;
use iiz_domain::recommendation::Acceptance;
use iiz_projections::RecommendationView;

use super::labels;
use crate::web::format;
use crate::web::i18n::Tr;

/// A fact of the recommendation: what, and its value.
#[derive(Debug, Clone)]
pub struct Fact {
    pub label: String,
    pub value: String,
}

/// The recommendation's facts, in the order the page lists them.
pub fn of(tr: Tr, view: &RecommendationView) -> Vec<Fact> {
    let mut facts = vec![
        Fact {
            label: tr.t("recommendations-fact-version"),
            value: view.version.to_string(),
        },
        Fact {
            label: tr.t("recommendations-fact-source"),
            value: labels::source(tr, view.source),
        },
        Fact {
            label: tr.t("recommendations-fact-answer-due"),
            value: format::date(view.schedule.answer_due),
        },
        Fact {
            label: tr.t("recommendations-fact-rhythm"),
            value: labels::rhythm(tr, view.schedule.rhythm),
        },
    ];
    if let Some(adoption) = &view.adoption {
        facts.push(Fact {
            label: tr.t("recommendations-fact-adopted"),
            value: format!("{} ({})", format::date(adoption.on), adoption.decision),
        });
    }
    if let Some(published) = view.published_on {
        facts.push(Fact {
            label: tr.t("recommendations-fact-published"),
            value: format::date(published),
        });
    }
    for (label, value) in [
        ("recommendations-fact-assessment", &view.assessment),
        ("recommendations-fact-discarded", &view.discarded),
    ] {
        if let Some(value) = value {
            facts.push(Fact {
                label: tr.t(label),
                value: value.clone(),
            });
        }
    }
    facts
}

/// How many addressees answered how, and how many are late.
pub fn counts(tr: Tr, tracking: &RecommendationTracking) -> Vec<Fact> {
    let distribution = &tracking.distribution;
    let mut counts = vec![
        Fact {
            label: tr.t("recommendations-count-items"),
            value: format::number(distribution.items, tr.language),
        },
        Fact {
            label: tr.t("recommendations-count-unanswered"),
            value: format::number(distribution.unanswered, tr.language),
        },
    ];
    counts.extend(Acceptance::ALL.into_iter().map(|acceptance| {
        Fact {
            label: labels::acceptance(tr, acceptance).label,
            value: format::number(
                distribution
                    .acceptance
                    .get(&acceptance)
                    .copied()
                    .unwrap_or(0),
                tr.language,
            ),
        }
    }));
    counts.push(Fact {
        label: tr.t("recommendations-count-overdue"),
        value: format::number(tracking.overdue_count as u64, tr.language),
    });
    counts
}
