//! GraphQL types of panorama rounds and published panoramas. A round shows
//! each addressed canton's status to everyone signed in; the contents and
//! the author only where the app returned them (cantons the caller reads).

use std::sync::Arc;

use async_graphql::{ID, Json, Object, SimpleObject};
use chrono::NaiveDate;
use iiz_app::panorama::{FieldComparison, RoundChange};
use iiz_domain::CantonCode;
use iiz_domain::panorama_round::{AnswerContents, Question};
use iiz_projections::{AnswerStatus, CantonAnswerView, RoundView, SnapshotSection, SnapshotView};

use super::panorama_enums::{
    AnswerKindValue, AnswerStatusValue, PanoramaFieldValue, QuestionTopicValue, RoundStageValue,
};
use super::panorama_types::{KeyFiguresInfo, PanoramaActor, ProfileAtRevision};
use super::types::{LocalizedText, localized};

fn canton_id(canton: CantonCode) -> ID {
    ID(canton.as_str().to_owned())
}

/// A profile or figures revision an answer names.
#[derive(Debug, Clone, SimpleObject)]
pub struct RevisionReference {
    pub year: u16,
    pub revision: u32,
}

/// What an answer contains: references, not copies.
#[derive(Debug, Clone, SimpleObject)]
pub struct AnswerContentsInfo {
    pub profile: RevisionReference,
    pub figures: Vec<RevisionReference>,
}

impl From<&AnswerContents> for AnswerContentsInfo {
    fn from(contents: &AnswerContents) -> Self {
        let reference = |at: &iiz_domain::panorama::RevisionRef| RevisionReference {
            year: at.year.get(),
            revision: at.revision,
        };
        Self {
            profile: reference(&contents.profile),
            figures: contents.figures.iter().map(reference).collect(),
        }
    }
}

/// Where one addressed canton stands in a round.
#[derive(Debug, Clone, SimpleObject)]
pub struct CantonAnswer {
    pub canton: ID,
    pub status: AnswerStatusValue,
    /// Answered after the due date.
    pub late: bool,
    pub answered_on: Option<NaiveDate>,
    pub answered_by: Option<PanoramaActor>,
    pub contents: Option<AnswerContentsInfo>,
}

fn answer(canton: CantonCode, view: &CantonAnswerView) -> CantonAnswer {
    CantonAnswer {
        canton: canton_id(canton),
        status: view.status.into(),
        late: view.late,
        answered_on: view.answered_on,
        answered_by: view.answered_by.as_ref().map(Into::into),
        contents: view.contents.as_ref().map(Into::into),
    }
}

/// One question of a round, with its prompt in German and French.
#[derive(Debug, Clone, SimpleObject)]
pub struct PanoramaQuestion {
    pub key: String,
    pub topic: QuestionTopicValue,
    pub prompt: Vec<LocalizedText>,
}

impl From<&Question> for PanoramaQuestion {
    fn from(question: &Question) -> Self {
        Self {
            key: question.key.as_str().to_owned(),
            topic: question.topic.into(),
            prompt: localized(&question.prompt),
        }
    }
}

/// A panorama round and where each addressed canton stands.
#[derive(Debug, Clone)]
pub struct PanoramaRoundInfo(Arc<RoundView>);

impl From<RoundView> for PanoramaRoundInfo {
    fn from(view: RoundView) -> Self {
        Self(Arc::new(view))
    }
}

/// The Fachstelle's round for a panorama year.
#[Object(name = "PanoramaRound")]
impl PanoramaRoundInfo {
    async fn year(&self) -> u16 {
        self.0.year.get()
    }

    async fn stage(&self) -> RoundStageValue {
        self.0.stage.into()
    }

    async fn questions(&self) -> Vec<PanoramaQuestion> {
        self.0.questions.questions.iter().map(Into::into).collect()
    }

    async fn due(&self) -> NaiveDate {
        self.0.due
    }

    async fn opened_by(&self) -> PanoramaActor {
        (&self.0.opened_by).into()
    }

    async fn opened_on(&self) -> NaiveDate {
        self.0.opened_on
    }

    async fn closed_on(&self) -> Option<NaiveDate> {
        self.0.closed_on
    }

    async fn published_on(&self) -> Option<NaiveDate> {
        self.0.published_on
    }

