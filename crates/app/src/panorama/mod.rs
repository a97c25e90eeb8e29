//! Canton profiles, yearly key figures and panorama rounds (issue 16,
//! docs/panorama.md) as the application runs them: every change through
//! [`App::execute`], every read from the read models of
//! `iiz_projections::panorama`, every step authorized by
//! [`crate::authz::panorama`] with the configured rules.
//!
//! Profiles and figures live in the canton's tenant, rounds in the
//! national tenant. The events name the person and the tenant they acted
//! for ([`Actor`]); the log's metadata names the signed-in principal.

mod compare;
mod figures;
mod import;
mod import_figures;
mod import_map;
mod import_reading;
mod linked_bodies;
mod national_rows;
mod permissions;
mod profiles;
mod rounds;

use chrono::NaiveDate;
use iiz_domain::canton_profile::CantonProfile;
use iiz_domain::key_figures::KeyFigures;
use iiz_domain::panorama::{Actor, Year};
use iiz_domain::panorama_round::PanoramaRound;
use iiz_domain::{Aggregate, CantonCode, TenantId};
use iiz_store::StreamRef;

use crate::authz::panorama::PanoramaAct;
use crate::authz::{Denied, Operation, Target};
use crate::{AppError, Caller};

pub use compare::{FieldComparison, FieldValue, PanoramaField, RoundChange};
pub use import::{IMPORT_ACTOR, ImportReport, imported};
pub use national_rows::{NationalFigure, NationalKey, NationalRow, national_rows};
pub use permissions::PanoramaPermissions;
pub use rounds::NewRound;

/// The stream of a canton's profile for a year, in the canton's tenant.
pub fn profile_stream(canton: CantonCode, year: Year) -> StreamRef {
    StreamRef::new(
        TenantId::Canton(canton).as_str(),
        CantonProfile::STREAM_TYPE,
        CantonProfile::stream_id(canton, year),
    )
}

/// The stream of a canton's figures for a year, in the canton's tenant.
pub fn figures_stream(canton: CantonCode, year: Year) -> StreamRef {
    StreamRef::new(
        TenantId::Canton(canton).as_str(),
        KeyFigures::STREAM_TYPE,
        KeyFigures::stream_id(canton, year),
    )
}

/// The stream of the round for a year, in the national tenant.
pub fn round_stream(year: Year) -> StreamRef {
    StreamRef::new(
        TenantId::National.as_str(),
        PanoramaRound::STREAM_TYPE,
        PanoramaRound::stream_id(year),
    )
}

impl Caller<'_> {
    /// Asks the one authorization function for `operation` on `tenant`,
    /// then the panorama's configured rules for `act`.
    fn panorama_check(
        &self,
        operation: Operation,
        tenant: TenantId,
        act: PanoramaAct,
    ) -> Result<(), AppError> {
        self.check_operation(operation, Target::tenant(tenant))?;
        self.app()
            .panorama_rules()
            .authorize(self.principal(), act)
            .map_err(AppError::Denied)
    }

    /// Whether the caller reads `canton`'s unpublished data.
    fn reads_canton(&self, canton: CantonCode) -> bool {
        self.principal()
            .is_some_and(|principal| self.app().panorama_rules().reads(principal, canton))
    }

    /// The caller acting for `tenant`, as the events record it.
    fn panorama_actor(&self, tenant: TenantId) -> Result<Actor, AppError> {
        let principal = self
            .principal()
            .ok_or(AppError::Denied(Denied::Unauthenticated))?;
        Ok(Actor::new(principal.person, tenant))
    }

    fn today(&self) -> NaiveDate {
        self.app().clock().today()
    }
}

/// A year from a number, as a typed refusal when out of range.
pub fn year(value: u16) -> Result<Year, AppError> {
    Year::parse(value).map_err(|error| AppError::invalid_field("year", error.to_string()))
}
