//! Read models of the STG's steering: the work programmes, each body's
//! chairs and the Fachstelle's budgets.

mod budgets;
mod chairs;
mod programmes;
#[cfg(test)]
mod tests;

pub use budgets::{BUDGETS, BudgetRegister, BudgetView, YearReport};
pub use chairs::{CHAIRS, ChairRegister, ChairTerm, ChairView};
pub use programmes::{
    ActionFieldView, FocusAreaPlan, PROGRAMMES, ProgrammeClosure, ProgrammeProject,
    ProgrammeRegister, ProgrammeView,
};
