//! How one meeting event changes its view.

use iiz_domain::meeting::{AgendaItem, MeetingEvent};
use iiz_domain::text::FreeText;
use iiz_store::RecordedEvent;

use super::view::{
    ApprovalView, ItemMinutes, ItemView, MeetingStatus, MeetingView, Revision, RevisionKind,
    Sending, local_key,
};

fn scheduled(event: &MeetingEvent, recorded: &RecordedEvent) -> Result<MeetingView, String> {
    let MeetingEvent::Scheduled {
        id,
        body,
        joint_with,
        title,
        slot,
    } = event
    else {
        return Err("event for a meeting that was never scheduled".to_owned());
    };
    let tenant = iiz_domain::TenantId::parse(&recorded.stream.tenant)
        .map_err(|error| format!("meeting tenant: {error}"))?;
    Ok(MeetingView {
        id: *id,
        tenant,
        body: *body,
        joint_with: *joint_with,
        bodies: std::iter::once(*body).chain(*joint_with).collect(),
        title: title.as_str().to_owned(),
        slot: slot.clone(),
        starts_at: local_key(slot.starts_at),
        status: MeetingStatus::Planned,
        cancellation: None,
        items: Vec::new(),
        sent_version: 0,
        revised_since_sent: false,
        sendings: Vec::new(),
        revisions: Vec::new(),
        approval: None,
        pending_propagation: false,
        sequence: 0,
        scheduled_at: recorded.recorded_at,
        updated_at: recorded.recorded_at,
        version: 0,
    })
}

fn item_mut(view: &mut MeetingView, number: u32) -> Result<&mut ItemView, String> {
    view.items
        .iter_mut()
        .find(|item| item.number == number)
        .ok_or_else(|| format!("agenda item {number} is unknown"))
}

/// Records a revision of the sent agenda, when the change was one.
fn revise(
    view: &mut MeetingView,
    recorded: &RecordedEvent,
    kind: RevisionKind,
    number: u32,
    title: &str,
    revision: Option<&FreeText>,
) {
    view.revised_since_sent = view.sent_version > 0;
    if let Some(reason) = revision {
        view.sequence += 1;
        view.revisions.push(Revision {
            kind,
            item: Some(number),
            title: Some(title.to_owned()),
            reason: reason.as_str().to_owned(),
            at: recorded.recorded_at,
            actor: recorded.metadata.actor.clone(),
            revises_version: view.sent_version,
            previous_slot: None,
        });
    }
}

fn put_item(view: &mut MeetingView, number: u32, item: &AgendaItem) {
    match view.items.iter_mut().find(|found| found.number == number) {
        Some(found) => found.item = item.clone(),
        None => view.items.push(ItemView {
            number,
            item: item.clone(),
            withdrawn: false,
            minutes: None,
            propagation: None,
            propagated_at: None,
        }),
    }
}

/// Applies one event to a meeting's view (`None` before it was scheduled).
pub(super) fn apply(
    before: Option<MeetingView>,
    event: &MeetingEvent,
    recorded: &RecordedEvent,
) -> Result<MeetingView, String> {
    let mut view = match before {
        Some(view) => view,
        None => scheduled(event, recorded)?,
    };
    let actor = recorded.metadata.actor.clone();
    match event {
        MeetingEvent::Scheduled { .. } => {}
        MeetingEvent::Rescheduled { slot, reason } => {
            view.sequence += 1;
            view.revisions.push(Revision {
                kind: RevisionKind::Rescheduled,
                item: None,
                title: None,
                reason: reason.as_str().to_owned(),
                at: recorded.recorded_at,
                actor,
                revises_version: view.sent_version,
                previous_slot: Some(view.slot.clone()),
            });
            view.slot = slot.clone();
            view.starts_at = local_key(slot.starts_at);
        }
        MeetingEvent::Cancelled { reason } => {
            view.sequence += 1;
            view.status = MeetingStatus::Cancelled;
            view.cancellation = Some(reason.as_str().to_owned());
            view.revisions.push(Revision {
                kind: RevisionKind::Cancelled,
                item: None,
                title: None,
                reason: reason.as_str().to_owned(),
                at: recorded.recorded_at,
                actor,
                revises_version: view.sent_version,
                previous_slot: None,
            });
        }
        MeetingEvent::ItemAdded {
            number,
            item,
            revision,
        }
        | MeetingEvent::ItemChanged {
            number,
            item,
            revision,
        } => {
            put_item(&mut view, *number, item);
            let title = item.title.as_str().to_owned();
            let kind = if matches!(event, MeetingEvent::ItemAdded { .. }) {
                RevisionKind::ItemAdded
            } else {
                RevisionKind::ItemChanged
            };
            revise(
                &mut view,
                recorded,
                kind,
                *number,
                &title,
                revision.as_ref(),
            );
        }
        MeetingEvent::ItemWithdrawn { number, revision } => {
            let found = item_mut(&mut view, *number)?;
            found.withdrawn = true;
            let title = found.item.title.as_str().to_owned();
            let kind = RevisionKind::ItemWithdrawn;
            revise(
                &mut view,
                recorded,
                kind,
                *number,
                &title,
                revision.as_ref(),
            );
        }
        MeetingEvent::AgendaSent { version } => {
            view.sent_version = *version;
            view.revised_since_sent = false;
            view.sendings.push(Sending {
                version: *version,
                at: recorded.recorded_at,
                actor,
            });
        }
        MeetingEvent::MinutesRecorded {
            number,
            note,
            decision,
        } => {
            let found = item_mut(&mut view, *number)?;
            let changed = found
                .minutes
                .as_ref()
                .is_none_or(|minutes| &minutes.decision != decision);
            if changed {
                // A corrected decision is carried out afresh.
                found.propagation = None;
                found.propagated_at = None;
            }
            found.minutes = Some(ItemMinutes {
                note: note.as_str().to_owned(),
                decision: decision.clone(),
                recorded_at: recorded.recorded_at,
                actor,
                version: recorded.stream_version,
            });
            view.status = MeetingStatus::Held;
        }
        MeetingEvent::MinutesApproved { approval } => {
            view.status = MeetingStatus::Approved;
            view.approval = Some(ApprovalView {
                approval: *approval,
                at: recorded.recorded_at,
                actor,
            });
        }
        MeetingEvent::PropagationRecorded {
            number,
            propagation,
        } => {
            let found = item_mut(&mut view, *number)?;
            found.propagation = Some(propagation.clone());
            found.propagated_at = Some(recorded.recorded_at);
        }
    }
    view.pending_propagation = view.items.iter().any(ItemView::awaits_propagation);
    view.updated_at = recorded.recorded_at;
    view.version = recorded.stream_version;
    Ok(view)
}
