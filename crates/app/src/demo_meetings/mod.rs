//! Demo meetings: the demo year's four EKG and four STG meetings (the last
//! STG meeting joint with the EKG), each with its agenda on demo concerns and
//! free items, sent out, one visibly revised; minutes with decisions for
//! the meetings that have taken place, approved at the next meeting; and
//! the first meetings of the next year planned. Played by the Fachstelle
//! through the real commands.
//!
//! The demo concerns already took their EKG and STG steps; the meetings
//! minute a decided one for the record. The year-end meetings carry one
//! more on through the process: the Fachstelle accepts one of the two
//! concerns waiting for triage, the EKG proposes a project to the STG, the
//! joint meeting decides on it; every stage keeps a demo concern. Loading again adds nothing: a meeting whose title
//! is already on its body's calendar is left alone.
//!
//! The years follow the app's clock ([`DemoYears`]), so the demo tells the
//! same story on any day: the demo year is the last one whose year-end
//! meeting has taken place, and the planned meetings are still ahead.

mod texts_de;
mod years;

use std::collections::BTreeSet;

use chrono::{NaiveDate, NaiveDateTime};
use iiz_domain::concern::{ConcernStage, EkgOutcome, StgOutcome};
use iiz_domain::ids::MeetingId;
use iiz_domain::meeting::{
    AgendaItem, Approval, Decision, DecisionEffect, ItemPurpose, ItemSubject, MeetingCommand,
    Resolution, Slot,
};
use iiz_domain::text::{FreeText, Link};
use iiz_domain::{BodyId, ConcernCommand, ConcernId, TenantId, Title};
use iiz_projections::{CONCERNS, ConcernView, MEETINGS, MeetingView};
use iiz_store::{DocFilter, DocQuery, EventStore};

use crate::demo_cast::{Cast, JONAS, MARCO, NICOLE, PETRA, Who};
use crate::demo_people::demo_person_id;
use crate::meetings::NewMeeting;
use crate::tenants::seeded_body_id;
use crate::{App, AppError};

use texts_de::{DemoMeeting, MEETINGS as DEMO_MEETINGS, YEAR_END_EKG};
pub use years::DemoYears;

fn invalid(error: impl std::fmt::Display) -> AppError {
    AppError::invalid(error.to_string())
}

fn text(value: &str) -> Result<FreeText, AppError> {
    FreeText::parse(value).map_err(invalid)
}

fn title(value: &str) -> Result<Title, AppError> {
    Title::parse(value).map_err(invalid)
}

fn at(years: DemoYears, value: &str) -> Result<NaiveDateTime, AppError> {
    NaiveDateTime::parse_from_str(&years.fill(value), "%Y-%m-%d %H:%M").map_err(invalid)
}

fn free(
    years: DemoYears,
    name: &str,
    purpose: ItemPurpose,
    note: &str,
) -> Result<AgendaItem, AppError> {
    Ok(AgendaItem {
        title: title(&years.fill(name))?,
        purpose,
        subject: ItemSubject::Free,
        note: text(&years.fill(note))?,
        documents: vec![],
    })
}

fn present(people: &[Who]) -> BTreeSet<iiz_domain::PersonId> {
    people.iter().map(|who| demo_person_id(who)).collect()
}

/// One demo meeting to play, in its years, on the day the demo loads.
struct Played<'a> {
    demo: &'a DemoMeeting,
    years: DemoYears,
    today: NaiveDate,
}

/// The concerns the meetings decide on.
struct CarriedOn {
    /// Accepted for the EKG before its year-end meeting, which proposes it
    /// to the STG; the joint meeting decides on it.
    carried: Option<ConcernView>,
    /// A concern the STG already decided on, minuted for the record.
    decided: Option<ConcernView>,
}

impl App {
    /// The demo's years on the app's clock.
    pub fn demo_years(&self) -> DemoYears {
        DemoYears::on(self.clock().swiss_today())
    }

