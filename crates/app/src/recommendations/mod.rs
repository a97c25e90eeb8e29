//! Recommendations as the application runs them: the Fachstelle drafts and
//! publishes, the STG decides, the EKG flags, each addressee answers and
//! reports for itself ([`crate::authz::recommendation`]), and the national
//! bodies monitor through the dashboard and the exports.

mod answer;
mod caller;
mod decisions;
mod export;
mod queries;

use std::collections::BTreeSet;
use std::sync::Arc;

use chrono::{NaiveDate, Utc};
use iiz_domain::recommendation::{RecommendationContent, Schedule};
use iiz_domain::{Aggregate, Party, Recommendation, RecommendationId, TenantId};
use iiz_projections::{
    AddresseeItem, DueKind, MonitoringDigest, MonitoringRow, RECOMMENDATION_DIGESTS,
    RECOMMENDATION_MONITORING, RecommendationRegister, RecommendationSummary, item_key,
};
use iiz_store::{DocFilter, DocKey, DocQuery, EventStore, StreamRef};
use serde::de::DeserializeOwned;

use crate::read_cache::ReadCache;
use crate::{App, AppError};

pub use export::{MONITORING_COLUMNS, MonitoringRecord, to_csv};
pub use queries::{AddresseeOverview, RecommendationFilter, RecommendationTracking, TrackedItem};

/// A recommendation to draft.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewRecommendation {
    pub content: RecommendationContent,
    pub addressees: BTreeSet<Party>,
    pub schedule: Schedule,
}

/// The stream of a recommendation. Recommendations are the national IIZ's:
/// they live in the national tenant.
pub fn recommendation_stream(id: RecommendationId) -> StreamRef {
    StreamRef::new(
        TenantId::National.as_str(),
        Recommendation::STREAM_TYPE,
        id.to_string(),
    )
}

/// Today, as the platform dates publications and judges due dates, on the
/// system's clock; code that has an [`App`] asks its [`App::clock`].
pub fn today() -> NaiveDate {
    Utc::now().date_naive()
}

/// What the national monitoring reads: every recommendation's summary and
/// every addressee's row, read once per change of the recommendations
/// ([`crate::read_cache`]) from one digest per recommendation.
#[derive(Debug)]
pub(crate) struct MonitoringData {
    pub(crate) summaries: Vec<RecommendationSummary>,
    pub(crate) rows: Vec<MonitoringRow>,
    /// Each summary's and row's place in the store's listing order, so a
    /// refresh puts a changed one back where a full read would.
    summary_places: Vec<Place>,
    row_places: Vec<Place>,
}

/// A document's `(sort_key, id)`.
type Place = (String, String);

/// Summaries and rows, each at its place.
type Placed = (
    Vec<(Place, RecommendationSummary)>,
    Vec<(Place, MonitoringRow)>,
);

/// More changed recommendations than this since the last read: read
/// everything again (one query per changed recommendation otherwise).
const REFRESH_AT_MOST: usize = 50;

impl MonitoringData {
    pub(crate) fn cache() -> ReadCache<Self> {
        ReadCache::new(RecommendationRegister::NAME, &[Recommendation::STREAM_TYPE])
    }

    fn of((summaries, rows): Placed) -> Self {
        let (summary_places, summaries) = summaries.into_iter().unzip();
        let (row_places, rows) = rows.into_iter().unzip();
        Self {
            summaries,
            rows,
            summary_places,
            row_places,
        }
    }
}

/// The summaries and rows of digests, at the places their own documents
/// (`recommendation_index`, `recommendation_monitoring`) have.
fn unpacked(digests: Vec<(Place, MonitoringDigest)>) -> Result<Placed, AppError> {
    let mut summaries = Vec::with_capacity(digests.len());
    let mut rows = Vec::new();
    for ((sort_key, id), digest) in digests {
        let (summary, digest_rows) = digest.into_parts().map_err(|error| {
            AppError::Internal(format!("{RECOMMENDATION_DIGESTS} document {id}: {error}"))
        })?;
        rows.extend(digest_rows.into_iter().map(|row| {
            let place = (sort_key.clone(), item_key(&id, row.addressee));
            (place, row)
        }));
        summaries.push(((sort_key, id), summary));
    }
    Ok((summaries, rows))
}

/// `old` without the documents of `changed`, with `fresh` in their
/// places, in listing order.
fn merged<T: Clone>(
    places: &[Place],
    old: &[T],
    changed: impl Fn(&T) -> bool,
    fresh: Vec<(Place, T)>,
) -> Vec<(Place, T)> {
    let mut all: std::collections::BTreeMap<Place, T> = places
        .iter()
        .cloned()
        .zip(old.iter().cloned())
        .filter(|(_, item)| !changed(item))
        .collect();
    all.extend(fresh);
    all.into_iter().collect()
}

impl App {
    /// Every recommendation's summary and monitoring rows, from memory
    /// while no recommendation changed; after a change only the changed
    /// recommendations' digests are read again.
    pub(crate) async fn monitoring_data(&self) -> Result<Arc<MonitoringData>, AppError> {
        self.monitoring
            .get_or_refresh(
                &self.store,
                || async { Ok(MonitoringData::of(self.all_digests().await?)) },
                |old, changed| self.refreshed_monitoring(old, changed),
            )
            .await
    }

