//! How events change a [`RecommendationView`] and its summary.

use iiz_domain::RecommendationEvent;
use iiz_domain::basis::DecisionReference;
use iiz_domain::recommendation::{RecommendationContent, RecommendationStage, Schedule};
use iiz_store::RecordedEvent;

use super::view::{
    Adoption, FlagView, HistoryEntry, OpenFlag, RecommendationSummary, RecommendationView,
    Resolution, VersionEntry,
};

fn set_content(view: &mut RecommendationView, content: &RecommendationContent) {
    view.title = content.title.as_str().to_owned();
    view.text = content.text.as_str().to_owned();
    view.language = content.language;
    view.translations = content.translations.clone();
    view.rationale = content.rationale.as_str().to_owned();
    view.source = content.source;
    view.basis = content.basis.clone();
    view.focus_area = content.focus_area.clone();
}

/// The fields an amendment changes, named as the API names them.
fn changes(
    view: &RecommendationView,
    content: &RecommendationContent,
    schedule: &Schedule,
    added: bool,
) -> Vec<String> {
    let mut changed = Vec::new();
    let mut note = |differs: bool, field: &str| {
        if differs {
            changed.push(field.to_owned());
        }
    };
    note(view.title != content.title.as_str(), "title");
    note(view.text != content.text.as_str(), "text");
    note(view.translations != content.translations, "translations");
    note(view.rationale != content.rationale.as_str(), "rationale");
    note(view.source != content.source, "source");
    note(view.basis != content.basis, "basis");
    note(view.focus_area != content.focus_area, "focusArea");
    note(view.schedule.answer_due != schedule.answer_due, "answerDue");
    note(view.schedule.rhythm != schedule.rhythm, "reportingRhythm");
    note(added, "addressees");
    changed
}

/// Applies one event; `Err` names a history that cannot be (an event before
/// the recommendation was drafted).
pub(super) fn apply(
    before: Option<RecommendationView>,
    change: &RecommendationEvent,
    event: &RecordedEvent,
) -> Result<RecommendationView, String> {
    let actor = event.metadata.actor.clone();
    let at = event.recorded_at;
    let mut view = match (before, change) {
        (
            None,
            RecommendationEvent::Drafted {
                id,
                content,
                addressees,
                schedule,
            },
        ) => RecommendationView {
            id: *id,
            stage: RecommendationStage::Draft,
            version: 1,
            title: content.title.as_str().to_owned(),
            text: content.text.as_str().to_owned(),
            language: content.language,
            translations: content.translations.clone(),
            rationale: content.rationale.as_str().to_owned(),
            source: content.source,
            basis: content.basis.clone(),
            focus_area: content.focus_area.clone(),
            addressees: addressees.iter().copied().collect(),
            addressee_keys: Vec::new(),
            public: false,
            schedule: *schedule,
            adoption: None,
            published_on: None,
            superseded_by: None,
            assessment: None,
            discarded: None,
            versions: Vec::new(),
            flags: Vec::new(),
            history: Vec::new(),
            drafted_at: at,
            updated_at: at,
            stream_version: 0,
        },
        (Some(view), _) => view,
        (None, _) => return Err(format!("{} before the draft", change_kind(change))),
    };
    let mut detail = None;
    match change {
        RecommendationEvent::Drafted { .. } => {}
        RecommendationEvent::Edited {
            content,
            addressees,
            schedule,
        } => {
            set_content(&mut view, content);
            view.addressees = addressees.iter().copied().collect();
            view.schedule = *schedule;
        }
        RecommendationEvent::Discarded { rationale } => {
            view.stage = RecommendationStage::Discarded;
            view.discarded = Some(rationale.as_str().to_owned());
            detail = Some(rationale.as_str().to_owned());
        }
        RecommendationEvent::Adopted {
            decision,
            on,
            decided_by,
        } => {
            view.stage = RecommendationStage::Adopted;
            view.adoption = Some(Adoption {
                decision: decision.as_str().to_owned(),
                on: *on,
                decided_by: decided_by.clone(),
            });
            detail = Some(decision.as_str().to_owned());
        }
        RecommendationEvent::Published { on, addressees } => {
            view.stage = RecommendationStage::Published;
            view.published_on = Some(*on);
            view.addressees = addressees.iter().copied().collect();
            view.versions.push(VersionEntry {
                version: 1,
                title: view.title.clone(),
                text: view.text.clone(),
                translations: view.translations.clone(),
                rationale: view.rationale.clone(),
                schedule: view.schedule,
                added: view.addressees.clone(),
                decision: view
                    .adoption
                    .as_ref()
                    .map(|adoption| adoption.decision.clone())
                    .unwrap_or_default(),
                summary: None,
                changes: Vec::new(),
                on: *on,
            });
        }
        RecommendationEvent::Amended {
            version,
            content,
            schedule,
            added,
            decision,
            summary,
            ..
        } => {
            let changed = changes(&view, content, schedule, !added.is_empty());
            set_content(&mut view, content);
            view.schedule = *schedule;
            view.version = *version;
            view.addressees.extend(added.iter().copied());
            view.versions.push(VersionEntry {
                version: *version,
                title: view.title.clone(),
                text: view.text.clone(),
                translations: view.translations.clone(),
                rationale: view.rationale.clone(),
                schedule: *schedule,
                added: added.iter().copied().collect(),
                decision: decision.as_str().to_owned(),
                summary: Some(summary.as_str().to_owned()),
                changes: changed,
                on: at.date_naive(),
            });
            detail = Some(summary.as_str().to_owned());
        }
        RecommendationEvent::Superseded { by, rationale, .. } => {
            view.stage = RecommendationStage::Superseded;
            view.superseded_by = Some(*by);
            detail = Some(rationale.as_str().to_owned());
        }
        RecommendationEvent::Closed { assessment, .. } => {
            view.stage = RecommendationStage::Closed;
            view.assessment = Some(assessment.as_str().to_owned());
            detail = Some(assessment.as_str().to_owned());
        }
        RecommendationEvent::Flagged { flag, target, note } => {
            view.flags.push(FlagView {
                flag: *flag,
                target: *target,
                note: note.as_str().to_owned(),
                raised_by: actor.clone(),
                raised_at: at,
                resolution: None,
            });
            detail = Some(note.as_str().to_owned());
        }
        RecommendationEvent::FlagResolved { flag, note, .. } => {
            if let Some(found) = view.flags.iter_mut().find(|found| found.flag == *flag) {
                found.resolution = Some(Resolution {
                    note: note.as_str().to_owned(),
                    by: actor.clone(),
                    at,
                });
            }
            detail = Some(note.as_str().to_owned());
        }
        // The addressees' own steps live in their items.
        RecommendationEvent::Answered { .. }
        | RecommendationEvent::Reported { .. }
        | RecommendationEvent::SharingChanged { .. }
        | RecommendationEvent::PriorityChanged { .. } => {}
    }
    if is_own_step(change) {
        view.history.push(HistoryEntry {
            kind: change_kind(change).to_owned(),
            actor,
            at,
            detail,
            decided_by: decided_by(change),
        });
    }
    view.addressee_keys = view.addressees.iter().map(ToString::to_string).collect();
    view.public = view.stage.was_published();
    view.updated_at = at;
    view.stream_version = event.stream_version;
    Ok(view)
}

