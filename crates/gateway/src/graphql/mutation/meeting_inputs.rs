//! The inputs of the meeting mutations, parsed into the domain's values:
//! bad input is a `VALIDATION` error and changes nothing.

use std::collections::BTreeSet;

use async_graphql::{ID, InputObject, Result};
use chrono::{NaiveDate, NaiveDateTime};
use iiz_domain::concern::{EkgOutcome, StgOutcome};
use iiz_domain::ids::{ProjectId, WorkingGroupId};
use iiz_domain::meeting::{AgendaItem, Decision, DecisionEffect, ItemSubject, Resolution, Slot};
use iiz_domain::text::Link;
use iiz_domain::{ConcernId, PersonId, RecommendationId};

use super::concern_paths::{FollowUpInput, follow_up};
use super::concern_steps::ekg_outcome;
use crate::graphql::args::{AttachmentInput, attachments, free_text, invalid, parse_id, title};
use crate::graphql::concern_enums::{EkgOutcomeKind, StgOutcomeValue};
use crate::graphql::meeting_types::{EffectKind, ItemPurposeValue, ResolutionKind, SubjectKind};

/// When and where, in local Swiss time.
#[derive(Debug, Clone, InputObject)]
pub struct SlotInput {
    pub starts_at: NaiveDateTime,
    pub ends_at: NaiveDateTime,
    pub place: Option<String>,
    /// The link to join online.
    pub online: Option<String>,
}

pub(super) fn slot(input: SlotInput) -> Result<Slot> {
    let place = input.place.as_deref().map(title).transpose()?;
    let online = input
        .online
        .as_deref()
        .map(|link| Link::parse(link).map_err(|error| invalid(error.to_string())))
        .transpose()?;
    if place.is_none() && online.is_none() {
        return Err(invalid(
            "a meeting takes place somewhere: a place or an online link",
        ));
    }
    Ok(Slot {
        starts_at: input.starts_at,
        ends_at: input.ends_at,
        place,
        online,
    })
}

/// An agenda item as the office prepares it.
#[derive(Debug, Clone, InputObject)]
pub struct AgendaItemInput {
    pub title: String,
    pub purpose: ItemPurposeValue,
    pub subject: SubjectKind,
    /// The concern, recommendation, project or working group.
    pub subject_id: Option<ID>,
    /// The report's title, for a `REPORT` item.
    pub report_title: Option<String>,
    /// The first day of the programme's period, for a `WORK_PROGRAMME` item.
    pub programme_from: Option<NaiveDate>,
    #[graphql(default)]
    pub note: String,
    #[graphql(
        default,
        validator(custom = "crate::graphql::args::MaxItems(\"documents\")")
    )]
    pub documents: Vec<AttachmentInput>,
}

pub(super) fn agenda_item(input: AgendaItemInput) -> Result<AgendaItem> {
    let subject = item_subject(
        input.subject,
        input.subject_id.as_ref(),
        input.report_title.as_deref(),
        input.programme_from,
    )?;
    Ok(AgendaItem {
        title: title(&input.title)?,
        purpose: input.purpose.into(),
        subject,
        note: free_text(input.note)?,
        documents: attachments(input.documents)?,
    })
}

/// What an item or a circular resolution is about (shared with
/// `resolutions`).
pub(super) fn item_subject(
    kind: SubjectKind,
    subject_id: Option<&ID>,
    report_title: Option<&str>,
    programme_from: Option<NaiveDate>,
) -> Result<ItemSubject> {
    let target = || subject_id.ok_or_else(|| invalid("this subject needs subjectId"));
    Ok(match kind {
        SubjectKind::Free => ItemSubject::Free,
        SubjectKind::Concern => ItemSubject::Concern(parse_id(target()?, ConcernId::parse)?),
        SubjectKind::Recommendation => {
            ItemSubject::Recommendation(parse_id(target()?, RecommendationId::parse)?)
        }
        SubjectKind::Project => ItemSubject::Project(parse_id(target()?, ProjectId::parse)?),
        SubjectKind::WorkingGroup => {
            ItemSubject::WorkingGroup(parse_id(target()?, WorkingGroupId::parse)?)
        }
        SubjectKind::Report => ItemSubject::Report(title(
            report_title.ok_or_else(|| invalid("a REPORT item needs reportTitle"))?,
        )?),
        SubjectKind::ChairElection => {
            ItemSubject::ChairElection(parse_id(target()?, iiz_domain::BodyId::parse)?)
        }
        SubjectKind::WorkProgramme => ItemSubject::WorkProgramme(
            programme_from.ok_or_else(|| invalid("a WORK_PROGRAMME item needs programmeFrom"))?,
        ),
    })
}

