//! Pipeline statistics of the Seismograf: concerns per stage, per
//! originating tenant and per year, and how long the answer took.
//!
//! Each originating tenant's concerns are counted in a document of its own
//! (`concern_totals/<tenant>`), summed when read (27 small documents): a
//! single totals document made every concern command of every tenant wait
//! on the same row (issue 18). Each concern keeps a small entry of what it
//! last counted as, so a stage change moves exactly one count. Only stage
//! changes touch the totals.
//!
//! The totals keep a concern that is not yet shared apart from the shared
//! ones, per originating tenant: a reader outside that tenant must not learn
//! from the counts that a draft exists ([`ConcernTotals::visible`]).

use std::collections::BTreeMap;

use chrono::{DateTime, Datelike, Utc};
use iiz_domain::concern::ConcernStage;
use iiz_domain::{ConcernEvent, TenantId};
use iiz_store::{DocKey, DocSet, ProjectionError, RecordedEvent};
use serde::{Deserialize, Serialize};

use crate::{Projection, decode, get_typed, put_typed};

/// Collection of the per-concern entries.
pub const CONCERN_STATS: &str = "concern_stats";
/// Collection of the counts per originating tenant, keyed by the tenant.
pub const CONCERN_TOTALS: &str = "concern_totals";

/// Counts of concerns (merged ones included, under `merged`), as one
/// reader may see them.
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

    fn add(&mut self, origin: TenantId, year: i32, stage: ConcernStage, count: u64) {
        *self.by_stage.entry(stage).or_default() += count;
        *self
            .by_origin
            .entry(origin)
            .or_default()
            .entry(stage)
            .or_default() += count;
        *self
            .by_year
            .entry(year)
            .or_default()
            .entry(stage)
            .or_default() += count;
    }
}

/// The counts of one originating tenant and year, the concerns only its
/// own people see apart from the shared ones.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
struct Split {
    #[serde(default)]
    internal: BTreeMap<ConcernStage, u64>,
    #[serde(default)]
    shared: BTreeMap<ConcernStage, u64>,
}

/// One originating tenant's stored counts, by year drafted and whether
/// the concern is shared, and its concerns' days to answer.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TenantTotals {
    counts: BTreeMap<i32, Split>,
    /// Answered concerns are all shared: the histogram is everyone's.
    days_to_answer: BTreeMap<u32, u64>,
}

/// Every tenant's counts, as read together.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ConcernTotals {
    tenants: BTreeMap<TenantId, TenantTotals>,
}

impl FromIterator<(TenantId, TenantTotals)> for ConcernTotals {
    fn from_iter<I: IntoIterator<Item = (TenantId, TenantTotals)>>(tenants: I) -> Self {
        Self {
            tenants: tenants.into_iter().collect(),
        }
    }
}

impl ConcernTotals {
    /// The statistics for a reader who sees the concerns that are not yet
    /// shared of the tenants `sees_internal` accepts, and everyone's shared
    /// ones.
    pub fn visible(&self, sees_internal: impl Fn(TenantId) -> bool) -> ConcernStatistics {
        let mut stats = ConcernStatistics::default();
        for (origin, totals) in &self.tenants {
            for (days, count) in &totals.days_to_answer {
                *stats.days_to_answer.entry(*days).or_default() += count;
            }
            let internal = sees_internal(*origin);
            for (year, split) in &totals.counts {
                let counted = split
                    .shared
                    .iter()
                    .chain(split.internal.iter().filter(|_| internal));
                for (stage, count) in counted {
                    stats.add(*origin, *year, *stage, *count);
                }
            }
        }
        stats
    }
}

impl TenantTotals {
    fn count(&mut self, entry: &Entry, delta: i64) {
        let split = self.counts.entry(entry.year).or_default();
        let map = if entry.shared {
            &mut split.shared
        } else {
            &mut split.internal
        };
        let count = map.entry(entry.stage).or_default();
        *count = count.saturating_add_signed(delta);
        if *count == 0 {
            map.remove(&entry.stage);
        }
    }
}

/// What one concern counts as.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Entry {
    stage: ConcernStage,
    /// Visible to every tenant (released by its canton).
    #[serde(default)]
    shared: bool,
    origin: TenantId,
    year: i32,
    submitted_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, Copy, Default)]
pub struct ConcernStats;

