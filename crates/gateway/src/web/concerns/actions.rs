//! The steps on a concern posted from its page (or from a queue): each
//! calls the app as the person; success goes back where the form came
//! from with a notice, a refusal shows the concern's page again with the
//! form as typed and the error at its field.

use std::collections::BTreeMap;

use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::Response;
use iiz_app::AppError;
use iiz_domain::concern::{ReturnReason, StepOutcome};
use iiz_domain::text::FreeText;
use iiz_domain::{ConcernCommand, ConcernId, RecommendationId};

use super::detail::render_page;
use super::detail_forms::{Failed, Typed};
use super::labels::RETURN_REASONS;
use super::{concern_id, concern_path};
use crate::web::errors::WebError;
use crate::web::forms::{FormErrors, Posted, done, local_path};
use crate::web::i18n::Tr;
use crate::web::visitor::Visitor;

/// Why a step was not taken.
pub(super) enum StepError {
    /// What was typed does not parse: the errors at their fields.
    Field(FormErrors),
    /// The app refused (or failed).
    App(AppError),
}

impl From<AppError> for StepError {
    fn from(error: AppError) -> Self {
        Self::App(error)
    }
}

/// A posted step form: its visitor, the concern and what was typed.
pub(super) struct StepPost {
    pub visitor: Visitor,
    pub id: ConcernId,
    pub typed: Typed,
}

impl StepPost {
    pub(super) fn of(id: &str, posted: Posted<BTreeMap<String, String>>) -> Result<Self, WebError> {
        let Posted { visitor, form } = posted;
        visitor.signed_in()?;
        let id = concern_id(&visitor, id)?;
        Ok(Self {
            visitor,
            id,
            typed: Typed::of(form),
        })
    }

    /// A text field as free text, or its error in the visitor's words.
    pub(super) fn free(&self, field: &str) -> Result<FreeText, StepError> {
        FreeText::parse(self.typed.get(field)).map_err(|_| {
            StepError::Field(FormErrors::field(
                field,
                self.visitor.tr.t("concerns-error-too-long"),
            ))
        })
    }

    /// A choice that is not among the offered ones (a forged form).
    pub(super) fn bad_choice(&self, field: &str) -> StepError {
        StepError::Field(FormErrors::field(
            field,
            self.visitor.tr.t("concerns-error-choice"),
        ))
    }

    pub(super) fn tr(&self) -> Tr {
        self.visitor.tr
    }

