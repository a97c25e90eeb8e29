//! Names of what the monitoring pictures count: concern stages, how far
//! an addressee got with a recommendation, and the cantons. Explicit
//! matches, so that the test of the texts sees every key.

use std::collections::HashMap;
use std::sync::OnceLock;

use iiz_app::CantonCatalog;
use iiz_domain::Language;
use iiz_domain::concern::ConcernStage;
use iiz_domain::recommendation::{Acceptance, ImplementationStatus};

use crate::web::i18n::Tr;

/// The text of a concern's stage, in the words of the concern pages.
pub fn stage(tr: Tr, stage: ConcernStage) -> String {
    tr.t(crate::web::concerns::labels::stage_key(stage))
}

/// Where one addressee stands with one recommendation: its answer and,
/// once it committed, its implementation. The order is the order of the
/// stacked bars and of the legend.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Progress {
    Implemented,
    UnderWay,
    NotImplemented,
    Declined,
    Unanswered,
}

impl Progress {
    pub const ALL: [Progress; 5] = [
        Self::Implemented,
        Self::UnderWay,
        Self::NotImplemented,
        Self::Declined,
        Self::Unanswered,
    ];

    /// From the monitoring table's answer and status (its published
    /// column values).
    pub fn of(acceptance: Option<&str>, status: Option<&str>) -> Self {
        let acceptance = Acceptance::ALL
            .into_iter()
            .find(|known| Some(known.as_str()) == acceptance);
        let status = ImplementationStatus::ALL
            .into_iter()
            .find(|known| Some(known.as_str()) == status);
        match (acceptance, status) {
            (None, _) => Self::Unanswered,
            (Some(answer), _) if !answer.commits() => Self::Declined,
            (Some(_), Some(ImplementationStatus::Implemented)) => Self::Implemented,
            (Some(_), Some(ImplementationStatus::NotImplemented)) => Self::NotImplemented,
            (Some(_), _) => Self::UnderWay,
        }
    }

    pub fn index(self) -> usize {
        self as usize
    }

    pub fn label(self, tr: Tr) -> String {
        match self {
            Self::Implemented => tr.t("charts-progress-implemented"),
            Self::UnderWay => tr.t("charts-progress-under-way"),
            Self::NotImplemented => tr.t("charts-progress-not-implemented"),
            Self::Declined => tr.t("charts-progress-declined"),
            Self::Unanswered => tr.t("charts-progress-unanswered"),
        }
    }
}

/// The cantons' names by abbreviation, from the canton catalogue.
fn catalogue() -> &'static HashMap<String, [String; 3]> {
    static NAMES: OnceLock<HashMap<String, [String; 3]>> = OnceLock::new();
    NAMES.get_or_init(|| match CantonCatalog::embedded() {
        Ok(catalog) => catalog
            .cantons
            .iter()
            .map(|entry| {
                let name = |language| entry.names.best(language).to_owned();
                (
                    entry.code.to_string(),
                    [name(Language::De), name(Language::Fr), name(Language::It)],
                )
            })
            .collect(),
        Err(error) => {
            // The catalogue's own tests keep this from happening; the
            // abbreviations still name every canton.
            tracing::error!(%error, "canton catalogue unreadable");
            HashMap::new()
        }
    })
}

/// A canton's name in the page's language, its abbreviation if unknown.
pub fn canton(tr: Tr, code: &str) -> String {
    let index = match tr.language {
        Language::Fr => 1,
        Language::It => 2,
        Language::De | Language::Rm => 0,
    };
    catalogue()
        .get(code)
        .map_or_else(|| code.to_owned(), |names| names[index].clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_answer_and_a_status_give_one_progress() {
        assert_eq!(Progress::of(None, None), Progress::Unanswered);
        assert_eq!(Progress::of(Some("not_relevant"), None), Progress::Declined);
        assert_eq!(Progress::of(Some("not_accepted"), None), Progress::Declined);
        assert_eq!(Progress::of(Some("accepted"), None), Progress::UnderWay);
        assert_eq!(
            Progress::of(Some("partly_accepted"), Some("in_progress")),
            Progress::UnderWay
        );
        assert_eq!(
            Progress::of(Some("accepted"), Some("implemented")),
            Progress::Implemented
        );
        assert_eq!(
            Progress::of(Some("accepted"), Some("not_implemented")),
            Progress::NotImplemented
        );
    }

    #[test]
    fn cantons_are_named_in_the_pages_language() {
        assert_eq!(canton(Tr::new(Language::De), "GE"), "Genf");
        assert_eq!(canton(Tr::new(Language::Fr), "GE"), "Genève");
        assert_eq!(canton(Tr::new(Language::It), "GE"), "Ginevra");
        assert_eq!(canton(Tr::new(Language::It), "XX"), "XX");
    }
}
