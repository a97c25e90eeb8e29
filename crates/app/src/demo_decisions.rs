//! The minutes behind the demo's body decisions. The demo concerns,
//! recommendations and programme took their EKG and STG steps before the
//! demo year's meetings (`demo_meetings`); each such step is a body's
//! decision and names where it was taken, so the demo records them in the
//! bodies' last meetings of the year before the demo year: one decision item each, minuted, and the
//! Fachstelle records the step with that meeting item as its basis. Played
//! through the real commands.

use chrono::NaiveDateTime;
use iiz_domain::basis::DecisionSource;
use iiz_domain::decision::ItemSubject;
use iiz_domain::ids::MeetingId;
use iiz_domain::meeting::{AgendaItem, Decision, ItemPurpose, MeetingCommand, Resolution, Slot};
use iiz_domain::text::FreeText;
use iiz_domain::{BodyId, TenantId, Title};
use iiz_projections::MEETINGS;
use iiz_store::{DocFilter, DocQuery, EventStore};

use crate::demo_cast::{Cast, JONAS, MARCO, NICOLE, PETRA};
use crate::demo_people::demo_person_id;
use crate::meetings::NewMeeting;
use crate::tenants::seeded_body_id;
use crate::{App, AppError};

/// The national body that decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DemoBody {
    Ekg,
    Stg,
}

impl DemoBody {
    /// The body, its last meeting of the year before the demo year
    /// (`{year-1}`, see `DemoYears::fill`), when it starts and how it
    /// decided.
    fn meeting(self) -> (&'static str, &'static str, &'static str, Resolution) {
        match self {
            Self::Ekg => (
                "EKG",
                "EKG-Sitzung 4/{year-1}",
                "{year-1}-11-11 09:30",
                Resolution::Consensus,
            ),
            Self::Stg => (
                "STG",
                "STG-Sitzung 4/{year-1}",
                "{year-1}-11-27 13:30",
                Resolution::Vote {
                    yes: 2,
                    no: 0,
                    abstain: 0,
                },
            ),
        }
    }
}

fn invalid(error: impl std::fmt::Display) -> AppError {
    AppError::invalid(error.to_string())
}

/// A title cut to what a title holds.
fn title(value: &str) -> Result<Title, AppError> {
    let cut: String = value.chars().take(Title::MAX_CHARS).collect();
    Title::parse(cut.trim()).map_err(invalid)
}

impl App {
    /// Minutes `body`'s decision `outcome` on `subject` in the body's last
    /// meeting of the year before the demo year (scheduled on first use) and returns it as the basis
    /// the Fachstelle records the step with.
    pub(crate) async fn demo_decision(
        &self,
        cast: &Cast,
        body: DemoBody,
        subject: ItemSubject,
        name: &str,
        outcome: &str,
    ) -> Result<DecisionSource, AppError> {
        let petra = cast.caller(self, PETRA)?;
        let (short, meeting_title, starts, resolution) = body.meeting();
        let years = self.demo_years();
        let (meeting_title, starts) = (years.fill(meeting_title), years.fill(starts));
        let body_id = seeded_body_id(TenantId::National, short);
        let meeting = match self.demo_register(body_id, &meeting_title).await? {
            Some(id) => id,
            None => {
                let starts_at =
                    NaiveDateTime::parse_from_str(&starts, "%Y-%m-%d %H:%M").map_err(invalid)?;
                let slot = Slot {
                    starts_at,
                    ends_at: starts_at + chrono::Duration::hours(3),
                    place: Some(title("Bern, Haus der Kantone")?),
                    online: None,
                };
                let new = NewMeeting {
                    body: body_id,
                    joint_with: None,
                    title: title(&meeting_title)?,
                    slot,
                };
                let (id, _) = petra.schedule_meeting(new).await?;
                id
            }
        };
        let item = AgendaItem {
            title: title(name)?,
            purpose: ItemPurpose::Decision,
            subject,
            note: FreeText::default(),
            documents: vec![],
        };
        let reason = FreeText::parse("Nachtrag der Fachstelle").map_err(invalid)?;
        petra
            .meeting_command(meeting, MeetingCommand::AddItem { item, reason })
            .await?;
        // The item just added is the meeting's last: the demo loads alone.
        let number = petra
            .meeting(meeting)
            .await?
            .items
            .iter()
            .map(|item| item.number)
            .max()
            .ok_or_else(|| AppError::Internal("demo decision item not added".to_owned()))?;
        petra
            .meeting_command(meeting, MeetingCommand::SendAgenda)
            .await?;
        let present = [MARCO, JONAS, NICOLE]
            .into_iter()
            .map(demo_person_id)
            .collect();
        let decision = Decision {
            outcome: FreeText::parse(outcome).map_err(invalid)?,
            rationale: FreeText::default(),
            resolution,
            present,
            effect: None,
        };
        let minutes = MeetingCommand::RecordMinutes {
            number,
            note: FreeText::parse("Beschlossen.").map_err(invalid)?,
            decision: Some(decision),
        };
        petra.meeting_command(meeting, minutes).await?;
        Ok(DecisionSource::Meeting {
            meeting,
            item: number,
        })
    }

    async fn demo_register(&self, body: BodyId, name: &str) -> Result<Option<MeetingId>, AppError> {
        let query = DocQuery {
            collection: MEETINGS.to_owned(),
            filters: vec![
                DocFilter::Eq("title".into(), name.into()),
                DocFilter::Eq("body".into(), body.to_string().into()),
            ],
            limit: 1,
            ..DocQuery::default()
        };
        let found = self.store().docs(&query).await?;
        found
            .first()
            .map(|doc| MeetingId::parse(&doc.key.id))
            .transpose()
            .map_err(|error| AppError::Internal(format!("meeting id: {error}")))
    }
}
