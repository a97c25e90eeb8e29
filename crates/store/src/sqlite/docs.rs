//! Read-model documents and checkpoints on SQLite.

use sqlx::sqlite::SqliteRow;
use sqlx::{Row, SqliteConnection, SqlitePool};

use super::read::now_text;
use crate::Checkpoint;
use crate::docs::{Doc, DocKey, DocWrite};
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
    let body: &str = row.try_get("body")?;
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
    Ok(Doc {
        key: DocKey {
            collection: row.try_get("collection")?,
            id: row.try_get("id")?,
        },
        tenant: row.try_get("tenant_id")?,
        sort_key: row.try_get("sort_key")?,
        body: serde_json::from_str(body)
            .map_err(|error| StoreError::Corrupt(format!("document: {error}")))?,
        search,
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

/// Upserts one document.
macro_rules! upsert_sql {
    ($table:literal) => {
        concat!(
            "INSERT INTO ",
            $table,
            " (collection, id, tenant_id, sort_key, body, search_language, search_text) \
             VALUES (?, ?, ?, ?, ?, ?, ?) \
             ON CONFLICT (collection, id) DO UPDATE SET tenant_id = excluded.tenant_id, \
                 sort_key = excluded.sort_key, body = excluded.body, \
                 search_language = excluded.search_language, search_text = excluded.search_text"
        )
    };
}

pub(super) async fn write(
    conn: &mut SqliteConnection,
    table: ReadModels,
    writes: Vec<DocWrite>,
) -> Result<(), StoreError> {
    for write in writes {
        match write {
            DocWrite::Put(doc) => {
                let body = serde_json::to_string(&doc.body)
                    .map_err(|error| StoreError::InvalidRequest(error.to_string()))?;
                let (language, text) = match doc.search {
                    Some(search) => (Some(search.language.code()), Some(search.text)),
                    None => (None, None),
                };
                // The search index follows through triggers (migration 0003).
                sqlx::query(match table {
                    ReadModels::Live => upsert_sql!("read_models"),
                    ReadModels::Next => upsert_sql!("read_models_next"),
                })
                .bind(doc.key.collection)
                .bind(doc.key.id)
                .bind(doc.tenant)
                .bind(doc.sort_key)
                .bind(body)
                .bind(language)
                .bind(text)
                .execute(&mut *conn)
                .await?;
            }
            DocWrite::Delete(key) => {
                sqlx::query(match table {
                    ReadModels::Live => "DELETE FROM read_models WHERE collection = ? AND id = ?",
                    ReadModels::Next => {
                        "DELETE FROM read_models_next WHERE collection = ? AND id = ?"
                    }
                })
                .bind(key.collection)
                .bind(key.id)
                .execute(&mut *conn)
                .await?;
            }
        }
    }
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
