//! The STG's steering as the application runs it: projects with their
//! milestones and results, the two-year work programmes, the chairs of the
//! bodies and the Fachstelle's budget ([`crate::authz::steering`]).
//!
//! Projects, programmes and budgets are the national IIZ's and live in the
//! national tenant; a body's chair record lives in the body's tenant.

mod budgets;
mod chair_areas;
mod chairs;
mod focus;
mod programmes;
mod projects;

use iiz_domain::budget::Budget;
use iiz_domain::chair::Chair;
use iiz_domain::ids::ProjectId;
use iiz_domain::programme::WorkProgrammes;
use iiz_domain::project::Project;
use iiz_domain::{Aggregate, BodyId, TenantId};
use iiz_store::StreamRef;

use crate::authz::concern::Standing;
use crate::{AppError, Caller};

pub use budgets::NewBudget;
pub use chair_areas::{ChairAreas, ChairAreasError};
pub use programmes::NewProgramme;
pub use projects::{NewProject, ProjectFilter};

/// The stream of a project.
pub fn project_stream(id: ProjectId) -> StreamRef {
    StreamRef::new(
        TenantId::National.as_str(),
        Project::STREAM_TYPE,
        id.to_string(),
    )
}

/// The one stream of all work programmes (see [`iiz_domain::programme`]).
pub fn programme_stream() -> StreamRef {
    StreamRef::new(
        TenantId::National.as_str(),
        WorkProgrammes::STREAM_TYPE,
        TenantId::National.as_str(),
    )
}

/// The stream of a body's chair record, in the body's tenant.
pub fn chair_stream(tenant: TenantId, body: BodyId) -> StreamRef {
    StreamRef::new(tenant.as_str(), Chair::STREAM_TYPE, body.to_string())
}

/// The budget register: every budget in one stream, so that overlapping
/// plans are refused atomically.
pub fn budget_stream() -> StreamRef {
    StreamRef::new(
        TenantId::National.as_str(),
        Budget::STREAM_TYPE,
        TenantId::National.as_str(),
    )
}

impl Caller<'_> {
    /// The caller's seats in the STG and EKG, for [`crate::authz::steering`].
    pub(crate) async fn steering_standing(&self) -> Result<Standing, AppError> {
        self.standing().await
    }
}
