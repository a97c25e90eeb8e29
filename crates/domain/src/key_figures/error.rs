//! Why a key figures command was refused.

use chrono::NaiveDate;

use crate::error::{Classify, ErrorKind};
use crate::ids::CantonCode;
use crate::panorama_terms::Year;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FiguresError {
    #[error("only {0} reports its figures")]
    NotTheCanton(CantonCode),
    #[error(
        "{0} reports its own figures; the Fachstelle asks for a correction in the panorama round"
    )]
    CantonReports(CantonCode),
    #[error("a range goes from low to high, not from {low} to {high}")]
    RangeReversed { low: u32, high: u32 },
    #[error("a report carries at most {max} further counts")]
    TooManyFigures { max: usize },
    #[error("these are the figures of {canton} for {year}")]
    OtherStream { canton: CantonCode, year: Year },
    #[error(
        "the figures were last reported on {last}; a report on {date} would go back before that"
    )]
    DateBeforeLastReport { last: NaiveDate, date: NaiveDate },
}

impl Classify for FiguresError {
    fn kind(&self) -> ErrorKind {
        match self {
            Self::NotTheCanton(_) | Self::CantonReports(_) => ErrorKind::Forbidden,
            Self::OtherStream { .. } => ErrorKind::InvalidState,
            Self::RangeReversed { .. }
            | Self::TooManyFigures { .. }
            | Self::DateBeforeLastReport { .. } => ErrorKind::Validation,
        }
    }

    fn field(&self) -> Option<&'static str> {
        match self {
            Self::RangeReversed { .. } | Self::TooManyFigures { .. } => Some("figures"),
            Self::DateBeforeLastReport { .. } => Some("on"),
            _ => None,
        }
    }
}
