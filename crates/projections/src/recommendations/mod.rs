//! The recommendation register: each recommendation with its versions and
//! flags, one tracking item per addressee with every answer and report, and
//! the compact monitoring rows the dashboards ([`dashboard`]) and the
//! exports read, also kept together per recommendation ([`digest`]).

mod dashboard;
mod digest;
mod figures;
#[cfg(test)]
mod fixtures;
mod history;
mod item;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_digest;
mod view;

use std::collections::BTreeSet;

use iiz_domain::recommendation::FlagTarget;
use iiz_domain::{Party, RecommendationEvent};
use iiz_store::{DocKey, DocSet, ProjectionError, RecordedEvent, SearchLanguage, SearchText};

pub use dashboard::{MonitoringDashboard, OLDEST_OPEN, recommendation_figures};
pub use digest::{MonitoringDigest, RECOMMENDATION_DIGESTS};
pub use figures::{
    AddresseeFigures, Distribution, DueItem, DueKind, FlaggedItem, MonitoringPolicy, OpenItem,
    RatePoint, due_next, long_outstanding_on, overdue,
};
pub use view::{
    AddresseeItem, Adoption, AnswerEntry, FlagView, HistoryEntry, MonitoringRow, OpenFlag,
    PriorityMark, RecommendationSummary, RecommendationView, ReportEntry, Resolution, StatusPoint,
    VersionEntry,
};

use crate::concerns::time_key;
use crate::docs::put_searchable;
use crate::{Projection, decode, get_typed, put_typed};

/// Collection of [`RecommendationView`], keyed by id.
pub const RECOMMENDATIONS: &str = "recommendations";
/// Collection of [`RecommendationSummary`], keyed by id.
pub const RECOMMENDATION_INDEX: &str = "recommendation_index";
/// Collection of [`AddresseeItem`], keyed by [`item_key`].
pub const RECOMMENDATION_ITEMS: &str = "recommendation_items";
/// Collection of [`MonitoringRow`], keyed by [`item_key`].
pub const RECOMMENDATION_MONITORING: &str = "recommendation_monitoring";

/// The key of an addressee's item and monitoring row.
pub fn item_key(id: &str, addressee: Party) -> String {
    format!("{id}/{addressee}")
}

#[derive(Debug, Clone, Copy, Default)]
pub struct RecommendationRegister;

/// The addressees an event touches the items of.
fn addressees_of(change: &RecommendationEvent) -> BTreeSet<Party> {
    match change {
        RecommendationEvent::Published { addressees, .. } => addressees.clone(),
        RecommendationEvent::Amended { added, .. } => added.clone(),
        RecommendationEvent::Answered { addressee, .. }
        | RecommendationEvent::Reported { addressee, .. }
        | RecommendationEvent::SharingChanged { addressee, .. }
        | RecommendationEvent::PriorityChanged { addressee, .. }
        | RecommendationEvent::Flagged {
            target: FlagTarget::Addressee(addressee),
            ..
        }
        | RecommendationEvent::FlagResolved {
            target: FlagTarget::Addressee(addressee),
            ..
        } => BTreeSet::from([*addressee]),
        _ => BTreeSet::new(),
    }
}

fn search_of(view: &RecommendationView) -> SearchText {
    let language = match view.language {
        iiz_domain::Language::De => SearchLanguage::De,
        iiz_domain::Language::Fr => SearchLanguage::Fr,
        iiz_domain::Language::It => SearchLanguage::It,
        iiz_domain::Language::Rm => SearchLanguage::Simple,
    };
    let mut text = format!("{}\n{}\n{}", view.title, view.text, view.rationale);
    for translation in view.translations.values() {
        text.push('\n');
        text.push_str(translation.title.as_str());
        text.push('\n');
        text.push_str(translation.text.as_str());
    }
    SearchText { language, text }
}

impl RecommendationRegister {
    /// The projection's name (and its checkpoint's).
    pub const NAME: &'static str = "recommendation_register";
}

impl Projection for RecommendationRegister {
    fn name(&self) -> &'static str {
        Self::NAME
    }

    fn version(&self) -> i32 {
        // 2: steps carry the meeting that decided them; 3: every body
        // decision in the history names its meeting item or resolution;
        // 4: one digest per recommendation for the national monitoring.
        4
    }

    fn collections(&self) -> &'static [&'static str] {
        &[
            RECOMMENDATIONS,
            RECOMMENDATION_INDEX,
            RECOMMENDATION_ITEMS,
            RECOMMENDATION_MONITORING,
            RECOMMENDATION_DIGESTS,
        ]
    }

    fn handles(&self, stream_type: &str) -> bool {
        stream_type == "recommendation"
    }

    fn keys(&self, event: &RecordedEvent) -> Result<Vec<DocKey>, ProjectionError> {
        let id = event.stream.stream_id.as_str();
        let change = decode::<RecommendationEvent>(event)?;
        let mut keys = vec![
            DocKey::new(RECOMMENDATIONS, id),
            DocKey::new(RECOMMENDATION_INDEX, id),
            DocKey::new(RECOMMENDATION_DIGESTS, id),
        ];
        for party in addressees_of(&change) {
            let key = item_key(id, party);
            keys.push(DocKey::new(RECOMMENDATION_ITEMS, &key));
            keys.push(DocKey::new(RECOMMENDATION_MONITORING, &key));
        }
        Ok(keys)
    }

    fn apply(&self, docs: &mut DocSet, event: &RecordedEvent) -> Result<(), ProjectionError> {
        let id = event.stream.stream_id.as_str();
        let key = DocKey::new(RECOMMENDATIONS, id);
        let change = decode::<RecommendationEvent>(event)?;
        let before = get_typed::<RecommendationView>(docs, &key)?;
        let view = history::apply(before, &change, event).map_err(|reason| {
            ProjectionError::Malformed {
                key: key.clone(),
                reason,
            }
        })?;
        let summary = RecommendationSummary::of(&view);
        let digest_key = DocKey::new(RECOMMENDATION_DIGESTS, id);
        let mut digest = get_typed::<MonitoringDigest>(docs, &digest_key)?
            .unwrap_or_else(|| MonitoringDigest::new(summary.clone()));
        for party in addressees_of(&change) {
            let item_id = item_key(id, party);
            let item_doc = DocKey::new(RECOMMENDATION_ITEMS, &item_id);
            let row_doc = DocKey::new(RECOMMENDATION_MONITORING, &item_id);
            let item = get_typed::<AddresseeItem>(docs, &item_doc)?;
            let row = get_typed::<MonitoringRow>(docs, &row_doc)?;
            let (item, row) = item::apply(&view, party, item, row, &change, event);
            let sort = view.drafted_at;
            put_typed(docs, item_doc, None, time_key(sort), &item)?;
            put_typed(docs, row_doc, None, time_key(sort), &row)?;
            digest.put_row(&row);
        }
        let sort = time_key(view.drafted_at);
        put_typed(
            docs,
            DocKey::new(RECOMMENDATION_INDEX, id),
            None,
            sort.clone(),
            &summary,
        )?;
        digest.summary = summary;
        put_typed(docs, digest_key, None, sort.clone(), &digest)?;
        let search = search_of(&view);
        put_searchable(docs, key, None, sort, &view, search)
    }
}
