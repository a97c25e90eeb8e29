//! Sends the account lifecycle's letters (invitation, password reset) for
//! [`iiz_app::account_mail`]: at once, through the same transport as the
//! other e-mails (SMTP, or `.eml` files in the embedded default), worded in
//! the person's language. In the embedded default the link is also logged,
//! so whoever runs the platform on their machine finds it without opening
//! the file; with SMTP it is not, since the link opens an account.

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use iiz_app::account_mail::{AccountLetter, AccountMail, LetterKind, Sending};
use iiz_domain::Language;
use iiz_store::OutgoingEmail;
use lettre::message::Mailbox;
use unic_langid::LanguageIdentifier;

use crate::email::message::build;
use crate::email::transport::Mailer;
use crate::{MailTransport, NotifierError, NotifierSettings};

const GERMAN: &str = include_str!("../locales/de/accounts.ftl");
const FRENCH: &str = include_str!("../locales/fr/accounts.ftl");
const ITALIAN: &str = include_str!("../locales/it/accounts.ftl");

/// Every message the letters use, in every language.
pub const MESSAGES: [&str; 4] = [
    "invitation-subject",
    "invitation-body",
    "reset-subject",
    "reset-body",
];

/// The sender of account letters.
pub struct LetterSender {
    mailer: Mailer,
    from: Mailbox,
    public_url: String,
    /// The embedded default: links are logged too.
    log_links: bool,
    /// German, French, Italian.
    bundles: [FluentBundle<FluentResource>; 3],
}

impl std::fmt::Debug for LetterSender {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LetterSender")
            .field("public_url", &self.public_url)
            .field("log_links", &self.log_links)
            .finish_non_exhaustive()
    }
}

fn bundle(tag: &str, source: &str) -> Result<FluentBundle<FluentResource>, NotifierError> {
    let language: LanguageIdentifier = tag
        .parse()
        .map_err(|error| NotifierError::Message(format!("{tag}: {error}")))?;
    let resource = FluentResource::try_new(source.to_owned())
        .map_err(|(_, errors)| NotifierError::Message(format!("{tag}: {errors:?}")))?;
    let mut bundle = FluentBundle::new_concurrent(vec![language]);
    bundle.set_use_isolating(false);
    bundle
        .add_resource(resource)
        .map_err(|errors| NotifierError::Message(format!("{tag}: {errors:?}")))?;
    Ok(bundle)
}

impl LetterSender {
    pub fn new(settings: &NotifierSettings) -> Result<Self, NotifierError> {
        Ok(Self {
            mailer: Mailer::new(&settings.mail)?,
            from: Mailer::sender(&settings.mail)?,
            public_url: settings.public_url.trim_end_matches('/').to_owned(),
            log_links: matches!(settings.mail.transport, MailTransport::Files { .. }),
            bundles: [
                bundle("de", GERMAN)?,
                bundle("fr", FRENCH)?,
                bundle("it", ITALIAN)?,
            ],
        })
    }

    /// One message in `language` (Romansh speakers read German).
    fn text(
        &self,
        language: Language,
        name: &str,
        args: &FluentArgs<'_>,
    ) -> Result<String, String> {
        let bundle = match language {
            Language::Fr => &self.bundles[1],
            Language::It => &self.bundles[2],
            _ => &self.bundles[0],
        };
        let pattern = bundle
            .get_message(name)
            .and_then(|message| message.value())
            .ok_or_else(|| format!("message {name} is missing"))?;
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, Some(args), &mut errors);
        if errors.is_empty() {
            Ok(text.into_owned())
        } else {
            Err(format!("{name}: {errors:?}"))
        }
    }

    /// The e-mail of a letter, with its absolute link.
    pub fn email(&self, letter: &AccountLetter) -> Result<OutgoingEmail, String> {
        let link = format!("{}{}", self.public_url, letter.path);
        let mut args = FluentArgs::new();
        args.set("name", letter.name.clone());
        args.set("link", link);
        args.set(
            "expires",
            letter.expires_at.format("%d.%m.%Y %H:%M").to_string(),
        );
        let prefix = match letter.kind {
            LetterKind::Invitation => "invitation",
            LetterKind::PasswordReset => "reset",
        };
        Ok(OutgoingEmail {
            id: letter.id,
            recipient: letter.person.to_string(),
            tenant: String::new(),
            to: letter.to.clone(),
            subject: self.text(letter.language, &format!("{prefix}-subject"), &args)?,
            text: self.text(letter.language, &format!("{prefix}-body"), &args)?,
            html: None,
            calendar: None,
            attempts: 1,
            created_at: chrono::Utc::now(),
        })
    }
}

impl AccountMail for LetterSender {
    fn send<'a>(&'a self, letter: &'a AccountLetter) -> Sending<'a> {
        Box::pin(async move {
            let email = self.email(letter)?;
            let message = build(&email, &self.from).map_err(|error| error.to_string())?;
            self.mailer
                .send(email.id, &message)
                .await
                .map_err(|refusal| refusal.failure.to_string())?;
            if self.log_links {
                tracing::info!(
                    to = %letter.to,
                    link = %format!("{}{}", self.public_url, letter.path),
                    "account e-mail written (no SMTP server configured)"
                );
            }
            Ok(())
        })
    }
}

#[cfg(test)]
mod tests {
    use chrono::Utc;
    use iiz_domain::PersonId;
    use uuid::Uuid;

    use super::*;

    #[test]
    fn every_letter_is_worded_in_every_language_with_its_link() {
        let dir = std::env::temp_dir();
        let sender = LetterSender::new(&NotifierSettings::embedded(&dir, "https://iiz.example/"))
            .expect("sender");
        for language in [Language::De, Language::Fr, Language::It] {
            for kind in [LetterKind::Invitation, LetterKind::PasswordReset] {
                let letter = AccountLetter {
                    id: Uuid::now_v7(),
                    kind,
                    person: PersonId::new(),
                    to: "vera.probe@zh.example".to_owned(),
                    name: "Vera Probe".to_owned(),
                    language,
                    path: "/account/invitation/secret".to_owned(),
                    expires_at: Utc::now(),
                };
                let email = sender.email(&letter).expect("worded");
                assert!(
                    email
                        .text
                        .contains("https://iiz.example/account/invitation/secret"),
                    "{language:?} {kind:?}: {}",
                    email.text
                );
                assert!(email.text.contains("Vera Probe"));
                assert!(!email.subject.is_empty());
            }
        }
        for source in [GERMAN, FRENCH, ITALIAN] {
            for name in MESSAGES {
                assert!(source.contains(&format!("{name} =")), "{name}");
            }
        }
    }
}
