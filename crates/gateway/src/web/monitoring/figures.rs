//! The monitoring figures as charts: from the read models' views
//! (concern statistics, the monitoring table, the national dashboard) to
//! the inputs of [`crate::web::charts`], with every text translated.

use iiz_app::recommendations::MonitoringRecord;
use iiz_domain::concern::ConcernStage;
use iiz_domain::{CantonCode, RecommendationId, TenantId};
use iiz_projections::{ConcernStatistics, MonitoringDashboard};

use super::labels::{self, Progress};
use crate::web::charts::{
    self, Category, Chart, ChartTexts, Fill, MapDataError, MapEntry, RatePoint, StackedRow,
};
use crate::web::format;
use crate::web::i18n::Tr;

/// How many recommendations the stacked bars show: the most recently
/// published (all of them are in the exports).
pub const RECENT: usize = 15;

/// The fill of each progress, in [`Progress::ALL`] order.
fn progress_fill(progress: Progress) -> Fill {
    match progress {
        Progress::Implemented => Fill::GREEN,
        Progress::UnderWay => Fill::BLUE,
        Progress::NotImplemented => Fill::RED,
        Progress::Declined => Fill::BROWN,
        Progress::Unanswered => Fill::GREY,
    }
}

fn progress_categories(tr: Tr) -> Vec<Category> {
    Progress::ALL
        .iter()
        .map(|progress| Category::new(progress.label(tr), progress_fill(*progress)))
        .collect()
}

/// Concerns per stage, in the order of the pipeline.
pub fn pipeline(tr: Tr, statistics: &ConcernStatistics) -> Chart {
    let counts: Vec<(String, u64)> = ConcernStage::ALL
        .iter()
        .map(|stage| {
            let count = statistics.by_stage.get(stage).copied().unwrap_or(0);
            (labels::stage(tr, *stage), count)
        })
        .collect();
    let total: u64 = counts.iter().map(|(_, count)| count).sum();
    charts::pipeline(
        &ChartTexts::new(
            "pipeline",
            tr.t("charts-pipeline-title"),
            tr.t1(
                "charts-pipeline-summary",
                "total",
                format::number(total, tr.language),
            ),
            tr.t("charts-pipeline-caption"),
        ),
        &counts,
        [
            tr.t("charts-column-stage"),
            tr.t("charts-column-concerns"),
            tr.t("charts-column-share"),
        ],
        tr.language,
    )
}

/// The recommendations in the table, newest publication first, with
/// their titles (for the choice of the map).
pub fn recommendations(records: &[MonitoringRecord]) -> Vec<(RecommendationId, String)> {
    let mut seen = std::collections::HashSet::new();
    // The table is ordered by publication, oldest first.
    records
        .iter()
        .rev()
        .filter(|record| seen.insert(record.recommendation_id))
        .map(|record| {
            (
                record.recommendation_id,
                record.recommendation_title.clone(),
            )
        })
        .collect()
}

/// Per recommendation (the [`RECENT`] newest), how far its addressees got.
pub fn acceptance(
    tr: Tr,
    records: &[MonitoringRecord],
    newest: &[(RecommendationId, String)],
) -> Chart {
    let rows: Vec<StackedRow> = newest
        .iter()
        .take(RECENT)
        .map(|(id, title)| {
            let mut counts = vec![0; Progress::ALL.len()];
            for record in records
                .iter()
                .filter(|record| record.recommendation_id == *id)
            {
                counts[Progress::of(record.acceptance, record.implementation_status).index()] += 1;
            }
            StackedRow {
                label: title.clone(),
                href: Some(format!("/recommendations/{id}")),
                counts,
            }
        })
        .collect();
    charts::stacked_bars(
        &ChartTexts::new(
            "acceptance",
            tr.t("charts-acceptance-title"),
            tr.t1("charts-acceptance-summary", "count", rows.len()),
            tr.t("charts-acceptance-caption"),
        ),
        &rows,
        &progress_categories(tr),
        tr.t("charts-column-recommendation"),
        tr.t("charts-column-addressees"),
        tr.language,
    )
}

