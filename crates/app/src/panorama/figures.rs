//! A canton's yearly key figures: reported by the canton, read by the
//! canton and the Fachstelle until a published panorama contains them.

use iiz_domain::key_figures::{FigureReport, FiguresCommand, KeyFigures};
use iiz_domain::panorama::{RevisionRef, Year};
use iiz_domain::{CantonCode, TenantId};
use iiz_projections::{
    FIGURE_REVISIONS, FiguresRevisionView, FiguresView, KEY_FIGURES, canton_year_id, revision_id,
};
use iiz_store::DocFilter;

use super::figures_stream;
use crate::authz::panorama::PanoramaAct;
use crate::authz::{Denied, Operation};
use crate::{AppError, Caller, Executed};

impl Caller<'_> {
    /// A canton's figures for a year, as last reported.
    pub async fn key_figures(
        &self,
        canton: CantonCode,
        year: Year,
    ) -> Result<FiguresView, AppError> {
        self.read_figures(canton)?;
        self.app()
            .typed_doc::<FiguresView>(KEY_FIGURES, &canton_year_id(canton, year))
            .await?
            .ok_or(AppError::Denied(Denied::NotFound))
    }

    /// Every year's figures of a canton, oldest first.
    pub async fn key_figures_of(&self, canton: CantonCode) -> Result<Vec<FiguresView>, AppError> {
        self.read_figures(canton)?;
        let filter = DocFilter::Eq("canton".to_owned(), canton.as_str().into());
        self.app().all_docs(KEY_FIGURES, vec![filter]).await
    }

    /// Figures as one revision reported them.
    pub async fn figures_revision(
        &self,
        canton: CantonCode,
        at: RevisionRef,
    ) -> Result<FiguresRevisionView, AppError> {
        self.read_figures(canton)?;
        self.app()
            .typed_doc::<FiguresRevisionView>(FIGURE_REVISIONS, &revision_id(canton, at))
            .await?
            .ok_or(AppError::Denied(Denied::NotFound))
    }

    /// The canton reports its figures for `year`; the same report again
    /// records nothing, a different one is a correction.
    pub async fn report_key_figures(
        &self,
        canton: CantonCode,
        year: Year,
        figures: FigureReport,
    ) -> Result<Executed, AppError> {
        let tenant = TenantId::Canton(canton);
        self.panorama_check(
            Operation::ReportKeyFigures,
            tenant,
            PanoramaAct::EditCanton(canton),
        )?;
        let command = FiguresCommand::Report {
            canton,
            year,
            figures,
            actor: self.panorama_actor(tenant)?,
            on: self.today(),
        };
        self.app()
            .execute::<KeyFigures>(
                figures_stream(canton, year),
                command,
                self.event_metadata()?,
            )
            .await
    }

    fn read_figures(&self, canton: CantonCode) -> Result<(), AppError> {
        self.panorama_check(
            Operation::ShowKeyFigures,
            TenantId::Canton(canton),
            PanoramaAct::ReadCanton(canton),
        )
    }
}
