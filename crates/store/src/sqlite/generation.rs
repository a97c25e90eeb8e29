//! A new generation of the read models on SQLite ([`crate::generation`]).
//!
//! The live generation is three tables: `read_models`, and the search
//! index `read_models_search` and `read_models_fts` that triggers on
//! `read_models` keep. The next generation is the same three with
//! `read_models_next` in their names, made from the live schema's own
//! statements. The documents load without triggers; the search index is
//! then filled in bulk and the live schema's triggers added, so the
//! catch-up's writes keep it current. SQLite cannot rename an index or a
//! trigger, so the switch drops the `_next` triggers and builds the indexes
//! and triggers from the live schema's statements, under their names, after
//! dropping the old tables.

use std::path::Path;
use std::sync::Arc;

use sqlx::{AssertSqlSafe, Row, SqliteConnection};

use super::read::{event_columns, event_from_row};
use super::{SqliteEventStore, append, docs};
use crate::error::StoreError;
use crate::event::LogCursor;
use crate::generation::{self, CatchUp, ReadModels, RebuildLock, Switched};

/// The tables of one generation, by their live names.
const TABLES: [&str; 3] = ["read_models", "read_models_search", "read_models_fts"];

/// The lock of the rebuild: a file beside the database for other processes,
/// a mutex for this one.
#[derive(Debug, Clone)]
pub(super) struct RebuildGate {
    file: Option<Arc<std::path::PathBuf>>,
    mutex: Arc<tokio::sync::Mutex<()>>,
}

impl RebuildGate {
    pub(super) fn beside(database: &Path) -> Self {
        let mut name = database.as_os_str().to_owned();
        name.push(".rebuild-lock");
        Self {
            file: Some(Arc::new(name.into())),
            mutex: Arc::default(),
        }
    }

    fn open_file(&self) -> Result<Option<std::fs::File>, StoreError> {
        self.file
            .as_deref()
            .map(|path| {
                std::fs::OpenOptions::new()
                    .create(true)
                    .truncate(false)
                    .write(true)
                    .open(path)
                    .map_err(|error| {
                        StoreError::InvalidRequest(format!(
                            "cannot open {}: {error}",
                            path.display()
                        ))
                    })
            })
            .transpose()
    }

    pub(super) async fn lock(&self) -> Result<RebuildLock, StoreError> {
        let guard = self.mutex.clone().lock_owned().await;
        let file = self.open_file()?;
        let file = tokio::task::spawn_blocking(move || {
            if let Some(file) = &file {
                file.lock()?;
            }
            Ok::<_, std::io::Error>(file)
        })
        .await
        .map_err(|error| StoreError::InvalidRequest(format!("rebuild lock: {error}")))?
        .map_err(|error| StoreError::InvalidRequest(format!("rebuild lock: {error}")))?;
        Ok(RebuildLock::sqlite(file, guard))
    }

    pub(super) fn try_lock(&self) -> Result<Option<RebuildLock>, StoreError> {
        let Ok(guard) = self.mutex.clone().try_lock_owned() else {
            return Ok(None);
        };
        let file = self.open_file()?;
        if let Some(file) = &file {
            match file.try_lock() {
                Ok(()) => {}
                Err(std::fs::TryLockError::WouldBlock) => return Ok(None),
                Err(std::fs::TryLockError::Error(error)) => {
                    return Err(StoreError::InvalidRequest(format!("rebuild lock: {error}")));
                }
            }
        }
        Ok(Some(RebuildLock::sqlite(file, guard)))
    }
}

/// The statements that made the live generation's tables (with `tables`)
/// or its indexes and triggers, in the order they were made.
async fn live_schema(
    conn: &mut SqliteConnection,
    tables: bool,
) -> Result<Vec<(String, String)>, StoreError> {
    let rows = sqlx::query(
        "SELECT name, sql FROM sqlite_schema \
         WHERE sql IS NOT NULL AND ( \
             (?1 AND type = 'table' AND name IN ('read_models', 'read_models_search', 'read_models_fts')) \
             OR (NOT ?1 AND type IN ('index', 'trigger') AND tbl_name = 'read_models')) \
         ORDER BY rowid",
    )
    .bind(tables)
    .fetch_all(&mut *conn)
    .await?;
    rows.iter()
        .map(|row| Ok((row.try_get("name")?, row.try_get("sql")?)))
        .collect()
}

/// A live statement made into the next generation's: every name of the
/// generation starts with `read_models`, and nothing else contains it.
fn next_statement(sql: &str) -> String {
    sql.replace("read_models", "read_models_next")
}