    /// Every addressed canton, in code order.
    async fn answers(&self) -> Vec<CantonAnswer> {
        self.0
            .cantons
            .iter()
            .map(|(canton, view)| answer(*canton, view))
            .collect()
    }

    /// The addressed cantons that have not answered.
    async fn missing(&self) -> Vec<ID> {
        self.0
            .cantons
            .iter()
            .filter(|(_, view)| view.status == AnswerStatus::NoAnswer)
            .map(|(canton, _)| canton_id(*canton))
            .collect()
    }

    /// The cantons that answered after the due date.
    async fn late(&self) -> Vec<ID> {
        self.0
            .cantons
            .iter()
            .filter(|(_, view)| view.late)
            .map(|(canton, _)| canton_id(*canton))
            .collect()
    }
}

/// A canton's section of a published panorama: its answer with the
/// profile and figures revisions as they were, or no answer.
#[derive(Debug, Clone, SimpleObject)]
pub struct PanoramaSection {
    pub canton: ID,
    pub status: AnswerStatusValue,
    pub kind: Option<AnswerKindValue>,
    pub late: bool,
    pub profile: Option<ProfileAtRevision>,
    pub figures: Vec<KeyFiguresInfo>,
}

fn section(canton: CantonCode, section: &SnapshotSection) -> PanoramaSection {
    match section {
        SnapshotSection::Answered {
            kind,
            late,
            profile,
            figures,
        } => PanoramaSection {
            canton: canton_id(canton),
            status: AnswerStatusValue::from(AnswerStatus::from(*kind)),
            kind: Some((*kind).into()),
            late: *late,
            profile: Some((**profile).clone().into()),
            figures: figures.iter().cloned().map(Into::into).collect(),
        },
        SnapshotSection::NoAnswer => PanoramaSection {
            canton: canton_id(canton),
            status: AnswerStatusValue::NoAnswer,
            kind: None,
            late: false,
            profile: None,
            figures: Vec::new(),
        },
    }
}

/// A published panorama as it was published.
#[derive(Debug, Clone)]
pub struct PublishedPanoramaInfo(Arc<SnapshotView>);

impl From<SnapshotView> for PublishedPanoramaInfo {
    fn from(view: SnapshotView) -> Self {
        Self(Arc::new(view))
    }
}

/// The national panorama of a year, frozen at publication: later
/// revisions and rounds never change it.
#[Object(name = "PublishedPanorama")]
impl PublishedPanoramaInfo {
    async fn year(&self) -> u16 {
        self.0.year.get()
    }

    async fn published_on(&self) -> NaiveDate {
        self.0.published_on
    }

    async fn published_by(&self) -> PanoramaActor {
        (&self.0.published_by).into()
    }

    /// One section per addressed canton, in code order.
    async fn sections(&self) -> Vec<PanoramaSection> {
        self.0
            .sections
            .iter()
            .map(|(canton, view)| section(*canton, view))
            .collect()
    }
}

/// One canton's value of a compared field; null when it did not answer.
#[derive(Debug, Clone, SimpleObject)]
pub struct FieldValueInfo {
    pub canton: ID,
    /// The field in the shape of the event contracts.
    pub value: Option<Json<serde_json::Value>>,
}

/// A field side by side for chosen cantons in one published panorama.
#[derive(Debug, Clone, SimpleObject)]
pub struct FieldComparisonInfo {
    pub year: u16,
    pub field: PanoramaFieldValue,
    pub values: Vec<FieldValueInfo>,
}

impl From<FieldComparison> for FieldComparisonInfo {
    fn from(comparison: FieldComparison) -> Self {
        Self {
            year: comparison.year.get(),
            field: comparison.field.into(),
            values: comparison
                .values
                .into_iter()
                .map(|value| FieldValueInfo {
                    canton: canton_id(value.canton),
                    value: value.value.map(Json),
                })
                .collect(),
        }
    }
}

/// A canton's field in two published panoramas, and whether it changed.
#[derive(Debug, Clone, SimpleObject)]
pub struct RoundChangeInfo {
    pub canton: ID,
    pub before: Option<Json<serde_json::Value>>,
    pub after: Option<Json<serde_json::Value>>,
    pub changed: bool,
}

impl From<RoundChange> for RoundChangeInfo {
    fn from(change: RoundChange) -> Self {
        Self {
            canton: canton_id(change.canton),
            before: change.before.map(Json),
            after: change.after.map(Json),
            changed: change.changed,
        }
    }
}
