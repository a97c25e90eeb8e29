//! The secretariat prepares the agenda: adds an item (with its subject,
//! note and a document), moves an item up, withdraws one, and sends the
//! agenda (again, after revisions, which then need a reason).

use askama::Template;
use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::Response;
use iiz_domain::ids::MeetingId;
use iiz_domain::meeting::{AgendaItem, ItemPurpose, MeetingCommand};
use iiz_domain::text::{Attachment, FreeText};
use iiz_domain::{Link, Title};
use iiz_projections::MeetingView;
use serde::Deserialize;

use super::detail::meeting_id;
use super::effect::free_text;
use super::subjects::{candidates, chosen};
use super::words::{self, tkey};
use crate::web::errors::WebError;
use crate::web::forms::{FormErrors, Posted, done};
use crate::web::page::{Chrome, render};
use crate::web::visitor::Visitor;

#[derive(Debug, Clone, Default, Deserialize)]
pub struct ItemForm {
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub purpose: String,
    #[serde(default)]
    pub subject: String,
    #[serde(default)]
    pub note: String,
    #[serde(default)]
    pub document_title: String,
    #[serde(default)]
    pub document_link: String,
    #[serde(default)]
    pub reason: String,
}

#[derive(Template)]
#[template(path = "meetings/item.html")]
pub struct ItemPage {
    pub chrome: Chrome,
    pub id: String,
    pub form: ItemForm,
    pub purposes: Vec<(String, String)>,
    pub subjects: Vec<(String, String)>,
    /// The agenda went out: a change is a revision and needs a reason.
    pub sent: bool,
    pub errors: FormErrors,
}

const PURPOSES: [(&str, ItemPurpose); 3] = [
    ("decision", ItemPurpose::Decision),
    ("discussion", ItemPurpose::Discussion),
    ("information", ItemPurpose::Information),
];

async fn show_form(
    visitor: &Visitor,
    view: &MeetingView,
    form: ItemForm,
    errors: FormErrors,
    status: StatusCode,
) -> Result<Response, WebError> {
    let tr = visitor.tr;
    let chrome = Chrome::new(visitor, "meetings", tr.t("meetings-add-item"))
        .await?
        .crumb("/meetings", tr.t("meetings-title"))
        .crumb(format!("/meetings/{}", view.id), view.title.clone());
    let page = ItemPage {
        chrome,
        id: view.id.to_string(),
        form,
        purposes: PURPOSES
            .iter()
            .map(|(value, purpose)| ((*value).to_owned(), tr.t(words::purpose(*purpose))))
            .collect(),
        subjects: candidates(visitor).await?,
        sent: view.sent_version > 0,
        errors,
    };
    render(&page, visitor, status)
}

async fn meeting(visitor: &Visitor, id: &str) -> Result<MeetingView, WebError> {
    visitor.signed_in()?;
    visitor
        .caller()
        .meeting(meeting_id(id, visitor)?)
        .await
        .map_err(|error| visitor.fail(error))
}

/// `GET /meetings/{id}/items/new`.
pub async fn form(visitor: Visitor, Path(id): Path<String>) -> Result<Response, WebError> {
    let view = meeting(&visitor, &id).await?;
    let form = ItemForm {
        purpose: "decision".to_owned(),
        ..ItemForm::default()
    };
    show_form(&visitor, &view, form, FormErrors::none(), StatusCode::OK).await
}

fn parse(visitor: &Visitor, form: &ItemForm) -> Result<(AgendaItem, FreeText), FormErrors> {
    let tr = visitor.tr;
    let mut errors = FormErrors::none();
    let title = Title::parse(&form.title).ok();
    if title.is_none() {
        errors.add("title", tr.t("meetings-error-title"));
    }
    let purpose = PURPOSES
        .iter()
        .find(|(value, _)| *value == form.purpose)
        .map(|(_, purpose)| *purpose);
    if purpose.is_none() {
        errors.add("purpose", tr.t("meetings-error-choose"));
    }
    let subject = chosen(&form.subject);
    if subject.is_none() {
        errors.add("subject", tr.t("meetings-error-choose"));
    }
    let note = free_text(tr, "note", &form.note, &mut errors);
    let reason = free_text(tr, "reason", &form.reason, &mut errors);
    let mut documents = Vec::new();
    match (form.document_title.trim(), form.document_link.trim()) {
        ("", "") => {}
        (title, link) => match (Title::parse(title), Link::parse(link)) {
            (Ok(title), Ok(link)) => documents.push(Attachment { title, link }),
            (title, link) => {
                if title.is_err() {
                    errors.add("document_title", tr.t("meetings-error-title"));
                }
                if link.is_err() {
                    errors.add("document_link", tr.t("meetings-error-link"));
                }
            }
        },
    }
    match (title, purpose, subject) {
        (Some(title), Some(purpose), Some(subject)) if errors.is_empty() => Ok((
            AgendaItem {
                title,
                purpose,
                subject,
                note,
                documents,
            },
            reason,
        )),
        _ => Err(errors),
    }
}

