//! A body of a tenant: a steering committee, an expert or coordination body,
//! an office, a working group or a subcommittee, with its mandate and members.

mod membership;
#[cfg(test)]
mod membership_tests;
mod resolution_rules;
#[cfg(test)]
mod tests;

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::error::{Classify, ErrorKind};
use crate::ids::{BodyId, PersonId, TenantId};
use crate::roles::BodyRole;
use crate::text::{FreeText, Institution, LocalizedName};
use crate::{Aggregate, DomainEvent};

pub use resolution_rules::{CarriedBy, ResolutionRules};

/// What a body is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
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
    /// Refused for the chair while the body has one: see `HandOverChair`.
    AdmitMember {
        person: PersonId,
        role: BodyRole,
        institution: Institution,
        from: NaiveDate,
    },
    /// Refused for the chair while the body has one: see `HandOverChair`.
    ChangeMemberRole {
        person: PersonId,
        role: BodyRole,
        from: NaiveDate,
    },
    /// Makes a member the chair; the previous chair, if any, stays a member.
    HandOverChair {
        to: PersonId,
        on: NaiveDate,
    },
    RemoveMember {
        person: PersonId,
        on: NaiveDate,
    },
    /// Sets how the body decides by circular resolution.
    SetResolutionRules {
        rules: ResolutionRules,
    },
}

/// Stored events: variants and their fields are never renamed or removed,
/// new ones are added at the end.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
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
    MemberAdmitted {
        person: PersonId,
        role: BodyRole,
        institution: Institution,
        from: NaiveDate,
    },
    MemberRoleChanged {
        person: PersonId,
        role: BodyRole,
        from: NaiveDate,
    },
    MemberRemoved {
        person: PersonId,
        on: NaiveDate,
    },
    ResolutionRulesSet {
        rules: ResolutionRules,
    },
}

impl DomainEvent for BodyEvent {
    fn event_type(&self) -> &'static str {
        match self {
            Self::Established { .. } => "Established",
            Self::Renamed { .. } => "Renamed",
            Self::MandateAmended { .. } => "MandateAmended",
            Self::Dissolved { .. } => "Dissolved",
            Self::MemberAdmitted { .. } => "MemberAdmitted",
            Self::MemberRoleChanged { .. } => "MemberRoleChanged",
            Self::MemberRemoved { .. } => "MemberRemoved",
            Self::ResolutionRulesSet { .. } => "ResolutionRulesSet",
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
    #[error("{0} is already a member of the body")]
    AlreadyMember(PersonId),
    #[error("{0} is not a member of the body")]
    NotAMember(PersonId),
    #[error("the body is chaired by {by}; hand the chair over instead")]
    ChairOccupied { by: PersonId },
    #[error("{0} already chairs the body")]
    AlreadyChair(PersonId),
    #[error(
        "a membership cannot begin or change on {date}, before the body became active on {active_from}"
    )]
    MembershipBeforeBody {
        active_from: NaiveDate,
        date: NaiveDate,
    },
    #[error(
        "the membership last changed on {last_change}; a change on {date} would go back before that"
    )]
    DateBeforeLastChange {
        last_change: NaiveDate,
        date: NaiveDate,
    },
    #[error("a circular resolution's minimum period is at most {max} days")]
    MinimumDaysTooLong { max: u32 },
}

impl Classify for BodyError {
    fn field(&self) -> Option<&'static str> {
        match self {
            Self::ReasonRequired => Some("reason"),
            Self::MinimumDaysTooLong { .. } => Some("minimum_days"),
            _ => None,
        }
    }

    fn kind(&self) -> ErrorKind {
        match self {
            Self::AlreadyEstablished => ErrorKind::AlreadyExists,
            Self::NotEstablished | Self::NotAMember(_) => ErrorKind::NotFound,
            Self::Dissolved(_)
            | Self::AlreadyMember(_)
            | Self::ChairOccupied { .. }
            | Self::AlreadyChair(_) => ErrorKind::InvalidState,
            Self::OwnParent
            | Self::DissolvedBeforeActive { .. }
            | Self::ReasonRequired
            | Self::MembershipBeforeBody { .. }
            | Self::DateBeforeLastChange { .. }
            | Self::MinimumDaysTooLong { .. } => ErrorKind::Validation,
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
    tenant: TenantId,
    names: LocalizedName,
    mandate: FreeText,
    active_from: NaiveDate,
    dissolved_on: Option<NaiveDate>,
    members: membership::Members,
    resolution_rules: ResolutionRules,
}

impl Body {
    pub fn tenant(&self) -> Option<TenantId> {
        self.established.as_ref().map(|body| body.tenant)
    }

    /// How the body decides by circular resolution: as it set, or the
    /// platform's default.
    pub fn resolution_rules(&self) -> ResolutionRules {
        self.established
            .as_ref()
            .map(|body| body.resolution_rules)
            .unwrap_or_default()
    }

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
            BodyCommand::AdmitMember {
                person,
                role,
                institution,
                from,
            } => self.active()?.admit(person, role, institution, from),
            BodyCommand::ChangeMemberRole { person, role, from } => {
                self.active()?.change_role(person, role, from)
            }
            BodyCommand::HandOverChair { to, on } => self.active()?.hand_over_chair(to, on),
            BodyCommand::RemoveMember { person, on } => self.active()?.remove(person, on),
            BodyCommand::SetResolutionRules { rules } => {
                let body = self.active()?;
                if rules.minimum_days > ResolutionRules::MAX_MINIMUM_DAYS {
                    return Err(BodyError::MinimumDaysTooLong {
                        max: ResolutionRules::MAX_MINIMUM_DAYS,
                    });
                }
                if body.resolution_rules == rules {
                    return Ok(vec![]);
                }
                Ok(vec![BodyEvent::ResolutionRulesSet { rules }])
            }
        }
    }

    fn evolve(mut self, event: &BodyEvent) -> Self {
        match event {
            BodyEvent::Established {
                tenant,
                names,
                mandate,
                active_from,
                ..
            } => {
                self.established = Some(Established {
                    tenant: *tenant,
                    names: names.clone(),
                    mandate: mandate.clone(),
                    active_from: *active_from,
                    dissolved_on: None,
                    members: membership::Members::default(),
                    resolution_rules: ResolutionRules::default(),
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
            BodyEvent::MemberAdmitted { .. }
            | BodyEvent::MemberRoleChanged { .. }
            | BodyEvent::MemberRemoved { .. } => {
                if let Some(body) = self.established.as_mut() {
                    body.members.apply(event);
                }
            }
            BodyEvent::ResolutionRulesSet { rules } => {
                if let Some(body) = self.established.as_mut() {
                    body.resolution_rules = *rules;
                }
            }
        }
        self
    }
}
