//! The platform as one caller may use it: every read and every command here
//! asks [`authorize`] first, with the tenant the resource belongs to.
//! Protocol adapters (GraphQL, CLI) only ever go through a [`Caller`].

use iiz_domain::body::{Body, BodyCommand};
use iiz_domain::{BodyId, PersonCommand, PersonId, TenantId};
use iiz_projections::{
    BODIES, BODY_MEMBERS, BodyMembersView, BodyView, PEOPLE, PersonView, TenantView,
};
use iiz_store::{DocQuery, EventMetadata};
use serde::de::DeserializeOwned;

use crate::authz::concern::Standing;
use crate::authz::{Denied, Operation, Principal, Target, authorize};
use crate::people::NewPerson;
use crate::tenants::{NewBody, body_stream};
use crate::{App, AppError, BodyFilter, Executed, Page, RequestMemo};

/// One caller (signed in or not) of the platform.
#[derive(Debug, Clone, Copy)]
pub struct Caller<'a> {
    app: &'a App,
    principal: Option<&'a Principal>,
    /// What this request already learned about the caller, if the adapter
    /// keeps it ([`RequestMemo`]).
    memo: Option<&'a RequestMemo>,
}

impl App {
    /// The platform as `principal` (none: anonymous) may use it.
    pub fn caller<'a>(&'a self, principal: Option<&'a Principal>) -> Caller<'a> {
        Caller {
            app: self,
            principal,
            memo: None,
        }
    }

    /// The platform as `principal` may use it within one request: what
    /// the request learns about the caller is kept in `memo`.
    pub fn caller_with<'a>(
        &'a self,
        principal: Option<&'a Principal>,
        memo: &'a RequestMemo,
    ) -> Caller<'a> {
        Caller {
            app: self,
            principal,
            memo: Some(memo),
        }
    }
}

