//! The reference: the same tracking items as rows of one normalised table
//! (an item per recommendation and addressee, with the recommendation's
//! stage, dates and focus area copied in), and the national figures as
//! plain SQL aggregates. On PostgreSQL the table sits in the store's
//! database; on SQLite it is a file of its own with the store's settings.

use std::path::Path;

use anyhow::Context;
use chrono::NaiveDate;
use sqlx::postgres::PgPoolOptions;
use sqlx::sqlite::SqlitePoolOptions;
use sqlx::{AssertSqlSafe, PgPool, QueryBuilder, Row, SqlSafeStr, SqlStr, SqlitePool};

const PG_SCHEMA: [&str; 2] = [
    "CREATE TABLE plain_recommendation_items (recommendation text NOT NULL, \
     addressee text NOT NULL, title text NOT NULL, focus_area text NOT NULL, \
     stage text NOT NULL, published_on date, answer_due date NOT NULL, \
     rhythm_months integer NOT NULL, acceptance text, committed_on date, status text, \
     reported_until date, priority boolean NOT NULL, flagged boolean NOT NULL, \
     PRIMARY KEY (recommendation, addressee))",
    "CREATE INDEX plain_recommendation_items_stage \
     ON plain_recommendation_items (stage, acceptance, status)",
];

const SQLITE_SCHEMA: [&str; 2] = [
    "CREATE TABLE plain_recommendation_items (recommendation TEXT NOT NULL, \
     addressee TEXT NOT NULL, title TEXT NOT NULL, focus_area TEXT NOT NULL, \
     stage TEXT NOT NULL, published_on TEXT, answer_due TEXT NOT NULL, \
     rhythm_months INTEGER NOT NULL, acceptance TEXT, committed_on TEXT, status TEXT, \
     reported_until TEXT, priority INTEGER NOT NULL, flagged INTEGER NOT NULL, \
     PRIMARY KEY (recommendation, addressee))",
    "CREATE INDEX plain_recommendation_items_stage \
     ON plain_recommendation_items (stage, acceptance, status)",
];

/// The due rule of `due_next`: the answer by the answer date; after an
/// answer that commits, the next report one rhythm after the last reported
/// period (or the answer date) until a final status; nothing on a
/// recommendation that is not published. `{add}` adds the rhythm's months.
const DUE: &str = "CASE WHEN stage <> 'published' THEN NULL \
     WHEN acceptance IS NULL THEN answer_due \
     WHEN acceptance NOT IN ('accepted', 'partly_accepted') THEN NULL \
     WHEN status IN ('implemented', 'not_implemented') THEN NULL \
     ELSE {add} END";

/// Month ends stay month ends (31 August + 6 months = 28 February), as in
/// the app.
const PG_ADD: &str =
    "(COALESCE(reported_until, answer_due) + make_interval(months => rhythm_months))::date";
const SQLITE_ADD: &str =
    "date(COALESCE(reported_until, answer_due), '+' || rhythm_months || ' months', 'floor')";

/// Totals per acceptance and status, then per addressee and per focus
/// area, over the items of published and closed recommendations; `{as_of}`
/// is the day of reading.
const FIGURES: &str = "WITH items AS (SELECT addressee, focus_area, acceptance, status, \
     CASE WHEN acceptance IN ('accepted', 'partly_accepted') THEN 1 ELSE 0 END AS committed, \
     {due} AS due FROM plain_recommendation_items WHERE stage IN ('published', 'closed')), \
     figures AS MATERIALIZED (SELECT addressee, focus_area, acceptance, status, committed, \
     CASE WHEN committed = 1 AND status = 'implemented' THEN 1 ELSE 0 END AS implemented, \
     CASE WHEN due < {as_of} THEN 1 ELSE 0 END AS overdue FROM items) \
     SELECT 'total' AS dimension, COALESCE(acceptance, '') AS label, COALESCE(status, '') AS status, \
     count(*) AS items, sum(committed) AS committed, sum(implemented) AS implemented, \
     sum(overdue) AS overdue FROM figures GROUP BY acceptance, status \
     UNION ALL SELECT 'addressee', addressee, '', count(*), sum(committed), sum(implemented), \
     sum(overdue) FROM figures GROUP BY addressee \
     UNION ALL SELECT 'focus_area', focus_area, '', count(*), sum(committed), sum(implemented), \
     sum(overdue) FROM figures GROUP BY focus_area";

/// The overdue items, most overdue first.
const OVERDUE: &str = "SELECT recommendation, title, addressee, kind, due, {days} AS days, \
     priority FROM (SELECT recommendation, title, addressee, priority, \
     CASE WHEN acceptance IS NULL THEN 'answer' ELSE 'report' END AS kind, {due} AS due \
     FROM plain_recommendation_items WHERE stage = 'published') AS items \
     WHERE due < {as_of} ORDER BY due, addressee, recommendation";

