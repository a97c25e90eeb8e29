//! `GET /queue`: the Fachstelle's work queues (intake, before the EKG,
//! before the STG, answers due), oldest first, as tabs. Intake entries
//! carry accept, return (with the reason) and merge.

use askama::Template;
use axum::extract::Query;
use axum::response::Response;
use iiz_app::concerns::ConcernQueue;
use serde::Deserialize;

use super::labels::{RETURN_REASONS, StageBadge, return_reason_key, stage_badge};
use crate::web::errors::WebError;
use crate::web::format;
use crate::web::forms::encode;
use crate::web::page::{Chrome, show};
use crate::web::visitor::Visitor;

/// Queue entries per page.
const PAGE_SIZE: usize = 25;

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct QueueQuery {
    pub queue: String,
    pub after: String,
}

/// A tab of the queues.
#[derive(Debug, Clone)]
pub struct Tab {
    pub href: String,
    pub label: String,
    pub current: bool,
}

/// An entry of the queue.
#[derive(Debug, Clone)]
pub struct QueueRow {
    pub id: String,
    pub href: String,
    pub title: String,
    pub origin: String,
    pub stage: StageBadge,
    pub since: String,
    pub endorsements: usize,
}

#[derive(Template)]
#[template(path = "concerns/queue.html")]
pub struct QueuePage {
    pub chrome: Chrome,
    pub tabs: Vec<Tab>,
    pub rows: Vec<QueueRow>,
    /// Accept, return and merge are offered (the intake, to the Fachstelle).
    pub triage: bool,
    pub return_reasons: Vec<(String, String)>,
    /// Where the forms come back to.
    pub back: String,
    /// Back to the first page, from a later one.
    pub first: Option<String>,
    pub next: Option<String>,
}

const QUEUES: [(ConcernQueue, &str, &str); 4] = [
    (ConcernQueue::Intake, "intake", "queue-intake"),
    (ConcernQueue::Ekg, "ekg", "queue-ekg"),
    (ConcernQueue::Stg, "stg", "queue-stg"),
    (ConcernQueue::AnswerDue, "answer-due", "queue-answer-due"),
];

/// `GET /queue`.
pub async fn page(visitor: Visitor, Query(query): Query<QueueQuery>) -> Result<Response, WebError> {
    let principal = visitor.signed_in()?;
    let tr = visitor.tr;
    let (queue, name, key) = QUEUES
        .iter()
        .copied()
        .find(|(_, name, _)| *name == query.queue)
        .unwrap_or(QUEUES[0]);
    let after = Some(query.after.as_str()).filter(|after| !after.is_empty());
    let found = visitor
        .caller()
        .concern_queue(queue, PAGE_SIZE, after)
        .await
        .map_err(|error| visitor.fail(error))?;
    let rows = found
        .items
        .iter()
        .map(|entry| QueueRow {
            id: entry.concern.to_string(),
            href: super::concern_path(entry.concern),
            title: entry.title.clone(),
            origin: entry.origin.as_str().to_owned(),
            stage: stage_badge(tr, entry.stage),
            since: format::date_time(entry.since),
            endorsements: entry.endorsements,
        })
        .collect();
    let tabs = QUEUES
        .iter()
        .map(|(_, tab, key)| Tab {
            href: format!("/queue?queue={tab}"),
            label: tr.t(key),
            current: *tab == name,
        })
        .collect();
    let chrome = Chrome::new(&visitor, "queue", tr.t("concerns-queue-title"))
        .await?
        .crumb("/queue", tr.t(key));
    show(
        &QueuePage {
            chrome,
            tabs,
            rows,
            // Only shown to the Fachstelle; the app decides each step anyway.
            triage: queue == ConcernQueue::Intake && principal.is_national_office(),
            return_reasons: RETURN_REASONS
                .iter()
                .map(|(reason, value)| ((*value).to_owned(), tr.t(return_reason_key(*reason))))
                .collect(),
            back: format!("/queue?queue={name}"),
            first: after.map(|_| format!("/queue?queue={name}")),
            next: found
                .next
                .map(|cursor| format!("/queue?queue={name}&after={}", encode(&cursor))),
        },
        &visitor,
    )
}
