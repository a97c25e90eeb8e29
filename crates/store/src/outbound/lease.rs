//! Leadership of a singleton task among instances sharing one database.

use sqlx::{Connection, PgConnection, PgPool};

use crate::error::StoreError;

/// How long the lock's connection may take to answer before the lead is
/// taken as lost.
const PING_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(3);

/// Held while this instance runs a singleton task. Dropping it (or the
/// process dying) gives the task up.
#[derive(Debug)]
pub struct Leadership {
    held: Held,
}

#[derive(Debug)]
enum Held {
    /// The advisory lock lives as long as this connection, which is taken
    /// out of the pool so the lock never returns to it with the connection.
    Postgres(Box<PgConnection>),
    /// The embedded default serves one instance.
    Embedded,
}

impl Leadership {
    pub(crate) fn embedded() -> Self {
        Self {
            held: Held::Embedded,
        }
    }

    /// Whether the lead is still held: on PostgreSQL, whether the lock's
    /// connection still answers. Call it before each unit of work; once it
    /// says false, stop and try to lead again.
    pub async fn holds(&mut self) -> bool {
        match &mut self.held {
            // A connection that no longer answers (a dead network path
            // sends no reset) counts as lost: better to step down than to
            // relay beside a new leader.
            Held::Postgres(connection) => tokio::time::timeout(PING_TIMEOUT, connection.ping())
                .await
                .is_ok_and(|pinged| pinged.is_ok()),
            Held::Embedded => true,
        }
    }

    /// Gives the lead up at once (another instance may take it).
    pub async fn release(self) {
        if let Held::Postgres(connection) = self.held {
            // Closing the session releases its advisory locks.
            if let Err(error) = connection.close().await {
                tracing::debug!(%error, "closing the leadership connection");
            }
        }
    }
}

pub(super) async fn try_lead_postgres(
    pool: &PgPool,
    name: &str,
) -> Result<Option<Leadership>, StoreError> {
    let mut connection = pool.acquire().await?.detach();
    let locked: bool = sqlx::query_scalar("SELECT pg_try_advisory_lock(hashtextextended($1, 0))")
        .bind(format!("iiz.lead.{name}"))
        .fetch_one(&mut connection)
        .await?;
    if locked {
        Ok(Some(Leadership {
            held: Held::Postgres(Box::new(connection)),
        }))
    } else {
        connection.close().await.ok();
        Ok(None)
    }
}
