//! The Fachstelle's budget: planned and reported by the Fachstelle, noted
//! by the STG.

use iiz_domain::budget::{Budget, BudgetCommand};
use iiz_domain::ids::BudgetId;
use iiz_domain::text::FreeText;
use iiz_projections::{BUDGETS, BudgetView};
use iiz_store::DocQuery;

use super::budget_stream;
use crate::authz::steering::{SteeringAct, authorize_steering};
use crate::authz::{Denied, Operation, Target};
use crate::{AppError, Caller, Executed, Page};

/// A budget to plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewBudget {
    pub first_year: i32,
    /// Swiss francs over the four years.
    pub total: u64,
    pub purpose: FreeText,
}

impl Caller<'_> {
    /// A page of the budgets, oldest first.
    pub async fn budgets(
        &self,
        first: usize,
        after: Option<&str>,
    ) -> Result<Page<BudgetView>, AppError> {
        self.check_operation(Operation::ShowBudget, Target::platform())?;
        let query = DocQuery {
            collection: BUDGETS.to_owned(),
            limit: first,
            ..DocQuery::default()
        };
        self.app().page(query, after).await
    }

    /// One budget.
    pub async fn budget(&self, id: BudgetId) -> Result<BudgetView, AppError> {
        self.check_operation(Operation::ShowBudget, Target::platform())?;
        self.app()
            .typed_doc::<BudgetView>(BUDGETS, &id.to_string())
            .await?
            .ok_or(AppError::Denied(Denied::NotFound))
    }

    /// The Fachstelle plans a budget; returns its id. Budgets follow each
    /// other: the register refuses one whose years overlap another's.
    pub async fn plan_budget(&self, new: NewBudget) -> Result<(BudgetId, Executed), AppError> {
        self.check_operation(Operation::PlanBudget, Target::platform())?;
        let id = BudgetId::new();
        let command = BudgetCommand::Plan {
            id,
            first_year: new.first_year,
            total: new.total,
            purpose: new.purpose,
        };
        let executed = self
            .app()
            .execute::<Budget>(budget_stream(), command, self.event_metadata()?)
            .await?;
        Ok((id, executed))
    }

    /// Reports a year (the Fachstelle) or takes note of a report (the STG)
    /// on the budget the command names.
    pub async fn budget_command(&self, command: BudgetCommand) -> Result<Executed, AppError> {
        match &command {
            BudgetCommand::Plan { id, .. }
            | BudgetCommand::ReportYear { budget: id, .. }
            | BudgetCommand::NoteReport { budget: id, .. } => self.budget(*id).await?,
        };
        match &command {
            BudgetCommand::Plan { .. } | BudgetCommand::ReportYear { .. } => {
                self.check_operation(Operation::PlanBudget, Target::platform())?;
            }
            BudgetCommand::NoteReport { .. } => {
                self.check_operation(Operation::NoteBudgetReport, Target::platform())?;
                let standing = self.steering_standing().await?;
                authorize_steering(self.principal(), &standing, SteeringAct::NoteBudgetReport)?;
            }
        }
        self.app()
            .execute::<Budget>(budget_stream(), command, self.event_metadata()?)
            .await
    }
}
