//! Mutations of the panorama. The canton's editors open and revise its
//! profile, report its figures and answer rounds; the Fachstelle proposes
//! corrections and runs rounds. The app decides who may (the configured
//! `[panorama]` rules); another canton's data answers `NOT_FOUND`.

use async_graphql::{Context, ID, InputObject, Json, Object, Result};
use chrono::NaiveDate;
use iiz_app::Caller;
use iiz_app::panorama::NewRound;
use iiz_domain::CantonCode;
use iiz_domain::panorama::Year;
use serde_json::Value;

use super::panorama_inputs::{
    FigureReportInput, addressed, figure_report, profile_content, section_change,
};
use crate::graphql::args::{caller, canton, free_text, panorama_year};
use crate::graphql::context::RequestContext;
use crate::graphql::panorama_enums::{AnswerKindValue, ProfileSection};
use crate::graphql::panorama_round_types::PanoramaRoundInfo;
use crate::graphql::panorama_types::{CantonProfileInfo, KeyFiguresInfo};

/// A round to open; left out, the 2020 survey's questions, the configured
/// cantons (all 26) and due date.
#[derive(Debug, Clone, InputObject)]
pub struct OpenPanoramaRoundInput {
    pub year: i32,
    pub due: Option<NaiveDate>,
    pub cantons: Option<Vec<ID>>,
}

/// The canton and year a profile step is about.
fn profile_of(canton_id: &ID, year: i32) -> Result<(CantonCode, Year)> {
    Ok((canton(canton_id)?, panorama_year(year)?))
}

async fn profile_after(
    caller: &Caller<'_>,
    request: &RequestContext,
    canton: CantonCode,
    year: Year,
) -> Result<CantonProfileInfo> {
    caller
        .canton_profile(canton, year)
        .await
        .map(Into::into)
        .map_err(|error| request.error(error))
}

async fn round_after(
    caller: &Caller<'_>,
    request: &RequestContext,
    year: Year,
) -> Result<PanoramaRoundInfo> {
    caller
        .panorama_round(year)
        .await
        .map(Into::into)
        .map_err(|error| request.error(error))
}

#[derive(Debug, Default)]
pub struct PanoramaMutations;

#[Object]
impl PanoramaMutations {
    /// The canton opens its profile for a year: with `content`
    /// (`ProfileContent`), or a copy of its latest earlier year's.
    async fn open_canton_profile(
        &self,
        ctx: &Context<'_>,
        canton: ID,
        year: i32,
        content: Option<Json<Value>>,
    ) -> Result<CantonProfileInfo> {
        let (caller, request, _) = caller(ctx)?;
        let (canton, year) = profile_of(&canton, year)?;
        let content = content.map(profile_content).transpose()?;
        caller
            .open_canton_profile(canton, year, content)
            .await
            .map_err(|error| request.error(error))?;
        profile_after(&caller, request, canton, year).await
    }

    /// The canton replaces one part of its profile; a visible revision.
    async fn revise_canton_profile(
        &self,
        ctx: &Context<'_>,
        canton: ID,
        year: i32,
        section: ProfileSection,
        content: Json<Value>,
        #[graphql(default)] note: String,
    ) -> Result<CantonProfileInfo> {
        let (caller, request, _) = caller(ctx)?;
        let (canton, year) = profile_of(&canton, year)?;
        let change = section_change(section, content)?;
        caller
            .revise_canton_profile(canton, year, change, free_text(note)?)
            .await
            .map_err(|error| request.error(error))?;
        profile_after(&caller, request, canton, year).await
    }

    /// The Fachstelle proposes a correction of one part, with its reason.
    async fn propose_profile_correction(
        &self,
        ctx: &Context<'_>,
        canton: ID,
        year: i32,
        section: ProfileSection,
        content: Json<Value>,
        reason: String,
    ) -> Result<CantonProfileInfo> {
        let (caller, request, _) = caller(ctx)?;
        let (canton, year) = profile_of(&canton, year)?;
        let change = section_change(section, content)?;
        caller
            .propose_profile_correction(canton, year, change, free_text(reason)?)
            .await
            .map_err(|error| request.error(error))?;
        profile_after(&caller, request, canton, year).await
    }

    async fn withdraw_profile_correction(
        &self,
        ctx: &Context<'_>,
        canton: ID,
        year: i32,
        proposal: u32,
    ) -> Result<CantonProfileInfo> {
        let (caller, request, _) = caller(ctx)?;
        let (canton, year) = profile_of(&canton, year)?;
        caller
            .withdraw_profile_correction(canton, year, proposal)
            .await
            .map_err(|error| request.error(error))?;
        profile_after(&caller, request, canton, year).await
    }

