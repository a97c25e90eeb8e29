//! A real SMTP server process on loopback (Python's aiosmtpd running
//! `server.py`), which records every message it accepts and can be killed
//! and started again on the same port.
//!
//! When aiosmtpd is missing, the helper installs it with pip; when that
//! fails the tests skip with a message, unless `IIZ_REQUIRE_SERVICES=1`.
#![allow(
    dead_code,
    clippy::expect_used,
    clippy::panic,
    clippy::print_stderr,
    reason = "test support: a server that cannot be run must fail or skip the test loudly"
)]

use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use iiz_store::testing::services_required;
use serde::Deserialize;

const SCRIPT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/smtp/server.py");

/// One MIME part of a received message.
#[derive(Debug, Clone, Deserialize)]
pub struct Part {
    pub content_type: String,
    pub body: String,
}

/// A message as the server received it.
#[derive(Debug, Clone, Deserialize)]
pub struct Received {
    pub message_id: String,
    pub to: Vec<String>,
    pub from: String,
    /// Decoded.
    pub subject: String,
    pub content_type: String,
    pub parts: Vec<Part>,
}

impl Received {
    pub fn part(&self, content_type: &str) -> Option<&Part> {
        self.parts
            .iter()
            .find(|part| part.content_type.starts_with(content_type))
    }
}

fn aiosmtpd_available() -> bool {
    Command::new("python3")
        .args(["-c", "import aiosmtpd"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|status| status.success())
}

/// Whether aiosmtpd can be used, installing it when missing.
fn ensure_aiosmtpd() -> bool {
    if aiosmtpd_available() {
        return true;
    }
    let installed = Command::new("python3")
        .args(["-m", "pip", "install", "--quiet", "aiosmtpd"])
        .status()
        .is_ok_and(|status| status.success());
    installed && aiosmtpd_available()
}

/// A free loopback port.
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .map(|address| address.port())
        .expect("a free port")
}

/// The SMTP server of one test.
pub struct SmtpServer {
    pub port: u16,
    dir: tempfile::TempDir,
    refused: Vec<String>,
    child: Option<Child>,
}

impl SmtpServer {
    /// A server on a free port, not started yet; `None` (skip) when
    /// aiosmtpd cannot be had.
    pub fn prepare(refused: &[&str]) -> Option<Self> {
        if !ensure_aiosmtpd() {
            assert!(
                !services_required(),
                "aiosmtpd is not installed and could not be installed"
            );
            eprintln!(
                "skipping SMTP test: python3 with aiosmtpd is not available \
                 (set IIZ_REQUIRE_SERVICES=1 to fail instead)"
            );
            return None;
        }
        Some(Self {
            port: free_port(),
            dir: tempfile::tempdir().expect("received directory"),
            refused: refused
                .iter()
                .map(|address| (*address).to_owned())
                .collect(),
            child: None,
        })
    }

    /// Starts the server process and waits until it accepts connections.
    pub fn start(&mut self) {
        assert!(self.child.is_none(), "already running");
        let child = Command::new("python3")
            .arg(SCRIPT)
            .arg(self.port.to_string())
            .arg(self.dir.path())
            .args(&self.refused)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("python3 runs");
        self.child = Some(child);
        let deadline = Instant::now() + Duration::from_secs(15);
        while TcpStream::connect(("127.0.0.1", self.port)).is_err() {
            assert!(Instant::now() < deadline, "SMTP server did not start");
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Kills the process (SIGKILL), as a crash would.
    pub fn kill(&mut self) {
        if let Some(mut child) = self.child.take() {
            child.kill().ok();
            child.wait().ok();
        }
    }

    pub fn dir(&self) -> &Path {
        self.dir.path()
    }

    /// Every message received so far.
    pub fn received(&self) -> Vec<Received> {
        let mut files: Vec<PathBuf> = std::fs::read_dir(self.dir.path())
            .expect("received directory")
            .filter_map(Result::ok)
            .map(|entry| entry.path())
            .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
            .collect();
        files.sort();
        files
            .iter()
            .map(|path| {
                let text = std::fs::read_to_string(path).expect("received message");
                serde_json::from_str(&text).expect("received JSON")
            })
            .collect()
    }
}

impl Drop for SmtpServer {
    fn drop(&mut self) {
        self.kill();
    }
}
