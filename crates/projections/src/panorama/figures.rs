//! Key figures: the current report per canton and year, and every
//! revision as reported.

use chrono::NaiveDate;
use iiz_domain::ids::CantonCode;
use iiz_domain::key_figures::{FigureReport, FiguresEvent};
use iiz_domain::panorama::{Actor, Year};
use iiz_store::{DocKey, DocSet, ProjectionError, RecordedEvent};
use serde::{Deserialize, Serialize};

use super::{FIGURE_REVISIONS, KEY_FIGURES};
use crate::{decode, put_typed};

/// A canton's figures for one year as last reported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FiguresView {
    pub canton: CantonCode,
    pub year: Year,
    pub revision: u32,
    pub figures: FigureReport,
    pub actor: Actor,
    pub on: NaiveDate,
}

/// The same shape, for one revision: what a round refers to.
pub type FiguresRevisionView = FiguresView;

fn revision_key(event: &RecordedEvent, revision: u32) -> DocKey {
    DocKey::new(
        FIGURE_REVISIONS,
        format!("{}-{revision}", event.stream.stream_id),
    )
}

pub(super) fn keys(event: &RecordedEvent) -> Result<Vec<DocKey>, ProjectionError> {
    let FiguresEvent::Reported { revision, .. } = decode::<FiguresEvent>(event)?;
    Ok(vec![
        DocKey::new(KEY_FIGURES, &event.stream.stream_id),
        revision_key(event, revision),
    ])
}

pub(super) fn apply(docs: &mut DocSet, event: &RecordedEvent) -> Result<(), ProjectionError> {
    let FiguresEvent::Reported {
        canton,
        year,
        revision,
        figures,
        actor,
        on,
    } = decode::<FiguresEvent>(event)?;
    let view = FiguresView {
        canton,
        year,
        revision,
        figures,
        actor,
        on,
    };
    let tenant = Some(event.stream.tenant.clone());
    let id = &event.stream.stream_id;
    put_typed(
        docs,
        revision_key(event, revision),
        tenant.clone(),
        format!("{id}-{revision:06}"),
        &view,
    )?;
    put_typed(
        docs,
        DocKey::new(KEY_FIGURES, id),
        tenant,
        id.clone(),
        &view,
    )
}
