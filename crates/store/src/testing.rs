//! Throw-away databases for tests: a SQLite file in a temporary directory,
//! or a fresh PostgreSQL database that is dropped when the test ends.
//!
//! PostgreSQL tests skip (with a message) when no server answers, unless
//! `IIZ_REQUIRE_SERVICES=1`, which CI sets, makes them fail instead.
#![allow(
    clippy::expect_used,
    clippy::panic,
    clippy::print_stderr,
    reason = "test support: a database that cannot be set up must fail the test loudly"
)]

use std::sync::Arc;

use sqlx::{Connection, PgConnection};
use uuid::Uuid;

use crate::upcast::{Upcaster, UpcasterChain};
use crate::{PgEventStore, SqliteEventStore, Store};

/// Where the test PostgreSQL server is; `IIZ_TEST_POSTGRES_URL` overrides.
pub fn postgres_admin_url() -> String {
    std::env::var("IIZ_TEST_POSTGRES_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".to_owned())
}

/// Whether tests must fail rather than skip when a service is missing.
pub fn services_required() -> bool {
    std::env::var("IIZ_REQUIRE_SERVICES").is_ok_and(|value| value == "1" || value == "true")
}

/// A database that exists for one test.
#[derive(Debug)]
pub struct TestDatabase {
    pub store: Store,
    /// The URL the store was opened with (for starting a server on it).
    pub url: String,
    cleanup: Cleanup,
}

#[derive(Debug)]
enum Cleanup {
    Directory(#[allow(dead_code)] tempfile::TempDir),
    Postgres { admin_url: String, name: String },
}

impl TestDatabase {
    /// A migrated SQLite store in a temporary directory.
    pub async fn sqlite() -> Self {
        Self::sqlite_with(Arc::new(UpcasterChain::new())).await
    }

    pub async fn sqlite_with(upcaster: Arc<dyn Upcaster>) -> Self {
        let dir = tempfile::tempdir().expect("temporary directory");
        let path = dir.path().join("iiz.db");
        let store = SqliteEventStore::open(&path)
            .await
            .expect("open sqlite")
            .with_upcaster(upcaster);
        store.migrate().await.expect("migrate sqlite");
        Self {
            store: Store::Sqlite(store),
            url: format!("sqlite://{}", path.display()),
            cleanup: Cleanup::Directory(dir),
        }
    }

    /// A migrated store in a new PostgreSQL database, or `None` (skip) when
    /// no server answers and services are not required.
    pub async fn postgres() -> Option<Self> {
        Self::postgres_with(Arc::new(UpcasterChain::new())).await
    }

    pub async fn postgres_with(upcaster: Arc<dyn Upcaster>) -> Option<Self> {
        let admin_url = postgres_admin_url();
        let mut admin = match PgConnection::connect(&admin_url).await {
            Ok(conn) => conn,
            Err(error) if !services_required() => {
                eprintln!(
                    "skipping PostgreSQL test: {error} (set IIZ_REQUIRE_SERVICES=1 to fail instead)"
                );
                return None;
            }
            Err(error) => panic!("PostgreSQL is required but unreachable at {admin_url}: {error}"),
        };
        let name = format!("iiz_test_{}", Uuid::now_v7().simple());
        sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
            .execute(&mut admin)
            .await
            .expect("create test database");
        let _ = admin.close().await;
        let url = database_url(&admin_url, &name);
        let store = PgEventStore::connect(&url, 16)
            .await
            .expect("connect test database")
            .with_upcaster(upcaster);
        store.migrate().await.expect("migrate postgres");
        Some(Self {
            store: Store::Postgres(store),
            url,
            cleanup: Cleanup::Postgres { admin_url, name },
        })
    }
}

/// The admin URL with its database name replaced.
fn database_url(admin_url: &str, name: &str) -> String {
    let (base, query) = match admin_url.split_once('?') {
        Some((base, query)) => (base, Some(query)),
        None => (admin_url, None),
    };
    let base = match base.rfind('/') {
        Some(slash) if slash > "postgres://".len() => &base[..slash],
        _ => base,
    };
    match query {
        Some(query) => format!("{base}/{name}?{query}"),
        None => format!("{base}/{name}"),
    }
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        if let Cleanup::Postgres { admin_url, name } = &self.cleanup {
            let admin_url = admin_url.clone();
            let thread_name = name.clone();
            // Drop runs inside the test's runtime, which cannot be blocked
            // on; a short-lived thread with its own runtime drops the database.
            let handle = std::thread::spawn(move || {
                let runtime = tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()?;
                runtime.block_on(async move {
                    let mut admin = PgConnection::connect(&admin_url).await?;
                    sqlx::query(sqlx::AssertSqlSafe(format!(
                        "DROP DATABASE IF EXISTS {thread_name} WITH (FORCE)"
                    )))
                    .execute(&mut admin)
                    .await?;
                    admin.close().await?;
                    Ok::<_, sqlx::Error>(())
                })?;
                Ok::<_, Box<dyn std::error::Error + Send + Sync>>(())
            });
            if let Ok(Err(error)) = handle.join() {
                eprintln!("could not drop test database {name}: {error}");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn database_urls_keep_host_and_options() {
        assert_eq!(
            super::database_url("postgres://postgres@127.0.0.1:5432/postgres", "x"),
            "postgres://postgres@127.0.0.1:5432/x"
        );
        assert_eq!(
            super::database_url("postgres://u@h/db?sslmode=disable", "x"),
            "postgres://u@h/x?sslmode=disable"
        );
    }
}
