// The binary's job is to print a report: writing to stdout is intended.
#![allow(clippy::print_stdout)]

//! `iiz-bench`: measures the platform and writes a Markdown report
//! (`just bench` writes `docs/benchmarks.md`).
//!
//! Sections run one after the other and each adds a table to the
//! [`Report`]; to add one, write an `async fn run_…_benchmarks(&Settings,
//! &mut Report)` and call it from `main`.

mod append;
mod concerns;
mod graphql;
mod load;
mod machine;
mod memory;
mod notifier;
mod pages;
mod pg_database;
mod pgbench;
mod plain;
mod recommendations;
mod replay;
mod report;
mod setup;
mod store;
mod timing;

use std::path::PathBuf;
use std::time::Duration;

use anyhow::bail;
use clap::{Parser, ValueEnum};

use crate::report::Report;
use crate::store::run_store_benchmarks;
use crate::timing::Timing;

// The allocator the `iiz` binary runs with (crates/iiz/src/main.rs), so a
// rebuild or a load measured here allocates as it does in production; the
// plain-SQL references run in the same process with it too.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Benchmarks of the IIZ platform; prints a Markdown report and writes it
/// to `--output`.
#[derive(Debug, Parser)]
#[command(name = "iiz-bench", version)]
struct Args {
    /// Where to write the Markdown report.
    #[arg(long, default_value = "docs/benchmarks.md")]
    output: PathBuf,

    /// Seconds each throughput measurement is counted.
    #[arg(long, value_name = "SECONDS", default_value_t = 3.0)]
    duration: f64,

    /// Seconds of uncounted work before each measurement.
    #[arg(long, value_name = "SECONDS", default_value_t = 1.0)]
    warmup: f64,

    /// Recorded loads for each latency measurement.
    #[arg(long, default_value_t = 2000)]
    loads: usize,

    /// A smoke test: 0.5 s per measurement, 0.1 s warm-up, 200 loads, a
    /// replay of 20 000 events, 10 000 concerns and 50 recommendations unless
    /// `--concerns` or `--recommendations` say.
    #[arg(long, conflicts_with_all = ["duration", "warmup", "loads", "replay_events"])]
    quick: bool,

    /// Alternating store/plain rounds per comparison; the report gives the
    /// mean of each side.
    #[arg(long, default_value_t = 5)]
    rounds: usize,

    /// Concurrent writers in the multi-writer measurements.
    #[arg(long, default_value_t = 8)]
    writers: usize,

    /// Connections in each PostgreSQL pool (store and reference).
    #[arg(long, default_value_t = 16)]
    pool_size: u32,

    /// Events in the log the replay measurement rebuilds.
    #[arg(long, default_value_t = 1_000_000)]
    replay_events: usize,

    /// Concerns generated for the concerns section [default: 100000].
    #[arg(long, value_name = "COUNT")]
    concerns: Option<usize>,

    /// Recommendations generated for the recommendations section, each to
    /// 28 addressees with 10 reports per committed addressee [default: 500].
    #[arg(long, value_name = "COUNT")]
    recommendations: Option<usize>,

    /// Backends to measure (repeat the flag for several).
    #[arg(long = "backend", value_enum, default_values_t = [BackendChoice::Sqlite, BackendChoice::Postgres])]
    backends: Vec<BackendChoice>,

    /// Sections to run (repeat the flag for several); all by default.
    #[arg(long = "section", value_enum, default_values_t = [Section::Store, Section::Replay, Section::Graphql, Section::Concerns, Section::Recommendations, Section::Pages, Section::Notifier, Section::Memory])]
    sections: Vec<Section>,

    /// The `iiz` binaries the memory section starts (repeat to compare,
    /// e.g. builds with different allocators) [default: the `iiz` next to
    /// this bench].
    #[arg(long = "iiz", value_name = "PATH")]
    iiz_binaries: Vec<PathBuf>,

    /// Seconds of mixed load in the memory section [default: 60, 10 with
    /// `--quick`].
    #[arg(long, value_name = "SECONDS")]
    memory_load: Option<f64>,

