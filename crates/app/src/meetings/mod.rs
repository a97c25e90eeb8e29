//! Meetings as the application runs them: the office of a body's tenant
//! schedules them, prepares and sends the agenda and records the minutes
//! ([`crate::authz::meeting`]); a decision with an effect is carried out on
//! the concern or recommendation its item refers to in the same command
//! ([`process`]); the calendars go out as iCalendar feeds ([`ics`]).

mod caller;
pub mod ics;
mod process;
mod queries;

use chrono::{NaiveDate, Utc};
use chrono_tz::Europe::Zurich;
use iiz_domain::body::BodyKind;
use iiz_domain::ids::MeetingId;
use iiz_domain::meeting::{Meeting, Slot};
use iiz_domain::{Aggregate, BodyId, TenantId, Title};
use iiz_projections::{BODIES, BodyView, MEETINGS, MeetingView, MeetingYear};
use iiz_store::StreamRef;

use crate::{App, AppError};

pub use process::propagation_key;
pub use queries::MeetingFilter;

/// A meeting to schedule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewMeeting {
    pub body: BodyId,
    /// Another body of the same tenant meeting jointly.
    pub joint_with: Option<BodyId>,
    pub title: Title,
    pub slot: Slot,
}

/// A body's year with what the concept expects of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YearlyOverview {
    pub year: MeetingYear,
    /// How many meetings a year the concept plans for the body (the STG and
    /// the EKG meet about four times a year), when it says.
    pub expected: Option<u32>,
    /// The national STG's last meeting of the year is not joint with the
    /// EKG, although the concept asks for it.
    pub year_end_not_joint: bool,
}

/// How often the concept has the national STG and EKG meet.
pub const NATIONAL_CADENCE: u32 = 4;

/// The stream of a meeting, in the tenant of its body.
pub fn meeting_stream(tenant: TenantId, id: MeetingId) -> StreamRef {
    StreamRef::new(tenant.as_str(), Meeting::STREAM_TYPE, id.to_string())
}

/// Today in Switzerland, where meetings take place (local times), on the
/// system's clock; code that has an [`App`] asks its [`App::clock`].
pub fn swiss_today() -> NaiveDate {
    Utc::now().with_timezone(&Zurich).date_naive()
}

/// The national body of `kind`, which the concept gives its own steps:
/// the EKG examines concerns, the STG decides and adopts.
pub(crate) fn is_national(view: &BodyView, kind: BodyKind) -> bool {
    view.tenant.is_national() && view.kind == kind
}

impl App {
    pub(crate) async fn meeting_view(
        &self,
        id: MeetingId,
    ) -> Result<Option<MeetingView>, AppError> {
        self.typed_doc(MEETINGS, &id.to_string()).await
    }

    pub(crate) async fn body_view(&self, id: BodyId) -> Result<Option<BodyView>, AppError> {
        self.typed_doc(BODIES, &id.to_string()).await
    }

    /// The bodies a meeting brings together (host first), as far as known.
    pub(crate) async fn meeting_bodies(
        &self,
        view: &MeetingView,
    ) -> Result<Vec<BodyView>, AppError> {
        let mut bodies = Vec::new();
        for id in &view.bodies {
            if let Some(body) = self.body_view(*id).await? {
                bodies.push(body);
            }
        }
        Ok(bodies)
    }
}
