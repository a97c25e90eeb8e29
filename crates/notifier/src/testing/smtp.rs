//! A real SMTP server: Python's aiosmtpd, with a small handler that writes
//! each accepted message to a file and refuses, for good (550), every
//! recipient whose address starts with `refused`.

use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use super::{free_port, kill_hard, unavailable, wait_for_port};

const HANDLER: &str = r#"
import asyncio, os, sys, uuid
from aiosmtpd.controller import Controller

class Sink:
    def __init__(self, directory):
        self.directory = directory
    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.lower().startswith("refused"):
            return "550 5.1.1 mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"
    async def handle_DATA(self, server, session, envelope):
        name = os.path.join(self.directory, uuid.uuid4().hex)
        with open(name + ".part", "wb") as f:
            f.write(b"X-Envelope-To: " + ",".join(envelope.rcpt_tos).encode() + b"\r\n")
            f.write(envelope.original_content or envelope.content)
        os.rename(name + ".part", name + ".eml")
        return "250 Message accepted"

controller = Controller(Sink(sys.argv[2]), hostname="127.0.0.1", port=int(sys.argv[1]))
controller.start()
try:
    asyncio.get_event_loop().run_forever()
except KeyboardInterrupt:
    pass
"#;

/// A received message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReceivedMail {
    pub to: String,
    pub message_id: String,
    pub subject: String,
    /// The whole message as received.
    pub raw: String,
}

/// An SMTP server on a free loopback port.
#[derive(Debug)]
pub struct SmtpSink {
    child: Option<Child>,
    port: u16,
    dir: tempfile::TempDir,
}

impl SmtpSink {
    /// Starts aiosmtpd, installing it with pip when missing; `None` (skip)
    /// when that is impossible and services are not required.
    pub fn start() -> Option<Self> {
        if !importable() {
            Command::new("python3")
                .args([
                    "-m",
                    "pip",
                    "install",
                    "--quiet",
                    "--disable-pip-version-check",
                    "aiosmtpd",
                ])
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status()
                .ok();
            if !importable() {
                return unavailable("Python's aiosmtpd is not available (pip install aiosmtpd)");
            }
        }
        let mut sink = Self {
            child: None,
            port: free_port(),
            dir: tempfile::tempdir().expect("a directory for received mail"),
        };
        sink.start_again();
        Some(sink)
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// Stops the server (SIGKILL): connections are refused until started again.
    pub fn stop(&mut self) {
        if let Some(mut child) = self.child.take() {
            kill_hard(&mut child);
        }
    }

    /// Starts the server again on the same port, keeping what it received.
    pub fn start_again(&mut self) {
        self.stop();
        let child = Command::new("python3")
            .args(["-c", HANDLER, &self.port.to_string()])
            .arg(self.dir.path())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("python3 starts");
        self.child = Some(child);
        assert!(
            wait_for_port(self.port, Duration::from_secs(15)),
            "aiosmtpd did not listen on {}",
            self.port
        );
    }

    /// Every message received so far.
    pub fn received(&self) -> Vec<ReceivedMail> {
        let mut files: Vec<PathBuf> = std::fs::read_dir(self.dir.path())
            .map(|entries| {
                entries
                    .filter_map(|entry| entry.ok().map(|entry| entry.path()))
                    .filter(|path| path.extension().is_some_and(|ext| ext == "eml"))
                    .collect()
            })
            .unwrap_or_default();
        files.sort();
        files
            .iter()
            .filter_map(|path| std::fs::read_to_string(path).ok())
            .map(|raw| ReceivedMail {
                to: header(&raw, "X-Envelope-To"),
                message_id: header(&raw, "Message-ID"),
                subject: header(&raw, "Subject"),
                raw,
            })
            .collect()
    }
}

fn importable() -> bool {
    Command::new("python3")
        .args(["-c", "import aiosmtpd"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|status| status.success())
}

/// A header's (unfolded) value; empty when absent.
fn header(raw: &str, name: &str) -> String {
    let mut lines = raw.lines();
    let prefix = format!("{}:", name.to_lowercase());
    while let Some(line) = lines.next() {
        if line.is_empty() {
            break;
        }
        if line.to_lowercase().starts_with(&prefix) {
            let mut value = line[prefix.len()..].trim().to_owned();
            for next in lines.by_ref() {
                if next.starts_with(' ') || next.starts_with('\t') {
                    value.push(' ');
                    value.push_str(next.trim());
                } else {
                    break;
                }
            }
            return value;
        }
    }
    String::new()
}

impl Drop for SmtpSink {
    fn drop(&mut self) {
        self.stop();
    }
}
