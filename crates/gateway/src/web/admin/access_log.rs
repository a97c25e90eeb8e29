//! `/admin/access-log`: who read whose personal data (platform admins).

use askama::Template;
use axum::extract::Query;
use axum::response::Response;
use chrono::{Duration, Utc};
use serde::Deserialize;

use super::{administered, forbidden};
use crate::web::errors::WebError;
use crate::web::format::date_time;
use crate::web::page::{Chrome, show};
use crate::web::visitor::Visitor;

/// How far back the page reads.
const DAYS: i64 = 90;
/// The most lines the page shows.
const LINES: usize = 200;

#[derive(Debug, Clone, Default, Deserialize)]
pub struct AccessQuery {
    /// Only reads about this subject (`person:<id>`, `body:<id>`, …).
    #[serde(default)]
    pub subject: String,
}

/// One read as the page lists it.
#[derive(Debug, Clone)]
pub struct AccessLine {
    pub read_at: String,
    pub reader: String,
    pub subject: String,
    pub what: String,
}

#[derive(Template)]
#[template(path = "admin/access_log.html")]
pub struct AccessLogPage {
    pub chrome: Chrome,
    pub subject: String,
    pub lines: Vec<AccessLine>,
    pub retention_days: u32,
}

/// The kind of read, in the visitor's language.
fn what(tr: crate::web::i18n::Tr, what: &str) -> String {
    match what {
        "person" => tr.t("admin-access-what-person"),
        "people" => tr.t("admin-access-what-people"),
        "body_members" => tr.t("admin-access-what-members"),
        "export" => tr.t("admin-access-what-export"),
        other => other.to_owned(),
    }
}

/// `GET /admin/access-log`.
pub async fn page(
    visitor: Visitor,
    Query(query): Query<AccessQuery>,
) -> Result<Response, WebError> {
    administered(&visitor)?;
    let principal = visitor.signed_in()?;
    if !principal.acts_as_platform_admin() {
        return Err(forbidden(&visitor));
    }
    let tr = visitor.tr;
    let subject = query.subject.trim().to_owned();
    let since = Utc::now() - Duration::days(DAYS);
    let entries = visitor
        .caller()
        .access_log(
            since,
            (!subject.is_empty()).then_some(subject.as_str()),
            LINES,
        )
        .await
        .map_err(|error| visitor.fail(error))?;
    let lines = entries
        .into_iter()
        .map(|entry| AccessLine {
            read_at: date_time(entry.read_at),
            reader: entry.reader,
            subject: entry.subject,
            what: what(tr, &entry.what),
        })
        .collect();
    let chrome = Chrome::new(&visitor, "admin", tr.t("admin-access-log"))
        .await?
        .crumb("/admin", tr.t("admin-title"));
    let page = AccessLogPage {
        chrome,
        subject,
        lines,
        retention_days: visitor.app.access_log_settings().retention_days(),
    };
    show(&page, &visitor)
}