    /// Loads the demo meetings (after the demo concerns and
    /// recommendations); returns how many were scheduled.
    pub(crate) async fn load_demo_meetings(&self) -> Result<usize, AppError> {
        let cast = self.demo_cast([PETRA, JONAS, NICOLE, MARCO]).await?;
        let stg = seeded_body_id(TenantId::National, "STG");
        let ekg = seeded_body_id(TenantId::National, "EKG");
        let years = self.demo_years();
        let today = self.clock().swiss_today();
        let year_end_ekg = years.fill(YEAR_END_EKG);
        let fresh = self.demo_meeting_id(ekg, &year_end_ekg).await?.is_none();
        let mut carried = None;
        if fresh
            && let Some(view) = self
                .demo_concerns_in(ConcernStage::AwaitingTriage, 2)
                .await?
        {
            let accept = ConcernCommand::Accept {
                note: text(&format!("Für die {year_end_ekg}"))?,
            };
            cast.caller(self, PETRA)?
                .concern_command(view.id, accept)
                .await?;
            carried = Some(view);
        }
        let carried = CarriedOn {
            carried,
            decided: self.demo_concerns_in(ConcernStage::Decided, 1).await?,
        };
        let mut scheduled = 0;
        // Each body's meetings in time order; a joint one is on both lists.
        let mut calendars: [Vec<MeetingId>; 2] = [Vec::new(), Vec::new()];
        for demo in DEMO_MEETINGS {
            let body = if demo.stg { stg } else { ekg };
            let id = match self.demo_meeting_id(body, &years.fill(demo.title)).await? {
                Some(id) => id,
                None => {
                    scheduled += 1;
                    let play = Played { demo, years, today };
                    Box::pin(self.play_meeting(&cast, play, body, ekg, &carried)).await?
                }
            };
            if demo.stg || demo.joint {
                calendars[0].push(id);
            }
            if !demo.stg || demo.joint {
                calendars[1].push(id);
            }
        }
        // Each body approves the minutes of its last meeting at the next.
        for calendar in &calendars {
            for pair in calendar.windows(2) {
                if let [last, next] = pair {
                    self.approve_demo_minutes(&cast, *last, *next).await?;
                }
            }
        }
        Ok(scheduled)
    }

    /// The newest demo concern in `stage`, when there are at least `least`
    /// (so that taking one on leaves the stage populated).
    async fn demo_concerns_in(
        &self,
        stage: ConcernStage,
        least: usize,
    ) -> Result<Option<ConcernView>, AppError> {
        let query = DocQuery {
            collection: CONCERNS.to_owned(),
            filters: vec![DocFilter::Eq("stage".into(), stage.as_str().into())],
            limit: 10,
            ..DocQuery::default()
        };
        let docs = self.store().docs(&query).await?;
        let views = docs
            .into_iter()
            .map(|doc| serde_json::from_value::<ConcernView>(doc.body))
            .collect::<Result<Vec<_>, _>>()
            .map_err(|error| AppError::Internal(format!("concern document: {error}")))?;
        Ok(if views.len() >= least {
            views.last().cloned()
        } else {
            None
        })
    }

