//! Circular resolutions of the bodies ([`ResolutionView`]): each with the
//! voters named at the proposal, every answer (who, when, how, with what
//! comment), the outcome and what became of its effect. Keyed by
//! resolution id; a body's list shows the open ones first.

#[cfg(test)]
mod tests;
mod view;

use iiz_domain::resolution::ResolutionEvent;
use iiz_store::{DocKey, DocSet, ProjectionError, RecordedEvent};

pub use view::{ResolutionAnswer, ResolutionStatus, ResolutionView, Withdrawal};

use crate::{Projection, decode, get_typed, put_typed};

/// Collection of [`ResolutionView`], keyed by resolution id.
pub const RESOLUTIONS: &str = "resolutions";

#[derive(Debug, Clone, Copy, Default)]
pub struct ResolutionRegister;

impl Projection for ResolutionRegister {
    fn name(&self) -> &'static str {
        "resolution_register"
    }

    fn version(&self) -> i32 {
        1
    }

    fn collections(&self) -> &'static [&'static str] {
        &[RESOLUTIONS]
    }

    fn handles(&self, stream_type: &str) -> bool {
        stream_type == "resolution"
    }

    fn keys(&self, event: &RecordedEvent) -> Result<Vec<DocKey>, ProjectionError> {
        Ok(vec![DocKey::new(RESOLUTIONS, &event.stream.stream_id)])
    }

    fn apply(&self, docs: &mut DocSet, event: &RecordedEvent) -> Result<(), ProjectionError> {
        let key = DocKey::new(RESOLUTIONS, &event.stream.stream_id);
        let change = decode::<ResolutionEvent>(event)?;
        let before = get_typed::<ResolutionView>(docs, &key)?;
        let view =
            view::apply(before, &change, event).map_err(|reason| ProjectionError::Malformed {
                key: key.clone(),
                reason,
            })?;
        let tenant = Some(view.tenant.as_str().to_owned());
        put_typed(docs, key, tenant, view.sort_key(), &view)
    }
}
