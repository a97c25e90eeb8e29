//! Read-model documents and checkpoints on PostgreSQL.

use sqlx::postgres::PgRow;
use sqlx::{PgConnection, PgPool, Postgres, QueryBuilder, Row};

use crate::Checkpoint;
use crate::docs::{Doc, DocKey, DocQuery, DocWrite};
use crate::error::StoreError;
use crate::event::LogCursor;

fn doc_from_row(row: &PgRow) -> Result<Doc, StoreError> {
    Ok(Doc {
        key: DocKey {
            collection: row.try_get("collection")?,
            id: row.try_get("id")?,
        },
        tenant: row.try_get("tenant_id")?,
        sort_key: row.try_get("sort_key")?,
        body: row.try_get("body")?,
    })
}

pub(super) async fn load(conn: &mut PgConnection, keys: &[DocKey]) -> Result<Vec<Doc>, StoreError> {
    if keys.is_empty() {
        return Ok(Vec::new());
    }
    let collections: Vec<&str> = keys.iter().map(|key| key.collection.as_str()).collect();
    let ids: Vec<&str> = keys.iter().map(|key| key.id.as_str()).collect();
    let rows = sqlx::query(
        "SELECT d.collection, d.id, d.tenant_id, d.sort_key, d.body FROM read_models d \
         JOIN unnest($1::text[], $2::text[]) AS k(collection, id) \
           ON d.collection = k.collection AND d.id = k.id",
    )
    .bind(&collections)
    .bind(&ids)
    .fetch_all(&mut *conn)
    .await?;
    rows.iter().map(doc_from_row).collect()
}

pub(super) async fn write(
    conn: &mut PgConnection,
    writes: Vec<DocWrite>,
) -> Result<(), StoreError> {
    let mut put = PutColumns::default();
    let mut deleted_collections = Vec::new();
    let mut deleted_ids = Vec::new();
    for write in writes {
        match write {
            DocWrite::Put(doc) => put.push(doc)?,
            DocWrite::Delete(key) => {
                deleted_collections.push(key.collection);
                deleted_ids.push(key.id);
            }
        }
    }
    if !put.ids.is_empty() {
        sqlx::query(
            "INSERT INTO read_models (collection, id, tenant_id, sort_key, body) \
             SELECT c, i, t, s, b::jsonb FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) \
                 AS d(c, i, t, s, b) \
             ON CONFLICT (collection, id) DO UPDATE SET tenant_id = EXCLUDED.tenant_id, \
                 sort_key = EXCLUDED.sort_key, body = EXCLUDED.body",
        )
        .bind(&put.collections)
        .bind(&put.ids)
        .bind(&put.tenants)
        .bind(&put.sort_keys)
        .bind(&put.bodies)
        .execute(&mut *conn)
        .await?;
    }
    if !deleted_ids.is_empty() {
        sqlx::query(
            "DELETE FROM read_models d USING unnest($1::text[], $2::text[]) AS k(collection, id) \
             WHERE d.collection = k.collection AND d.id = k.id",
        )
        .bind(&deleted_collections)
        .bind(&deleted_ids)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}

/// Documents to upsert, as one array per column for `unnest`.
#[derive(Default)]
struct PutColumns {
    collections: Vec<String>,
    ids: Vec<String>,
    tenants: Vec<Option<String>>,
    sort_keys: Vec<String>,
    bodies: Vec<String>,
}

impl PutColumns {
    fn push(&mut self, doc: Doc) -> Result<(), StoreError> {
        self.bodies.push(
            serde_json::to_string(&doc.body)
                .map_err(|error| StoreError::InvalidRequest(error.to_string()))?,
        );
        self.collections.push(doc.key.collection);
        self.ids.push(doc.key.id);
        self.tenants.push(doc.tenant);
        self.sort_keys.push(doc.sort_key);
        Ok(())
    }
}

pub(super) async fn get(pool: &PgPool, key: &DocKey) -> Result<Option<Doc>, StoreError> {
    let row = sqlx::query(
        "SELECT collection, id, tenant_id, sort_key, body FROM read_models WHERE collection = $1 AND id = $2",
    )
    .bind(&key.collection)
    .bind(&key.id)
    .fetch_optional(pool)
    .await?;
    row.as_ref().map(doc_from_row).transpose()
}

pub(super) async fn list(pool: &PgPool, query: &DocQuery) -> Result<Vec<Doc>, StoreError> {
    let mut sql: QueryBuilder<Postgres> = QueryBuilder::new(
        "SELECT collection, id, tenant_id, sort_key, body FROM read_models WHERE collection = ",
    );
    sql.push_bind(&query.collection);
    if let Some(tenant) = &query.tenant {
        sql.push(" AND tenant_id = ").push_bind(tenant);
    }
    for (field, value) in &query.filters {
        crate::any::check_field(field)?;
        sql.push(" AND body -> ")
            .push_bind(field)
            .push(" = ")
            .push_bind(sqlx::types::Json(value))
            .push("::jsonb");
    }
    if let Some((sort_key, id)) = &query.after {
        sql.push(" AND (sort_key, id) > (")
            .push_bind(sort_key)
            .push(", ")
            .push_bind(id)
            .push(")");
    }
    sql.push(" ORDER BY sort_key, id LIMIT ")
        .push_bind(super::read::limit(query.limit));
    let rows = sql.build().fetch_all(pool).await?;
    rows.iter().map(doc_from_row).collect()
}

pub(super) async fn checkpoint(
    pool: &PgPool,
    name: &str,
) -> Result<Option<Checkpoint>, StoreError> {
    let row = sqlx::query("SELECT tx_id, position, version FROM checkpoints WHERE name = $1")
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
    conn: &mut PgConnection,
    name: &str,
    checkpoint: Checkpoint,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO checkpoints (name, tx_id, position, version, updated_at) VALUES ($1, $2, $3, $4, now()) \
         ON CONFLICT (name) DO UPDATE SET tx_id = EXCLUDED.tx_id, position = EXCLUDED.position, \
             version = EXCLUDED.version, updated_at = now()",
    )
    .bind(name)
    .bind(checkpoint.cursor.tx)
    .bind(checkpoint.cursor.position)
    .bind(checkpoint.version)
    .execute(&mut *conn)
    .await?;
    Ok(())
}
