//! Queries of the panorama: canton profiles and key figures (a canton's
//! unpublished data only for those who read it, else `NOT_FOUND`), rounds,
//! published panoramas with their national figures, and comparisons.

use async_graphql::{Context, ID, Object, Result};
use iiz_domain::panorama::RevisionRef;

use super::args::{caller, canton, canton_set, panorama_year};
use super::panorama_enums::PanoramaFieldValue;
use super::panorama_national_types::NationalFiguresInfo;
use super::panorama_round_types::{
    FieldComparisonInfo, PanoramaRoundInfo, PublishedPanoramaInfo, RoundChangeInfo,
};
use super::panorama_types::{CantonProfileInfo, KeyFiguresInfo, ProfileAtRevision};

#[derive(Debug, Default)]
pub struct PanoramaQuery;

#[Object]
impl PanoramaQuery {
    /// A canton's current profile for a year of validity.
    async fn canton_profile(
        &self,
        ctx: &Context<'_>,
        canton: ID,
        year: i32,
    ) -> Result<CantonProfileInfo> {
        let (caller, request, _) = caller(ctx)?;
        caller
            .canton_profile(self::canton(&canton)?, panorama_year(year)?)
            .await
            .map(Into::into)
            .map_err(|error| request.error(error))
    }

    /// Every year's profile of a canton, oldest first.
    async fn canton_profiles(
        &self,
        ctx: &Context<'_>,
        canton: ID,
    ) -> Result<Vec<CantonProfileInfo>> {
        let (caller, request, _) = caller(ctx)?;
        let profiles = caller
            .canton_profiles(self::canton(&canton)?)
            .await
            .map_err(|error| request.error(error))?;
        Ok(profiles.into_iter().map(Into::into).collect())
    }

    /// A canton's profile as it stood at one revision.
    async fn canton_profile_revision(
        &self,
        ctx: &Context<'_>,
        canton: ID,
        year: i32,
        revision: u32,
    ) -> Result<ProfileAtRevision> {
        let (caller, request, _) = caller(ctx)?;
        let at = RevisionRef {
            year: panorama_year(year)?,
            revision,
        };
        caller
            .profile_revision(self::canton(&canton)?, at)
            .await
            .map(Into::into)
            .map_err(|error| request.error(error))
    }

    /// A canton's figures for a year as last reported.
    async fn key_figures(
        &self,
        ctx: &Context<'_>,
        canton: ID,
        year: i32,
    ) -> Result<KeyFiguresInfo> {
        let (caller, request, _) = caller(ctx)?;
        caller
            .key_figures(self::canton(&canton)?, panorama_year(year)?)
            .await
            .map(Into::into)
            .map_err(|error| request.error(error))
    }

    /// Every year's figures of a canton, oldest first.
    async fn key_figures_of(&self, ctx: &Context<'_>, canton: ID) -> Result<Vec<KeyFiguresInfo>> {
        let (caller, request, _) = caller(ctx)?;
        let figures = caller
            .key_figures_of(self::canton(&canton)?)
            .await
            .map_err(|error| request.error(error))?;
        Ok(figures.into_iter().map(Into::into).collect())
    }

    /// Every panorama round, oldest first.
    async fn panorama_rounds(&self, ctx: &Context<'_>) -> Result<Vec<PanoramaRoundInfo>> {
        let (caller, request, _) = caller(ctx)?;
        let rounds = caller
            .panorama_rounds()
            .await
            .map_err(|error| request.error(error))?;
        Ok(rounds.into_iter().map(Into::into).collect())
    }

    async fn panorama_round(&self, ctx: &Context<'_>, year: i32) -> Result<PanoramaRoundInfo> {
        let (caller, request, _) = caller(ctx)?;
        caller
            .panorama_round(panorama_year(year)?)
            .await
            .map(Into::into)
            .map_err(|error| request.error(error))
    }

    /// The panorama of a year as published.
    async fn panorama(&self, ctx: &Context<'_>, year: i32) -> Result<PublishedPanoramaInfo> {
        let (caller, request, _) = caller(ctx)?;
        caller
            .published_panorama(panorama_year(year)?)
            .await
            .map(Into::into)
            .map_err(|error| request.error(error))
    }

    /// The national figures of a published panorama.
    async fn national_panorama_figures(
        &self,
        ctx: &Context<'_>,
        year: i32,
    ) -> Result<NationalFiguresInfo> {
        let (caller, request, _) = caller(ctx)?;
        let year = panorama_year(year)?;
        caller
            .national_figures(year)
            .await
            .map(|figures| NationalFiguresInfo::new(year.get(), figures))
            .map_err(|error| request.error(error))
    }

    /// A field side by side for `cantons` (all addressed when empty) in a
    /// published panorama.
    async fn compare_cantons(
        &self,
        ctx: &Context<'_>,
        year: i32,
        field: PanoramaFieldValue,
        #[graphql(default)] cantons: Vec<ID>,
    ) -> Result<FieldComparisonInfo> {
        let (caller, request, _) = caller(ctx)?;
        caller
            .compare_cantons(panorama_year(year)?, field.into(), canton_set(&cantons)?)
            .await
            .map(Into::into)
            .map_err(|error| request.error(error))
    }

    /// How a field changed per canton from one published panorama to another.
    async fn compare_panoramas(
        &self,
        ctx: &Context<'_>,
        field: PanoramaFieldValue,
        from: i32,
        to: i32,
        #[graphql(default)] cantons: Vec<ID>,
    ) -> Result<Vec<RoundChangeInfo>> {
        let (caller, request, _) = caller(ctx)?;
        let changes = caller
            .compare_rounds(
                field.into(),
                panorama_year(from)?,
                panorama_year(to)?,
                canton_set(&cantons)?,
            )
            .await
            .map_err(|error| request.error(error))?;
        Ok(changes.into_iter().map(Into::into).collect())
    }
}