fn change_kind(change: &RecommendationEvent) -> &'static str {
    iiz_domain::DomainEvent::event_type(change)
}

/// The meeting item or resolution a step that is the STG's decision names.
fn decided_by(change: &RecommendationEvent) -> Option<DecisionReference> {
    match change {
        RecommendationEvent::Adopted { decided_by, .. }
        | RecommendationEvent::Amended { decided_by, .. }
        | RecommendationEvent::Superseded { decided_by, .. }
        | RecommendationEvent::Closed { decided_by, .. } => decided_by.clone(),
        _ => None,
    }
}

fn is_own_step(change: &RecommendationEvent) -> bool {
    !matches!(
        change,
        RecommendationEvent::Answered { .. }
            | RecommendationEvent::Reported { .. }
            | RecommendationEvent::SharingChanged { .. }
            | RecommendationEvent::PriorityChanged { .. }
    )
}

impl RecommendationSummary {
    /// The short form of a view.
    pub fn of(view: &RecommendationView) -> Self {
        summary(view)
    }
}

fn summary(view: &RecommendationView) -> RecommendationSummary {
    RecommendationSummary {
        id: view.id,
        stage: view.stage,
        version: view.version,
        title: view.title.clone(),
        focus_area: view.focus_area.clone(),
        addressee_count: view.addressees.len(),
        schedule: view.schedule,
        adopted_on: view.adoption.as_ref().map(|adoption| adoption.on),
        published_on: view.published_on,
        open_flags: view
            .flags
            .iter()
            .filter(|flag| {
                flag.resolution.is_none()
                    && flag.target == iiz_domain::recommendation::FlagTarget::Recommendation
            })
            .map(|flag| OpenFlag {
                flag: flag.flag,
                note: flag.note.clone(),
                since: flag.raised_at,
            })
            .collect(),
        updated_at: view.updated_at,
    }
}
