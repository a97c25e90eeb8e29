//! `GET /meetings/{id}`: a meeting with its agenda (each item's subject
//! linked), documents, invitees, minutes with each decision and its
//! effect, the timeline, and the trace from each decided item to what it
//! changed. The body's secretariat finds its forms here.

use askama::Template;
use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::Response;
use iiz_domain::ids::MeetingId;
use iiz_domain::meeting::Propagation;
use iiz_projections::{ItemView, MeetingStatus, MeetingView};

use super::names::Names;
use super::subjects::{SubjectLink, subject};
use super::timeline::{self, TimelineRow};
use super::words::tkey;
use super::{local_time, words};
use crate::web::errors::{Failure, WebError};
use crate::web::forms::FormErrors;
use crate::web::page::{Chrome, render};
use crate::web::visitor::Visitor;

/// A decision as minuted.
#[derive(Debug, Clone)]
pub struct DecisionBlock {
    pub outcome: String,
    pub rationale: String,
    pub resolution: String,
    pub present: String,
    pub effect: Option<String>,
}

#[derive(Debug, Clone)]
pub struct MinutesBlock {
    pub note: String,
    /// Who recorded them, when.
    pub recorded: String,
    pub decision: Option<DecisionBlock>,
}

/// What became of a decision on its subject.
#[derive(Debug, Clone)]
pub struct Carried {
    pub text: String,
    pub badge: &'static str,
    pub reason: Option<String>,
}

#[derive(Debug, Clone)]
pub struct ItemBlock {
    pub number: u32,
    pub title: String,
    pub purpose: String,
    pub subject: SubjectLink,
    pub note: String,
    pub documents: Vec<(String, String)>,
    pub withdrawn: bool,
    pub minutes: Option<MinutesBlock>,
    pub carried: Option<Carried>,
    /// The item can move before the item above it.
    pub movable: bool,
}

/// From a decided item to what it changed.
#[derive(Debug, Clone)]
pub struct TraceRow {
    pub item: String,
    pub decision: String,
    pub effect: String,
    pub subject: SubjectLink,
    pub carried: Option<Carried>,
}

#[derive(Debug, Clone)]
pub struct Invitee {
    pub name: String,
    pub role: String,
    pub votes: String,
}

#[derive(Template)]
#[template(path = "meetings/detail.html")]
pub struct MeetingPage {
    pub chrome: Chrome,
    pub id: String,
    pub body: String,
    pub body_href: String,
    pub joint: Option<String>,
    pub when: String,
    pub ends: String,
    pub place: Option<String>,
    pub online: Option<String>,
    pub status: String,
    pub badge: &'static str,
    pub cancellation: Option<String>,
    pub sent_version: u32,
    pub revised_since_sent: bool,
    pub items: Vec<ItemBlock>,
    pub invitees: Vec<Invitee>,
    pub timeline: Vec<TimelineRow>,
    pub trace: Vec<TraceRow>,
    /// The visitor is the body's secretariat: the forms show.
    pub office: bool,
    pub open: bool,
    pub csrf: String,
    /// The refusal of a form of this page (withdraw, send, approve …).
    pub errors: FormErrors,
}

pub(super) fn meeting_id(id: &str, visitor: &Visitor) -> Result<MeetingId, WebError> {
    MeetingId::parse(id).map_err(|_| visitor.refuse(Failure::NotFound))
}

fn carried(visitor: &Visitor, item: &ItemView) -> Option<Carried> {
    let tr = visitor.tr;
    item.propagation
        .as_ref()
        .map(|propagation| match propagation {
            Propagation::Applied => Carried {
                text: tr.t("meetings-carried-out"),
                badge: "badge-success",
                reason: None,
            },
            Propagation::Refused { reason } => Carried {
                text: tr.t("meetings-refused-by-subject"),
                badge: "badge-error",
                reason: Some(reason.clone()),
            },
        })
}

/// `GET /meetings/{id}`.
pub async fn page(visitor: Visitor, Path(id): Path<String>) -> Result<Response, WebError> {
    let id = meeting_id(&id, &visitor)?;
    show_meeting(&visitor, id, FormErrors::none(), StatusCode::OK).await
}

