//! What the paths of IIZ 3.0, 2.1 beside the regular one change in a
//! concern's view and timeline: brought straight to the STG by the
//! Fachstelle, referred by the STG to the EKG with a question and back
//! with its assessment, and what the STG's decision created or linked.

use iiz_domain::ConcernEvent;
use iiz_domain::concern::ConcernStage;

use super::timeline::some_text;
use super::view::{ConcernView, FollowUpView, TimelineEntry};

pub(super) fn apply(view: &mut ConcernView, entry: &mut TimelineEntry, event: &ConcernEvent) {
    match event {
        ConcernEvent::BroughtToStg { reason } => {
            view.stage = ConcernStage::AtStg;
            entry.text = some_text(reason.as_str());
        }
        ConcernEvent::ReferredToEkg {
            question,
            decided_by,
        } => {
            view.stage = ConcernStage::ReferredToEkg;
            view.ekg_question = Some(question.as_str().to_owned());
            view.ekg_assessment = None;
            entry.text = some_text(question.as_str());
            entry.decided_by = Some(decided_by.clone());
        }
        ConcernEvent::Assessed {
            assessment,
            decided_by,
        } => {
            view.stage = ConcernStage::AtStg;
            view.ekg_assessment = Some(assessment.as_str().to_owned());
            entry.detail.clone_from(&view.ekg_question);
            entry.text = some_text(assessment.as_str());
            entry.decided_by = Some(decided_by.clone());
        }
        ConcernEvent::FollowUpLinked { link, title } => {
            view.follow_ups.push(FollowUpView {
                link: *link,
                title: title.as_str().to_owned(),
            });
            entry.outcome = Some(link.as_str().to_owned());
            entry.subject = Some(link.target());
            entry.detail = Some(title.as_str().to_owned());
        }
        _ => {}
    }
}