/// A query of this dialect: built from the constants above, no input.
fn query(template: &str, add: &str, as_of: &str, days: &str) -> SqlStr {
    let sql = template
        .replace("{due}", &DUE.replace("{add}", add))
        .replace("{as_of}", as_of)
        .replace("{days}", days);
    AssertSqlSafe(std::sync::Arc::<str>::from(sql)).into_sql_str()
}

/// One tracking item as a plain row.
#[derive(Debug, Clone)]
pub struct PlainItem {
    pub recommendation: String,
    pub addressee: String,
    pub title: String,
    pub focus_area: String,
    pub stage: String,
    pub published_on: Option<NaiveDate>,
    pub answer_due: NaiveDate,
    pub rhythm_months: i32,
    pub acceptance: Option<String>,
    pub committed_on: Option<NaiveDate>,
    pub status: Option<String>,
    pub reported_until: Option<NaiveDate>,
    pub priority: bool,
    pub flagged: bool,
}

/// One row of the figures query: a `dimension` (`total`, `addressee`,
/// `focus_area`) and its label (for totals the acceptance, with the
/// status; empty for none).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FigureRow {
    pub dimension: String,
    pub label: String,
    pub status: String,
    pub items: i64,
    pub committed: i64,
    pub implemented: i64,
    pub overdue: i64,
}

/// One overdue item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OverdueRow {
    pub recommendation: String,
    pub title: String,
    pub addressee: String,
    pub kind: String,
    pub due: NaiveDate,
    pub days: i64,
    pub priority: bool,
}

/// The plain table on either backend, with its two queries.
#[derive(Debug, Clone)]
pub enum PlainItems {
    Postgres {
        pool: PgPool,
        figures: SqlStr,
        overdue: SqlStr,
    },
    Sqlite {
        pool: SqlitePool,
        figures: SqlStr,
        overdue: SqlStr,
    },
}

/// Rows per INSERT (PostgreSQL takes at most 65 535 parameters).
const INSERT_ROWS: usize = 1000;

impl PlainItems {
    pub async fn postgres(url: &str) -> anyhow::Result<Self> {
        let pool = PgPoolOptions::new()
            .max_connections(4)
            .connect(url)
            .await
            .context("connect the reference pool")?;
        for statement in PG_SCHEMA {
            sqlx::query(statement).execute(&pool).await?;
        }
        Ok(Self::Postgres {
            pool,
            figures: query(FIGURES, PG_ADD, "$1", ""),
            overdue: query(OVERDUE, PG_ADD, "$1", "($1 - due)"),
        })
    }

    /// A new file at `path` with the store's settings.
    pub async fn sqlite(path: &Path) -> anyhow::Result<Self> {
        let pool = SqlitePoolOptions::new()
            .max_connections(4)
            .connect_with(iiz_store::SqliteEventStore::connect_options(path))
            .await
            .with_context(|| format!("open {}", path.display()))?;
        for statement in SQLITE_SCHEMA {
            sqlx::query(statement).execute(&pool).await?;
        }
        Ok(Self::Sqlite {
            pool,
            figures: query(FIGURES, SQLITE_ADD, "?1", ""),
            overdue: query(
                OVERDUE,
                SQLITE_ADD,
                "?1",
                "CAST(julianday(?1) - julianday(due) AS INTEGER)",
            ),
        })
    }

