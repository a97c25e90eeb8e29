//! Working-group commands and reads as one caller may issue them.

use std::collections::BTreeSet;

use iiz_domain::concern::{ConcernStage, StgOutcome};
use iiz_domain::ids::WorkingGroupId;
use iiz_domain::working_group::{GroupRole, WorkingGroup, WorkingGroupCommand};
use iiz_domain::{ConceptRule, ConcernId, ErrorKind, PersonId};
use iiz_projections::{WORKING_GROUPS, WorkingGroupView};
use iiz_store::{DocFilter, DocQuery};

use super::note::TAKE_NOTE;
use super::{NewWorkingGroup, WorkingGroupFilter, working_group_stream};
use crate::authz::body_decision::as_body;
use crate::authz::working_group::{GroupStanding, WorkingGroupAct, authorize_working_group};
use crate::authz::{Denied, Operation, Target};
use crate::{AppError, Caller, Executed, Page};

fn act_of(command: &WorkingGroupCommand) -> WorkingGroupAct {
    match command {
        WorkingGroupCommand::Mandate { .. } => WorkingGroupAct::Mandate,
        WorkingGroupCommand::Join { .. } | WorkingGroupCommand::Leave { .. } => {
            WorkingGroupAct::ManageMembers
        }
        WorkingGroupCommand::ReportProgress { .. } => WorkingGroupAct::ReportProgress,
        WorkingGroupCommand::SubmitResult { .. } => WorkingGroupAct::SubmitResult,
        WorkingGroupCommand::TakeNote { .. } => WorkingGroupAct::TakeNote,
        WorkingGroupCommand::Dissolve { .. } => WorkingGroupAct::Dissolve,
    }
}

impl Caller<'_> {
    /// A page of the working groups, newest mandate first.
    pub async fn working_groups(
        &self,
        filter: WorkingGroupFilter,
        first: usize,
        after: Option<&str>,
    ) -> Result<Page<WorkingGroupView>, AppError> {
        self.check_operation(Operation::ListWorkingGroups, Target::platform())?;
        let mut filters = Vec::new();
        if let Some(active) = filter.active {
            filters.push(DocFilter::Eq("active".to_owned(), active.into()));
        }
        if let Some(tenant) = filter.tenant {
            filters.push(DocFilter::Eq(
                "tenant".to_owned(),
                tenant.as_str().to_owned().into(),
            ));
        }
        let query = DocQuery {
            collection: WORKING_GROUPS.to_owned(),
            filters,
            descending: true,
            limit: first,
            ..DocQuery::default()
        };
        self.app().page(query, after).await
    }

    /// One working group.
    pub async fn working_group(&self, id: WorkingGroupId) -> Result<WorkingGroupView, AppError> {
        self.check_operation(Operation::ShowWorkingGroup, Target::platform())?;
        self.app()
            .typed_doc::<WorkingGroupView>(WORKING_GROUPS, &id.to_string())
            .await?
            .ok_or(AppError::Denied(Denied::NotFound))
    }

    /// Mandates a working group for a body, with the approval of the body
    /// above when it has one; returns the new group's id.
    pub async fn mandate_working_group(
        &self,
        new: NewWorkingGroup,
    ) -> Result<(WorkingGroupId, Executed), AppError> {
        let tenant = self
            .app()
            .check_mandating_bodies(new.mandated_by, new.approved_by)
            .await?;
        self.check_operation(Operation::MandateWorkingGroup, Target::tenant(tenant))?;
        let standing = match self.principal() {
            Some(principal) => GroupStanding {
                in_mandating_body: self
                    .app()
                    .sits_in(principal, new.mandated_by, tenant)
                    .await?,
                group_role: None,
            },
            None => GroupStanding::default(),
        };
        authorize_working_group(self.principal(), tenant, standing, WorkingGroupAct::Mandate)?;
        if new.on > self.app().clock().today() {
            return Err(AppError::invalid(format!(
                "the mandate's date {} is in the future",
                new.on
            )));
        }
        self.check_concerns_given(&new.mandate.concerns).await?;
        let id = WorkingGroupId::new();
        let command = WorkingGroupCommand::Mandate {
            id,
            mandated_by: new.mandated_by,
            approved_by: new.approved_by,
            mandate: Box::new(new.mandate),
            on: new.on,
        };
        let executed = self
            .app()
            .execute::<WorkingGroup>(
                working_group_stream(tenant, id),
                command,
                self.event_metadata()?,
            )
            .await?;
        Ok((id, executed))
    }

    /// Takes one step on a working group.
    pub async fn working_group_command(
        &self,
        id: WorkingGroupId,
        command: WorkingGroupCommand,
    ) -> Result<Executed, AppError> {
        let group = self.working_group(id).await?;
        self.check_operation(Operation::ActOnWorkingGroup, Target::tenant(group.tenant))?;
        let standing = self.app().group_standing(self.principal(), &group).await?;
        let act = act_of(&command);
        let authorized = authorize_working_group(self.principal(), group.tenant, standing, act);
        let mut command = command;
        if let WorkingGroupCommand::TakeNote { decided_by, .. } = &mut command {
            as_body(authorized, TAKE_NOTE)?;
            // Checked against the minutes or resolution on every path.
            *decided_by = self
                .mandating_body_decision(&group, decided_by.source)
                .await?;
        } else {
            authorized?;
        }
        if let WorkingGroupCommand::Join { person, tenant, .. } = &command {
            let view = self
                .app()
                .person_view(*person)
                .await?
                .ok_or_else(|| AppError::invalid(format!("person {person} does not exist")))?;
            let belongs = view.home == *tenant || view.roles.iter().any(|r| r.tenant == *tenant);
            if !belongs {
                return Err(AppError::invalid(format!(
                    "person {person} takes part for {tenant}, where they neither live nor hold a role"
                )));
            }
        }
        self.app()
            .execute::<WorkingGroup>(
                working_group_stream(group.tenant, id),
                command,
                self.event_metadata()?,
            )
            .await
    }

    /// A person joins a group for their home tenant.
    pub async fn join_working_group(
        &self,
        id: WorkingGroupId,
        person: PersonId,
        role: GroupRole,
    ) -> Result<Executed, AppError> {
        let tenant = self
            .app()
            .person_view(person)
            .await?
            .ok_or_else(|| AppError::invalid(format!("person {person} does not exist")))?
            .home;
        self.working_group_command(
            id,
            WorkingGroupCommand::Join {
                person,
                tenant,
                role,
            },
        )
        .await
    }

    /// A group takes on concerns the EKG gave to a working group or the
    /// STG decided one for, nothing else: the concern's own stage and
    /// decision say the body decided so (IIZ 3.0, 2.4: working groups act
    /// on a mandate of the STG or the EKG).
    async fn check_concerns_given(&self, concerns: &BTreeSet<ConcernId>) -> Result<(), AppError> {
        for id in concerns {
            let view = self.app().concern_view(*id).await?;
            let given = view.is_some_and(|view| match view.stage {
                ConcernStage::WithWorkingGroup => true,
                ConcernStage::Decided => view.stg_decision == Some(StgOutcome::WorkingGroup),
                _ => false,
            });
            if !given {
                return Err(AppError::governance(
                    ConceptRule::WorkingGroupMandate,
                    ErrorKind::Validation,
                    format!(
                        "concern {id} was neither given to a working group by the EKG nor decided for one by the STG"
                    ),
                ));
            }
        }
        Ok(())
    }
}