    /// Admin connection to PostgreSQL; a fresh database is created through
    /// it and dropped at the end. Defaults to `IIZ_TEST_POSTGRES_URL`, else
    /// postgres://postgres@127.0.0.1:5432/postgres.
    #[arg(long, value_name = "URL")]
    postgres_url: Option<String>,
}

/// The admin connection used when neither `--postgres-url` nor
/// `IIZ_TEST_POSTGRES_URL` says otherwise (the test server's default).
const DEFAULT_POSTGRES_URL: &str = "postgres://postgres@127.0.0.1:5432/postgres";

/// A database backend to benchmark.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum BackendChoice {
    Sqlite,
    Postgres,
}

/// A part of the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Section {
    /// Appends, batched appends and stream loads.
    Store,
    /// Rebuilding the read models from the log.
    Replay,
    /// The GraphQL API next to a plain JSON handler.
    Graphql,
    /// The intake queue and full-text search over many concerns, next to
    /// plain SQL.
    Concerns,
    /// The national monitoring dashboard over many recommendations, next to
    /// plain SQL aggregates.
    Recommendations,
    /// The relay into NATS JetStream next to a raw publish loop, and the
    /// latency from an append to the inbox.
    Notifier,
    /// The monitoring dashboard and the intake queue as web pages, through
    /// the real server at the concerns' and recommendations' data size.
    Pages,
    /// The resident memory of the real `iiz serve` process idle, after
    /// sign-ins, under mixed load and on the concerns' data set.
    Memory,
}

/// What every section needs to know about the run.
#[derive(Debug, Clone)]
pub struct Settings {
    pub timing: Timing,
    pub loads: usize,
    pub replay_events: usize,
    pub concerns: usize,
    pub recommendations: usize,
    pub writers: usize,
    pub rounds: usize,
    pub pool_size: u32,
    pub backends: Vec<BackendChoice>,
    pub postgres_url: String,
    /// The `iiz` binaries of the memory section; empty: the one next to
    /// the bench.
    pub iiz_binaries: Vec<PathBuf>,
    pub memory_load: Duration,
}

impl Settings {
    fn from_args(args: &Args) -> anyhow::Result<Self> {
        let (duration, warmup, loads, replay_events) = if args.quick {
            (0.5, 0.1, 200, 20_000)
        } else {
            (args.duration, args.warmup, args.loads, args.replay_events)
        };
        if !(duration > 0.0 && warmup >= 0.0 && duration.is_finite() && warmup.is_finite()) {
            bail!("--duration must be positive and --warmup not negative");
        }
        if loads == 0 || args.writers == 0 || args.pool_size == 0 || args.rounds == 0 {
            bail!("--loads, --writers, --rounds and --pool-size must be at least 1");
        }
        let concerns = args
            .concerns
            .unwrap_or(if args.quick { 10_000 } else { 100_000 });
        let recommendations = args
            .recommendations
            .unwrap_or(if args.quick { 50 } else { 500 });
        let memory_load = args
            .memory_load
            .unwrap_or(if args.quick { 10.0 } else { 60.0 });
        if !(memory_load > 0.0 && memory_load.is_finite()) {
            bail!("--memory-load must be positive");
        }
        if concerns == 0 || recommendations == 0 {
            bail!("--concerns and --recommendations must be at least 1");
        }
        let mut backends = Vec::new();
        for backend in &args.backends {
            if !backends.contains(backend) {
                backends.push(*backend);
            }
        }
        Ok(Self {
            timing: Timing {
                warmup: Duration::from_secs_f64(warmup),
                duration: Duration::from_secs_f64(duration),
            },
            loads,
            replay_events,
            concerns,
            recommendations,
            writers: args.writers,
            rounds: if args.quick { 1 } else { args.rounds },
            pool_size: args.pool_size,
            backends,
            postgres_url: args
                .postgres_url
                .clone()
                .or_else(|| std::env::var("IIZ_TEST_POSTGRES_URL").ok())
                .unwrap_or_else(|| DEFAULT_POSTGRES_URL.to_owned()),
            iiz_binaries: args.iiz_binaries.clone(),
            memory_load: Duration::from_secs_f64(memory_load),
        })
    }

