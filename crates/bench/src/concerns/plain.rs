//! The reference: the same concerns as rows of a plain table with the
//! indexes a hand-written schema would have, queried with plain SQL. On
//! PostgreSQL the table sits in the store's database and indexes its text
//! with the store's search configurations; on SQLite it is a file of its
//! own with the store's settings and an FTS5 index with the store's
//! tokenizer.

use std::path::Path;

use anyhow::Context;
use chrono::{DateTime, Utc};
use iiz_app::App;
use iiz_projections::{CONCERNS, ConcernView, time_key};
use iiz_store::{DocQuery, EventStore, SearchLanguage};
use sqlx::postgres::PgPoolOptions;
use sqlx::sqlite::SqlitePoolOptions;
use sqlx::{PgPool, QueryBuilder, Row, SqlitePool};

/// Rows one query returns: a page of 50 and the one that tells whether
/// another page follows, as the app asks for.
pub const PAGE_ROWS: i64 = 51;

const PG_SCHEMA: [&str; 4] = [
    "CREATE TABLE plain_concerns (id text PRIMARY KEY, origin text NOT NULL, tenant_id text, \
     title text NOT NULL, description text NOT NULL, stage text NOT NULL, \
     drafted_at timestamptz NOT NULL, submitted_at timestamptz, search_config regconfig NOT NULL, \
     search_text text NOT NULL, \
     search tsvector GENERATED ALWAYS AS (to_tsvector(search_config, search_text)) STORED)",
    "CREATE INDEX plain_concerns_queue ON plain_concerns (stage, submitted_at, id)",
    "CREATE INDEX plain_concerns_drafted ON plain_concerns (drafted_at, id)",
    "CREATE INDEX plain_concerns_search ON plain_concerns USING GIN (search)",
];

const SQLITE_SCHEMA: [&str; 4] = [
    "CREATE TABLE plain_concerns (id TEXT PRIMARY KEY, origin TEXT NOT NULL, tenant_id TEXT, \
     title TEXT NOT NULL, description TEXT NOT NULL, stage TEXT NOT NULL, \
     drafted_at TEXT NOT NULL, submitted_at TEXT, search_text TEXT NOT NULL)",
    "CREATE INDEX plain_concerns_queue ON plain_concerns (stage, submitted_at, id)",
    "CREATE INDEX plain_concerns_drafted ON plain_concerns (drafted_at, id)",
    "CREATE VIRTUAL TABLE plain_concerns_fts USING fts5(text, content = '', \
     tokenize = 'unicode61 remove_diacritics 2')",
];

const PG_INSERT: &str = "INSERT INTO plain_concerns (id, origin, tenant_id, title, description, \
     stage, drafted_at, submitted_at, search_config, search_text) \
     SELECT id, origin, tenant_id, title, description, stage, drafted_at, submitted_at, \
     config::regconfig, search_text FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], \
     $5::text[], $6::text[], $7::timestamptz[], $8::timestamptz[], $9::text[], $10::text[]) \
     AS t(id, origin, tenant_id, title, description, stage, drafted_at, submitted_at, config, \
     search_text)";

const PG_INTAKE: &str = "SELECT id, origin, title, stage, submitted_at FROM plain_concerns \
     WHERE stage = 'awaiting_triage' ORDER BY submitted_at, id LIMIT $1";
const SQLITE_INTAKE: &str = "SELECT id, origin, title, stage, submitted_at FROM plain_concerns \
     WHERE stage = 'awaiting_triage' ORDER BY submitted_at, id LIMIT ?";

/// The same query in every language, as the store asks it.
const PG_SEARCH: &str = "SELECT id, origin, title, description, stage, drafted_at \
     FROM plain_concerns WHERE (tenant_id = $1 OR tenant_id IS NULL) AND search @@ \
     (to_tsquery('iiz_german', $2) || to_tsquery('iiz_french', $2) \
     || to_tsquery('iiz_italian', $2) || to_tsquery('iiz_simple', $2)) \
     ORDER BY drafted_at DESC, id DESC LIMIT $3";
const SQLITE_SEARCH: &str = "SELECT id, origin, title, description, stage, drafted_at \
     FROM plain_concerns WHERE rowid IN (SELECT rowid FROM plain_concerns_fts \
     WHERE plain_concerns_fts MATCH ?) AND (tenant_id = ? OR tenant_id IS NULL) \
     ORDER BY drafted_at DESC, id DESC LIMIT ?";

