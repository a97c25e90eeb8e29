//! Why a panorama round command was refused.

use chrono::NaiveDate;

use super::RoundStage;
use super::questions::QuestionKey;
use crate::error::{Classify, ErrorKind, required_input};
use crate::ids::CantonCode;
use crate::panorama_terms::Year;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RoundError {
    #[error("the round for this year is already open")]
    AlreadyOpened,
    #[error("there is no round for this year")]
    NotOpened,
    #[error("only the Fachstelle opens, closes, reopens and publishes a round")]
    OnlyFachstelle,
    #[error("{0} answers for itself; the Fachstelle proposes corrections to the profile")]
    CantonAnswers(CantonCode),
    #[error("only {0} answers for {0}")]
    NotTheCanton(CantonCode),
    #[error("the round is {0}; this needs an open round")]
    NotOpen(RoundStage),
    #[error("the round is {0}; this needs a closed round")]
    NotClosed(RoundStage),
    #[error("the round is published and stays as it was published")]
    Published,
    #[error("{0} is not addressed by this round")]
    NotAddressed(CantonCode),
    #[error("a round addresses at least one canton")]
    NoCantons,
    #[error("a round asks at least one question")]
    NoQuestions,
    #[error("a round asks at most {max} questions")]
    TooManyQuestions { max: usize },
    #[error("the question {0} is asked twice")]
    QuestionTwice(QuestionKey),
    #[error("'{0}' is not a question key (lowercase letters, digits and _, at most 40)")]
    InvalidQuestionKey(String),
    #[error("the answers are due on {due}, which is not after the opening on {opened}")]
    DueBeforeOpening { due: NaiveDate, opened: NaiveDate },
    #[error("the round was opened on {opened}; nothing happens in it on {date}")]
    DateBeforeOpening { opened: NaiveDate, date: NaiveDate },
    #[error("a profile valid from {profile} cannot answer the {round} round")]
    LaterProfile { profile: Year, round: Year },
    #[error("figures for {figures} cannot answer the {round} round")]
    LaterFigures { figures: Year, round: Year },
    #[error("the figures for {0} are referred to twice")]
    FiguresTwice(Year),
    #[error("a {0} is required")]
    Required(&'static str),
}

impl Classify for RoundError {
    fn kind(&self) -> ErrorKind {
        match self {
            Self::AlreadyOpened => ErrorKind::AlreadyExists,
            Self::NotOpened => ErrorKind::NotFound,
            Self::OnlyFachstelle | Self::CantonAnswers(_) | Self::NotTheCanton(_) => {
                ErrorKind::Forbidden
            }
            Self::NotOpen(_) | Self::NotClosed(_) | Self::Published | Self::NotAddressed(_) => {
                ErrorKind::InvalidState
            }
            Self::NoCantons
            | Self::NoQuestions
            | Self::TooManyQuestions { .. }
            | Self::QuestionTwice(_)
            | Self::InvalidQuestionKey(_)
            | Self::DueBeforeOpening { .. }
            | Self::DateBeforeOpening { .. }
            | Self::LaterProfile { .. }
            | Self::LaterFigures { .. }
            | Self::FiguresTwice(_)
            | Self::Required(_) => ErrorKind::Validation,
        }
    }

    fn field(&self) -> Option<&'static str> {
        match self {
            Self::NoCantons => Some("cantons"),
            Self::NoQuestions
            | Self::TooManyQuestions { .. }
            | Self::QuestionTwice(_)
            | Self::InvalidQuestionKey(_) => Some("questions"),
            Self::DueBeforeOpening { .. } => Some("due"),
            Self::DateBeforeOpening { .. } => Some("on"),
            Self::LaterProfile { .. } => Some("profile"),
            Self::LaterFigures { .. } | Self::FiguresTwice(_) => Some("figures"),
            Self::Required(name) => required_input(name),
            _ => None,
        }
    }
}
