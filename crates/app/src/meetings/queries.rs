//! Reading meetings, calendars and yearly overviews, as one caller may.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use iiz_domain::BodyId;
use iiz_domain::body::BodyKind;
use iiz_domain::ids::MeetingId;
use iiz_projections::{
    BODY_MEMBERS, BodyMembersView, CalendarEntry, MEETING_CALENDAR, MEETINGS, MeetingView,
    meeting_year,
};
use iiz_store::{DocFilter, DocQuery};
use serde_json::Value;

use super::{NATIONAL_CADENCE, YearlyOverview, is_national};
use crate::authz::meeting::sees_meetings_of;
use crate::authz::{Denied, Operation, Target};
use crate::{AppError, Caller, Page};

/// Which meetings of a body to list: from a day on, before a day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeetingFilter {
    pub body: BodyId,
    pub from: Option<NaiveDate>,
    /// Exclusive.
    pub until: Option<NaiveDate>,
}

fn filters(body: BodyId, from: Option<NaiveDate>, until: Option<NaiveDate>) -> Vec<DocFilter> {
    let mut filters = vec![DocFilter::Contains(
        "bodies".to_owned(),
        Value::String(body.to_string()),
    )];
    if let Some(day) = from {
        filters.push(DocFilter::AtLeast("starts_at".to_owned(), day.to_string()));
    }
    if let Some(day) = until {
        filters.push(DocFilter::Below("starts_at".to_owned(), day.to_string()));
    }
    filters
}

impl Caller<'_> {
    /// A meeting, or `NOT_FOUND` when the caller may not see it.
    pub async fn meeting(&self, id: MeetingId) -> Result<MeetingView, AppError> {
        let view = self
            .app()
            .meeting_view(id)
            .await?
            .ok_or(AppError::Denied(Denied::NotFound))?;
        self.check_operation(Operation::ShowMeeting, Target::tenant(view.tenant))?;
        Ok(view)
    }

    /// A body's meetings (joint ones included) in time order.
    pub async fn meetings(
        &self,
        filter: &MeetingFilter,
        first: usize,
        after: Option<&str>,
    ) -> Result<Page<MeetingView>, AppError> {
        let body = self.body(filter.body).await?;
        self.check_operation(Operation::ListMeetings, Target::tenant(body.tenant))?;
        let query = DocQuery {
            collection: MEETINGS.to_owned(),
            filters: filters(filter.body, filter.from, filter.until),
            limit: first,
            ..DocQuery::default()
        };
        self.app().page(query, after).await
    }

    /// Every meeting on a body's calendar, in time order.
    pub async fn body_calendar(&self, body: BodyId) -> Result<Vec<CalendarEntry>, AppError> {
        let view = self.body(body).await?;
        self.check_operation(Operation::ListMeetings, Target::tenant(view.tenant))?;
        self.app()
            .all_docs(MEETING_CALENDAR, filters(body, None, None))
            .await
    }

    /// The meetings of every body the caller sits in now, in time order.
    pub async fn my_calendar(&self) -> Result<Vec<CalendarEntry>, AppError> {
        let principal = self
            .principal()
            .ok_or(AppError::Denied(Denied::Unauthenticated))?;
        self.check_operation(Operation::ListMeetings, Target::platform())?;
        let seats: Vec<BodyMembersView> = self.app().all_docs(BODY_MEMBERS, Vec::new()).await?;
        let mut meetings = BTreeMap::new();
        for members in seats.iter().filter(|members| {
            members
                .current()
                .any(|seat| seat.person == principal.person)
        }) {
            let Some(body) = self.app().body_view(members.body).await? else {
                continue;
            };
            if !sees_meetings_of(principal, body.tenant) {
                continue;
            }
            let entries: Vec<CalendarEntry> = self
                .app()
                .all_docs(MEETING_CALENDAR, filters(body.id, None, None))
                .await?;
            for entry in entries {
                meetings.insert((entry.starts_at.clone(), entry.id), entry);
            }
        }
        Ok(meetings.into_values().collect())
    }

    /// A body's meetings in `year`, per quarter, with the cadence the
    /// concept plans and whether the STG's year ends jointly with the EKG.
    pub async fn meeting_year(&self, body: BodyId, year: i32) -> Result<YearlyOverview, AppError> {
        let view = self.body(body).await?;
        self.check_operation(Operation::ListMeetings, Target::tenant(view.tenant))?;
        let from = NaiveDate::from_ymd_opt(year, 1, 1);
        let until = year
            .checked_add(1)
            .and_then(|next| NaiveDate::from_ymd_opt(next, 1, 1));
        let (Some(from), Some(until)) = (from, until) else {
            return Err(AppError::invalid(format!("{year} is no year to plan")));
        };
        let entries: Vec<CalendarEntry> = self
            .app()
            .all_docs(MEETING_CALENDAR, filters(body, Some(from), Some(until)))
            .await?;
        let overview = meeting_year(body, year, &entries);
        let national_body = |kind| is_national(&view, kind);
        let expected = (national_body(BodyKind::Steering)
            || national_body(BodyKind::ExpertCoordination))
        .then_some(NATIONAL_CADENCE);
        let mut year_end_not_joint = false;
        if national_body(BodyKind::Steering) && overview.last_meeting.is_some() {
            let joint = match overview.last_joint_with {
                Some(other) => self.app().body_view(other).await?,
                None => None,
            };
            year_end_not_joint =
                !joint.is_some_and(|other| is_national(&other, BodyKind::ExpertCoordination));
        }
        Ok(YearlyOverview {
            year: overview,
            expected,
            year_end_not_joint,
        })
    }
}
