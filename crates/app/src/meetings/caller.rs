//! Meeting commands as one caller may issue them.

use iiz_domain::BodyRole;
use iiz_domain::ids::MeetingId;
use iiz_domain::meeting::{AgendaItem, Approval, Decision, ItemSubject, Meeting, MeetingCommand};
use iiz_domain::text::FreeText;
use iiz_projections::{MeetingStatus, MeetingView};

use super::{NewMeeting, meeting_stream};
use crate::authz::meeting::approve_by_chair;
use crate::authz::seats::SeatPower;
use crate::authz::{Denied, Operation, Target};
use crate::{AppError, Caller, Executed};

impl Caller<'_> {
    /// Schedules a meeting of a body (jointly with another body of the same
    /// tenant, if any).
    pub async fn schedule_meeting(
        &self,
        new: NewMeeting,
    ) -> Result<(MeetingId, Executed), AppError> {
        let body = self.body(new.body).await?;
        self.check_operation(Operation::ScheduleMeeting, Target::tenant(body.tenant))?;
        if !body.active {
            return Err(AppError::invalid(format!(
                "body {} is dissolved and no longer meets",
                body.id
            )));
        }
        if let Some(joint) = new.joint_with {
            let other = self.app().body_view(joint).await?;
            if !other.is_some_and(|other| other.tenant == body.tenant && other.active) {
                return Err(AppError::invalid(format!(
                    "body {joint} is no active body of {} to meet jointly with",
                    body.tenant
                )));
            }
        }
        let id = MeetingId::new();
        let command = MeetingCommand::Schedule {
            id,
            body: new.body,
            joint_with: new.joint_with,
            title: new.title,
            slot: new.slot,
        };
        let executed = self
            .app()
            .execute::<Meeting>(
                meeting_stream(body.tenant, id),
                command,
                self.event_metadata()?,
            )
            .await?;
        Ok((id, executed))
    }

    /// Takes one step on a meeting. Minutes with a decision that has an
    /// effect also carry it out on the referenced concern or recommendation
    /// (see [`super::process`]); what became of it shows on the item.
    pub async fn meeting_command(
        &self,
        id: MeetingId,
        command: MeetingCommand,
    ) -> Result<Executed, AppError> {
        let view = self.meeting(id).await?;
        let tenant = Target::tenant(view.tenant);
        match &command {
            MeetingCommand::Schedule { .. } => {
                return Err(AppError::invalid(
                    "a meeting is scheduled once, with scheduleMeeting".to_owned(),
                ));
            }
            MeetingCommand::RecordPropagation { .. } => {
                return Err(AppError::invalid(
                    "what became of a decision is recorded by the platform".to_owned(),
                ));
            }
            MeetingCommand::Reschedule { .. }
            | MeetingCommand::Cancel { .. }
            | MeetingCommand::WithdrawItem { .. }
            | MeetingCommand::SendAgenda => {
                self.check_operation(Operation::PrepareMeeting, tenant)?;
            }
            MeetingCommand::AddItem { item, .. } | MeetingCommand::ChangeItem { item, .. } => {
                self.check_operation(Operation::PrepareMeeting, tenant)?;
                self.check_subject(item).await?;
            }
            MeetingCommand::RecordMinutes {
                number,
                note,
                decision,
            } => {
                self.check_operation(Operation::RecordMinutes, tenant)?;
                return self
                    .record_minutes(&view, *number, note.clone(), decision.clone())
                    .await;
            }
            MeetingCommand::ApproveMinutes { approval } => {
                self.check_operation(Operation::ApproveMinutes, tenant)?;
                self.check_approval(&view, *approval).await?;
            }
        }
        self.app()
            .execute::<Meeting>(
                meeting_stream(view.tenant, id),
                command,
                self.event_metadata()?,
            )
            .await
    }

    /// An item names a concern, recommendation, project or working group
    /// that exists; a concern the caller may not see counts as missing.
    async fn check_subject(&self, item: &AgendaItem) -> Result<(), AppError> {
        let (collection, what, id) = match &item.subject {
            ItemSubject::Concern(id) => {
                let missing = self.visible_concern(*id).await?.is_none();
                return refuse_missing(missing.then(|| format!("concern {id}")));
            }
            ItemSubject::Recommendation(id) => (
                iiz_projections::RECOMMENDATIONS,
                "recommendation",
                id.to_string(),
            ),
            ItemSubject::Project(id) => (iiz_projections::PROJECTS, "project", id.to_string()),
            ItemSubject::WorkingGroup(id) => (
                iiz_projections::WORKING_GROUPS,
                "working group",
                id.to_string(),
            ),
            ItemSubject::Free | ItemSubject::Report(_) | ItemSubject::WorkProgramme(_) => {
                return Ok(());
            }
            ItemSubject::ChairElection(id) => (iiz_projections::BODIES, "body", id.to_string()),
        };
        let found = self
            .app()
            .typed_doc::<serde_json::Value>(collection, &id)
            .await?;
        refuse_missing(found.is_none().then(|| format!("{what} {id}")))
    }

    /// At the next meeting: a later, not cancelled meeting of the same body,
    /// recorded by the office. By the chair: the body's chair or its office.
    async fn check_approval(&self, view: &MeetingView, approval: Approval) -> Result<(), AppError> {
        let principal = self
            .principal()
            .ok_or(AppError::Denied(Denied::Unauthenticated))?;
        match approval {
            Approval::AtMeeting(next) if next != view.id => {
                self.check_operation(Operation::RecordMinutes, Target::tenant(view.tenant))?;
                let later = self.app().meeting_view(next).await?;
                let fits = later.is_some_and(|later| {
                    later.bodies.contains(&view.body)
                        && later.slot.starts_at > view.slot.starts_at
                        && later.status != MeetingStatus::Cancelled
                });
                if !fits {
                    return Err(AppError::invalid(format!(
                        "meeting {next} is no later meeting of the same body"
                    )));
                }
                Ok(())
            }
            // The domain refuses a meeting approving itself.
            Approval::AtMeeting(_) => Ok(()),
            Approval::ByChair => {
                let chairs = principal.may_use(SeatPower::BodySeat(view.tenant))
                    && self
                        .app()
                        .current_seat(principal.person, view.body)
                        .await?
                        .is_some_and(|seat| seat.role == BodyRole::Chair);
                approve_by_chair(principal, view.tenant, chairs).map_err(AppError::Denied)
            }
        }
    }

    /// Records the minutes of an item and carries out its decision.
    async fn record_minutes(
        &self,
        view: &MeetingView,
        number: u32,
        note: FreeText,
        decision: Option<Decision>,
    ) -> Result<Executed, AppError> {
        if view.slot.starts_at.date() > self.app().clock().swiss_today() {
            return Err(AppError::invalid(format!(
                "the meeting takes place on {}: its minutes are recorded from then on",
                view.slot.starts_at.date()
            )));
        }
        if let Some(effect) = decision.as_ref().and_then(|d| d.effect.as_ref())
            && let Err(reason) = self.app().body_may_take(view, effect).await?
        {
            return Err(AppError::invalid(reason));
        }
        // A decision minuted before and not yet carried out is carried out
        // first, so a correction never hides a step already taken.
        if view
            .item(number)
            .is_some_and(|item| item.awaits_propagation())
        {
            self.app().propagate(view.id, number).await?;
        }
        let carries = decision.as_ref().is_some_and(|d| d.effect.is_some());
        let command = MeetingCommand::RecordMinutes {
            number,
            note,
            decision,
        };
        let executed = self
            .app()
            .execute::<Meeting>(
                meeting_stream(view.tenant, view.id),
                command,
                self.event_metadata()?,
            )
            .await?;
        if carries {
            self.app().propagate(view.id, number).await?;
        }
        Ok(executed)
    }
}

fn refuse_missing(missing: Option<String>) -> Result<(), AppError> {
    match missing {
        Some(what) => Err(AppError::invalid(format!(
            "the item refers to {what}, which does not exist"
        ))),
        None => Ok(()),
    }
}
