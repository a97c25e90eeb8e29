//! A person: an official who may sign in, with the roles they hold in
//! tenants and whether they administer the whole platform.
//!
//! Names and e-mail addresses are personal data (revFADP): the application
//! stores them sealed with a key per person ([`DomainEvent::personal_fields`])
//! and forgetting a person deletes that key. An event read back after that
//! carries `None` where the name and address were.

#[cfg(test)]
mod lifecycle_tests;
#[cfg(test)]
mod tests;

use std::collections::BTreeSet;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::error::{Classify, ErrorKind};
use crate::ids::{Language, PersonId, TenantId};
use crate::roles::TenantRole;
use crate::text::{Email, FreeText, PersonName};
use crate::{Aggregate, DomainEvent};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PersonCommand {
    Register {
        id: PersonId,
        home: TenantId,
        name: PersonName,
        email: Email,
        language: Language,
    },
    ChangeProfile {
        name: PersonName,
        email: Email,
        language: Language,
    },
    GrantTenantRole {
        tenant: TenantId,
        role: TenantRole,
    },
    RevokeTenantRole {
        tenant: TenantId,
        role: TenantRole,
    },
    GrantPlatformAdmin,
    RevokePlatformAdmin,
    /// Erases the person (crypto-shredding): their roles end, and once the
    /// application deleted their key no name or address of theirs can be read.
    Forget {
        reason: FreeText,
    },
    /// Ends the person's access: no session or token of theirs works any
    /// more and no new one is issued until reactivated.
    Deactivate,
    Reactivate,
    /// A national admin lets the admins of `tenant` grant roles to the
    /// person (someone from another canton or the national tenant).
    MakeAvailable {
        tenant: TenantId,
    },
    WithdrawAvailability {
        tenant: TenantId,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "type", content = "data")]
pub enum PersonEvent {
    /// `name` and `email` are `None` once the person was forgotten: the key
    /// their sealed values were encrypted with is gone.
    Registered {
        id: PersonId,
        home: TenantId,
        name: Option<PersonName>,
        email: Option<Email>,
        language: Language,
    },
    /// A correction of the person's data is this new event, never an edit of
    /// the old one; sealed like `Registered`.
    ProfileChanged {
        name: Option<PersonName>,
        email: Option<Email>,
        language: Language,
    },
    TenantRoleGranted {
        tenant: TenantId,
        role: TenantRole,
    },
    TenantRoleRevoked {
        tenant: TenantId,
        role: TenantRole,
    },
    PlatformAdminGranted,
    PlatformAdminRevoked,
    /// The person was erased; `reason` is why (it must not name them: it
    /// stays in the log).
    Forgotten {
        reason: FreeText,
    },
    Deactivated,
    Reactivated,
    MadeAvailable {
        tenant: TenantId,
    },
    AvailabilityWithdrawn {
        tenant: TenantId,
    },
}

