//! How one concern event changes its view and what its timeline records.

use iiz_domain::ConcernEvent;
use iiz_domain::concern::{
    Channel, CommentVisibility, ConcernContent, ConcernStage, EkgOutcome, StepOutcome,
};
use iiz_domain::focus::ConcernFocus;
use iiz_store::RecordedEvent;
use serde::Serialize;

use super::view::{Answer, ConcernView, Endorsement, TimelineEntry};

/// The view after an event, and an internal comment to keep apart.
pub(super) struct Applied {
    pub view: ConcernView,
    pub internal_comment: Option<TimelineEntry>,
}

/// The snake-case name serde gives a unit variant.
fn name<T: Serialize>(value: &T) -> Option<String> {
    serde_json::to_value(value)
        .ok()
        .and_then(|value| value.as_str().map(str::to_owned))
}

pub(super) fn some_text(text: &str) -> Option<String> {
    (!text.is_empty()).then(|| text.to_owned())
}

fn snake(event_type: &str) -> String {
    let mut out = String::with_capacity(event_type.len() + 4);
    for (index, character) in event_type.chars().enumerate() {
        if character.is_uppercase() {
            if index > 0 {
                out.push('_');
            }
            out.extend(character.to_lowercase());
        } else {
            out.push(character);
        }
    }
    out
}

fn set_content(view: &mut ConcernView, content: &ConcernContent) {
    view.title = content.title.as_str().to_owned();
    view.description = content.description.as_str().to_owned();
    view.why_not_cantonal = content.why_not_cantonal.as_str().to_owned();
    view.institutions = content.institutions.iter().copied().collect();
    let focus = content.focus_area.as_ref();
    view.focus_area = focus
        .and_then(ConcernFocus::area)
        .map(|area| area.as_str().to_owned());
    view.focus_area_note = focus
        .and_then(ConcernFocus::note)
        .map(|note| note.as_str().to_owned());
    view.attachments = content.attachments.clone();
    view.language = content.language;
}

fn drafted(event: &ConcernEvent, recorded: &RecordedEvent) -> Result<ConcernView, String> {
    let ConcernEvent::Drafted {
        id,
        origin,
        on_behalf_of,
        content,
        route,
    } = event
    else {
        return Err("event for a concern that was never drafted".to_owned());
    };
    let originator = on_behalf_of.map_or(
        iiz_domain::Party::Tenant(*origin),
        iiz_domain::Party::Partner,
    );
    let mut view = ConcernView {
        id: *id,
        origin: *origin,
        on_behalf_of: *on_behalf_of,
        title: String::new(),
        description: String::new(),
        why_not_cantonal: String::new(),
        institutions: Vec::new(),
        focus_area: None,
        focus_area_note: None,
        attachments: Vec::new(),
        language: content.language,
        stage: ConcernStage::Draft,
        route: route.clone(),
        current_step: None,
        shared: false,
        networks: Vec::new(),
        bundled_with: Vec::new(),
        submitters: vec![originator],
        endorsements: Vec::new(),
        channel: None,
        merged_into: None,
        absorbed: Vec::new(),
        ekg_proposal: None,
        stg_decision: None,
        ekg_question: None,
        ekg_assessment: None,
        follow_ups: Vec::new(),
        answer: None,
        drafted_at: recorded.recorded_at,
        updated_at: recorded.recorded_at,
        submitted_at: None,
        timeline: Vec::new(),
        version: 0,
    };
    set_content(&mut view, content);
    Ok(view)
}

