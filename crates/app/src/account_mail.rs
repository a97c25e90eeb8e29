//! The e-mails of the account lifecycle: an invitation and a password
//! reset, each carrying a single-use link. They are sent at once, not
//! queued with the notifications: the queue keeps e-mail bodies in the
//! database, and the link's secret must be stored nowhere but hashed. The
//! app only says what to send; the binary plugs in the sender
//! (`iiz_notifier::account_mail`: SMTP, or in the embedded default an
//! `.eml` file beside the other e-mails and the link in the log).

use std::fmt;
use std::future::Future;
use std::pin::Pin;

use chrono::{DateTime, Utc};
use iiz_domain::{Language, PersonId};
use uuid::Uuid;

/// Which letter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LetterKind {
    Invitation,
    PasswordReset,
}

/// One e-mail with a link to the platform's pages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccountLetter {
    /// The e-mail's id (its Message-ID and file name).
    pub id: Uuid,
    pub kind: LetterKind,
    pub person: PersonId,
    pub to: String,
    pub name: String,
    pub language: Language,
    /// The page the link opens, with its secret (`/account/…/<secret>`);
    /// the sender puts the platform's public address in front.
    pub path: String,
    pub expires_at: DateTime<Utc>,
}

/// A boxed future, so the sender can be a trait object.
pub type Sending<'a> = Pin<Box<dyn Future<Output = Result<(), String>> + Send + 'a>>;

/// Sends account letters.
pub trait AccountMail: Send + Sync + fmt::Debug {
    /// Hands the letter over; an error says why it was not.
    fn send<'a>(&'a self, letter: &'a AccountLetter) -> Sending<'a>;
}

/// Without a sender (tools, tests of other parts) no letter can go out:
/// inviting fails rather than pretending.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoAccountMail;

impl AccountMail for NoAccountMail {
    fn send<'a>(&'a self, _letter: &'a AccountLetter) -> Sending<'a> {
        Box::pin(async { Err("no e-mail sender is configured".to_owned()) })
    }
}

/// Keeps the letters in memory, for tests.
#[derive(Debug, Default)]
pub struct MemoryAccountMail {
    letters: std::sync::Mutex<Vec<AccountLetter>>,
}

impl MemoryAccountMail {
    /// The letters sent so far.
    pub fn letters(&self) -> Vec<AccountLetter> {
        self.letters
            .lock()
            .map(|letters| letters.clone())
            .unwrap_or_default()
    }
}

impl AccountMail for MemoryAccountMail {
    fn send<'a>(&'a self, letter: &'a AccountLetter) -> Sending<'a> {
        Box::pin(async move {
            self.letters
                .lock()
                .map_err(|_| "letters poisoned".to_owned())?
                .push(letter.clone());
            Ok(())
        })
    }
}
