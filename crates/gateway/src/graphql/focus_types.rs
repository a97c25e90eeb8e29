//! The focus areas and action fields of a work programme, as one list a
//! client offers when a recommendation, concern or project names them.

use std::sync::Arc;

use async_graphql::{ID, Object};
use chrono::NaiveDate;
use iiz_projections::ProgrammeView;

use super::programme_types::{ActionFieldInfo, FocusAreaPlanInfo, action_fields, focus_area_plans};
use super::shared_types::id;

/// A programme's focus: the read model, held once; each field resolves
/// from it.
#[derive(Debug, Clone)]
pub struct ProgrammeFocus(Arc<ProgrammeView>);

impl From<ProgrammeView> for ProgrammeFocus {
    fn from(view: ProgrammeView) -> Self {
        Self(Arc::new(view))
    }
}

/// The focus areas and action fields a programme defines now.
#[Object]
impl ProgrammeFocus {
    async fn programme(&self) -> ID {
        id(self.0.id)
    }

    async fn from(&self) -> NaiveDate {
        self.0.from
    }

    async fn until(&self) -> NaiveDate {
        self.0.until
    }

    async fn focus_areas(&self) -> Vec<FocusAreaPlanInfo> {
        focus_area_plans(&self.0)
    }

    async fn action_fields(&self) -> Vec<ActionFieldInfo> {
        action_fields(&self.0)
    }
}
