//! Pipeline statistics of the Seismograf: concerns per stage, per
//! originating tenant and per year, and how long the answer took.
//!
//! One document holds the totals, so reading them is one lookup; each
//! concern keeps a small entry of what it last counted as, so a stage change
//! moves exactly one count. Only stage changes touch the totals.

use std::collections::BTreeMap;

use chrono::{DateTime, Datelike, Utc};
use iiz_domain::concern::ConcernStage;
use iiz_domain::{ConcernEvent, TenantId};
use iiz_store::{DocKey, DocSet, ProjectionError, RecordedEvent};
use serde::{Deserialize, Serialize};

use crate::{Projection, decode, get_typed, put_typed};

/// Collection of the totals document and the per-concern entries.
pub const CONCERN_STATS: &str = "concern_stats";
/// Id of the totals document.
pub const STATS_DOC: &str = "totals";

/// Counts of concerns (merged ones included, under `merged`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ConcernStatistics {
    pub by_stage: BTreeMap<ConcernStage, u64>,
    pub by_origin: BTreeMap<TenantId, BTreeMap<ConcernStage, u64>>,
    /// By the year the concern was drafted.
    pub by_year: BTreeMap<i32, BTreeMap<ConcernStage, u64>>,
    /// Whole days from national submission to the answer, as a histogram.
    pub days_to_answer: BTreeMap<u32, u64>,
}

impl ConcernStatistics {
    /// The median number of days from submission to answer (the lower
    /// median for an even count), or `None` before the first answer.
    pub fn median_days_to_answer(&self) -> Option<u32> {
        let total: u64 = self.days_to_answer.values().sum();
        if total == 0 {
            return None;
        }
        let middle = total.div_ceil(2);
        let mut seen = 0;
        for (days, count) in &self.days_to_answer {
            seen += count;
            if seen >= middle {
                return Some(*days);
            }
        }
        None
    }

    fn count(&mut self, entry: &Entry, delta: i64) {
        fn add(map: &mut BTreeMap<ConcernStage, u64>, stage: ConcernStage, delta: i64) {
            let count = map.entry(stage).or_default();
            *count = count.saturating_add_signed(delta);
            if *count == 0 {
                map.remove(&stage);
            }
        }
        add(&mut self.by_stage, entry.stage, delta);
        add(
            self.by_origin.entry(entry.origin).or_default(),
            entry.stage,
            delta,
        );
        add(
            self.by_year.entry(entry.year).or_default(),
            entry.stage,
            delta,
        );
    }
}

/// What one concern counts as.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Entry {
    stage: ConcernStage,
    origin: TenantId,
    year: i32,
    submitted_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, Copy, Default)]
pub struct ConcernStats;

fn totals_key() -> DocKey {
    DocKey::new(CONCERN_STATS, STATS_DOC)
}

fn entry_key(event: &RecordedEvent) -> DocKey {
    DocKey::new(CONCERN_STATS, format!("concern:{}", event.stream.stream_id))
}

