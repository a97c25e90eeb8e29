//! Questions asked of the read models: pages of a collection and documents
//! similar to a text.

use serde_json::Value;

use crate::error::StoreError;

/// A condition on a top-level field of a document's body. Field names are
/// plain (letters, digits, `_`), never paths.
#[derive(Debug, Clone, PartialEq)]
pub enum DocFilter {
    /// The field equals the value (string, number or boolean).
    Eq(String, Value),
    /// The field is an array holding the value (string, number, boolean or
    /// null).
    Contains(String, Value),
    /// The field is a string at or after the bound, comparing bytes (so ISO
    /// dates and UTC timestamps compare in time order).
    AtLeast(String, String),
    /// The field is a string strictly before the bound.
    Below(String, String),
}

impl DocFilter {
    /// The field the filter reads.
    pub fn field(&self) -> &str {
        match self {
            Self::Eq(field, _)
            | Self::Contains(field, _)
            | Self::AtLeast(field, _)
            | Self::Below(field, _) => field,
        }
    }

    /// Refuses a field that is not a plain name and a `Contains` value that
    /// is an array or object (whose containment the backends define
    /// differently).
    pub(crate) fn check(&self) -> Result<(), StoreError> {
        check_field(self.field())?;
        if let Self::Contains(field, Value::Array(_) | Value::Object(_)) = self {
            return Err(StoreError::InvalidRequest(format!(
                "filter on '{field}': an array can only be searched for a single value"
            )));
        }
        Ok(())
    }
}

/// Document filters name a top-level field; only plain names are allowed so
/// a field can never carry a JSON path.
pub(crate) fn check_field(field: &str) -> Result<(), StoreError> {
    let valid = !field.is_empty()
        && field.len() <= 64
        && field.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    if valid {
        Ok(())
    } else {
        Err(StoreError::InvalidRequest(format!(
            "invalid filter field '{field}'"
        )))
    }
}

/// A page of a collection, in `(sort_key, id)` order.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct DocQuery {
    pub collection: String,
    /// Only documents of this tenant (all documents when `None`).
    pub tenant: Option<String>,
    /// With a `tenant`: also the documents of no tenant, which are shared by
    /// every tenant (national ones). No effect without a tenant.
    pub include_shared: bool,
    /// Conditions every document must meet.
    pub filters: Vec<DocFilter>,
    /// Only documents whose search text holds every word of this user input
    /// (stemmed on PostgreSQL, as a prefix on SQLite, in any language,
    /// ignoring case and diacritics). Input without letters or digits sets
    /// no condition.
    pub text: Option<String>,
    /// Start after this `(sort_key, id)` (before it when `descending`).
    pub after: Option<(String, String)>,
    /// Newest first: `(sort_key, id)` descending.
    pub descending: bool,
    pub limit: usize,
}

impl DocQuery {
    pub(crate) fn check(&self) -> Result<(), StoreError> {
        self.filters.iter().try_for_each(DocFilter::check)
    }
}

/// Documents whose search text shares words with a text, best match first
/// (duplicate detection).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SimilarQuery {
    pub collection: String,
    /// The text to compare with; its longest distinct words (at least three
    /// letters, at most 32 words) are looked up, any of them matching.
    pub text: String,
    /// Only documents of this tenant (all documents when `None`).
    pub tenant: Option<String>,
    /// With a `tenant`: also the documents of no tenant.
    pub include_shared: bool,
    /// Documents never returned (the document being compared, say).
    pub exclude_ids: Vec<String>,
    /// Conditions every document must meet.
    pub filters: Vec<DocFilter>,
    pub limit: usize,
}

impl SimilarQuery {
    pub(crate) fn check(&self) -> Result<(), StoreError> {
        self.filters.iter().try_for_each(DocFilter::check)
    }
}

/// Whose documents a query reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Scope<'a> {
    All,
    Tenant(&'a str),
    /// The tenant's documents and the shared ones.
    TenantAndShared(&'a str),
    /// Only the shared documents (one half of `TenantAndShared`).
    Shared,
}

impl Scope<'_> {
    /// Adds the scope's condition on `d.tenant_id`, the same on every
    /// backend.
    pub(crate) fn push<DB>(self, sql: &mut sqlx::QueryBuilder<DB>)
    where
        DB: sqlx::Database,
        for<'t> &'t str: sqlx::Encode<'t, DB> + sqlx::Type<DB>,
    {
        self.push_on(sql, "d.");
    }

    /// The condition on the `tenant_id` column of `table` (`"d."`, `"s."`).
    pub(crate) fn push_on<DB>(self, sql: &mut sqlx::QueryBuilder<DB>, table: &str)
    where
        DB: sqlx::Database,
        for<'t> &'t str: sqlx::Encode<'t, DB> + sqlx::Type<DB>,
    {
        match self {
            Self::All => {}
            Self::Tenant(tenant) => {
                sql.push(format_args!(" AND {table}tenant_id = "))
                    .push_bind(tenant);
            }
            Self::TenantAndShared(tenant) => {
                sql.push(format_args!(" AND ({table}tenant_id = "))
                    .push_bind(tenant)
                    .push(format_args!(" OR {table}tenant_id IS NULL)"));
            }
            Self::Shared => {
                sql.push(format_args!(" AND {table}tenant_id IS NULL"));
            }
        }
    }
}

impl<'a> Scope<'a> {
    pub(crate) fn of(tenant: Option<&'a str>, include_shared: bool) -> Self {
        match (tenant, include_shared) {
            (None, _) => Self::All,
            (Some(tenant), false) => Self::Tenant(tenant),
            (Some(tenant), true) => Self::TenantAndShared(tenant),
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn filters_take_plain_fields_and_scalar_members() {
        assert!(DocFilter::Eq("kind".into(), json!("x")).check().is_ok());
        assert!(DocFilter::Eq("kind'--".into(), json!("x")).check().is_err());
        assert!(
            DocFilter::AtLeast("a.b".into(), "x".into())
                .check()
                .is_err()
        );
        assert!(DocFilter::Contains("tags".into(), json!(1)).check().is_ok());
        assert!(
            DocFilter::Contains("tags".into(), json!(["a"]))
                .check()
                .is_err()
        );
    }
}
