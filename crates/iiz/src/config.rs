//! Layered configuration: defaults, then `iiz.toml` (or `--config`), then
//! `DATABASE_URL`, then `IIZ_…` environment variables, then flags.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use figment::Figment;
use figment::providers::{Env, Format, Toml};
use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;

use crate::cli::ServeArgs;
pub use crate::config_notify::NotifyConfig;
pub use crate::config_sessions::SessionConfig;
pub use crate::config_traffic::LimitsConfig;

/// How logs are written.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    /// Human-readable, for a terminal.
    #[default]
    Pretty,
    /// One JSON object per line, for log collectors.
    Json,
}

/// The effective configuration.
#[derive(Debug, Deserialize)]
pub struct Config {
    /// `postgres://…` or `sqlite://path`; without it an SQLite file in
    /// `data_dir` is used. Secret: it may carry a password.
    #[serde(default)]
    pub database_url: Option<SecretString>,
    /// Where the embedded database lives.
    #[serde(default = "default_data_dir")]
    pub data_dir: PathBuf,
    /// Address `serve` listens on.
    #[serde(default = "default_listen")]
    pub listen: SocketAddr,
    #[serde(default)]
    pub log_format: LogFormat,
    /// Database connections per instance (PostgreSQL).
    #[serde(default = "default_max_connections")]
    pub max_connections: u32,
    /// Development mode: GraphiQL at `/graphiql`, introspection for all.
    #[serde(default)]
    pub development: bool,
    /// The address people reach the platform at; `https://` makes session
    /// cookies `Secure`.
    #[serde(default)]
    pub public_url: Option<String>,
    /// GraphQL requests per minute and caller.
    #[serde(default = "default_requests_per_minute")]
    pub requests_per_minute: u32,
    /// How the platform tells people: NATS, e-mail, digests, webhooks.
    #[serde(flatten)]
    pub notify: NotifyConfig,
    #[serde(flatten)]
    pub privacy: crate::privacy::PrivacyConfig,
    /// Trusted proxies and the limits of live connections.
    #[serde(flatten)]
    pub traffic: crate::config_traffic::TrafficConfig,
    /// Session lifetime, idle timeout and sign-in throttling.
    #[serde(flatten)]
    pub sessions: SessionConfig,
    /// Load the demo (`iiz demo`, `serve --demo`) even into a database that
    /// holds people who are not demo people (`--force`).
    #[serde(default)]
    pub demo_force: bool,
    /// What one request may send and ask for.
    #[serde(flatten)]
    pub limits: LimitsConfig,
    /// Who acts on canton profiles, figures and panorama rounds
    /// (`[panorama]`; docs/panorama.md, "Who may do what").
    #[serde(default)]
    pub panorama: iiz_app::authz::panorama::PanoramaRules,
}

fn default_requests_per_minute() -> u32 {
    iiz_gateway::GatewaySettings::default().requests_per_minute
}

fn default_data_dir() -> PathBuf {
    PathBuf::from("iiz-data")
}

fn default_listen() -> SocketAddr {
    SocketAddr::from(([127, 0, 0, 1], 8080))
}

fn default_max_connections() -> u32 {
    16
}

impl Config {
    /// Reads the layers. A missing default file is fine; a named one must exist.
    pub fn load(file: Option<&Path>) -> Result<Self, Box<figment::Error>> {
        Self::from_figment(Self::figment(file))
    }

    fn figment(file: Option<&Path>) -> Figment {
        let toml = match file {
            Some(path) => Toml::file_exact(path),
            None => Toml::file("iiz.toml"),
        };
        Figment::new()
            .merge(toml)
            .merge(Env::raw().only(&["DATABASE_URL", "NATS_URL"]))
            .merge(Env::prefixed("IIZ_").ignore(&["CONFIG"]))
    }

    fn from_figment(figment: Figment) -> Result<Self, Box<figment::Error>> {
        figment.extract().map_err(Box::new)
    }

    /// Applies `serve` flags.
    pub fn with_overrides(mut self, args: &ServeArgs) -> Self {
        if let Some(listen) = args.listen {
            self.listen = listen;
        }
        if args.force {
            self.demo_force = true;
        }
        self
    }

    /// The database to use: the configured URL or the embedded SQLite file.
    pub fn database_url(&self) -> String {
        match &self.database_url {
            Some(url) => url.expose_secret().to_owned(),
            None => format!("sqlite://{}", self.data_dir.join("iiz.db").display()),
        }
    }

