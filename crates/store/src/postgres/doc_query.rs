//! Listing and searching documents on PostgreSQL.
//!
//! Text conditions use the `search` column (a `tsvector` generated from the
//! search text in the document's language) through `read_models_tsquery`,
//! which turns a list of quoted words into the same query in every language
//! (migration 0003). The function is immutable, so with the words bound as
//! a parameter of a custom plan PostgreSQL computes the `tsquery` once, while
//! planning, and estimates how many documents match; the statements are
//! therefore not kept prepared (`persistent(false)`): a generic plan would
//! neither know the query nor compute it once.

use serde::de::DeserializeOwned;
use sqlx::types::Json;
use sqlx::{PgPool, Postgres, QueryBuilder, Row};

use super::docs::{doc_columns, doc_from_row, typed_doc_from_row};
use super::read::limit;
use crate::docs::{Doc, TypedDoc};
use crate::error::StoreError;
use crate::query::{DocFilter, DocQuery, Scope, SimilarQuery};
use crate::search::{query_words, similar_words};

pub(super) async fn list(pool: &PgPool, query: &DocQuery) -> Result<Vec<Doc>, StoreError> {
    let mut sql = QueryBuilder::new("");
    push_list(&mut sql, query)?;
    let rows = sql.build().persistent(false).fetch_all(pool).await?;
    rows.iter().map(doc_from_row).collect()
}

/// One page with each body read straight into `T`.
pub(super) async fn typed_list<T: DeserializeOwned>(
    pool: &PgPool,
    query: &DocQuery,
) -> Result<Vec<TypedDoc<T>>, StoreError> {
    let mut sql = QueryBuilder::new("");
    push_list(&mut sql, query)?;
    let rows = sql.build().persistent(false).fetch_all(pool).await?;
    rows.iter().map(typed_doc_from_row).collect()
}

/// The statement of one page.
fn push_list(sql: &mut QueryBuilder<Postgres>, query: &DocQuery) -> Result<(), StoreError> {
    query.check()?;
    let words = query.text.as_deref().map(query_words).unwrap_or_default();
    // Every word, as a prefix of a stem (`'schul':*` finds "Schulhaus"),
    // like SQLite, which has no stemmer and matches prefixes.
    let text = (!words.is_empty()).then(|| {
        words
            .iter()
            .map(|word| format!("'{word}':*"))
            .collect::<Vec<_>>()
            .join(" & ")
    });
    match Scope::of(query.tenant.as_deref(), query.include_shared) {
        // A tenant's documents and the shared ones are two ranges of the
        // listing index, each in (sort_key, id) order, that a Merge Append
        // interleaves, reading no more than a page of each. With `tenant_id
        // = $1 OR tenant_id IS NULL` the planner can only scan the whole
        // collection in order and filter (36 ms for a page at 100,000
        // documents when the tenant and the shared documents are few,
        // against 0.3 ms) or gather both sets and sort them. With a text
        // condition the text index leads, so the plain OR serves.
        Scope::TenantAndShared(tenant) if text.is_none() => {
            sql.push("SELECT * FROM ((");
            push_page(sql, query, Scope::Tenant(tenant), None);
            sql.push(") UNION ALL (");
            push_page(sql, query, Scope::Shared, None);
            sql.push(")) AS d");
            push_order(sql, query);
        }
        scope => push_page(sql, query, scope, text.as_deref()),
    }
    Ok(())
}

/// `SELECT … FROM read_models d WHERE … ORDER BY … LIMIT …`: one page.
fn push_page(
    sql: &mut QueryBuilder<Postgres>,
    query: &DocQuery,
    scope: Scope<'_>,
    text: Option<&str>,
) {
    sql.push(concat!(
        "SELECT ",
        doc_columns!(),
        " FROM read_models d WHERE d.collection = "
    ))
    .push_bind(&query.collection);
    scope.push(sql);
    push_filters(sql, &query.filters);
    if let Some(text) = text {
        sql.push(" AND d.search_text IS NOT NULL AND d.search @@ read_models_tsquery(")
            .push_bind(text.to_owned())
            .push(")");
    }
    if let Some((sort_key, id)) = &query.after {
        sql.push(" AND (d.sort_key, d.id) ")
            .push(if query.descending { "<" } else { ">" })
            .push(" (")
            .push_bind(sort_key)
            .push(", ")
            .push_bind(id)
            .push(")");
    }
    push_order(sql, query);
}

