//! Reading the read models: one page at a time, in a stable order.

use iiz_domain::{BodyId, PersonId, TenantId};
use iiz_projections::{BODIES, BODY_MEMBERS, BodyMembersView, BodyView, Seat, TENANTS, TenantView};
use iiz_store::{DocFilter, DocKey, DocQuery, EventStore};
use serde::de::DeserializeOwned;

use crate::{App, AppError};

/// Most items one page may hold.
pub const MAX_PAGE: usize = 500;

/// A page of a listing; `next` continues after its last item.
#[derive(Debug, Clone, PartialEq)]
pub struct Page<T> {
    pub items: Vec<T>,
    /// The cursor of each item: a listing continues after it.
    pub cursors: Vec<String>,
    /// Opaque cursor of the last item, when more may follow.
    pub next: Option<String>,
}

/// Filters for listing bodies.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct BodyFilter {
    pub tenant: Option<TenantId>,
    pub kind: Option<iiz_domain::body::BodyKind>,
    pub active: Option<bool>,
}

fn encode_cursor(sort_key: &str, id: &str) -> String {
    serde_json::json!([sort_key, id]).to_string()
}

fn decode_cursor(cursor: &str) -> Result<(String, String), AppError> {
    serde_json::from_str::<(String, String)>(cursor)
        .map_err(|_| AppError::invalid(format!("'{cursor}' is not a valid cursor")))
}

impl App {
    pub(crate) async fn page<T: DeserializeOwned + Send>(
        &self,
        mut query: DocQuery,
        after: Option<&str>,
    ) -> Result<Page<T>, AppError> {
        let limit = query.limit.clamp(1, MAX_PAGE);
        query.limit = limit + 1;
        query.after = after.map(decode_cursor).transpose()?;
        let mut docs = self.store.typed_docs::<T>(&query).await?;
        let more = docs.len() > limit;
        docs.truncate(limit);
        let next = if more {
            docs.last()
                .map(|doc| encode_cursor(&doc.sort_key, &doc.key.id))
        } else {
            None
        };
        let cursors = docs
            .iter()
            .map(|doc| encode_cursor(&doc.sort_key, &doc.key.id))
            .collect();
        Ok(Page {
            items: docs.into_iter().map(|doc| doc.body).collect(),
            cursors,
            next,
        })
    }

    /// The tenants, national first.
    pub async fn tenants(
        &self,
        first: usize,
        after: Option<&str>,
    ) -> Result<Page<TenantView>, AppError> {
        let query = DocQuery {
            collection: TENANTS.to_owned(),
            limit: first,
            ..DocQuery::default()
        };
        self.page(query, after).await
    }

    pub async fn tenant(&self, id: TenantId) -> Result<Option<TenantView>, AppError> {
        self.typed_doc(TENANTS, id.as_str()).await
    }

    /// One read-model document as its view type.
    pub(crate) async fn typed_doc<T: DeserializeOwned>(
        &self,
        collection: &str,
        id: &str,
    ) -> Result<Option<T>, AppError> {
        let doc = self.store.doc(&DocKey::new(collection, id)).await?;
        doc.map(|doc| serde_json::from_value(doc.body))
            .transpose()
            .map_err(|error| AppError::Internal(format!("{collection}/{id}: {error}")))
    }

    /// The seat `person` holds in `body` now, if any.
    pub(crate) async fn current_seat(
        &self,
        person: PersonId,
        body: BodyId,
    ) -> Result<Option<Seat>, AppError> {
        let members = self
            .typed_doc::<BodyMembersView>(BODY_MEMBERS, &body.to_string())
            .await?;
        Ok(members.and_then(|members| {
            members
                .current()
                .find(|seat| seat.person == person)
                .cloned()
        }))
    }

    /// Bodies by name, filtered.
    pub async fn bodies(
        &self,
        filter: &BodyFilter,
        first: usize,
        after: Option<&str>,
    ) -> Result<Page<BodyView>, AppError> {
        let mut filters = Vec::new();
        if let Some(kind) = filter.kind {
            filters.push(DocFilter::Eq(
                "kind".to_owned(),
                serde_json::to_value(kind).map_err(|error| AppError::invalid(error.to_string()))?,
            ));
        }
        if let Some(active) = filter.active {
            filters.push(DocFilter::Eq(
                "active".to_owned(),
                serde_json::Value::Bool(active),
            ));
        }
        let query = DocQuery {
            collection: BODIES.to_owned(),
            tenant: filter.tenant.map(|tenant| tenant.as_str().to_owned()),
            filters,
            limit: first,
            ..DocQuery::default()
        };
        self.page(query, after).await
    }
}
