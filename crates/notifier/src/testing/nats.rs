//! Private `nats-server` processes: one server, or a three-node JetStream
//! cluster on loopback, killed (SIGKILL) when dropped.

use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use super::{free_port, services_required};
use async_nats::jetstream::context::GetStreamErrorKind;

/// The Debian package's server.
pub const NATS_SERVER: &str = "/usr/sbin/nats-server";

/// The machine's NATS (CI starts it); `IIZ_TEST_NATS_URL` overrides.
pub fn machine_nats_url() -> String {
    std::env::var("IIZ_TEST_NATS_URL").unwrap_or_else(|_| "nats://127.0.0.1:4222".to_owned())
}

/// Whether the machine's NATS answers; `false` means skip (with a
/// message), unless services are required, which fails the test.
pub fn machine_nats_available() -> bool {
    let url = machine_nats_url();
    let address = url.trim_start_matches("nats://").to_owned();
    let answers = address
        .parse()
        .ok()
        .and_then(|address| TcpStream::connect_timeout(&address, Duration::from_secs(1)).ok())
        .is_some();
    if !answers {
        assert!(
            !services_required(),
            "NATS is required but does not answer at {url}"
        );
        eprintln!("skipping: no NATS at {url} (set IIZ_REQUIRE_SERVICES=1 to fail instead)");
    }
    answers
}

/// Whether private servers can be started; `false` means skip, unless
/// services are required, which fails the test.
pub fn nats_server_installed() -> bool {
    let installed = Path::new(NATS_SERVER).exists();
    if !installed {
        assert!(
            !services_required(),
            "{NATS_SERVER} is required but not installed"
        );
        eprintln!("skipping: {NATS_SERVER} is not installed (apt install nats-server)");
    }
    installed
}

/// One private server with JetStream, its data in a directory that
/// outlives restarts.
#[derive(Debug)]
pub struct NatsServer {
    pub port: u16,
    store_dir: PathBuf,
    extra: Vec<String>,
    process: Option<Child>,
    _dir: Option<tempfile::TempDir>,
}

impl Default for NatsServer {
    fn default() -> Self {
        Self::new()
    }
}

impl NatsServer {
    /// A server on a free port, not started yet.
    pub fn new() -> Self {
        let dir = tempfile::tempdir().expect("temporary directory");
        let mut server = Self::in_dir(dir.path(), free_port(), Vec::new());
        server._dir = Some(dir);
        server
    }

    fn in_dir(dir: &Path, port: u16, extra: Vec<String>) -> Self {
        Self {
            port,
            store_dir: dir.join(format!("n{port}")),
            extra,
            process: None,
            _dir: None,
        }
    }

    pub fn url(&self) -> String {
        format!("nats://127.0.0.1:{}", self.port)
    }

    /// Starts the server (again, on the same port and data) and waits until
    /// it accepts clients.
    pub fn start(&mut self) {
        assert!(self.process.is_none(), "the server already runs");
        std::fs::create_dir_all(&self.store_dir).expect("store directory");
        let log = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(self.store_dir.join("server.log"))
            .expect("log file");
        let child = Command::new(NATS_SERVER)
            .args([
                "-a",
                "127.0.0.1",
                "-p",
                &self.port.to_string(),
                "-js",
                "-sd",
            ])
            .arg(&self.store_dir)
            .args(&self.extra)
            .stdout(Stdio::null())
            .stderr(log)
            .spawn()
            .expect("start nats-server");
        self.process = Some(child);
        self.wait_until_listening();
    }

    fn wait_until_listening(&self) {
        let deadline = Instant::now() + Duration::from_secs(10);
        let address = format!("127.0.0.1:{}", self.port)
            .parse()
            .expect("socket address");
        while TcpStream::connect_timeout(&address, Duration::from_millis(200)).is_err() {
            assert!(
                Instant::now() < deadline,
                "nats-server on port {} did not start",
                self.port
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// SIGKILL: no goodbye to clients or peers.
    pub fn kill(&mut self) {
        if let Some(mut child) = self.process.take() {
            child.kill().ok();
            child.wait().ok();
        }
    }
}

impl Drop for NatsServer {
    fn drop(&mut self) {
        self.kill();
    }
}

/// Three servers forming one JetStream cluster.
#[derive(Debug)]
pub struct NatsCluster {
    pub nodes: Vec<NatsServer>,
    _dir: tempfile::TempDir,
}

impl NatsCluster {
    pub fn start() -> Self {
        let dir = tempfile::tempdir().expect("temporary directory");
        let name = format!("iiz-{}", uuid::Uuid::now_v7().simple());
        let client_ports: Vec<u16> = (0..3).map(|_| free_port()).collect();
        let route_ports: Vec<u16> = (0..3).map(|_| free_port()).collect();
        let routes = route_ports
            .iter()
            .map(|port| format!("nats://127.0.0.1:{port}"))
            .collect::<Vec<_>>()
            .join(",");
        let mut nodes: Vec<NatsServer> = client_ports
            .iter()
            .zip(&route_ports)
            .enumerate()
            .map(|(index, (client, route))| {
                let extra = vec![
                    "--cluster_name".to_owned(),
                    name.clone(),
                    "-cluster".to_owned(),
                    format!("nats://127.0.0.1:{route}"),
                    "-routes".to_owned(),
                    routes.clone(),
                    "-server_name".to_owned(),
                    format!("n{index}"),
                ];
                NatsServer::in_dir(dir.path(), *client, extra)
            })
            .collect();
        for node in &mut nodes {
            node.start();
        }
        Self { nodes, _dir: dir }
    }

    /// Waits until the nodes have elected a JetStream meta leader, which
    /// answers that a stream does not exist.
    pub async fn wait_until_ready(&self) {
        let client = async_nats::connect(self.nodes[0].url())
            .await
            .expect("connect to the cluster");
        let mut jetstream = async_nats::jetstream::new(client);
        jetstream.set_timeout(Duration::from_millis(500));
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            match jetstream.get_stream("READINESS").await {
                Err(error) if matches!(error.kind(), GetStreamErrorKind::JetStream(_)) => return,
                _ => {}
            }
            assert!(Instant::now() < deadline, "the cluster did not form");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Every node's client URL, comma-separated.
    pub fn url(&self) -> String {
        self.nodes
            .iter()
            .map(NatsServer::url)
            .collect::<Vec<_>>()
            .join(",")
    }
}
