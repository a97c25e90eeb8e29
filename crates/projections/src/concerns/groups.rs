//! A working group that takes on concerns the EKG gave to one: each
//! concern's timeline records the mandate, the group's result and what the
//! mandating body decided on it, so whoever follows the concern sees who
//! works on it and what came of it.

use iiz_domain::Aggregate;
use iiz_domain::ConcernId;
use iiz_domain::working_group::{WorkingGroup, WorkingGroupEvent};
use iiz_store::{DocKey, DocSet, ProjectionError, RecordedEvent};

use super::view::{ConcernView, TimelineEntry};
use super::{CONCERNS, store};
use crate::{decode, get_typed};

/// Whether a stream is a working group's.
pub(super) fn is_group(stream_type: &str) -> bool {
    stream_type == WorkingGroup::STREAM_TYPE
}

/// What a group's event adds to the timelines of the concerns it names.
struct Entry {
    concerns: Vec<ConcernId>,
    kind: &'static str,
    detail: String,
    text: String,
}

fn entry(event: &RecordedEvent) -> Result<Option<Entry>, ProjectionError> {
    Ok(match decode::<WorkingGroupEvent>(event)? {
        WorkingGroupEvent::Mandated { mandate, .. } => Some(Entry {
            concerns: mandate.concerns.into_iter().collect(),
            kind: "working_group_mandated",
            detail: mandate.title.as_str().to_owned(),
            text: mandate.question.as_str().to_owned(),
        }),
        WorkingGroupEvent::ResultSubmitted {
            summary, concerns, ..
        } => Some(Entry {
            concerns: concerns.into_iter().collect(),
            kind: "working_group_result",
            detail: String::new(),
            text: summary.as_str().to_owned(),
        }),
        WorkingGroupEvent::ResultNoted {
            decision,
            next_steps,
            concerns,
            ..
        } => Some(Entry {
            concerns: concerns.into_iter().collect(),
            kind: "working_group_result_noted",
            detail: next_steps.as_str().to_owned(),
            text: decision.as_str().to_owned(),
        }),
        _ => None,
    })
}

pub(super) fn keys(event: &RecordedEvent) -> Result<Vec<DocKey>, ProjectionError> {
    Ok(entry(event)?
        .map(|entry| entry.concerns)
        .unwrap_or_default()
        .into_iter()
        .map(|id| DocKey::new(CONCERNS, id.to_string()))
        .collect())
}

pub(super) fn apply(docs: &mut DocSet, event: &RecordedEvent) -> Result<(), ProjectionError> {
    let Some(entry) = entry(event)? else {
        return Ok(());
    };
    let some = |text: &str| (!text.is_empty()).then(|| text.to_owned());
    for id in &entry.concerns {
        let key = DocKey::new(CONCERNS, id.to_string());
        // The app checks the concern exists; a replay of a log written
        // otherwise leaves the unknown id out rather than stopping.
        let Some(mut view) = get_typed::<ConcernView>(docs, &key)? else {
            continue;
        };
        view.timeline.push(TimelineEntry {
            kind: entry.kind.to_owned(),
            actor: event.metadata.actor.clone(),
            at: event.recorded_at,
            stage: view.stage,
            outcome: None,
            subject: Some(event.stream.stream_id.clone()),
            detail: some(&entry.detail),
            text: some(&entry.text),
            decided_by: None,
        });
        store(docs, key, &view)?;
    }
    Ok(())
}
