//! The Fachstelle's steps on the recommendation page: publishing, and
//! recording the STG's decisions (adoption, supersession, closing) with
//! the meeting item or circular resolution that took them. The app checks
//! that decision exists and concerns this recommendation.

use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::Response;
use iiz_domain::basis::DecisionSource;
use iiz_domain::ids::MeetingId;
use iiz_domain::{RecommendationCommand, RecommendationId, ResolutionId};
use serde::Deserialize;

use super::detail::{Forms, show_with};
use super::respond::{day, free_text};
use crate::web::errors::{Failure, WebError};
use crate::web::forms::{FormErrors, Posted, done};
use crate::web::visitor::Visitor;

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct DecisionForm {
    /// `adopt`, `supersede` or `close`.
    pub decision_kind: String,
    /// The minuted decision, the reason or the final assessment.
    pub decision_text: String,
    pub decided_on: String,
    /// The recommendation that replaces this one (its id or address).
    pub successor: String,
    /// The meeting (its id or address) and the item's number …
    pub basis_meeting: String,
    pub basis_item: String,
    /// … or the circular resolution (its id or address).
    pub basis_resolution: String,
}

pub(super) const DECISION_FIELDS: &[&str] = &[
    "decision_kind",
    "decision_text",
    "decided_on",
    "successor",
    "basis_meeting",
    "basis_item",
    "basis_resolution",
];

/// The id in what was typed: the id itself or a page's address ending in it.
pub(super) fn last_segment(typed: &str) -> &str {
    let typed = typed.trim().trim_end_matches('/');
    typed.rsplit('/').next().unwrap_or(typed)
}

/// `POST /recommendations/{id}/publish`: publishes today.
pub async fn publish(
    Path(id): Path<String>,
    Posted { visitor, .. }: Posted<serde::de::IgnoredAny>,
) -> Result<Response, WebError> {
    visitor.signed_in()?;
    let id = super::recommendation_id(&visitor, &id)?;
    visitor
        .caller()
        .publish_recommendation(id)
        .await
        .map_err(|error| visitor.fail(error))?;
    Ok(done(&super::href(id), "recommendations-notice-published"))
}

/// Where the STG decided, as typed; the field's error otherwise.
pub(super) fn basis(
    visitor: &Visitor,
    (meeting, item, resolution): (&str, &str, &str),
    errors: &mut FormErrors,
) -> Option<DecisionSource> {
    let tr = visitor.tr;
    let (meeting, item, resolution) = (meeting.trim(), item.trim(), resolution.trim());
    match (meeting.is_empty(), item.is_empty(), resolution.is_empty()) {
        (false, false, true) => {
            let meeting = MeetingId::parse(last_segment(meeting)).ok();
            if meeting.is_none() {
                errors.add("basis_meeting", tr.t("recommendations-error-meeting"));
            }
            let item = item.parse::<u32>().ok().filter(|item| *item > 0);
            if item.is_none() {
                errors.add("basis_item", tr.t("recommendations-error-item"));
            }
            Some(DecisionSource::Meeting {
                meeting: meeting?,
                item: item?,
            })
        }
        (true, true, false) => {
            let resolution = ResolutionId::parse(last_segment(resolution)).ok();
            if resolution.is_none() {
                errors.add("basis_resolution", tr.t("recommendations-error-resolution"));
            }
            resolution.map(|resolution| DecisionSource::Resolution { resolution })
        }
        (false, true, true) => {
            errors.add("basis_item", tr.t("recommendations-error-item"));
            None
        }
        _ => {
            errors.add("basis_meeting", tr.t("recommendations-error-basis"));
            None
        }
    }
}

/// `POST /recommendations/{id}/decision`: records the STG's decision.
pub async fn record(
    Path(id): Path<String>,
    Posted { visitor, form }: Posted<DecisionForm>,
) -> Result<Response, WebError> {
    visitor.signed_in()?;
    let id = super::recommendation_id(&visitor, &id)?;
    let mut errors = FormErrors::none();
    let typed = (
        form.basis_meeting.as_str(),
        form.basis_item.as_str(),
        form.basis_resolution.as_str(),
    );
    let source = basis(&visitor, typed, &mut errors);
    let text = free_text(&visitor, &mut errors, "decision_text", &form.decision_text);
    if text.as_ref().is_some_and(|text| text.as_str().is_empty()) {
        errors.add(
            "decision_text",
            visitor.tr.t("recommendations-error-required"),
        );
    }
    let step = match form.decision_kind.as_str() {
        "adopt" => day(&visitor, &mut errors, "decided_on", &form.decided_on).map(Step::Adopt),
        "supersede" => {
            let by = RecommendationId::parse(last_segment(&form.successor)).ok();
            if by.is_none() {
                errors.add("successor", visitor.tr.t("recommendations-error-successor"));
            }
            by.map(Step::Supersede)
        }
        "close" => Some(Step::Close),
        _ => {
            return Err(visitor.refuse(Failure::BadRequest));
        }
    };
    let (Some(source), Some(text), Some(step), true) = (source, text, step, errors.is_empty())
    else {
        return refused(&visitor, id, form, errors).await;
    };
    let recorded = visitor
        .caller()
        .record_recommendation_decision(id, source, |decided_by| match step {
            Step::Adopt(on) => RecommendationCommand::Adopt {
                decision: text,
                on,
                decided_by,
            },
            Step::Supersede(by) => RecommendationCommand::Supersede {
                by,
                rationale: text,
                decided_by,
            },
            Step::Close => RecommendationCommand::Close {
                assessment: text,
                decided_by,
            },
        })
        .await;
    match recorded {
        Ok(_) => Ok(done(&super::href(id), "recommendations-notice-decided")),
        Err(error) => {
            let errors = FormErrors::of(error, &visitor, DECISION_FIELDS)?;
            refused(&visitor, id, form, errors).await
        }
    }
}

/// The decision a form records, with what only that decision needs.
enum Step {
    Adopt(chrono::NaiveDate),
    Supersede(RecommendationId),
    Close,
}

async fn refused(
    visitor: &Visitor,
    id: RecommendationId,
    form: DecisionForm,
    errors: FormErrors,
) -> Result<Response, WebError> {
    let forms = Forms {
        decision: form,
        decision_errors: errors,
        ..Forms::default()
    };
    show_with(visitor, id, Some(forms), StatusCode::UNPROCESSABLE_ENTITY).await
}
