//! Helpers for the cross-crate scenarios: a fresh database per test and the
//! real server started in process on port 0.

pub mod pages;

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
    /// The server's data directory (the embedded default writes e-mails to `mail/`).
    pub data_dir: tempfile::TempDir,
}

/// Starts `iiz serve` in process on port 0 against a fresh database.
pub async fn spawn_app(backend: Backend, demo: bool) -> anyhow::Result<Option<TestApp>> {
    spawn_app_with(backend, demo, |_| {}).await
}

/// The configuration the tests run the platform with: `database_url`, files
/// in `data_dir`, any free port, the rest at its defaults except a rate
/// limit generous enough for a suite.
pub fn test_config(database_url: &str, data_dir: &std::path::Path) -> Config {
    Config {
        database_url: Some(SecretString::from(database_url.to_owned())),
        data_dir: data_dir.to_path_buf(),
        listen: std::net::SocketAddr::from(([127, 0, 0, 1], 0)),
        log_format: iiz::config::LogFormat::Pretty,
        max_connections: 8,
        development: false,
        public_url: None,
        requests_per_minute: 10_000,
        notify: iiz::config::NotifyConfig::default(),
        privacy: iiz::privacy::PrivacyConfig::default(),
        traffic: iiz::config_traffic::TrafficConfig::default(),
        sessions: iiz::config::SessionConfig::default(),
        demo_force: false,
        limits: iiz::config::LimitsConfig::default(),
        panorama: iiz_app::authz::panorama::PanoramaRules::default(),
    }
}

/// [`spawn_app`] with the configuration changed by `configure` first
/// (e.g. the rate limit at its default instead of the tests' generous one).
pub async fn spawn_app_with(
    backend: Backend,
    demo: bool,
    configure: impl FnOnce(&mut Config),
) -> anyhow::Result<Option<TestApp>> {
    let Some(database) = database(backend).await else {
        return Ok(None);
    };
    let data_dir = tempfile::tempdir()?;
    let mut config = test_config(&database.url, data_dir.path());
    configure(&mut config);
    let server = iiz::start(config, demo, std::future::pending()).await?;
    let base_url = format!("http://{}", server.address);
    Ok(Some(TestApp {
        server,
        base_url,
        http: reqwest::Client::new(),
        database,
        data_dir,
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

    /// GETs a path as `who`: the status and the body as text.
    pub async fn get_as(&self, path: &str, who: As<'_>) -> anyhow::Result<(u16, String)> {
        let mut request = self.http.get(format!("{}{path}", self.base_url));
        match who {
            As::Anonymous => {}
            As::Session(session) | As::CookieOnly(session) => {
                request = request.header("cookie", &session.cookie);
            }
            As::Token(token) => request = request.bearer_auth(token),
        }
        let response = request.send().await?;
        let status = response.status().as_u16();
        Ok((status, response.text().await?))
    }

    pub fn app(&self) -> &iiz_app::App {
        &self.server.app
    }

    /// Waits until the in-process notifier has handled every event of the
    /// log (its `notifier` checkpoint is at the end), so a test counts
    /// notifications after the demo's have all arrived, not while they do.
    pub async fn notifier_caught_up(&self) -> anyhow::Result<()> {
        use iiz_store::{EventStore, LogCursor};
        let store = self.app().store();
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
        loop {
            let at = store
                .checkpoint(NOTIFIER_CHECKPOINT)
                .await?
                .map_or(LogCursor::START, |checkpoint| checkpoint.cursor);
            if store.read_all(at, 1).await?.is_empty() {
                return Ok(());
            }
            anyhow::ensure!(
                std::time::Instant::now() < deadline,
                "the notifier did not catch up within a minute"
            );
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
    }
}

/// The in-process notifier's checkpoint (`iiz_notifier::consume::CHECKPOINT`).
const NOTIFIER_CHECKPOINT: &str = "notifier";

/// A signed-in browser: the session cookie and its CSRF token.
#[derive(Debug, Clone)]
pub struct Session {
    pub cookie: String,
    pub csrf: String,
}

/// How a GraphQL request authenticates.
#[derive(Debug, Clone, Copy)]
pub enum As<'a> {
    Anonymous,
    Session(&'a Session),
    /// A session cookie without the CSRF header (what a forged form sends).
    CookieOnly(&'a Session),
    Token(&'a str),
}

impl TestApp {
    /// POSTs a GraphQL request; returns the HTTP status and the JSON body.
    pub async fn graphql(
        &self,
        who: As<'_>,
        query: &str,
        variables: serde_json::Value,
    ) -> anyhow::Result<(u16, serde_json::Value)> {
        let mut request = self
            .http
            .post(format!("{}/graphql", self.base_url))
            .json(&serde_json::json!({ "query": query, "variables": variables }));
        match who {
            As::Anonymous => {}
            As::Session(session) => {
                request = request
                    .header("cookie", &session.cookie)
                    .header(iiz_gateway::CSRF_HEADER, &session.csrf);
            }
            As::CookieOnly(session) => request = request.header("cookie", &session.cookie),
            As::Token(token) => request = request.bearer_auth(token),
        }
        let response = request.send().await?;
        let status = response.status().as_u16();
        Ok((status, response.json().await?))
    }

    /// Signs in with e-mail and password through the `signIn` mutation.
    pub async fn sign_in(&self, email: &str, password: &str) -> anyhow::Result<Session> {
        let response = self
            .http
            .post(format!("{}/graphql", self.base_url))
            .json(&serde_json::json!({
                "query": "mutation($email: String!, $password: String!) { signIn(email: $email, password: $password) { csrfToken } }",
                "variables": { "email": email, "password": password },
            }))
            .send()
            .await?;
        let cookie = response
            .headers()
            .get("set-cookie")
            .and_then(|value| value.to_str().ok())
            .and_then(|value| value.split(';').next())
            .map(str::to_owned);
        let body: serde_json::Value = response.json().await?;
        let csrf = body["data"]["signIn"]["csrfToken"]
            .as_str()
            .map(str::to_owned);
        match (cookie, csrf) {
            (Some(cookie), Some(csrf)) => Ok(Session { cookie, csrf }),
            _ => anyhow::bail!("sign-in as {email} failed: {body}"),
        }
    }
}

/// The `extensions.code` of the first error, if any.
pub fn error_code(body: &serde_json::Value) -> Option<&str> {
    body["errors"][0]["extensions"]["code"].as_str()
}
