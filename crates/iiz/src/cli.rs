//! Command-line interface.

use std::net::SocketAddr;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

/// The IIZ platform: Seismograf concerns, recommendations and the governance
/// of the national and cantonal IIZ bodies.
/// `iiz --version`: the version and the allocator the binary was built
/// with (the memory benchmark reports it).
pub const LONG_VERSION: &str = if cfg!(feature = "mimalloc") {
    concat!(env!("CARGO_PKG_VERSION"), " (allocator: mimalloc)")
} else {
    concat!(env!("CARGO_PKG_VERSION"), " (allocator: system malloc)")
};

#[derive(Debug, Parser)]
#[command(name = "iiz", version, long_version = LONG_VERSION, about)]
pub struct Cli {
    /// Configuration file (TOML). Defaults to `iiz.toml` if it exists;
    /// `IIZ_…` environment variables override it.
    #[arg(long, global = true, env = "IIZ_CONFIG")]
    pub config: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve the platform (applies migrations first).
    Serve(ServeArgs),
    /// Apply database migrations and exit.
    Migrate,
    /// Rebuild every read model from the event log while instances serve.
    Replay,
    /// Load demo data through the real command path. Refused when the
    /// database holds people who are not demo people, unless `--force`.
    Demo {
        /// Load the demo (whose password is public) even into a database
        /// with real people.
        #[arg(long)]
        force: bool,
    },
    /// Manage tenants.
    Tenants {
        #[command(subcommand)]
        command: TenantsCommand,
    },
    /// Print the effective configuration (secrets redacted).
    Config,
}

#[derive(Debug, Subcommand)]
pub enum TenantsCommand {
    /// Register the national tenant and the 26 cantons (safe to repeat).
    Bootstrap,
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address to listen on (port 0 picks a free port); overrides `listen`.
    #[arg(long)]
    pub listen: Option<SocketAddr>,
    /// Load demo data before serving.
    #[arg(long)]
    pub demo: bool,
    /// With `--demo`: load it even into a database that holds people who
    /// are not demo people.
    #[arg(long, requires = "demo")]
    pub force: bool,
}
