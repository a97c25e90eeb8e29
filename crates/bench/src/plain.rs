//! The physical limit the store is compared with: plain INSERTs and SELECTs
//! of rows the size of an event, through sqlx, with the store's settings.

use std::path::Path;
use std::time::Duration;

use anyhow::{Context, bail};
use serde_json::Value;
use sqlx::postgres::PgPoolOptions;
use sqlx::sqlite::SqlitePoolOptions;
use sqlx::{PgPool, Row, SqlitePool};

use crate::append::payload;
use crate::load::{Latency, measure_latency};
use crate::timing::{Timing, rate};

const PG_TABLE: &str = "CREATE TABLE bench_plain \
     (id bigserial PRIMARY KEY, stream_id text, payload jsonb, envelope text)";
const SQLITE_TABLE: &str = "CREATE TABLE bench_plain \
     (id INTEGER PRIMARY KEY, stream_id TEXT, payload TEXT, envelope TEXT)";

/// Stands in for an event's envelope (ids, tenant, types, actor, times), so
/// that a plain row is as large as an event row, as the comparison requires.
/// The report shows both measured row sizes.
pub const ENVELOPE: &str = "CH|bench|CallCompleted|v1|bench|01935d2e-7c1a-7f00-8000-00000000";

/// A table `bench_plain` on either backend.
#[derive(Debug, Clone)]
pub enum PlainDb {
    Postgres(PgPool),
    /// One connection: SQLite has a single writer, as in the store.
    Sqlite(SqlitePool),
}

impl PlainDb {
    /// Average stored size in bytes of a `bench_plain` row and of an event
    /// row (PostgreSQL's `pg_column_size`), to show they match.
    pub async fn row_sizes(&self) -> anyhow::Result<Option<(i64, i64)>> {
        let Self::Postgres(pool) = self else {
            return Ok(None);
        };
        let plain: Option<i64> =
            sqlx::query_scalar("SELECT avg(pg_column_size(b.*))::bigint FROM bench_plain b")
                .fetch_one(pool)
                .await?;
        let event: Option<i64> = sqlx::query_scalar(
            "SELECT avg(pg_column_size(e.*))::bigint FROM events e WHERE e.stream_type = 'bench_call'",
        )
        .fetch_one(pool)
        .await?;
        Ok(plain.zip(event))
    }

    /// A pool of `max_connections` to the database at `url`, with the table.
    pub async fn postgres(url: &str, max_connections: u32) -> anyhow::Result<Self> {
        let pool = PgPoolOptions::new()
            .max_connections(max_connections)
            .acquire_timeout(Duration::from_secs(10))
            .test_before_acquire(false)
            .connect(url)
            .await
            .context("connect the plain-insert pool")?;
        sqlx::query(PG_TABLE)
            .execute(&pool)
            .await
            .context("create bench_plain")?;
        Ok(Self::Postgres(pool))
    }

    /// A new SQLite file at `path` with the store's pragmas (WAL,
    /// synchronous=FULL) and one connection.
    pub async fn sqlite(path: &Path) -> anyhow::Result<Self> {
        let options = iiz_store::SqliteEventStore::connect_options(path);
        let pool = SqlitePoolOptions::new()
            .max_connections(1)
            .connect_with(options)
            .await
            .with_context(|| format!("open {}", path.display()))?;
        sqlx::query(SQLITE_TABLE)
            .execute(&pool)
            .await
            .context("create bench_plain")?;
        Ok(Self::Sqlite(pool))
    }

    /// One autocommit single-row INSERT.
    pub async fn insert_one(&self, stream_id: &str, payload: &Value) -> anyhow::Result<()> {
        let payload = serde_json::to_string(payload)?;
        match self {
            Self::Postgres(pool) => {
                sqlx::query(
                    "INSERT INTO bench_plain (stream_id, payload, envelope) \
                     VALUES ($1, $2::jsonb, $3)",
                )
                .bind(stream_id)
                .bind(payload)
                .bind(ENVELOPE)
                .execute(pool)
                .await?;
            }
            Self::Sqlite(pool) => {
                sqlx::query(
                    "INSERT INTO bench_plain (stream_id, payload, envelope) VALUES (?, ?, ?)",
                )
                .bind(stream_id)
                .bind(payload)
                .bind(ENVELOPE)
                .execute(pool)
                .await?;
            }
        }
        Ok(())
    }

    /// Rows inserted in one transaction as one multi-row statement (the way
    /// both backends of the store do it).
    pub async fn insert_batch(&self, stream_id: &str, payloads: &[Value]) -> anyhow::Result<()> {
        let texts = payloads
            .iter()
            .map(serde_json::to_string)
            .collect::<Result<Vec<_>, _>>()?;
        match self {
            Self::Postgres(pool) => {
                sqlx::query(
                    "INSERT INTO bench_plain (stream_id, payload, envelope) \
                     SELECT $1, p::jsonb, $3 FROM unnest($2::text[]) AS p",
                )
                .bind(stream_id)
                .bind(&texts)
                .bind(ENVELOPE)
                .execute(pool)
                .await?;
            }
            Self::Sqlite(pool) => {
                let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
                let mut insert = sqlx::QueryBuilder::<sqlx::Sqlite>::new(
                    "INSERT INTO bench_plain (stream_id, payload, envelope) ",
                );
                insert.push_values(texts, |mut row, text| {
                    row.push_bind(stream_id).push_bind(text).push_bind(ENVELOPE);
                });
                insert.build().execute(&mut *tx).await?;
                tx.commit().await?;
            }
        }
        Ok(())
    }

