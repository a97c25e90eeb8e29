//! Read-model documents and checkpoints on SQLite.

use sqlx::sqlite::SqliteRow;
use sqlx::{QueryBuilder, Row, Sqlite, SqliteConnection, SqlitePool};

use super::read::now_text;
use crate::Checkpoint;

use serde::de::DeserializeOwned;

use crate::docs::{Doc, DocKey, DocWrite, TypedDoc};
use crate::error::StoreError;
use crate::event::LogCursor;
use crate::generation::ReadModels;
use crate::search::{SearchLanguage, SearchText};

/// The columns a document is read from, `d` being `read_models`.
macro_rules! doc_columns {
    () => {
        "d.collection, d.id, d.tenant_id, d.sort_key, d.body, d.search_language, d.search_text"
    };
}
pub(super) use doc_columns;

pub(super) fn doc_from_row(row: &SqliteRow) -> Result<Doc, StoreError> {
    let doc = typed_doc_from_row(row)?;
    let text: Option<String> = row.try_get("search_text")?;
    let code: Option<String> = row.try_get("search_language")?;
    let search = match text {
        None => None,
        Some(text) => {
            let code = code.unwrap_or_default();
            let language = SearchLanguage::from_code(&code)
                .ok_or_else(|| StoreError::Corrupt(format!("unknown search language '{code}'")))?;
            Some(SearchText { language, text })
        }
    };
    Ok(doc.with_search(search))
}

/// A row of `doc_columns!` with its body read straight into `T`.
pub(super) fn typed_doc_from_row<T: DeserializeOwned>(
    row: &SqliteRow,
) -> Result<TypedDoc<T>, StoreError> {
    let body: &str = row.try_get("body")?;
    Ok(TypedDoc {
        key: DocKey {
            collection: row.try_get("collection")?,
            id: row.try_get("id")?,
        },
        tenant: row.try_get("tenant_id")?,
        sort_key: row.try_get("sort_key")?,
        body: serde_json::from_str(body)
            .map_err(|error| StoreError::Corrupt(format!("document: {error}")))?,
    })
}

pub(super) async fn load(
    conn: &mut SqliteConnection,
    keys: &[DocKey],
) -> Result<Vec<Doc>, StoreError> {
    let mut docs = Vec::with_capacity(keys.len());
    for key in keys {
        let row = sqlx::query(concat!(
            "SELECT ",
            doc_columns!(),
            " FROM read_models d WHERE d.collection = ? AND d.id = ?",
        ))
        .bind(&key.collection)
        .bind(&key.id)
        .fetch_optional(&mut *conn)
        .await?;
        if let Some(row) = row {
            docs.push(doc_from_row(&row)?);
        }
    }
    Ok(docs)
}

/// Documents per statement: one round trip to SQLite's worker thread
/// writes many rows (7 parameters each, far below SQLite's limit of
/// 32 766), which a rebuild's hundreds of thousands of documents need.
const ROWS_PER_STATEMENT: usize = 100;

/// The start of the upsert of a table's documents; the rows follow.
fn upsert_head(table: ReadModels) -> &'static str {
    match table {
        ReadModels::Live => {
            "INSERT INTO read_models \
             (collection, id, tenant_id, sort_key, body, search_language, search_text) "
        }
        ReadModels::Next => {
            "INSERT INTO read_models_next \
             (collection, id, tenant_id, sort_key, body, search_language, search_text) "
        }
    }
}

const UPSERT_TAIL: &str = " ON CONFLICT (collection, id) DO UPDATE SET \
    tenant_id = excluded.tenant_id, sort_key = excluded.sort_key, body = excluded.body, \
    search_language = excluded.search_language, search_text = excluded.search_text";

/// Writes the changes in their order, consecutive puts (and consecutive
/// deletes) a statement of up to [`ROWS_PER_STATEMENT`] rows each. The search
/// index follows through triggers (migration 0015).
pub(super) async fn write(
    conn: &mut SqliteConnection,
    table: ReadModels,
    writes: Vec<DocWrite>,
) -> Result<(), StoreError> {
    let mut writes = writes.into_iter().peekable();
    while let Some(first) = writes.next() {
        match first {
            DocWrite::Put(doc) => {
                let mut docs = vec![doc];
                while docs.len() < ROWS_PER_STATEMENT
                    && let Some(DocWrite::Put(doc)) =
                        writes.next_if(|write| matches!(write, DocWrite::Put(_)))
                {
                    docs.push(doc);
                }
                put(conn, table, docs).await?;
            }
            DocWrite::Delete(key) => {
                let mut keys = vec![key];
                while keys.len() < ROWS_PER_STATEMENT
                    && let Some(DocWrite::Delete(key)) =
                        writes.next_if(|write| matches!(write, DocWrite::Delete(_)))
                {
                    keys.push(key);
                }
                delete(conn, table, keys).await?;
            }
        }
    }
    Ok(())
}

