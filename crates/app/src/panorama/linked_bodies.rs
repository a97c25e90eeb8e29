//! The bodies a published panorama's sections link, for their names: a
//! profile holds only body ids, the names (in every language of the
//! canton) live in the body aggregate.

use std::collections::BTreeMap;

use iiz_domain::BodyId;
use iiz_projections::{BodyView, SnapshotSection, SnapshotView};

use crate::authz::Denied;
use crate::{AppError, Caller};

impl Caller<'_> {
    /// Every body the answered sections of `snapshot` link (as a body or
    /// as the office), by id. A body the caller may not see, or that no
    /// longer exists in the read model, is left out: the pages and
    /// exports then say "unknown body" rather than fail the whole report.
    pub async fn panorama_bodies(
        &self,
        snapshot: &SnapshotView,
    ) -> Result<BTreeMap<BodyId, BodyView>, AppError> {
        let mut ids: Vec<BodyId> = Vec::new();
        for section in snapshot.sections.values() {
            if let SnapshotSection::Answered { profile, .. } = section {
                let structure = &profile.content.structure;
                ids.extend(structure.bodies.iter().map(|link| link.body));
                ids.extend(structure.office.iter().filter_map(|office| office.body));
            }
        }
        ids.sort();
        ids.dedup();
        let mut bodies = BTreeMap::new();
        for id in ids {
            match self.body(id).await {
                Ok(body) => {
                    bodies.insert(id, body);
                }
                Err(AppError::Denied(Denied::NotFound | Denied::Forbidden)) => {}
                Err(error) => return Err(error),
            }
        }
        Ok(bodies)
    }
}
