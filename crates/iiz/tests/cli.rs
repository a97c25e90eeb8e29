//! The real `iiz` binary: demo, replay, serve on port 0 and a graceful stop
//! on SIGTERM, on the embedded default (no configuration but a data dir).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "test code: a failed step must fail the test"
)]

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::Duration;

fn iiz(data_dir: &std::path::Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_iiz"));
    command
        .env_remove("DATABASE_URL")
        .env_remove("IIZ_DATABASE_URL")
        .env("IIZ_DATA_DIR", data_dir)
        .env("RUST_LOG", "warn");
    command
}

fn stdout_of(command: &mut Command) -> String {
    let output = command.output().unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn demo_and_replay_run_on_the_embedded_default() {
    let dir = tempfile::tempdir().unwrap();
    let first = stdout_of(iiz(dir.path()).arg("demo"));
    assert!(first.contains("27 tenants registered"), "{first}");
    let second = stdout_of(iiz(dir.path()).arg("demo"));
    assert!(
        second.contains("0 tenants registered, 0 bodies established"),
        "{second}"
    );
    let replay = stdout_of(iiz(dir.path()).arg("replay"));
    let replayed = |output: &str| -> u64 {
        let count = output
            .strip_prefix("replayed ")
            .and_then(|rest| rest.split(' ').next());
        count
            .and_then(|n| n.parse().ok())
            .unwrap_or_else(|| panic!("{output}"))
    };
    // 27 tenants and 27 bodies, then the demo people, their roles and seats.
    assert!(replayed(&replay) > 54, "{replay}");
    assert!(first.contains("demo logins"), "{first}");
    let again = stdout_of(iiz(dir.path()).arg("replay"));
    assert_eq!(replayed(&again), replayed(&replay), "replay is repeatable");
    assert!(dir.path().join("iiz.db").exists());
}

#[test]
fn a_bad_configuration_is_reported_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let output = iiz(dir.path())
        .env("IIZ_LISTEN", "nowhere")
        .arg("migrate")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("invalid configuration"));
    assert!(!dir.path().join("iiz.db").exists());
    let output = iiz(dir.path())
        .env("DATABASE_URL", "mysql://x")
        .arg("migrate")
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("postgres:// or sqlite://"));
}

#[test]
fn serve_listens_on_port_zero_and_stops_on_sigterm() {
    let dir = tempfile::tempdir().unwrap();
    let mut child = iiz(dir.path())
        .args(["serve", "--listen", "127.0.0.1:0", "--demo"])
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let address = loop {
        let line = lines.next().expect("serve exited early").unwrap();
        if let Some(address) = line.strip_prefix("IIZ platform listening on ") {
            break address.to_owned();
        }
    };
    let runtime = tokio::runtime::Runtime::new().unwrap();
    runtime.block_on(async {
        let ready = reqwest::get(format!("{address}/readyz")).await.unwrap();
        assert_eq!(ready.status(), 200);
    });
    let killed = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let deadline = std::time::Instant::now() + Duration::from_secs(15);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "serve did not stop on SIGTERM"
        );
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(status.success(), "{status:?}");
}