/// `POST /meetings/{id}/items`.
pub async fn add(Path(id): Path<String>, posted: Posted<ItemForm>) -> Result<Response, WebError> {
    let Posted { visitor, form } = posted;
    let view = meeting(&visitor, &id).await?;
    let (item, reason) = match parse(&visitor, &form) {
        Ok(parsed) => parsed,
        Err(errors) => {
            return show_form(
                &visitor,
                &view,
                form,
                errors,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        }
    };
    let command = MeetingCommand::AddItem { item, reason };
    match visitor.caller().meeting_command(view.id, command).await {
        Ok(_) => Ok(done(
            &format!("/meetings/{}#agenda", view.id),
            tkey("meetings-notice-item-added"),
        )),
        Err(error) => {
            let fields = ["title", "purpose", "subject", "note", "reason"];
            let errors = FormErrors::of(error, &visitor, &fields)?;
            show_form(
                &visitor,
                &view,
                form,
                errors,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
pub struct ReasonForm {
    #[serde(default)]
    pub reason: String,
}

/// Takes one step on the meeting; a refusal shows on the meeting page.
async fn act(
    visitor: &Visitor,
    id: MeetingId,
    command: MeetingCommand,
) -> Result<Option<Response>, WebError> {
    match visitor.caller().meeting_command(id, command).await {
        Ok(_) => Ok(None),
        Err(error) => {
            let errors = FormErrors::of(error, visitor, &[])?;
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            super::detail::show_meeting(visitor, id, errors, status)
                .await
                .map(Some)
        }
    }
}

fn reason(visitor: &Visitor, text: &str) -> Result<FreeText, WebError> {
    FreeText::parse(text).map_err(|_| visitor.refuse(crate::web::errors::Failure::BadRequest))
}

/// `POST /meetings/{id}/items/{number}/up`: the item changes places with
/// the item above it (both keep their numbers; their contents swap).
pub async fn move_up(
    Path((id, number)): Path<(String, u32)>,
    posted: Posted<ReasonForm>,
) -> Result<Response, WebError> {
    let Posted { visitor, .. } = posted;
    let view = meeting(&visitor, &id).await?;
    let item = view.current_items().find(|item| item.number == number);
    let above = view
        .current_items()
        .filter(|other| other.number < number)
        .max_by_key(|other| other.number);
    let (Some(item), Some(above)) = (item, above) else {
        return Ok(done(
            &format!("/meetings/{}#agenda", view.id),
            tkey("meetings-notice-unchanged"),
        ));
    };
    let why = reason(&visitor, &visitor.tr.t("meetings-reason-reordered"))?;
    let (upper, lower) = (item.item.clone(), above.item.clone());
    let above_number = above.number;
    if let Some(refused) = act(
        &visitor,
        view.id,
        MeetingCommand::ChangeItem {
            number: above_number,
            item: upper,
            reason: why.clone(),
        },
    )
    .await?
    {
        return Ok(refused);
    }
    if let Some(refused) = act(
        &visitor,
        view.id,
        MeetingCommand::ChangeItem {
            number,
            item: lower,
            reason: why,
        },
    )
    .await?
    {
        return Ok(refused);
    }
    Ok(done(
        &format!("/meetings/{}#item-{above_number}", view.id),
        tkey("meetings-notice-moved"),
    ))
}

/// `POST /meetings/{id}/items/{number}/withdraw`.
pub async fn withdraw(
    Path((id, number)): Path<(String, u32)>,
    posted: Posted<ReasonForm>,
) -> Result<Response, WebError> {
    let Posted { visitor, form } = posted;
    let view = meeting(&visitor, &id).await?;
    let reason = reason(&visitor, &form.reason)?;
    if let Some(refused) = act(
        &visitor,
        view.id,
        MeetingCommand::WithdrawItem { number, reason },
    )
    .await?
    {
        return Ok(refused);
    }
    Ok(done(
        &format!("/meetings/{}#agenda", view.id),
        tkey("meetings-notice-withdrawn"),
    ))
}

/// `POST /meetings/{id}/send`.
pub async fn send(
    Path(id): Path<String>,
    posted: Posted<ReasonForm>,
) -> Result<Response, WebError> {
    let Posted { visitor, .. } = posted;
    let view = meeting(&visitor, &id).await?;
    if let Some(refused) = act(&visitor, view.id, MeetingCommand::SendAgenda).await? {
        return Ok(refused);
    }
    Ok(done(
        &format!("/meetings/{}", view.id),
        tkey("meetings-notice-sent"),
    ))
}
