//! The pages in a real browser: the system Chromium driven by
//! `tests/browser/run.mjs` (playwright-core) against the real server with
//! the demo data. The walk signs in as every demo role without JavaScript,
//! crawls every page reachable from home in two languages and runs axe-core
//! (WCAG 2.1 A and AA) on each; the journeys take the core paths through the
//! forms. One test runs them all on one server and one Chromium (the walk
//! first, on the untouched demo data), reporting each suite; one alone:
//! `IIZ_BROWSER_SUITES=journey-a cargo test -p iiz-tests --test scenarios browser::`
//! or `node tests/browser/run.mjs <base-url> journey-a` against a running server.
//!
//! Without node, Chromium or `tests/browser/node_modules` (`npm ci` there)
//! the tests skip with a message, unless `IIZ_REQUIRE_SERVICES=1` (CI), which
//! makes them fail instead.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use iiz_store::testing::services_required;
use iiz_tests::{Backend, spawn_app};

/// Longer than this, the suites have hung (the walk alone takes a few minutes).
const TIME_LIMIT: Duration = Duration::from_secs(25 * 60);

const DEFAULT_CHROMIUM: &str = "/usr/bin/chromium";

const ALL_SUITES: &str = "walk journey-a journey-b journey-c journey-d journey-e";

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn every_role_walks_the_pages_with_axe_and_the_journeys_complete_without_javascript() {
    let suites = std::env::var("IIZ_BROWSER_SUITES").unwrap_or_else(|_| ALL_SUITES.to_owned());
    run_node(&suites.split_whitespace().collect::<Vec<_>>()).await;
}

/// Writes the PNGs of the main pages in German and French into
/// docs/screenshots (`just screenshots`); not part of the test run.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
#[ignore = "writes docs/screenshots; run by `just screenshots`"]
async fn screenshots() {
    let out = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../docs/screenshots")
        .display()
        .to_string();
    run_node(&["screenshots", "--out", &out]).await;
}

/// Starts the server with the demo data and runs `node run.mjs <base> <args>`;
/// fails with the script's output when it exits non-zero.
async fn run_node(args: &[&str]) {
    if let Some(missing) = missing_tools() {
        assert!(
            !services_required(),
            "{missing} (IIZ_REQUIRE_SERVICES is set, so this fails instead of skipping)"
        );
        eprintln!("skipping browser test: {missing} (set IIZ_REQUIRE_SERVICES=1 to fail instead)");
        return;
    }
    let app = spawn_app(Backend::Sqlite, true)
        .await
        .unwrap()
        .expect("SQLite is always there");
    let mut command = Command::new("node");
    command
        .arg("run.mjs")
        .arg(&app.base_url)
        .args(args)
        .current_dir(browser_dir())
        .env("IIZ_CHROMIUM", chromium())
        // The accounts journey reads its links from the e-mails as files.
        .env("IIZ_MAIL_DIR", app.data_dir.path().join("mail"));
    let described = format!("node run.mjs {} {}", app.base_url, args.join(" "));
    let (success, output) = tokio::task::spawn_blocking(move || run_with_limit(command))
        .await
        .unwrap();
    assert!(success, "{described} failed:\n{output}");
    eprintln!("{output}");
}

/// Runs `command` to its end or the time limit; whether it succeeded and
/// what it printed (stdout, then stderr).
fn run_with_limit(mut command: Command) -> (bool, String) {
    let stdout = tempfile::tempfile().unwrap();
    let stderr = tempfile::tempfile().unwrap();
    let mut child = command
        .stdin(Stdio::null())
        .stdout(stdout.try_clone().unwrap())
        .stderr(stderr.try_clone().unwrap())
        .spawn()
        .unwrap();
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break Some(status);
        }
        if started.elapsed() > TIME_LIMIT {
            child.kill().unwrap();
            child.wait().unwrap();
            break None;
        }
        std::thread::sleep(Duration::from_millis(200));
    };
    let mut printed = read_all(stdout);
    printed.push_str(&read_all(stderr));
    match status {
        Some(status) => (status.success(), printed),
        None => (false, format!("stopped after {TIME_LIMIT:?}\n{printed}")),
    }
}

fn read_all(mut file: std::fs::File) -> String {
    use std::io::{Read, Seek, SeekFrom};
    let mut text = String::new();
    file.seek(SeekFrom::Start(0)).unwrap();
    file.read_to_string(&mut text).unwrap();
    text
}

fn browser_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("browser")
}

fn chromium() -> String {
    std::env::var("IIZ_CHROMIUM").unwrap_or_else(|_| DEFAULT_CHROMIUM.to_owned())
}

/// What the browser tests need and this machine lacks, if anything.
fn missing_tools() -> Option<String> {
    let node = Command::new("node")
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status();
    if !node.is_ok_and(|status| status.success()) {
        return Some("node is not installed".to_owned());
    }
    if !Path::new(&chromium()).exists() {
        return Some(format!(
            "no Chromium at {} (apt-get install chromium, or set IIZ_CHROMIUM)",
            chromium()
        ));
    }
    let modules = browser_dir().join("node_modules");
    for package in ["playwright-core", "axe-core"] {
        if !modules.join(package).join("package.json").exists() {
            return Some(format!(
                "{package} is not installed (run `npm ci` in tests/browser)"
            ));
        }
    }
    None
}
