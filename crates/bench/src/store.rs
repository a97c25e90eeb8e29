//! The event store section: appends and loads on each backend, each next to
//! plain sqlx statements on the same database settings.

use std::future::Future;

use anyhow::{Context, bail};
use iiz_store::{PgEventStore, SqliteEventStore, Store};

use crate::append::{STREAMS_PER_WRITER, append_rate, payload_bytes};
use crate::load::{prepare_stream, store_load_latency};
use crate::pg_database::PgDatabase;
use crate::pgbench::{Measured, pgbench_rows};
use crate::plain::{self, PlainDb};
use crate::report::{Report, Row, Section};
use crate::timing::{per_second, percent};
use crate::{BackendChoice, Settings};

/// Events per batched append.
const BATCH: usize = 100;
/// Events in the stream that is loaded.
const LOADED_EVENTS: usize = 100;
/// Share of the plain INSERT rate the store must reach with many writers
/// on PostgreSQL.
const PG_TARGET: f64 = 0.8;

/// Runs the store benchmarks on the chosen backends, one section each.
pub async fn run_store_benchmarks(settings: &Settings, report: &mut Report) -> anyhow::Result<()> {
    for backend in &settings.backends {
        match backend {
            BackendChoice::Sqlite => sqlite(settings, report).await?,
            BackendChoice::Postgres => postgres(settings, report).await?,
        }
    }
    Ok(())
}

async fn sqlite(settings: &Settings, report: &mut Report) -> anyhow::Result<()> {
    eprintln!("SQLite:");
    let dir = tempfile::tempdir().context("create a temporary directory")?;
    let store = SqliteEventStore::open(&dir.path().join("events.db"))
        .await
        .context("open the SQLite store")?;
    store.migrate().await.context("migrate the SQLite store")?;
    let store_settings = plain::sqlite_settings(store.writer()).await?;
    let plain = PlainDb::sqlite(&dir.path().join("plain.db")).await?;
    let plain_settings = plain.settings().await?;
    if let PlainDb::Sqlite(pool) = &plain {
        let version: String = sqlx::query_scalar("select sqlite_version()")
            .fetch_one(pool)
            .await?;
        report.add_machine("SQLite", version);
    }
    let store = Store::Sqlite(store);
    let rows = measure(settings, &store, &plain, &[1, settings.writers], &[1], None)
        .await
        .map(|(rows, _)| rows);
    store.close().await;
    plain.close().await;
    let section = report.add_section("Event store — SQLite", rows?);
    section
        .note(format!(
            "Store file in a temporary directory: {store_settings}; one writer connection, \
             so concurrent writers queue for it."
        ))
        .note(format!(
            "Reference: a separate SQLite file with the same pragmas ({plain_settings}) and \
             one connection, `bench_plain(id INTEGER PRIMARY KEY, stream_id, payload, envelope)` (the envelope making a row as large as an event row), batches as one multi-row INSERT; \
             concurrent \"writers\" are tasks sharing that connection."
        ));
    common_notes(settings, section);
    Ok(())
}

async fn postgres(settings: &Settings, report: &mut Report) -> anyhow::Result<()> {
    eprintln!("PostgreSQL:");
    let database = PgDatabase::create(&settings.postgres_url).await?;
    let result = postgres_in(settings, report, &database.url).await;
    let dropped = database.drop_database().await;
    result?;
    dropped
}

