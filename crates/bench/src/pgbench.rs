//! A reference outside our client: PostgreSQL's own `pgbench` runs the
//! plain reference's statements (same table, same row sizes, the whole
//! batch in one message) in the same run. A regression of the client that
//! stalls the store and the sqlx reference alike (sqlx 0.9.0 without
//! `TCP_NODELAY`: ~40 ms per message over one TCP segment) would show as
//! both falling far below pgbench (issue 18).

use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;

use anyhow::{Context, bail};

use crate::Settings;
use crate::append::payload;
use crate::plain::ENVELOPE;
use crate::report::Row;
use crate::timing::{Timing, per_second};

/// The `pgbench` on the PATH, if any.
pub fn available() -> bool {
    Command::new("pgbench")
        .arg("--version")
        .output()
        .is_ok_and(|output| output.status.success())
}

/// A SQL string literal.
fn literal(text: &str) -> String {
    format!("'{}'", text.replace('\'', "''"))
}

/// The statement inserting `rows` rows the size of the plain reference's,
/// as one statement (as `PlainDb::insert_one` / `insert_batch`).
pub fn statement(rows: usize) -> anyhow::Result<String> {
    let envelope = literal(ENVELOPE);
    if rows == 1 {
        let payload = literal(&serde_json::to_string(&payload(1))?);
        return Ok(format!(
            "INSERT INTO bench_plain (stream_id, payload, envelope) \
             VALUES ('pgbench-single', {payload}::jsonb, {envelope});\n"
        ));
    }
    let mut texts = String::new();
    for seq in 1..=rows {
        if seq > 1 {
            texts.push(',');
        }
        let payload = serde_json::to_string(&payload(u64::try_from(seq)?))?;
        write!(texts, "{}", literal(&payload))?;
    }
    Ok(format!(
        "INSERT INTO bench_plain (stream_id, payload, envelope) \
         SELECT 'pgbench-batch', p::jsonb, {envelope} FROM unnest(ARRAY[{texts}]) AS p;\n"
    ))
}

/// Reads `tps = …` (transactions per second) off pgbench's report.
pub fn transactions_per_second(report: &str) -> Option<f64> {
    report.lines().find_map(|line| {
        let rest = line.trim().strip_prefix("tps = ")?;
        rest.split_whitespace().next()?.parse().ok()
    })
}

/// Rows per second pgbench inserts `rows` at a time with `clients`
/// connections into `bench_plain` of the database at `url`.
pub fn rows_per_second(
    url: &str,
    dir: &Path,
    rows: usize,
    clients: usize,
    timing: Timing,
) -> anyhow::Result<f64> {
    let script = dir.join(format!("pgbench-{rows}.sql"));
    std::fs::write(&script, statement(rows)?).context("write the pgbench script")?;
    let seconds = (timing.warmup + timing.duration).as_secs().max(2);
    let output = Command::new("pgbench")
        .args(["--no-vacuum", "--file"])
        .arg(&script)
        .args([
            "--client",
            &clients.to_string(),
            "--jobs",
            &clients.to_string(),
        ])
        .args(["--time", &seconds.to_string()])
        .arg(url)
        .output()
        .context("run pgbench")?;
    let report = String::from_utf8_lossy(&output.stdout);
    if !output.status.success() {
        bail!(
            "pgbench failed: {}{}",
            report,
            String::from_utf8_lossy(&output.stderr)
        );
    }
    let tps = transactions_per_second(&report)
        .with_context(|| format!("no `tps =` in pgbench's report: {report}"))?;
    Ok(tps * rows as f64)
}

/// A store rate measured beside the sqlx reference.
#[derive(Debug, Clone, Copy)]
pub struct Measured {
    pub writers: usize,
    /// Events per command, rows per INSERT.
    pub rows: usize,
    /// Events (store) and rows (sqlx reference) per second.
    pub store: f64,
    pub plain: f64,
}

/// One row per measured rate: pgbench's rate for the same statement and
/// connections, and the store's and the sqlx reference's share of it.
/// None when pgbench is not installed (the report says so in a row).
pub fn pgbench_rows(
    settings: &Settings,
    url: &str,
    measured: &[Measured],
) -> anyhow::Result<Vec<Row>> {
    if !available() {
        return Ok(vec![Row::plain(
            "PostgreSQL's pgbench (the reference outside our client)",
            "not run: pgbench is not installed",
        )]);
    }
    let dir = tempfile::tempdir().context("a directory for the pgbench scripts")?;
    let mut rows = Vec::new();
    for entry in measured {
        eprintln!(
            "  pgbench, {}-row INSERT, {} client(s)",
            entry.rows, entry.writers
        );
        let reference =
            rows_per_second(url, dir.path(), entry.rows, entry.writers, settings.timing)?;
        let share = |rate: f64| format!("{:.0} %", 100.0 * rate / reference.max(f64::MIN_POSITIVE));
        rows.push(
            Row::plain(
                format!(
                    "pgbench: the same {}-row INSERT, {} client(s)",
                    entry.rows, entry.writers
                ),
                per_second(reference, "rows"),
            )
            .compared(
                format!(
                    "store {} and plain sqlx {} of it",
                    share(entry.store),
                    share(entry.plain)
                ),
                share(entry.store),
            ),
        );
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_report_gives_the_transactions_per_second() {
        let report = "number of failed transactions: 0 (0.000%)\n\
                      latency average = 0.512 ms\n\
                      initial connection time = 3.117 ms\n\
                      tps = 1953.274390 (without initial connection time)\n";
        assert_eq!(transactions_per_second(report), Some(1953.27439));
        assert_eq!(transactions_per_second("no number here"), None);
    }

    #[test]
    fn a_batch_is_one_statement_with_every_payload() {
        let batch = statement(100).unwrap_or_default();
        assert_eq!(batch.matches("::jsonb").count(), 1);
        assert_eq!(batch.matches("\"call_id\"").count(), 100);
        assert!(
            statement(1)
                .unwrap_or_default()
                .starts_with("INSERT INTO bench_plain")
        );
        assert_eq!(literal("it's"), "'it''s'");
    }
}