impl<'a> Caller<'a> {
    pub fn principal(&self) -> Option<&'a Principal> {
        self.principal
    }

    pub(crate) fn check(&self, operation: Operation, target: Target) -> Result<(), AppError> {
        authorize(self.principal, operation, &target).map_err(AppError::Denied)
    }

    pub(crate) fn check_operation(
        &self,
        operation: Operation,
        target: Target,
    ) -> Result<(), AppError> {
        self.check(operation, target)
    }

    pub(crate) fn app(&self) -> &'a App {
        self.app
    }

    /// The caller's seats, networks and represented partners
    /// ([`App::standing`]), read once per request.
    pub(crate) async fn standing(&self) -> Result<Standing, AppError> {
        self.app
            .remembered_standing(self.principal, self.memo)
            .await
    }

    pub(crate) fn event_metadata(&self) -> Result<EventMetadata, AppError> {
        self.metadata()
    }

    /// Who the events of this caller's commands name as their actor.
    pub(crate) fn actor(&self) -> Result<String, AppError> {
        self.principal
            .map(|principal| format!("person:{}", principal.person))
            .ok_or(AppError::Denied(Denied::Unauthenticated))
    }

    fn metadata(&self) -> Result<EventMetadata, AppError> {
        Ok(EventMetadata::new(self.actor()?))
    }

    pub(crate) async fn doc<T: DeserializeOwned>(
        &self,
        collection: &str,
        id: &str,
    ) -> Result<Option<T>, AppError> {
        self.app.typed_doc(collection, id).await
    }

    // --- structure: tenants, bodies, networks -------------------------------

    pub async fn tenants(
        &self,
        first: usize,
        after: Option<&str>,
    ) -> Result<Page<TenantView>, AppError> {
        self.check(Operation::ListTenants, Target::platform())?;
        self.app.tenants(first, after).await
    }

    pub async fn tenant(&self, id: TenantId) -> Result<TenantView, AppError> {
        self.check(Operation::ShowTenant, Target::tenant(id))?;
        self.app
            .tenant(id)
            .await?
            .ok_or(AppError::Denied(Denied::NotFound))
    }

    pub async fn bodies(
        &self,
        filter: &BodyFilter,
        first: usize,
        after: Option<&str>,
    ) -> Result<Page<BodyView>, AppError> {
        let target = filter.tenant.map_or_else(Target::platform, Target::tenant);
        self.check(Operation::ListBodies, target)?;
        self.app.bodies(filter, first, after).await
    }

    /// A body, or `NOT_FOUND` when there is none the caller may see.
    pub async fn body(&self, id: BodyId) -> Result<BodyView, AppError> {
        let body = self
            .doc::<BodyView>(BODIES, &id.to_string())
            .await?
            .ok_or(AppError::Denied(Denied::NotFound))?;
        self.check(Operation::ShowBody, Target::tenant(body.tenant))?;
        Ok(body)
    }

    /// Every seat a body has had.
    pub async fn body_members(&self, id: BodyId) -> Result<BodyMembersView, AppError> {
        let body = self.body(id).await?;
        self.check(Operation::ListBodyMembers, Target::tenant(body.tenant))?;
        self.record_read(format!("body:{id}"), "body_members")
            .await?;
        Ok(self
            .doc::<BodyMembersView>(BODY_MEMBERS, &id.to_string())
            .await?
            .unwrap_or(BodyMembersView {
                body: id,
                seats: Vec::new(),
            }))
    }

    // --- people ---------------------------------------------------------------

    /// The people whose home is `tenant`.
    pub async fn people(
        &self,
        tenant: TenantId,
        first: usize,
        after: Option<&str>,
    ) -> Result<Page<PersonView>, AppError> {
        self.check(Operation::ListPeople, Target::tenant(tenant))?;
        self.record_read(format!("tenant:{tenant}"), "people")
            .await?;
        let query = DocQuery {
            collection: PEOPLE.to_owned(),
            tenant: Some(tenant.as_str().to_owned()),
            limit: first,
            ..DocQuery::default()
        };
        let mut page: Page<PersonView> = self.app.page(query, after).await?;
        page.items = page
            .items
            .into_iter()
            .map(|person| self.redact_contact(person))
            .collect();
        Ok(page)
    }

    /// A person: their e-mail address and roles only for themselves, the
    /// admins of their tenants and platform admins. Reading a person's
    /// record (a person page) is written to the access log.
    pub async fn person(&self, id: PersonId) -> Result<PersonView, AppError> {
        let person = self.named_person(id).await?;
        self.record_read(format!("person:{id}"), "person").await?;
        Ok(person)
    }

    /// A person as pages name them beside what they did (invitees, voters,
    /// actors): authorized like [`Caller::person`], not a read of their
    /// record, so not written to the access log.
    pub async fn named_person(&self, id: PersonId) -> Result<PersonView, AppError> {
        let person = self
            .app
            .person_view(id)
            .await?
            .ok_or(AppError::Denied(Denied::NotFound))?;
        // Someone belongs to their home tenant and to every tenant they hold
        // a role in: seeing the people of any of these is seeing them.
        let visible = std::iter::once(person.home)
            .chain(person.roles.iter().map(|grant| grant.tenant))
            .any(|tenant| {
                self.check(Operation::ShowPerson, Target::person(tenant, id))
                    .is_ok()
            });
        if !visible {
            self.check(Operation::ShowPerson, Target::person(person.home, id))?;
        }
        Ok(self.redact_contact(person))
    }

    pub async fn register_person(&self, person: NewPerson) -> Result<Executed, AppError> {
        self.check(Operation::RegisterPerson, Target::tenant(person.home))?;
        // One address signs in one person: a second registration with it
        // is `CONFLICT`, not a credential that cannot be stored.
        self.app.ensure_email_free(&person.email, None).await?;
        self.app.register_person(person, &self.actor()?).await
    }

    /// Commands on an existing person, authorized against their home tenant
    /// (or, for roles, the tenant the role is in).
    pub async fn person_command(
        &self,
        id: PersonId,
        command: PersonCommand,
    ) -> Result<Executed, AppError> {
        let person = self
            .app
            .person_view(id)
            .await?
            .ok_or(AppError::Denied(Denied::NotFound))?;
        let (operation, tenant) = match &command {
            PersonCommand::Register { .. } => (Operation::RegisterPerson, person.home),
            PersonCommand::ChangeProfile { .. } => (Operation::ChangePersonProfile, person.home),
            PersonCommand::GrantTenantRole { tenant, .. } => (Operation::GrantTenantRole, *tenant),
            PersonCommand::RevokeTenantRole { tenant, .. } => {
                (Operation::RevokeTenantRole, *tenant)
            }
            PersonCommand::GrantPlatformAdmin => (Operation::GrantPlatformAdmin, person.home),
            PersonCommand::RevokePlatformAdmin => (Operation::RevokePlatformAdmin, person.home),
            PersonCommand::Forget { .. } => (Operation::ForgetPerson, person.home),
            PersonCommand::Deactivate | PersonCommand::Reactivate => {
                (Operation::DeactivatePerson, person.home)
            }
            PersonCommand::MakeAvailable { .. } | PersonCommand::WithdrawAvailability { .. } => {
                (Operation::MakePersonAvailable, person.home)
            }
        };
        self.check(operation, Target::person(tenant, id))?;
        let mut sign_in = None;
        match &command {
            PersonCommand::GrantTenantRole { tenant, .. } => {
                self.check_grantee(&person, *tenant)?;
            }
            PersonCommand::Deactivate | PersonCommand::Reactivate => {
                self.check_deactivation(&person)?;
            }
            PersonCommand::ChangeProfile { email, .. } => {
                self.app.ensure_email_free(email, Some(id)).await?;
                sign_in = Some(email.as_str().to_owned());
            }
            _ => {}
        }
        let deactivating = matches!(command, PersonCommand::Deactivate);
        let executed = self.app.person_command(id, command, &self.actor()?).await?;
        if deactivating {
            self.app.end_access(id).await?;
        }
        // The sign-in e-mail is the profile's: a corrected address signs in.
        if let Some(email) = sign_in {
            self.app
                .store()
                .follow_sign_in_email(id.as_uuid(), &email)
                .await?;
        }
        Ok(executed)
    }

    // --- bodies ---------------------------------------------------------------

    pub async fn establish_body(&self, body: NewBody) -> Result<Executed, AppError> {
        self.check(Operation::EstablishBody, Target::tenant(body.tenant))?;
        self.app.establish_body(body, &self.actor()?).await
    }

    /// Any command on an existing body, authorized against its tenant.
    pub async fn body_command(
        &self,
        id: BodyId,
        command: BodyCommand,
    ) -> Result<Executed, AppError> {
        let body = self.body(id).await?;
        let operation = match &command {
            BodyCommand::Establish { .. } => Operation::EstablishBody,
            BodyCommand::Rename { .. } => Operation::RenameBody,
            BodyCommand::AmendMandate { .. } => Operation::AmendBodyMandate,
            BodyCommand::Dissolve { .. } => Operation::DissolveBody,
            BodyCommand::AdmitMember { .. } => Operation::AdmitMember,
            BodyCommand::ChangeMemberRole { .. } => Operation::ChangeMemberRole,
            BodyCommand::HandOverChair { .. } => Operation::HandOverChair,
            BodyCommand::RemoveMember { .. } => Operation::RemoveMember,
            BodyCommand::SetResolutionRules { .. } => Operation::SetResolutionRules,
        };
        self.check(operation, Target::tenant(body.tenant))?;
        if let BodyCommand::AdmitMember { person, .. } = &command {
            self.require_person(*person).await?;
        }
        if let BodyCommand::HandOverChair { to, .. } = &command {
            self.require_person(*to).await?;
        }
        self.app
            .execute::<Body>(body_stream(body.tenant, id), command, self.metadata()?)
            .await
    }

    /// Seats go to registered people only.
    pub(crate) async fn require_person(&self, id: PersonId) -> Result<(), AppError> {
        match self.app.person_view(id).await? {
            Some(_) => Ok(()),
            None => Err(AppError::invalid(format!("no person {id} is registered"))),
        }
    }
}
