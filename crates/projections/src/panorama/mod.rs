//! The canton profiles, key figures and panorama rounds of issue 16 as
//! callers read them: the current profile and figures per canton and year,
//! every revision of them (immutable), the rounds with each canton's answer
//! state, and the published panorama of each round as it was published.
//!
//! A published round names revisions, and revisions never change, so the
//! snapshot written at publication is the same whenever the log is replayed
//! and whatever later revisions or rounds arrive.

mod figures;
mod profiles;
mod rounds;

use iiz_domain::ids::CantonCode;
use iiz_domain::panorama::{RevisionRef, Year};
use iiz_store::{DocKey, DocSet, ProjectionError, RecordedEvent};

use crate::Projection;

pub use figures::{FiguresRevisionView, FiguresView};
pub use profiles::{CorrectionView, ProfileRevisionView, ProfileView, RevisionEntry};
pub use rounds::{AnswerStatus, CantonAnswerView, RoundView, SnapshotSection, SnapshotView};

/// Current profile per canton and year, keyed `ZH-2026`.
pub const CANTON_PROFILES: &str = "canton_profiles";
/// Every profile revision as it stood, keyed `ZH-2026-3`.
pub const PROFILE_REVISIONS: &str = "canton_profile_revisions";
/// Current figures per canton and year, keyed `BL-2019`.
pub const KEY_FIGURES: &str = "key_figures";
/// Every figures revision as reported, keyed `BL-2019-2`.
pub const FIGURE_REVISIONS: &str = "key_figure_revisions";
/// Rounds with each addressed canton's answer state, keyed by year.
pub const PANORAMA_ROUNDS: &str = "panorama_rounds";
/// Published panoramas, keyed by year, written once at publication.
pub const PANORAMA_SNAPSHOTS: &str = "panorama_snapshots";

/// The id of a canton's profile or figures stream for a year.
pub fn canton_year_id(canton: CantonCode, year: Year) -> String {
    format!("{canton}-{year}")
}

/// The id of one revision's document.
pub fn revision_id(canton: CantonCode, at: RevisionRef) -> String {
    format!("{canton}-{}-{}", at.year, at.revision)
}

fn malformed(key: &DocKey, reason: &str) -> ProjectionError {
    ProjectionError::Malformed {
        key: key.clone(),
        reason: reason.to_owned(),
    }
}

#[derive(Debug, Clone, Copy, Default)]
pub struct PanoramaRegister;

impl Projection for PanoramaRegister {
    fn name(&self) -> &'static str {
        "panorama_register"
    }

    fn version(&self) -> i32 {
        1
    }

    fn collections(&self) -> &'static [&'static str] {
        &[
            CANTON_PROFILES,
            PROFILE_REVISIONS,
            KEY_FIGURES,
            FIGURE_REVISIONS,
            PANORAMA_ROUNDS,
            PANORAMA_SNAPSHOTS,
        ]
    }

    fn handles(&self, stream_type: &str) -> bool {
        matches!(
            stream_type,
            "canton_profile" | "key_figures" | "panorama_round"
        )
    }

    fn keys(&self, event: &RecordedEvent) -> Result<Vec<DocKey>, ProjectionError> {
        match event.stream.stream_type.as_str() {
            "canton_profile" => profiles::keys(event),
            "key_figures" => figures::keys(event),
            _ => rounds::keys(event),
        }
    }

    fn apply(&self, docs: &mut DocSet, event: &RecordedEvent) -> Result<(), ProjectionError> {
        match event.stream.stream_type.as_str() {
            "canton_profile" => profiles::apply(docs, event),
            "key_figures" => figures::apply(docs, event),
            _ => rounds::apply(docs, event),
        }
    }
}
