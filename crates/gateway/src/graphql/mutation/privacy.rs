//! Erasing a person (revFADP): platform admins, with a reason.

use async_graphql::{Context, ID, Object, Result};
use iiz_domain::PersonId;

use crate::graphql::args::{caller, parse_id};
use crate::graphql::privacy_types::ForgottenPerson;

#[derive(Debug, Default)]
pub struct PrivacyMutations;

#[Object]
impl PrivacyMutations {
    /// Forgets a person for good: their key is deleted, so their name and
    /// e-mail address can no longer be read anywhere (read models, exports,
    /// timelines, a replay of the log show "erased person"), their roles
    /// end, and their sign-in, sessions, tokens, inbox and e-mails are
    /// deleted. The reason stays in the log: it must not name the person.
    async fn forget_person(
        &self,
        ctx: &Context<'_>,
        id: ID,
        reason: String,
    ) -> Result<ForgottenPerson> {
        let (caller, request, _) = caller(ctx)?;
        let id = parse_id(&id, PersonId::parse)?;
        let forgotten = caller
            .forget_person(id, &reason)
            .await
            .map_err(|error| request.error(error))?;
        let report = forgotten.report;
        Ok(ForgottenPerson {
            person: ID(forgotten.person.to_string()),
            newly_forgotten: forgotten.newly,
            key_deleted: report.key_deleted,
            accounts_removed: report.credentials + report.sessions + report.api_tokens,
            messages_removed: report.notifications + report.emails,
            messages_anonymised: report.anonymised,
        })
    }
}