/// The stage an event moves a concern to, if it moves it.
fn stage_after(event: &ConcernEvent, current: ConcernStage) -> ConcernStage {
    use iiz_domain::concern::{Channel, EkgOutcome, StepOutcome};
    match event {
        ConcernEvent::Drafted { .. } => ConcernStage::Draft,
        ConcernEvent::RouteStarted => ConcernStage::InCantonalRoute,
        ConcernEvent::StepRecorded {
            outcome: StepOutcome::Returned,
            ..
        } => ConcernStage::Draft,
        ConcernEvent::Released => ConcernStage::Released,
        ConcernEvent::ResolvedLocally { .. } => ConcernStage::ResolvedLocally,
        ConcernEvent::Withdrawn { .. } => ConcernStage::Withdrawn,
        ConcernEvent::Submitted {
            channel: Channel::ViaFachstelle,
        } => ConcernStage::AwaitingTriage,
        ConcernEvent::Submitted {
            channel: Channel::DirectToEkg,
        }
        | ConcernEvent::Accepted { .. } => ConcernStage::AtEkg,
        ConcernEvent::Returned { .. } => ConcernStage::ReturnedToOrigin,
        ConcernEvent::MergedInto { .. } => ConcernStage::Merged,
        ConcernEvent::Examined { outcome, .. } => match outcome {
            EkgOutcome::HandleInEkg => ConcernStage::HandledInEkg,
            EkgOutcome::GiveToWorkingGroup { .. } => ConcernStage::WithWorkingGroup,
            EkgOutcome::ProposeToStg { .. } => ConcernStage::AtStg,
            EkgOutcome::CloseWithAnswer { .. } => current,
        },
        ConcernEvent::Decided { .. } => ConcernStage::Decided,
        ConcernEvent::Answered { .. } => ConcernStage::Answered,
        ConcernEvent::BroughtToStg { .. } | ConcernEvent::Assessed { .. } => ConcernStage::AtStg,
        ConcernEvent::ReferredToEkg { .. } => ConcernStage::ReferredToEkg,
        ConcernEvent::Edited { .. }
        | ConcernEvent::FollowUpLinked { .. }
        | ConcernEvent::StepRecorded { .. }
        | ConcernEvent::Consolidated { .. }
        | ConcernEvent::Endorsed { .. }
        | ConcernEvent::Absorbed { .. }
        | ConcernEvent::Commented { .. } => current,
    }
}

impl Projection for ConcernStats {
    fn name(&self) -> &'static str {
        "concern_stats"
    }

    fn version(&self) -> i32 {
        1
    }

    fn collections(&self) -> &'static [&'static str] {
        &[CONCERN_STATS]
    }

    fn handles(&self, stream_type: &str) -> bool {
        stream_type == "concern"
    }

    fn keys(&self, event: &RecordedEvent) -> Result<Vec<DocKey>, ProjectionError> {
        Ok(vec![entry_key(event), totals_key()])
    }

    fn apply(&self, docs: &mut DocSet, event: &RecordedEvent) -> Result<(), ProjectionError> {
        let change = decode::<ConcernEvent>(event)?;
        let key = entry_key(event);
        let before = get_typed::<Entry>(docs, &key)?;
        let after = match (&change, &before) {
            (ConcernEvent::Drafted { origin, .. }, _) => Entry {
                stage: ConcernStage::Draft,
                origin: *origin,
                year: event.recorded_at.year(),
                submitted_at: None,
            },
            (_, None) => return Ok(()),
            (change, Some(entry)) => Entry {
                stage: stage_after(change, entry.stage),
                submitted_at: match change {
                    ConcernEvent::Submitted { .. } => Some(event.recorded_at),
                    _ => entry.submitted_at,
                },
                ..entry.clone()
            },
        };
        if before.as_ref() == Some(&after) {
            return Ok(());
        }
        let mut totals = get_typed::<ConcernStatistics>(docs, &totals_key())?.unwrap_or_default();
        if let Some(before) = &before
            && before.stage != after.stage
        {
            totals.count(before, -1);
        }
        if before
            .as_ref()
            .is_none_or(|before| before.stage != after.stage)
        {
            totals.count(&after, 1);
        }
        if let (ConcernEvent::Answered { .. }, Some(submitted)) = (&change, after.submitted_at) {
            let days = (event.recorded_at - submitted).num_days().max(0);
            let days = u32::try_from(days).unwrap_or(u32::MAX);
            *totals.days_to_answer.entry(days).or_default() += 1;
        }
        put_typed(docs, key, None, String::new(), &after)?;
        put_typed(docs, totals_key(), None, String::new(), &totals)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_median_is_read_off_the_histogram() {
        let mut stats = ConcernStatistics::default();
        assert_eq!(stats.median_days_to_answer(), None);
        stats.days_to_answer = BTreeMap::from([(3, 1), (10, 1), (40, 2)]);
        assert_eq!(stats.median_days_to_answer(), Some(10));
        stats.days_to_answer.insert(90, 1);
        assert_eq!(stats.median_days_to_answer(), Some(40));
    }
}
