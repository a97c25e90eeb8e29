//! The secretariat records an item's minutes: the note, the decision (by
//! consensus or vote, who was present) and its effect on the item's
//! concern or recommendation, carried out in the same command; and
//! approves the minutes on the chair's behalf.

use std::collections::BTreeSet;

use askama::Template;
use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::Response;
use iiz_domain::PersonId;
use iiz_domain::meeting::{Approval, Decision, MeetingCommand, Resolution};
use iiz_domain::text::FreeText;
use iiz_projections::MeetingView;
use serde::Deserialize;

use super::detail::meeting_id;
use super::effect::{self, EffectForm, effect_options, ekg_options, free_text, stg_options};
use super::names::Names;
use super::words::tkey;
use crate::web::errors::{Failure, WebError};
use crate::web::forms::{FormErrors, Posted, done};
use crate::web::page::{Chrome, render};
use crate::web::visitor::Visitor;

#[derive(Debug, Clone, Default, Deserialize)]
pub struct MinutesForm {
    #[serde(default)]
    pub note: String,
    #[serde(default)]
    pub outcome: String,
    #[serde(default)]
    pub rationale: String,
    /// `consensus` or `vote`.
    #[serde(default)]
    pub resolution: String,
    #[serde(default)]
    pub yes: String,
    #[serde(default)]
    pub no: String,
    #[serde(default)]
    pub abstain: String,
    #[serde(default)]
    pub present: Vec<String>,
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

impl MinutesForm {
    fn effect_form(&self) -> EffectForm {
        EffectForm {
            effect: self.effect.clone(),
            ekg_outcome: self.ekg_outcome.clone(),
            stg_outcome: self.stg_outcome.clone(),
            working_group: self.working_group.clone(),
            answer: self.answer.clone(),
            question: self.question.clone(),
        }
    }
}

/// A member who may be minuted as present.
#[derive(Debug, Clone)]
pub struct Attendee {
    pub id: String,
    pub name: String,
    pub present: bool,
}

#[derive(Template)]
#[template(path = "meetings/minutes.html")]
pub struct MinutesPage {
    pub chrome: Chrome,
    pub id: String,
    pub number: u32,
    pub item: String,
    pub form: MinutesForm,
    pub attendees: Vec<Attendee>,
    pub resolutions: Vec<(String, String)>,
    pub effects: Vec<(String, String)>,
    pub ekg_outcomes: Vec<(String, String)>,
    pub stg_outcomes: Vec<(String, String)>,
    pub errors: FormErrors,
}

async fn meeting(visitor: &Visitor, id: &str) -> Result<MeetingView, WebError> {
    visitor.signed_in()?;
    visitor
        .caller()
        .meeting(meeting_id(id, visitor)?)
        .await
        .map_err(|error| visitor.fail(error))
}

async fn show_form(
    visitor: &Visitor,
    view: &MeetingView,
    number: u32,
    form: MinutesForm,
    errors: FormErrors,
    status: StatusCode,
) -> Result<Response, WebError> {
    let tr = visitor.tr;
    let item = view
        .item(number)
        .ok_or_else(|| visitor.refuse(Failure::NotFound))?;
    let mut members = Vec::new();
    for body in &view.bodies {
        let seats = visitor
            .caller()
            .body_members(*body)
            .await
            .map_err(|error| visitor.fail(error))?;
        members.extend(seats.current().map(|seat| seat.person));
    }
    members.dedup();
    let names = Names::of(visitor, members.clone()).await?;
    let attendees = members
        .iter()
        .map(|person| Attendee {
            id: person.to_string(),
            name: names.person(*person),
            present: form.present.contains(&person.to_string()),
        })
        .collect();
    let title = tr.t1("meetings-minutes-of", "number", number);
    let chrome = Chrome::new(visitor, "meetings", title)
        .await?
        .crumb("/meetings", tr.t("meetings-title"))
        .crumb(format!("/meetings/{}", view.id), view.title.clone());
    let page = MinutesPage {
        chrome,
        id: view.id.to_string(),
        number,
        item: item.item.title.as_str().to_owned(),
        form,
        attendees,
        resolutions: vec![
            ("consensus".to_owned(), tr.t("meetings-consensus")),
            ("vote".to_owned(), tr.t("meetings-vote")),
        ],
        effects: effect_options(tr),
        ekg_outcomes: ekg_options(tr),
        stg_outcomes: stg_options(tr),
        errors,
    };
    render(&page, visitor, status)
}

/// `GET /meetings/{id}/items/{number}/minutes`.
pub async fn form(
    visitor: Visitor,
    Path((id, number)): Path<(String, u32)>,
) -> Result<Response, WebError> {
    let view = meeting(&visitor, &id).await?;
    let mut form = MinutesForm {
        resolution: "consensus".to_owned(),
        ..MinutesForm::default()
    };
    // Everyone invited is present unless the secretariat unticks them.
    for body in &view.bodies {
        let seats = visitor
            .caller()
            .body_members(*body)
            .await
            .map_err(|error| visitor.fail(error))?;
        form.present
            .extend(seats.current().map(|seat| seat.person.to_string()));
    }
    // What was minuted before is corrected, not typed again.
    if let Some(minutes) = view.item(number).and_then(|item| item.minutes.as_ref()) {
        form.note = minutes.note.clone();
        if let Some(decision) = &minutes.decision {
            form.outcome = decision.outcome.as_str().to_owned();
            form.rationale = decision.rationale.as_str().to_owned();
            form.present = decision.present.iter().map(ToString::to_string).collect();
        }
    }
    show_form(
        &visitor,
        &view,
        number,
        form,
        FormErrors::none(),
        StatusCode::OK,
    )
    .await
}

fn count(value: &str, field: &str, visitor: &Visitor, errors: &mut FormErrors) -> u32 {
    match value.trim() {
        "" => 0,
        number => number.parse().unwrap_or_else(|_| {
            errors.add(field, visitor.tr.t("meetings-error-count"));
            0
        }),
    }
}

fn parse(
    visitor: &Visitor,
    form: &MinutesForm,
) -> Result<(FreeText, Option<Decision>), FormErrors> {
    let tr = visitor.tr;
    let mut errors = FormErrors::none();
    let note = free_text(tr, "note", &form.note, &mut errors);
    let effect = effect::parse(tr, &form.effect_form(), &mut errors);
    let outcome = free_text(tr, "outcome", &form.outcome, &mut errors);
    let rationale = free_text(tr, "rationale", &form.rationale, &mut errors);
    let decided = !form.outcome.trim().is_empty() || effect.is_some();
    if decided && form.outcome.trim().is_empty() {
        errors.add("outcome", tr.t("meetings-error-outcome"));
    }
    let resolution = match form.resolution.as_str() {
        "vote" => Resolution::Vote {
            yes: count(&form.yes, "yes", visitor, &mut errors),
            no: count(&form.no, "no", visitor, &mut errors),
            abstain: count(&form.abstain, "abstain", visitor, &mut errors),
        },
        _ => Resolution::Consensus,
    };
    let present: BTreeSet<PersonId> = form
        .present
        .iter()
        .filter_map(|id| PersonId::parse(id).ok())
        .collect();
    if !errors.is_empty() {
        return Err(errors);
    }
    let decision = decided.then_some(Decision {
        outcome,
        rationale,
        resolution,
        present,
        effect,
    });
    Ok((note, decision))
}

/// `POST /meetings/{id}/items/{number}/minutes`.
pub async fn record(
    Path((id, number)): Path<(String, u32)>,
    posted: Posted<MinutesForm>,
) -> Result<Response, WebError> {
    let Posted { visitor, form } = posted;
    let view = meeting(&visitor, &id).await?;
    let unprocessable = StatusCode::UNPROCESSABLE_ENTITY;
    let (note, decision) = match parse(&visitor, &form) {
        Ok(parsed) => parsed,
        Err(errors) => {
            return show_form(&visitor, &view, number, form, errors, unprocessable).await;
        }
    };
    let command = MeetingCommand::RecordMinutes {
        number,
        note,
        decision,
    };
    match visitor.caller().meeting_command(view.id, command).await {
        Ok(_) => Ok(done(
            &format!("/meetings/{}#item-{number}", view.id),
            tkey("meetings-notice-minuted"),
        )),
        Err(error) => {
            let fields = ["note", "outcome", "rationale", "effect", "stg_outcome"];
            let errors = FormErrors::of(error, &visitor, &fields)?;
            show_form(&visitor, &view, number, form, errors, unprocessable).await
        }
    }
}

/// `POST /meetings/{id}/approve`: the minutes approved on the chair's
/// behalf (the app decides who may).
pub async fn approve(
    Path(id): Path<String>,
    posted: Posted<super::agenda::ReasonForm>,
) -> Result<Response, WebError> {
    let Posted { visitor, .. } = posted;
    let view = meeting(&visitor, &id).await?;
    let command = MeetingCommand::ApproveMinutes {
        approval: Approval::ByChair,
    };
    if let Err(error) = visitor.caller().meeting_command(view.id, command).await {
        let errors = FormErrors::of(error, &visitor, &[])?;
        let status = StatusCode::UNPROCESSABLE_ENTITY;
        return super::detail::show_meeting(&visitor, view.id, errors, status).await;
    }
    Ok(done(
        &format!("/meetings/{}", view.id),
        tkey("meetings-notice-approved"),
    ))
}
