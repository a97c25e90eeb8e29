//! Where e-mails go: an SMTP server (host, port, TLS, credentials from the
//! settings) or, in the embedded default, `.eml` files in a directory. A
//! failure says whether trying again may help.

use std::path::PathBuf;
use std::time::Duration;

use lettre::message::Mailbox;
use lettre::transport::smtp::authentication::Credentials;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use secrecy::ExposeSecret;
use uuid::Uuid;

use crate::{MailSettings, MailTransport, NotifierError, SmtpTls};

/// How long one SMTP command may take: well inside the two-minute lease of
/// a claimed e-mail.
const SMTP_TIMEOUT: Duration = Duration::from_secs(20);

/// Why a message was not handed over.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SendFailure {
    /// The server is unreachable, busy (4xx) or our configuration is wrong:
    /// the e-mail waits and is tried again.
    #[error("{0}")]
    Transient(String),
    /// The server refused the recipient or the message for good (5xx).
    #[error("{0}")]
    Permanent(String),
}

/// A failed hand-over.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    pub failure: SendFailure,
    /// Whether the server answered at all. When it did not (refused
    /// connection, timeout, TLS), the next e-mail would fail the same way.
    pub answered: bool,
}

/// Replies that point at our side (command syntax, authentication) and
/// not at the recipient: retried, since they affect every e-mail alike.
const OUR_SIDE: [&str; 8] = ["500", "502", "503", "504", "530", "534", "535", "538"];

/// Sorts an SMTP error: 5xx replies about the recipient or the message are
/// permanent, everything else (4xx, connection, timeout, TLS, our own
/// authentication) is retried.
pub fn classify(error: &lettre::transport::smtp::Error) -> Refusal {
    let text = error.to_string();
    let permanent = error.is_permanent()
        && error
            .status()
            .is_some_and(|code| !OUR_SIDE.contains(&code.to_string().as_str()));
    let failure = if permanent {
        SendFailure::Permanent(text)
    } else {
        SendFailure::Transient(text)
    };
    Refusal {
        failure,
        answered: error.status().is_some(),
    }
}

/// Sends built messages.
#[derive(Debug, Clone)]
pub enum Mailer {
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    Files(PathBuf),
}

impl Mailer {
    pub fn new(settings: &MailSettings) -> Result<Self, NotifierError> {
        Ok(match &settings.transport {
            MailTransport::Files { dir } => Self::Files(dir.clone()),
            MailTransport::Smtp {
                host,
                port,
                tls,
                username,
                password,
            } => {
                let builder = match tls {
                    SmtpTls::None => AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(host),
                    SmtpTls::StartTls => AsyncSmtpTransport::<Tokio1Executor>::starttls_relay(host)
                        .map_err(|error| {
                            NotifierError::Settings(format!("SMTP {host}: {error}"))
                        })?,
                    SmtpTls::Tls => {
                        AsyncSmtpTransport::<Tokio1Executor>::relay(host).map_err(|error| {
                            NotifierError::Settings(format!("SMTP {host}: {error}"))
                        })?
                    }
                };
                let mut builder = builder.port(*port).timeout(Some(SMTP_TIMEOUT));
                if let (Some(username), Some(password)) = (username, password) {
                    builder = builder.credentials(Credentials::new(
                        username.clone(),
                        password.expose_secret().to_owned(),
                    ));
                }
                Self::Smtp(builder.build())
            }
        })
    }

    /// The sender of every e-mail.
    pub fn sender(settings: &MailSettings) -> Result<Mailbox, NotifierError> {
        settings.from.parse().map_err(|error| {
            NotifierError::Settings(format!("sender {:?}: {error}", settings.from))
        })
    }

    /// Hands a message over.
    pub async fn send(&self, id: Uuid, message: &Message) -> Result<(), Refusal> {
        match self {
            Self::Smtp(transport) => transport
                .send(message.clone())
                .await
                .map(|_| ())
                .map_err(|error| classify(&error)),
            Self::Files(dir) => write_file(dir, id, &message.formatted())
                .await
                .map_err(|error| Refusal {
                    failure: SendFailure::Transient(error.to_string()),
                    answered: false,
                }),
        }
    }
}

/// Writes `<id>.eml` whole or not at all (a temporary file renamed), so a
/// reader never opens half a message and a retry overwrites the same file.
async fn write_file(dir: &std::path::Path, id: Uuid, bytes: &[u8]) -> std::io::Result<()> {
    tokio::fs::create_dir_all(dir).await?;
    let partial = dir.join(format!(".{id}.eml.partial"));
    tokio::fs::write(&partial, bytes).await?;
    tokio::fs::rename(&partial, dir.join(format!("{id}.eml"))).await
}
