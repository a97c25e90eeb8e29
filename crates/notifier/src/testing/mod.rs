//! Real servers for tests, as separate processes: a NATS server with
//! JetStream (alone or as a three-node cluster) and an SMTP server (Python's
//! aiosmtpd). Each runs on free loopback ports with its own directory and is
//! killed when dropped.
//!
//! A test that cannot start one skips with a message, unless
//! `IIZ_REQUIRE_SERVICES=1` (CI), which makes it fail.
#![allow(
    clippy::expect_used,
    clippy::panic,
    clippy::print_stderr,
    reason = "test support: a server that cannot be set up must fail the test loudly"
)]

mod nats;
mod smtp;

use std::net::TcpListener;
use std::time::{Duration, Instant};

pub use nats::{
    NATS_SERVER, NatsCluster, NatsServer, machine_nats_available, machine_nats_url,
    nats_server_installed,
};
pub use smtp::{Part, Received, SmtpServer};

/// Whether tests must fail rather than skip when a service is missing.
pub fn services_required() -> bool {
    std::env::var("IIZ_REQUIRE_SERVICES").is_ok_and(|value| value == "1" || value == "true")
}

/// Skips (returns `None`) or fails, as [`services_required`] says.
fn unavailable<T>(what: &str) -> Option<T> {
    assert!(
        !services_required(),
        "{what} (IIZ_REQUIRE_SERVICES is set, so this fails instead of skipping)"
    );
    eprintln!("skipping: {what} (set IIZ_REQUIRE_SERVICES=1 to fail instead)");
    None
}

/// A loopback port nobody listens on right now.
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .map(|address| address.port())
        .expect("a free loopback port")
}

/// Waits until something accepts connections on the port.
fn wait_for_port(port: u16, within: Duration) -> bool {
    let deadline = Instant::now() + within;
    while Instant::now() < deadline {
        if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    false
}

/// SIGKILL: the process gets no chance to clean up, as in a crash.
fn kill_hard(child: &mut std::process::Child) {
    child.kill().ok();
    child.wait().ok();
}
