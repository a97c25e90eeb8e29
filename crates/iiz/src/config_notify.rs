//! The notifier's part of the configuration: NATS, SMTP, digests,
//! reminders (flat keys like the rest).

use secrecy::SecretString;
use serde::Deserialize;

/// The notifier's part of the configuration (flat keys, like the rest).
#[derive(Debug, Deserialize)]
pub struct NotifyConfig {
    /// `nats://host:port` (several comma-separated); without it the
    /// in-process bus. `NATS_URL` sets it too.
    #[serde(default)]
    pub nats_url: Option<String>,
    /// The JetStream stream the log is published to.
    #[serde(default = "default_nats_stream")]
    pub nats_stream: String,
    /// First token of every subject (`iiz.events.…`).
    #[serde(default = "default_nats_prefix")]
    pub nats_prefix: String,
    /// Copies of the stream in a NATS cluster.
    #[serde(default = "default_nats_replicas")]
    pub nats_replicas: usize,
    /// SMTP server; without it e-mails are written as `.eml` files to
    /// `data_dir/mail`.
    #[serde(default)]
    pub smtp_host: Option<String>,
    #[serde(default = "default_smtp_port")]
    pub smtp_port: u16,
    /// `none`, `starttls` or `tls`.
    #[serde(default = "default_smtp_tls")]
    pub smtp_tls: String,
    #[serde(default)]
    pub smtp_username: Option<String>,
    /// Secret: never printed.
    #[serde(default)]
    pub smtp_password: Option<SecretString>,
    /// The sender of every e-mail.
    #[serde(default = "default_mail_from")]
    pub mail_from: String,
    /// Seconds before an e-mail the server did not take is tried again
    /// (doubling with each attempt, up to an hour).
    #[serde(default = "default_mail_retry_seconds")]
    pub mail_retry_seconds: u64,
    /// Local hour (Europe/Zurich) of the daily digest.
    #[serde(default = "default_digest_hour")]
    pub digest_hour: u32,
    /// Minutes between two looks for due answers and reports.
    #[serde(default = "default_reminder_minutes")]
    pub reminder_minutes: u64,
    /// Allow webhooks to private-range addresses (closed networks, tests).
    #[serde(default)]
    pub webhooks_allow_private: bool,
}

impl Default for NotifyConfig {
    fn default() -> Self {
        Self {
            nats_url: None,
            nats_stream: default_nats_stream(),
            nats_prefix: default_nats_prefix(),
            nats_replicas: default_nats_replicas(),
            smtp_host: None,
            smtp_port: default_smtp_port(),
            smtp_tls: default_smtp_tls(),
            smtp_username: None,
            smtp_password: None,
            mail_from: default_mail_from(),
            mail_retry_seconds: default_mail_retry_seconds(),
            digest_hour: default_digest_hour(),
            reminder_minutes: default_reminder_minutes(),
            webhooks_allow_private: false,
        }
    }
}

fn default_nats_stream() -> String {
    "IIZ_EVENTS".to_owned()
}

fn default_nats_prefix() -> String {
    "iiz".to_owned()
}

fn default_nats_replicas() -> usize {
    1
}

fn default_smtp_port() -> u16 {
    587
}

fn default_smtp_tls() -> String {
    "starttls".to_owned()
}

fn default_mail_from() -> String {
    "IIZ-Plattform <noreply@iiz.localhost>".to_owned()
}

fn default_mail_retry_seconds() -> u64 {
    30
}

fn default_digest_hour() -> u32 {
    7
}

fn default_reminder_minutes() -> u64 {
    60
}
