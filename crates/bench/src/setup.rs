//! What the sections share: a fresh database per backend and the national
//! office that reads everything.

use anyhow::Context;
use iiz_app::authz::Principal;
use iiz_domain::{PersonId, TenantId, TenantRole};
use iiz_store::testing::TestDatabase;

use crate::BackendChoice;

/// A fresh, migrated database of `backend`, with the platform's upcasters,
/// and the backend's name for the report.
pub async fn fresh_database(
    backend: BackendChoice,
) -> anyhow::Result<(TestDatabase, &'static str)> {
    Ok(match backend {
        BackendChoice::Sqlite => (
            TestDatabase::sqlite_with(iiz_app::upcasters()).await,
            "SQLite",
        ),
        BackendChoice::Postgres => (
            TestDatabase::postgres_with(iiz_app::upcasters())
                .await
                .context("PostgreSQL is not reachable")?,
            "PostgreSQL",
        ),
    })
}

/// The national office (Fachstelle), which sees every concern and monitors
/// every recommendation.
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