/// Applies one event to a concern's view (`None` before it was drafted).
pub(super) fn apply(
    before: Option<ConcernView>,
    event: &ConcernEvent,
    recorded: &RecordedEvent,
) -> Result<Applied, String> {
    let mut view = match before {
        Some(view) => view,
        None => drafted(event, recorded)?,
    };
    let mut entry = TimelineEntry {
        kind: snake(&recorded.event_type),
        actor: recorded.metadata.actor.clone(),
        at: recorded.recorded_at,
        stage: view.stage,
        outcome: None,
        subject: None,
        detail: None,
        text: None,
        decided_by: None,
    };
    let mut internal = false;
    match event {
        ConcernEvent::Drafted { .. } | ConcernEvent::Released => {}
        ConcernEvent::Edited { content } => set_content(&mut view, content),
        ConcernEvent::RouteStarted => {
            view.stage = ConcernStage::InCantonalRoute;
            view.current_step = Some(0);
        }
        ConcernEvent::StepRecorded {
            step,
            outcome,
            rationale,
        } => {
            entry.outcome = name(outcome);
            entry.subject = view
                .route
                .step(*step)
                .map(|route_step| route_step.label.as_str().to_owned());
            entry.text = some_text(rationale.as_str());
            if *outcome == StepOutcome::Returned {
                view.stage = ConcernStage::Draft;
                view.current_step = None;
            } else {
                view.current_step = Some(step + 1);
            }
        }
        ConcernEvent::ResolvedLocally { rationale } | ConcernEvent::Withdrawn { rationale } => {
            view.stage = if matches!(event, ConcernEvent::Withdrawn { .. }) {
                ConcernStage::Withdrawn
            } else {
                ConcernStage::ResolvedLocally
            };
            entry.text = some_text(rationale.as_str());
        }
        ConcernEvent::Consolidated {
            network,
            bundle,
            note,
        } => {
            view.networks.push(*network);
            view.bundled_with.extend(bundle.iter().copied());
            view.bundled_with.sort();
            view.bundled_with.dedup();
            entry.subject = Some(network.to_string());
            entry.text = some_text(note.as_str());
        }
        ConcernEvent::Endorsed { by, reason } => {
            view.endorsements.push(Endorsement {
                by: *by,
                reason: reason.as_str().to_owned(),
                actor: recorded.metadata.actor.clone(),
                at: recorded.recorded_at,
            });
            entry.subject = Some(by.to_string());
            entry.text = some_text(reason.as_str());
        }
        ConcernEvent::Submitted { channel } => {
            view.stage = match channel {
                Channel::ViaFachstelle => ConcernStage::AwaitingTriage,
                Channel::DirectToEkg => ConcernStage::AtEkg,
            };
            view.channel = Some(*channel);
            view.submitted_at = Some(recorded.recorded_at);
            entry.outcome = name(channel);
        }
        ConcernEvent::Accepted { note } => {
            view.stage = ConcernStage::AtEkg;
            entry.text = some_text(note.as_str());
        }
        ConcernEvent::Returned {
            reason,
            rationale,
            needed,
        } => {
            view.stage = ConcernStage::ReturnedToOrigin;
            entry.outcome = name(reason);
            entry.text = some_text(rationale.as_str());
            entry.detail = some_text(needed.as_str());
        }
        ConcernEvent::MergedInto { into, rationale } => {
            view.stage = ConcernStage::Merged;
            view.merged_into = Some(*into);
            entry.subject = Some(into.to_string());
            entry.text = some_text(rationale.as_str());
        }
        ConcernEvent::Absorbed {
            merged,
            submitters,
            endorsers,
        } => {
            view.absorbed.push(*merged);
            for party in submitters {
                if !view.submitters.contains(party) {
                    view.submitters.push(*party);
                }
            }
            view.endorsements
                .retain(|endorsement| !submitters.contains(&endorsement.by));
            for party in endorsers {
                let known = view.submitters.contains(party)
                    || view.endorsements.iter().any(|e| e.by == *party);
                if !known {
                    view.endorsements.push(Endorsement {
                        by: *party,
                        reason: format!("endorsed concern {merged}, merged into this one"),
                        actor: recorded.metadata.actor.clone(),
                        at: recorded.recorded_at,
                    });
                }
            }
            entry.subject = Some(merged.to_string());
        }
        ConcernEvent::Examined {
            outcome,
            rationale,
            decided_by,
        } => {
            entry.text = some_text(rationale.as_str());
            entry.decided_by.clone_from(decided_by);
            match outcome {
                EkgOutcome::HandleInEkg => {
                    entry.outcome = Some("handle_in_ekg".to_owned());
                    view.stage = ConcernStage::HandledInEkg;
                }
                EkgOutcome::GiveToWorkingGroup {
                    working_group,
                    mandate,
                } => {
                    entry.outcome = Some("give_to_working_group".to_owned());
                    entry.detail = some_text(working_group.as_str());
                    entry.subject = mandate.map(|id| id.to_string());
                    view.stage = ConcernStage::WithWorkingGroup;
                }
                EkgOutcome::ProposeToStg { proposal } => {
                    entry.outcome = Some("propose_to_stg".to_owned());
                    entry.detail = name(proposal);
                    view.ekg_proposal = Some(*proposal);
                    view.stage = ConcernStage::AtStg;
                }
                EkgOutcome::CloseWithAnswer { .. } => {
                    entry.outcome = Some("close_with_answer".to_owned());
                }
            }
        }
        ConcernEvent::Decided {
            outcome,
            decision,
            rationale,
            decided_by,
        } => {
            entry.decided_by.clone_from(decided_by);
            view.stage = ConcernStage::Decided;
            view.stg_decision = Some(*outcome);
            entry.outcome = name(outcome);
            entry.detail = some_text(decision.as_str());
            entry.text = some_text(rationale.as_str());
        }
        ConcernEvent::Answered {
            text,
            recipients,
            recommendation,
            follow_ups,
        } => {
            view.stage = ConcernStage::Answered;
            view.answer = Some(Answer {
                text: text.as_str().to_owned(),
                recommendation: *recommendation,
                recipients: recipients.iter().copied().collect(),
                follow_ups: follow_ups.clone(),
                actor: recorded.metadata.actor.clone(),
                at: recorded.recorded_at,
            });
            entry.subject = Some(
                recipients
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join(", "),
            );
            entry.text = some_text(text.as_str());
        }
        ConcernEvent::Commented {
            tenant,
            text,
            visibility,
        } => {
            entry.subject = Some(tenant.to_string());
            entry.outcome = name(visibility);
            entry.text = some_text(text.as_str());
            internal = *visibility == CommentVisibility::Internal;
        }
        ConcernEvent::BroughtToStg { .. }
        | ConcernEvent::ReferredToEkg { .. }
        | ConcernEvent::Assessed { .. }
        | ConcernEvent::FollowUpLinked { .. } => super::paths::apply(&mut view, &mut entry, event),
    }
    if matches!(event, ConcernEvent::Released) {
        view.stage = ConcernStage::Released;
        // Once the canton released it, a concern stays visible to all.
        view.shared = true;
    }
    if view.stage != ConcernStage::InCantonalRoute {
        view.current_step = None;
    }
    view.updated_at = recorded.recorded_at;
    entry.stage = view.stage;
    if internal {
        return Ok(Applied {
            view,
            internal_comment: Some(entry),
        });
    }
    view.timeline.push(entry);
    Ok(Applied {
        view,
        internal_comment: None,
    })
}
