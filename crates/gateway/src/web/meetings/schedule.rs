//! `GET /meetings/new`, `POST /meetings/new`: the body's secretariat
//! schedules a meeting (day, time, place or online link).

use askama::Template;
use axum::extract::Query;
use axum::http::StatusCode;
use axum::response::Response;
use chrono::{NaiveDate, NaiveTime};
use iiz_app::meetings::NewMeeting;
use iiz_domain::meeting::Slot;
use iiz_domain::{BodyId, Link, Title};
use serde::Deserialize;

use super::visible_bodies;
use super::words::tkey;
use crate::web::errors::WebError;
use crate::web::forms::{FormErrors, Posted, done};
use crate::web::page::{Chrome, render};
use crate::web::visitor::Visitor;

#[derive(Debug, Clone, Default, Deserialize)]
pub struct ScheduleForm {
    #[serde(default)]
    pub body: String,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub day: String,
    #[serde(default)]
    pub starts: String,
    #[serde(default)]
    pub ends: String,
    #[serde(default)]
    pub place: String,
    #[serde(default)]
    pub online: String,
}

#[derive(Template)]
#[template(path = "meetings/schedule.html")]
pub struct SchedulePage {
    pub chrome: Chrome,
    pub form: ScheduleForm,
    pub bodies: Vec<(String, String)>,
    pub errors: FormErrors,
}

#[derive(Debug, Deserialize)]
pub struct Chosen {
    #[serde(default)]
    pub body: String,
}

/// The bodies whose meetings the visitor schedules, as options.
async fn bodies(visitor: &Visitor) -> Result<Vec<(String, String)>, WebError> {
    let principal = visitor.signed_in()?;
    Ok(visible_bodies(visitor)
        .await?
        .into_iter()
        .filter(|body| {
            body.active && iiz_app::authz::meeting::runs_meetings_of(principal, body.tenant)
        })
        .map(|body| {
            (
                body.id.to_string(),
                body.names.best(visitor.tr.language).to_owned(),
            )
        })
        .collect())
}

async fn show_form(
    visitor: &Visitor,
    form: ScheduleForm,
    errors: FormErrors,
    status: StatusCode,
) -> Result<Response, WebError> {
    let tr = visitor.tr;
    let chrome = Chrome::new(visitor, "meetings", tr.t("meetings-schedule"))
        .await?
        .crumb("/meetings", tr.t("meetings-title"));
    let page = SchedulePage {
        chrome,
        form,
        bodies: bodies(visitor).await?,
        errors,
    };
    render(&page, visitor, status)
}

/// `GET /meetings/new?body=…`.
pub async fn form(visitor: Visitor, Query(chosen): Query<Chosen>) -> Result<Response, WebError> {
    visitor.signed_in()?;
    let form = ScheduleForm {
        body: chosen.body,
        starts: "09:00".to_owned(),
        ends: "12:00".to_owned(),
        ..ScheduleForm::default()
    };
    show_form(&visitor, form, FormErrors::none(), StatusCode::OK).await
}

/// A day as `<input type="date">` sends it, or as people write it.
pub(in crate::web) fn day(value: &str) -> Option<NaiveDate> {
    let value = value.trim();
    NaiveDate::parse_from_str(value, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(value, "%d.%m.%Y"))
        .ok()
}

pub(in crate::web) fn time(value: &str) -> Option<NaiveTime> {
    NaiveTime::parse_from_str(value.trim(), "%H:%M").ok()
}

/// The meeting the form describes, or the errors at their fields.
fn parse(visitor: &Visitor, form: &ScheduleForm) -> Result<NewMeeting, FormErrors> {
    let tr = visitor.tr;
    let mut errors = FormErrors::none();
    let body = BodyId::parse(&form.body).ok();
    if body.is_none() {
        errors.add("body", tr.t("meetings-error-choose"));
    }
    let title = Title::parse(&form.title).ok();
    if title.is_none() {
        errors.add("title", tr.t("meetings-error-title"));
    }
    let day = day(&form.day);
    if day.is_none() {
        errors.add("day", tr.t("meetings-error-day"));
    }
    let starts = time(&form.starts);
    if starts.is_none() {
        errors.add("starts", tr.t("meetings-error-time"));
    }
    let ends = time(&form.ends);
    if ends.is_none() {
        errors.add("ends", tr.t("meetings-error-time"));
    }
    let place = match form.place.trim() {
        "" => None,
        place => {
            let parsed = Title::parse(place).ok();
            if parsed.is_none() {
                errors.add("place", tr.t("meetings-error-title"));
            }
            parsed
        }
    };
    let online = match form.online.trim() {
        "" => None,
        link => {
            let parsed = Link::parse(link).ok();
            if parsed.is_none() {
                errors.add("online", tr.t("meetings-error-link"));
            }
            parsed
        }
    };
    if form.place.trim().is_empty() && form.online.trim().is_empty() {
        errors.add("place", tr.t("meetings-error-place"));
    }
    match (body, title, day, starts, ends) {
        (Some(body), Some(title), Some(day), Some(starts), Some(ends)) if errors.is_empty() => {
            Ok(NewMeeting {
                body,
                joint_with: None,
                title,
                slot: Slot {
                    starts_at: day.and_time(starts),
                    ends_at: day.and_time(ends),
                    place,
                    online,
                },
            })
        }
        _ => Err(errors),
    }
}

/// `POST /meetings/new`.
pub async fn submit(posted: Posted<ScheduleForm>) -> Result<Response, WebError> {
    let Posted { visitor, form } = posted;
    visitor.signed_in()?;
    let new = match parse(&visitor, &form) {
        Ok(new) => new,
        Err(errors) => {
            return show_form(&visitor, form, errors, StatusCode::UNPROCESSABLE_ENTITY).await;
        }
    };
    match visitor.caller().schedule_meeting(new).await {
        Ok((id, _)) => Ok(done(
            &format!("/meetings/{id}"),
            tkey("meetings-notice-scheduled"),
        )),
        Err(error) => {
            let fields = ["body", "title", "day", "starts", "ends", "place", "online"];
            let errors = FormErrors::of(error, &visitor, &fields)?;
            show_form(&visitor, form, errors, StatusCode::UNPROCESSABLE_ENTITY).await
        }
    }
}
