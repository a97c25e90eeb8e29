//! How the notifier runs; the binary fills it from configuration.

use std::path::PathBuf;
use std::time::Duration;

use secrecy::SecretString;

/// NATS JetStream, when configured (`NATS_URL`).
#[derive(Debug, Clone)]
pub struct NatsSettings {
    /// One or more `nats://host:port` URLs, comma-separated.
    pub url: String,
    /// First token of every subject (`<prefix>.events.…`, `<prefix>.inbox.…`).
    pub prefix: String,
    /// The stream the log is published to.
    pub stream: String,
    /// Copies of the stream in a cluster (1 on a single server).
    pub replicas: usize,
    /// How long JetStream remembers a message id to drop a republished
    /// event. Set explicitly, longer than a relay takes to retry a batch.
    pub duplicate_window: Duration,
    /// The notifier's durable consumer.
    pub consumer: String,
    /// How long a delivered message may stay unacknowledged before
    /// JetStream delivers it again.
    pub ack_wait: Duration,
    /// Deliveries before a message goes to the dead-letter subject.
    pub max_deliver: i64,
}

impl NatsSettings {
    pub fn new(url: impl Into<String>) -> Self {
        Self {
            url: url.into(),
            prefix: crate::contract::DEFAULT_PREFIX.to_owned(),
            stream: "IIZ_EVENTS".to_owned(),
            replicas: 1,
            duplicate_window: Duration::from_secs(15 * 60),
            consumer: "iiz-notifier".to_owned(),
            ack_wait: Duration::from_secs(30),
            max_deliver: 10,
        }
    }
}

/// TLS towards the SMTP server.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SmtpTls {
    /// Plain SMTP (a relay on the same host or in the same network).
    None,
    /// STARTTLS on the submission port.
    StartTls,
    /// Implicit TLS (port 465).
    Tls,
}

/// Where e-mails go.
#[derive(Debug, Clone)]
pub enum MailTransport {
    /// `.eml` files in a directory: the embedded default, for a newcomer to open.
    Files { dir: PathBuf },
    Smtp {
        host: String,
        port: u16,
        tls: SmtpTls,
        username: Option<String>,
        password: Option<SecretString>,
    },
}

#[derive(Debug, Clone)]
pub struct MailSettings {
    pub transport: MailTransport,
    /// The sender, e.g. `IIZ-Plattform <noreply@iiz.ch>`.
    pub from: String,
    /// First wait before an e-mail the server did not take is tried again;
    /// it doubles with each attempt, up to an hour.
    pub retry_base: Duration,
}

/// Everything the notifier needs to know.
#[derive(Debug, Clone)]
pub struct NotifierSettings {
    /// `None`: the in-process bus.
    pub nats: Option<NatsSettings>,
    pub mail: MailSettings,
    /// Where people reach the platform; links in e-mails start with it.
    pub public_url: String,
    /// Local hour (Europe/Zurich) at which daily digests go out.
    pub digest_hour: u32,
    /// How often reminders are looked for.
    pub reminder_interval: Duration,
    /// Webhooks to private-range addresses (loopback, 10/8, …) are refused
    /// unless allowed (tests, closed networks).
    pub webhooks_allow_private: bool,
}

impl NotifierSettings {
    /// The embedded default: in-process bus, e-mails as files in `data_dir/mail`.
    pub fn embedded(data_dir: &std::path::Path, public_url: impl Into<String>) -> Self {
        Self {
            nats: None,
            mail: MailSettings {
                transport: MailTransport::Files {
                    dir: data_dir.join("mail"),
                },
                from: "IIZ-Plattform <noreply@iiz.localhost>".to_owned(),
                retry_base: Duration::from_secs(30),
            },
            public_url: public_url.into(),
            digest_hour: 7,
            reminder_interval: Duration::from_secs(60 * 60),
            webhooks_allow_private: false,
        }
    }
}
