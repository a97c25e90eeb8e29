//! A working group that takes on concerns the EKG gave to one: each
//! concern's timeline records the mandate, so whoever follows the concern
//! sees who works on it.

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

/// The concerns a group's event concerns: those its mandate names.
fn taken_on(event: &RecordedEvent) -> Result<Vec<ConcernId>, ProjectionError> {
    Ok(match decode::<WorkingGroupEvent>(event)? {
        WorkingGroupEvent::Mandated { mandate, .. } => mandate.concerns.into_iter().collect(),
        _ => Vec::new(),
    })
}

pub(super) fn keys(event: &RecordedEvent) -> Result<Vec<DocKey>, ProjectionError> {
    Ok(taken_on(event)?
        .into_iter()
        .map(|id| DocKey::new(CONCERNS, id.to_string()))
        .collect())
}

pub(super) fn apply(docs: &mut DocSet, event: &RecordedEvent) -> Result<(), ProjectionError> {
    let WorkingGroupEvent::Mandated { mandate, .. } = decode::<WorkingGroupEvent>(event)? else {
        return Ok(());
    };
    for id in &mandate.concerns {
        let key = DocKey::new(CONCERNS, id.to_string());
        // The app checks the concern exists; a replay of a log written
        // otherwise leaves the unknown id out rather than stopping.
        let Some(mut view) = get_typed::<ConcernView>(docs, &key)? else {
            continue;
        };
        view.timeline.push(TimelineEntry {
            kind: "working_group_mandated".to_owned(),
            actor: event.metadata.actor.clone(),
            at: event.recorded_at,
            stage: view.stage,
            outcome: None,
            subject: Some(event.stream.stream_id.clone()),
            detail: Some(mandate.title.as_str().to_owned()),
            text: Some(mandate.question.as_str().to_owned()).filter(|text| !text.is_empty()),
            meeting: None,
        });
        store(docs, key, &view)?;
    }
    Ok(())
}
