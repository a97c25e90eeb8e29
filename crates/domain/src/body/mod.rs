//! A body of a tenant: a steering committee, an expert or coordination body,
//! an office, a working group or a subcommittee, with its mandate.

#[cfg(test)]
mod tests;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::error::{Classify, ErrorKind};
use crate::ids::{BodyId, TenantId};
use crate::text::{FreeText, LocalizedName};
use crate::{Aggregate, DomainEvent};

/// What a body is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BodyKind {
    /// Decides (STG, IIZ-Leitung, Trägerschaft).
    Steering,
    /// Examines and coordinates (EKG, IIZ-EKG, Operativer Ausschuss).
    ExpertCoordination,
    /// Runs the business (Fachstelle, Geschäftsstelle).
    Office,
    /// Works on a mandate (Arbeitsgruppe, Fachgruppe).
    WorkingGroup,
    /// Steers working groups on behalf of its parent body.
    Subcommittee,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BodyCommand {
    Establish {
        id: BodyId,
        tenant: TenantId,
        kind: BodyKind,
        names: LocalizedName,
        mandate: FreeText,
        parent: Option<BodyId>,
        active_from: NaiveDate,
    },
    Rename {
        names: LocalizedName,
    },
    AmendMandate {
        mandate: FreeText,
    },
    Dissolve {
        active_to: NaiveDate,
        reason: FreeText,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", content = "data")]
pub enum BodyEvent {
    Established {
        id: BodyId,
        tenant: TenantId,
        kind: BodyKind,
        names: LocalizedName,
        mandate: FreeText,
        parent: Option<BodyId>,
        active_from: NaiveDate,
    },
    Renamed {
        names: LocalizedName,
    },
    MandateAmended {
        mandate: FreeText,
    },
    Dissolved {
        active_to: NaiveDate,
        reason: FreeText,
    },
}

impl DomainEvent for BodyEvent {
    fn event_type(&self) -> &'static str {
        match self {
            Self::Established { .. } => "Established",
            Self::Renamed { .. } => "Renamed",
            Self::MandateAmended { .. } => "MandateAmended",
            Self::Dissolved { .. } => "Dissolved",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BodyError {
    #[error("the body is already established")]
    AlreadyEstablished,
    #[error("the body does not exist")]
    NotEstablished,
    #[error("the body was dissolved on {0}")]
    Dissolved(NaiveDate),
    #[error("a body cannot be its own parent")]
    OwnParent,
    #[error("a body cannot be dissolved on {active_to}, before it became active on {active_from}")]
    DissolvedBeforeActive {
        active_from: NaiveDate,
        active_to: NaiveDate,
    },
    #[error("a reason is required to dissolve a body")]
    ReasonRequired,
}

impl Classify for BodyError {
    fn kind(&self) -> ErrorKind {
        match self {
            Self::AlreadyEstablished => ErrorKind::AlreadyExists,
            Self::NotEstablished => ErrorKind::NotFound,
            Self::Dissolved(_) => ErrorKind::InvalidState,
            Self::OwnParent | Self::DissolvedBeforeActive { .. } | Self::ReasonRequired => {
                ErrorKind::Validation
            }
        }
    }
}

/// State of a body stream.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Body {
    established: Option<Established>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Established {
    names: LocalizedName,
    mandate: FreeText,
    active_from: NaiveDate,
    dissolved_on: Option<NaiveDate>,
}

impl Body {
    fn active(&self) -> Result<&Established, BodyError> {
        let body = self.established.as_ref().ok_or(BodyError::NotEstablished)?;
        match body.dissolved_on {
            Some(on) => Err(BodyError::Dissolved(on)),
            None => Ok(body),
        }
    }
}

impl Aggregate for Body {
    const STREAM_TYPE: &'static str = "body";
    type Command = BodyCommand;
    type Event = BodyEvent;
    type Error = BodyError;

    fn decide(&self, command: BodyCommand) -> Result<Vec<BodyEvent>, BodyError> {
        match command {
            BodyCommand::Establish {
                id,
                tenant,
                kind,
                names,
                mandate,
                parent,
                active_from,
            } => {
                if self.established.is_some() {
                    return Err(BodyError::AlreadyEstablished);
                }
                if parent == Some(id) {
                    return Err(BodyError::OwnParent);
                }
                Ok(vec![BodyEvent::Established {
                    id,
                    tenant,
                    kind,
                    names,
                    mandate,
                    parent,
                    active_from,
                }])
            }
            BodyCommand::Rename { names } => {
                let body = self.active()?;
                if body.names == names {
                    return Ok(vec![]);
                }
                Ok(vec![BodyEvent::Renamed { names }])
            }
            BodyCommand::AmendMandate { mandate } => {
                let body = self.active()?;
                if body.mandate == mandate {
                    return Ok(vec![]);
                }
                Ok(vec![BodyEvent::MandateAmended { mandate }])
            }
            BodyCommand::Dissolve { active_to, reason } => {
                let body = self.active()?;
                if reason.is_empty() {
                    return Err(BodyError::ReasonRequired);
                }
                if active_to < body.active_from {
                    return Err(BodyError::DissolvedBeforeActive {
                        active_from: body.active_from,
                        active_to,
                    });
                }
                Ok(vec![BodyEvent::Dissolved { active_to, reason }])
            }
        }
    }

    fn evolve(mut self, event: &BodyEvent) -> Self {
        match event {
            BodyEvent::Established {
                names,
                mandate,
                active_from,
                ..
            } => {
                self.established = Some(Established {
                    names: names.clone(),
                    mandate: mandate.clone(),
                    active_from: *active_from,
                    dissolved_on: None,
                });
            }
            BodyEvent::Renamed { names } => {
                if let Some(body) = self.established.as_mut() {
                    body.names = names.clone();
                }
            }
            BodyEvent::MandateAmended { mandate } => {
                if let Some(body) = self.established.as_mut() {
                    body.mandate = mandate.clone();
                }
            }
            BodyEvent::Dissolved { active_to, .. } => {
                if let Some(body) = self.established.as_mut() {
                    body.dissolved_on = Some(*active_to);
                }
            }
        }
        self
    }
}
