//! The bodies' steps the Fachstelle records as their secretariat: the
//! EKG's examination, the STG's decision, the STG's referral to the EKG and
//! the EKG's assessment, each naming the meeting item or circular
//! resolution that decided it (the app checks that decision exists).

use std::collections::BTreeMap;

use axum::extract::Path;
use axum::response::Response;
use iiz_domain::ResolutionId;
use iiz_domain::basis::DecisionSource;
use iiz_domain::concern::EkgOutcome;
use iiz_domain::follow_up::StgOutcome;
use iiz_domain::ids::MeetingId;

use super::actions::{StepError, StepPost};
use super::labels::STG_OUTCOMES;
use crate::web::errors::WebError;
use crate::web::forms::{FormErrors, Posted};

type Form = Posted<BTreeMap<String, String>>;

/// The decision named by the form `prefix`: one chosen from the list, else
/// a meeting and its item, or a resolution, exactly one of the two.
fn basis(post: &StepPost, prefix: &str) -> Result<DecisionSource, StepError> {
    let field = format!("{prefix}_basis");
    let wrong = |key: &str| StepError::Field(FormErrors::field(&field, post.tr().t(key)));
    let chosen = post.typed.of_form(prefix, "decision");
    let (meeting, item, resolution) = match chosen.split(':').collect::<Vec<_>>()[..] {
        ["meeting", meeting, item] => (meeting, item, ""),
        ["resolution", resolution] => ("", "", resolution),
        [""] => (
            post.typed.of_form(prefix, "meeting").trim(),
            post.typed.of_form(prefix, "item").trim(),
            post.typed.of_form(prefix, "resolution").trim(),
        ),
        _ => return Err(post.bad_choice(&field)),
    };
    match (meeting.is_empty(), item.is_empty(), resolution.is_empty()) {
        (false, false, true) => Ok(DecisionSource::Meeting {
            meeting: MeetingId::parse(meeting).map_err(|_| wrong("concerns-error-id"))?,
            item: item
                .parse()
                .map_err(|_| wrong("concerns-error-basis-item"))?,
        }),
        (true, true, false) => Ok(DecisionSource::Resolution {
            resolution: ResolutionId::parse(resolution).map_err(|_| wrong("concerns-error-id"))?,
        }),
        _ => Err(wrong("concerns-error-basis")),
    }
}

fn stg_outcome(post: &StepPost, field: &str) -> Result<StgOutcome, StepError> {
    STG_OUTCOMES
        .iter()
        .find(|(_, value)| *value == post.typed.get(field))
        .map(|(outcome, _)| *outcome)
        .ok_or_else(|| post.bad_choice(field))
}

/// The EKG's outcome from its kind and the field that kind needs.
fn ekg_outcome(post: &StepPost) -> Result<EkgOutcome, StepError> {
    Ok(match post.typed.get("examine_outcome") {
        "handle_in_ekg" => EkgOutcome::HandleInEkg,
        "give_to_working_group" => EkgOutcome::GiveToWorkingGroup {
            working_group: post.free("examine_working_group")?,
            mandate: None,
        },
        "propose_to_stg" => EkgOutcome::ProposeToStg {
            proposal: stg_outcome(post, "examine_proposal")?,
        },
        "close_with_answer" => EkgOutcome::CloseWithAnswer {
            answer: post.free("examine_answer")?,
        },
        _ => return Err(post.bad_choice("examine_outcome")),
    })
}

/// `POST /concerns/{id}/examine`.
pub async fn examine(Path(id): Path<String>, posted: Form) -> Result<Response, WebError> {
    let post = StepPost::of(&id, posted)?;
    let outcome = async {
        let outcome = ekg_outcome(&post)?;
        let rationale = post.free("examine_rationale")?;
        let basis = basis(&post, "examine")?;
        post.visitor
            .caller()
            .examine_concern(post.id, outcome, rationale, basis)
            .await?;
        Ok::<(), StepError>(())
    }
    .await;
    post.finish(
        "examine",
        &[
            "examine_outcome",
            "examine_working_group",
            "examine_answer",
            "examine_rationale",
            "examine_basis",
        ],
        outcome,
        "concerns-notice-examined",
    )
    .await
}

/// `POST /concerns/{id}/decide`.
pub async fn decide(Path(id): Path<String>, posted: Form) -> Result<Response, WebError> {
    let post = StepPost::of(&id, posted)?;
    let outcome = async {
        let outcome = stg_outcome(&post, "decide_outcome")?;
        let decision = post.free("decide_decision")?;
        let rationale = post.free("decide_rationale")?;
        let basis = basis(&post, "decide")?;
        post.visitor
            .caller()
            .decide_concern(post.id, outcome, decision, rationale, basis)
            .await?;
        Ok::<(), StepError>(())
    }
    .await;
    post.finish(
        "decide",
        &[
            "decide_outcome",
            "decide_decision",
            "decide_rationale",
            "decide_basis",
        ],
        outcome,
        "concerns-notice-decided",
    )
    .await
}

/// `POST /concerns/{id}/refer`: the STG's question to the EKG.
pub async fn refer(Path(id): Path<String>, posted: Form) -> Result<Response, WebError> {
    let post = StepPost::of(&id, posted)?;
    let outcome = async {
        let question = post.free("refer_question")?;
        let basis = basis(&post, "refer")?;
        post.visitor
            .caller()
            .record_concern_referral(post.id, question, basis)
            .await?;
        Ok::<(), StepError>(())
    }
    .await;
    post.finish(
        "refer",
        &["refer_question", "refer_basis"],
        outcome,
        "concerns-notice-referred",
    )
    .await
}

/// `POST /concerns/{id}/assess`: the EKG's answer to the STG's question.
pub async fn assess(Path(id): Path<String>, posted: Form) -> Result<Response, WebError> {
    let post = StepPost::of(&id, posted)?;
    let outcome = async {
        let assessment = post.free("assess_assessment")?;
        let basis = basis(&post, "assess")?;
        post.visitor
            .caller()
            .record_ekg_assessment(post.id, assessment, basis)
            .await?;
        Ok::<(), StepError>(())
    }
    .await;
    post.finish(
        "assess",
        &["assess_assessment", "assess_basis"],
        outcome,
        "concerns-notice-assessed",
    )
    .await
}