    /// After the step: back where the form came from with `notice`, or
    /// the concern's page with the refused form (422).
    pub(super) async fn finish(
        self,
        form: &'static str,
        fields: &[&str],
        outcome: Result<(), StepError>,
        notice: &str,
    ) -> Result<Response, WebError> {
        let errors = match outcome {
            Ok(()) => {
                let back = match self.typed.get("back") {
                    "" => concern_path(self.id),
                    back => local_path(back),
                };
                return Ok(done(&back, notice));
            }
            Err(StepError::Field(errors)) => errors,
            Err(StepError::App(error)) => FormErrors::of(error, &self.visitor, fields)?,
        };
        let failed = Failed {
            form,
            typed: self.typed,
            errors,
        };
        render_page(
            &self.visitor,
            self.id,
            failed,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await
    }

    async fn command(&self, command: ConcernCommand) -> Result<(), StepError> {
        self.visitor
            .caller()
            .concern_command(self.id, command)
            .await?;
        Ok(())
    }
}

type Form = Posted<BTreeMap<String, String>>;

/// `POST /concerns/{id}/start-route`.
pub async fn start_route(Path(id): Path<String>, posted: Form) -> Result<Response, WebError> {
    let post = StepPost::of(&id, posted)?;
    let outcome = post.command(ConcernCommand::StartRoute).await;
    post.finish("start_route", &[], outcome, "concerns-notice-route-started")
        .await
}

fn step_outcome(value: &str) -> Option<StepOutcome> {
    [
        StepOutcome::Approved,
        StepOutcome::Discussed,
        StepOutcome::Noted,
        StepOutcome::Returned,
    ]
    .into_iter()
    .find(|outcome| super::labels::step_outcome_value(*outcome) == value)
}

/// `POST /concerns/{id}/step`: the route step the concern waits at.
pub async fn record_step(Path(id): Path<String>, posted: Form) -> Result<Response, WebError> {
    let post = StepPost::of(&id, posted)?;
    let outcome = async {
        let step = post
            .typed
            .get("step")
            .parse::<usize>()
            .map_err(|_| post.bad_choice("step_outcome"))?;
        let outcome = step_outcome(post.typed.get("step_outcome"))
            .ok_or_else(|| post.bad_choice("step_outcome"))?;
        let rationale = post.free("step_rationale")?;
        post.command(ConcernCommand::RecordStep {
            step,
            outcome,
            rationale,
        })
        .await
    }
    .await;
    post.finish(
        "step",
        &["step_outcome", "step_rationale"],
        outcome,
        "concerns-notice-step-recorded",
    )
    .await
}

/// `POST /concerns/{id}/resolve`: solved in the canton.
pub async fn resolve_locally(Path(id): Path<String>, posted: Form) -> Result<Response, WebError> {
    let post = StepPost::of(&id, posted)?;
    let outcome = async {
        let rationale = post.free("resolve_rationale")?;
        post.command(ConcernCommand::ResolveLocally { rationale })
            .await
    }
    .await;
    post.finish(
        "resolve",
        &["resolve_rationale"],
        outcome,
        "concerns-notice-resolved",
    )
    .await
}

/// `POST /concerns/{id}/withdraw`.
pub async fn withdraw(Path(id): Path<String>, posted: Form) -> Result<Response, WebError> {
    let post = StepPost::of(&id, posted)?;
    let outcome = async {
        let rationale = post.free("withdraw_rationale")?;
        post.command(ConcernCommand::Withdraw { rationale }).await
    }
    .await;
    post.finish(
        "withdraw",
        &["withdraw_rationale"],
        outcome,
        "concerns-notice-withdrawn",
    )
    .await
}

/// `POST /concerns/{id}/endorse`: for the first party the person speaks
/// for that does not support it yet.
pub async fn endorse(Path(id): Path<String>, posted: Form) -> Result<Response, WebError> {
    let post = StepPost::of(&id, posted)?;
    let outcome = async {
        let reason = post.free("endorse_reason")?;
        let by = post.visitor.caller().default_endorser(post.id).await?;
        post.command(ConcernCommand::Endorse { by, reason }).await
    }
    .await;
    post.finish(
        "endorse",
        &["endorse_reason"],
        outcome,
        "concerns-notice-endorsed",
    )
    .await
}

/// `POST /concerns/{id}/accept`: the Fachstelle accepts it for the EKG.
pub async fn accept(Path(id): Path<String>, posted: Form) -> Result<Response, WebError> {
    let post = StepPost::of(&id, posted)?;
    let outcome = async {
        let note = post.free("accept_note")?;
        post.command(ConcernCommand::Accept { note }).await
    }
    .await;
    post.finish(
        "accept",
        &["accept_note"],
        outcome,
        "concerns-notice-accepted",
    )
    .await
}

/// `POST /concerns/{id}/return`: back to its originator, with the reason.
pub async fn return_to_origin(Path(id): Path<String>, posted: Form) -> Result<Response, WebError> {
    let post = StepPost::of(&id, posted)?;
    let outcome = async {
        let reason: ReturnReason = RETURN_REASONS
            .iter()
            .find(|(_, value)| *value == post.typed.get("return_reason"))
            .map(|(reason, _)| *reason)
            .ok_or_else(|| post.bad_choice("return_reason"))?;
        let rationale = post.free("return_rationale")?;
        let needed = post.free("return_needed")?;
        post.command(ConcernCommand::Return {
            reason,
            rationale,
            needed,
        })
        .await
    }
    .await;
    post.finish(
        "return",
        &["return_reason", "return_rationale", "return_needed"],
        outcome,
        "concerns-notice-returned",
    )
    .await
}

/// `POST /concerns/{id}/bring-to-stg`: straight to the STG, with the reason.
pub async fn bring_to_stg(Path(id): Path<String>, posted: Form) -> Result<Response, WebError> {
    let post = StepPost::of(&id, posted)?;
    let outcome = async {
        let reason = post.free("bring_reason")?;
        post.visitor
            .caller()
            .bring_concern_to_stg(post.id, reason)
            .await?;
        Ok::<(), StepError>(())
    }
    .await;
    post.finish(
        "bring",
        &["bring_reason"],
        outcome,
        "concerns-notice-brought-to-stg",
    )
    .await
}

/// `POST /concerns/{id}/answer`: the official answer to every submitter
/// and endorser, naming the recommendation when the STG decided on one.
pub async fn answer(Path(id): Path<String>, posted: Form) -> Result<Response, WebError> {
    let post = StepPost::of(&id, posted)?;
    let outcome = async {
        let text = post.free("answer_text")?;
        let recommendation = match post.typed.get("answer_recommendation").trim() {
            "" => None,
            id => Some(RecommendationId::parse(id).map_err(|_| {
                StepError::Field(FormErrors::field(
                    "answer_recommendation",
                    post.tr().t("concerns-error-id"),
                ))
            })?),
        };
        post.command(ConcernCommand::Answer {
            text,
            recommendation,
        })
        .await
    }
    .await;
    post.finish(
        "answer",
        &["answer_text", "answer_recommendation"],
        outcome,
        "concerns-notice-answered",
    )
    .await
}
