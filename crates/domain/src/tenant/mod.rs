//! A tenant: the national IIZ or one canton, with its names and languages.

#[cfg(test)]
mod tests;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::concern::{MAX_ROUTE_STEPS, RouteSnapshot, RouteStep};
use crate::error::{Classify, ErrorKind};
use crate::ids::{Language, TenantId};
use crate::text::LocalizedName;
use crate::{Aggregate, DomainEvent};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TenantCommand {
    Register {
        id: TenantId,
        names: LocalizedName,
        official_languages: Vec<Language>,
    },
    Rename {
        names: LocalizedName,
    },
    /// Replaces the route concerns take inside the tenant; concerns already
    /// under way keep the version they started with.
    DefineConcernRoute {
        steps: Vec<RouteStep>,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "type", content = "data")]
pub enum TenantEvent {
    Registered {
        id: TenantId,
        names: LocalizedName,
        official_languages: Vec<Language>,
    },
    Renamed {
        names: LocalizedName,
    },
    ConcernRouteDefined {
        version: u32,
        steps: Vec<RouteStep>,
    },
}

impl DomainEvent for TenantEvent {
    fn event_type(&self) -> &'static str {
        match self {
            Self::Registered { .. } => "Registered",
            Self::Renamed { .. } => "Renamed",
            Self::ConcernRouteDefined { .. } => "ConcernRouteDefined",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TenantError {
    #[error("tenant {0} is already registered with other data")]
    AlreadyRegistered(TenantId),
    #[error("the tenant is not registered")]
    NotRegistered,
    #[error("a tenant needs at least one official language")]
    NoOfficialLanguage,
    #[error(
        "the name must be given in every official interface language (de, fr, it); {0} is missing"
    )]
    MissingOfficialLanguage(Language),
    #[error("a concern route has at most {max} steps; {given} were given")]
    RouteTooLong { given: usize, max: usize },
}

impl Classify for TenantError {
    fn kind(&self) -> ErrorKind {
        match self {
            Self::AlreadyRegistered(_) => ErrorKind::AlreadyExists,
            Self::NotRegistered => ErrorKind::NotFound,
            Self::NoOfficialLanguage
            | Self::MissingOfficialLanguage(_)
            | Self::RouteTooLong { .. } => ErrorKind::Validation,
        }
    }
}

/// State of a tenant stream.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tenant {
    registered: Option<Registered>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Registered {
    id: TenantId,
    names: LocalizedName,
    official_languages: Vec<Language>,
    concern_route: RouteSnapshot,
}

impl Tenant {
    /// The route a concern drafted now takes (the direct default until the
    /// tenant defines one).
    pub fn concern_route(&self) -> RouteSnapshot {
        self.registered
            .as_ref()
            .map(|tenant| tenant.concern_route.clone())
            .unwrap_or_default()
    }

    pub fn id(&self) -> Option<TenantId> {
        self.registered.as_ref().map(|tenant| tenant.id)
    }

    pub fn official_languages(&self) -> &[Language] {
        self.registered
            .as_ref()
            .map(|tenant| tenant.official_languages.as_slice())
            .unwrap_or_default()
    }
}

fn require_every_language(
    names: &LocalizedName,
    languages: &[Language],
) -> Result<(), TenantError> {
    let missing = languages
        .iter()
        .find(|language| language.is_interface() && names.get(**language).is_none());
    match missing {
        Some(missing) => Err(TenantError::MissingOfficialLanguage(*missing)),
        None => Ok(()),
    }
}

impl Aggregate for Tenant {
    const STREAM_TYPE: &'static str = "tenant";
    type Command = TenantCommand;
    type Event = TenantEvent;
    type Error = TenantError;

    fn decide(&self, command: TenantCommand) -> Result<Vec<TenantEvent>, TenantError> {
        match (command, &self.registered) {
            (
                TenantCommand::Register {
                    id,
                    names,
                    mut official_languages,
                },
                registered,
            ) => {
                official_languages.sort();
                official_languages.dedup();
                if official_languages.is_empty() {
                    return Err(TenantError::NoOfficialLanguage);
                }
                require_every_language(&names, &official_languages)?;
                match registered {
                    None => Ok(vec![TenantEvent::Registered {
                        id,
                        names,
                        official_languages,
                    }]),
                    // Registering the same tenant with the same data again is a
                    // no-op, so bootstrapping is safe to repeat.
                    Some(existing)
                        if existing.id == id
                            && existing.names == names
                            && existing.official_languages == official_languages =>
                    {
                        Ok(vec![])
                    }
                    Some(existing) => Err(TenantError::AlreadyRegistered(existing.id)),
                }
            }
            (TenantCommand::Rename { .. }, None) => Err(TenantError::NotRegistered),
            (TenantCommand::Rename { names }, Some(existing)) => {
                require_every_language(&names, &existing.official_languages)?;
                if names == existing.names {
                    return Ok(vec![]);
                }
                Ok(vec![TenantEvent::Renamed { names }])
            }
            (TenantCommand::DefineConcernRoute { .. }, None) => Err(TenantError::NotRegistered),
            (TenantCommand::DefineConcernRoute { steps }, Some(existing)) => {
                if steps.len() > MAX_ROUTE_STEPS {
                    return Err(TenantError::RouteTooLong {
                        given: steps.len(),
                        max: MAX_ROUTE_STEPS,
                    });
                }
                if steps == existing.concern_route.steps {
                    return Ok(vec![]);
                }
                Ok(vec![TenantEvent::ConcernRouteDefined {
                    version: existing.concern_route.version + 1,
                    steps,
                }])
            }
        }
    }

    fn evolve(mut self, event: &TenantEvent) -> Self {
        match event {
            TenantEvent::Registered {
                id,
                names,
                official_languages,
            } => {
                self.registered = Some(Registered {
                    id: *id,
                    names: names.clone(),
                    official_languages: official_languages.clone(),
                    concern_route: RouteSnapshot::default(),
                });
            }
            TenantEvent::Renamed { names } => {
                if let Some(registered) = self.registered.as_mut() {
                    registered.names = names.clone();
                }
            }
            TenantEvent::ConcernRouteDefined { version, steps } => {
                if let Some(registered) = self.registered.as_mut() {
                    registered.concern_route = RouteSnapshot {
                        version: *version,
                        steps: steps.clone(),
                    };
                }
            }
        }
        self
    }
}
