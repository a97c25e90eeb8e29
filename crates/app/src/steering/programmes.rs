//! Work programmes: adopted by the STG after consulting the EKG, extended
//! during their term, closed with a final report.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use iiz_domain::basis::DecisionSource;
use iiz_domain::body::BodyKind;
use iiz_domain::decision::ItemSubject;
use iiz_domain::ids::ProgrammeId;
use iiz_domain::programme::{
    ActionField, EkgConsultation, FocusArea, FocusAreaDefinition, ProgrammeCommand, WorkProgrammes,
};
use iiz_domain::text::FreeText;
use iiz_projections::{PROGRAMMES, PROJECTS, ProgrammeView, ProjectView};

use super::programme_stream;
use crate::authz::body_decision::as_body;
use crate::authz::steering::{SteeringAct, authorize_steering};
use crate::authz::{Denied, Operation, Target};
use crate::{AppError, Caller, Executed};

const ADOPT: &str = "the STG's adoption of a work programme";

/// A programme to adopt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewProgramme {
    pub from: NaiveDate,
    pub adopted_on: NaiveDate,
    pub decision: FreeText,
    pub consultation: EkgConsultation,
    /// Each focus area with its title, description and goal for the
    /// period; those of the programme before when empty (the STG keeps
    /// its focus).
    pub focus_areas: BTreeMap<FocusArea, FocusAreaDefinition>,
    pub action_fields: Vec<ActionField>,
}

impl Caller<'_> {
    /// Every work programme, oldest first.
    pub async fn work_programmes(&self) -> Result<Vec<ProgrammeView>, AppError> {
        self.check_operation(Operation::ShowWorkProgramme, Target::platform())?;
        self.app().all_docs(PROGRAMMES, Vec::new()).await
    }

    /// One work programme.
    pub async fn work_programme(&self, id: ProgrammeId) -> Result<ProgrammeView, AppError> {
        self.check_operation(Operation::ShowWorkProgramme, Target::platform())?;
        self.app()
            .typed_doc::<ProgrammeView>(PROGRAMMES, &id.to_string())
            .await?
            .ok_or(AppError::Denied(Denied::NotFound))
    }

    /// The programme running on `day`, if any.
    pub async fn current_work_programme(
        &self,
        day: NaiveDate,
    ) -> Result<Option<ProgrammeView>, AppError> {
        Ok(self
            .work_programmes()
            .await?
            .into_iter()
            .find(|programme| programme.runs_on(day)))
    }

    /// Records the STG's adoption of a programme as decided in `basis`
    /// (an item on the programme of the period from `new.from`); returns
    /// its id.
    pub async fn adopt_work_programme(
        &self,
        new: NewProgramme,
        basis: DecisionSource,
    ) -> Result<(ProgrammeId, Executed), AppError> {
        let decided_by = self
            .national_body_decision(
                basis,
                BodyKind::Steering,
                &ItemSubject::WorkProgramme(new.from),
                ADOPT,
            )
            .await?;
        if new.adopted_on > self.app().clock().today() {
            return Err(AppError::invalid(format!(
                "the adoption date {} is in the future",
                new.adopted_on
            )));
        }
        let focus_areas = if new.focus_areas.is_empty() {
            self.app()
                .programme_in_force(new.from)
                .await?
                .map(|before| {
                    before
                        .focus_areas
                        .into_iter()
                        .map(|plan| {
                            let definition = FocusAreaDefinition {
                                title: plan.title,
                                description: plan.description,
                                goal: FreeText::default(),
                            };
                            (plan.focus_area, definition)
                        })
                        .collect()
                })
                .unwrap_or_default()
        } else {
            new.focus_areas
        };
        let id = ProgrammeId::new();
        let command = ProgrammeCommand::Adopt {
            id,
            from: new.from,
            adopted_on: new.adopted_on,
            decision: new.decision,
            consultation: Box::new(new.consultation),
            focus_areas,
            action_fields: new.action_fields,
            decided_by,
        };
        let executed = self.programme_command(command).await?;
        Ok((id, executed))
    }

    /// Records the STG's revision of a running programme's focus areas
    /// (3.1: the STG reviews the focus) as decided in `basis`, an item on
    /// the programme's period.
    pub async fn revise_focus_areas(
        &self,
        programme: ProgrammeId,
        focus_areas: BTreeMap<FocusArea, FocusAreaDefinition>,
        basis: DecisionSource,
    ) -> Result<Executed, AppError> {
        let from = self.work_programme(programme).await?.from;
        let decided_by = self
            .national_body_decision(
                basis,
                BodyKind::Steering,
                &ItemSubject::WorkProgramme(from),
                ADOPT,
            )
            .await?;
        let command = ProgrammeCommand::ReviseFocusAreas {
            programme,
            focus_areas,
            decided_by,
        };
        self.programme_command(command).await
    }

    /// Takes one step on the work programmes. A project must exist before
    /// it is linked.
    pub async fn programme_command(&self, command: ProgrammeCommand) -> Result<Executed, AppError> {
        self.check_operation(Operation::ActOnWorkProgramme, Target::platform())?;
        let standing = self.steering_standing().await?;
        let mut command = command;
        if let ProgrammeCommand::Adopt {
            from, decided_by, ..
        } = &mut command
        {
            as_body(
                authorize_steering(self.principal(), &standing, SteeringAct::AdoptProgramme),
                ADOPT,
            )?;
            // Checked against the minutes or resolution on every path.
            *decided_by = self
                .app()
                .verify_basis(
                    decided_by.source,
                    BodyKind::Steering,
                    &ItemSubject::WorkProgramme(*from),
                )
                .await?;
        } else if let ProgrammeCommand::ReviseFocusAreas {
            programme,
            decided_by,
            ..
        } = &mut command
        {
            // Reviewing the focus is the STG's decision (3.1), like adopting.
            as_body(
                authorize_steering(self.principal(), &standing, SteeringAct::AdoptProgramme),
                ADOPT,
            )?;
            let from = self.work_programme(*programme).await?.from;
            *decided_by = self
                .app()
                .verify_basis(
                    decided_by.source,
                    BodyKind::Steering,
                    &ItemSubject::WorkProgramme(from),
                )
                .await?;
        } else {
            authorize_steering(self.principal(), &standing, SteeringAct::DecideProgramme)?;
        }
        if let ProgrammeCommand::LinkProject { project, .. } = &command
            && self
                .app()
                .typed_doc::<ProjectView>(PROJECTS, &project.to_string())
                .await?
                .is_none()
        {
            return Err(AppError::invalid(format!(
                "project {project} does not exist"
            )));
        }
        self.app()
            .execute::<WorkProgrammes>(programme_stream(), command, self.event_metadata()?)
            .await
    }
}
