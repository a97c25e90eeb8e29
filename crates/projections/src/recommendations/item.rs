//! How an addressee's events change its tracking item and monitoring row.

use iiz_domain::recommendation::FlagTarget;
use iiz_domain::{Party, RecommendationEvent};
use iiz_store::RecordedEvent;

use super::view::{
    AddresseeItem, AnswerEntry, FlagView, MonitoringRow, OpenFlag, PriorityMark,
    RecommendationView, ReportEntry, Resolution, StatusPoint,
};

pub(super) fn apply(
    view: &RecommendationView,
    party: Party,
    item: Option<AddresseeItem>,
    row: Option<MonitoringRow>,
    change: &RecommendationEvent,
    event: &RecordedEvent,
) -> (AddresseeItem, MonitoringRow) {
    let actor = event.metadata.actor.clone();
    let at = event.recorded_at;
    let day = at.date_naive();
    let mut item = item.unwrap_or_else(|| AddresseeItem {
        recommendation: view.id,
        addressee: party,
        recommendation_key: view.id.to_string(),
        addressee_key: party.to_string(),
        shareable: false,
        priority: None,
        answers: Vec::new(),
        reports: Vec::new(),
        flags: Vec::new(),
        since_version: view.version,
    });
    let mut row = row.unwrap_or_else(|| MonitoringRow::new(view.id, party));
    match change {
        RecommendationEvent::Answered {
            acceptance,
            justification,
            version,
            ..
        } => {
            item.answers.push(AnswerEntry {
                acceptance: *acceptance,
                justification: justification.as_str().to_owned(),
                version: *version,
                by: actor,
                at,
            });
            row.acceptance = Some(*acceptance);
            row.answered_on = Some(day);
            row.committed_on = if acceptance.commits() {
                row.committed_on.or(Some(day))
            } else {
                None
            };
            row.answered_version = Some(*version);
        }
        RecommendationEvent::Reported {
            report, version, ..
        } => {
            item.reports.push(ReportEntry {
                period: report.period,
                status: report.status,
                percent: report.percent,
                narrative: report.narrative.as_str().to_owned(),
                evidence: report.evidence.clone(),
                version: *version,
                by: actor,
                at,
            });
            row.status = Some(report.status);
            row.percent = report.percent;
            row.reported_until = Some(report.period.to);
            row.last_reported_on = Some(day);
            row.reports += 1;
            row.answered_version = Some(*version);
            // A correction for the same period replaces that period's point.
            if row
                .status_history
                .last()
                .is_some_and(|point| point.on == report.period.to)
            {
                row.status_history.pop();
            }
            row.status_history.push(StatusPoint {
                on: report.period.to,
                status: report.status,
            });
        }
        RecommendationEvent::SharingChanged { shareable, .. } => {
            item.shareable = *shareable;
            row.shareable = *shareable;
        }
        RecommendationEvent::PriorityChanged { priority, note, .. } => {
            item.priority = priority.then(|| PriorityMark {
                note: note.as_str().to_owned(),
                by: actor,
                at,
            });
            row.priority = *priority;
        }
        RecommendationEvent::Flagged {
            flag,
            target: FlagTarget::Addressee(_),
            note,
        } => {
            item.flags.push(FlagView {
                flag: *flag,
                target: FlagTarget::Addressee(party),
                note: note.as_str().to_owned(),
                raised_by: actor,
                raised_at: at,
                resolution: None,
            });
            row.open_flag = Some(OpenFlag {
                flag: *flag,
                note: note.as_str().to_owned(),
                since: at,
            });
        }
        RecommendationEvent::FlagResolved { flag, note, .. } => {
            if let Some(found) = item.flags.iter_mut().find(|found| found.flag == *flag) {
                found.resolution = Some(Resolution {
                    note: note.as_str().to_owned(),
                    by: actor,
                    at,
                });
            }
            if row
                .open_flag
                .as_ref()
                .is_some_and(|open| open.flag == *flag)
            {
                row.open_flag = None;
            }
        }
        // Publication and amendments open items; nothing else to record.
        _ => {}
    }
    (item, row)
}