/// One concern as a plain row.
#[derive(Debug, Clone)]
pub struct PlainConcern {
    id: String,
    origin: String,
    tenant: Option<String>,
    title: String,
    description: String,
    stage: String,
    drafted_at: DateTime<Utc>,
    submitted_at: Option<DateTime<Utc>>,
    language: SearchLanguage,
    search_text: String,
}

impl PlainConcern {
    /// The row of a concern document (its tenant and search text as the
    /// store keeps them).
    pub fn new(
        view: &ConcernView,
        tenant: Option<String>,
        search: (SearchLanguage, String),
    ) -> Self {
        Self {
            id: view.id.to_string(),
            origin: view.origin.as_str().to_owned(),
            tenant,
            title: view.title.clone(),
            description: view.description.clone(),
            stage: view.stage.as_str().to_owned(),
            drafted_at: view.drafted_at,
            submitted_at: view.submitted_at,
            language: search.0,
            search_text: search.1,
        }
    }
}

fn pg_config(language: SearchLanguage) -> &'static str {
    match language {
        SearchLanguage::De => "iiz_german",
        SearchLanguage::Fr => "iiz_french",
        SearchLanguage::It => "iiz_italian",
        SearchLanguage::Simple => "iiz_simple",
    }
}

/// The lowercase words of a query, as the store takes them from input.
fn words(text: &str) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    for word in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
    {
        let word = word.to_lowercase();
        if !words.contains(&word) {
            words.push(word);
        }
    }
    words
}

/// The plain table on either backend.
#[derive(Debug, Clone)]
pub enum PlainConcerns {
    Postgres(PgPool),
    Sqlite(SqlitePool),
}

impl PlainConcerns {
    pub async fn postgres(url: &str) -> anyhow::Result<Self> {
        let pool = PgPoolOptions::new()
            .max_connections(4)
            .connect(url)
            .await
            .context("connect the reference pool")?;
        for statement in PG_SCHEMA {
            sqlx::query(statement).execute(&pool).await?;
        }
        Ok(Self::Postgres(pool))
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
        Ok(Self::Sqlite(pool))
    }

    /// Inserts rows in one transaction.
    pub async fn insert(&self, rows: &[PlainConcern]) -> anyhow::Result<()> {
        match self {
            Self::Postgres(pool) => {
                let column = |get: fn(&PlainConcern) -> String| -> Vec<String> {
                    rows.iter().map(get).collect()
                };
                sqlx::query(PG_INSERT)
                    .bind(column(|row| row.id.clone()))
                    .bind(column(|row| row.origin.clone()))
                    .bind(
                        rows.iter()
                            .map(|row| row.tenant.clone())
                            .collect::<Vec<_>>(),
                    )
                    .bind(column(|row| row.title.clone()))
                    .bind(column(|row| row.description.clone()))
                    .bind(column(|row| row.stage.clone()))
                    .bind(rows.iter().map(|row| row.drafted_at).collect::<Vec<_>>())
                    .bind(rows.iter().map(|row| row.submitted_at).collect::<Vec<_>>())
                    .bind(column(|row| pg_config(row.language).to_owned()))
                    .bind(column(|row| row.search_text.clone()))
                    .execute(pool)
                    .await
                    .context("insert plain concerns")?;
            }
            Self::Sqlite(pool) => {
                let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
                let mut insert = QueryBuilder::<sqlx::Sqlite>::new(
                    "INSERT INTO plain_concerns (id, origin, tenant_id, title, description, \
                     stage, drafted_at, submitted_at, search_text) ",
                );
                insert.push_values(rows, |mut values, row| {
                    values
                        .push_bind(&row.id)
                        .push_bind(&row.origin)
                        .push_bind(&row.tenant)
                        .push_bind(&row.title)
                        .push_bind(&row.description)
                        .push_bind(&row.stage)
                        .push_bind(time_key(row.drafted_at))
                        .push_bind(row.submitted_at.map(time_key))
                        .push_bind(&row.search_text);
                });
                insert.build().execute(&mut *tx).await?;
                tx.commit().await?;
            }
        }
        Ok(())
    }

    /// Builds the text index and the planner statistics after loading.
    pub async fn finish(&self) -> anyhow::Result<()> {
        match self {
            // Autovacuum would analyze the new rows soon; doing it now makes
            // the run repeatable. The store's tables are analyzed alike.
            Self::Postgres(pool) => {
                sqlx::query("ANALYZE").execute(pool).await?;
            }
            Self::Sqlite(pool) => {
                sqlx::query(
                    "INSERT INTO plain_concerns_fts (rowid, text) \
                     SELECT rowid, search_text FROM plain_concerns",
                )
                .execute(pool)
                .await?;
            }
        }
        Ok(())
    }

