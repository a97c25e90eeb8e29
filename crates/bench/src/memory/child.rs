//! The real `iiz` binary as a child process: started on its own data
//! directory and a free port, its resident memory read from
//! `/proc/<pid>/status`, and always killed when dropped (also on error).

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use anyhow::{Context, bail};

/// How long a start may take: migrations, read models brought up to date
/// and the demo (which hashes a password per demo person).
const START_TIMEOUT: Duration = Duration::from_secs(600);
/// The line `iiz serve` prints once it listens.
const LISTENING: &str = "IIZ platform listening on ";
/// Requests per minute and caller while measuring: the default (600) would
/// answer the load's clients 429, all of whom come from 127.0.0.1.
pub const REQUESTS_PER_MINUTE: &str = "100000000";

/// The `iiz` next to this bench (`target/release/iiz` beside
/// `target/release/iiz-bench`).
pub fn default_binary() -> anyhow::Result<PathBuf> {
    let bench = std::env::current_exe().context("where is iiz-bench?")?;
    let dir = bench
        .parent()
        .context("iiz-bench has no parent directory")?;
    Ok(dir.join("iiz"))
}

/// `iiz --version`'s allocator: `mimalloc` or `system (glibc malloc)`.
pub fn allocator_of(binary: &Path) -> anyhow::Result<String> {
    ensure_exists(binary)?;
    let output = Command::new(binary)
        .arg("--version")
        .env_clear()
        .output()
        .with_context(|| format!("cannot run {} --version", binary.display()))?;
    let text = String::from_utf8_lossy(&output.stdout);
    Ok(text
        .split_once("allocator: ")
        .map(|(_, rest)| rest.trim().trim_end_matches(')').to_owned())
        .unwrap_or_else(|| "system malloc (the binary does not say)".to_owned()))
}

fn ensure_exists(binary: &Path) -> anyhow::Result<()> {
    if !binary.is_file() {
        bail!(
            "the memory section starts the real server, but {} does not exist: \
             build it with cargo build --release -p iiz",
            binary.display()
        );
    }
    Ok(())
}

/// Resident memory of a process, from `/proc/<pid>/status`.
#[derive(Debug, Clone, Copy)]
pub struct Resident {
    /// `VmRSS`: resident now, in KiB.
    pub rss_kib: u64,
    /// `VmHWM`: the highest resident so far, in KiB.
    pub peak_kib: u64,
    /// `RssAnon`: the heap and stacks, in KiB (the rest of `VmRSS` is
    /// mostly the binary's own pages, `RssFile`).
    pub anon_kib: u64,
    /// `Threads`.
    pub threads: u64,
}

impl Resident {
    pub fn read(pid: u32) -> anyhow::Result<Self> {
        let path = format!("/proc/{pid}/status");
        let status =
            std::fs::read_to_string(&path).with_context(|| format!("cannot read {path}"))?;
        Self::parse(&status).with_context(|| format!("no VmRSS/VmHWM/RssAnon/Threads in {path}"))
    }

    fn parse(status: &str) -> Option<Self> {
        let field = |name: &str| {
            status.lines().find_map(|line| {
                let value = line.strip_prefix(name)?.strip_prefix(':')?;
                value.split_whitespace().next()?.parse::<u64>().ok()
            })
        };
        Some(Self {
            rss_kib: field("VmRSS")?,
            peak_kib: field("VmHWM")?,
            anon_kib: field("RssAnon")?,
            threads: field("Threads")?,
        })
    }
}

/// Megabytes (10⁶ bytes) of KiB, as the target is written.
pub fn megabytes(kib: u64) -> f64 {
    kib as f64 * 1024.0 / 1_000_000.0
}

/// A running `iiz serve`.
#[derive(Debug)]
pub struct Server {
    child: Child,
    pub base_url: String,
    /// The demo logins it printed (e-mail addresses).
    pub logins: Vec<String>,
    stderr: PathBuf,
}

