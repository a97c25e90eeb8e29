//! A recommendation's full timeline (who, when, what, why, and for the
//! STG's decisions the meeting item or resolution that took them) and its
//! trace across aggregates: the concerns it rests on → the meetings and
//! resolutions that decided → this recommendation → each addressee's
//! implementation.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use iiz_app::recommendations::TrackedItem;
use iiz_domain::basis::{DecisionReference, DecisionSource};
use iiz_projections::{ConcernView, RecommendationView};

use super::labels::{self, Badge};
use crate::web::format;
use crate::web::i18n::Tr;

/// A link with its words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub href: String,
    pub label: String,
}

/// Where a body decided, as a link to its minutes or resolution.
pub fn decision_link(reference: &DecisionReference) -> Link {
    let href = match reference.source {
        DecisionSource::Meeting { meeting, .. } => format!("/meetings/{meeting}"),
        DecisionSource::Resolution { resolution } => format!("/resolutions/{resolution}"),
    };
    Link {
        href,
        label: reference.label.as_str().to_owned(),
    }
}

/// One step: who, when, what, why, and the decision it carried out.
#[derive(Debug, Clone)]
pub struct Step {
    pub at: DateTime<Utc>,
    pub when: String,
    pub who: String,
    pub what: String,
    pub why: String,
    pub decided_by: Option<Link>,
}

/// Names the people of the steps; someone the platform cannot name (a
/// migration, the demo loader) is "the platform".
pub struct Names<'a> {
    pub tr: Tr,
    pub names: &'a BTreeMap<String, String>,
}

impl Names<'_> {
    fn of(&self, actor: &str) -> String {
        self.names
            .get(actor)
            .cloned()
            .unwrap_or_else(|| self.tr.t("recommendations-actor-platform"))
    }
}

/// An addressee's own history: every answer and report, oldest first.
pub fn item_steps(names: &Names<'_>, tracked: &TrackedItem) -> Vec<Step> {
    let tr = names.tr;
    let party = labels::party(tracked.item.addressee);
    let answers = tracked.item.answers.iter().map(|answer| Step {
        at: answer.at,
        when: format::date_time(answer.at),
        who: names.of(&answer.by),
        what: tr.args(
            "recommendations-step-answered",
            &[
                ("party", party.clone()),
                (
                    "acceptance",
                    labels::acceptance(tr, answer.acceptance).label,
                ),
                ("version", answer.version.to_string()),
            ],
        ),
        why: answer.justification.clone(),
        decided_by: None,
    });
    let reports = tracked.item.reports.iter().map(|report| Step {
        at: report.at,
        when: format::date_time(report.at),
        who: names.of(&report.by),
        what: tr.args(
            "recommendations-step-reported",
            &[
                ("party", party.clone()),
                ("status", labels::status(tr, report.status).label),
                ("from", format::date(report.period.from)),
                ("to", format::date(report.period.to)),
            ],
        ),
        why: report.narrative.clone(),
        decided_by: None,
    });
    let mut steps: Vec<Step> = answers.chain(reports).collect();
    steps.sort_by_key(|step| step.at);
    steps
}

/// The recommendation's own steps and every step of the items the
/// visitor reads, oldest first.
pub fn timeline(names: &Names<'_>, view: &RecommendationView, items: &[TrackedItem]) -> Vec<Step> {
    let own = view.history.iter().map(|entry| Step {
        at: entry.at,
        when: format::date_time(entry.at),
        who: names.of(&entry.actor),
        what: labels::step(names.tr, &entry.kind),
        why: entry.detail.clone().unwrap_or_default(),
        decided_by: entry.decided_by.as_ref().map(decision_link),
    });
    let mut steps: Vec<Step> = own
        .chain(items.iter().flat_map(|tracked| item_steps(names, tracked)))
        .collect();
    steps.sort_by_key(|step| step.at);
    steps
}

/// A concern the recommendation rests on, with the decisions on it.
#[derive(Debug, Clone)]
pub struct TracedConcern {
    pub link: Link,
    pub decisions: Vec<Link>,
}

/// An addressee's implementation, as far as the visitor reads it.
#[derive(Debug, Clone)]
pub struct TracedItem {
    pub party: String,
    pub acceptance: Option<Badge>,
    pub status: Option<Badge>,
}

/// The chain from the concerns to each addressee's implementation.
#[derive(Debug, Clone)]
pub struct Trace {
    pub concerns: Vec<TracedConcern>,
    /// The STG's decisions on this recommendation.
    pub decisions: Vec<Link>,
    pub items: Vec<TracedItem>,
}

pub fn trace(
    tr: Tr,
    view: &RecommendationView,
    concerns: &[ConcernView],
    items: &[TrackedItem],
) -> Trace {
    let mut decisions: Vec<Link> = Vec::new();
    for link in view
        .history
        .iter()
        .filter_map(|entry| entry.decided_by.as_ref().map(decision_link))
    {
        if !decisions.contains(&link) {
            decisions.push(link);
        }
    }
    Trace {
        concerns: concerns
            .iter()
            .map(|concern| {
                let mut on_concern: Vec<Link> = Vec::new();
                for link in concern
                    .timeline
                    .iter()
                    .filter_map(|entry| entry.decided_by.as_ref().map(decision_link))
                {
                    if !on_concern.contains(&link) {
                        on_concern.push(link);
                    }
                }
                TracedConcern {
                    link: Link {
                        href: format!("/concerns/{}", concern.id),
                        label: concern.title.clone(),
                    },
                    decisions: on_concern,
                }
            })
            .collect(),
        decisions,
        items: items
            .iter()
            .map(|tracked| TracedItem {
                party: labels::party(tracked.item.addressee),
                acceptance: tracked
                    .row
                    .acceptance
                    .map(|acceptance| labels::acceptance(tr, acceptance)),
                status: tracked.row.status.map(|status| labels::status(tr, status)),
            })
            .collect(),
    }
}
