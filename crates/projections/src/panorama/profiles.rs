//! Canton profiles: the current one per canton and year, with its history
//! and pending corrections, and every revision as it stood.

use chrono::NaiveDate;
use iiz_domain::canton_profile::{ProfileContent, ProfileEvent, Section, SectionChange};
use iiz_domain::ids::CantonCode;
use iiz_domain::panorama::{Actor, Year};
use iiz_domain::text::FreeText;
use iiz_store::{DocKey, DocSet, ProjectionError, RecordedEvent};
use serde::{Deserialize, Serialize};

use super::{CANTON_PROFILES, PROFILE_REVISIONS, malformed};
use crate::{decode, get_typed, put_typed};

/// One visible change of a profile: who and when, and what.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RevisionEntry {
    pub revision: u32,
    /// The part changed; none for the opening.
    pub section: Option<Section>,
    pub note: FreeText,
    /// The Fachstelle's proposal this revision confirmed, if any.
    pub proposal: Option<u32>,
    pub actor: Actor,
    pub on: NaiveDate,
}

/// A correction the Fachstelle proposed that the canton has not answered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CorrectionView {
    pub proposal: u32,
    pub change: SectionChange,
    pub based_on: u32,
    pub reason: FreeText,
    pub actor: Actor,
    pub on: NaiveDate,
}

/// A canton's current profile for one year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfileView {
    pub canton: CantonCode,
    pub year: Year,
    pub revision: u32,
    pub content: ProfileContent,
    pub last_change: NaiveDate,
    pub revisions: Vec<RevisionEntry>,
    pub pending: Vec<CorrectionView>,
}

/// A profile as it stood at one revision: what a round refers to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfileRevisionView {
    pub canton: CantonCode,
    pub year: Year,
    pub revision: u32,
    pub content: ProfileContent,
    pub actor: Actor,
    pub on: NaiveDate,
}

fn revision_key(event: &RecordedEvent, revision: u32) -> DocKey {
    DocKey::new(
        PROFILE_REVISIONS,
        format!("{}-{revision}", event.stream.stream_id),
    )
}

fn current_key(event: &RecordedEvent) -> DocKey {
    DocKey::new(CANTON_PROFILES, &event.stream.stream_id)
}

pub(super) fn keys(event: &RecordedEvent) -> Result<Vec<DocKey>, ProjectionError> {
    let mut keys = vec![current_key(event)];
    match decode::<ProfileEvent>(event)? {
        ProfileEvent::Opened { .. } => keys.push(revision_key(event, 1)),
        ProfileEvent::Revised { revision, .. }
        | ProfileEvent::CorrectionConfirmed { revision, .. } => {
            keys.push(revision_key(event, revision));
        }
        ProfileEvent::CorrectionProposed { .. }
        | ProfileEvent::CorrectionRejected { .. }
        | ProfileEvent::CorrectionWithdrawn { .. } => {}
    }
    Ok(keys)
}

fn apply_change(content: &mut ProfileContent, change: &SectionChange) {
    match change {
        SectionChange::Structure(s) => content.structure = s.clone(),
        SectionChange::Practice(p) => content.practice = p.clone(),
        SectionChange::Challenges(c) => content.challenges = c.clone(),
    }
}

pub(super) fn apply(docs: &mut DocSet, event: &RecordedEvent) -> Result<(), ProjectionError> {
    let key = current_key(event);
    let tenant = Some(event.stream.tenant.clone());
    let change = decode::<ProfileEvent>(event)?;
    let mut view = if let ProfileEvent::Opened {
        canton,
        year,
        content,
        actor,
        on,
    } = &change
    {
        ProfileView {
            canton: *canton,
            year: *year,
            revision: 1,
            content: content.as_ref().clone(),
            last_change: *on,
            revisions: vec![RevisionEntry {
                revision: 1,
                section: None,
                note: FreeText::default(),
                proposal: None,
                actor: *actor,
                on: *on,
            }],
            pending: Vec::new(),
        }
    } else {
        get_typed::<ProfileView>(docs, &key)?
            .ok_or_else(|| malformed(&key, "a profile that was never opened"))?
    };
    let mut revised = matches!(change, ProfileEvent::Opened { .. });
    match change {
        ProfileEvent::Opened { .. } => {}
        ProfileEvent::Revised {
            revision,
            change,
            note,
            actor,
            on,
        } => {
            apply_change(&mut view.content, &change);
            view.revision = revision;
            view.last_change = on;
            view.revisions.push(RevisionEntry {
                revision,
                section: Some(change.section()),
                note,
                proposal: None,
                actor,
                on,
            });
            revised = true;
        }
        ProfileEvent::CorrectionProposed {
            proposal,
            change,
            based_on,
            reason,
            actor,
            on,
        } => {
            view.last_change = on;
            view.pending.push(CorrectionView {
                proposal,
                change,
                based_on,
                reason,
                actor,
                on,
            });
        }
        ProfileEvent::CorrectionConfirmed {
            proposal,
            revision,
            change,
            actor,
            on,
        } => {
            apply_change(&mut view.content, &change);
            view.revision = revision;
            view.last_change = on;
            view.pending.retain(|pending| pending.proposal != proposal);
            view.revisions.push(RevisionEntry {
                revision,
                section: Some(change.section()),
                note: FreeText::default(),
                proposal: Some(proposal),
                actor,
                on,
            });
            revised = true;
        }
        ProfileEvent::CorrectionRejected { proposal, on, .. }
        | ProfileEvent::CorrectionWithdrawn { proposal, on, .. } => {
            view.last_change = on;
            view.pending.retain(|pending| pending.proposal != proposal);
        }
    }
    if revised && let Some(entry) = view.revisions.last() {
        let snapshot = ProfileRevisionView {
            canton: view.canton,
            year: view.year,
            revision: view.revision,
            content: view.content.clone(),
            actor: entry.actor,
            on: entry.on,
        };
        let sort = format!("{}-{:06}", event.stream.stream_id, view.revision);
        put_typed(
            docs,
            revision_key(event, view.revision),
            tenant.clone(),
            sort,
            &snapshot,
        )?;
    }
    let sort = event.stream.stream_id.clone();
    put_typed(docs, key, tenant, sort, &view)
}
