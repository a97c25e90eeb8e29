//! The people of every tenant with their roles: who may sign in as what.
//! Authorization reads a person's roles from here at every request.

use iiz_domain::person::PersonEvent;
use iiz_domain::{Language, PersonId, TenantId, TenantRole};
use iiz_store::{DocKey, DocSet, ProjectionError, RecordedEvent};
use serde::{Deserialize, Serialize};

use crate::{Projection, decode, get_typed, put_typed};

/// Collection of [`PersonView`] documents, keyed by person id.
pub const PEOPLE: &str = "people";

/// A role held in a tenant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct RoleGrant {
    pub tenant: TenantId,
    pub role: TenantRole,
}

/// A person as listed and as authorization sees them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonView {
    pub id: PersonId,
    pub home: TenantId,
    pub name: String,
    pub email: String,
    pub language: Language,
    /// Sorted, without duplicates.
    pub roles: Vec<RoleGrant>,
    pub platform_admin: bool,
    /// A deactivated person signs in nowhere and no token of theirs works.
    #[serde(default)]
    pub deactivated: bool,
    /// Tenants besides the home whose admins may grant the person roles
    /// (a national admin made them available), sorted.
    #[serde(default)]
    pub available_to: Vec<TenantId>,
}

#[derive(Debug, Clone, Copy, Default)]
pub struct PeopleDirectory;

fn key(event: &RecordedEvent) -> DocKey {
    DocKey::new(PEOPLE, &event.stream.stream_id)
}

impl Projection for PeopleDirectory {
    fn name(&self) -> &'static str {
        "people_directory"
    }

    fn version(&self) -> i32 {
        1
    }

    fn collections(&self) -> &'static [&'static str] {
        &[PEOPLE]
    }

    fn handles(&self, stream_type: &str) -> bool {
        stream_type == "person"
    }

    fn keys(&self, event: &RecordedEvent) -> Result<Vec<DocKey>, ProjectionError> {
        Ok(vec![key(event)])
    }

    fn apply(&self, docs: &mut DocSet, event: &RecordedEvent) -> Result<(), ProjectionError> {
        let key = key(event);
        let change = decode::<PersonEvent>(event)?;
        let mut view = match (change, get_typed::<PersonView>(docs, &key)?) {
            (
                PersonEvent::Registered {
                    id,
                    home,
                    name,
                    email,
                    language,
                },
                _,
            ) => PersonView {
                id,
                home,
                name: name.as_str().to_owned(),
                email: email.as_str().to_owned(),
                language,
                roles: Vec::new(),
                platform_admin: false,
                deactivated: false,
                available_to: Vec::new(),
            },
            (_, None) => {
                return Err(ProjectionError::Malformed {
                    key,
                    reason: "event for a person who was never registered".to_owned(),
                });
            }
            (
                PersonEvent::ProfileChanged {
                    name,
                    email,
                    language,
                },
                Some(view),
            ) => PersonView {
                name: name.as_str().to_owned(),
                email: email.as_str().to_owned(),
                language,
                ..view
            },
            (PersonEvent::TenantRoleGranted { tenant, role }, Some(mut view)) => {
                let grant = RoleGrant { tenant, role };
                if let Err(at) = view.roles.binary_search(&grant) {
                    view.roles.insert(at, grant);
                }
                view
            }
            (PersonEvent::TenantRoleRevoked { tenant, role }, Some(mut view)) => {
                view.roles
                    .retain(|grant| *grant != RoleGrant { tenant, role });
                view
            }
            (PersonEvent::PlatformAdminGranted, Some(view)) => PersonView {
                platform_admin: true,
                ..view
            },
            (PersonEvent::PlatformAdminRevoked, Some(view)) => PersonView {
                platform_admin: false,
                ..view
            },
            (PersonEvent::Deactivated, Some(view)) => PersonView {
                deactivated: true,
                ..view
            },
            (PersonEvent::Reactivated, Some(view)) => PersonView {
                deactivated: false,
                ..view
            },
            (PersonEvent::MadeAvailable { tenant }, Some(mut view)) => {
                if let Err(at) = view.available_to.binary_search(&tenant) {
                    view.available_to.insert(at, tenant);
                }
                view
            }
            (PersonEvent::AvailabilityWithdrawn { tenant }, Some(mut view)) => {
                view.available_to.retain(|available| *available != tenant);
                view
            }
        };
        view.roles.dedup();
        let sort = view.name.to_lowercase();
        let tenant = Some(view.home.as_str().to_owned());
        put_typed(docs, key, tenant, sort, &view)
    }
}
