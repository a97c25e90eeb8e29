//! What a signed-in person changes about themselves.

use iiz_domain::{Email, Language, PersonCommand, PersonName};

use crate::authz::Denied;
use crate::{AppError, Caller, Executed};

impl Caller<'_> {
    /// Sets the language of the caller's own profile: the pages, the
    /// refusals and the e-mails follow it. Name and e-mail stay.
    pub async fn choose_language(&self, language: Language) -> Result<Executed, AppError> {
        let principal = self
            .principal()
            .ok_or(AppError::Denied(Denied::Unauthenticated))?;
        let person = self.person(principal.person).await?;
        // The profile was stored parsed: a value that no longer parses is
        // a fault of the platform, not of the caller.
        let stored = |what: &str, error: String| {
            AppError::Internal(format!(
                "stored {what} of {} does not parse: {error}",
                person.id
            ))
        };
        let command = PersonCommand::ChangeProfile {
            name: PersonName::parse(&person.name)
                .map_err(|error| stored("name", error.to_string()))?,
            email: Email::parse(&person.email)
                .map_err(|error| stored("e-mail", error.to_string()))?,
            language,
        };
        self.person_command(principal.person, command).await
    }
}