    /// Reads `count` rows in id order and parses their payloads; returns
    /// how many rows came back.
    pub async fn load(&self, count: i64) -> anyhow::Result<usize> {
        let payloads: Vec<Value> = match self {
            Self::Postgres(pool) => {
                sqlx::query("SELECT id, stream_id, payload FROM bench_plain ORDER BY id LIMIT $1")
                    .bind(count)
                    .fetch_all(pool)
                    .await?
                    .iter()
                    .map(|row| row.try_get::<Value, _>("payload"))
                    .collect::<Result<_, _>>()?
            }
            Self::Sqlite(pool) => {
                sqlx::query("SELECT id, stream_id, payload FROM bench_plain ORDER BY id LIMIT ?")
                    .bind(count)
                    .fetch_all(pool)
                    .await?
                    .iter()
                    .map(|row| {
                        let text: String = row.try_get("payload")?;
                        Ok(serde_json::from_str(&text)?)
                    })
                    .collect::<anyhow::Result<_>>()?
            }
        };
        Ok(payloads.len())
    }

    /// The durability settings in effect, for the report.
    pub async fn settings(&self) -> anyhow::Result<String> {
        match self {
            Self::Postgres(pool) => Ok(format!(
                "synchronous_commit = {}",
                postgres_synchronous_commit(pool).await?
            )),
            Self::Sqlite(pool) => sqlite_settings(pool).await,
        }
    }

    pub async fn close(&self) {
        match self {
            Self::Postgres(pool) => pool.close().await,
            Self::Sqlite(pool) => pool.close().await,
        }
    }
}

/// `SHOW synchronous_commit` on one connection of the pool.
pub async fn postgres_synchronous_commit(pool: &PgPool) -> anyhow::Result<String> {
    sqlx::query_scalar("SHOW synchronous_commit")
        .fetch_one(pool)
        .await
        .context("SHOW synchronous_commit")
}

/// `journal_mode` and `synchronous` of one connection of the pool; fails
/// unless they are WAL and FULL, the store's settings.
pub async fn sqlite_settings(pool: &SqlitePool) -> anyhow::Result<String> {
    let journal: String = sqlx::query_scalar("PRAGMA journal_mode")
        .fetch_one(pool)
        .await?;
    let synchronous: i64 = sqlx::query_scalar("PRAGMA synchronous")
        .fetch_one(pool)
        .await?;
    if !journal.eq_ignore_ascii_case("wal") || synchronous != 2 {
        bail!(
            "expected journal_mode=wal and synchronous=2 (FULL), got {journal} and {synchronous}"
        );
    }
    Ok(format!(
        "journal_mode = {journal}, synchronous = FULL ({synchronous})"
    ))
}

/// Single-row INSERTs per second with `writers` concurrent tasks.
pub async fn single_rate(db: &PlainDb, timing: Timing, writers: usize) -> anyhow::Result<f64> {
    rate(timing, writers, |writer, window| {
        let db = db.clone();
        async move {
            let stream_id = format!("plain-single-{writers}-w{writer}");
            let mut done = 0;
            let mut seq = 0;
            while window.running() {
                seq += 1;
                db.insert_one(&stream_id, &payload(seq))
                    .await
                    .context("plain INSERT")?;
                window.record(&mut done, 1);
            }
            Ok(done)
        }
    })
    .await
}

/// Rows per second inserted `batch` at a time, with `writers` tasks.
pub async fn batch_rate(
    db: &PlainDb,
    timing: Timing,
    writers: usize,
    batch: usize,
) -> anyhow::Result<f64> {
    rate(timing, writers, |writer, window| {
        let db = db.clone();
        async move {
            let stream_id = format!("plain-batch-{writers}-w{writer}");
            let mut done = 0;
            let mut seq = 0;
            while window.running() {
                let payloads: Vec<Value> = (0..batch)
                    .map(|_| {
                        seq += 1;
                        payload(seq)
                    })
                    .collect();
                db.insert_batch(&stream_id, &payloads)
                    .await
                    .context("plain batch INSERT")?;
                window.record(&mut done, batch as u64);
            }
            Ok(done)
        }
    })
    .await
}

/// Latency of reading `rows` rows with their payloads, `loads` times.
pub async fn load_latency(
    db: &PlainDb,
    timing: Timing,
    loads: usize,
    rows: usize,
) -> anyhow::Result<Latency> {
    let count = i64::try_from(rows)?;
    measure_latency(timing.warmup, loads, || async move {
        let loaded = db.load(count).await.context("plain SELECT")?;
        if loaded != rows {
            bail!("plain SELECT returned {loaded} rows, expected {rows}");
        }
        Ok(())
    })
    .await
}
