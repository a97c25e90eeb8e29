//! `GET /bodies/{id}/resolutions/new`, `POST`: the body's secretariat (or
//! its chair) proposes a circular resolution to the voting members — the
//! question, its subject, the effect if carried and the deadline.

use askama::Template;
use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::Response;
use iiz_app::meetings::ics::swiss_to_utc;
use iiz_app::meetings::swiss_today;
use iiz_app::resolutions::NewResolution;
use iiz_domain::{BodyId, Title};
use iiz_projections::BodyView;
use serde::Deserialize;

use crate::web::errors::{Failure, WebError};
use crate::web::forms::{FormErrors, Posted, done};
use crate::web::meetings::effect::{
    self, EffectForm, effect_options, ekg_options, free_text, required_text, stg_options,
};
use crate::web::meetings::subjects::{candidates, chosen};
use crate::web::meetings::words::tkey;
use crate::web::page::{Chrome, render};
use crate::web::visitor::Visitor;

#[derive(Debug, Clone, Default, Deserialize)]
pub struct ProposeForm {
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub subject: String,
    #[serde(default)]
    pub decision: String,
    #[serde(default)]
    pub rationale: String,
    #[serde(default)]
    pub deadline_day: String,
    #[serde(default)]
    pub deadline_time: String,
    #[serde(default)]
    pub effect: String,
    #[serde(default)]
    pub ekg_outcome: String,
    #[serde(default)]
    pub stg_outcome: String,
    #[serde(default)]
    pub working_group: String,
    #[serde(default)]
    pub answer: String,
    #[serde(default)]
    pub question: String,
}

#[derive(Template)]
#[template(path = "resolutions/propose.html")]
pub struct ProposePage {
    pub chrome: Chrome,
    pub id: String,
    pub form: ProposeForm,
    pub subjects: Vec<(String, String)>,
    pub effects: Vec<(String, String)>,
    pub ekg_outcomes: Vec<(String, String)>,
    pub stg_outcomes: Vec<(String, String)>,
    pub errors: FormErrors,
}

/// The deadline a new resolution suggests: two weeks on, at noon.
const SUGGESTED_DAYS: u64 = 14;

async fn body(visitor: &Visitor, id: &str) -> Result<BodyView, WebError> {
    visitor.signed_in()?;
    let id = BodyId::parse(id).map_err(|_| visitor.refuse(Failure::NotFound))?;
    visitor
        .caller()
        .body(id)
        .await
        .map_err(|error| visitor.fail(error))
}

async fn show_form(
    visitor: &Visitor,
    body: &BodyView,
    form: ProposeForm,
    errors: FormErrors,
    status: StatusCode,
) -> Result<Response, WebError> {
    let tr = visitor.tr;
    let chrome = Chrome::new(visitor, "bodies", tr.t("resolutions-propose"))
        .await?
        .crumb("/bodies", tr.t("bodies-title"))
        .crumb(
            format!("/bodies/{}", body.id),
            body.names.best(tr.language).to_owned(),
        );
    let page = ProposePage {
        chrome,
        id: body.id.to_string(),
        form,
        subjects: candidates(visitor).await?,
        effects: effect_options(tr),
        ekg_outcomes: ekg_options(tr),
        stg_outcomes: stg_options(tr),
        errors,
    };
    render(&page, visitor, status)
}

/// `GET /bodies/{id}/resolutions/new`.
pub async fn form(visitor: Visitor, Path(id): Path<String>) -> Result<Response, WebError> {
    let body = body(&visitor, &id).await?;
    let deadline = swiss_today()
        .checked_add_days(chrono::Days::new(SUGGESTED_DAYS))
        .unwrap_or_else(swiss_today);
    let form = ProposeForm {
        deadline_day: deadline.to_string(),
        deadline_time: "12:00".to_owned(),
        ..ProposeForm::default()
    };
    show_form(&visitor, &body, form, FormErrors::none(), StatusCode::OK).await
}

fn parse(visitor: &Visitor, body: BodyId, form: &ProposeForm) -> Result<NewResolution, FormErrors> {
    let tr = visitor.tr;
    let mut errors = FormErrors::none();
    let title = Title::parse(&form.title).ok();
    if title.is_none() {
        errors.add("title", tr.t("meetings-error-title"));
    }
    let subject = chosen(&form.subject);
    if subject.is_none() {
        errors.add("subject", tr.t("meetings-error-choose"));
    }
    let decision = required_text(tr, "decision", &form.decision, &mut errors);
    let rationale = free_text(tr, "rationale", &form.rationale, &mut errors);
    let day = crate::web::meetings::schedule_day(&form.deadline_day);
    if day.is_none() {
        errors.add("deadline_day", tr.t("meetings-error-day"));
    }
    let time = crate::web::meetings::schedule_time(&form.deadline_time);
    if time.is_none() {
        errors.add("deadline_time", tr.t("meetings-error-time"));
    }
    let effect_form = EffectForm {
        effect: form.effect.clone(),
        ekg_outcome: form.ekg_outcome.clone(),
        stg_outcome: form.stg_outcome.clone(),
        working_group: form.working_group.clone(),
        answer: form.answer.clone(),
        question: form.question.clone(),
    };
    let effect = effect::parse(tr, &effect_form, &mut errors);
    match (title, subject, day, time) {
        (Some(title), Some(subject), Some(day), Some(time)) if errors.is_empty() => {
            Ok(NewResolution {
                body,
                subject,
                effect,
                title,
                decision,
                rationale,
                deadline: swiss_to_utc(day.and_time(time)),
            })
        }
        _ => Err(errors),
    }
}

/// `POST /bodies/{id}/resolutions/new`.
pub async fn submit(
    Path(id): Path<String>,
    posted: Posted<ProposeForm>,
) -> Result<Response, WebError> {
    let Posted { visitor, form } = posted;
    let body = body(&visitor, &id).await?;
    let unprocessable = StatusCode::UNPROCESSABLE_ENTITY;
    let new = match parse(&visitor, body.id, &form) {
        Ok(new) => new,
        Err(errors) => return show_form(&visitor, &body, form, errors, unprocessable).await,
    };
    match visitor.caller().propose_resolution(new).await {
        Ok((resolution, _)) => Ok(done(
            &format!("/resolutions/{resolution}"),
            tkey("resolutions-notice-proposed"),
        )),
        Err(error) => {
            let fields = ["title", "subject", "decision", "deadline_day", "effect"];
            let errors = FormErrors::of(error, &visitor, &fields)?;
            show_form(&visitor, &body, form, errors, unprocessable).await
        }
    }
}
