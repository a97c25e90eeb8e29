//! `GET /bodies/{id}`: a body with its mandate, its seats (role, voting
//! right, institution), its chair, its meetings and its circular
//! resolutions; the secretariat schedules a meeting or proposes a
//! resolution from here.

use askama::Template;
use axum::extract::Path;
use axum::response::Response;
use iiz_app::meetings::{MeetingFilter, swiss_today};
use iiz_domain::{BodyId, BodyRole};

use super::list::tenant_name;
use crate::web::errors::{Failure, WebError};
use crate::web::format;
use crate::web::meetings::names::Names;
use crate::web::meetings::words::tkey;
use crate::web::meetings::{local_time, words};
use crate::web::page::{Chrome, show};
use crate::web::visitor::Visitor;

#[derive(Debug, Clone)]
pub struct SeatRow {
    pub name: String,
    pub role: String,
    pub votes: String,
    pub institution: String,
    pub since: String,
}

/// A row of the meetings table (see `meetings/table.html`).
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

#[derive(Debug, Clone)]
pub struct ResolutionRow {
    pub href: String,
    pub label: String,
    pub title: String,
    pub deadline: String,
    pub status: String,
    pub badge: &'static str,
}

#[derive(Template)]
#[template(path = "bodies/detail.html")]
pub struct BodyPage {
    pub chrome: Chrome,
    pub id: String,
    pub kind: String,
    pub tenant: String,
    pub mandate: String,
    pub active: String,
    pub chair: Option<String>,
    pub seats: Vec<SeatRow>,
    pub upcoming: Vec<MeetingRow>,
    pub past: Vec<MeetingRow>,
    pub resolutions: Vec<ResolutionRow>,
    pub office: bool,
}

/// Meetings and resolutions a body page lists.
const LISTED: usize = 500;

/// `GET /bodies/{id}`.
pub async fn page(visitor: Visitor, Path(id): Path<String>) -> Result<Response, WebError> {
    let principal = visitor.signed_in()?;
    let tr = visitor.tr;
    let caller = visitor.caller();
    let fail = |error| visitor.fail(error);
    let id = BodyId::parse(&id).map_err(|_| visitor.refuse(Failure::NotFound))?;
    let body = caller.body(id).await.map_err(fail)?;
    let members = caller.body_members(id).await.map_err(fail)?;
    let seats: Vec<_> = members.current().cloned().collect();
    let people: Vec<_> = seats.iter().map(|seat| seat.person).collect();
    let names = Names::of(&visitor, people).await?;
    let chair = members
        .chair_on(swiss_today())
        .map(|person| names.person(person));
    let mut seat_rows: Vec<(BodyRole, SeatRow)> = seats
        .iter()
        .map(|seat| {
            (
                seat.role,
                SeatRow {
                    name: names.person(seat.person),
                    role: tr.t(words::seat_role(seat.role)),
                    votes: tr.t(if seat.role.votes() {
                        tkey("meetings-votes-yes")
                    } else {
                        tkey("meetings-votes-no")
                    }),
                    institution: seat.institution.clone(),
                    since: format::date(seat.from),
                },
            )
        })
        .collect();
    seat_rows.sort_by_key(|(role, _)| BodyRole::ALL.iter().position(|r| r == role));
    let name = body.names.best(tr.language).to_owned();
    let filter = MeetingFilter {
        body: id,
        from: None,
        until: None,
    };
    let meetings = caller.meetings(&filter, LISTED, None).await.map_err(fail)?;
    let today = swiss_today();
    let (mut upcoming, mut past) = (Vec::new(), Vec::new());
    for meeting in meetings.items {
        let row = MeetingRow {
            href: format!("/meetings/{}", meeting.id),
            title: meeting.title.clone(),
            when: local_time(meeting.slot.starts_at),
            body: name.clone(),
            place: meeting
                .slot
                .place
                .as_ref()
                .map(|place| place.as_str().to_owned())
                .unwrap_or_else(|| tr.t("meetings-online")),
            status: tr.t(words::meeting_status(meeting.status)),
            badge: words::meeting_badge(meeting.status),
        };
        if meeting.slot.starts_at.date() >= today {
            upcoming.push(row);
        } else {
            past.push(row);
        }
    }
    past.reverse();
    let resolutions = caller
        .resolutions(id, LISTED, None)
        .await
        .map_err(fail)?
        .items
        .into_iter()
        .map(|resolution| {
            let (status, badge) = words::resolution_status(resolution.status);
            ResolutionRow {
                href: format!("/resolutions/{}", resolution.id),
                label: resolution.label.clone(),
                title: resolution.title.clone(),
                deadline: format::date_time(resolution.deadline),
                status: tr.t(status),
                badge,
            }
        })
        .collect();
    let chrome = Chrome::new(&visitor, "bodies", name)
        .await?
        .crumb("/bodies", tr.t("bodies-title"));
    let page = BodyPage {
        chrome,
        id: id.to_string(),
        kind: tr.t(words::body_kind(body.kind)),
        tenant: tenant_name(tr, body.tenant),
        mandate: body.mandate.clone(),
        active: match (body.active, body.active_to) {
            (false, Some(to)) => tr.t1("bodies-dissolved-on", "date", format::date(to)),
            _ => tr.t1(
                "bodies-active-since",
                "date",
                format::date(body.active_from),
            ),
        },
        chair,
        seats: seat_rows.into_iter().map(|(_, row)| row).collect(),
        upcoming,
        past,
        resolutions,
        office: body.active && iiz_app::authz::meeting::runs_meetings_of(principal, body.tenant),
    };
    show(&page, &visitor)
}
