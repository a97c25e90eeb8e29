//! `GET /monitoring`: the pictures of the Seismograf and of the
//! recommendations' implementation. The national bodies (Fachstelle, STG,
//! EKG) see every figure; a canton sees the pipeline, the concerns per
//! canton and what it may read of the recommendations.

use askama::Template;
use axum::extract::Query;
use axum::response::Response;
use iiz_app::AppError;
use iiz_app::authz::Denied;
use iiz_app::recommendations::today;
use iiz_domain::RecommendationId;
use iiz_projections::MonitoringPolicy;
use serde::Deserialize;

use super::figures;
use crate::web::charts::Chart;
use crate::web::errors::{Failure, WebError};
use crate::web::format;
use crate::web::page::{Chrome, show};
use crate::web::visitor::Visitor;

/// The query of the page: the recommendation the map shows.
#[derive(Debug, Default, Deserialize)]
pub struct MapChoice {
    #[serde(default)]
    pub recommendation: String,
}

/// A recommendation to choose for the map.
#[derive(Debug, Clone)]
pub struct Choice {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

/// A figure of the national summary.
#[derive(Debug, Clone)]
pub struct Fact {
    pub label: String,
    pub value: String,
}

#[derive(Template)]
#[template(path = "monitoring/dashboard.html")]
pub struct MonitoringPage {
    pub chrome: Chrome,
    pub facts: Vec<Fact>,
    pub pipeline: Chart,
    pub concerns_map: Chart,
    pub acceptance: Option<Chart>,
    /// How many recommendations there are beyond the bars shown.
    pub more_recommendations: usize,
    pub over_time: Option<Chart>,
    pub choices: Vec<Choice>,
    pub status_map: Option<Chart>,
}

/// `GET /monitoring`.
pub async fn page(visitor: Visitor, Query(choice): Query<MapChoice>) -> Result<Response, WebError> {
    visitor.signed_in()?;
    let tr = visitor.tr;
    let caller = visitor.caller();
    let fail = |error| visitor.fail(error);
    let broken_map = |error: crate::web::charts::MapDataError| {
        tracing::error!(%error, request_id = visitor.request_id, "map data");
        visitor.refuse(Failure::Internal)
    };
    let as_of = today();
    let policy = MonitoringPolicy::default();
    let statistics = caller.concern_statistics().await.map_err(fail)?;
    let records = caller.monitoring_table(as_of, policy).await.map_err(fail)?;
    // Only the national bodies get the national dashboard; the others
    // see what the monitoring table shows them.
    let dashboard = match caller.recommendation_dashboard(as_of, policy).await {
        Ok(dashboard) => Some(dashboard),
        Err(AppError::Denied(Denied::Forbidden)) => None,
        Err(error) => return Err(fail(error)),
    };
    let newest = figures::recommendations(&records);
    let chosen = RecommendationId::parse(&choice.recommendation)
        .ok()
        .and_then(|id| newest.iter().find(|(known, _)| *known == id))
        .or_else(|| newest.first());
    let status_map = match chosen {
        Some(chosen) => Some(
            figures::status_map(tr, &records, chosen, dashboard.is_some()).map_err(broken_map)?,
        ),
        None => None,
    };
    let choices = newest
        .iter()
        .map(|(id, title)| Choice {
            value: id.to_string(),
            label: title.clone(),
            selected: chosen.is_some_and(|(chosen, _)| chosen == id),
        })
        .collect();
    let facts = dashboard.as_ref().map_or_else(Vec::new, |dashboard| {
        let number = |value| format::number(value, tr.language);
        let distribution = &dashboard.distribution;
        let mut facts = vec![
            Fact {
                label: tr.t("charts-fact-open"),
                value: number(dashboard.open_recommendations),
            },
            Fact {
                label: tr.t("charts-fact-items"),
                value: number(distribution.items),
            },
            Fact {
                label: tr.t("charts-fact-implemented"),
                value: format::percent(
                    distribution.implemented(),
                    distribution.committed(),
                    tr.language,
                ),
            },
            Fact {
                label: tr.t("charts-fact-overdue"),
                value: number(dashboard.overdue.len() as u64),
            },
        ];
        if let Some(days) = statistics.median_days_to_answer() {
            facts.push(Fact {
                label: tr.t("charts-fact-median-days"),
                value: tr.t1("charts-days", "days", days),
            });
        }
        facts
    });
    let page = MonitoringPage {
        chrome: Chrome::new(&visitor, "monitoring", tr.t("charts-title")).await?,
        facts,
        pipeline: figures::pipeline(tr, &statistics),
        concerns_map: figures::concerns_map(tr, &statistics).map_err(broken_map)?,
        acceptance: (!newest.is_empty()).then(|| figures::acceptance(tr, &records, &newest)),
        more_recommendations: newest.len().saturating_sub(figures::RECENT),
        over_time: dashboard
            .as_ref()
            .filter(|dashboard| !dashboard.over_time.is_empty())
            .map(|dashboard| figures::over_time(tr, dashboard)),
        choices,
        status_map,
    };
    show(&page, &visitor)
}