/// The step a decision takes on the item's concern or recommendation.
#[derive(Debug, Clone, InputObject)]
pub struct EffectInput {
    pub kind: EffectKind,
    /// For `EXAMINE`.
    pub ekg_outcome: Option<EkgOutcomeKind>,
    pub working_group: Option<String>,
    /// For `EXAMINE` with `PROPOSE_TO_STG`: the outcome proposed.
    pub proposal: Option<StgOutcomeValue>,
    pub answer: Option<String>,
    /// For `DECIDE`.
    pub stg_outcome: Option<StgOutcomeValue>,
    /// For `DECIDE` "project", "working group" or "new action field": what
    /// the decision creates or links.
    pub follow_up: Option<FollowUpInput>,
    /// For `EXAMINE` with `GIVE_TO_WORKING_GROUP`: an existing mandate.
    pub mandate: Option<ID>,
    /// For `REFER_TO_EKG`: the STG's question to the EKG.
    pub question: Option<String>,
}

pub(super) fn effect(input: EffectInput) -> Result<DecisionEffect> {
    Ok(match input.kind {
        EffectKind::Adopt => DecisionEffect::Adopt,
        EffectKind::Decide => DecisionEffect::Decide {
            outcome: input
                .stg_outcome
                .map(StgOutcome::from)
                .ok_or_else(|| invalid("a DECIDE effect names stgOutcome"))?,
            follow_up: input.follow_up.map(follow_up).transpose()?,
        },
        EffectKind::Examine => {
            let mut outcome = ekg_outcome(
                input
                    .ekg_outcome
                    .ok_or_else(|| invalid("an EXAMINE effect names ekgOutcome"))?,
                input.working_group,
                input.proposal,
                input.answer,
            )?;
            if let (EkgOutcome::GiveToWorkingGroup { mandate, .. }, Some(id)) =
                (&mut outcome, input.mandate)
            {
                *mandate = Some(parse_id(&id, WorkingGroupId::parse)?);
            }
            DecisionEffect::Examine { outcome }
        }
        EffectKind::ReferToEkg => DecisionEffect::ReferToEkg {
            question: free_text(
                input
                    .question
                    .ok_or_else(|| invalid("a REFER_TO_EKG effect names the question"))?,
            )?,
        },
        EffectKind::Assess => DecisionEffect::Assess,
    })
}

/// A decision as minuted.
#[derive(Debug, Clone, InputObject)]
pub struct DecisionInput {
    pub outcome: String,
    #[graphql(default)]
    pub rationale: String,
    pub resolution: ResolutionKind,
    /// Votes, for `VOTE`.
    pub yes: Option<u32>,
    pub no: Option<u32>,
    pub abstain: Option<u32>,
    /// The people present.
    #[graphql(validator(custom = "crate::graphql::args::MaxItems(\"present\")"))]
    pub present: Vec<ID>,
    pub effect: Option<EffectInput>,
}

pub(super) fn decision(input: DecisionInput) -> Result<Decision> {
    let resolution = match input.resolution {
        ResolutionKind::Consensus => Resolution::Consensus,
        ResolutionKind::Vote => Resolution::Vote {
            yes: input.yes.unwrap_or(0),
            no: input.no.unwrap_or(0),
            abstain: input.abstain.unwrap_or(0),
        },
    };
    Ok(Decision {
        outcome: free_text(input.outcome)?,
        rationale: free_text(input.rationale)?,
        resolution,
        present: input
            .present
            .iter()
            .map(|person| parse_id(person, PersonId::parse))
            .collect::<Result<BTreeSet<_>>>()?,
        effect: input.effect.map(effect).transpose()?,
    })
}