async fn drop_next(conn: &mut SqliteConnection) -> Result<(), StoreError> {
    for table in TABLES {
        // Dropping a table drops its indexes and triggers.
        sqlx::query(AssertSqlSafe(format!(
            "DROP TABLE IF EXISTS {}",
            next_statement(table)
        )))
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

pub(super) async fn create_next(store: &SqliteEventStore) -> Result<(), StoreError> {
    let mut tx = append::begin(store).await?;
    drop_next(&mut tx).await?;
    for (_, sql) in live_schema(&mut tx, true).await? {
        sqlx::query(AssertSqlSafe(next_statement(&sql)))
            .execute(&mut *tx)
            .await?;
    }
    // No triggers yet: the search index is filled in bulk once the
    // documents are loaded (`index_next`), which is several times faster
    // than a trigger per document; the listing indexes are built at the
    // switch, under their live names.
    tx.commit().await?;
    Ok(())
}

/// Search rows made per transaction when the search index is filled: each
/// holds the one writer connection that appends wait for.
const SEARCH_FILL_CHUNK: i64 = 20_000;

/// Fills the next generation's search index from its loaded documents,
/// then adds the live generation's triggers, so the catch-up's writes keep
/// it current. Only the rebuild writes to the next generation, so the fill
/// may span transactions.
pub(super) async fn index_next(store: &SqliteEventStore) -> Result<(), StoreError> {
    let mut tx = append::begin(store).await?;
    sqlx::query(
        "INSERT INTO read_models_next_search (collection, id, tenant_id, sort_key) \
         SELECT collection, id, tenant_id, sort_key FROM read_models_next \
         WHERE search_text IS NOT NULL",
    )
    .execute(&mut *tx)
    .await?;
    let last: Option<i64> =
        sqlx::query_scalar("SELECT max(fts_rowid) FROM read_models_next_search")
            .fetch_one(&mut *tx)
            .await?;
    tx.commit().await?;
    let mut from = 0;
    while from < last.unwrap_or(0) {
        let mut tx = append::begin(store).await?;
        sqlx::query(
            "INSERT INTO read_models_next_fts (rowid, text) \
             SELECT s.fts_rowid, d.search_text FROM read_models_next_search s \
             JOIN read_models_next d ON d.collection = s.collection AND d.id = s.id \
             WHERE s.fts_rowid > ? AND s.fts_rowid <= ?",
        )
        .bind(from)
        .bind(from + SEARCH_FILL_CHUNK)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        from += SEARCH_FILL_CHUNK;
    }
    let mut tx = append::begin(store).await?;
    for (name, sql) in live_schema(&mut tx, false).await? {
        if sql
            .trim_start()
            .to_uppercase()
            .starts_with("CREATE TRIGGER")
        {
            tracing::debug!(trigger = %name, "next generation trigger");
            sqlx::query(AssertSqlSafe(next_statement(&sql)))
                .execute(&mut *tx)
                .await?;
        }
    }
    tx.commit().await?;
    Ok(())
}

pub(super) async fn switch(
    store: &SqliteEventStore,
    after: LogCursor,
    catch_up: CatchUp<'_>,
    versions: &[(&str, i32)],
) -> Result<Switched, StoreError> {
    // The write lock: no append commits until the switch has.
    let mut tx = append::begin(store).await?;
    let rows = sqlx::query(concat!(
        "SELECT ",
        event_columns!(),
        " FROM events e WHERE e.position > ? ORDER BY e.position"
    ))
    .bind(after.position)
    .fetch_all(&mut *tx)
    .await?;
    let events = rows
        .iter()
        .map(|row| event_from_row(store, row))
        .collect::<Result<Vec<_>, _>>()?;
    let keys = crate::personal::keyring_of(crate::personal::sqlite_all_keys(&mut *tx).await?)?;
    let last = generation::catch_up_last(events, &keys, after, catch_up, versions)?;
    docs::write(&mut tx, ReadModels::Next, last.writes).await?;
    let live = live_schema(&mut tx, false).await?;
    let next_triggers: Vec<String> = sqlx::query_scalar(
        "SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'read_models_next'",
    )
    .fetch_all(&mut *tx)
    .await?;
    for table in TABLES {
        sqlx::query(AssertSqlSafe(format!("DROP TABLE {table}")))
            .execute(&mut *tx)
            .await?;
    }
    for table in TABLES {
        // Renaming rewrites the references in the triggers too.
        sqlx::query(AssertSqlSafe(format!(
            "ALTER TABLE {} RENAME TO {table}",
            next_statement(table)
        )))
        .execute(&mut *tx)
        .await?;
    }
    for trigger in next_triggers {
        sqlx::query(AssertSqlSafe(format!("DROP TRIGGER \"{trigger}\"")))
            .execute(&mut *tx)
            .await?;
    }
    for (_, sql) in live {
        sqlx::query(AssertSqlSafe(sql)).execute(&mut *tx).await?;
    }
    for (name, checkpoint) in last.checkpoints {
        docs::save_checkpoint(&mut tx, name, checkpoint).await?;
    }
    tx.commit().await?;
    Ok(last.switched)
}
