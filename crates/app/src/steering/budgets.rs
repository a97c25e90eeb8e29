//! The Fachstelle's budget: planned and reported by the Fachstelle, noted
//! by the STG.

use iiz_domain::budget::{BUDGET_YEARS, Budget, BudgetCommand};
use iiz_domain::error::ErrorKind;
use iiz_domain::ids::BudgetId;
use iiz_domain::text::FreeText;
use iiz_projections::{BUDGETS, BudgetView};

use super::budget_stream;
use crate::authz::steering::{SteeringAct, authorize_steering};
use crate::authz::{Denied, Operation, Target};
use crate::{AppError, Caller, Executed};

/// A budget to plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewBudget {
    pub first_year: i32,
    /// Swiss francs over the four years.
    pub total: u64,
    pub purpose: FreeText,
}

impl Caller<'_> {
    /// Every budget, oldest first.
    pub async fn budgets(&self) -> Result<Vec<BudgetView>, AppError> {
        self.check_operation(Operation::ShowBudget, Target::platform())?;
        self.app().all_docs(BUDGETS, Vec::new()).await
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
    /// other: one whose years overlap another's is refused. The check reads
    /// the register, which the Fachstelle alone writes, a few times a
    /// decade; two plans racing would both be visible to the STG.
    pub async fn plan_budget(&self, new: NewBudget) -> Result<(BudgetId, Executed), AppError> {
        self.check_operation(Operation::PlanBudget, Target::platform())?;
        let last_year = new.first_year.saturating_add(BUDGET_YEARS - 1);
        if let Some(other) = self
            .budgets()
            .await?
            .into_iter()
            .find(|other| other.first_year <= last_year && new.first_year <= other.last_year)
        {
            return Err(AppError::Domain {
                kind: ErrorKind::InvalidState,
                message: format!(
                    "the years {}–{last_year} overlap the budget {}–{}",
                    new.first_year, other.first_year, other.last_year
                ),
                details: None,
            });
        }
        let id = BudgetId::new();
        let command = BudgetCommand::Plan {
            id,
            first_year: new.first_year,
            total: new.total,
            purpose: new.purpose,
        };
        let executed = self
            .app()
            .execute::<Budget>(budget_stream(id), command, self.event_metadata()?)
            .await?;
        Ok((id, executed))
    }

    /// Reports a year (the Fachstelle) or takes note of a report (the STG).
    pub async fn budget_command(
        &self,
        id: BudgetId,
        command: BudgetCommand,
    ) -> Result<Executed, AppError> {
        self.budget(id).await?;
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
            .execute::<Budget>(budget_stream(id), command, self.event_metadata()?)
            .await
    }
}