/// The counts of the concern's originating tenant: a concern's stream
/// lives in its origin's tenant, so concerns of different tenants never
/// write the same document.
fn totals_key(event: &RecordedEvent) -> DocKey {
    DocKey::new(CONCERN_TOTALS, &event.stream.tenant)
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
        // 2: drafts counted apart from shared concerns, per tenant.
        // 3: the counts in one document per originating tenant.
        3
    }

    fn collections(&self) -> &'static [&'static str] {
        &[CONCERN_STATS, CONCERN_TOTALS]
    }

    fn handles(&self, stream_type: &str) -> bool {
        stream_type == "concern"
    }

    fn keys(&self, event: &RecordedEvent) -> Result<Vec<DocKey>, ProjectionError> {
        Ok(vec![entry_key(event), totals_key(event)])
    }

    fn apply(&self, docs: &mut DocSet, event: &RecordedEvent) -> Result<(), ProjectionError> {
        let change = decode::<ConcernEvent>(event)?;
        let key = entry_key(event);
        let before = get_typed::<Entry>(docs, &key)?;
        let after = match (&change, &before) {
            (ConcernEvent::Drafted { origin, .. }, _) => Entry {
                stage: ConcernStage::Draft,
                shared: false,
                origin: *origin,
                year: event.recorded_at.year(),
                submitted_at: None,
            },
            (_, None) => return Ok(()),
            (change, Some(entry)) => Entry {
                stage: stage_after(change, entry.stage),
                // Once released, a concern stays visible to all (as in
                // the register).
                shared: entry.shared || matches!(change, ConcernEvent::Released),
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
        let totals_key = totals_key(event);
        let mut totals = get_typed::<TenantTotals>(docs, &totals_key)?.unwrap_or_default();
        let moved = |before: &Entry| before.stage != after.stage || before.shared != after.shared;
        if let Some(before) = &before
            && moved(before)
        {
            totals.count(before, -1);
        }
        if before.as_ref().is_none_or(moved) {
            totals.count(&after, 1);
        }
        if let (ConcernEvent::Answered { .. }, Some(submitted)) = (&change, after.submitted_at) {
            let days = (event.recorded_at - submitted).num_days().max(0);
            let days = u32::try_from(days).unwrap_or(u32::MAX);
            *totals.days_to_answer.entry(days).or_default() += 1;
        }
        put_typed(docs, key, None, String::new(), &after)?;
        put_typed(docs, totals_key, None, String::new(), &totals)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, reason = "test code")]
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

    fn entry(origin: TenantId, stage: ConcernStage, shared: bool) -> Entry {
        Entry {
            stage,
            shared,
            origin,
            year: 2026,
            submitted_at: None,
        }
    }

    #[test]
    fn drafts_count_only_for_their_own_tenant() {
        let zh = TenantId::parse("ZH").unwrap();
        let ge = TenantId::parse("GE").unwrap();
        let mut zurich_counts = TenantTotals::default();
        zurich_counts.count(&entry(zh, ConcernStage::Draft, false), 1);
        zurich_counts.count(&entry(zh, ConcernStage::Released, true), 1);
        let mut geneva_counts = TenantTotals::default();
        geneva_counts.count(&entry(ge, ConcernStage::Draft, false), 1);
        let totals: ConcernTotals = [(zh, zurich_counts), (ge, geneva_counts)]
            .into_iter()
            .collect();

        let outsider = totals.visible(|_| false);
        assert_eq!(
            outsider.by_stage,
            BTreeMap::from([(ConcernStage::Released, 1)])
        );
        assert_eq!(outsider.by_origin.keys().collect::<Vec<_>>(), [&zh]);
        assert_eq!(outsider.by_year[&2026].values().sum::<u64>(), 1);

        let zurich = totals.visible(|tenant| tenant == zh);
        assert_eq!(
            zurich.by_stage,
            BTreeMap::from([(ConcernStage::Draft, 1), (ConcernStage::Released, 1)])
        );
        assert!(
            !zurich.by_origin.contains_key(&ge),
            "Geneva's draft stays hidden"
        );
    }

    #[test]
    fn the_days_to_answer_of_every_tenant_are_summed() {
        let zh = TenantId::parse("ZH").unwrap();
        let ge = TenantId::parse("GE").unwrap();
        let answered = |days: u32| TenantTotals {
            days_to_answer: BTreeMap::from([(days, 1)]),
            ..TenantTotals::default()
        };
        let totals: ConcernTotals = [(zh, answered(10)), (ge, answered(10))]
            .into_iter()
            .collect();
        assert_eq!(
            totals.visible(|_| false).days_to_answer,
            BTreeMap::from([(10, 2)])
        );
    }

    fn released_in(tenant: &str) -> RecordedEvent {
        let (event_type, payload) =
            iiz_domain::DomainEvent::encode(&ConcernEvent::Released).unwrap();
        RecordedEvent {
            position: 1,
            cursor: iiz_store::LogCursor { tx: 1, position: 1 },
            event_id: uuid::Uuid::now_v7(),
            stream: iiz_store::StreamRef::new(tenant, "concern", uuid::Uuid::now_v7().to_string()),
            stream_version: 2,
            event_type: event_type.to_owned(),
            schema_version: 1,
            payload,
            metadata: iiz_store::EventMetadata::new("person:test"),
            recorded_at: Utc::now(),
        }
    }

    #[test]
    fn concerns_of_different_tenants_write_no_document_in_common() {
        let zurich = ConcernStats.keys(&released_in("ZH")).unwrap();
        let geneva = ConcernStats.keys(&released_in("GE")).unwrap();
        assert!(
            zurich.iter().all(|key| !geneva.contains(key)),
            "{zurich:?} {geneva:?}"
        );
        assert!(zurich.contains(&DocKey::new(CONCERN_TOTALS, "ZH")));
    }
}
