//! The concern register: every concern with its timeline, searchable in
//! its own language, the internal comments apart, and the work queues of the
//! Fachstelle, the EKG and the STG, oldest first.

mod groups;
mod paths;
mod stats;
mod timeline;
mod view;

use chrono::{DateTime, Utc};
use iiz_domain::ConcernEvent;
use iiz_domain::concern::ConcernStage;
use iiz_store::{DocKey, DocSet, ProjectionError, RecordedEvent, SearchLanguage, SearchText};

pub use stats::{
    CONCERN_STATS, CONCERN_TOTALS, ConcernStatistics, ConcernStats, ConcernTotals, TenantTotals,
};
pub use view::{
    Answer, ConcernNotes, ConcernView, Endorsement, FollowUpView, QueueEntry, TimelineEntry,
};

use crate::docs::put_searchable;
use crate::{Projection, decode, get_typed, put_typed};

/// Collection of [`ConcernView`] documents, keyed by concern id.
pub const CONCERNS: &str = "concerns";
/// Collection of [`ConcernNotes`]: internal comments, origin tenant only.
pub const CONCERN_NOTES: &str = "concern_notes";
/// The Fachstelle's intake: submitted, not yet triaged.
pub const INTAKE_QUEUE: &str = "concern_intake";
/// Accepted or submitted directly, before the EKG.
pub const EKG_QUEUE: &str = "concern_ekg_queue";
/// Proposed by the EKG, waiting for the STG.
pub const STG_QUEUE: &str = "concern_stg_queue";
/// Decided by the STG, the official answer due.
pub const ANSWER_QUEUE: &str = "concern_answer_queue";

const QUEUES: [&str; 4] = [INTAKE_QUEUE, EKG_QUEUE, STG_QUEUE, ANSWER_QUEUE];

/// The queue a stage waits in, if any.
pub fn queue_of(stage: ConcernStage) -> Option<&'static str> {
    match stage {
        ConcernStage::AwaitingTriage => Some(INTAKE_QUEUE),
        // A concern the STG referred waits for the EKG's assessment.
        ConcernStage::AtEkg
        | ConcernStage::HandledInEkg
        | ConcernStage::WithWorkingGroup
        | ConcernStage::ReferredToEkg => Some(EKG_QUEUE),
        ConcernStage::AtStg => Some(STG_QUEUE),
        ConcernStage::Decided => Some(ANSWER_QUEUE),
        _ => None,
    }
}

/// A timestamp as a sort key: fixed width, so text order is time order.
pub fn time_key(at: DateTime<Utc>) -> String {
    at.format("%Y-%m-%dT%H:%M:%S%.6fZ").to_string()
}

#[derive(Debug, Clone, Copy, Default)]
pub struct ConcernRegister;

fn keys_of(id: &str) -> Vec<DocKey> {
    let mut keys = vec![DocKey::new(CONCERNS, id), DocKey::new(CONCERN_NOTES, id)];
    keys.extend(QUEUES.iter().map(|queue| DocKey::new(*queue, id)));
    keys
}

fn search_of(view: &ConcernView) -> SearchText {
    let language = match view.language {
        iiz_domain::Language::De => SearchLanguage::De,
        iiz_domain::Language::Fr => SearchLanguage::Fr,
        iiz_domain::Language::It => SearchLanguage::It,
        iiz_domain::Language::Rm => SearchLanguage::Simple,
    };
    SearchText {
        language,
        text: format!(
            "{}\n{}\n{}",
            view.title, view.description, view.why_not_cantonal
        ),
    }
}

impl Projection for ConcernRegister {
    fn name(&self) -> &'static str {
        "concern_register"
    }

    fn version(&self) -> i32 {
        // 2: steps carry the meeting that decided them, and the timeline
        // shows the working groups that take concerns on. 3: the focus
        // area is a key, an old free text that names none a note.
        3
    }

    fn collections(&self) -> &'static [&'static str] {
        &[
            CONCERNS,
            CONCERN_NOTES,
            INTAKE_QUEUE,
            EKG_QUEUE,
            STG_QUEUE,
            ANSWER_QUEUE,
        ]
    }

    fn handles(&self, stream_type: &str) -> bool {
        stream_type == "concern" || groups::is_group(stream_type)
    }

    fn keys(&self, event: &RecordedEvent) -> Result<Vec<DocKey>, ProjectionError> {
        if groups::is_group(&event.stream.stream_type) {
            return groups::keys(event);
        }
        Ok(keys_of(&event.stream.stream_id))
    }

    fn apply(&self, docs: &mut DocSet, event: &RecordedEvent) -> Result<(), ProjectionError> {
        if groups::is_group(&event.stream.stream_type) {
            return groups::apply(docs, event);
        }
        let id = event.stream.stream_id.as_str();
        let key = DocKey::new(CONCERNS, id);
        let change = decode::<ConcernEvent>(event)?;
        let before = get_typed::<ConcernView>(docs, &key)?;
        let previous_stage = before.as_ref().map(|view| view.stage);
        let step = timeline::apply(before, &change, event).map_err(|reason| {
            ProjectionError::Malformed {
                key: key.clone(),
                reason,
            }
        })?;
        let mut view = step.view;
        if let Some(comment) = step.internal_comment {
            let notes_key = DocKey::new(CONCERN_NOTES, id);
            let mut notes =
                get_typed::<ConcernNotes>(docs, &notes_key)?.unwrap_or_else(|| ConcernNotes {
                    concern: view.id,
                    origin: view.origin,
                    comments: Vec::new(),
                });
            notes.comments.push(comment);
            let tenant = Some(view.origin.as_str().to_owned());
            put_typed(docs, notes_key, tenant, String::new(), &notes)?;
        }
        view.version = event.stream_version;
        update_queues(docs, &view, previous_stage, event.recorded_at)?;
        store(docs, key, &view)
    }
}

/// Writes a concern's view: in its tenant until it is shared, searchable in
/// its language, in the order concerns were drafted.
fn store(docs: &mut DocSet, key: DocKey, view: &ConcernView) -> Result<(), ProjectionError> {
    let tenant = (!view.shared).then(|| view.origin.as_str().to_owned());
    let search = search_of(view);
    put_searchable(docs, key, tenant, time_key(view.drafted_at), view, search)
}

/// Moves the concern's queue entry when its stage changes and keeps the
/// entry's figures current.
fn update_queues(
    docs: &mut DocSet,
    view: &ConcernView,
    previous: Option<ConcernStage>,
    at: DateTime<Utc>,
) -> Result<(), ProjectionError> {
    let id = view.id.to_string();
    let old_queue = previous.and_then(queue_of);
    let new_queue = queue_of(view.stage);
    if old_queue != new_queue
        && let Some(queue) = old_queue
    {
        docs.delete(&DocKey::new(queue, &id))?;
    }
    let Some(queue) = new_queue else {
        return Ok(());
    };
    let key = DocKey::new(queue, &id);
    let since = match get_typed::<QueueEntry>(docs, &key)? {
        Some(entry) if old_queue == new_queue => entry.since,
        _ => at,
    };
    let entry = QueueEntry {
        concern: view.id,
        origin: view.origin,
        title: view.title.clone(),
        stage: view.stage,
        since,
        endorsements: view.endorsements.len(),
    };
    put_typed(docs, key, None, time_key(since), &entry)
}
