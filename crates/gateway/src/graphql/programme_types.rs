//! GraphQL types of the STG's work programmes: focus areas, action fields
//! and the projects linked to them.

use std::sync::Arc;

use async_graphql::{ComplexObject, Context, ID, Object, Result, SimpleObject};
use chrono::NaiveDate;
use iiz_domain::ids::ProjectId;
use iiz_projections::ProgrammeView;

use super::args::{caller, parse_id};
use super::group_types::ChairTermInfo;
use super::project_types::Project;
use super::recommendation_enums::focus_id;
use super::shared_types::id;

#[derive(Debug, Clone, SimpleObject)]
pub struct EkgConsultationInfo {
    pub on: NaiveDate,
    pub reference: String,
    pub statement: String,
}

#[derive(Debug, Clone, SimpleObject)]
pub struct ActionFieldInfo {
    pub number: u32,
    pub focus_area: ID,
    pub title: String,
    pub description: String,
}

/// A focus area as the programme defines it, with its goal for the period.
#[derive(Debug, Clone, SimpleObject)]
pub struct FocusAreaPlanInfo {
    /// Its key, which recommendations, concerns and projects name.
    pub focus_area: ID,
    pub title: String,
    pub description: String,
    pub goal: String,
}

/// A project of the programme.
#[derive(Debug, Clone, SimpleObject)]
#[graphql(complex)]
pub struct ProgrammeProjectInfo {
    pub project_id: ID,
    pub focus_area: ID,
    pub action_field: Option<u32>,
    /// Why it was taken out of the programme, if it was.
    pub unlinked_reason: Option<String>,
}

#[ComplexObject]
impl ProgrammeProjectInfo {
    /// The project, its milestones judged on `asOf` (default today).
    #[graphql(complexity = "crate::graphql::limits::read_cost(1, child_complexity)")]
    async fn project(&self, ctx: &Context<'_>, as_of: Option<NaiveDate>) -> Result<Project> {
        let (caller, request, _) = caller(ctx)?;
        let id = parse_id(&self.project_id, ProjectId::parse)?;
        let view = caller
            .project(id)
            .await
            .map_err(|error| request.error(error))?;
        Ok(Project::of(
            view,
            as_of.unwrap_or_else(iiz_app::recommendations::today),
        ))
    }
}

#[derive(Debug, Clone, SimpleObject)]
pub struct ProgrammeClosureInfo {
    pub on: NaiveDate,
    pub report: String,
}

/// A work programme: the read model, held once; each field resolves from
/// it.
#[derive(Debug, Clone)]
pub struct WorkProgramme(Arc<ProgrammeView>);

impl From<ProgrammeView> for WorkProgramme {
    fn from(view: ProgrammeView) -> Self {
        Self(Arc::new(view))
    }
}

/// The focus areas a programme defines, with their goals.
pub fn focus_area_plans(view: &ProgrammeView) -> Vec<FocusAreaPlanInfo> {
    view.focus_areas
        .iter()
        .map(|plan| FocusAreaPlanInfo {
            focus_area: focus_id(&plan.focus_area),
            title: plan.title.as_str().to_owned(),
            description: plan.description.as_str().to_owned(),
            goal: plan.goal.as_str().to_owned(),
        })
        .collect()
}

/// The action fields a programme defines.
pub fn action_fields(view: &ProgrammeView) -> Vec<ActionFieldInfo> {
    view.action_fields
        .iter()
        .map(|field| ActionFieldInfo {
            number: field.number,
            focus_area: focus_id(&field.focus_area),
            title: field.title.as_str().to_owned(),
            description: field.description.as_str().to_owned(),
        })
        .collect()
}

/// The STG's two-year work programme.
#[Object]
impl WorkProgramme {
    async fn id(&self) -> ID {
        id(self.0.id)
    }

    async fn from(&self) -> NaiveDate {
        self.0.from
    }

    /// The last day of the two years.
    async fn until(&self) -> NaiveDate {
        self.0.until
    }

    async fn adopted_on(&self) -> NaiveDate {
        self.0.adopted_on
    }

    async fn decision(&self) -> &str {
        self.0.decision.as_str()
    }

    async fn consultation(&self) -> EkgConsultationInfo {
        let consultation = &self.0.consultation;
        EkgConsultationInfo {
            on: consultation.on,
            reference: consultation.reference.as_str().to_owned(),
            statement: consultation.statement.as_str().to_owned(),
        }
    }

    async fn focus_areas(&self) -> Vec<FocusAreaPlanInfo> {
        focus_area_plans(&self.0)
    }

    async fn action_fields(&self) -> Vec<ActionFieldInfo> {
        action_fields(&self.0)
    }

    /// Linked projects, and those taken out with the reason.
    async fn projects(&self) -> Vec<ProgrammeProjectInfo> {
        self.0
            .projects
            .iter()
            .map(|link| ProgrammeProjectInfo {
                project_id: id(link.project),
                focus_area: focus_id(&link.focus_area),
                action_field: link.action_field,
                unlinked_reason: link.unlinked.as_ref().map(|r| r.as_str().to_owned()),
            })
            .collect()
    }

    async fn closure(&self) -> Option<ProgrammeClosureInfo> {
        self.0.closure.as_ref().map(|closure| ProgrammeClosureInfo {
            on: closure.on,
            report: closure.report.as_str().to_owned(),
        })
    }

    /// The STG chair term the programme starts under (programmes are
    /// adopted at chair changes); null when the STG's chairs are not
    /// recorded for its first day.
    #[graphql(complexity = "crate::graphql::limits::read_cost(1, child_complexity)")]
    async fn chair(&self, ctx: &Context<'_>) -> Result<Option<ChairTermInfo>> {
        let (caller, request, _) = caller(ctx)?;
        let term = caller
            .stg_chair_on(self.0.from)
            .await
            .map_err(|error| request.error(error))?;
        Ok(term.as_ref().map(Into::into))
    }
}
