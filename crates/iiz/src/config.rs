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
}

fn default_requests_per_minute() -> u32 {
    600
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
            .merge(Env::raw().only(&["DATABASE_URL"]))
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
        vec![
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
        ]
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
            ..iiz_gateway::GatewaySettings::default()
        }
    }
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
    fn invalid_values_are_reported() {
        Jail::expect_with(|jail| {
            jail.set_env("IIZ_LISTEN", "not an address");
            assert!(Config::from_figment(Config::figment(None)).is_err());
            Ok(())
        });
    }
}
