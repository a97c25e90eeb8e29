//! Layered configuration: defaults, then `iiz.toml` (or `--config`), then
//! `DATABASE_URL`, then `IIZ_…` environment variables, then flags.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use figment::Figment;
use figment::providers::{Env, Format, Toml};
use secrecy::{ExposeSecret, SecretString};
use serde::Deserialize;

use crate::cli::ServeArgs;

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
}

/// Sessions and sign-in throttling (flat keys, like the rest).
#[derive(Debug, Clone, Deserialize)]
pub struct SessionConfig {
    /// Minutes a session lasts after its sign-in, however busy.
    #[serde(default = "default_session_lifetime_minutes")]
    pub session_lifetime_minutes: u32,
    /// Minutes without use after which a session ends.
    #[serde(default = "default_session_idle_minutes")]
    pub session_idle_minutes: u32,
    /// Failed sign-ins of one account before it is locked.
    #[serde(default = "default_signin_lock_after")]
    pub signin_lock_after: u32,
    /// Minutes a locked account (or address) stays locked.
    #[serde(default = "default_signin_lock_minutes")]
    pub signin_lock_minutes: u32,
    /// The first wait, in seconds, after the free attempts (it doubles).
    #[serde(default = "default_signin_backoff_seconds")]
    pub signin_backoff_seconds: u32,
}

impl Default for SessionConfig {
    fn default() -> Self {
        Self {
            session_lifetime_minutes: default_session_lifetime_minutes(),
            session_idle_minutes: default_session_idle_minutes(),
            signin_lock_after: default_signin_lock_after(),
            signin_lock_minutes: default_signin_lock_minutes(),
            signin_backoff_seconds: default_signin_backoff_seconds(),
        }
    }
}

/// The limits on one request (flat keys: `max_body_bytes`,
/// `max_query_complexity`, `max_query_depth`; `docs/security.md`).
#[derive(Debug, Clone, Copy, Deserialize)]
pub struct LimitsConfig {
    /// Largest request body, on every route.
    #[serde(default = "default_max_body_bytes")]
    pub max_body_bytes: usize,
    /// Most a GraphQL request may cost (pages count their items).
    #[serde(default = "default_max_query_complexity")]
    pub max_query_complexity: usize,
    /// Deepest selection a GraphQL request may make.
    #[serde(default = "default_max_query_depth")]
    pub max_query_depth: usize,
}

impl Default for LimitsConfig {
    fn default() -> Self {
        Self {
            max_body_bytes: default_max_body_bytes(),
            max_query_complexity: default_max_query_complexity(),
            max_query_depth: default_max_query_depth(),
        }
    }
}

fn default_max_body_bytes() -> usize {
    iiz_gateway::GatewaySettings::default().max_body_bytes
}

fn default_max_query_complexity() -> usize {
    iiz_gateway::graphql::QueryLimits::default().max_complexity
}

fn default_max_query_depth() -> usize {
    iiz_gateway::graphql::QueryLimits::default().max_depth
}

fn default_session_lifetime_minutes() -> u32 {
    12 * 60
}

fn default_session_idle_minutes() -> u32 {
    120
}

fn default_signin_lock_after() -> u32 {
    10
}

fn default_signin_lock_minutes() -> u32 {
    15
}

fn default_signin_backoff_seconds() -> u32 {
    1
}

impl SessionConfig {
    /// The app's settings; the address policy keeps its own (generous)
    /// counts but shares the lock duration and back-off.
    pub fn settings(&self) -> iiz_app::sessions::SessionSettings {
        use chrono::Duration;
        let defaults = iiz_app::sessions::SessionSettings::default();
        let lock_for = Duration::minutes(i64::from(self.signin_lock_minutes.max(1)));
        let backoff = Duration::seconds(i64::from(self.signin_backoff_seconds.max(1)));
        let lock_after = self.signin_lock_after.max(2);
        iiz_app::sessions::SessionSettings {
            lifetime: Duration::minutes(i64::from(self.session_lifetime_minutes.max(1))),
            idle_timeout: Duration::minutes(i64::from(self.session_idle_minutes.max(1))),
            account: iiz_app::throttle::ThrottlePolicy {
                lock_after,
                free_attempts: defaults.account.free_attempts.min(lock_after - 1),
                backoff,
                lock_for,
                ..defaults.account
            },
            address: iiz_app::throttle::ThrottlePolicy {
                backoff,
                lock_for,
                ..defaults.address
            },
        }
    }
}

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
mod tests {
    use figment::Jail;

