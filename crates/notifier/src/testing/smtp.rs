//! A real SMTP server process on loopback: Python's aiosmtpd running
//! `smtp_server.py`, which records every message it accepts (as JSON, with
//! its decoded subject and MIME parts), refuses the addresses it is given
//! for good (550), and can be killed and started again on the same port.
//!
//! When aiosmtpd is missing it is installed with pip; when that fails the
//! test skips with a message, unless `IIZ_REQUIRE_SERVICES=1`.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use serde::Deserialize;

use super::{free_port, kill_hard, unavailable, wait_for_port};

const SCRIPT: &str = include_str!("smtp_server.py");

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

/// The SMTP server of one test.
#[derive(Debug)]
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
            return unavailable("python3 with aiosmtpd is not available (pip install aiosmtpd)");
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
            .args(["-c", SCRIPT])
            .arg(self.port.to_string())
            .arg(self.dir.path())
            .args(&self.refused)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("python3 runs");
        self.child = Some(child);
        assert!(
            wait_for_port(self.port, Duration::from_secs(15)),
            "the SMTP server did not listen on {}",
            self.port
        );
    }

    /// Kills the process (SIGKILL), as a crash would.
    pub fn kill(&mut self) {
        if let Some(mut child) = self.child.take() {
            kill_hard(&mut child);
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
