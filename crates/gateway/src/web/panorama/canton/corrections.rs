//! `POST /cantons/{code}/profile/{year}/corrections/{proposal}/{step}`:
//! the canton confirms or rejects (with a reason) a correction the
//! Fachstelle proposed; the Fachstelle withdraws it. A refused rejection
//! shows the profile again with the reason as typed and the error beside it.

use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::Response;
use iiz_domain::text::FreeText;
use serde::Deserialize;

use super::profile::render_page;
use super::{canton_of, profile_path, year_of};
use crate::web::errors::{Failure, WebError};
use crate::web::forms::{FormErrors, Posted, done};

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct StepForm {
    pub reason: String,
}

/// `POST …/corrections/{proposal}/{confirm|reject|withdraw}`.
pub async fn step(
    Path((code, year, proposal, step)): Path<(String, String, String, String)>,
    Posted { visitor, form }: Posted<StepForm>,
) -> Result<Response, WebError> {
    visitor.signed_in()?;
    let canton = canton_of(&visitor, &code)?;
    let year = year_of(&visitor, &year)?;
    let proposal: u32 = proposal
        .parse()
        .map_err(|_| visitor.refuse(Failure::NotFound))?;
    let caller = visitor.caller();
    let tr = visitor.tr;
    let (outcome, notice) = match step.as_str() {
        "confirm" => (
            caller
                .confirm_profile_correction(canton, year, proposal)
                .await
                .map_err(|error| FormErrors::of(error, &visitor, &[])),
            "panorama-notice-correction-confirmed",
        ),
        "reject" => {
            let outcome = match FreeText::parse(form.reason.as_str()) {
                Ok(reason) if reason.is_empty() => Err(Ok(FormErrors::field(
                    "reason",
                    tr.t("panorama-error-reason-required"),
                ))),
                Ok(reason) => caller
                    .reject_profile_correction(canton, year, proposal, reason)
                    .await
                    .map_err(|error| FormErrors::of(error, &visitor, &["reason"])),
                Err(_) => Err(Ok(FormErrors::field(
                    "reason",
                    tr.t("panorama-error-too-long"),
                ))),
            };
            (outcome, "panorama-notice-correction-rejected")
        }
        "withdraw" => (
            caller
                .withdraw_profile_correction(canton, year, proposal)
                .await
                .map_err(|error| FormErrors::of(error, &visitor, &[])),
            "panorama-notice-correction-withdrawn",
        ),
        _ => return Err(visitor.refuse(Failure::NotFound)),
    };
    match outcome {
        Ok(_) => Ok(done(&profile_path(canton, year), notice)),
        Err(errors) => {
            render_page(
                &visitor,
                canton,
                year,
                Some((proposal, errors?, form.reason)),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
    }
}