    /// Key/value pairs safe to print: the database password is never shown.
    pub fn describe(&self) -> Vec<(&'static str, String)> {
        let mut described = vec![
            ("database_url", redact(&self.database_url())),
            ("data_dir", self.data_dir.display().to_string()),
            ("listen", self.listen.to_string()),
            (
                "log_format",
                format!("{:?}", self.log_format).to_lowercase(),
            ),
            ("max_connections", self.max_connections.to_string()),
            ("development", self.development.to_string()),
            (
                "public_url",
                self.public_url.clone().unwrap_or_else(|| "-".to_owned()),
            ),
            ("requests_per_minute", self.requests_per_minute.to_string()),
            ("access_log_days", self.privacy.access_log_days.to_string()),
            (
                "panorama.answer_days",
                self.panorama.answer_days.to_string(),
            ),
            ("max_body_bytes", self.limits.max_body_bytes.to_string()),
            (
                "max_query_complexity",
                self.limits.max_query_complexity.to_string(),
            ),
            ("max_query_depth", self.limits.max_query_depth.to_string()),
            (
                "session_lifetime_minutes",
                self.sessions.session_lifetime_minutes.to_string(),
            ),
            (
                "session_idle_minutes",
                self.sessions.session_idle_minutes.to_string(),
            ),
            (
                "signin_lock_after",
                self.sessions.signin_lock_after.to_string(),
            ),
            (
                "signin_lock_minutes",
                self.sessions.signin_lock_minutes.to_string(),
            ),
            (
                "signin_backoff_seconds",
                self.sessions.signin_backoff_seconds.to_string(),
            ),
            (
                "nats_url",
                self.notify
                    .nats_url
                    .as_deref()
                    .map_or_else(|| "- (in-process bus)".to_owned(), redact),
            ),
            ("nats_stream", self.notify.nats_stream.clone()),
            ("nats_prefix", self.notify.nats_prefix.clone()),
            ("nats_replicas", self.notify.nats_replicas.to_string()),
            (
                "smtp",
                match &self.notify.smtp_host {
                    Some(host) => format!(
                        "{host}:{} ({})",
                        self.notify.smtp_port, self.notify.smtp_tls
                    ),
                    None => format!("- (e-mails as files in {})", self.mail_dir().display()),
                },
            ),
            ("mail_from", self.notify.mail_from.clone()),
            ("digest_hour", self.notify.digest_hour.to_string()),
            ("reminder_minutes", self.notify.reminder_minutes.to_string()),
            (
                "webhooks_allow_private",
                self.notify.webhooks_allow_private.to_string(),
            ),
        ];
        described.extend(self.traffic.describe());
        described
    }

    /// Where the embedded default writes e-mails.
    pub fn mail_dir(&self) -> PathBuf {
        self.data_dir.join("mail")
    }

    /// The address links in e-mails point to.
    pub fn public_url(&self) -> String {
        self.public_url
            .clone()
            .unwrap_or_else(|| format!("http://{}", self.listen))
            .trim_end_matches('/')
            .to_owned()
    }

    /// What the notifier needs to know; a wrong value is refused here.
    pub fn notifier(&self) -> anyhow::Result<iiz_notifier::NotifierSettings> {
        use iiz_notifier::{MailTransport, NatsSettings, SmtpTls};
        let mut settings =
            iiz_notifier::NotifierSettings::embedded(&self.data_dir, self.public_url());
        let notify = &self.notify;
        settings.nats = notify.nats_url.as_ref().map(|url| NatsSettings {
            prefix: notify.nats_prefix.clone(),
            stream: notify.nats_stream.clone(),
            replicas: notify.nats_replicas,
            ..NatsSettings::new(url.clone())
        });
        if let Some(host) = &notify.smtp_host {
            let tls = match notify.smtp_tls.as_str() {
                "none" => SmtpTls::None,
                "starttls" => SmtpTls::StartTls,
                "tls" => SmtpTls::Tls,
                other => anyhow::bail!("smtp_tls must be none, starttls or tls, not '{other}'"),
            };
            settings.mail.transport = MailTransport::Smtp {
                host: host.clone(),
                port: notify.smtp_port,
                tls,
                username: notify.smtp_username.clone(),
                password: notify.smtp_password.clone(),
            };
        }
        if notify.digest_hour > 23 {
            anyhow::bail!("digest_hour must be 0 to 23, not {}", notify.digest_hour);
        }
        settings.mail.from = notify.mail_from.clone();
        settings.mail.retry_base = std::time::Duration::from_secs(notify.mail_retry_seconds.max(1));
        settings.digest_hour = notify.digest_hour;
        settings.reminder_interval =
            std::time::Duration::from_secs(notify.reminder_minutes.max(1) * 60);
        settings.webhooks_allow_private = notify.webhooks_allow_private;
        Ok(settings)
    }

    /// What the gateway needs to know.
    pub fn gateway(&self) -> iiz_gateway::GatewaySettings {
        iiz_gateway::GatewaySettings {
            development: self.development,
            secure_cookies: self
                .public_url
                .as_deref()
                .is_some_and(|url| url.starts_with("https://")),
            requests_per_minute: self.requests_per_minute,
            trusted_proxies: self.traffic.trusted_proxies.clone(),
            socket_limits: self.traffic.socket_limits(),
            public_origin: self.public_url.as_deref().and_then(origin_of),
            max_body_bytes: self.limits.max_body_bytes,
            query_limits: iiz_gateway::graphql::QueryLimits {
                max_complexity: self.limits.max_query_complexity,
                max_depth: self.limits.max_query_depth,
            },
            ..iiz_gateway::GatewaySettings::default()
        }
    }
}

/// `scheme://host[:port]` of a URL, as browsers send it in `Origin`.
fn origin_of(url: &str) -> Option<String> {
    let parsed = url::Url::parse(url).ok()?;
    let origin = parsed.origin();
    origin.is_tuple().then(|| origin.ascii_serialization())
}

/// Replaces the credentials of a URL by `***`.
pub fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            format!("{}://***{}", &url[..scheme], &url[at..])
        }
        _ => url.to_owned(),
    }
}

#[cfg(test)]
#[allow(
    clippy::result_large_err,
    reason = "figment's Jail dictates the closure's error type"
)]
#[path = "config_tests.rs"]
mod tests;