    /// The ids of the 50 oldest concerns awaiting triage (and the next).
    pub async fn intake(&self) -> anyhow::Result<Vec<String>> {
        Ok(match self {
            Self::Postgres(pool) => {
                let rows = sqlx::query(PG_INTAKE)
                    .bind(PAGE_ROWS)
                    .fetch_all(pool)
                    .await?;
                rows.iter()
                    .map(|row| {
                        let _: (String, String, Option<DateTime<Utc>>) = (
                            row.try_get("origin")?,
                            row.try_get("title")?,
                            row.try_get("submitted_at")?,
                        );
                        row.try_get("id")
                    })
                    .collect::<Result<_, sqlx::Error>>()?
            }
            Self::Sqlite(pool) => {
                let rows = sqlx::query(SQLITE_INTAKE)
                    .bind(PAGE_ROWS)
                    .fetch_all(pool)
                    .await?;
                rows.iter()
                    .map(|row| {
                        let _: (String, String, Option<String>) = (
                            row.try_get("origin")?,
                            row.try_get("title")?,
                            row.try_get("submitted_at")?,
                        );
                        row.try_get("id")
                    })
                    .collect::<Result<_, sqlx::Error>>()?
            }
        })
    }

    /// The ids of the newest concerns of `tenant` and the shared ones that
    /// hold every word of `text`, newest first.
    pub async fn search(&self, tenant: &str, text: &str) -> anyhow::Result<Vec<String>> {
        let words = words(text);
        Ok(match self {
            Self::Postgres(pool) => {
                let query = words
                    .iter()
                    .map(|word| format!("'{word}':*"))
                    .collect::<Vec<_>>()
                    .join(" & ");
                let rows = sqlx::query(PG_SEARCH)
                    .bind(tenant)
                    .bind(query)
                    .bind(PAGE_ROWS)
                    .persistent(false)
                    .fetch_all(pool)
                    .await?;
                rows.iter()
                    .map(|row| {
                        let _: (String, String, String, DateTime<Utc>) = (
                            row.try_get("title")?,
                            row.try_get("description")?,
                            row.try_get("stage")?,
                            row.try_get("drafted_at")?,
                        );
                        row.try_get("id")
                    })
                    .collect::<Result<_, sqlx::Error>>()?
            }
            Self::Sqlite(pool) => {
                let query = words
                    .iter()
                    .map(|word| format!("\"{}\"*", word.replace('"', "\"\"")))
                    .collect::<Vec<_>>()
                    .join(" AND ");
                let rows = sqlx::query(SQLITE_SEARCH)
                    .bind(query)
                    .bind(tenant)
                    .bind(PAGE_ROWS)
                    .fetch_all(pool)
                    .await?;
                rows.iter()
                    .map(|row| {
                        let _: (String, String, String, String) = (
                            row.try_get("title")?,
                            row.try_get("description")?,
                            row.try_get("stage")?,
                            row.try_get("drafted_at")?,
                        );
                        row.try_get("id")
                    })
                    .collect::<Result<_, sqlx::Error>>()?
            }
        })
    }

    pub async fn close(&self) {
        match self {
            Self::Postgres(pool) => pool.close().await,
            Self::Sqlite(pool) => pool.close().await,
        }
    }
}

/// Documents copied to the plain table per batch.
const COPY_BATCH: usize = 500;

/// Copies every concern document to the plain table, in pages.
pub async fn copy_to_plain(app: &App, plain: &PlainConcerns) -> anyhow::Result<()> {
    let mut after = None;
    loop {
        let query = DocQuery {
            collection: CONCERNS.to_owned(),
            after: after.clone(),
            limit: COPY_BATCH,
            ..DocQuery::default()
        };
        let docs = app.store().docs(&query).await?;
        let Some(last) = docs.last() else {
            return Ok(());
        };
        after = Some((last.sort_key.clone(), last.key.id.clone()));
        let rows = docs
            .into_iter()
            .map(|doc| {
                let view: ConcernView = serde_json::from_value(doc.body)?;
                let search = doc.search.context("a concern without search text")?;
                Ok(PlainConcern::new(
                    &view,
                    doc.tenant,
                    (search.language, search.text),
                ))
            })
            .collect::<anyhow::Result<Vec<_>>>()?;
        plain.insert(&rows).await?;
    }
}