    async fn demo_meeting_id(
        &self,
        body: BodyId,
        name: &str,
    ) -> Result<Option<MeetingId>, AppError> {
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

    async fn approve_demo_minutes(
        &self,
        cast: &Cast,
        last: MeetingId,
        next: MeetingId,
    ) -> Result<(), AppError> {
        let Some(view) = self.meeting_view(last).await? else {
            return Ok(());
        };
        let Some(later) = self.meeting_view(next).await? else {
            return Ok(());
        };
        // Approved once the approving meeting has taken place.
        if view.approval.is_some()
            || view.items.iter().all(|item| item.minutes.is_none())
            || later.slot.starts_at.date() > self.clock().swiss_today()
            || last == next
        {
            return Ok(());
        }
        let approval = Approval::AtMeeting(next);
        cast.caller(self, PETRA)?
            .meeting_command(last, MeetingCommand::ApproveMinutes { approval })
            .await?;
        Ok(())
    }

    async fn play_meeting(
        &self,
        cast: &Cast,
        play: Played<'_>,
        body: BodyId,
        ekg: BodyId,
        carried: &CarriedOn,
    ) -> Result<MeetingId, AppError> {
        let Played { demo, years, today } = play;
        let petra = cast.caller(self, PETRA)?;
        let slot = Slot {
            starts_at: at(years, demo.starts_at)?,
            ends_at: at(years, demo.ends_at)?,
            place: Some(title(demo.place)?),
            online: demo.online.map(Link::parse).transpose().map_err(invalid)?,
        };
        let new = NewMeeting {
            body,
            joint_with: demo.joint.then_some(ekg),
            title: title(&years.fill(demo.title))?,
            slot: slot.clone(),
        };
        let (id, _) = petra.schedule_meeting(new).await?;
        let mut items = vec![free(
            years,
            "Protokoll der letzten Sitzung",
            ItemPurpose::Information,
            "Das Protokoll liegt bei.",
        )?];
        // The concern decided on: carried on at year's end, else for the record.
        let concern = if demo.year_end {
            carried.carried.as_ref()
        } else {
            carried.decided.as_ref()
        };
        if let Some(view) = concern {
            items.push(AgendaItem {
                title: title(&format!("Anliegen {}: {}", view.origin, view.title))?,
                purpose: ItemPurpose::Decision,
                subject: ItemSubject::Concern(view.id),
                note: text(demo.concern_note)?,
                documents: vec![],
            });
        }
        for (name, note) in demo.items {
            items.push(free(years, name, ItemPurpose::Discussion, note)?);
        }
        for item in items {
            let command = MeetingCommand::AddItem {
                item,
                reason: FreeText::default(),
            };
            petra.meeting_command(id, command).await?;
        }
        if slot.starts_at.date() > today && !demo.send_ahead {
            return Ok(id);
        }
        petra
            .meeting_command(id, MeetingCommand::SendAgenda)
            .await?;
        if let Some((name, reason)) = demo.revision {
            let command = MeetingCommand::AddItem {
                item: free(years, name, ItemPurpose::Information, "Kurzinformation")?,
                reason: text(reason)?,
            };
            petra.meeting_command(id, command).await?;
            petra
                .meeting_command(id, MeetingCommand::SendAgenda)
                .await?;
        }
        if slot.starts_at.date() > today {
            return Ok(id);
        }
        self.minute_demo_meeting(cast, demo, id, concern.map(|view| view.id))
            .await?;
        Ok(id)
    }

    async fn minute_demo_meeting(
        &self,
        cast: &Cast,
        demo: &DemoMeeting,
        id: MeetingId,
        concern: Option<ConcernId>,
    ) -> Result<(), AppError> {
        let petra = cast.caller(self, PETRA)?;
        let view: MeetingView = petra.meeting(id).await?;
        let people = if demo.stg {
            present(&[MARCO, JONAS, NICOLE])
        } else {
            present(&[JONAS, NICOLE])
        };
        for item in view.current_items() {
            let decision = match (&item.item.subject, concern) {
                (ItemSubject::Concern(found), Some(concern)) if *found == concern => {
                    let effect = match (demo.year_end, demo.stg) {
                        (false, _) => None,
                        (true, false) => Some(DecisionEffect::Examine {
                            outcome: EkgOutcome::ProposeToStg {
                                proposal: StgOutcome::Project,
                            },
                        }),
                        (true, true) => Some(DecisionEffect::Decide {
                            outcome: StgOutcome::Project,
                            follow_up: None,
                        }),
                    };
                    Some(Decision {
                        outcome: text(demo.decision)?,
                        rationale: text(demo.rationale)?,
                        resolution: if demo.stg {
                            Resolution::Vote {
                                yes: 2,
                                no: 0,
                                abstain: 1,
                            }
                        } else {
                            Resolution::Consensus
                        },
                        present: people.clone(),
                        effect,
                    })
                }
                _ => None,
            };
            let note = if decision.is_some() {
                demo.concern_minutes
            } else {
                "Zur Kenntnis genommen."
            };
            let command = MeetingCommand::RecordMinutes {
                number: item.number,
                note: text(note)?,
                decision,
            };
            petra.meeting_command(id, command).await?;
        }
        Ok(())
    }
}
