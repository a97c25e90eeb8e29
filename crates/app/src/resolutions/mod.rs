//! Circular resolutions (Zirkularbeschluss): a body decides between its
//! meetings in writing. SKELETON: the helper that builds resolutions
//! replaces this file.

use iiz_domain::ResolutionId;
use iiz_domain::basis::DecisionReference;
use iiz_domain::body::BodyKind;
use iiz_domain::decision::ItemSubject;

use crate::{App, AppError};

impl App {
    /// Checks that `resolution` is a carried circular resolution of the
    /// national body of `kind` on `subject`, and returns how it is cited.
    pub(crate) async fn resolution_basis(
        &self,
        resolution: ResolutionId,
        kind: BodyKind,
        subject: &ItemSubject,
    ) -> Result<DecisionReference, AppError> {
        let _ = (kind, subject);
        Err(AppError::Validation(format!(
            "circular resolution {resolution} does not exist"
        )))
    }
}
