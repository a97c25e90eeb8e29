//! `/admin/bodies/{id}`: one body, every seat it has had (who, which
//! seat, for which institution, from when to when), giving a seat and
//! ending one.

use std::collections::BTreeMap;
use std::collections::btree_map::Entry;

use askama::Template;
use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::Response;
use iiz_app::MAX_PAGE;
use iiz_domain::body::BodyCommand;
use iiz_domain::{BodyId, BodyRole, Institution, PersonId};
use serde::Deserialize;

use super::labels::{body_kind, body_role};
use super::{administered, bad_request, form_date, not_found, today};
use crate::web::errors::WebError;
use crate::web::format::person_name;
use crate::web::forms::{FormErrors, Posted, done};
use crate::web::page::{Chrome, render};
use crate::web::visitor::Visitor;

/// One seat of the body.
#[derive(Debug, Clone)]
pub struct SeatLine {
    pub person: String,
    pub name: String,
    pub role: String,
    pub institution: String,
    pub from: String,
    pub to: Option<String>,
}

/// The seat form as typed.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct SeatForm {
    #[serde(default)]
    pub person: String,
    #[serde(default)]
    pub role: String,
    #[serde(default)]
    pub institution: String,
    #[serde(default)]
    pub from: String,
}

#[derive(Debug, Clone, Default, Deserialize)]
pub struct UnseatForm {
    #[serde(default)]
    pub person: String,
    #[serde(default)]
    pub on: String,
}

#[derive(Template)]
#[template(path = "admin/body.html")]
pub struct BodyPage {
    pub chrome: Chrome,
    pub id: String,
    pub tenant: String,
    pub kind: String,
    pub mandate: String,
    pub active_from: String,
    pub active: bool,
    pub seats: Vec<SeatLine>,
    pub people: Vec<(String, String)>,
    pub roles: Vec<(String, String)>,
    pub form: SeatForm,
    pub errors: FormErrors,
    pub today: String,
}

fn body_id(visitor: &Visitor, id: &str) -> Result<BodyId, WebError> {
    BodyId::parse(id).map_err(|_| not_found(visitor))
}

/// `GET /admin/bodies/{id}`.
pub async fn page(visitor: Visitor, Path(id): Path<String>) -> Result<Response, WebError> {
    administered(&visitor)?;
    let id = body_id(&visitor, &id)?;
    let form = SeatForm {
        from: today(),
        role: BodyRole::Member.as_str().to_owned(),
        ..SeatForm::default()
    };
    let page = build(&visitor, id, form, FormErrors::none()).await?;
    render(&page, &visitor, StatusCode::OK)
}

async fn build(
    visitor: &Visitor,
    id: BodyId,
    form: SeatForm,
    errors: FormErrors,
) -> Result<BodyPage, WebError> {
    let tr = visitor.tr;
    let caller = visitor.caller();
    let fail = |error| visitor.fail(error);
    let body = caller.body(id).await.map_err(fail)?;
    let members = caller.body_members(id).await.map_err(fail)?;
    let people = caller
        .people(body.tenant, MAX_PAGE, None)
        .await
        .map_err(fail)?
        .items;
    let mut names: BTreeMap<PersonId, String> = people
        .iter()
        .map(|person| (person.id, person_name(tr, person.name.clone())))
        .collect();
    let mut seats = Vec::new();
    for seat in &members.seats {
        if let Entry::Vacant(entry) = names.entry(seat.person) {
            // Seated from another tenant: named if the visitor may see them.
            let name = caller.named_person(seat.person).await.map_or_else(
                |_| tr.t("admin-person-hidden"),
                |person| person_name(tr, person.name),
            );
            entry.insert(name);
        }
        seats.push(SeatLine {
            person: seat.person.to_string(),
            name: names.get(&seat.person).cloned().unwrap_or_default(),
            role: body_role(tr, seat.role),
            institution: seat.institution.clone(),
            from: crate::web::format::date(seat.from),
            to: seat.to.map(crate::web::format::date),
        });
    }
    let name = body.names.best(tr.language).to_owned();
    let chrome = Chrome::new(visitor, "admin", name)
        .await?
        .crumb("/admin", tr.t("admin-title"))
        .crumb(
            format!("/admin/bodies?tenant={}", body.tenant),
            tr.t("admin-bodies"),
        );
    Ok(BodyPage {
        chrome,
        id: id.to_string(),
        tenant: body.tenant.to_string(),
        kind: body_kind(tr, body.kind),
        mandate: body.mandate,
        active_from: crate::web::format::date(body.active_from),
        active: body.active,
        seats,
        people: people
            .into_iter()
            .filter(|person| !person.erased)
            .map(|person| (person.id.to_string(), person.name))
            .collect(),
        roles: BodyRole::ALL
            .into_iter()
            .map(|role| (role.as_str().to_owned(), body_role(tr, role)))
            .collect(),
        form,
        errors,
        today: today(),
    })
}

/// `POST /admin/bodies/{id}/seats`: gives a registered person a seat.
pub async fn seat(
    Path(id): Path<String>,
    Posted { visitor, form }: Posted<SeatForm>,
) -> Result<Response, WebError> {
    administered(&visitor)?;
    let tr = visitor.tr;
    let id = body_id(&visitor, &id)?;
    let role = BodyRole::parse(&form.role).map_err(|_| bad_request(&visitor))?;
    let mut errors = FormErrors::none();
    let person = PersonId::parse(&form.person)
        .map_err(|_| errors.add("person", tr.t("admin-person-choose")))
        .ok();
    let institution = Institution::parse(&form.institution)
        .map_err(|_| errors.add("institution", tr.t("admin-institution-invalid")))
        .ok();
    let from = form_date(&form.from);
    if from.is_none() {
        errors.add("from", tr.t("admin-date-invalid"));
    }
    if let (Some(person), Some(institution), Some(from)) = (person, institution, from) {
        let command = BodyCommand::AdmitMember {
            person,
            role,
            institution,
            from,
        };
        match visitor.caller().body_command(id, command).await {
            Ok(_) => return Ok(done(&format!("/admin/bodies/{id}"), "admin-seat-given")),
            Err(error) => {
                errors = FormErrors::of(error, &visitor, &["person", "institution", "from"])?;
            }
        }
    }
    let page = build(&visitor, id, form, errors).await?;
    render(&page, &visitor, StatusCode::UNPROCESSABLE_ENTITY)
}

/// `POST /admin/bodies/{id}/seats/remove`: ends a seat on a day.
pub async fn unseat(
    Path(id): Path<String>,
    Posted { visitor, form }: Posted<UnseatForm>,
) -> Result<Response, WebError> {
    administered(&visitor)?;
    let id = body_id(&visitor, &id)?;
    let person = PersonId::parse(&form.person).map_err(|_| bad_request(&visitor))?;
    let seat_form = SeatForm {
        from: today(),
        role: BodyRole::Member.as_str().to_owned(),
        ..SeatForm::default()
    };
    let errors = match form_date(&form.on) {
        None => FormErrors::field("on", visitor.tr.t("admin-date-invalid")),
        Some(on) => {
            let command = BodyCommand::RemoveMember { person, on };
            match visitor.caller().body_command(id, command).await {
                Ok(_) => return Ok(done(&format!("/admin/bodies/{id}"), "admin-seat-ended")),
                Err(error) => FormErrors::of(error, &visitor, &[])?,
            }
        }
    };
    let page = build(&visitor, id, seat_form, errors).await?;
    render(&page, &visitor, StatusCode::UNPROCESSABLE_ENTITY)
}
