//! The people of every tenant with their roles: who may sign in as what.
//! Authorization reads a person's roles from here at every request.

use iiz_domain::person::PersonEvent;
use iiz_domain::{Email, Language, PersonId, PersonName, TenantId, TenantRole};
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

/// What a forgotten person's name reads everywhere (the pages translate it
/// by [`PersonView::erased`]).
pub const ERASED_NAME: &str = "erased person";

/// A person as listed and as authorization sees them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonView {
    pub id: PersonId,
    pub home: TenantId,
    /// [`ERASED_NAME`] once the person was forgotten.
    pub name: String,
    /// Empty once the person was forgotten.
    pub email: String,
    pub language: Language,
    /// Sorted, without duplicates.
    pub roles: Vec<RoleGrant>,
    pub platform_admin: bool,
    /// Forgotten (revFADP): name and address are gone for good, so are the
    /// roles.
    #[serde(default)]
    pub erased: bool,
    /// A deactivated person signs in nowhere and no token of theirs works.
    #[serde(default)]
    pub deactivated: bool,
    /// Tenants besides the home whose admins may grant the person roles
    /// (a national admin made them available), sorted.
    #[serde(default)]
    pub available_to: Vec<TenantId>,
}

/// The name and address as stored: a sealed field whose key is gone reads
/// `None`, and then nothing of them is kept.
fn known(name: Option<&PersonName>, email: Option<&Email>) -> (String, String, bool) {
    match (name, email) {
        (Some(name), Some(email)) => (name.as_str().to_owned(), email.as_str().to_owned(), false),
        _ => (ERASED_NAME.to_owned(), String::new(), true),
    }
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
        // 2: names and addresses come sealed and may be erased.
        2
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
            ) => {
                let (name, email, erased) = known(name.as_ref(), email.as_ref());
                PersonView {
                    id,
                    home,
                    name,
                    email,
                    language,
                    roles: Vec::new(),
                    platform_admin: false,
                    erased,
                    deactivated: false,
                    available_to: Vec::new(),
                }
            }
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
            ) => {
                let (name, email, erased) = known(name.as_ref(), email.as_ref());
                PersonView {
                    name,
                    email,
                    language,
                    erased: erased || view.erased,
                    ..view
                }
            }
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
            (PersonEvent::Forgotten { .. }, Some(view)) => PersonView {
                name: ERASED_NAME.to_owned(),
                email: String::new(),
                roles: Vec::new(),
                platform_admin: false,
                erased: true,
                available_to: Vec::new(),
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
        // Erased people sort last; their sort key holds no trace of the name.
        let sort = if view.erased {
            format!("\u{10FFFF}{}", view.id)
        } else {
            view.name.to_lowercase()
        };
        let tenant = Some(view.home.as_str().to_owned());
        put_typed(docs, key, tenant, sort, &view)
    }
}
