//! `/inbox`: the notifications of the person signed in, newest first,
//! each linking to what it is about; marking one or all read. The
//! header's unread badge asks `/inbox/count` every minute through htmx;
//! without JavaScript it shows the count of the page's last load.

mod kinds;

use askama::Template;
use axum::Router;
use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use iiz_app::outbound::NotificationKind;
use serde::Deserialize;
use uuid::Uuid;

pub use kinds::kind_label;

use super::WebState;
use super::errors::{Failure, WebError};
use super::forms::{Posted, done, encode, local_path};
use super::page::{Chrome, render, show};
use super::visitor::Visitor;

/// How many notifications one page of the inbox shows.
const PAGE_SIZE: usize = 20;

pub fn routes() -> Router<WebState> {
    Router::new()
        .route("/inbox", get(page))
        .route("/inbox/count", get(count))
        .route("/inbox/read-all", post(mark_all_read))
        .route("/inbox/{id}/read", post(mark_read))
}

#[derive(Debug, Default, Deserialize)]
pub struct InboxQuery {
    /// `1`: only what is unread.
    #[serde(default)]
    pub unread: String,
    /// The cursor of the last item of the previous page.
    #[serde(default)]
    pub after: String,
}

/// One notification as the inbox lists it.
#[derive(Debug, Clone)]
pub struct InboxLine {
    pub id: String,
    pub kind: String,
    pub title: String,
    pub body: String,
    pub href: String,
    pub when: String,
    pub read: bool,
}

#[derive(Template)]
#[template(path = "inbox/page.html")]
pub struct InboxPage {
    pub chrome: Chrome,
    pub items: Vec<InboxLine>,
    pub unread_only: bool,
    /// This page's own address, where marking read comes back to.
    pub here: String,
    pub next: Option<String>,
}

/// The header's badge, answered to htmx.
#[derive(Template)]
#[template(path = "inbox/count.html")]
pub struct UnreadFragment {
    pub unread: u64,
    pub unread_label: String,
}

/// `GET /inbox`.
pub async fn page(visitor: Visitor, Query(query): Query<InboxQuery>) -> Result<Response, WebError> {
    visitor.signed_in()?;
    let tr = visitor.tr;
    let unread_only = query.unread == "1";
    let after = Some(query.after.as_str()).filter(|after| !after.is_empty());
    let inbox = visitor
        .caller()
        .inbox(unread_only, PAGE_SIZE, after)
        .await
        .map_err(|error| visitor.fail(error))?;
    let items = inbox
        .items
        .into_iter()
        .map(|item| InboxLine {
            id: item.id.to_string(),
            kind: NotificationKind::parse(&item.kind)
                .map_or_else(|| tr.t("inbox-kind-other"), |kind| kind_label(tr, kind)),
            href: super::home::local_link(&item.link),
            title: item.title,
            body: item.body,
            when: super::format::date_time(item.created_at),
            read: item.read_at.is_some(),
        })
        .collect();
    let filter = if unread_only { "unread=1&" } else { "" };
    let next = inbox
        .next
        .map(|cursor| format!("/inbox?{filter}after={}", encode(&cursor)));
    let chrome = Chrome::new(&visitor, "inbox", tr.t("inbox-title")).await?;
    let page = InboxPage {
        chrome,
        items,
        unread_only,
        here: local_path(&visitor.path),
        next,
    };
    show(&page, &visitor)
}

/// `GET /inbox/count`: the badge for htmx; a plain visit gets the inbox.
pub async fn count(visitor: Visitor) -> Result<Response, WebError> {
    if !visitor.htmx {
        return page(visitor, Query(InboxQuery::default())).await;
    }
    // A session that ended while the tab stayed open: the badge stays as
    // it is rather than filling with the sign-in page.
    if visitor.principal().is_none() {
        return Ok(StatusCode::NO_CONTENT.into_response());
    }
    let unread = visitor
        .caller()
        .inbox_unread_count()
        .await
        .map_err(|error| visitor.fail(error))?;
    let fragment = UnreadFragment {
        unread,
        unread_label: visitor.tr.t("inbox-unread-label"),
    };
    render(&fragment, &visitor, StatusCode::OK)
}

#[derive(Debug, Deserialize)]
pub struct MarkForm {
    /// The inbox page to come back to (its filter and position).
    #[serde(default)]
    pub back: String,
}

fn back_to(back: &str) -> String {
    let back = local_path(back);
    if back.starts_with("/inbox") {
        back
    } else {
        "/inbox".to_owned()
    }
}

/// `POST /inbox/{id}/read`.
pub async fn mark_read(
    Path(id): Path<String>,
    Posted { visitor, form }: Posted<MarkForm>,
) -> Result<Response, WebError> {
    let id = Uuid::parse_str(&id).map_err(|_| visitor.refuse(Failure::NotFound))?;
    visitor
        .caller()
        .mark_read(&[id])
        .await
        .map_err(|error| visitor.fail(error))?;
    Ok(done(&back_to(&form.back), "inbox-marked-read"))
}

/// `POST /inbox/read-all`.
pub async fn mark_all_read(
    Posted { visitor, form }: Posted<MarkForm>,
) -> Result<Response, WebError> {
    visitor
        .caller()
        .mark_all_read()
        .await
        .map_err(|error| visitor.fail(error))?;
    Ok(done(&back_to(&form.back), "inbox-marked-all-read"))
}