impl Server {
    /// Starts `binary serve --listen 127.0.0.1:0 --demo` with only the
    /// given environment (plus the data directory and the rate limit), in
    /// `data_dir`, and waits until it listens. `generated`: the database
    /// holds generated data, into which the demo is loaded with `--force`.
    pub fn start(
        binary: &Path,
        data_dir: &Path,
        database_url: Option<&str>,
        generated: bool,
        name: &str,
    ) -> anyhow::Result<Self> {
        ensure_exists(binary)?;
        let stderr = data_dir.join(format!("{name}.log"));
        let log = std::fs::File::create(&stderr)
            .with_context(|| format!("cannot create {}", stderr.display()))?;
        let mut command = Command::new(binary);
        // Nothing of the bench's environment (DATABASE_URL, NATS_URL,
        // IIZ_…) and no iiz.toml of the working directory reaches it.
        command
            .env_clear()
            .current_dir(data_dir)
            .env("IIZ_DATA_DIR", data_dir)
            .env("IIZ_REQUESTS_PER_MINUTE", REQUESTS_PER_MINUTE)
            .env("RUST_LOG", "warn")
            .args(["serve", "--listen", "127.0.0.1:0", "--demo"])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(log);
        if generated {
            command.arg("--force");
        }
        if let Some(url) = database_url {
            command.env("DATABASE_URL", url);
        }
        let mut child = command
            .spawn()
            .with_context(|| format!("cannot start {}", binary.display()))?;
        let Some(stdout) = child.stdout.take() else {
            child.kill().ok();
            child.wait().ok();
            bail!("no stdout of {}", binary.display());
        };
        // The server is killed on drop from here on.
        let mut server = Self {
            child,
            base_url: String::new(),
            logins: Vec::new(),
            stderr,
        };
        let (sender, lines) = mpsc::channel::<String>();
        // Reads stdout to its end, so the server never blocks on a full pipe.
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { return };
                // Nobody listens once it listens: keep draining.
                sender.send(line).ok();
            }
        });
        loop {
            match lines.recv_timeout(START_TIMEOUT) {
                Ok(line) => {
                    if let Some(address) = line.strip_prefix(LISTENING) {
                        server.base_url = address.trim().to_owned();
                        break;
                    }
                    // "  anna.beispiel@zh.demo.iiz.invalid   Anna Beispiel, …"
                    if let Some(email) = line
                        .strip_prefix("  ")
                        .and_then(|rest| rest.split_whitespace().next())
                        .filter(|word| word.contains('@'))
                    {
                        server.logins.push(email.to_owned());
                    }
                }
                Err(_) => {
                    let tail = server.log_tail();
                    bail!(
                        "{name}: iiz serve stopped or did not listen within {} s; its log ends:\n{tail}",
                        START_TIMEOUT.as_secs()
                    );
                }
            }
        }
        Ok(server)
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Resident memory now (fails if the server has exited).
    pub fn resident(&mut self) -> anyhow::Result<Resident> {
        if let Some(status) = self.child.try_wait()? {
            bail!(
                "iiz serve exited ({status}); its log ends:\n{}",
                self.log_tail()
            );
        }
        Resident::read(self.pid())
    }

    /// The last lines of the server's stderr.
    fn log_tail(&self) -> String {
        let text = std::fs::read_to_string(&self.stderr).unwrap_or_default();
        let lines: Vec<&str> = text.lines().collect();
        lines[lines.len().saturating_sub(20)..].join("\n")
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        // SIGKILL: what it holds is measured already.
        self.child.kill().ok();
        self.child.wait().ok();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_status_fields() {
        let status = "Name:\tiiz\nVmHWM:\t  250000 kB\nVmRSS:\t   98304 kB\nRssAnon:\t   80000 kB\nThreads:\t7\n";
        let resident = Resident::parse(status).unwrap();
        assert_eq!(resident.rss_kib, 98_304);
        assert_eq!(resident.peak_kib, 250_000);
        assert_eq!(resident.threads, 7);
        assert_eq!(resident.anon_kib, 80_000);
        assert!((megabytes(98_304) - 100.663_296).abs() < 1e-9);
        assert!(Resident::parse("Name:\tiiz\n").is_none());
    }
}
