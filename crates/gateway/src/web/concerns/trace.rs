//! The trace of a concern across aggregates: the meetings and circular
//! resolutions whose decisions moved it, the STG's decision, the
//! recommendation it led to and each addressee's acceptance and
//! implementation, as the person may see them.

use chrono::Utc;
use chrono_tz::Europe::Zurich;
use iiz_app::{AppError, Caller};
use iiz_domain::RecommendationId;
use iiz_domain::basis::DecisionSource;
use iiz_domain::recommendation::{Acceptance, ImplementationStatus};
use iiz_projections::ConcernView;

use super::labels::{stg_outcome_key, timeline_kind};
use crate::web::format;
use crate::web::i18n::Tr;

/// A decision of a body that moved the concern.
#[derive(Debug, Clone)]
pub struct TraceDecision {
    pub what: String,
    pub when: String,
    pub label: String,
    pub href: String,
}

/// One addressee of a recommendation and how far it is.
#[derive(Debug, Clone)]
pub struct TraceAddressee {
    pub party: String,
    pub acceptance: String,
    pub status: String,
}

/// A recommendation the concern led to.
#[derive(Debug, Clone)]
pub struct TraceRecommendation {
    pub href: String,
    pub title: String,
    pub addressees: Vec<TraceAddressee>,
}

#[derive(Debug, Clone, Default)]
pub struct Trace {
    pub decisions: Vec<TraceDecision>,
    pub stg_decision: Option<String>,
    pub follow_ups: Vec<String>,
    pub recommendations: Vec<TraceRecommendation>,
}

impl Trace {
    pub fn is_empty(&self) -> bool {
        self.decisions.is_empty()
            && self.stg_decision.is_none()
            && self.follow_ups.is_empty()
            && self.recommendations.is_empty()
    }
}

fn acceptance_key(acceptance: Option<Acceptance>) -> &'static str {
    match acceptance {
        None => "concerns-trace-not-answered",
        Some(Acceptance::Accepted) => "concerns-acceptance-accepted",
        Some(Acceptance::PartlyAccepted) => "concerns-acceptance-partly-accepted",
        Some(Acceptance::NotAccepted) => "concerns-acceptance-not-accepted",
        Some(Acceptance::NotRelevant) => "concerns-acceptance-not-relevant",
    }
}

fn status_key(status: Option<ImplementationStatus>) -> &'static str {
    match status {
        None => "concerns-trace-not-reported",
        Some(ImplementationStatus::NotStarted) => "concerns-implementation-not-started",
        Some(ImplementationStatus::Planned) => "concerns-implementation-planned",
        Some(ImplementationStatus::InProgress) => "concerns-implementation-in-progress",
        Some(ImplementationStatus::Implemented) => "concerns-implementation-implemented",
        Some(ImplementationStatus::NotImplemented) => "concerns-implementation-not-implemented",
    }
}

/// The trace of `view` as `caller` may see it.
pub async fn trace(caller: &Caller<'_>, tr: Tr, view: &ConcernView) -> Result<Trace, AppError> {
    let decisions = view
        .timeline
        .iter()
        .filter_map(|entry| {
            let basis = entry.decided_by.as_ref()?;
            let href = match basis.source {
                DecisionSource::Meeting { meeting, .. } => format!("/meetings/{meeting}"),
                DecisionSource::Resolution { resolution } => format!("/resolutions/{resolution}"),
            };
            Some(TraceDecision {
                what: timeline_kind(tr, &entry.kind),
                when: format::date_time(entry.at),
                label: basis.label.as_str().to_owned(),
                href,
            })
        })
        .collect();
    let mut recommendations = Vec::new();
    let led_to: Vec<RecommendationId> = view
        .answer
        .as_ref()
        .and_then(|answer| answer.recommendation)
        .into_iter()
        .collect();
    let today = Utc::now().with_timezone(&Zurich).date_naive();
    for id in led_to {
        let recommendation = match caller.recommendation(id).await {
            Ok(recommendation) => recommendation,
            // Not (yet) visible to this person: the trace ends here for them.
            Err(AppError::Denied(_)) => continue,
            Err(error) => return Err(error),
        };
        let addressees = match caller.recommendation_tracking(id, today).await {
            Ok(tracking) => tracking
                .items
                .iter()
                .map(|tracked| TraceAddressee {
                    party: tracked.row.addressee.to_string(),
                    acceptance: tr.t(acceptance_key(tracked.row.acceptance)),
                    status: tr.t(status_key(tracked.row.status)),
                })
                .collect(),
            Err(AppError::Denied(_)) => Vec::new(),
            Err(error) => return Err(error),
        };
        recommendations.push(TraceRecommendation {
            href: format!("/recommendations/{id}"),
            title: recommendation.title,
            addressees,
        });
    }
    Ok(Trace {
        decisions,
        stg_decision: view
            .stg_decision
            .map(|outcome| tr.t(stg_outcome_key(outcome))),
        follow_ups: view
            .follow_ups
            .iter()
            .map(|follow_up| follow_up.title.clone())
            .collect(),
        recommendations,
    })
}
