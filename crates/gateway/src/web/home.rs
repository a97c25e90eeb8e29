//! `/`: what waits for the person signed in — resolutions to answer,
//! the Fachstelle's queues, upcoming meetings and unread notifications.

use askama::Template;
use axum::response::{IntoResponse, Redirect, Response};
use chrono::Utc;
use iiz_app::concerns::ConcernQueue;
use iiz_domain::TenantRole;

use super::errors::WebError;
use super::page::{Chrome, show};
use super::visitor::Visitor;

/// A line of the home page: a link and what it is about.
#[derive(Debug, Clone)]
pub struct Waiting {
    pub href: String,
    pub label: String,
    pub detail: String,
}

/// One of the Fachstelle's queues and how many wait in it.
#[derive(Debug, Clone)]
pub struct QueueCount {
    pub href: String,
    pub label: String,
    pub count: usize,
}

#[derive(Template)]
#[template(path = "home.html")]
pub struct HomePage {
    pub chrome: Chrome,
    pub resolutions: Vec<Waiting>,
    pub queues: Vec<QueueCount>,
    pub meetings: Vec<Waiting>,
    /// Recommendations whose answer or report the visitor's canton owes.
    pub due_recommendations: Vec<Waiting>,
    pub notifications: Vec<Waiting>,
    pub unread: u64,
}

/// How many queue entries the home page counts before it says "more".
const COUNTED: usize = 100;

/// `GET /`.
pub async fn page(visitor: Visitor) -> Result<Response, WebError> {
    let Some(principal) = visitor.principal() else {
        return Ok(Redirect::to("/signin").into_response());
    };
    let tr = visitor.tr;
    let caller = visitor.caller();
    let fail = |error| visitor.fail(error);
    let resolutions = caller
        .resolutions_awaiting_me()
        .await
        .map_err(fail)?
        .into_iter()
        .map(|resolution| Waiting {
            href: format!("/resolutions/{}", resolution.id),
            label: resolution.title.clone(),
            detail: tr.t1(
                "home-answer-by",
                "date",
                super::format::date_time(resolution.deadline),
            ),
        })
        .collect();
    let mut queues = Vec::new();
    if principal
        .roles
        .iter()
        .any(|(_, role)| *role == TenantRole::Office)
    {
        for (queue, name, key) in [
            (ConcernQueue::Intake, "intake", "queue-intake"),
            (ConcernQueue::Ekg, "ekg", "queue-ekg"),
            (ConcernQueue::Stg, "stg", "queue-stg"),
            (ConcernQueue::AnswerDue, "answer-due", "queue-answer-due"),
        ] {
            let page = caller
                .concern_queue(queue, COUNTED, None)
                .await
                .map_err(fail)?;
            queues.push(QueueCount {
                href: format!("/queue?queue={name}"),
                label: tr.t(key),
                count: page.items.len(),
            });
        }
    }
    // Meetings are planned in Swiss local time.
    let now = Utc::now()
        .with_timezone(&chrono_tz::Europe::Zurich)
        .naive_local();
    let meetings = caller
        .my_calendar()
        .await
        .map_err(fail)?
        .into_iter()
        .filter(|entry| entry.slot.starts_at >= now)
        .take(5)
        .map(|entry| Waiting {
            href: format!("/meetings/{}", entry.id),
            label: entry.title.clone(),
            detail: super::meetings::local_time(entry.slot.starts_at),
        })
        .collect();
    let due_recommendations =
        super::recommendations::home::due_answers_and_reports(&visitor).await?;
    let unread = caller.inbox_unread_count().await.map_err(fail)?;
    let notifications = caller
        .inbox(true, 5, None)
        .await
        .map_err(fail)?
        .items
        .into_iter()
        .map(|item| Waiting {
            href: local_link(&item.link),
            label: item.title,
            detail: super::format::date_time(item.created_at),
        })
        .collect();
    let chrome = Chrome::new(&visitor, "home", tr.t("home-title")).await?;
    show(
        &HomePage {
            chrome,
            resolutions,
            queues,
            meetings,
            due_recommendations,
            notifications,
            unread,
        },
        &visitor,
    )
}

/// A notification's link as a path of these pages (notifications carry
/// the platform's public address).
pub(super) fn local_link(link: &str) -> String {
    match link.find("://") {
        Some(scheme) => {
            let rest = &link[scheme + 3..];
            rest.find('/')
                .map_or_else(|| "/".to_owned(), |path| rest[path..].to_owned())
        }
        None if link.starts_with('/') => link.to_owned(),
        None => "/".to_owned(),
    }
}
