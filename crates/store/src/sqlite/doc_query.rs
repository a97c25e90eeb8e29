//! Listing and searching documents on SQLite.
//!
//! Text conditions go through the FTS5 table `read_models_fts`, whose rows
//! `read_models_search` ties to documents (migration 0003). Each word of the
//! user's input becomes an FTS5 string (quoted, so no input is read as FTS5
//! syntax) matched as a prefix: SQLite has no stemmer, and a prefix finds the
//! inflected forms that share it ("Schule" in "Schulen").
//!
//! The FTS5 table always leads its joins (`CROSS JOIN` fixes the order in
//! SQLite): the other way round SQLite may run the whole text query once
//! per document of the collection, minutes for a short prefix at 100,000
//! documents.

use serde::de::DeserializeOwned;
use sqlx::{QueryBuilder, Row, Sqlite, SqlitePool};

use super::docs::{doc_columns, doc_from_row, typed_doc_from_row};
use super::read::limit;
use crate::docs::{Doc, TypedDoc};
use crate::error::StoreError;
use crate::query::{DocFilter, DocQuery, Scope, SimilarQuery};
use crate::search::{query_words, similar_words};

/// The FTS5 expression of words: each a quoted prefix, joined by `AND` or
/// `OR`.
fn fts_expression(words: &[String], operator: &str) -> String {
    words
        .iter()
        .map(|word| format!("\"{}\"*", word.replace('"', "\"\"")))
        .collect::<Vec<_>>()
        .join(operator)
}

/// The JSON path of a checked top-level field.
fn path(field: &str) -> String {
    format!("$.{field}")
}

pub(super) async fn list(pool: &SqlitePool, query: &DocQuery) -> Result<Vec<Doc>, StoreError> {
    let mut sql = QueryBuilder::new("");
    push_list(&mut sql, query)?;
    let rows = sql.build().fetch_all(pool).await?;
    rows.iter().map(doc_from_row).collect()
}

/// One page with each body read straight into `T`.
pub(super) async fn typed_list<T: DeserializeOwned>(
    pool: &SqlitePool,
    query: &DocQuery,
) -> Result<Vec<TypedDoc<T>>, StoreError> {
    let mut sql = QueryBuilder::new("");
    push_list(&mut sql, query)?;
    let rows = sql.build().fetch_all(pool).await?;
    rows.iter().map(typed_doc_from_row).collect()
}

/// The statement of one page.
fn push_list(sql: &mut QueryBuilder<Sqlite>, query: &DocQuery) -> Result<(), StoreError> {
    query.check()?;
    let words = query.text.as_deref().map(query_words).unwrap_or_default();
    let text = (!words.is_empty()).then(|| fts_expression(&words, " AND "));
    match Scope::of(query.tenant.as_deref(), query.include_shared) {
        // Two ranges of the listing index, each in order and cut at a page,
        // merged (see the PostgreSQL store): `tenant_id = ? OR tenant_id IS
        // NULL` would gather both sets whole and sort them.
        Scope::TenantAndShared(tenant) if text.is_none() => {
            sql.push("SELECT * FROM (");
            push_page(sql, query, Scope::Tenant(tenant), None);
            sql.push(") UNION ALL SELECT * FROM (");
            push_page(sql, query, Scope::Shared, None);
            sql.push(")");
            push_order(sql, query, "");
        }
        // Without conditions on the body, the page is chosen on the narrow
        // search table (tenant and sort key beside each match, migration
        // 0014) and only its documents are read.
        scope if text.is_some() && query.filters.is_empty() => {
            sql.push(concat!("SELECT ", doc_columns!(), " FROM ("));
            push_search_page(sql, query, scope, text.unwrap_or_default());
            sql.push(") p CROSS JOIN read_models d ON d.collection = p.collection AND d.id = p.id");
            push_order(sql, query, "d.");
        }
        scope => push_page(sql, query, scope, text),
    }
    Ok(())
}

/// `SELECT … FROM read_models d WHERE … ORDER BY … LIMIT …`: one page.
fn push_page(
    sql: &mut QueryBuilder<Sqlite>,
    query: &DocQuery,
    scope: Scope<'_>,
    text: Option<String>,
) {
    match text {
        // The matches lead, then their documents are sorted: SQLite cannot
        // tell how many documents a text matches, and when it guessed many
        // it walked the whole collection in order, testing each document
        // (0.7 s at 100,000 documents for a word found nowhere).
        Some(text) => {
            sql.push(concat!(
                "SELECT ",
                doc_columns!(),
                " FROM read_models_fts \
                 CROSS JOIN read_models_search s ON s.fts_rowid = read_models_fts.rowid \
                 CROSS JOIN read_models d ON d.collection = s.collection AND d.id = s.id \
                 WHERE read_models_fts MATCH "
            ))
            .push_bind(text)
            .push(" AND s.collection = ")
            .push_bind(&query.collection)
            .push(" AND d.collection = ")
            .push_bind(&query.collection);
        }
        None => {
            sql.push(concat!(
                "SELECT ",
                doc_columns!(),
                " FROM read_models d WHERE d.collection = "
            ))
            .push_bind(&query.collection);
        }
    }
    scope.push(sql);
    push_filters(sql, &query.filters);
    if let Some((sort_key, id)) = &query.after {
        sql.push(" AND (d.sort_key, d.id) ")
            .push(if query.descending { "<" } else { ">" })
            .push(" (")
            .push_bind(sort_key)
            .push(", ")
            .push_bind(id)
            .push(")");
    }
    push_order(sql, query, "d.");
}