    /// Inserts the rows, then gathers the planner statistics.
    pub async fn load(&self, rows: &[PlainItem]) -> anyhow::Result<()> {
        const INSERT: &str = "INSERT INTO plain_recommendation_items (recommendation, addressee, \
             title, focus_area, stage, published_on, answer_due, rhythm_months, acceptance, \
             committed_on, status, reported_until, priority, flagged) ";
        match self {
            Self::Postgres { pool, .. } => {
                for chunk in rows.chunks(INSERT_ROWS) {
                    let mut insert = QueryBuilder::<sqlx::Postgres>::new(INSERT);
                    insert.push_values(chunk, |mut values, row| {
                        values
                            .push_bind(&row.recommendation)
                            .push_bind(&row.addressee)
                            .push_bind(&row.title)
                            .push_bind(&row.focus_area)
                            .push_bind(&row.stage)
                            .push_bind(row.published_on)
                            .push_bind(row.answer_due)
                            .push_bind(row.rhythm_months)
                            .push_bind(&row.acceptance)
                            .push_bind(row.committed_on)
                            .push_bind(&row.status)
                            .push_bind(row.reported_until)
                            .push_bind(row.priority)
                            .push_bind(row.flagged);
                    });
                    insert.build().execute(pool).await?;
                }
                sqlx::query("ANALYZE plain_recommendation_items")
                    .execute(pool)
                    .await?;
            }
            Self::Sqlite { pool, .. } => {
                let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
                for chunk in rows.chunks(INSERT_ROWS) {
                    let mut insert = QueryBuilder::<sqlx::Sqlite>::new(INSERT);
                    insert.push_values(chunk, |mut values, row| {
                        values
                            .push_bind(&row.recommendation)
                            .push_bind(&row.addressee)
                            .push_bind(&row.title)
                            .push_bind(&row.focus_area)
                            .push_bind(&row.stage)
                            .push_bind(row.published_on)
                            .push_bind(row.answer_due)
                            .push_bind(row.rhythm_months)
                            .push_bind(&row.acceptance)
                            .push_bind(row.committed_on)
                            .push_bind(&row.status)
                            .push_bind(row.reported_until)
                            .push_bind(row.priority)
                            .push_bind(row.flagged);
                    });
                    insert.build().execute(&mut *tx).await?;
                }
                tx.commit().await?;
                sqlx::query("ANALYZE").execute(pool).await?;
            }
        }
        Ok(())
    }

    /// The figures and the overdue list on `as_of`: what one dashboard
    /// load computes, as plain SQL.
    pub async fn dashboard(
        &self,
        as_of: NaiveDate,
    ) -> anyhow::Result<(Vec<FigureRow>, Vec<OverdueRow>)> {
        Ok(match self {
            Self::Postgres {
                pool,
                figures,
                overdue,
            } => {
                let figure_rows = sqlx::query(figures.clone())
                    .bind(as_of)
                    .fetch_all(pool)
                    .await?;
                let overdue_rows = sqlx::query(overdue.clone())
                    .bind(as_of)
                    .fetch_all(pool)
                    .await?;
                (
                    figure_rows
                        .iter()
                        .map(figure)
                        .collect::<Result<_, sqlx::Error>>()?,
                    overdue_rows
                        .iter()
                        .map(|row| {
                            Ok(OverdueRow {
                                recommendation: row.try_get("recommendation")?,
                                title: row.try_get("title")?,
                                addressee: row.try_get("addressee")?,
                                kind: row.try_get("kind")?,
                                due: row.try_get("due")?,
                                days: i64::from(row.try_get::<i32, _>("days")?),
                                priority: row.try_get("priority")?,
                            })
                        })
                        .collect::<Result<_, sqlx::Error>>()?,
                )
            }
            Self::Sqlite {
                pool,
                figures,
                overdue,
            } => {
                let figure_rows = sqlx::query(figures.clone())
                    .bind(as_of)
                    .fetch_all(pool)
                    .await?;
                let overdue_rows = sqlx::query(overdue.clone())
                    .bind(as_of)
                    .fetch_all(pool)
                    .await?;
                (
                    figure_rows
                        .iter()
                        .map(figure)
                        .collect::<Result<_, sqlx::Error>>()?,
                    overdue_rows
                        .iter()
                        .map(|row| {
                            Ok(OverdueRow {
                                recommendation: row.try_get("recommendation")?,
                                title: row.try_get("title")?,
                                addressee: row.try_get("addressee")?,
                                kind: row.try_get("kind")?,
                                due: row.try_get("due")?,
                                days: row.try_get("days")?,
                                priority: row.try_get("priority")?,
                            })
                        })
                        .collect::<Result<_, sqlx::Error>>()?,
                )
            }
        })
    }

    pub async fn close(&self) {
        match self {
            Self::Postgres { pool, .. } => pool.close().await,
            Self::Sqlite { pool, .. } => pool.close().await,
        }
    }
}

/// A row of the figures query (counts and sums are `bigint` on PostgreSQL,
/// integers on SQLite).
fn figure<R>(row: &R) -> Result<FigureRow, sqlx::Error>
where
    R: Row,
    for<'r> &'r str: sqlx::ColumnIndex<R>,
    for<'r> String: sqlx::Decode<'r, R::Database> + sqlx::Type<R::Database>,
    for<'r> i64: sqlx::Decode<'r, R::Database> + sqlx::Type<R::Database>,
{
    Ok(FigureRow {
        dimension: row.try_get("dimension")?,
        label: row.try_get("label")?,
        status: row.try_get("status")?,
        items: row.try_get("items")?,
        committed: row.try_get("committed")?,
        implemented: row.try_get("implemented")?,
        overdue: row.try_get("overdue")?,
    })
}
