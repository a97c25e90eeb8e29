//! Keeping the read models current with the code: at start, projections
//! whose version changed are rebuilt into a new generation while this
//! instance (and every other one) serves from the live generation; one
//! instance rebuilds, the others wait for its switch ([`iiz_projections::rebuild`]).

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

use crate::{App, AppError};

/// What this instance did about rebuilding, for metrics.
#[derive(Debug, Default)]
pub struct RebuildStatus {
    running: AtomicBool,
    completed: AtomicU64,
}

impl RebuildStatus {
    /// Whether this instance is rebuilding read models now.
    pub fn running(&self) -> bool {
        self.running.load(Ordering::Relaxed)
    }

    /// How many rebuilds this instance completed since it started.
    pub fn completed(&self) -> u64 {
        self.completed.load(Ordering::Relaxed)
    }
}

impl App {
    /// This instance's rebuilds.
    pub fn rebuild_status(&self) -> &Arc<RebuildStatus> {
        &self.rebuilds
    }

    /// Applies migrations and brings the read models up to the code's
    /// versions. Read models never built before are built now (there is
    /// nothing to serve meanwhile); changed ones are rebuilt in a task while
    /// the live generation serves, by whichever instance gets the store's
    /// rebuild lock first.
    pub async fn prepare(&self) -> Result<(), AppError> {
        self.store.migrate().await?;
        self.seal_legacy_personal_fields().await?;
        let staleness = iiz_projections::staleness(&self.store, &self.projections).await?;
        if staleness.stale.is_empty() {
            return Ok(());
        }
        if !staleness.built {
            return self.rebuild_if_stale().await;
        }
        tracing::info!(projections = ?staleness.stale, "read models changed: rebuilding while serving");
        let app = self.clone();
        tokio::spawn(async move {
            if let Err(error) = app.rebuild_if_stale().await {
                tracing::error!(%error, "rebuilding the read models failed; the previous generation keeps serving");
            }
        });
        Ok(())
    }

    async fn rebuild_if_stale(&self) -> Result<(), AppError> {
        let status = &self.rebuilds;
        let report = {
            // Marked running only once this instance holds the lock and
            // rebuilds: the progress callback runs from the first batch.
            let progress = |_: iiz_projections::RebuildProgress| {
                status.running.store(true, Ordering::Relaxed);
            };
            let report =
                iiz_projections::rebuild_if_stale(&self.store, &self.projections, &progress).await;
            status.running.store(false, Ordering::Relaxed);
            report?
        };
        match report {
            Some(report) => {
                status.completed.fetch_add(1, Ordering::Relaxed);
                tracing::info!(
                    events = report.events,
                    caught_up = report.caught_up,
                    elapsed = ?report.elapsed,
                    "read models rebuilt and switched in"
                );
            }
            None => tracing::info!("read models were rebuilt by another instance"),
        }
        Ok(())
    }
}