/// The keys of one page of the documents whose search text matches, from
/// the search table alone.
fn push_search_page(
    sql: &mut QueryBuilder<Sqlite>,
    query: &DocQuery,
    scope: Scope<'_>,
    text: String,
) {
    sql.push(
        "SELECT s.collection, s.id FROM read_models_fts \
         CROSS JOIN read_models_search s ON s.fts_rowid = read_models_fts.rowid \
         WHERE read_models_fts MATCH ",
    )
    .push_bind(text)
    .push(" AND s.collection = ")
    .push_bind(&query.collection);
    scope.push_on(sql, "s.");
    if let Some((sort_key, id)) = &query.after {
        sql.push(" AND (s.sort_key, s.id) ")
            .push(if query.descending { "<" } else { ">" })
            .push(" (")
            .push_bind(sort_key)
            .push(", ")
            .push_bind(id)
            .push(")");
    }
    push_order(sql, query, "s.");
}

/// `ORDER BY … LIMIT …`, the columns qualified by `table` (`"d."` or `""`).
fn push_order(sql: &mut QueryBuilder<Sqlite>, query: &DocQuery, table: &str) {
    let direction = if query.descending { " DESC" } else { "" };
    sql.push(format_args!(
        " ORDER BY {table}sort_key{direction}, {table}id{direction} LIMIT "
    ))
    .push_bind(limit(query.limit));
}

/// The filters, already checked ([`DocFilter::check`]). JSON values compare
/// as SQLite writes them (minified), as serde does.
fn push_filters(sql: &mut QueryBuilder<Sqlite>, filters: &[DocFilter]) {
    for filter in filters {
        match filter {
            DocFilter::Eq(field, value) => {
                sql.push(" AND (d.body -> ")
                    .push_bind(field)
                    .push(") = ")
                    .push_bind(value.to_string());
            }
            DocFilter::Contains(field, value) => {
                sql.push(" AND json_type(d.body, ")
                    .push_bind(path(field))
                    .push(") = 'array' AND EXISTS (SELECT 1 FROM json_each(d.body, ")
                    .push_bind(path(field))
                    .push(") AS e WHERE (d.body -> e.fullkey) = ")
                    .push_bind(value.to_string())
                    .push(")");
            }
            DocFilter::AtLeast(field, bound) | DocFilter::Below(field, bound) => {
                let operator = if matches!(filter, DocFilter::AtLeast(..)) {
                    " >= "
                } else {
                    " < "
                };
                sql.push(" AND json_type(d.body, ")
                    .push_bind(path(field))
                    .push(") = 'text' AND (d.body ->> ")
                    .push_bind(path(field))
                    .push(")")
                    .push(operator)
                    .push_bind(bound);
            }
        }
    }
}

pub(super) async fn similar(
    pool: &SqlitePool,
    query: &SimilarQuery,
) -> Result<Vec<(Doc, f32)>, StoreError> {
    query.check()?;
    let words = similar_words(&query.text);
    if words.is_empty() {
        return Ok(Vec::new());
    }
    // bm25 is lower for better matches: the score is its negation.
    let mut sql = QueryBuilder::new(concat!(
        "SELECT ",
        doc_columns!(),
        ", -m.relevance AS score FROM (\
             SELECT s.collection, s.id, bm25(read_models_fts) AS relevance FROM read_models_fts \
             CROSS JOIN read_models_search s ON s.fts_rowid = read_models_fts.rowid \
             WHERE read_models_fts MATCH "
    ));
    sql.push_bind(fts_expression(&words, " OR "))
        .push(" AND s.collection = ")
        .push_bind(&query.collection)
        .push(
            ") AS m JOIN read_models d ON d.collection = m.collection AND d.id = m.id \
             WHERE d.collection = ",
        )
        .push_bind(&query.collection);
    Scope::of(query.tenant.as_deref(), query.include_shared).push(&mut sql);
    if !query.exclude_ids.is_empty() {
        let excluded = serde_json::to_string(&query.exclude_ids)
            .map_err(|error| StoreError::InvalidRequest(error.to_string()))?;
        sql.push(" AND d.id NOT IN (SELECT value FROM json_each(")
            .push_bind(excluded)
            .push("))");
    }
    push_filters(&mut sql, &query.filters);
    sql.push(" ORDER BY m.relevance, d.id LIMIT ")
        .push_bind(limit(query.limit));
    let rows = sql.build().fetch_all(pool).await?;
    rows.iter()
        .map(|row| {
            let score = row.try_get::<f64, _>("score")? as f32;
            Ok((doc_from_row(row)?, score))
        })
        .collect()
}