    /// The canton confirms a proposed correction: it becomes a revision.
    async fn confirm_profile_correction(
        &self,
        ctx: &Context<'_>,
        canton: ID,
        year: i32,
        proposal: u32,
    ) -> Result<CantonProfileInfo> {
        let (caller, request, _) = caller(ctx)?;
        let (canton, year) = profile_of(&canton, year)?;
        caller
            .confirm_profile_correction(canton, year, proposal)
            .await
            .map_err(|error| request.error(error))?;
        profile_after(&caller, request, canton, year).await
    }

    async fn reject_profile_correction(
        &self,
        ctx: &Context<'_>,
        canton: ID,
        year: i32,
        proposal: u32,
        reason: String,
    ) -> Result<CantonProfileInfo> {
        let (caller, request, _) = caller(ctx)?;
        let (canton, year) = profile_of(&canton, year)?;
        caller
            .reject_profile_correction(canton, year, proposal, free_text(reason)?)
            .await
            .map_err(|error| request.error(error))?;
        profile_after(&caller, request, canton, year).await
    }

    /// The canton reports its figures for a year; a different report is a
    /// correction, the same again records nothing.
    async fn report_key_figures(
        &self,
        ctx: &Context<'_>,
        canton: ID,
        year: i32,
        figures: FigureReportInput,
    ) -> Result<KeyFiguresInfo> {
        let (caller, request, _) = caller(ctx)?;
        let (canton, year) = profile_of(&canton, year)?;
        caller
            .report_key_figures(canton, year, figure_report(figures)?)
            .await
            .map_err(|error| request.error(error))?;
        caller
            .key_figures(canton, year)
            .await
            .map(Into::into)
            .map_err(|error| request.error(error))
    }

    /// The Fachstelle opens the round of a year.
    async fn open_panorama_round(
        &self,
        ctx: &Context<'_>,
        input: OpenPanoramaRoundInput,
    ) -> Result<PanoramaRoundInfo> {
        let (caller, request, _) = caller(ctx)?;
        let year = panorama_year(input.year)?;
        let new = NewRound {
            year,
            questions: None,
            cantons: addressed(input.cantons)?,
            due: input.due,
        };
        caller
            .open_panorama_round(new)
            .await
            .map_err(|error| request.error(error))?;
        round_after(&caller, request, year).await
    }

    /// The canton answers a round: `CONFIRMED` (its data as it stands) or
    /// `UPDATED`; the answer names its current profile and figures revisions.
    async fn answer_panorama_round(
        &self,
        ctx: &Context<'_>,
        year: i32,
        canton: ID,
        kind: AnswerKindValue,
    ) -> Result<PanoramaRoundInfo> {
        let (caller, request, _) = caller(ctx)?;
        let year = panorama_year(year)?;
        caller
            .answer_panorama_round(year, self::canton(&canton)?, kind.into(), None)
            .await
            .map_err(|error| request.error(error))?;
        round_after(&caller, request, year).await
    }

    async fn close_panorama_round(
        &self,
        ctx: &Context<'_>,
        year: i32,
    ) -> Result<PanoramaRoundInfo> {
        let (caller, request, _) = caller(ctx)?;
        let year = panorama_year(year)?;
        caller
            .close_panorama_round(year)
            .await
            .map_err(|error| request.error(error))?;
        round_after(&caller, request, year).await
    }

    /// The Fachstelle reopens a closed round, with its reason.
    async fn reopen_panorama_round(
        &self,
        ctx: &Context<'_>,
        year: i32,
        reason: String,
    ) -> Result<PanoramaRoundInfo> {
        let (caller, request, _) = caller(ctx)?;
        let year = panorama_year(year)?;
        caller
            .reopen_panorama_round(year, free_text(reason)?)
            .await
            .map_err(|error| request.error(error))?;
        round_after(&caller, request, year).await
    }

    /// The Fachstelle publishes a closed round: its panorama is frozen.
    async fn publish_panorama_round(
        &self,
        ctx: &Context<'_>,
        year: i32,
    ) -> Result<PanoramaRoundInfo> {
        let (caller, request, _) = caller(ctx)?;
        let year = panorama_year(year)?;
        caller
            .publish_panorama_round(year)
            .await
            .map_err(|error| request.error(error))?;
        round_after(&caller, request, year).await
    }
}
