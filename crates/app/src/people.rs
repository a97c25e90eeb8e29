//! People, their roles, and the principal a signed-in person acts as.

use std::collections::BTreeSet;

use iiz_domain::person::Person;
use iiz_domain::{Aggregate, Email, Language, PersonCommand, PersonId, PersonName, TenantId};
use iiz_projections::{PEOPLE, PersonView};
use iiz_store::StreamRef;

use crate::authz::{Principal, TokenScope};
use crate::{App, AppError};

/// A person's stream lives in their home tenant.
pub fn person_stream(home: TenantId, id: PersonId) -> StreamRef {
    StreamRef::new(home.as_str(), Person::STREAM_TYPE, id.to_string())
}

pub use crate::networks::network_registry_stream;

/// A person to register.
#[derive(Debug, Clone, PartialEq)]
pub struct NewPerson {
    pub id: PersonId,
    pub home: TenantId,
    pub name: PersonName,
    pub email: Email,
    pub language: Language,
}

impl App {
    /// A person as the directory has them, without authorization: for
    /// sign-in and the principal, never handed to clients as is.
    pub async fn person_view(&self, id: PersonId) -> Result<Option<PersonView>, AppError> {
        self.typed_doc(PEOPLE, &id.to_string()).await
    }

    /// The principal of a registered person with their current roles,
    /// narrowed by `scope` for API tokens.
    pub async fn principal_of(
        &self,
        id: PersonId,
        scope: Option<TokenScope>,
    ) -> Result<Option<Principal>, AppError> {
        // A deactivated person acts nowhere: every session and token of
        // theirs ends the moment the read model says so.
        let view = self.person_view(id).await?.filter(|view| !view.deactivated);
        Ok(view.map(|view| Principal {
            person: view.id,
            home: view.home,
            roles: view
                .roles
                .iter()
                .map(|grant| (grant.tenant, grant.role))
                .collect::<BTreeSet<_>>(),
            platform_admin: view.platform_admin,
            scope,
            language: view.language,
        }))
    }

    /// Registers a person (system use: demo data, bootstrap of the first
    /// admin). Clients go through [`crate::Caller`].
    pub async fn register_person(
        &self,
        person: NewPerson,
        actor: &str,
    ) -> Result<crate::Executed, AppError> {
        self.execute::<Person>(
            person_stream(person.home, person.id),
            PersonCommand::Register {
                id: person.id,
                home: person.home,
                name: person.name,
                email: person.email,
                language: person.language,
            },
            iiz_store::EventMetadata::new(actor),
        )
        .await
    }

    /// Runs a command on a registered person's stream.
    pub(crate) async fn person_command(
        &self,
        id: PersonId,
        command: PersonCommand,
        actor: &str,
    ) -> Result<crate::Executed, AppError> {
        let view = self
            .person_view(id)
            .await?
            .ok_or(AppError::Denied(crate::authz::Denied::NotFound))?;
        let executed = self
            .execute::<Person>(
                person_stream(view.home, id),
                command,
                iiz_store::EventMetadata::new(actor),
            )
            .await?;
        // Live connections of the person re-read their roles at once,
        // before the relay publishes the event.
        self.live.publish(crate::outbound::LiveSignal::Access {
            person: id.to_string(),
        });
        Ok(executed)
    }
}
