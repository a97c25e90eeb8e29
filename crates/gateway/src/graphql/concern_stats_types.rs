//! GraphQL types of the Seismograf's pipeline statistics.

use async_graphql::SimpleObject;
use iiz_domain::concern::ConcernStage;
use iiz_projections::ConcernStatistics;

use super::concern_enums::ConcernStageValue;

/// How many concerns are in one stage.
#[derive(Debug, Clone, SimpleObject)]
pub struct StageCount {
    pub stage: ConcernStageValue,
    pub count: u64,
}

/// Stage counts of one tenant or one year.
#[derive(Debug, Clone, SimpleObject)]
pub struct GroupCounts {
    /// The tenant code or the year.
    pub key: String,
    pub total: u64,
    pub by_stage: Vec<StageCount>,
}

/// The Seismograf's pipeline in figures.
#[derive(Debug, Clone, SimpleObject)]
pub struct ConcernStatisticsInfo {
    pub total: u64,
    pub by_stage: Vec<StageCount>,
    pub by_origin: Vec<GroupCounts>,
    /// By the year concerns were drafted.
    pub by_year: Vec<GroupCounts>,
    pub answered: u64,
    /// Median whole days from national submission to the answer.
    pub median_days_to_answer: Option<u32>,
}

fn stage_counts(counts: &std::collections::BTreeMap<ConcernStage, u64>) -> Vec<StageCount> {
    counts
        .iter()
        .map(|(stage, count)| StageCount {
            stage: (*stage).into(),
            count: *count,
        })
        .collect()
}

impl From<ConcernStatistics> for ConcernStatisticsInfo {
    fn from(stats: ConcernStatistics) -> Self {
        let group =
            |key: String, counts: &std::collections::BTreeMap<ConcernStage, u64>| GroupCounts {
                key,
                total: counts.values().sum(),
                by_stage: stage_counts(counts),
            };
        Self {
            total: stats.by_stage.values().sum(),
            by_stage: stage_counts(&stats.by_stage),
            by_origin: stats
                .by_origin
                .iter()
                .map(|(tenant, counts)| group(tenant.as_str().to_owned(), counts))
                .collect(),
            by_year: stats
                .by_year
                .iter()
                .map(|(year, counts)| group(year.to_string(), counts))
                .collect(),
            answered: stats.days_to_answer.values().sum(),
            median_days_to_answer: stats.median_days_to_answer(),
        }
    }
}
