//! Why a budget command was refused.

use crate::error::{Classify, ErrorKind, required_input};

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BudgetError {
    #[error("the budget already exists")]
    AlreadyPlanned,
    #[error("the budget does not exist")]
    NotPlanned,
    #[error("the budget's {0} is required")]
    Required(&'static str),
    #[error("{0} is not a year the platform plans budgets for (2000 to 2100)")]
    ImplausibleYear(i32),
    #[error(
        "a total of {total} francs does not split into four equal shares: the four federal offices fund the Fachstelle equally, so the total must be a positive multiple of 4"
    )]
    UnequalShares { total: u64 },
    #[error("{year} is not a year of the budget ({first} to {last})")]
    OutsidePeriod { year: i32, first: i32, last: i32 },
    #[error("the report of {0} was already submitted")]
    AlreadyReported(i32),
    #[error("there is no report of {0} to take note of")]
    NotReported(i32),
    #[error("the report of {0} was already noted")]
    AlreadyNoted(i32),
    #[error("the budget's years overlap the budget {first} to {last}")]
    Overlaps { first: i32, last: i32 },
}

impl Classify for BudgetError {
    fn field(&self) -> Option<&'static str> {
        match self {
            Self::Required(name) => required_input(name),
            Self::UnequalShares { .. } => Some("total"),
            _ => None,
        }
    }

    fn kind(&self) -> ErrorKind {
        match self {
            Self::AlreadyPlanned => ErrorKind::AlreadyExists,
            Self::NotPlanned => ErrorKind::NotFound,
            Self::AlreadyReported(_)
            | Self::NotReported(_)
            | Self::AlreadyNoted(_)
            | Self::Overlaps { .. } => ErrorKind::InvalidState,
            Self::Required(_)
            | Self::ImplausibleYear(_)
            | Self::UnequalShares { .. }
            | Self::OutsidePeriod { .. } => ErrorKind::Validation,
        }
    }
}
