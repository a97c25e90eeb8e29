//! The real `iiz` binary as separate processes on one database and one NATS,
//! killed for real (SIGKILL) where a test needs a crash.

use std::collections::BTreeSet;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use futures::StreamExt;
use iiz_notifier::contract::PublishedEvent;
use iiz_store::{EventStore, LogCursor, Store};
use serde_json::{Value, json};

/// The settings every instance of one test shares.
#[derive(Debug, Clone)]
pub struct Shared {
    pub database_url: String,
    pub nats_url: String,
    pub prefix: String,
    pub stream: String,
    pub smtp_port: Option<u16>,
}

impl Shared {
    pub fn new(database_url: &str, nats_url: &str, smtp_port: Option<u16>) -> Self {
        let tag = uuid::Uuid::now_v7().simple().to_string();
        Self {
            database_url: database_url.to_owned(),
            nats_url: nats_url.to_owned(),
            prefix: format!("t{}", &tag[20..]),
            stream: format!("T{}", &tag[20..]),
            smtp_port,
        }
    }

    fn command(&self, data_dir: &Path) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_iiz"));
        command
            .env("DATABASE_URL", &self.database_url)
            .env("NATS_URL", &self.nats_url)
            .env("IIZ_NATS_PREFIX", &self.prefix)
            .env("IIZ_NATS_STREAM", &self.stream)
            .env("IIZ_DATA_DIR", data_dir)
            .env("IIZ_REQUESTS_PER_MINUTE", "100000")
            .env("IIZ_MAIL_RETRY_SECONDS", "1")
            .env("RUST_LOG", "warn,iiz_notifier=info");
        if let Some(port) = self.smtp_port {
            command
                .env("IIZ_SMTP_HOST", "127.0.0.1")
                .env("IIZ_SMTP_PORT", port.to_string())
                .env("IIZ_SMTP_TLS", "none");
        }
        command
    }

    /// Loads the demo data through the real commands (`iiz demo`).
    pub fn load_demo(&self, data_dir: &Path) {
        let output = self.command(data_dir).arg("demo").output().unwrap();
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
    }

    /// Starts `iiz serve` on a free port and waits until it listens.
    pub fn serve(&self, data_dir: &Path, name: &str) -> Instance {
        let log = std::fs::File::create(data_dir.join(format!("{name}.log"))).unwrap();
        let mut child = self
            .command(data_dir)
            .args(["serve", "--listen", "127.0.0.1:0"])
            .stdout(Stdio::piped())
            .stderr(log)
            .spawn()
            .unwrap();
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        let base_url = loop {
            let line = lines
                .next()
                .unwrap_or_else(|| panic!("{name} exited before listening"))
                .unwrap();
            if let Some(address) = line.strip_prefix("IIZ platform listening on ") {
                break address.to_owned();
            }
        };
        Instance {
            name: name.to_owned(),
            child,
            base_url,
            http: reqwest::Client::new(),
        }
    }
}

/// One `iiz serve` process.
#[derive(Debug)]
pub struct Instance {
    pub name: String,
    child: Child,
    pub base_url: String,
    http: reqwest::Client,
}

/// A signed-in session.
#[derive(Debug, Clone)]
pub struct Session {
    pub cookie: String,
    pub csrf: String,
}

impl Instance {
    /// SIGKILL: no graceful stop, as in a crash.
    pub fn kill(&mut self) {
        self.child.kill().ok();
        self.child.wait().ok();
    }

    pub async fn sign_in(&self, email: &str) -> Session {
        let response = self
            .http
            .post(format!("{}/graphql", self.base_url))
            .json(&json!({
                "query": "mutation($email: String!, $password: String!) { signIn(email: $email, password: $password) { csrfToken } }",
                "variables": { "email": email, "password": iiz_app::demo::DEMO_PASSWORD },
            }))
            .send()
            .await
            .unwrap();
        let cookie = response.headers()["set-cookie"]
            .to_str()
            .unwrap()
            .split(';')
            .next()
            .unwrap()
            .to_owned();
        let body: Value = response.json().await.unwrap();
        let csrf = body["data"]["signIn"]["csrfToken"]
            .as_str()
            .unwrap_or_else(|| panic!("{body}"))
            .to_owned();
        Session { cookie, csrf }
    }

    /// A GraphQL request that must succeed; returns `data`.
    pub async fn graphql(&self, session: &Session, query: &str, variables: Value) -> Value {
        let body: Value = self
            .http
            .post(format!("{}/graphql", self.base_url))
            .header("cookie", &session.cookie)
            .header("x-csrf-token", &session.csrf)
            .json(&json!({ "query": query, "variables": variables }))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert!(body["errors"].is_null(), "{}: {body}", self.name);
        body["data"].clone()
    }

