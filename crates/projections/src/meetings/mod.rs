//! Meetings of the bodies: each meeting with its agenda, revisions, minutes
//! and decisions ([`MeetingView`]), and a compact calendar entry per
//! meeting ([`CalendarEntry`]) that the per-body calendars, the iCalendar
//! feeds and the yearly overviews ([`meeting_year`]) read without loading
//! minutes. Both are keyed by meeting id and sorted by the local start
//! time; a joint meeting lists both bodies in `bodies`, so it is on both
//! calendars.

mod history;
mod overview;
#[cfg(test)]
mod tests;
mod view;

use iiz_domain::meeting::MeetingEvent;
use iiz_store::{DocKey, DocSet, ProjectionError, RecordedEvent};

pub use overview::{MeetingCounts, MeetingYear, meeting_year};
pub use view::{
    ApprovalView, CalendarEntry, ItemMinutes, ItemView, MeetingStatus, MeetingView, Revision,
    RevisionKind, Sending, local_key,
};

use crate::{Projection, decode, get_typed, put_typed};

/// Collection of [`MeetingView`], keyed by meeting id.
pub const MEETINGS: &str = "meetings";
/// Collection of [`CalendarEntry`], keyed by meeting id.
pub const MEETING_CALENDAR: &str = "meeting_calendar";

#[derive(Debug, Clone, Copy, Default)]
pub struct MeetingRegister;

impl Projection for MeetingRegister {
    fn name(&self) -> &'static str {
        "meeting_register"
    }

    fn version(&self) -> i32 {
        1
    }

    fn collections(&self) -> &'static [&'static str] {
        &[MEETINGS, MEETING_CALENDAR]
    }

    fn handles(&self, stream_type: &str) -> bool {
        stream_type == "meeting"
    }

    fn keys(&self, event: &RecordedEvent) -> Result<Vec<DocKey>, ProjectionError> {
        let id = event.stream.stream_id.as_str();
        Ok(vec![
            DocKey::new(MEETINGS, id),
            DocKey::new(MEETING_CALENDAR, id),
        ])
    }

    fn apply(&self, docs: &mut DocSet, event: &RecordedEvent) -> Result<(), ProjectionError> {
        let id = event.stream.stream_id.as_str();
        let key = DocKey::new(MEETINGS, id);
        let change = decode::<MeetingEvent>(event)?;
        let before = get_typed::<MeetingView>(docs, &key)?;
        let view = history::apply(before, &change, event).map_err(|reason| {
            ProjectionError::Malformed {
                key: key.clone(),
                reason,
            }
        })?;
        let tenant = Some(view.tenant.as_str().to_owned());
        let sort = view.starts_at.clone();
        put_typed(
            docs,
            DocKey::new(MEETING_CALENDAR, id),
            tenant.clone(),
            sort.clone(),
            &CalendarEntry::of(&view),
        )?;
        put_typed(docs, key, tenant, sort, &view)
    }
}