    use super::*;

    #[test]
    fn defaults_use_the_embedded_database() {
        Jail::expect_with(|_jail| {
            let config = Config::from_figment(Config::figment(None)).unwrap();
            assert_eq!(config.database_url(), "sqlite://iiz-data/iiz.db");
            assert_eq!(config.listen, default_listen());
            assert_eq!(config.log_format, LogFormat::Pretty);
            Ok(())
        });
    }

    #[test]
    fn environment_overrides_the_file_and_iiz_overrides_database_url() {
        Jail::expect_with(|jail| {
            jail.create_file(
                "iiz.toml",
                "listen = \"0.0.0.0:9000\"\nmax_connections = 4\n",
            )?;
            jail.set_env("DATABASE_URL", "postgres://a:secret@db/iiz");
            jail.set_env("IIZ_LOG_FORMAT", "json");
            let config = Config::from_figment(Config::figment(None)).unwrap();
            assert_eq!(config.listen.port(), 9000);
            assert_eq!(config.max_connections, 4);
            assert_eq!(config.log_format, LogFormat::Json);
            assert_eq!(config.database_url(), "postgres://a:secret@db/iiz");
            jail.set_env("IIZ_DATABASE_URL", "sqlite://other.db");
            let config = Config::from_figment(Config::figment(None)).unwrap();
            assert_eq!(config.database_url(), "sqlite://other.db");
            Ok(())
        });
    }

    #[test]
    fn request_limits_have_defaults_and_are_configurable() {
        Jail::expect_with(|jail| {
            let defaults = Config::from_figment(Config::figment(None)).unwrap();
            let gateway = defaults.gateway();
            assert_eq!(gateway.max_body_bytes, 256 * 1024);
            assert_eq!(gateway.query_limits.max_complexity, 5_000);
            assert_eq!(gateway.query_limits.max_depth, 12);
            jail.create_file("iiz.toml", "max_query_complexity = 800\n")?;
            jail.set_env("IIZ_MAX_BODY_BYTES", "1024");
            jail.set_env("IIZ_MAX_QUERY_DEPTH", "8");
            let gateway = Config::from_figment(Config::figment(None))
                .unwrap()
                .gateway();
            assert_eq!(gateway.max_body_bytes, 1024);
            assert_eq!(gateway.query_limits.max_complexity, 800);
            assert_eq!(gateway.query_limits.max_depth, 8);
            Ok(())
        });
    }

    #[test]
    fn secrets_are_never_printed() {
        Jail::expect_with(|jail| {
            jail.set_env("DATABASE_URL", "postgres://iiz:hunter2@db:5432/iiz");
            let config = Config::from_figment(Config::figment(None)).unwrap();
            let described = format!("{:?} {:?}", config.describe(), config);
            assert!(!described.contains("hunter2"), "{described}");
            assert!(described.contains("postgres://***@db:5432/iiz"));
            Ok(())
        });
    }

    #[test]
    fn the_public_origin_is_scheme_host_and_port() {
        assert_eq!(
            origin_of("https://iiz.example.ch/base/").as_deref(),
            Some("https://iiz.example.ch")
        );
        assert_eq!(
            origin_of("http://localhost:8080").as_deref(),
            Some("http://localhost:8080")
        );
        assert_eq!(origin_of("not a url"), None);
    }

    #[test]
    fn session_settings_have_documented_defaults() {
        let settings = SessionConfig::default().settings();
        assert_eq!(settings.lifetime, chrono::Duration::hours(12));
        assert_eq!(settings.idle_timeout, chrono::Duration::hours(2));
        assert_eq!(settings.account, iiz_app::throttle::ThrottlePolicy::ACCOUNT);
        assert_eq!(settings.address, iiz_app::throttle::ThrottlePolicy::ADDRESS);
    }

    #[test]
    fn invalid_values_are_reported() {
        Jail::expect_with(|jail| {
            jail.set_env("IIZ_LISTEN", "not an address");
            assert!(Config::from_figment(Config::figment(None)).is_err());
            Ok(())
        });
    }
}