    /// The value of a metric without labels, if the instance answers.
    pub async fn metric(&self, name: &str) -> Option<f64> {
        let text = self
            .http
            .get(format!("{}/metrics", self.base_url))
            .send()
            .await
            .ok()?
            .text()
            .await
            .ok()?;
        text.lines()
            .find_map(|line| line.strip_prefix(&format!("{name} ")))
            .and_then(|value| value.trim().parse().ok())
    }
}

impl Drop for Instance {
    fn drop(&mut self) {
        self.kill();
    }
}

/// The ids of every event of the log that is published (not withheld).
pub async fn published_ids(store: &Store) -> BTreeSet<uuid::Uuid> {
    let mut ids = BTreeSet::new();
    let mut after = LogCursor::START;
    loop {
        let batch = store.read_all(after, 1_000).await.unwrap();
        let Some(last) = batch.last() else { break };
        after = last.cursor;
        ids.extend(
            batch
                .iter()
                .filter_map(PublishedEvent::of)
                .map(|event| event.id),
        );
    }
    ids
}

/// Every message id in the stream, in stream order (duplicates kept).
pub async fn stream_ids(nats_url: &str, stream: &str) -> Vec<uuid::Uuid> {
    let client = async_nats::connect(nats_url).await.unwrap();
    let jetstream = async_nats::jetstream::new(client);
    let mut stream = jetstream.get_stream(stream).await.unwrap();
    let total = stream.info().await.unwrap().state.messages;
    let consumer = stream
        .create_consumer(async_nats::jetstream::consumer::pull::OrderedConfig::default())
        .await
        .unwrap();
    let mut messages = consumer.messages().await.unwrap();
    let mut ids = Vec::new();
    while (ids.len() as u64) < total {
        let message = tokio::time::timeout(Duration::from_secs(10), messages.next())
            .await
            .expect("the stream delivers")
            .unwrap()
            .unwrap();
        let id = message
            .headers
            .as_ref()
            .and_then(|headers| headers.get("Nats-Msg-Id"))
            .map(|value| value.as_str().to_owned())
            .unwrap();
        ids.push(uuid::Uuid::parse_str(&id).unwrap());
    }
    ids
}

/// Waits until `check` holds, or fails after `within` with `what`.
pub async fn eventually<F, Fut>(within: Duration, what: &str, mut check: F)
where
    F: FnMut() -> Fut,
    Fut: Future<Output = bool>,
{
    let deadline = Instant::now() + within;
    loop {
        if check().await {
            return;
        }
        assert!(Instant::now() < deadline, "timed out: {what}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Appends `bodies` working groups of 100 events each (an establishment and
/// amendments of its mandate), so the relay has a long stream to work
/// through when a test kills it.
pub async fn fill_log(app: &iiz_app::App, bodies: usize) {
    use iiz_domain::body::{BodyEvent, BodyKind};
    use iiz_domain::text::{FreeText, LocalizedName};
    use iiz_domain::{BodyId, DomainEvent, Language, TenantId};
    use iiz_store::{AppendRequest, EventMetadata, ExpectedVersion, NewEvent};

    let mandate = |version: usize| {
        FreeText::parse(format!(
            "Fassung {version}: koordiniert ALV, IV und Sozialhilfe an den Schnittstellen."
        ))
        .unwrap()
    };
    for n in 0..bodies {
        let tenant = TenantId::parse("ZH").unwrap();
        let id = BodyId::new();
        let mut history = vec![BodyEvent::Established {
            id,
            tenant,
            kind: BodyKind::WorkingGroup,
            names: LocalizedName::parse([(Language::De, format!("Arbeitsgruppe {n}"))]).unwrap(),
            mandate: mandate(0),
            parent: None,
            active_from: chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
        }];
        history.extend((1..100).map(|version| BodyEvent::MandateAmended {
            mandate: mandate(version),
        }));
        let events = history
            .iter()
            .map(|event| {
                let (event_type, payload) = event.encode().unwrap();
                NewEvent::new(event_type, BodyEvent::schema_version(event_type), payload)
            })
            .collect();
        let request = AppendRequest {
            stream: iiz_app::tenants::body_stream(tenant, id),
            expected: ExpectedVersion::NoStream,
            events,
            metadata: EventMetadata::new("system:test"),
        };
        app.store()
            .append(request, app.projections())
            .await
            .unwrap();
    }
}
