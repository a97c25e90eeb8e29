//! An addressee's forms on the recommendation page: the answer (accept,
//! accept partly, reject, not relevant, with a justification) and the
//! implementation report (period, status, share done, narrative). The app
//! decides who may answer for whom; a refusal comes back on the page with
//! what was typed.

use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::Response;
use chrono::NaiveDate;
use iiz_domain::error::ErrorKind;
use iiz_domain::recommendation::{
    Acceptance, ImplementationReport, ImplementationStatus, ReportingPeriod,
};
use iiz_domain::text::FreeText;
use iiz_domain::{Party, RecommendationCommand, RecommendationId};
use serde::Deserialize;

use super::detail::{Forms, show_with};
use crate::web::errors::{Failure, WebError};
use crate::web::forms::{FormErrors, Posted, done};
use crate::web::visitor::Visitor;

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct AnswerForm {
    pub answer_addressee: String,
    pub acceptance: String,
    pub justification: String,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct ReportForm {
    pub report_addressee: String,
    pub period_from: String,
    pub period_to: String,
    pub status: String,
    pub percent: String,
    pub narrative: String,
}

const ANSWER_FIELDS: &[&str] = &["answer_addressee", "acceptance", "justification"];
const REPORT_FIELDS: &[&str] = &[
    "report_addressee",
    "period_from",
    "period_to",
    "status",
    "percent",
    "narrative",
];

fn bad_request(visitor: &Visitor) -> WebError {
    visitor.refuse(Failure::BadRequest)
}

/// A choice of a select: a value the page never offers is a request the
/// pages never make.
fn party(visitor: &Visitor, code: &str) -> Result<Party, WebError> {
    Party::parse(code).map_err(|_| bad_request(visitor))
}

/// A day typed into a date field, or the field's error.
pub fn day(
    visitor: &Visitor,
    errors: &mut FormErrors,
    field: &str,
    value: &str,
) -> Option<NaiveDate> {
    let parsed = NaiveDate::parse_from_str(value.trim(), "%Y-%m-%d").ok();
    if parsed.is_none() {
        errors.add(field, visitor.tr.t("recommendations-error-date"));
    }
    parsed
}

/// A free text typed into `field`, or the field's error.
pub fn free_text(
    visitor: &Visitor,
    errors: &mut FormErrors,
    field: &str,
    value: &str,
) -> Option<FreeText> {
    let parsed = FreeText::parse(value).ok();
    if parsed.is_none() {
        errors.add(field, visitor.tr.t("recommendations-error-text-too-long"));
    }
    parsed
}

/// `POST /recommendations/{id}/answer`.
pub async fn answer(
    Path(id): Path<String>,
    Posted { visitor, form }: Posted<AnswerForm>,
) -> Result<Response, WebError> {
    visitor.signed_in()?;
    let id = super::recommendation_id(&visitor, &id)?;
    let addressee = party(&visitor, &form.answer_addressee)?;
    let acceptance = Acceptance::ALL
        .into_iter()
        .find(|acceptance| acceptance.as_str() == form.acceptance)
        .ok_or_else(|| bad_request(&visitor))?;
    let mut errors = FormErrors::none();
    let justification = free_text(&visitor, &mut errors, "justification", &form.justification);
    let Some(justification) = justification else {
        return refused_answer(&visitor, id, form, errors).await;
    };
    let command = RecommendationCommand::Answer {
        addressee,
        acceptance,
        justification,
    };
    match visitor.caller().recommendation_command(id, command).await {
        Ok(_) => Ok(done(&super::href(id), "recommendations-notice-answered")),
        Err(error) => {
            let validation = error.kind() == Some(ErrorKind::Validation);
            let mut errors = FormErrors::of(error, &visitor, ANSWER_FIELDS)?;
            // The only typed input the answer's rules judge is the
            // justification (required unless the answer accepts): a
            // refused answer points there.
            if validation && !errors.failed("justification") {
                errors.add(
                    "justification",
                    visitor.tr.t("recommendations-error-justification"),
                );
            }
            refused_answer(&visitor, id, form, errors).await
        }
    }
}

async fn refused_answer(
    visitor: &Visitor,
    id: RecommendationId,
    form: AnswerForm,
    errors: FormErrors,
) -> Result<Response, WebError> {
    let forms = Forms {
        answer: form,
        answer_errors: errors,
        ..Forms::default()
    };
    show_with(visitor, id, Some(forms), StatusCode::UNPROCESSABLE_ENTITY).await
}

/// `POST /recommendations/{id}/report`.
pub async fn report(
    Path(id): Path<String>,
    Posted { visitor, form }: Posted<ReportForm>,
) -> Result<Response, WebError> {
    visitor.signed_in()?;
    let id = super::recommendation_id(&visitor, &id)?;
    let addressee = party(&visitor, &form.report_addressee)?;
    let status = ImplementationStatus::ALL
        .into_iter()
        .find(|status| status.as_str() == form.status)
        .ok_or_else(|| bad_request(&visitor))?;
    let mut errors = FormErrors::none();
    let from = day(&visitor, &mut errors, "period_from", &form.period_from);
    let to = day(&visitor, &mut errors, "period_to", &form.period_to);
    let percent = match form.percent.trim() {
        "" => Some(None),
        typed => {
            let parsed = typed.parse::<u8>().ok().filter(|percent| *percent <= 100);
            if parsed.is_none() {
                errors.add("percent", visitor.tr.t("recommendations-error-percent"));
            }
            parsed.map(Some)
        }
    };
    let narrative = free_text(&visitor, &mut errors, "narrative", &form.narrative);
    let (Some(from), Some(to), Some(percent), Some(narrative)) = (from, to, percent, narrative)
    else {
        return refused_report(&visitor, id, form, errors).await;
    };
    let command = RecommendationCommand::Report {
        addressee,
        report: ImplementationReport {
            period: ReportingPeriod { from, to },
            status,
            percent,
            narrative,
            evidence: Vec::new(),
        },
    };
    match visitor.caller().recommendation_command(id, command).await {
        Ok(_) => Ok(done(&super::href(id), "recommendations-notice-reported")),
        Err(error) => {
            let errors = FormErrors::of(error, &visitor, REPORT_FIELDS)?;
            refused_report(&visitor, id, form, errors).await
        }
    }
}

async fn refused_report(
    visitor: &Visitor,
    id: RecommendationId,
    form: ReportForm,
    errors: FormErrors,
) -> Result<Response, WebError> {
    let forms = Forms {
        report: form,
        report_errors: errors,
        ..Forms::default()
    };
    show_with(visitor, id, Some(forms), StatusCode::UNPROCESSABLE_ENTITY).await
}
