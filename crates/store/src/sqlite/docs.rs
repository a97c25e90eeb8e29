//! Read-model documents and checkpoints on SQLite.

use sqlx::sqlite::SqliteRow;
use sqlx::{QueryBuilder, Row, Sqlite, SqliteConnection, SqlitePool};

use super::read::{limit, now_text};
use crate::Checkpoint;
use crate::docs::{Doc, DocKey, DocQuery, DocWrite};
use crate::error::StoreError;
use crate::event::LogCursor;

fn doc_from_row(row: &SqliteRow) -> Result<Doc, StoreError> {
    let body: &str = row.try_get("body")?;
    Ok(Doc {
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
        let row = sqlx::query(
            "SELECT collection, id, tenant_id, sort_key, body FROM read_models WHERE collection = ? AND id = ?",
        )
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

pub(super) async fn write(
    conn: &mut SqliteConnection,
    writes: Vec<DocWrite>,
) -> Result<(), StoreError> {
    for write in writes {
        match write {
            DocWrite::Put(doc) => {
                let body = serde_json::to_string(&doc.body)
                    .map_err(|error| StoreError::InvalidRequest(error.to_string()))?;
                sqlx::query(
                    "INSERT INTO read_models (collection, id, tenant_id, sort_key, body) VALUES (?, ?, ?, ?, ?) \
                     ON CONFLICT (collection, id) DO UPDATE SET tenant_id = excluded.tenant_id, \
                         sort_key = excluded.sort_key, body = excluded.body",
                )
                .bind(doc.key.collection)
                .bind(doc.key.id)
                .bind(doc.tenant)
                .bind(doc.sort_key)
                .bind(body)
                .execute(&mut *conn)
                .await?;
            }
            DocWrite::Delete(key) => {
                sqlx::query("DELETE FROM read_models WHERE collection = ? AND id = ?")
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
    let row = sqlx::query(
        "SELECT collection, id, tenant_id, sort_key, body FROM read_models WHERE collection = ? AND id = ?",
    )
    .bind(&key.collection)
    .bind(&key.id)
    .fetch_optional(pool)
    .await?;
    row.as_ref().map(doc_from_row).transpose()
}

pub(super) async fn list(pool: &SqlitePool, query: &DocQuery) -> Result<Vec<Doc>, StoreError> {
    let mut sql: QueryBuilder<Sqlite> = QueryBuilder::new(
        "SELECT collection, id, tenant_id, sort_key, body FROM read_models WHERE collection = ",
    );
    sql.push_bind(&query.collection);
    if let Some(tenant) = &query.tenant {
        sql.push(" AND tenant_id = ").push_bind(tenant);
    }
    for (field, value) in &query.filters {
        crate::any::check_field(field)?;
        let json = serde_json::to_string(value)
            .map_err(|error| StoreError::InvalidRequest(error.to_string()))?;
        sql.push(" AND (body -> ")
            .push_bind(field)
            .push(") = ")
            .push_bind(json);
    }
    if let Some((sort_key, id)) = &query.after {
        sql.push(" AND (sort_key, id) > (")
            .push_bind(sort_key)
            .push(", ")
            .push_bind(id)
            .push(")");
    }
    sql.push(" ORDER BY sort_key, id LIMIT ")
        .push_bind(limit(query.limit));
    let rows = sql.build().fetch_all(pool).await?;
    rows.iter().map(doc_from_row).collect()
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
