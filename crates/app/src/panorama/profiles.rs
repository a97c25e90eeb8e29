//! A canton's profile: read by the canton and the Fachstelle, kept by the
//! canton, corrected by the Fachstelle's proposals the canton confirms.

use iiz_domain::canton_profile::{CantonProfile, ProfileCommand, ProfileContent, SectionChange};
use iiz_domain::panorama::{Actor, RevisionRef, Year};
use iiz_domain::text::FreeText;
use iiz_domain::{CantonCode, TenantId};
use iiz_projections::{
    CANTON_PROFILES, PROFILE_REVISIONS, ProfileRevisionView, ProfileView, canton_year_id,
    revision_id,
};
use iiz_store::DocFilter;

use super::profile_stream;
use crate::authz::panorama::PanoramaAct;
use crate::authz::{Denied, Operation};
use crate::{AppError, Caller, Executed};

impl Caller<'_> {
    /// A canton's current profile for a year.
    pub async fn canton_profile(
        &self,
        canton: CantonCode,
        year: Year,
    ) -> Result<ProfileView, AppError> {
        self.panorama_check(
            Operation::ShowCantonProfile,
            TenantId::Canton(canton),
            PanoramaAct::ReadCanton(canton),
        )?;
        self.app()
            .typed_doc::<ProfileView>(CANTON_PROFILES, &canton_year_id(canton, year))
            .await?
            .ok_or(AppError::Denied(Denied::NotFound))
    }

    /// Every year's profile of a canton, oldest first.
    pub async fn canton_profiles(&self, canton: CantonCode) -> Result<Vec<ProfileView>, AppError> {
        self.panorama_check(
            Operation::ShowCantonProfile,
            TenantId::Canton(canton),
            PanoramaAct::ReadCanton(canton),
        )?;
        let filter = DocFilter::Eq("canton".to_owned(), canton.as_str().into());
        self.app().all_docs(CANTON_PROFILES, vec![filter]).await
    }

    /// A profile as it stood at one revision.
    pub async fn profile_revision(
        &self,
        canton: CantonCode,
        at: RevisionRef,
    ) -> Result<ProfileRevisionView, AppError> {
        self.panorama_check(
            Operation::ShowCantonProfile,
            TenantId::Canton(canton),
            PanoramaAct::ReadCanton(canton),
        )?;
        self.app()
            .typed_doc::<ProfileRevisionView>(PROFILE_REVISIONS, &revision_id(canton, at))
            .await?
            .ok_or(AppError::Denied(Denied::NotFound))
    }

    /// Opens the canton's profile for `year`: with `content`, or a copy of
    /// the latest earlier year's so nothing is retyped.
    pub async fn open_canton_profile(
        &self,
        canton: CantonCode,
        year: Year,
        content: Option<ProfileContent>,
    ) -> Result<Executed, AppError> {
        // Whether the caller may open it is asked before anything is read.
        self.panorama_check(
            Operation::ReviseCantonProfile,
            TenantId::Canton(canton),
            PanoramaAct::EditCanton(canton),
        )?;
        let content = match content {
            Some(content) => content,
            None => self
                .canton_profiles(canton)
                .await?
                .into_iter()
                .filter(|profile| profile.year < year)
                .max_by_key(|profile| profile.year)
                .map(|profile| profile.content)
                .ok_or_else(|| {
                    AppError::invalid_field(
                        "content",
                        format!("{canton} has no profile before {year} to start from"),
                    )
                })?,
        };
        self.canton_edit(canton, year, |actor, on| ProfileCommand::Open {
            canton,
            year,
            content: Box::new(content),
            actor,
            on,
        })
        .await
    }

    /// The canton changes one part of its profile.
    pub async fn revise_canton_profile(
        &self,
        canton: CantonCode,
        year: Year,
        change: SectionChange,
        note: FreeText,
    ) -> Result<Executed, AppError> {
        self.canton_edit(canton, year, |actor, on| ProfileCommand::Revise {
            change,
            note,
            actor,
            on,
        })
        .await
    }

    /// The canton confirms a proposed correction: it becomes a revision.
    pub async fn confirm_profile_correction(
        &self,
        canton: CantonCode,
        year: Year,
        proposal: u32,
    ) -> Result<Executed, AppError> {
        self.canton_edit(canton, year, |actor, on| {
            ProfileCommand::ConfirmCorrection {
                proposal,
                actor,
                on,
            }
        })
        .await
    }

    pub async fn reject_profile_correction(
        &self,
        canton: CantonCode,
        year: Year,
        proposal: u32,
        reason: FreeText,
    ) -> Result<Executed, AppError> {
        self.canton_edit(canton, year, |actor, on| ProfileCommand::RejectCorrection {
            proposal,
            reason,
            actor,
            on,
        })
        .await
    }

    /// The Fachstelle proposes a correction of one part.
    pub async fn propose_profile_correction(
        &self,
        canton: CantonCode,
        year: Year,
        change: SectionChange,
        reason: FreeText,
    ) -> Result<Executed, AppError> {
        self.fachstelle_correction(canton, year, |actor, on| {
            ProfileCommand::ProposeCorrection {
                change,
                reason,
                actor,
                on,
            }
        })
        .await
    }

    pub async fn withdraw_profile_correction(
        &self,
        canton: CantonCode,
        year: Year,
        proposal: u32,
    ) -> Result<Executed, AppError> {
        self.fachstelle_correction(canton, year, |actor, on| {
            ProfileCommand::WithdrawCorrection {
                proposal,
                actor,
                on,
            }
        })
        .await
    }

    async fn canton_edit(
        &self,
        canton: CantonCode,
        year: Year,
        command: impl FnOnce(Actor, chrono::NaiveDate) -> ProfileCommand,
    ) -> Result<Executed, AppError> {
        let tenant = TenantId::Canton(canton);
        self.panorama_check(
            Operation::ReviseCantonProfile,
            tenant,
            PanoramaAct::EditCanton(canton),
        )?;
        self.profile_step(canton, year, tenant, command).await
    }

    async fn fachstelle_correction(
        &self,
        canton: CantonCode,
        year: Year,
        command: impl FnOnce(Actor, chrono::NaiveDate) -> ProfileCommand,
    ) -> Result<Executed, AppError> {
        self.panorama_check(
            Operation::ProposeProfileCorrection,
            TenantId::Canton(canton),
            PanoramaAct::ProposeCorrection,
        )?;
        // Only an opened profile can be corrected; the domain says so too,
        // but the caller learns it as "not found", like a read.
        self.canton_profile(canton, year).await?;
        self.profile_step(canton, year, TenantId::National, command)
            .await
    }

    /// Runs an authorized step on the profile, acting for `tenant`.
    async fn profile_step(
        &self,
        canton: CantonCode,
        year: Year,
        tenant: TenantId,
        command: impl FnOnce(Actor, chrono::NaiveDate) -> ProfileCommand,
    ) -> Result<Executed, AppError> {
        let command = command(self.panorama_actor(tenant)?, self.today());
        self.app()
            .execute::<CantonProfile>(
                profile_stream(canton, year),
                command,
                self.event_metadata()?,
            )
            .await
    }
}
