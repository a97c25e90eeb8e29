//! Mutations of the monitoring: addressees answer, report and share; the
//! STG sets priorities; the EKG flags need for action.

use async_graphql::{Context, ID, InputObject, Object, Result};
use chrono::NaiveDate;
use iiz_domain::RecommendationCommand;
use iiz_domain::recommendation::{FlagTarget, ImplementationReport, ReportingPeriod};

use super::recommendations::act;
use crate::graphql::args::{AttachmentInput, attachments, free_text, invalid, party};
use crate::graphql::recommendation_types::{
    AcceptanceValue, ImplementationStatusValue, Recommendation,
};

/// One implementation report.
#[derive(Debug, Clone, InputObject)]
pub struct ReportInput {
    /// The first day of the period the report covers.
    pub period_from: NaiveDate,
    /// The last day of the period (never before the last report's).
    pub period_to: NaiveDate,
    pub status: ImplementationStatusValue,
    /// How far implementation has come, where a share makes sense (0–100).
    pub percent: Option<i32>,
    pub narrative: String,
    #[graphql(
        default,
        validator(custom = "crate::graphql::args::MaxItems(\"evidence\")")
    )]
    pub evidence: Vec<AttachmentInput>,
}

fn report(input: ReportInput) -> Result<ImplementationReport> {
    let percent = input
        .percent
        .map(|percent| {
            u8::try_from(percent)
                .ok()
                .filter(|percent| *percent <= 100)
                .ok_or_else(|| invalid(format!("a percentage is between 0 and 100, not {percent}")))
        })
        .transpose()?;
    Ok(ImplementationReport {
        period: ReportingPeriod {
            from: input.period_from,
            to: input.period_to,
        },
        status: input.status.into(),
        percent,
        narrative: free_text(input.narrative)?,
        evidence: attachments(input.evidence)?,
    })
}

#[derive(Debug, Default)]
pub struct RecommendationTrackingMutations;

#[Object]
impl RecommendationTrackingMutations {
    /// An addressee's answer (acceptance); a justification is required
    /// unless it accepts. A changed answer is recorded, the earlier kept.
    async fn answer_recommendation(
        &self,
        ctx: &Context<'_>,
        id: ID,
        addressee: String,
        acceptance: AcceptanceValue,
        #[graphql(default)] justification: String,
    ) -> Result<Recommendation> {
        let command = RecommendationCommand::Answer {
            addressee: party(&addressee)?,
            acceptance: acceptance.into(),
            justification: free_text(justification)?,
        };
        act(ctx, &id, command).await
    }

    /// An addressee's implementation report, kept with the version it
    /// answers.
    async fn report_implementation(
        &self,
        ctx: &Context<'_>,
        id: ID,
        addressee: String,
        report: ReportInput,
    ) -> Result<Recommendation> {
        let command = RecommendationCommand::Report {
            addressee: party(&addressee)?,
            report: self::report(report)?,
        };
        act(ctx, &id, command).await
    }

    /// Lets other addressees read (or stop reading) this addressee's
    /// justification and narratives.
    async fn share_recommendation_item(
        &self,
        ctx: &Context<'_>,
        id: ID,
        addressee: String,
        shareable: bool,
    ) -> Result<Recommendation> {
        let command = RecommendationCommand::Share {
            addressee: party(&addressee)?,
            shareable,
        };
        act(ctx, &id, command).await
    }

    /// The STG marks (or unmarks) an addressee's item as a priority.
    async fn prioritize_addressee(
        &self,
        ctx: &Context<'_>,
        id: ID,
        addressee: String,
        priority: bool,
        #[graphql(default)] note: String,
    ) -> Result<Recommendation> {
        let command = RecommendationCommand::Prioritize {
            addressee: party(&addressee)?,
            priority,
            note: free_text(note)?,
        };
        act(ctx, &id, command).await
    }

    /// The EKG flags a need for action on an addressee, or on the whole
    /// recommendation when no addressee is given.
    async fn flag_recommendation(
        &self,
        ctx: &Context<'_>,
        id: ID,
        addressee: Option<String>,
        note: String,
    ) -> Result<Recommendation> {
        let target = match addressee {
            Some(code) => FlagTarget::Addressee(party(&code)?),
            None => FlagTarget::Recommendation,
        };
        let note = free_text(note)?;
        act(ctx, &id, RecommendationCommand::Flag { target, note }).await
    }

    /// Resolves an open flag, saying how.
    async fn resolve_recommendation_flag(
        &self,
        ctx: &Context<'_>,
        id: ID,
        flag: i32,
        note: String,
    ) -> Result<Recommendation> {
        let flag = u32::try_from(flag).map_err(|_| invalid("a flag number is positive"))?;
        let note = free_text(note)?;
        act(ctx, &id, RecommendationCommand::ResolveFlag { flag, note }).await
    }
}