impl DomainEvent for PersonEvent {
    fn event_type(&self) -> &'static str {
        match self {
            Self::Registered { .. } => "Registered",
            Self::ProfileChanged { .. } => "ProfileChanged",
            Self::TenantRoleGranted { .. } => "TenantRoleGranted",
            Self::TenantRoleRevoked { .. } => "TenantRoleRevoked",
            Self::PlatformAdminGranted => "PlatformAdminGranted",
            Self::PlatformAdminRevoked => "PlatformAdminRevoked",
            Self::Forgotten { .. } => "Forgotten",
            Self::Deactivated => "Deactivated",
            Self::Reactivated => "Reactivated",
            Self::MadeAvailable { .. } => "MadeAvailable",
            Self::AvailabilityWithdrawn { .. } => "AvailabilityWithdrawn",
        }
    }

    fn personal_fields(&self) -> &'static [&'static str] {
        match self {
            Self::Registered { .. } | Self::ProfileChanged { .. } => &["name", "email"],
            _ => &[],
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PersonError {
    #[error("the person is already registered")]
    AlreadyRegistered,
    #[error("the person is not registered")]
    NotRegistered,
    #[error("the person already holds the role {role} in {tenant}")]
    RoleAlreadyHeld { tenant: TenantId, role: TenantRole },
    #[error("the person does not hold the role {role} in {tenant}")]
    RoleNotHeld { tenant: TenantId, role: TenantRole },
    #[error("the person already administers the platform")]
    AlreadyPlatformAdmin,
    #[error("the person does not administer the platform")]
    NotPlatformAdmin,
    #[error("the profile is unchanged")]
    NothingChanged,
    #[error("the person was erased")]
    Forgotten,
    #[error("the person is already deactivated")]
    AlreadyDeactivated,
    #[error("the person is not deactivated")]
    NotDeactivated,
    #[error("the person is already available to {tenant}")]
    AlreadyAvailable { tenant: TenantId },
    #[error("the person is not available to {tenant}")]
    NotAvailable { tenant: TenantId },
}

impl Classify for PersonError {
    fn kind(&self) -> ErrorKind {
        match self {
            Self::AlreadyRegistered => ErrorKind::AlreadyExists,
            Self::NotRegistered => ErrorKind::NotFound,
            Self::RoleAlreadyHeld { .. }
            | Self::RoleNotHeld { .. }
            | Self::AlreadyPlatformAdmin
            | Self::NotPlatformAdmin
            | Self::NothingChanged
            | Self::Forgotten
            | Self::AlreadyDeactivated
            | Self::NotDeactivated
            | Self::AlreadyAvailable { .. }
            | Self::NotAvailable { .. } => ErrorKind::InvalidState,
        }
    }
}

/// State of a person stream.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Person {
    registered: Option<Registered>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Registered {
    id: PersonId,
    home: TenantId,
    /// `None` once the person's key is gone.
    name: Option<PersonName>,
    email: Option<Email>,
    language: Language,
    tenant_roles: BTreeSet<(TenantId, TenantRole)>,
    platform_admin: bool,
    forgotten: bool,
    deactivated: bool,
    /// Tenants besides the home whose admins may grant the person roles.
    available_to: BTreeSet<TenantId>,
}

impl Person {
    pub fn is_registered(&self) -> bool {
        self.registered.is_some()
    }

    pub fn id(&self) -> Option<PersonId> {
        self.registered.as_ref().map(|person| person.id)
    }

    /// The tenant the person was registered in: who may manage the profile.
    pub fn home(&self) -> Option<TenantId> {
        self.registered.as_ref().map(|person| person.home)
    }

    pub fn name(&self) -> Option<&PersonName> {
        self.registered
            .as_ref()
            .and_then(|person| person.name.as_ref())
    }

    pub fn email(&self) -> Option<&Email> {
        self.registered
            .as_ref()
            .and_then(|person| person.email.as_ref())
    }

    /// Whether the person was erased.
    pub fn is_forgotten(&self) -> bool {
        self.registered
            .as_ref()
            .is_some_and(|person| person.forgotten)
    }

    /// The language the person reads the platform and its mails in.
    pub fn language(&self) -> Option<Language> {
        self.registered.as_ref().map(|person| person.language)
    }

    /// Every role held, ordered by tenant and then role.
    pub fn tenant_roles(&self) -> impl Iterator<Item = (TenantId, TenantRole)> + '_ {
        self.registered
            .iter()
            .flat_map(|person| person.tenant_roles.iter().copied())
    }

    pub fn has_tenant_role(&self, tenant: TenantId, role: TenantRole) -> bool {
        self.registered
            .as_ref()
            .is_some_and(|person| person.tenant_roles.contains(&(tenant, role)))
    }

    pub fn is_platform_admin(&self) -> bool {
        self.registered
            .as_ref()
            .is_some_and(|person| person.platform_admin)
    }

    pub fn is_deactivated(&self) -> bool {
        self.registered
            .as_ref()
            .is_some_and(|person| person.deactivated)
    }

    /// Whether the admins of `tenant` may grant the person roles: their
    /// home, or a tenant a national admin made them available to.
    pub fn is_available_to(&self, tenant: TenantId) -> bool {
        self.registered
            .as_ref()
            .is_some_and(|person| person.home == tenant || person.available_to.contains(&tenant))
    }
}

impl Registered {
    fn decide(&self, command: PersonCommand) -> Result<Vec<PersonEvent>, PersonError> {
        if self.forgotten {
            // Nothing more may be recorded about an erased person: a new
            // event would need their key again.
            return Err(match command {
                PersonCommand::Register { .. } => PersonError::AlreadyRegistered,
                _ => PersonError::Forgotten,
            });
        }
        match command {
            PersonCommand::Register { .. } => Err(PersonError::AlreadyRegistered),
            PersonCommand::ChangeProfile {
                name,
                email,
                language,
            } => {
                if self.name.as_ref() == Some(&name)
                    && self.email.as_ref() == Some(&email)
                    && self.language == language
                {
                    return Err(PersonError::NothingChanged);
                }
                Ok(vec![PersonEvent::ProfileChanged {
                    name: Some(name),
                    email: Some(email),
                    language,
                }])
            }
            PersonCommand::Forget { reason } => Ok(vec![PersonEvent::Forgotten { reason }]),
            PersonCommand::GrantTenantRole { tenant, role } => {
                if self.tenant_roles.contains(&(tenant, role)) {
                    return Err(PersonError::RoleAlreadyHeld { tenant, role });
                }
                Ok(vec![PersonEvent::TenantRoleGranted { tenant, role }])
            }
            PersonCommand::RevokeTenantRole { tenant, role } => {
                if !self.tenant_roles.contains(&(tenant, role)) {
                    return Err(PersonError::RoleNotHeld { tenant, role });
                }
                Ok(vec![PersonEvent::TenantRoleRevoked { tenant, role }])
            }
            PersonCommand::GrantPlatformAdmin if self.platform_admin => {
                Err(PersonError::AlreadyPlatformAdmin)
            }
            PersonCommand::GrantPlatformAdmin => Ok(vec![PersonEvent::PlatformAdminGranted]),
            PersonCommand::RevokePlatformAdmin if !self.platform_admin => {
                Err(PersonError::NotPlatformAdmin)
            }
            PersonCommand::RevokePlatformAdmin => Ok(vec![PersonEvent::PlatformAdminRevoked]),
            PersonCommand::Deactivate if self.deactivated => Err(PersonError::AlreadyDeactivated),
            PersonCommand::Deactivate => Ok(vec![PersonEvent::Deactivated]),
            PersonCommand::Reactivate if !self.deactivated => Err(PersonError::NotDeactivated),
            PersonCommand::Reactivate => Ok(vec![PersonEvent::Reactivated]),
            PersonCommand::MakeAvailable { tenant }
                if tenant == self.home || self.available_to.contains(&tenant) =>
            {
                Err(PersonError::AlreadyAvailable { tenant })
            }
            PersonCommand::MakeAvailable { tenant } => {
                Ok(vec![PersonEvent::MadeAvailable { tenant }])
            }
            PersonCommand::WithdrawAvailability { tenant } => {
                if !self.available_to.contains(&tenant) {
                    return Err(PersonError::NotAvailable { tenant });
                }
                Ok(vec![PersonEvent::AvailabilityWithdrawn { tenant }])
            }
        }
    }

    fn apply(&mut self, event: &PersonEvent) {
        match event {
            // Registration builds the state from nothing; see `evolve`.
            PersonEvent::Registered { .. } => {}
            PersonEvent::ProfileChanged {
                name,
                email,
                language,
            } => {
                self.name = name.clone();
                self.email = email.clone();
                self.language = *language;
            }
            PersonEvent::TenantRoleGranted { tenant, role } => {
                self.tenant_roles.insert((*tenant, *role));
            }
            PersonEvent::TenantRoleRevoked { tenant, role } => {
                self.tenant_roles.remove(&(*tenant, *role));
            }
            PersonEvent::PlatformAdminGranted => self.platform_admin = true,
            PersonEvent::PlatformAdminRevoked => self.platform_admin = false,
            PersonEvent::Forgotten { .. } => {
                self.forgotten = true;
                self.name = None;
                self.email = None;
                self.tenant_roles.clear();
                self.platform_admin = false;
                self.available_to.clear();
            }
            PersonEvent::Deactivated => self.deactivated = true,
            PersonEvent::Reactivated => self.deactivated = false,
            PersonEvent::MadeAvailable { tenant } => {
                self.available_to.insert(*tenant);
            }
            PersonEvent::AvailabilityWithdrawn { tenant } => {
                self.available_to.remove(tenant);
            }
        }
    }
}

impl Aggregate for Person {
    const STREAM_TYPE: &'static str = "person";
    type Command = PersonCommand;
    type Event = PersonEvent;
    type Error = PersonError;

    fn decide(&self, command: PersonCommand) -> Result<Vec<PersonEvent>, PersonError> {
        match (command, &self.registered) {
            (
                PersonCommand::Register {
                    id,
                    home,
                    name,
                    email,
                    language,
                },
                None,
            ) => Ok(vec![PersonEvent::Registered {
                id,
                home,
                name: Some(name),
                email: Some(email),
                language,
            }]),
            (_, None) => Err(PersonError::NotRegistered),
            (command, Some(person)) => person.decide(command),
        }
    }

    fn evolve(mut self, event: &PersonEvent) -> Self {
        if let PersonEvent::Registered {
            id,
            home,
            name,
            email,
            language,
        } = event
        {
            self.registered = Some(Registered {
                id: *id,
                home: *home,
                name: name.clone(),
                email: email.clone(),
                language: *language,
                tenant_roles: BTreeSet::new(),
                platform_admin: false,
                forgotten: false,
                deactivated: false,
                available_to: BTreeSet::new(),
            });
        } else if let Some(person) = self.registered.as_mut() {
            person.apply(event);
        }
        self
    }
}