/// The meeting page, with the refusal of one of its forms when `errors`
/// holds one (status 422).
pub(super) async fn show_meeting(
    visitor: &Visitor,
    id: MeetingId,
    errors: FormErrors,
    status: StatusCode,
) -> Result<Response, WebError> {
    let principal = visitor.signed_in()?;
    let tr = visitor.tr;
    let caller = visitor.caller();
    let fail = |error| visitor.fail(error);
    let view: MeetingView = caller.meeting(id).await.map_err(fail)?;
    let body = caller.body(view.body).await.map_err(fail)?;
    let joint = match view.joint_with {
        Some(other) => Some(
            caller
                .body(other)
                .await
                .map_err(fail)?
                .names
                .best(tr.language)
                .to_owned(),
        ),
        None => None,
    };
    let mut seats = Vec::new();
    for member_of in view.bodies.iter() {
        let members = caller.body_members(*member_of).await.map_err(fail)?;
        seats.extend(members.current().cloned());
    }
    let mut people: Vec<_> = seats.iter().map(|seat| seat.person).collect();
    people.extend(timeline::actors(&view));
    for item in &view.items {
        if let Some(decision) = item.minutes.as_ref().and_then(|m| m.decision.as_ref()) {
            people.extend(decision.present.iter().copied());
        }
    }
    let names = Names::of(visitor, people).await?;
    let mut items = Vec::new();
    let mut trace = Vec::new();
    let mut sorted: Vec<&ItemView> = view.items.iter().collect();
    sorted.sort_by_key(|item| item.number);
    let mut earlier_current = false;
    for item in sorted {
        let link = subject(visitor, &item.item.subject).await?;
        let minutes = item.minutes.as_ref().map(|minutes| MinutesBlock {
            note: minutes.note.clone(),
            recorded: tr.args(
                tkey("meetings-recorded-by"),
                &[
                    ("who", names.actor(&minutes.actor)),
                    ("when", crate::web::format::date_time(minutes.recorded_at)),
                ],
            ),
            decision: minutes.decision.as_ref().map(|decision| DecisionBlock {
                outcome: decision.outcome.as_str().to_owned(),
                rationale: decision.rationale.as_str().to_owned(),
                resolution: timeline::resolution(tr, &decision.resolution),
                present: decision
                    .present
                    .iter()
                    .map(|person| names.person(*person))
                    .collect::<Vec<_>>()
                    .join(", "),
                effect: decision
                    .effect
                    .as_ref()
                    .map(|effect| words::effect(tr, effect)),
            }),
        });
        if let Some(decision) = minutes.as_ref().and_then(|m| m.decision.as_ref())
            && let Some(effect) = &decision.effect
        {
            trace.push(TraceRow {
                item: format!("{}. {}", item.number, item.item.title.as_str()),
                decision: decision.outcome.clone(),
                effect: effect.clone(),
                subject: link.clone(),
                carried: carried(visitor, item),
            });
        }
        items.push(ItemBlock {
            number: item.number,
            title: item.item.title.as_str().to_owned(),
            purpose: tr.t(words::purpose(item.item.purpose)),
            subject: link,
            note: item.item.note.as_str().to_owned(),
            documents: item
                .item
                .documents
                .iter()
                .map(|d| (d.title.as_str().to_owned(), d.link.as_str().to_owned()))
                .collect(),
            withdrawn: item.withdrawn,
            carried: carried(visitor, item),
            minutes,
            movable: earlier_current && !item.withdrawn && item.minutes.is_none(),
        });
        earlier_current |= !item.withdrawn;
    }
    let invitees = seats
        .iter()
        .map(|seat| Invitee {
            name: names.person(seat.person),
            role: tr.t(words::seat_role(seat.role)),
            votes: tr.t(if seat.role.votes() {
                tkey("meetings-votes-yes")
            } else {
                tkey("meetings-votes-no")
            }),
        })
        .collect();
    let body_name = body.names.best(tr.language).to_owned();
    let chrome = Chrome::new(visitor, "meetings", view.title.clone())
        .await?
        .crumb("/meetings", tr.t("meetings-title"));
    let page = MeetingPage {
        chrome,
        id: view.id.to_string(),
        body: body_name,
        body_href: format!("/bodies/{}", body.id),
        joint,
        when: local_time(view.slot.starts_at),
        ends: local_time(view.slot.ends_at),
        place: view.slot.place.as_ref().map(|p| p.as_str().to_owned()),
        online: view.slot.online.as_ref().map(|l| l.as_str().to_owned()),
        status: tr.t(words::meeting_status(view.status)),
        badge: words::meeting_badge(view.status),
        cancellation: view.cancellation.clone(),
        sent_version: view.sent_version,
        revised_since_sent: view.revised_since_sent,
        items,
        invitees,
        timeline: timeline::of(tr, &view, &names),
        trace,
        office: iiz_app::authz::meeting::runs_meetings_of(principal, view.tenant),
        open: view.status != MeetingStatus::Cancelled && view.status != MeetingStatus::Approved,
        csrf: visitor.csrf.clone(),
        errors,
    };
    render(&page, visitor, status)
}
