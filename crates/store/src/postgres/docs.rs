//! Read-model documents and checkpoints on PostgreSQL.

use sqlx::postgres::PgRow;
use sqlx::{PgConnection, PgPool, Row};

use crate::Checkpoint;
use serde::de::DeserializeOwned;
use sqlx::types::Json;

use crate::docs::{Doc, DocKey, DocWrite, TypedDoc};
use crate::error::StoreError;
use crate::event::LogCursor;
use crate::generation::ReadModels;
use crate::search::{SearchLanguage, SearchText};

/// The columns a document is read from, `d` being `read_models`.
macro_rules! doc_columns {
    () => {
        "d.collection, d.id, d.tenant_id, d.sort_key, d.body, \
         d.search_config::text AS search_config, d.search_text"
    };
}
pub(super) use doc_columns;

/// The text search configuration of each language (migration 0003: the
/// stock configuration with `unaccent` in front).
fn config(language: SearchLanguage) -> &'static str {
    match language {
        SearchLanguage::De => "iiz_german",
        SearchLanguage::Fr => "iiz_french",
        SearchLanguage::It => "iiz_italian",
        SearchLanguage::Simple => "iiz_simple",
    }
}

fn language(config_name: &str) -> Option<SearchLanguage> {
    // A configuration outside the search path prints schema-qualified.
    let name = config_name.rsplit('.').next().unwrap_or(config_name);
    SearchLanguage::ALL
        .into_iter()
        .find(|language| config(*language) == name)
}

pub(super) fn doc_from_row(row: &PgRow) -> Result<Doc, StoreError> {
    let doc = typed_doc_from_row(row)?;
    let text: Option<String> = row.try_get("search_text")?;
    let config_name: Option<String> = row.try_get("search_config")?;
    let search = match text {
        None => None,
        Some(text) => {
            let config_name = config_name.unwrap_or_default();
            let language = language(&config_name).ok_or_else(|| {
                StoreError::Corrupt(format!("unknown search configuration '{config_name}'"))
            })?;
            Some(SearchText { language, text })
        }
    };
    Ok(doc.with_search(search))
}

/// A row of `doc_columns!` with its body read straight into `T`.
pub(super) fn typed_doc_from_row<T: DeserializeOwned>(
    row: &PgRow,
) -> Result<TypedDoc<T>, StoreError> {
    let body: Json<T> = row
        .try_get("body")
        .map_err(|error| StoreError::Corrupt(format!("document: {error}")))?;
    Ok(TypedDoc {
        key: DocKey {
            collection: row.try_get("collection")?,
            id: row.try_get("id")?,
        },
        tenant: row.try_get("tenant_id")?,
        sort_key: row.try_get("sort_key")?,
        body: body.0,
    })
}

pub(super) async fn load(conn: &mut PgConnection, keys: &[DocKey]) -> Result<Vec<Doc>, StoreError> {
    if keys.is_empty() {
        return Ok(Vec::new());
    }
    let collections: Vec<&str> = keys.iter().map(|key| key.collection.as_str()).collect();
    let ids: Vec<&str> = keys.iter().map(|key| key.id.as_str()).collect();
    let rows = sqlx::query(concat!(
        "SELECT ",
        doc_columns!(),
        " FROM read_models d \
         JOIN unnest($1::text[], $2::text[]) AS k(collection, id) \
           ON d.collection = k.collection AND d.id = k.id",
    ))
    .bind(&collections)
    .bind(&ids)
    .fetch_all(&mut *conn)
    .await?;
    rows.iter().map(doc_from_row).collect()
}

/// Upserts documents given as one array per column.
macro_rules! upsert_sql {
    ($table:literal) => {
        concat!(
            "INSERT INTO ",
            $table,
            " (collection, id, tenant_id, sort_key, body, search_config, search_text) \
             SELECT c, i, t, s, b::jsonb, g::regconfig, x \
             FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[]) \
                 AS d(c, i, t, s, b, g, x) \
             ON CONFLICT (collection, id) DO UPDATE SET tenant_id = EXCLUDED.tenant_id, \
                 sort_key = EXCLUDED.sort_key, body = EXCLUDED.body, \
                 search_config = EXCLUDED.search_config, search_text = EXCLUDED.search_text"
        )
    };
}

/// Deletes the documents whose keys are given as two arrays.
macro_rules! delete_sql {
    ($table:literal) => {
        concat!(
            "DELETE FROM ",
            $table,
            " d USING unnest($1::text[], $2::text[]) AS k(collection, id) \
             WHERE d.collection = k.collection AND d.id = k.id"
        )
    };
}

pub(super) async fn write(
    conn: &mut PgConnection,
    table: ReadModels,
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
        sqlx::query(match table {
            ReadModels::Live => upsert_sql!("read_models"),
            ReadModels::Next => upsert_sql!("read_models_next"),
        })
        .bind(&put.collections)
        .bind(&put.ids)
        .bind(&put.tenants)
        .bind(&put.sort_keys)
        .bind(&put.bodies)
        .bind(&put.search_configs)
        .bind(&put.search_texts)
        .execute(&mut *conn)
        .await?;
    }
    if !deleted_ids.is_empty() {
        sqlx::query(match table {
            ReadModels::Live => delete_sql!("read_models"),
            ReadModels::Next => delete_sql!("read_models_next"),
        })
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
    search_configs: Vec<Option<&'static str>>,
    search_texts: Vec<Option<String>>,
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
        let (search_config, search_text) = match doc.search {
            Some(search) => (Some(config(search.language)), Some(search.text)),
            None => (None, None),
        };
        self.search_configs.push(search_config);
        self.search_texts.push(search_text);
        Ok(())
    }
}

pub(super) async fn get(pool: &PgPool, key: &DocKey) -> Result<Option<Doc>, StoreError> {
    let row = sqlx::query(concat!(
        "SELECT ",
        doc_columns!(),
        " FROM read_models d WHERE d.collection = $1 AND d.id = $2",
    ))
    .bind(&key.collection)
    .bind(&key.id)
    .fetch_optional(pool)
    .await?;
    row.as_ref().map(doc_from_row).transpose()
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