/// Committed and implemented items at each quarter's end (national only).
pub fn over_time(tr: Tr, dashboard: &MonitoringDashboard) -> Chart {
    let points: Vec<RatePoint> = dashboard
        .over_time
        .iter()
        .map(|point| RatePoint {
            on: point.on,
            committed: point.committed,
            implemented: point.implemented,
        })
        .collect();
    charts::implementation_over_time(
        &ChartTexts::new(
            "over-time",
            tr.t("charts-over-time-title"),
            tr.t("charts-over-time-summary"),
            tr.t("charts-over-time-caption"),
        ),
        &points,
        [
            tr.t("charts-series-committed"),
            tr.t("charts-series-implemented"),
        ],
        [
            tr.t("charts-column-day"),
            tr.t("charts-series-committed"),
            tr.t("charts-series-implemented"),
            tr.t("charts-column-rate"),
        ],
        tr.language,
    )
}

/// Each canton coloured by how far it got with recommendation `chosen`.
/// `national`: the caller sees every addressee, so a canton without a
/// row was not addressed (else it may only not be shared).
pub fn status_map(
    tr: Tr,
    records: &[MonitoringRecord],
    chosen: &(RecommendationId, String),
    national: bool,
) -> Result<Chart, MapDataError> {
    let data = charts::cantons()?;
    let mut categories = progress_categories(tr);
    let outside = categories.len();
    categories.push(Category::new(
        if national {
            tr.t("charts-map-not-addressed")
        } else {
            tr.t("charts-map-not-visible")
        },
        Fill::NONE,
    ));
    let entries: Vec<MapEntry> = CantonCode::all()
        .map(|code| {
            let row = records.iter().find(|record| {
                record.recommendation_id == chosen.0 && record.addressee == code.as_str()
            });
            let category = row.map_or(outside, |record| {
                Progress::of(record.acceptance, record.implementation_status).index()
            });
            MapEntry {
                code: code.to_string(),
                name: labels::canton(tr, code.as_str()),
                category,
                value: categories[category].label.clone(),
                note: None,
            }
        })
        .collect();
    Ok(charts::canton_map(
        &ChartTexts::new(
            "status-map",
            tr.t("charts-status-map-title"),
            tr.t1("charts-status-map-summary", "title", chosen.1.clone()),
            tr.t1("charts-status-map-caption", "title", chosen.1.clone()),
        ),
        data,
        &entries,
        &categories,
        [tr.t("charts-column-canton"), tr.t("charts-column-status")],
    ))
}

/// Each canton coloured by the class of the number of concerns it
/// brought, the number written on it.
pub fn concerns_map(tr: Tr, statistics: &ConcernStatistics) -> Result<Chart, MapDataError> {
    let data = charts::cantons()?;
    let count_of = |code: CantonCode| -> u64 {
        statistics
            .by_origin
            .get(&TenantId::Canton(code))
            .map_or(0, |stages| stages.values().sum())
    };
    let max = CantonCode::all().map(count_of).max().unwrap_or(0);
    let classes = charts::count_classes(max);
    let number = |value: u64| format::number(value, tr.language);
    let categories: Vec<Category> = classes
        .iter()
        .zip(Fill::CLASSES)
        .map(|((low, high), fill)| {
            let label = if low == high {
                number(*low)
            } else {
                format!("{}–{}", number(*low), number(*high))
            };
            Category::new(label, fill)
        })
        .collect();
    let entries: Vec<MapEntry> = CantonCode::all()
        .map(|code| {
            let count = count_of(code);
            MapEntry {
                code: code.to_string(),
                name: labels::canton(tr, code.as_str()),
                category: charts::class_of(count, &classes),
                value: number(count),
                note: Some(number(count)),
            }
        })
        .collect();
    Ok(charts::canton_map(
        &ChartTexts::new(
            "concerns-map",
            tr.t("charts-concerns-map-title"),
            tr.t("charts-concerns-map-summary"),
            tr.t("charts-concerns-map-caption"),
        ),
        data,
        &entries,
        &categories,
        [tr.t("charts-column-canton"), tr.t("charts-column-concerns")],
    ))
}
