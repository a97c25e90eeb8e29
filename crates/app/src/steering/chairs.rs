//! The chairs of a body, recorded by whoever runs its bodies (the
//! Fachstelle for the STG and EKG): the STG's terms as its rotation goes,
//! the EKG's terms as the EKG chose them by its decision (IIZ 3.0, 2.2:
//! "Das EKG regelt den Vorsitz selbst"), and past terms as they happened.

use chrono::NaiveDate;
use iiz_domain::basis::DecisionSource;
use iiz_domain::body::BodyKind;
use iiz_domain::chair::{Chair, ChairCommand, ChairRule, TermAreas, TermHolders};
use iiz_domain::decision::ItemSubject;
use iiz_domain::error::ErrorKind;
use iiz_domain::{BodyId, ConceptRule, Party, PersonId, TenantId};
use iiz_projections::{CHAIRS, ChairTerm, ChairView};

use super::chair_areas::ChairAreas;
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

    /// Records a term the body chose by its decision (`basis`: the item of
    /// the body's meeting or its circular resolution on the chair's
    /// election), checked against the deputy rule with the configured
    /// areas and the STG's chair on the term's first day.
    pub async fn choose_chair_term(
        &self,
        body: BodyId,
        holders: TermHolders,
        from: NaiveDate,
        until: NaiveDate,
        basis: DecisionSource,
    ) -> Result<Executed, AppError> {
        let view = self.body(body).await?;
        self.check_operation(Operation::RecordChairTerm, Target::tenant(view.tenant))?;
        let decided_by = self
            .app()
            .verify_basis(
                basis,
                BodyKind::ExpertCoordination,
                &ItemSubject::ChairElection(body),
            )
            .await
            .map_err(|error| match error {
                AppError::Validation { message, .. } => AppError::governance(
                    ConceptRule::EkgChairEveryTwoYears,
                    ErrorKind::Validation,
                    message,
                ),
                error => error,
            })?;
        let table = ChairAreas::embedded();
        let areas = TermAreas {
            chair: table.area_of(holders.office),
            deputy: holders.deputy.and_then(|deputy| table.area_of(deputy)),
            stg_chair: self
                .stg_chair_on(from)
                .await?
                .and_then(|term| table.area_of(term.office)),
        };
        let command = ChairCommand::ChooseTerm {
            holders,
            from,
            until,
            decided_by,
            areas,
        };
        self.run_chair_command(body, command).await
    }

    /// Records a past term as it happened (exempt from the rotation and
    /// choice rules, not from overlaps): it ended before today.
    pub async fn record_past_chair_term(
        &self,
        body: BodyId,
        holders: TermHolders,
        from: NaiveDate,
        until: NaiveDate,
    ) -> Result<Executed, AppError> {
        if until >= self.app().clock().swiss_today() {
            return Err(AppError::invalid(format!(
                "a past term ended before today, not on {until}"
            )));
        }
        let command = ChairCommand::RecordPastTerm {
            holders,
            from,
            until,
        };
        self.run_chair_command(body, command).await
    }

    /// Takes one step on a body's chair record. A chosen term comes with
    /// the body's decision: see [`Self::choose_chair_term`].
    pub async fn chair_command(
        &self,
        body: BodyId,
        command: ChairCommand,
    ) -> Result<Executed, AppError> {
        if let ChairCommand::ChooseTerm { .. } = command {
            return Err(AppError::governance(
                ConceptRule::EkgChairEveryTwoYears,
                ErrorKind::Validation,
                "a term the body chooses is recorded with the body's decision",
            ));
        }
        self.run_chair_command(body, command).await
    }

    async fn run_chair_command(
        &self,
        body: BodyId,
        command: ChairCommand,
    ) -> Result<Executed, AppError> {
        let view = self.body(body).await?;
        self.check_operation(Operation::RecordChairTerm, Target::tenant(view.tenant))?;
        let people = match &command {
            ChairCommand::RecordTerm { person, .. } => vec![*person],
            ChairCommand::NamePerson { person, .. } => vec![Some(*person)],
            ChairCommand::ChooseTerm { holders, .. }
            | ChairCommand::RecordPastTerm { holders, .. } => {
                vec![holders.person, holders.deputy_person]
            }
            ChairCommand::Establish { .. } => Vec::new(),
        };
        for person in people.into_iter().flatten() {
            if self.app().person_view(person).await?.is_none() {
                return Err(AppError::invalid(format!("person {person} does not exist")));
            }
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
