//! Projects: registered for the STG, milestones reported by the lead,
//! noted by the EKG, results accepted by the STG.

use iiz_domain::basis::DecisionSource;
use iiz_domain::body::BodyKind;
use iiz_domain::decision::ItemSubject;
use iiz_domain::ids::ProjectId;
use iiz_domain::project::{Project, ProjectCommand, ProjectKind};
use iiz_domain::recommendation::FocusArea;
use iiz_domain::text::{FreeText, Title};
use iiz_projections::{PROJECTS, ProjectView};
use iiz_store::{DocFilter, DocQuery};

use super::project_stream;
use crate::authz::body_decision::as_body;
use crate::authz::steering::{SteeringAct, authorize_steering};
use crate::authz::{Denied, Operation, Target};
use crate::{AppError, Caller, Executed, Page};

const ACCEPT_RESULT: &str = "the STG's acceptance of a project result";

/// A project to register.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewProject {
    pub title: Title,
    pub focus_area: Option<FocusArea>,
    pub kind: ProjectKind,
}

/// Which projects to list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProjectFilter {
    pub focus_area: Option<FocusArea>,
    /// IIZ projects (true) or associated ones (false).
    pub steered: Option<bool>,
    pub closed: Option<bool>,
}

fn act_of(command: &ProjectCommand, view: &ProjectView) -> SteeringAct {
    match command {
        ProjectCommand::Register { .. } => SteeringAct::RegisterProject,
        ProjectCommand::NoteMilestone { .. } => SteeringAct::NoteMilestone,
        ProjectCommand::AcceptResult { .. } => SteeringAct::AcceptProjectResult,
        ProjectCommand::PlanMilestone { .. }
        | ProjectCommand::Replan { .. }
        | ProjectCommand::ReachMilestone { .. }
        | ProjectCommand::SubmitResult { .. } => SteeringAct::ManageProject(match &view.kind {
            ProjectKind::Iiz(project) => project.lead,
            ProjectKind::Associated { owner, .. } => *owner,
        }),
    }
}

impl Caller<'_> {
    /// A page of the projects, by title.
    pub async fn projects(
        &self,
        filter: ProjectFilter,
        first: usize,
        after: Option<&str>,
    ) -> Result<Page<ProjectView>, AppError> {
        self.check_operation(Operation::ListProjects, Target::platform())?;
        let mut filters = Vec::new();
        if let Some(focus) = filter.focus_area {
            filters.push(DocFilter::Eq(
                "focus_area".to_owned(),
                focus.as_str().to_owned().into(),
            ));
        }
        if let Some(steered) = filter.steered {
            filters.push(DocFilter::Eq("steered".to_owned(), steered.into()));
        }
        if let Some(closed) = filter.closed {
            filters.push(DocFilter::Eq("closed".to_owned(), closed.into()));
        }
        let query = DocQuery {
            collection: PROJECTS.to_owned(),
            filters,
            limit: first,
            ..DocQuery::default()
        };
        self.app().page(query, after).await
    }

    /// One project.
    pub async fn project(&self, id: ProjectId) -> Result<ProjectView, AppError> {
        self.check_operation(Operation::ShowProject, Target::platform())?;
        self.app()
            .typed_doc::<ProjectView>(PROJECTS, &id.to_string())
            .await?
            .ok_or(AppError::Denied(Denied::NotFound))
    }

    /// Registers a project; returns its id.
    pub async fn register_project(
        &self,
        new: NewProject,
    ) -> Result<(ProjectId, Executed), AppError> {
        self.check_operation(Operation::RegisterProject, Target::platform())?;
        let standing = self.steering_standing().await?;
        authorize_steering(self.principal(), &standing, SteeringAct::RegisterProject)?;
        self.app()
            .check_optional_focus_area(new.focus_area.as_ref())
            .await?;
        let id = ProjectId::new();
        let command = ProjectCommand::Register {
            id,
            title: new.title,
            focus_area: new.focus_area,
            kind: new.kind,
        };
        let executed = self
            .app()
            .execute::<Project>(project_stream(id), command, self.event_metadata()?)
            .await?;
        Ok((id, executed))
    }

    /// Records the STG's acceptance of a project's result as decided in
    /// `basis` (IIZ 3.0, 3.2: the STG accepts results as a body).
    pub async fn accept_project_result(
        &self,
        id: ProjectId,
        decision: FreeText,
        basis: DecisionSource,
    ) -> Result<Executed, AppError> {
        self.project(id).await?;
        let decided_by = self
            .national_body_decision(
                basis,
                BodyKind::Steering,
                &ItemSubject::Project(id),
                ACCEPT_RESULT,
            )
            .await?;
        let command = ProjectCommand::AcceptResult {
            decision,
            decided_by,
        };
        self.project_command(id, command).await
    }

    /// Takes one step on a project.
    pub async fn project_command(
        &self,
        id: ProjectId,
        command: ProjectCommand,
    ) -> Result<Executed, AppError> {
        let view = self.project(id).await?;
        self.check_operation(Operation::ActOnProject, Target::platform())?;
        let standing = self.steering_standing().await?;
        let act = act_of(&command, &view);
        let authorized = authorize_steering(self.principal(), &standing, act);
        if act == SteeringAct::AcceptProjectResult {
            as_body(authorized, ACCEPT_RESULT)?;
        } else {
            authorized?;
        }
        let mut command = command;
        // The reference is checked against the minutes or resolution it
        // names on every path, never taken on trust.
        if let ProjectCommand::AcceptResult { decided_by, .. } = &mut command {
            *decided_by = self
                .app()
                .verify_basis(
                    decided_by.source,
                    BodyKind::Steering,
                    &ItemSubject::Project(id),
                )
                .await?;
        }
        if let ProjectCommand::ReachMilestone { on, .. } = &command
            && *on > self.app().clock().today()
        {
            return Err(AppError::invalid(format!(
                "a milestone is not reached on {on}, a day still to come"
            )));
        }
        self.app()
            .execute::<Project>(project_stream(id), command, self.event_metadata()?)
            .await
    }
}
