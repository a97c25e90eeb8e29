//! `GET /meetings`: the upcoming and past meetings of the bodies of the
//! person's tenants (national bodies included), and the person's own
//! calendar feed.

use std::collections::BTreeSet;

use askama::Template;
use axum::response::Response;
use iiz_app::meetings::{MeetingFilter, swiss_today};
use iiz_projections::MeetingView;

use super::{local_time, visible_bodies, words};
use crate::web::errors::WebError;
use crate::web::page::{Chrome, show};
use crate::web::visitor::Visitor;

/// One row of the meetings table.
#[derive(Debug, Clone)]
pub struct MeetingRow {
    pub href: String,
    pub title: String,
    pub when: String,
    pub body: String,
    pub place: String,
    pub status: String,
    pub badge: &'static str,
}

#[derive(Template)]
#[template(path = "meetings/list.html")]
pub struct MeetingsPage {
    pub chrome: Chrome,
    pub upcoming: Vec<MeetingRow>,
    pub past: Vec<MeetingRow>,
    /// Where the secretariat schedules a meeting (when it may).
    pub schedule: bool,
}

/// Meetings listed per body (a body rarely has more in the platform's life).
const PER_BODY: usize = 500;

/// `GET /meetings`.
pub async fn page(visitor: Visitor) -> Result<Response, WebError> {
    let principal = visitor.signed_in()?;
    let tr = visitor.tr;
    let caller = visitor.caller();
    let bodies = visible_bodies(&visitor).await?;
    let mut seen = BTreeSet::new();
    let mut meetings: Vec<(MeetingView, String)> = Vec::new();
    for body in &bodies {
        let filter = MeetingFilter {
            body: body.id,
            from: None,
            until: None,
        };
        let page = caller
            .meetings(&filter, PER_BODY, None)
            .await
            .map_err(|error| visitor.fail(error))?;
        for meeting in page.items {
            if seen.insert(meeting.id) {
                meetings.push((meeting, body.names.best(tr.language).to_owned()));
            }
        }
    }
    meetings.sort_by_key(|(meeting, _)| meeting.slot.starts_at);
    let today = swiss_today();
    let row = |(meeting, body): &(MeetingView, String)| MeetingRow {
        href: format!("/meetings/{}", meeting.id),
        title: meeting.title.clone(),
        when: local_time(meeting.slot.starts_at),
        body: body.clone(),
        place: meeting
            .slot
            .place
            .as_ref()
            .map(|place| place.as_str().to_owned())
            .unwrap_or_else(|| tr.t("meetings-online")),
        status: tr.t(words::meeting_status(meeting.status)),
        badge: words::meeting_badge(meeting.status),
    };
    let upcoming = meetings
        .iter()
        .filter(|(meeting, _)| meeting.slot.starts_at.date() >= today)
        .map(row)
        .collect();
    let past = meetings
        .iter()
        .rev()
        .filter(|(meeting, _)| meeting.slot.starts_at.date() < today)
        .map(row)
        .collect();
    let schedule = bodies
        .iter()
        .any(|body| iiz_app::authz::meeting::runs_meetings_of(principal, body.tenant));
    let chrome = Chrome::new(&visitor, "meetings", tr.t("meetings-title")).await?;
    show(
        &MeetingsPage {
            chrome,
            upcoming,
            past,
            schedule,
        },
        &visitor,
    )
}
