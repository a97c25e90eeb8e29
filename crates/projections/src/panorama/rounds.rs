//! Panorama rounds with each addressed canton's answer state, and the
//! published panorama of each round: the sections with the profile and
//! figures revisions they name, copied once at publication.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use iiz_domain::ids::CantonCode;
use iiz_domain::panorama::{Actor, Year};
use iiz_domain::panorama_round::{
    AnswerContents, AnswerKind, PublishedSection, QuestionSet, RoundEvent, RoundStage,
};
use iiz_store::{DocKey, DocSet, ProjectionError, RecordedEvent};
use serde::{Deserialize, Serialize};

use super::{
    FIGURE_REVISIONS, FiguresRevisionView, PANORAMA_ROUNDS, PANORAMA_SNAPSHOTS, PROFILE_REVISIONS,
    ProfileRevisionView, malformed, revision_id,
};
use crate::{decode, get_typed, put_typed};

/// Where an addressed canton stands in a round.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AnswerStatus {
    NoAnswer,
    Confirmed,
    Updated,
}

impl From<AnswerKind> for AnswerStatus {
    fn from(kind: AnswerKind) -> Self {
        match kind {
            AnswerKind::Confirmed => Self::Confirmed,
            AnswerKind::Updated => Self::Updated,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CantonAnswerView {
    pub status: AnswerStatus,
    pub late: bool,
    pub contents: Option<AnswerContents>,
    pub answered_by: Option<Actor>,
    pub answered_on: Option<NaiveDate>,
}

impl CantonAnswerView {
    fn none() -> Self {
        Self {
            status: AnswerStatus::NoAnswer,
            late: false,
            contents: None,
            answered_by: None,
            answered_on: None,
        }
    }
}

/// A round and where each addressed canton stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoundView {
    pub year: Year,
    pub stage: RoundStage,
    pub questions: QuestionSet,
    pub due: NaiveDate,
    pub opened_by: Actor,
    pub opened_on: NaiveDate,
    pub closed_on: Option<NaiveDate>,
    pub published_on: Option<NaiveDate>,
    pub cantons: BTreeMap<CantonCode, CantonAnswerView>,
}

/// A canton's section of a published panorama.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum SnapshotSection {
    Answered {
        kind: AnswerKind,
        late: bool,
        profile: Box<ProfileRevisionView>,
        figures: Vec<FiguresRevisionView>,
    },
    NoAnswer,
}

/// A published panorama as it was published.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SnapshotView {
    pub year: Year,
    pub published_on: NaiveDate,
    pub published_by: Actor,
    pub sections: BTreeMap<CantonCode, SnapshotSection>,
}

fn round_key(event: &RecordedEvent) -> DocKey {
    DocKey::new(PANORAMA_ROUNDS, &event.stream.stream_id)
}

fn revision_keys(
    canton: CantonCode,
    contents: &AnswerContents,
) -> (DocKey, impl Iterator<Item = DocKey> + '_) {
    let profile = DocKey::new(PROFILE_REVISIONS, revision_id(canton, contents.profile));
    let figures = contents
        .figures
        .iter()
        .map(move |at| DocKey::new(FIGURE_REVISIONS, revision_id(canton, *at)));
    (profile, figures)
}

pub(super) fn keys(event: &RecordedEvent) -> Result<Vec<DocKey>, ProjectionError> {
    let mut keys = vec![round_key(event)];
    if let RoundEvent::Published { sections, .. } = decode::<RoundEvent>(event)? {
        keys.push(DocKey::new(PANORAMA_SNAPSHOTS, &event.stream.stream_id));
        for (canton, section) in &sections {
            if let PublishedSection::Answered { contents, .. } = section {
                let (profile, figures) = revision_keys(*canton, contents);
                keys.push(profile);
                keys.extend(figures);
            }
        }
    }
    Ok(keys)
}

fn snapshot_section(
    docs: &DocSet,
    canton: CantonCode,
    section: PublishedSection,
) -> Result<SnapshotSection, ProjectionError> {
    let PublishedSection::Answered {
        kind,
        contents,
        late,
    } = section
    else {
        return Ok(SnapshotSection::NoAnswer);
    };
    let (profile_key, figure_keys) = revision_keys(canton, &contents);
    let profile = get_typed::<ProfileRevisionView>(docs, &profile_key)?
        .ok_or_else(|| malformed(&profile_key, "a published profile revision is missing"))?;
    let mut figures = Vec::new();
    for key in figure_keys {
        figures.push(
            get_typed::<FiguresRevisionView>(docs, &key)?
                .ok_or_else(|| malformed(&key, "a published figures revision is missing"))?,
        );
    }
    Ok(SnapshotSection::Answered {
        kind,
        late,
        profile: Box::new(profile),
        figures,
    })
}

pub(super) fn apply(docs: &mut DocSet, event: &RecordedEvent) -> Result<(), ProjectionError> {
    let key = round_key(event);
    let change = decode::<RoundEvent>(event)?;
    let mut view = if let RoundEvent::Opened {
        year,
        questions,
        cantons,
        due,
        actor,
        on,
    } = &change
    {
        RoundView {
            year: *year,
            stage: RoundStage::Open,
            questions: questions.clone(),
            due: *due,
            opened_by: *actor,
            opened_on: *on,
            closed_on: None,
            published_on: None,
            cantons: cantons
                .iter()
                .map(|canton| (*canton, CantonAnswerView::none()))
                .collect(),
        }
    } else {
        get_typed::<RoundView>(docs, &key)?
            .ok_or_else(|| malformed(&key, "a round that was never opened"))?
    };
    match change {
        RoundEvent::Opened { .. } => {}
        RoundEvent::Answered {
            canton,
            kind,
            contents,
            late,
            actor,
            on,
        } => {
            view.cantons.insert(
                canton,
                CantonAnswerView {
                    status: kind.into(),
                    late,
                    contents: Some(contents),
                    answered_by: Some(actor),
                    answered_on: Some(on),
                },
            );
        }
        RoundEvent::Closed { on, .. } => {
            view.stage = RoundStage::Closed;
            view.closed_on = Some(on);
        }
        RoundEvent::Reopened { .. } => {
            view.stage = RoundStage::Open;
            view.closed_on = None;
        }
        RoundEvent::Published {
            sections,
            actor,
            on,
        } => {
            view.stage = RoundStage::Published;
            view.published_on = Some(on);
            let mut snapshot = SnapshotView {
                year: view.year,
                published_on: on,
                published_by: actor,
                sections: BTreeMap::new(),
            };
            for (canton, section) in sections {
                let section = snapshot_section(docs, canton, section)?;
                snapshot.sections.insert(canton, section);
            }
            let sort = event.stream.stream_id.clone();
            let snapshot_key = DocKey::new(PANORAMA_SNAPSHOTS, &event.stream.stream_id);
            put_typed(docs, snapshot_key, None, sort, &snapshot)?;
        }
    }
    let sort = event.stream.stream_id.clone();
    put_typed(docs, key, None, sort, &view)
}