/// A document as the columns it is stored in.
struct StoredDoc {
    key: DocKey,
    tenant: Option<String>,
    sort_key: String,
    body: String,
    language: Option<&'static str>,
    text: Option<String>,
}

async fn put(
    conn: &mut SqliteConnection,
    table: ReadModels,
    docs: Vec<Doc>,
) -> Result<(), StoreError> {
    let rows = docs
        .into_iter()
        .map(|doc| {
            let body = serde_json::to_string(&doc.body)
                .map_err(|error| StoreError::InvalidRequest(error.to_string()))?;
            let (language, text) = match doc.search {
                Some(search) => (Some(search.language.code()), Some(search.text)),
                None => (None, None),
            };
            Ok(StoredDoc {
                key: doc.key,
                tenant: doc.tenant,
                sort_key: doc.sort_key,
                body,
                language,
                text,
            })
        })
        .collect::<Result<Vec<_>, StoreError>>()?;
    let mut query = QueryBuilder::<Sqlite>::new(upsert_head(table));
    query.push_values(rows, |mut values, row| {
        values
            .push_bind(row.key.collection)
            .push_bind(row.key.id)
            .push_bind(row.tenant)
            .push_bind(row.sort_key)
            .push_bind(row.body)
            .push_bind(row.language)
            .push_bind(row.text);
    });
    query.push(UPSERT_TAIL);
    query.build().execute(&mut *conn).await?;
    Ok(())
}

async fn delete(
    conn: &mut SqliteConnection,
    table: ReadModels,
    keys: Vec<DocKey>,
) -> Result<(), StoreError> {
    let mut query = QueryBuilder::<Sqlite>::new(match table {
        ReadModels::Live => "DELETE FROM read_models WHERE (collection, id) IN (",
        ReadModels::Next => "DELETE FROM read_models_next WHERE (collection, id) IN (",
    });
    query.push_values(keys, |mut values, key| {
        values.push_bind(key.collection).push_bind(key.id);
    });
    query.push(")");
    query.build().execute(&mut *conn).await?;
    Ok(())
}

pub(super) async fn get(pool: &SqlitePool, key: &DocKey) -> Result<Option<Doc>, StoreError> {
    let row = sqlx::query(concat!(
        "SELECT ",
        doc_columns!(),
        " FROM read_models d WHERE d.collection = ? AND d.id = ?",
    ))
    .bind(&key.collection)
    .bind(&key.id)
    .fetch_optional(pool)
    .await?;
    row.as_ref().map(doc_from_row).transpose()
}

pub(super) async fn checkpoint(
    pool: &SqlitePool,
    name: &str,
) -> Result<Option<Checkpoint>, StoreError> {
    let row = sqlx::query("SELECT tx_id, position, version FROM checkpoints WHERE name = ?")
        .bind(name)
        .fetch_optional(pool)
        .await?;
    row.map(|row| {
        Ok(Checkpoint {
            cursor: LogCursor {
                tx: row.try_get("tx_id")?,
                position: row.try_get("position")?,
            },
            version: row.try_get("version")?,
        })
    })
    .transpose()
}

pub(super) async fn save_checkpoint(
    conn: &mut SqliteConnection,
    name: &str,
    checkpoint: Checkpoint,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO checkpoints (name, tx_id, position, version, updated_at) VALUES (?, ?, ?, ?, ?) \
         ON CONFLICT (name) DO UPDATE SET tx_id = excluded.tx_id, position = excluded.position, \
             version = excluded.version, updated_at = excluded.updated_at",
    )
    .bind(name)
    .bind(checkpoint.cursor.tx)
    .bind(checkpoint.cursor.position)
    .bind(checkpoint.version)
    .bind(now_text())
    .execute(&mut *conn)
    .await?;
    Ok(())
}
