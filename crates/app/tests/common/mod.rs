//! What the app's integration tests share: a Fachstelle principal and
//! reading a whole read-model collection.

use iiz_app::App;
use iiz_app::authz::Principal;
use iiz_domain::{PersonId, TenantId, TenantRole};
use iiz_store::{DocQuery, EventStore};
use serde::de::DeserializeOwned;

/// Someone of the national Fachstelle (office role in `CH`).
pub fn fachstelle() -> Principal {
    Principal {
        person: PersonId::new(),
        home: TenantId::National,
        roles: [(TenantId::National, TenantRole::Office)].into(),
        platform_admin: false,
        scope: None,
        language: iiz_domain::Language::De,
    }
}

/// Every document of a collection, as its view type.
pub async fn all<T: DeserializeOwned>(app: &App, collection: &str) -> Vec<T> {
    let query = DocQuery {
        collection: collection.to_owned(),
        limit: 10_000,
        ..DocQuery::default()
    };
    app.store()
        .docs(&query)
        .await
        .unwrap()
        .into_iter()
        .map(|doc| serde_json::from_value(doc.body).unwrap())
        .collect()
}
