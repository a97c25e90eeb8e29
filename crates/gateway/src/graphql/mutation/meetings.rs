//! Mutations of meetings: the office schedules, prepares and sends the
//! agenda and records the minutes (a decision with an effect is carried
//! out on its concern or recommendation in the same request, and what
//! became of it shows on the item); the chair or the next meeting approves.

use async_graphql::{Context, ID, InputObject, Object, Result};
use iiz_app::meetings::NewMeeting;
use iiz_domain::BodyId;
use iiz_domain::ids::MeetingId;
use iiz_domain::meeting::{Approval, MeetingCommand};
use iiz_domain::text::FreeText;

use super::meeting_inputs::{
    AgendaItemInput, DecisionInput, SlotInput, agenda_item, decision, slot,
};
use crate::graphql::args::{caller, free_text, parse_id, title};
use crate::graphql::meeting_types::Meeting;

/// A meeting to schedule.
#[derive(Debug, Clone, InputObject)]
pub struct ScheduleMeetingInput {
    pub body: ID,
    /// Another body of the same tenant meeting jointly (the STG's year-end
    /// meeting with the EKG).
    pub joint_with: Option<ID>,
    pub title: String,
    pub slot: SlotInput,
}

async fn meeting_after(ctx: &Context<'_>, id: MeetingId) -> Result<Meeting> {
    let (caller, request, _) = caller(ctx)?;
    caller
        .meeting(id)
        .await
        .map(Into::into)
        .map_err(|error| request.error(error))
}

/// Runs one command and reads the meeting back.
async fn act(ctx: &Context<'_>, id: &ID, command: MeetingCommand) -> Result<Meeting> {
    let (caller, request, _) = caller(ctx)?;
    let id = parse_id(id, MeetingId::parse)?;
    caller
        .meeting_command(id, command)
        .await
        .map_err(|error| request.error(error))?;
    meeting_after(ctx, id).await
}

fn reason(text: String) -> Result<FreeText> {
    free_text(text)
}

#[derive(Debug, Default)]
pub struct MeetingMutations;

#[Object]
impl MeetingMutations {
    /// The office schedules a meeting of a body.
    async fn schedule_meeting(
        &self,
        ctx: &Context<'_>,
        input: ScheduleMeetingInput,
    ) -> Result<Meeting> {
        let (caller, request, _) = caller(ctx)?;
        let new = NewMeeting {
            body: parse_id(&input.body, BodyId::parse)?,
            joint_with: input
                .joint_with
                .as_ref()
                .map(|id| parse_id(id, BodyId::parse))
                .transpose()?,
            title: title(&input.title)?,
            slot: slot(input.slot)?,
        };
        let (id, _) = caller
            .schedule_meeting(new)
            .await
            .map_err(|error| request.error(error))?;
        meeting_after(ctx, id).await
    }

    /// Moves a meeting that has not taken place, saying why.
    async fn reschedule_meeting(
        &self,
        ctx: &Context<'_>,
        id: ID,
        slot: SlotInput,
        reason: String,
    ) -> Result<Meeting> {
        let command = MeetingCommand::Reschedule {
            slot: self::slot(slot)?,
            reason: self::reason(reason)?,
        };
        act(ctx, &id, command).await
    }

    /// Cancels a meeting that has not taken place, saying why.
    async fn cancel_meeting(&self, ctx: &Context<'_>, id: ID, reason: String) -> Result<Meeting> {
        let reason = self::reason(reason)?;
        act(ctx, &id, MeetingCommand::Cancel { reason }).await
    }

    /// Adds an item; once the agenda went out, `reason` is required and
    /// the change is a visible revision.
    async fn add_agenda_item(
        &self,
        ctx: &Context<'_>,
        id: ID,
        item: AgendaItemInput,
        #[graphql(default)] reason: String,
    ) -> Result<Meeting> {
        let command = MeetingCommand::AddItem {
            item: agenda_item(item)?,
            reason: self::reason(reason)?,
        };
        act(ctx, &id, command).await
    }

    /// Changes an item (a revision with `reason` once the agenda went out).
    async fn change_agenda_item(
        &self,
        ctx: &Context<'_>,
        id: ID,
        number: u32,
        item: AgendaItemInput,
        #[graphql(default)] reason: String,
    ) -> Result<Meeting> {
        let command = MeetingCommand::ChangeItem {
            number,
            item: agenda_item(item)?,
            reason: self::reason(reason)?,
        };
        act(ctx, &id, command).await
    }

    /// Withdraws an item (a revision with `reason` once the agenda went out).
    async fn withdraw_agenda_item(
        &self,
        ctx: &Context<'_>,
        id: ID,
        number: u32,
        #[graphql(default)] reason: String,
    ) -> Result<Meeting> {
        let reason = self::reason(reason)?;
        act(ctx, &id, MeetingCommand::WithdrawItem { number, reason }).await
    }

    /// Sends the agenda out (again, after revisions).
    async fn send_agenda(&self, ctx: &Context<'_>, id: ID) -> Result<Meeting> {
        act(ctx, &id, MeetingCommand::SendAgenda).await
    }

    /// Records the minutes of an item; a decision with an effect is carried
    /// out on the item's concern or recommendation at once.
    async fn record_minutes(
        &self,
        ctx: &Context<'_>,
        id: ID,
        number: u32,
        #[graphql(default)] note: String,
        decision: Option<DecisionInput>,
    ) -> Result<Meeting> {
        let command = MeetingCommand::RecordMinutes {
            number,
            note: free_text(note)?,
            decision: decision.map(self::decision).transpose()?,
        };
        act(ctx, &id, command).await
    }

    /// Approves the minutes: at the body's later meeting `atMeeting`, or,
    /// without it, by the chair.
    async fn approve_minutes(
        &self,
        ctx: &Context<'_>,
        id: ID,
        at_meeting: Option<ID>,
    ) -> Result<Meeting> {
        let approval = match at_meeting {
            Some(next) => Approval::AtMeeting(parse_id(&next, MeetingId::parse)?),
            None => Approval::ByChair,
        };
        act(ctx, &id, MeetingCommand::ApproveMinutes { approval }).await
    }
}
