//! The SQL migrations under `schema/migrations/`, embedded in the binary.

use std::borrow::Cow;

use sqlx::SqlSafeStr;
use sqlx::migrate::{Migration, MigrationType, Migrator};

/// `(version, description, sql)` of each PostgreSQL migration, in order.
const POSTGRES: &[(i64, &str, &str)] = &[
    (
        1,
        "event store",
        include_str!("../../../schema/migrations/postgres/0001_event_store.sql"),
    ),
    (
        2,
        "accounts",
        include_str!("../../../schema/migrations/postgres/0002_accounts.sql"),
    ),
    (
        3,
        "document search",
        include_str!("../../../schema/migrations/postgres/0003_document_search.sql"),
    ),
    (
        4,
        "outbound",
        include_str!("../../../schema/migrations/postgres/0004_outbound.sql"),
    ),
    (
        11,
        "sign-in throttling and session lifecycle",
        include_str!("../../../schema/migrations/postgres/0011_signin_sessions.sql"),
    ),
    (
        12,
        "account links",
        include_str!("../../../schema/migrations/postgres/0012_account_links.sql"),
    ),
    (
        13,
        "personal data",
        include_str!("../../../schema/migrations/postgres/0013_personal_data.sql"),
    ),
];

/// `(version, description, sql)` of each SQLite migration, in order.
const SQLITE: &[(i64, &str, &str)] = &[
    (
        1,
        "event store",
        include_str!("../../../schema/migrations/sqlite/0001_event_store.sql"),
    ),
    (
        2,
        "accounts",
        include_str!("../../../schema/migrations/sqlite/0002_accounts.sql"),
    ),
    (
        3,
        "document search",
        include_str!("../../../schema/migrations/sqlite/0003_document_search.sql"),
    ),
    (
        4,
        "outbound",
        include_str!("../../../schema/migrations/sqlite/0004_outbound.sql"),
    ),
    (
        11,
        "sign-in throttling and session lifecycle",
        include_str!("../../../schema/migrations/sqlite/0011_signin_sessions.sql"),
    ),
    (
        12,
        "account links",
        include_str!("../../../schema/migrations/sqlite/0012_account_links.sql"),
    ),
    (
        13,
        "personal data",
        include_str!("../../../schema/migrations/sqlite/0013_personal_data.sql"),
    ),
    (
        14,
        "search listing",
        include_str!("../../../schema/migrations/sqlite/0014_search_listing.sql"),
    ),
    (
        15,
        "read models with rowids",
        include_str!("../../../schema/migrations/sqlite/0015_read_models_rowid.sql"),
    ),
];

fn migrator(migrations: &'static [(i64, &'static str, &'static str)]) -> Migrator {
    Migrator::with_migrations(
        migrations
            .iter()
            .map(|(version, description, sql)| {
                Migration::new(
                    *version,
                    Cow::Borrowed(*description),
                    MigrationType::Simple,
                    sql.into_sql_str(),
                    false,
                )
            })
            .collect(),
    )
}

pub(crate) fn postgres() -> Migrator {
    migrator(POSTGRES)
}

pub(crate) fn sqlite() -> Migrator {
    migrator(SQLITE)
}