async fn postgres_in(settings: &Settings, report: &mut Report, url: &str) -> anyhow::Result<()> {
    let store = PgEventStore::connect(url, settings.pool_size)
        .await
        .context("connect the PostgreSQL store")?;
    store
        .migrate()
        .await
        .context("migrate the PostgreSQL store")?;
    let plain = PlainDb::postgres(url, settings.pool_size).await?;
    let store_sync = plain::postgres_synchronous_commit(store.pool()).await?;
    let plain_sync = plain.settings().await?;
    eprintln!("  SHOW synchronous_commit: {store_sync} (store pool), {plain_sync} (plain pool)");
    if store_sync != "on" || plain_sync != "synchronous_commit = on" {
        bail!(
            "synchronous_commit must be on (the default) for comparable numbers, \
             got {store_sync} on the store pool and {plain_sync} on the plain pool"
        );
    }
    let version: String = sqlx::query_scalar("SELECT version()")
        .fetch_one(store.pool())
        .await?;
    report.add_machine("PostgreSQL", version);
    let store = Store::Postgres(store);
    let writers = settings.writers;
    let measured = measure(
        settings,
        &store,
        &plain,
        &[1, writers],
        &[1, writers],
        Some(writers),
    )
    .await;
    let sizes = plain.row_sizes().await?;
    let rows = match measured {
        Ok((mut rows, measured)) => {
            rows.extend(pgbench_rows(settings, url, &measured)?);
            Ok(rows)
        }
        Err(error) => Err(error),
    };
    store.close().await;
    plain.close().await;
    let section = report.add_section("Event store — PostgreSQL", rows?);
    section
        .note(format!(
            "A fresh database, dropped afterwards; `SHOW synchronous_commit` = {store_sync}; \
             pools of {} connections for the store and for the reference.",
            settings.pool_size
        ))
        .note(format!(
            "Reference: autocommit INSERTs into `bench_plain(id bigserial primary key, \
             stream_id text, payload jsonb, envelope text)` in the same database, the \
             envelope column making a row as large as an event row (average row size: \
             {}); batches as one `INSERT … SELECT FROM unnest(…)` statement.",
            sizes.map_or_else(
                || "not measured".to_owned(),
                |(plain, event)| format!("{plain} bytes plain, {event} bytes per event")
            )
        ));
    common_notes(settings, section);
    Ok(())
}

fn common_notes(settings: &Settings, section: &mut Section) {
    section
        .note(format!(
            "Appends: each command is one `append` (one transaction, `NoProjection`) of events \
             with {}-byte JSON payloads to one stream with `ExpectedVersion::Exact`; each writer \
             cycles over {STREAMS_PER_WRITER} streams of its own.",
            payload_bytes()
        ))
        .note(format!(
            "Loads: `read_stream(stream, 0)` of a {LOADED_EVENTS}-event stream, {} loads; \
             reference: `SELECT` of {LOADED_EVENTS} rows of `bench_plain` with their payloads \
             parsed.",
            settings.loads
        ));
}

