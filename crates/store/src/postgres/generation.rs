//! A new generation of the read models on PostgreSQL ([`crate::generation`]).
//!
//! `read_models_next` copies the live table's columns (the generated search
//! vector too) and its indexes, named `<index>_next`; the switch renames
//! table and indexes, so the live generation always has the names the
//! migrations gave it and later migrations find them.

use sqlx::{AssertSqlSafe, PgConnection, Row};

use super::read::{event_columns, event_from_row};
use super::{PgEventStore, docs};
use crate::error::StoreError;
use crate::event::LogCursor;
use crate::generation::{self, CatchUp, ReadModels, RebuildLock, Switched};

/// The advisory lock's name (hashed to its key).
const LOCK_NAME: &str = "iiz.rebuild.read_models";

/// How long the switch waits for the live table before it gives up and
/// the rebuild catches up and tries again: while it waits, new readers
/// queue behind it.
const SWITCH_LOCK_TIMEOUT: &str = "SET LOCAL lock_timeout = '3s'";

/// PostgreSQL's code for a lock wait that hit `lock_timeout`.
const LOCK_NOT_AVAILABLE: &str = "55P03";

pub(super) async fn lock(store: &PgEventStore) -> Result<RebuildLock, StoreError> {
    let mut connection = store.pool.acquire().await?.detach();
    sqlx::query("SELECT pg_advisory_lock(hashtextextended($1, 0))")
        .bind(LOCK_NAME)
        .execute(&mut connection)
        .await?;
    Ok(RebuildLock::postgres(connection))
}

pub(super) async fn try_lock(store: &PgEventStore) -> Result<Option<RebuildLock>, StoreError> {
    let mut connection = store.pool.acquire().await?.detach();
    let locked: bool = sqlx::query_scalar("SELECT pg_try_advisory_lock(hashtextextended($1, 0))")
        .bind(LOCK_NAME)
        .fetch_one(&mut connection)
        .await?;
    if locked {
        Ok(Some(RebuildLock::postgres(connection)))
    } else {
        sqlx::Connection::close(connection).await.ok();
        Ok(None)
    }
}

/// A live index: its name, its definition, whether it is the primary key.
struct LiveIndex {
    name: String,
    definition: String,
    primary: bool,
}

async fn live_indexes(conn: &mut PgConnection) -> Result<Vec<LiveIndex>, StoreError> {
    let rows = sqlx::query(
        "SELECT c.relname AS name, pg_get_indexdef(i.indexrelid) AS definition, \
                i.indisprimary AS is_primary \
         FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid \
         WHERE i.indrelid = 'read_models'::regclass ORDER BY c.relname",
    )
    .fetch_all(&mut *conn)
    .await?;
    rows.iter()
        .map(|row| {
            Ok(LiveIndex {
                name: row.try_get("name")?,
                definition: row.try_get("definition")?,
                primary: row.try_get("is_primary")?,
            })
        })
        .collect()
}

/// `CREATE [UNIQUE] INDEX name ON schema.read_models USING …` made into the
/// same index named `name_next` on `schema.read_models_next`.
fn next_index_definition(index: &LiveIndex) -> Result<String, StoreError> {
    let unexpected = || {
        StoreError::Corrupt(format!(
            "index definition of {} not understood: {}",
            index.name, index.definition
        ))
    };
    let head = format!("INDEX {} ON ", index.name);
    let start = index.definition.find(&head).ok_or_else(unexpected)?;
    let table_start = start + head.len();
    let table_end = index.definition[table_start..]
        .find(" USING ")
        .map(|end| table_start + end)
        .ok_or_else(unexpected)?;
    Ok(format!(
        "{}INDEX \"{}_next\" ON {}_next{}",
        &index.definition[..start],
        index.name,
        &index.definition[table_start..table_end],
        &index.definition[table_end..],
    ))
}