fn push_order(sql: &mut QueryBuilder<Postgres>, query: &DocQuery) {
    sql.push(if query.descending {
        " ORDER BY d.sort_key DESC, d.id DESC LIMIT "
    } else {
        " ORDER BY d.sort_key, d.id LIMIT "
    })
    .push_bind(limit(query.limit));
}

/// The filters, already checked ([`DocFilter::check`]).
fn push_filters(sql: &mut QueryBuilder<Postgres>, filters: &[DocFilter]) {
    for filter in filters {
        match filter {
            DocFilter::Eq(field, value) => {
                sql.push(" AND d.body -> ")
                    .push_bind(field)
                    .push(" = ")
                    .push_bind(Json(value))
                    .push("::jsonb");
            }
            DocFilter::Contains(field, value) => {
                // An array contains `[value]` when it holds the value; a
                // scalar or object contains no array.
                sql.push(" AND d.body -> ")
                    .push_bind(field)
                    .push(" @> ")
                    .push_bind(Json(serde_json::Value::Array(vec![value.clone()])))
                    .push("::jsonb");
            }
            DocFilter::AtLeast(field, bound) | DocFilter::Below(field, bound) => {
                let operator = if matches!(filter, DocFilter::AtLeast(..)) {
                    " >= "
                } else {
                    " < "
                };
                // Strings only, compared as bytes (as on SQLite), not in
                // the database's collation. One CASE, not `jsonb_typeof(…)
                // = 'string' AND …`: the planner guesses each condition on
                // a JSON field to hold for few documents, and with two it
                // expected none and sorted a tenant's every match rather
                // than read a page in order (72 ms instead of 1 ms at
                // 100,000 documents).
                sql.push(" AND CASE WHEN jsonb_typeof(d.body -> ")
                    .push_bind(field)
                    .push(") = 'string' THEN (d.body ->> ")
                    .push_bind(field)
                    .push(") COLLATE \"C\"")
                    .push(operator)
                    .push_bind(bound)
                    .push(" ELSE false END");
            }
        }
    }
}

pub(super) async fn similar(
    pool: &PgPool,
    query: &SimilarQuery,
) -> Result<Vec<(Doc, f32)>, StoreError> {
    query.check()?;
    let words = similar_words(&query.text);
    if words.is_empty() {
        return Ok(Vec::new());
    }
    // Any of the words, each reduced to its stem in every language.
    let text = words
        .iter()
        .map(|word| format!("'{word}'"))
        .collect::<Vec<_>>()
        .join(" | ");
    let mut sql = QueryBuilder::new(concat!(
        "SELECT ",
        doc_columns!(),
        ", ts_rank(d.search, read_models_tsquery("
    ));
    sql.push_bind(text.clone())
        .push(
            ")) AS score FROM read_models d \
             WHERE d.search_text IS NOT NULL AND d.search @@ read_models_tsquery(",
        )
        .push_bind(text)
        .push(") AND d.collection = ")
        .push_bind(&query.collection);
    Scope::of(query.tenant.as_deref(), query.include_shared).push(&mut sql);
    if !query.exclude_ids.is_empty() {
        sql.push(" AND d.id <> ALL(")
            .push_bind(&query.exclude_ids)
            .push(")");
    }
    push_filters(&mut sql, &query.filters);
    sql.push(" ORDER BY score DESC, d.id LIMIT ")
        .push_bind(limit(query.limit));
    let rows = sql.build().persistent(false).fetch_all(pool).await?;
    rows.iter()
        .map(|row| Ok((doc_from_row(row)?, row.try_get::<f32, _>("score")?)))
        .collect()
}
