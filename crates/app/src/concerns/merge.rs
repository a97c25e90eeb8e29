//! Merging two concerns: a process over two streams. The merged concern
//! records where it went; the surviving one takes on its submitters and
//! endorsers, so the answer reaches them all. Both histories stay.
//!
//! The store appends to one stream at a time, so the two appends are
//! ordered to be safe: the survivor's decision is checked first, then the
//! merged concern is closed, then the survivor absorbs it (retried on
//! concurrent changes by `execute`). If the survivor refuses in between
//! (it was answered in that instant), the error says so and the merged
//! concern points at a concern that no longer takes submitters: the
//! Fachstelle answers it directly. Nothing is lost either way.

use iiz_domain::text::FreeText;
use iiz_domain::{Aggregate, Concern, ConcernCommand, ConcernId};

use super::filter::mergeable;
use super::{concern_stream, scope_of};
use crate::authz::Denied;
use crate::authz::concern::{ConcernAct, authorize_concern};
use crate::{AppError, Caller, Executed};

impl Caller<'_> {
    /// The Fachstelle merges `id` into `into`.
    pub async fn merge_concern(
        &self,
        id: ConcernId,
        into: ConcernId,
        rationale: FreeText,
    ) -> Result<Executed, AppError> {
        let merged = self.concern(id).await?;
        let survivor = self.concern(into).await?;
        let principal = self
            .principal()
            .ok_or(AppError::Denied(Denied::Unauthenticated))?;
        let standing = self.standing().await?;
        for view in [&merged, &survivor] {
            authorize_concern(
                Some(principal),
                &standing,
                ConcernAct::NationalOffice,
                &scope_of(view),
            )?;
        }
        if !mergeable(&survivor) {
            return Err(AppError::invalid(format!(
                "concern {into} is {} and cannot take on another concern",
                survivor.stage
            )));
        }
        let merged_stream = concern_stream(merged.origin, id);
        let (state, _) = self.app().load::<Concern>(&merged_stream).await?;
        let absorb = ConcernCommand::Absorb {
            merged: id,
            submitters: state.submitters(),
            endorsers: state.endorsers(),
        };
        let survivor_stream = concern_stream(survivor.origin, into);
        let (survivor_state, _) = self.app().load::<Concern>(&survivor_stream).await?;
        survivor_state
            .decide(absorb.clone())
            .map_err(AppError::domain)?;
        let executed = self
            .app()
            .execute::<Concern>(
                merged_stream,
                ConcernCommand::MergeInto { into, rationale },
                self.event_metadata()?,
            )
            .await?;
        if let Err(error) = self
            .app()
            .execute::<Concern>(survivor_stream, absorb, self.event_metadata()?)
            .await
        {
            tracing::error!(%id, %into, %error, "merged concern not absorbed by the survivor");
            return Err(error);
        }
        Ok(executed)
    }
}
