//! What an agenda item or a circular resolution is about, as a link with
//! the subject's title and where it stands now (the trace from a decision
//! to what it changed), and the subjects the secretariat can choose from.

use iiz_app::AppError;
use iiz_app::concerns::ConcernQueue;
use iiz_app::recommendations::RecommendationFilter;
use iiz_domain::decision::ItemSubject;
use iiz_domain::recommendation::RecommendationStage;
use iiz_domain::{ConcernId, RecommendationId};

use super::words::{self, tkey};
use crate::web::errors::WebError;
use crate::web::visitor::Visitor;

/// A subject as a page shows it.
#[derive(Debug, Clone)]
pub(in crate::web) struct SubjectLink {
    /// What kind of subject (concern, recommendation, …), translated.
    pub kind: String,
    pub label: String,
    pub href: Option<String>,
    /// Where the subject stands now (a concern's stage …), if tracked.
    pub state: Option<String>,
}

/// Reads a subject as the visitor may see it; one the visitor may not see
/// is named by its kind only.
pub(in crate::web) async fn subject(
    visitor: &Visitor,
    subject: &ItemSubject,
) -> Result<SubjectLink, WebError> {
    let tr = visitor.tr;
    let caller = visitor.caller();
    let mut link = SubjectLink {
        kind: tr.t(kind_key(subject)),
        label: String::new(),
        href: None,
        state: None,
    };
    match subject {
        ItemSubject::Free => {}
        ItemSubject::Concern(id) => {
            link.href = Some(format!("/concerns/{id}"));
            if let Some(view) = visible(visitor, caller.concern(*id).await)? {
                link.label = view.title;
                link.state = Some(tr.t(words::concern_stage(view.stage)));
            }
        }
        ItemSubject::Recommendation(id) => {
            link.href = Some(format!("/recommendations/{id}"));
            if let Some(view) = visible(visitor, caller.recommendation(*id).await)? {
                link.label = view.title;
                link.state = Some(tr.t(words::recommendation_stage(view.stage)));
            }
        }
        ItemSubject::WorkingGroup(id) => {
            if let Some(view) = visible(visitor, caller.working_group(*id).await)? {
                link.label = view.mandate.title.as_str().to_owned();
            }
        }
        ItemSubject::Project(id) => {
            if let Some(view) = visible(visitor, caller.project(*id).await)? {
                link.label = view.title.as_str().to_owned();
            }
        }
        ItemSubject::Report(title) => link.label = title.as_str().to_owned(),
        ItemSubject::WorkProgramme(from) => link.label = crate::web::format::date(*from),
        ItemSubject::ChairElection(body) => {
            if let Some(view) = visible(visitor, caller.body(*body).await)? {
                link.label = view.names.best(tr.language).to_owned();
                link.href = Some(format!("/bodies/{body}"));
            }
        }
    }
    Ok(link)
}

/// What the visitor may see: a subject hidden from the visitor is none.
fn visible<T>(visitor: &Visitor, result: Result<T, AppError>) -> Result<Option<T>, WebError> {
    match result {
        Ok(found) => Ok(Some(found)),
        Err(AppError::Denied(_)) => Ok(None),
        Err(error) => Err(visitor.fail(error)),
    }
}

fn kind_key(subject: &ItemSubject) -> &'static str {
    match subject {
        ItemSubject::Free => tkey("meetings-subject-free"),
        ItemSubject::Concern(_) => tkey("meetings-subject-concern"),
        ItemSubject::Recommendation(_) => tkey("meetings-subject-recommendation"),
        ItemSubject::Project(_) => tkey("meetings-subject-project"),
        ItemSubject::WorkingGroup(_) => tkey("meetings-subject-working-group"),
        ItemSubject::Report(_) => tkey("meetings-subject-report"),
        ItemSubject::WorkProgramme(_) => tkey("meetings-subject-work-programme"),
        ItemSubject::ChairElection(_) => tkey("meetings-subject-chair-election"),
    }
}

/// How many candidates of each kind a subject list offers.
const CANDIDATES: usize = 100;

/// The subjects a secretariat puts on an agenda or a resolution: the
/// concerns before the EKG and the STG and the drafted recommendations, as
/// `(value, label)` options (`free`, `concern:<id>`, `recommendation:<id>`).
/// A subject the visitor may not list is not offered.
pub(in crate::web) async fn candidates(
    visitor: &Visitor,
) -> Result<Vec<(String, String)>, WebError> {
    let tr = visitor.tr;
    let caller = visitor.caller();
    let mut options = vec![("free".to_owned(), tr.t("meetings-subject-free"))];
    let concern = tr.t("meetings-subject-concern");
    for queue in [ConcernQueue::Ekg, ConcernQueue::Stg] {
        match caller.concern_queue(queue, CANDIDATES, None).await {
            Ok(page) => options.extend(page.items.into_iter().map(|entry| {
                (
                    format!("concern:{}", entry.concern),
                    format!(
                        "{concern}: {} ({})",
                        entry.title,
                        tr.t(words::concern_stage(entry.stage))
                    ),
                )
            })),
            Err(AppError::Denied(_)) => {}
            Err(error) => return Err(visitor.fail(error)),
        }
    }
    let filter = RecommendationFilter {
        stage: Some(RecommendationStage::Draft),
        ..RecommendationFilter::default()
    };
    let recommendation = tr.t("meetings-subject-recommendation");
    match caller.recommendations(&filter, CANDIDATES, None).await {
        Ok(page) => options.extend(page.items.into_iter().map(|view| {
            (
                format!("recommendation:{}", view.id),
                format!("{recommendation}: {}", view.title),
            )
        })),
        Err(AppError::Denied(_)) => {}
        Err(error) => return Err(visitor.fail(error)),
    }
    Ok(options)
}

/// The subject a form chose (`free`, `concern:<id>`, `recommendation:<id>`,
/// as [`candidates`] offers them),
/// or `None` when the value is none of these.
pub(in crate::web) fn chosen(value: &str) -> Option<ItemSubject> {
    match value.split_once(':') {
        None if value == "free" || value.is_empty() => Some(ItemSubject::Free),
        Some(("concern", id)) => ConcernId::parse(id).ok().map(ItemSubject::Concern),
        Some(("recommendation", id)) => RecommendationId::parse(id)
            .ok()
            .map(ItemSubject::Recommendation),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_chosen_subject_is_read_from_its_option() {
        let id = ConcernId::new();
        assert_eq!(
            chosen(&format!("concern:{id}")),
            Some(ItemSubject::Concern(id))
        );
        assert_eq!(chosen("free"), Some(ItemSubject::Free));
        assert_eq!(chosen("concern:not-an-id"), None);
        assert_eq!(chosen("project:1"), None);
    }
}
