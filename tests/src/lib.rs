//! Helpers for the cross-crate scenarios: a fresh database per test and the
//! real server started in process on port 0.

use iiz::Running;
use iiz::config::Config;
use iiz_store::testing::TestDatabase;
use secrecy::SecretString;

/// The backends every scenario runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// A fresh, migrated database; `None` when PostgreSQL is unavailable and
/// not required (the test then skips).
pub async fn database(backend: Backend) -> Option<TestDatabase> {
    match backend {
        Backend::Sqlite => Some(TestDatabase::sqlite_with(iiz_app::upcasters()).await),
        Backend::Postgres => TestDatabase::postgres_with(iiz_app::upcasters()).await,
    }
}

/// A server running on its own database.
#[derive(Debug)]
pub struct TestApp {
    pub server: Running,
    pub base_url: String,
    pub http: reqwest::Client,
    /// Kept so the database outlives the server.
    pub database: TestDatabase,
}

/// Starts `iiz serve` in process on port 0 against a fresh database.
pub async fn spawn_app(backend: Backend, demo: bool) -> anyhow::Result<Option<TestApp>> {
    let Some(database) = database(backend).await else {
        return Ok(None);
    };
    let config = Config {
        database_url: Some(SecretString::from(database.url.clone())),
        data_dir: std::env::temp_dir(),
        listen: std::net::SocketAddr::from(([127, 0, 0, 1], 0)),
        log_format: iiz::config::LogFormat::Pretty,
        max_connections: 8,
    };
    let server = iiz::start(config, demo, std::future::pending()).await?;
    let base_url = format!("http://{}", server.address);
    Ok(Some(TestApp {
        server,
        base_url,
        http: reqwest::Client::new(),
        database,
    }))
}

impl TestApp {
    pub async fn get(&self, path: &str) -> anyhow::Result<reqwest::Response> {
        Ok(self
            .http
            .get(format!("{}{path}", self.base_url))
            .send()
            .await?)
    }

    pub fn app(&self) -> &iiz_app::App {
        &self.server.app
    }
}
