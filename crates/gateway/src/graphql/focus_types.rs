//! The focus areas and action fields of a work programme, as one list a
//! client offers when a recommendation, concern or project names them.

use async_graphql::{ID, SimpleObject};
use chrono::NaiveDate;
use iiz_projections::ProgrammeView;

use super::programme_types::{ActionFieldInfo, FocusAreaPlanInfo, WorkProgramme};

/// The focus areas and action fields a programme defines now.
#[derive(Debug, Clone, SimpleObject)]
pub struct ProgrammeFocus {
    pub programme: ID,
    pub from: NaiveDate,
    pub until: NaiveDate,
    pub focus_areas: Vec<FocusAreaPlanInfo>,
    pub action_fields: Vec<ActionFieldInfo>,
}

impl From<ProgrammeView> for ProgrammeFocus {
    fn from(view: ProgrammeView) -> Self {
        let programme: WorkProgramme = view.into();
        Self {
            programme: programme.id,
            from: programme.from,
            until: programme.until,
            focus_areas: programme.focus_areas,
            action_fields: programme.action_fields,
        }
    }
}
