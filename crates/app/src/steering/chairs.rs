//! The chairs of a body, recorded by whoever runs its bodies (the
//! Fachstelle for the STG and EKG).

use chrono::NaiveDate;
use iiz_domain::chair::{Chair, ChairCommand, ChairRule};
use iiz_domain::{BodyId, Party, PersonId, TenantId};
use iiz_projections::{CHAIRS, ChairTerm, ChairView};

use super::chair_stream;
use crate::authz::{Denied, Operation, Target};
use crate::tenants::seeded_body_id;
use crate::{AppError, Caller, Executed};

impl Caller<'_> {
    /// The chair record of a body: its rule and every term.
    pub async fn chairs(&self, body: BodyId) -> Result<ChairView, AppError> {
        let view = self.body(body).await?;
        self.check_operation(Operation::ShowChairs, Target::tenant(view.tenant))?;
        self.app()
            .typed_doc::<ChairView>(CHAIRS, &body.to_string())
            .await?
            .ok_or(AppError::Denied(Denied::NotFound))
    }

    /// The national STG's chair term running on `day`: a work programme is
    /// adopted at a chair change and shown with the chair it runs under.
    /// None when the STG's chairs are not recorded for that day.
    pub async fn stg_chair_on(&self, day: NaiveDate) -> Result<Option<ChairTerm>, AppError> {
        match self.chairs(seeded_body_id(TenantId::National, "STG")).await {
            Ok(view) => Ok(view.current_on(day).cloned()),
            Err(AppError::Denied(Denied::NotFound)) => Ok(None),
            Err(error) => Err(error),
        }
    }

    /// Every body's chair record.
    pub async fn chair_records(&self) -> Result<Vec<ChairView>, AppError> {
        self.check_operation(Operation::ShowChairs, Target::platform())?;
        self.app().all_docs(CHAIRS, Vec::new()).await
    }

    /// Starts a body's chair record with its rule.
    pub async fn establish_chair(
        &self,
        body: BodyId,
        rule: ChairRule,
    ) -> Result<Executed, AppError> {
        self.chair_command(body, ChairCommand::Establish { body, rule })
            .await
    }

    /// Records a chair term, oldest first.
    pub async fn record_chair_term(
        &self,
        body: BodyId,
        office: Party,
        person: Option<PersonId>,
        from: NaiveDate,
        until: NaiveDate,
    ) -> Result<Executed, AppError> {
        self.chair_command(
            body,
            ChairCommand::RecordTerm {
                office,
                person,
                from,
                until,
            },
        )
        .await
    }

    /// Takes one step on a body's chair record.
    pub async fn chair_command(
        &self,
        body: BodyId,
        command: ChairCommand,
    ) -> Result<Executed, AppError> {
        let view = self.body(body).await?;
        self.check_operation(Operation::RecordChairTerm, Target::tenant(view.tenant))?;
        let person = match &command {
            ChairCommand::RecordTerm { person, .. } => *person,
            ChairCommand::NamePerson { person, .. } => Some(*person),
            ChairCommand::Establish { .. } => None,
        };
        if let Some(person) = person
            && self.app().person_view(person).await?.is_none()
        {
            return Err(AppError::Validation(format!(
                "person {person} does not exist"
            )));
        }
        self.app()
            .execute::<Chair>(
                chair_stream(view.tenant, body),
                command,
                self.event_metadata()?,
            )
            .await
    }
}