pub(super) async fn create_next(store: &PgEventStore) -> Result<(), StoreError> {
    let mut tx = store.pool.begin().await?;
    sqlx::query("DROP TABLE IF EXISTS read_models_next")
        .execute(&mut *tx)
        .await?;
    sqlx::query(
        "CREATE TABLE read_models_next (LIKE read_models INCLUDING DEFAULTS \
         INCLUDING GENERATED INCLUDING CONSTRAINTS INCLUDING STORAGE INCLUDING COMPRESSION)",
    )
    .execute(&mut *tx)
    .await?;
    // The primary key now (writes upsert on it), the rest once loaded.
    for index in live_indexes(&mut tx).await? {
        if index.primary {
            create_index(&mut tx, &index).await?;
            sqlx::query(AssertSqlSafe(format!(
                "ALTER TABLE read_models_next ADD CONSTRAINT \"{0}_next\" \
                 PRIMARY KEY USING INDEX \"{0}_next\"",
                index.name
            )))
            .execute(&mut *tx)
            .await?;
        }
    }
    tx.commit().await?;
    Ok(())
}

async fn create_index(conn: &mut PgConnection, index: &LiveIndex) -> Result<(), StoreError> {
    sqlx::query(AssertSqlSafe(next_index_definition(index)?))
        .execute(&mut *conn)
        .await?;
    Ok(())
}

pub(super) async fn index_next(store: &PgEventStore) -> Result<(), StoreError> {
    let mut conn = store.pool.acquire().await?;
    for index in live_indexes(&mut conn).await? {
        if !index.primary {
            create_index(&mut conn, &index).await?;
        }
    }
    // Plans for the new table need its statistics from the first query on.
    sqlx::query("ANALYZE read_models_next")
        .execute(&mut *conn)
        .await?;
    Ok(())
}

pub(super) async fn switch(
    store: &PgEventStore,
    after: LogCursor,
    catch_up: CatchUp<'_>,
    versions: &[(&str, i32)],
) -> Result<Switched, StoreError> {
    let mut tx = store.pool.begin().await?;
    sqlx::query(SWITCH_LOCK_TIMEOUT).execute(&mut *tx).await?;
    // Waits for every transaction that read or wrote documents (an append
    // projecting inline) to end and keeps new ones waiting until commit.
    if let Err(error) = sqlx::query("LOCK TABLE read_models IN ACCESS EXCLUSIVE MODE")
        .execute(&mut *tx)
        .await
    {
        return Err(match error.as_database_error().and_then(|e| e.code()) {
            Some(code) if code == LOCK_NOT_AVAILABLE => {
                StoreError::Contention("the live read models stayed busy".to_owned())
            }
            _ => error.into(),
        });
    }
    // Every transaction that projected an event has now ended, so the rest
    // of the log it needs is what this statement sees after `after`; the
    // rebuild's cursor is below the horizon, so nothing behind it can still
    // commit. Appends still running project into the new generation.
    let rows = sqlx::query(concat!(
        "SELECT ",
        event_columns!(),
        " FROM events e WHERE (e.tx_id, e.position) > ($1::bigint::text::xid8, $2) \
         ORDER BY e.tx_id, e.position"
    ))
    .bind(after.tx)
    .bind(after.position)
    .fetch_all(&mut *tx)
    .await?;
    let events = rows
        .iter()
        .map(|row| event_from_row(store, row))
        .collect::<Result<Vec<_>, _>>()?;
    let keys = crate::personal::keyring_of(crate::personal::pg_all_keys(&mut *tx).await?)?;
    let last = generation::catch_up_last(events, &keys, after, catch_up, versions)?;
    docs::write(&mut tx, ReadModels::Next, last.writes).await?;
    let next_indexes: Vec<String> = sqlx::query_scalar(
        "SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid \
         WHERE i.indrelid = 'read_models_next'::regclass",
    )
    .fetch_all(&mut *tx)
    .await?;
    sqlx::query("DROP TABLE read_models")
        .execute(&mut *tx)
        .await?;
    sqlx::query("ALTER TABLE read_models_next RENAME TO read_models")
        .execute(&mut *tx)
        .await?;
    for name in next_indexes {
        let Some(live_name) = name.strip_suffix("_next") else {
            return Err(StoreError::Corrupt(format!(
                "index {name} of the next read models has no _next suffix"
            )));
        };
        // Renaming the primary key's index renames its constraint too.
        sqlx::query(AssertSqlSafe(format!(
            "ALTER INDEX \"{name}\" RENAME TO \"{live_name}\""
        )))
        .execute(&mut *tx)
        .await?;
    }
    for (name, checkpoint) in last.checkpoints {
        docs::save_checkpoint(&mut tx, name, checkpoint).await?;
    }
    tx.commit().await?;
    Ok(last.switched)
}
