//! `serve` and `replay`.

use std::time::Duration;

use anyhow::Context;
use iiz_app::App;
use iiz_store::EventStore;
use indicatif::{ProgressBar, ProgressStyle};
use tokio::net::TcpListener;

use crate::config::{Config, redact};
use crate::output;

/// Connects without touching the schema.
pub async fn connect(config: &Config) -> anyhow::Result<App> {
    let url = config.database_url();
    App::connect(&url, config.max_connections)
        .await
        .with_context(|| format!("cannot open the database {}", redact(&url)))
}

/// Connects, migrates and brings the read models up to date.
pub async fn open(config: &Config) -> anyhow::Result<App> {
    let app = connect(config).await?;
    app.prepare().await.context("cannot prepare the database")?;
    Ok(app)
}

pub async fn serve(config: Config, demo: bool) -> anyhow::Result<()> {
    for (key, value) in config.describe() {
        tracing::info!(%key, %value, "configuration");
    }
    let app = open(&config).await?;
    if demo {
        let report = app.load_demo().await.context("cannot load demo data")?;
        output::demo_report(&report);
    }
    let listener = TcpListener::bind(config.listen)
        .await
        .with_context(|| format!("cannot listen on {}", config.listen))?;
    let address = listener.local_addr()?;
    output::line(&format!("IIZ platform listening on http://{address}"));
    tracing::info!(%address, store = app.store().backend().name(), "serving");
    axum::serve(listener, iiz_gateway::router(app.clone()))
        .with_graceful_shutdown(shutdown_signal())
        .await
        .context("server error")?;
    app.store().close().await;
    tracing::info!("stopped");
    Ok(())
}

/// Resolves on SIGINT or SIGTERM; in-flight requests then finish.
async fn shutdown_signal() {
    let interrupt = async {
        if let Err(error) = tokio::signal::ctrl_c().await {
            tracing::error!(%error, "cannot listen for SIGINT");
            std::future::pending::<()>().await;
        }
    };
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(error) => {
                tracing::error!(%error, "cannot listen for SIGTERM");
                std::future::pending::<()>().await;
            }
        }
    };
    tokio::select! {
        () = interrupt => {}
        () = terminate => {}
    }
    tracing::info!("shutting down");
}

/// Rebuilds every read model with a progress bar on the terminal.
pub async fn replay(config: &Config) -> anyhow::Result<()> {
    let app = connect(config).await?;
    app.store().migrate().await?;
    let head = app.store().head().await?;
    let bar = ProgressBar::new(u64::try_from(head.position).unwrap_or_default());
    bar.set_style(
        ProgressStyle::with_template(
            "{spinner} replay [{bar:40}] {pos}/{len} events ({per_sec}, {eta})",
        )
        .context("progress bar template")?
        .progress_chars("=> "),
    );
    bar.enable_steady_tick(Duration::from_millis(200));
    let report = iiz_projections::rebuild(app.store(), app.projections(), &|progress| {
        bar.set_position(u64::try_from(progress.position).unwrap_or_default());
    })
    .await?;
    bar.finish_and_clear();
    output::line(&format!(
        "replayed {} events into {} documents in {:.2?}",
        report.events, report.documents_written, report.elapsed
    ));
    Ok(())
}