    fn describe(&self) -> String {
        format!(
            "{} alternating store/plain rounds of {:.1} s per throughput comparison, each \
             after {:.1} s warm-up; {} loads per latency measurement; {} concurrent writers; \
             PostgreSQL pools of {} connections",
            self.rounds,
            self.timing.duration.as_secs_f64(),
            self.timing.warmup.as_secs_f64(),
            self.loads,
            self.writers,
            self.pool_size,
        )
    }
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let settings = Settings::from_args(&args)?;

    let mut report = Report::new("IIZ Platform benchmarks");
    machine::describe(&mut report);
    report.add_fact("Settings", settings.describe());

    if args.sections.contains(&Section::Store) {
        run_store_benchmarks(&settings, &mut report).await?;
    }
    if args.sections.contains(&Section::Replay) {
        replay::run_replay_benchmarks(&settings, &mut report).await?;
    }
    if args.sections.contains(&Section::Graphql) {
        graphql::run_graphql_benchmarks(&settings, &mut report).await?;
    }
    if args.sections.contains(&Section::Concerns) {
        Box::pin(concerns::run_concern_benchmarks(&settings, &mut report)).await?;
        Box::pin(concerns::run_writer_benchmarks(&settings, &mut report)).await?;
    }
    if args.sections.contains(&Section::Recommendations) {
        Box::pin(recommendations::run_recommendation_benchmarks(
            &settings,
            &mut report,
        ))
        .await?;
    }
    if args.sections.contains(&Section::Pages) {
        Box::pin(pages::run_page_benchmarks(&settings, &mut report)).await?;
    }

    if args.sections.contains(&Section::Notifier) {
        Box::pin(notifier::run_notifier_benchmarks(&settings, &mut report)).await?;
    }
    if args.sections.contains(&Section::Memory) {
        Box::pin(memory::run_memory_benchmarks(&settings, &mut report)).await?;
    }

    report.write(&args.output)?;
    println!("{}", report.to_markdown());
    eprintln!("report written to {}", args.output.display());
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quick_shortens_everything() {
        let args = Args::parse_from(["iiz-bench", "--quick", "--backend", "sqlite"]);
        let settings = Settings::from_args(&args).unwrap();
        assert_eq!(settings.timing.duration, Duration::from_millis(500));
        assert_eq!(settings.loads, 200);
        assert_eq!(settings.backends, vec![BackendChoice::Sqlite]);
        assert_eq!(settings.concerns, 10_000);
        assert_eq!(settings.recommendations, 50);
        assert_eq!(settings.memory_load, Duration::from_secs(10));
        assert!(Args::try_parse_from(["iiz-bench", "--quick", "--duration", "2"]).is_err());
        let args = Args::parse_from(["iiz-bench", "--quick", "--concerns", "500"]);
        assert_eq!(Settings::from_args(&args).unwrap().concerns, 500);
        let args = Args::parse_from(["iiz-bench", "--quick", "--recommendations", "7"]);
        assert_eq!(Settings::from_args(&args).unwrap().recommendations, 7);
    }

    #[test]
    fn defaults_measure_both_backends() {
        let args = Args::parse_from(["iiz-bench"]);
        let settings = Settings::from_args(&args).unwrap();
        assert_eq!(settings.timing.duration, Duration::from_secs(3));
        assert_eq!(settings.rounds, 5);
        assert_eq!(settings.concerns, 100_000);
        assert!(args.sections.contains(&Section::Concerns));
        assert!(args.sections.contains(&Section::Recommendations));
        assert_eq!(settings.recommendations, 500);
        assert!(args.sections.contains(&Section::Memory));
        assert_eq!(settings.memory_load, Duration::from_secs(60));
        assert!(settings.iiz_binaries.is_empty());
        assert_eq!(
            settings.backends,
            vec![BackendChoice::Sqlite, BackendChoice::Postgres]
        );
        assert_eq!(args.output, PathBuf::from("docs/benchmarks.md"));
    }
}