/// The rows of one backend. `target_writers`: the writer count whose
/// single-event rate is held to the target.
async fn measure(
    settings: &Settings,
    store: &Store,
    plain: &PlainDb,
    single_writers: &[usize],
    batch_writers: &[usize],
    target_writers: Option<usize>,
) -> anyhow::Result<(Vec<Row>, Vec<Measured>)> {
    let timing = settings.timing;
    let mut rows = Vec::new();
    let mut measured = Vec::new();
    for &writers in single_writers {
        eprintln!("  single-event appends, {writers} writer(s)");
        let pair = interleaved(settings.rounds, |round| {
            let label = format!("single-{writers}-r{round}");
            async move {
                let appended = append_rate(store, timing, writers, 1, &label).await?;
                let inserted = plain::single_rate(plain, timing, writers).await?;
                Ok((appended, inserted))
            }
        })
        .await?;
        measured.push(Measured {
            writers,
            rows: 1,
            store: pair.store,
            plain: pair.plain,
        });
        let mut row = Row::plain(
            format!("append 1 event per command, {}", writers_text(writers)),
            per_second(pair.store, "appends"),
        )
        .compared(
            format!("plain INSERT: {}", per_second(pair.plain, "rows")),
            pair.ratio_text(),
        );
        if target_writers == Some(writers) {
            let met = pair.store >= PG_TARGET * pair.plain;
            row = row.target(format!(
                "≥ {:.0} % of plain: {}",
                PG_TARGET * 100.0,
                if met { "met" } else { "NOT met" }
            ));
        }
        rows.push(row);
    }
    for &writers in batch_writers {
        eprintln!("  {BATCH}-event appends, {writers} writer(s)");
        let pair = interleaved(settings.rounds, |round| {
            let label = format!("batch-{writers}-r{round}");
            async move {
                let appended = append_rate(store, timing, writers, BATCH, &label).await?;
                let inserted = plain::batch_rate(plain, timing, writers, BATCH).await?;
                Ok((appended, inserted))
            }
        })
        .await?;
        measured.push(Measured {
            writers,
            rows: BATCH,
            store: pair.store,
            plain: pair.plain,
        });
        rows.push(
            Row::plain(
                format!(
                    "append {BATCH} events per command, {}",
                    writers_text(writers)
                ),
                per_second(pair.store, "events"),
            )
            .compared(
                format!(
                    "plain {BATCH}-row INSERT: {}",
                    per_second(pair.plain, "rows")
                ),
                pair.ratio_text(),
            ),
        );
    }
    eprintln!("  loading a {LOADED_EVENTS}-event stream");
    let stream = prepare_stream(store, LOADED_EVENTS).await?;
    let loaded = store_load_latency(store, &stream, timing, settings.loads, LOADED_EVENTS).await?;
    let selected = plain::load_latency(plain, timing, settings.loads, LOADED_EVENTS).await?;
    rows.push(
        Row::plain(
            format!("load a {LOADED_EVENTS}-event stream, median"),
            loaded.median(),
        )
        .compared(
            format!("plain SELECT: {}", selected.median()),
            times(loaded.median_us, selected.median_us),
        ),
    );
    rows.push(
        Row::plain(
            format!("load a {LOADED_EVENTS}-event stream, p99"),
            loaded.p99(),
        )
        .compared(
            format!("plain SELECT: {}", selected.p99()),
            times(loaded.p99_us, selected.p99_us),
        ),
    );
    Ok((rows, measured))
}

fn writers_text(writers: usize) -> String {
    if writers == 1 {
        "1 writer".to_owned()
    } else {
        format!("{writers} writers")
    }
}

/// How many times slower `value` is than `reference`.
fn times(value: u64, reference: u64) -> String {
    if reference == 0 {
        "—".to_owned()
    } else {
        format!("{:.1}×", value as f64 / reference as f64)
    }
}

/// Store and plain rates measured in alternating rounds, so that drift in
/// the machine's speed (other tenants of the host, cache state) falls on
/// both sides alike.
struct Paired {
    /// Mean store rate over the rounds.
    store: f64,
    /// Mean plain rate over the rounds.
    plain: f64,
    /// Lowest and highest per-round ratio.
    spread: (f64, f64),
}

impl Paired {
    /// The ratio of the means, with the per-round range when there were
    /// several rounds.
    fn ratio_text(&self) -> String {
        let (low, high) = self.spread;
        if (high - low).abs() < f64::EPSILON {
            percent(self.store, self.plain)
        } else {
            format!(
                "{} ({:.0}–{:.0} %)",
                percent(self.store, self.plain),
                low * 100.0,
                high * 100.0
            )
        }
    }
}

async fn interleaved<F, Fut>(rounds: usize, mut round: F) -> anyhow::Result<Paired>
where
    F: FnMut(usize) -> Fut,
    Fut: Future<Output = anyhow::Result<(f64, f64)>>,
{
    let mut store = 0.0;
    let mut plain = 0.0;
    let mut low = f64::INFINITY;
    let mut high = 0.0_f64;
    for index in 0..rounds {
        let (appended, inserted) = round(index).await?;
        store += appended;
        plain += inserted;
        if inserted > 0.0 {
            low = low.min(appended / inserted);
            high = high.max(appended / inserted);
        }
    }
    let count = rounds.max(1) as f64;
    Ok(Paired {
        store: store / count,
        plain: plain / count,
        spread: (low.min(high), high),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ratios() {
        assert_eq!(times(300, 100), "3.0×");
        assert_eq!(times(1, 0), "—");
        assert_eq!(writers_text(1), "1 writer");
        assert_eq!(writers_text(8), "8 writers");
    }
}
