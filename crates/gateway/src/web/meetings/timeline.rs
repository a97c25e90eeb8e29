//! A meeting's timeline: who did what, when and why — scheduled, the
//! agenda sent and revised, the minutes recorded, each decision carried
//! out (or refused by its subject) and the minutes approved.

use chrono::{DateTime, Utc};
use iiz_domain::meeting::{Approval, Propagation, Resolution};
use iiz_projections::MeetingView;

use super::names::Names;
use super::words::{self, tkey};
use crate::web::format;
use crate::web::i18n::Tr;

/// One step of the timeline.
#[derive(Debug, Clone)]
pub struct TimelineRow {
    pub at: DateTime<Utc>,
    pub when: String,
    pub who: String,
    pub what: String,
    pub why: String,
}

fn row(at: DateTime<Utc>, who: String, what: String, why: String) -> TimelineRow {
    TimelineRow {
        at,
        when: format::date_time(at),
        who,
        what,
        why,
    }
}

/// The people a meeting's timeline names.
pub fn actors(view: &MeetingView) -> Vec<iiz_domain::PersonId> {
    let mut actors: Vec<&str> = view.sendings.iter().map(|s| s.actor.as_str()).collect();
    actors.extend(view.revisions.iter().map(|r| r.actor.as_str()));
    actors.extend(
        view.items
            .iter()
            .filter_map(|item| item.minutes.as_ref().map(|m| m.actor.as_str())),
    );
    actors.extend(view.approval.as_ref().map(|a| a.actor.as_str()));
    actors
        .into_iter()
        .filter_map(super::names::person_of)
        .collect()
}

/// The timeline of `view`, oldest first.
pub fn of(tr: Tr, view: &MeetingView, names: &Names) -> Vec<TimelineRow> {
    let mut rows = vec![row(
        view.scheduled_at,
        tr.t("meetings-secretariat"),
        tr.t1(
            "meetings-event-scheduled",
            "when",
            super::local_time(view.slot.starts_at),
        ),
        String::new(),
    )];
    for sending in &view.sendings {
        rows.push(row(
            sending.at,
            names.actor(&sending.actor),
            tr.t1("meetings-event-sent", "version", sending.version),
            String::new(),
        ));
    }
    for revision in &view.revisions {
        let mut what = tr.t(words::revision(revision.kind));
        if let Some(title) = &revision.title {
            what = format!("{what}: {title}");
        }
        rows.push(row(
            revision.at,
            names.actor(&revision.actor),
            what,
            revision.reason.clone(),
        ));
    }
    for item in &view.items {
        let Some(minutes) = &item.minutes else {
            continue;
        };
        let title = item.item.title.as_str();
        let (what, why) = match &minutes.decision {
            Some(decision) => (
                tr.args(
                    tkey("meetings-event-decided"),
                    &[
                        ("number", item.number.to_string()),
                        ("title", title.to_owned()),
                        ("outcome", decision.outcome.as_str().to_owned()),
                    ],
                ),
                decision.rationale.as_str().to_owned(),
            ),
            None => (
                tr.args(
                    tkey("meetings-event-minuted"),
                    &[
                        ("number", item.number.to_string()),
                        ("title", title.to_owned()),
                    ],
                ),
                minutes.note.clone(),
            ),
        };
        rows.push(row(
            minutes.recorded_at,
            names.actor(&minutes.actor),
            what,
            why,
        ));
        if let (Some(propagation), Some(at)) = (&item.propagation, item.propagated_at) {
            let number = item.number.to_string();
            let (what, why) = match propagation {
                Propagation::Applied => (
                    tr.t1("meetings-event-applied", "number", number),
                    String::new(),
                ),
                Propagation::Refused { reason } => (
                    tr.t1("meetings-event-refused", "number", number),
                    reason.clone(),
                ),
            };
            rows.push(row(at, tr.t("meetings-platform"), what, why));
        }
    }
    if let Some(approval) = &view.approval {
        let what = match approval.approval {
            Approval::ByChair => tr.t("meetings-event-approved-by-chair"),
            Approval::AtMeeting(_) => tr.t("meetings-event-approved-at-meeting"),
        };
        rows.push(row(
            approval.at,
            names.actor(&approval.actor),
            what,
            String::new(),
        ));
    }
    if let Some(reason) = &view.cancellation {
        // The cancellation's revision names who and when; its reason is here
        // when no revision was kept.
        if !view
            .revisions
            .iter()
            .any(|revision| revision.kind == iiz_projections::RevisionKind::Cancelled)
        {
            rows.push(row(
                view.updated_at,
                tr.t("meetings-secretariat"),
                tr.t("meetings-revision-cancelled"),
                reason.clone(),
            ));
        }
    }
    rows.sort_by_key(|row| row.at);
    rows
}

/// How a decision was taken: by consensus or by a vote with its counts.
pub fn resolution(tr: Tr, resolution: &Resolution) -> String {
    match resolution {
        Resolution::Consensus => tr.t("meetings-consensus"),
        Resolution::Vote { yes, no, abstain } => tr.args(
            tkey("meetings-votes"),
            &[
                ("yes", yes.to_string()),
                ("no", no.to_string()),
                ("abstain", abstain.to_string()),
            ],
        ),
    }
}