    async fn all_digests(&self) -> Result<Placed, AppError> {
        unpacked(
            self.all_docs_placed(RECOMMENDATION_DIGESTS, Vec::new())
                .await?,
        )
    }

    async fn refreshed_monitoring(
        &self,
        old: Arc<MonitoringData>,
        changed: Vec<String>,
    ) -> Result<MonitoringData, AppError> {
        let ids: Vec<RecommendationId> = changed
            .iter()
            .filter_map(|id| RecommendationId::parse(id).ok())
            .collect();
        if changed.len() > REFRESH_AT_MOST || ids.len() != changed.len() {
            return Ok(MonitoringData::of(self.all_digests().await?));
        }
        let mut digests = Vec::new();
        for id in &ids {
            let key = DocKey::new(RECOMMENDATION_DIGESTS, id.to_string());
            if let Some(doc) = self.store.doc(&key).await? {
                let digest = serde_json::from_value(doc.body).map_err(|error| {
                    AppError::Internal(format!("{RECOMMENDATION_DIGESTS} document: {error}"))
                })?;
                digests.push(((doc.sort_key, doc.key.id), digest));
            }
        }
        let (summaries, rows) = unpacked(digests)?;
        let is_changed = |id: &RecommendationId| ids.contains(id);
        Ok(MonitoringData::of((
            merged(
                &old.summary_places,
                &old.summaries,
                |summary: &RecommendationSummary| is_changed(&summary.id),
                summaries,
            ),
            merged(
                &old.row_places,
                &old.rows,
                |row: &MonitoringRow| is_changed(&row.recommendation),
                rows,
            ),
        )))
    }

    /// Every document of a collection matching `filters`, in sort order.
    /// Monitoring reads whole collections (a few thousand small rows), so
    /// this pages through the store instead of asking for one huge page.
    pub(crate) async fn all_docs<T: DeserializeOwned + Send>(
        &self,
        collection: &str,
        filters: Vec<DocFilter>,
    ) -> Result<Vec<T>, AppError> {
        Ok(self
            .all_docs_placed(collection, filters)
            .await?
            .into_iter()
            .map(|(_, item)| item)
            .collect())
    }

    /// [`Self::all_docs`] with each document's `(sort_key, id)`.
    async fn all_docs_placed<T: DeserializeOwned + Send>(
        &self,
        collection: &str,
        filters: Vec<DocFilter>,
    ) -> Result<Vec<(Place, T)>, AppError> {
        const BATCH: usize = 5_000;
        let mut found = Vec::new();
        let mut after = None;
        loop {
            // Straight into `T`: through `serde_json::Value` the first
            // dashboard of an instance spent most of its time building and
            // dropping maps (docs/benchmarks.md, "Recommendations").
            let docs = self
                .store()
                .typed_docs::<T>(&DocQuery {
                    collection: collection.to_owned(),
                    filters: filters.clone(),
                    after: after.clone(),
                    limit: BATCH,
                    ..DocQuery::default()
                })
                .await?;
            let full = docs.len() == BATCH;
            after = docs
                .last()
                .map(|doc| (doc.sort_key.clone(), doc.key.id.clone()));
            found.extend(
                docs.into_iter()
                    .map(|doc| ((doc.sort_key, doc.key.id), doc.body)),
            );
            if !full {
                return Ok(found);
            }
        }
    }

    /// Monitoring rows, of one recommendation or one addressee or all.
    pub(crate) async fn monitoring_rows(
        &self,
        recommendation: Option<RecommendationId>,
        addressee: Option<Party>,
    ) -> Result<Vec<MonitoringRow>, AppError> {
        self.all_docs(
            RECOMMENDATION_MONITORING,
            item_filters(recommendation, addressee),
        )
        .await
    }

    /// Full addressee items (with narratives), of one recommendation or
    /// one addressee or all.
    pub(crate) async fn addressee_items(
        &self,
        recommendation: Option<RecommendationId>,
        addressee: Option<Party>,
    ) -> Result<Vec<AddresseeItem>, AppError> {
        self.all_docs(
            iiz_projections::RECOMMENDATION_ITEMS,
            item_filters(recommendation, addressee),
        )
        .await
    }
}

/// Filters of item documents and monitoring rows.
fn item_filters(
    recommendation: Option<RecommendationId>,
    addressee: Option<Party>,
) -> Vec<DocFilter> {
    let mut filters = Vec::new();
    if let Some(id) = recommendation {
        filters.push(DocFilter::Eq(
            "recommendation_key".to_owned(),
            serde_json::Value::String(id.to_string()),
        ));
    }
    if let Some(party) = addressee {
        filters.push(DocFilter::Eq(
            "addressee_key".to_owned(),
            serde_json::Value::String(party.to_string()),
        ));
    }
    filters
}

/// What an item owes next, with whether it is late on `as_of`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Due {
    pub kind: DueKind,
    pub on: NaiveDate,
    pub overdue: bool,
}

fn due_of(summary: &RecommendationSummary, row: &MonitoringRow, as_of: NaiveDate) -> Option<Due> {
    iiz_projections::due_next(summary, row).map(|(kind, on)| Due {
        kind,
        on,
        overdue: on < as_of,
    })
}
