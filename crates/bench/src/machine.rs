//! What the numbers were measured on: commit, CPU, memory, operating system.
//! Database versions are added by the sections that connect to them.

use std::process::Command;

use crate::report::Report;

/// Adds the date, commit and machine facts to the report.
pub fn describe(report: &mut Report) {
    report.add_fact(
        "Date",
        chrono::Utc::now().format("%Y-%m-%d %H:%M UTC").to_string(),
    );
    report.add_fact("Git commit", git_commit());
    report.add_fact("Client libraries", client_libraries());
    report.add_fact(
        "Allocator",
        "mimalloc, as the `iiz` binary (the bench's own process, the plain-SQL references included)",
    );
    report.add_machine("CPU", cpu_model());
    report.add_machine("Cores", cores());
    report.add_machine("Memory", memory());
    report.add_machine("OS", os());
}

/// The workspace's lock file as the bench was built with it.
const CARGO_LOCK: &str = include_str!("../../../Cargo.lock");

/// The database and bus clients' versions, as locked: a client regression
/// (sqlx 0.9.0's missing `TCP_NODELAY`) shows in every figure, so the
/// report names them.
fn client_libraries() -> String {
    ["sqlx", "libsqlite3-sys", "async-nats", "mimalloc"]
        .iter()
        .map(|name| format!("{name} {}", locked_version(CARGO_LOCK, name)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The version of `name` in a `Cargo.lock`, `unknown` if it is not there.
fn locked_version(lock: &str, name: &str) -> String {
    let entry = format!("name = \"{name}\"\nversion = \"");
    lock.find(&entry)
        .map(|start| &lock[start + entry.len()..])
        .and_then(|rest| rest.split('"').next())
        .unwrap_or("unknown")
        .to_owned()
}

/// `git rev-parse --short HEAD`, or `unknown` outside a checkout.
pub fn git_commit() -> String {
    Command::new("git")
        .args(["rev-parse", "--short", "HEAD"])
        .output()
        .ok()
        .filter(|output| output.status.success())
        .and_then(|output| String::from_utf8(output.stdout).ok())
        .map(|commit| commit.trim().to_owned())
        .filter(|commit| !commit.is_empty())
        .unwrap_or_else(|| "unknown".to_owned())
}

fn read(path: &str) -> Option<String> {
    std::fs::read_to_string(path).ok()
}

fn cpu_model() -> String {
    read("/proc/cpuinfo")
        .and_then(|text| field(&text, "model name"))
        .unwrap_or_else(|| "unknown".to_owned())
}

fn cores() -> String {
    let logical = std::thread::available_parallelism().map_or(0, usize::from);
    let listed = read("/proc/cpuinfo").map_or(0, |text| {
        text.lines()
            .filter(|line| line.starts_with("processor"))
            .count()
    });
    match (logical, listed) {
        (0, 0) => "unknown".to_owned(),
        (usable, listed) if listed > usable && usable > 0 => {
            format!("{listed} ({usable} usable by this process)")
        }
        (usable, listed) => usable.max(listed).to_string(),
    }
}

fn memory() -> String {
    read("/proc/meminfo")
        .and_then(|text| field(&text, "MemTotal"))
        .and_then(|value| value.trim_end_matches("kB").trim().parse::<u64>().ok())
        .map_or_else(
            || "unknown".to_owned(),
            |kib| format!("{:.1} GiB", kib as f64 / 1024.0 / 1024.0),
        )
}

fn os() -> String {
    let name = read("/etc/os-release")
        .and_then(|text| {
            text.lines()
                .find_map(|line| line.strip_prefix("PRETTY_NAME="))
                .map(|value| value.trim_matches('"').to_owned())
        })
        .unwrap_or_else(|| std::env::consts::OS.to_owned());
    match read("/proc/sys/kernel/osrelease") {
        Some(kernel) => format!("{name}, kernel {}", kernel.trim()),
        None => name,
    }
}

/// The value of the first `name : value` line (the format of `/proc` files).
fn field(text: &str, name: &str) -> Option<String> {
    text.lines().find_map(|line| {
        let (key, value) = line.split_once(':')?;
        (key.trim() == name).then(|| value.trim().to_owned())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_proc_fields() {
        let text = "processor\t: 0\nmodel name\t: Test CPU @ 2.0GHz\nMemTotal:       24683520 kB\n";
        assert_eq!(
            field(text, "model name").as_deref(),
            Some("Test CPU @ 2.0GHz")
        );
        assert_eq!(field(text, "MemTotal").as_deref(), Some("24683520 kB"));
        assert_eq!(field(text, "missing"), None);
    }

    #[test]
    fn the_locked_versions_are_read() {
        let lock = "[[package]]\nname = \"sqlx\"\nversion = \"0.9.1\"\n";
        assert_eq!(locked_version(lock, "sqlx"), "0.9.1");
        assert_eq!(locked_version(lock, "tokio"), "unknown");
        assert_ne!(locked_version(CARGO_LOCK, "sqlx"), "unknown");
    }
}
