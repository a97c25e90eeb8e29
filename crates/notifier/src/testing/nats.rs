//! `nats-server` processes with JetStream.

use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use super::{free_port, kill_hard, unavailable, wait_for_port};

fn binary() -> Option<PathBuf> {
    let candidates = [
        std::env::var_os("IIZ_NATS_SERVER").map(PathBuf::from),
        Some(PathBuf::from("/usr/sbin/nats-server")),
        Some(PathBuf::from("/usr/bin/nats-server")),
    ];
    candidates.into_iter().flatten().find(|path| path.exists())
}

/// One JetStream-enabled server on a free port with its own store directory.
#[derive(Debug)]
pub struct NatsServer {
    binary: PathBuf,
    child: Option<Child>,
    port: u16,
    /// Cluster settings when the node is part of a cluster.
    cluster: Option<(String, u16, Vec<u16>)>,
    dir: tempfile::TempDir,
}

impl NatsServer {
    /// Starts a server, or skips (`None`) when `nats-server` is not installed.
    pub fn start() -> Option<Self> {
        let Some(binary) = binary() else {
            return unavailable("nats-server is not installed (apt-get install nats-server)");
        };
        let mut server = Self {
            binary,
            child: None,
            port: free_port(),
            cluster: None,
            dir: tempfile::tempdir().expect("a directory for the NATS store"),
        };
        server.start_again();
        Some(server)
    }

    /// `nats://127.0.0.1:<port>`.
    pub fn url(&self) -> String {
        format!("nats://127.0.0.1:{}", self.port)
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// Kills the server (SIGKILL); its store directory stays.
    pub fn kill(&mut self) {
        if let Some(mut child) = self.child.take() {
            kill_hard(&mut child);
        }
    }

    /// Starts the server again on the same port and store directory.
    pub fn start_again(&mut self) {
        self.kill();
        let mut command = Command::new(&self.binary);
        command
            .args([
                "-a",
                "127.0.0.1",
                "-p",
                &self.port.to_string(),
                "-js",
                "-sd",
            ])
            .arg(self.dir.path())
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        if let Some((name, cluster_port, routes)) = &self.cluster {
            let routes: Vec<String> = routes
                .iter()
                .map(|port| format!("nats://127.0.0.1:{port}"))
                .collect();
            command
                .args(["--name", &format!("n{}", self.port)])
                .args(["--cluster_name", name])
                .args(["--cluster", &format!("nats://127.0.0.1:{cluster_port}")])
                .args(["--routes", &routes.join(",")]);
        }
        let child = command.spawn().expect("nats-server starts");
        self.child = Some(child);
        assert!(
            wait_for_port(self.port, Duration::from_secs(10)),
            "nats-server did not listen on {}",
            self.port
        );
    }
}

impl Drop for NatsServer {
    fn drop(&mut self) {
        self.kill();
    }
}

/// Three JetStream nodes clustered on loopback.
#[derive(Debug)]
pub struct NatsCluster {
    pub nodes: Vec<NatsServer>,
}

impl NatsCluster {
    /// Starts three nodes, or skips (`None`) without `nats-server`.
    pub fn start() -> Option<Self> {
        let Some(binary) = binary() else {
            return unavailable("nats-server is not installed (apt-get install nats-server)");
        };
        let name = format!("iiz-test-{}", free_port());
        let cluster_ports: Vec<u16> = (0..3).map(|_| free_port()).collect();
        let mut nodes = Vec::new();
        for (index, cluster_port) in cluster_ports.iter().enumerate() {
            let routes = cluster_ports
                .iter()
                .enumerate()
                .filter(|(other, _)| *other != index)
                .map(|(_, port)| *port)
                .collect();
            nodes.push(NatsServer {
                binary: binary.clone(),
                child: None,
                port: free_port(),
                cluster: Some((name.clone(), *cluster_port, routes)),
                dir: tempfile::tempdir().expect("a directory for the NATS store"),
            });
        }
        for node in &mut nodes {
            node.start_again();
        }
        Some(Self { nodes })
    }

    /// Every node's URL, comma-separated (what `NATS_URL` takes).
    pub fn urls(&self) -> String {
        self.nodes
            .iter()
            .map(NatsServer::url)
            .collect::<Vec<_>>()
            .join(",")
    }
}
