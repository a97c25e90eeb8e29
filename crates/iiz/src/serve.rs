//! `serve` and `replay`.

use std::time::Duration;

use anyhow::Context;
use iiz_app::App;
use iiz_store::EventStore;
use indicatif::{ProgressBar, ProgressStyle};
use std::future::Future;
use std::net::SocketAddr;

use tokio::net::TcpListener;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

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

/// A server started by [`start`].
#[derive(Debug)]
pub struct Running {
    /// Where it listens (the real port when port 0 was asked for).
    pub address: SocketAddr,
    pub app: App,
    stop: Option<oneshot::Sender<()>>,
    task: JoinHandle<anyhow::Result<()>>,
}

impl Running {
    /// Stops accepting, lets in-flight requests finish, closes the store.
    pub async fn stop(mut self) -> anyhow::Result<()> {
        if let Some(stop) = self.stop.take() {
            // The server may already have stopped on its own.
            stop.send(()).ok();
        }
        self.wait().await
    }

    /// Waits until the server has stopped.
    pub async fn wait(self) -> anyhow::Result<()> {
        self.task.await.context("server task failed")?
    }
}

/// Opens the database, prepares it, optionally loads demo data, binds and
/// serves until [`Running::stop`] or the `shutdown` future resolves.
pub async fn start(
    config: Config,
    demo: bool,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> anyhow::Result<Running> {
    for (key, value) in config.describe() {
        tracing::info!(%key, %value, "configuration");
    }
    let app = open(&config)
        .await?
        .with_sessions(config.sessions.settings());
    // Meeting decisions minuted before a crash but not yet carried out.
    let resumed = app
        .resume_propagations()
        .await
        .context("cannot complete pending meeting decisions")?;
    if resumed > 0 {
        tracing::info!(resumed, "pending meeting decisions carried out");
    }
    // Circular resolutions closed as carried before a crash but whose
    // effect was not yet carried out.
    let resumed = app
        .resume_resolution_propagations()
        .await
        .context("cannot complete pending circular resolutions")?;
    if resumed > 0 {
        tracing::info!(resumed, "pending circular resolutions carried out");
    }
    // EKG seats of network delegations recorded before a crash but not yet
    // in place.
    let seats = app
        .resume_network_seats()
        .await
        .context("cannot complete pending EKG seats of the networks")?;
    if seats > 0 {
        tracing::info!(seats, "pending EKG seats of network delegates put in place");
    }
    if demo {
        let report = app
            .load_demo_guarded(config.demo_force)
            .await
            .context("cannot load demo data")?;
        output::demo_report(&report);
    }
    let notifier_settings = config.notifier()?;
    let letters = iiz_notifier::account_mail::LetterSender::new(&notifier_settings)
        .context("cannot set up the account e-mails")?;
    let app = app
        .with_webhooks_allow_private(notifier_settings.webhooks_allow_private)
        .with_account_mail(std::sync::Arc::new(letters))
        .with_access_log_retention(config.privacy.access_log_days)
        .with_panorama_rules(config.panorama.clone());
    // Forgetting a person also erases the e-mails written as files.
    let app = match config.notify.smtp_host {
        Some(_) => app,
        None => app.with_mail_files(config.mail_dir()),
    };
    if config.notify.smtp_host.is_none() {
        output::line(&format!(
            "no SMTP server configured: e-mails are written as .eml files to {}",
            config.mail_dir().display()
        ));
    }
    let notifier = iiz_notifier::runtime::start(app.clone(), notifier_settings)
        .await
        .context("cannot start the notifier")?;
    let listener = TcpListener::bind(config.listen)
        .await
        .with_context(|| format!("cannot listen on {}", config.listen))?;
    let address = listener.local_addr()?;
    tracing::info!(%address, store = app.store().backend().name(), "serving");
    let (stop, stopped) = oneshot::channel::<()>();
    let (purge_stop, purge_stopped) = oneshot::channel::<()>();
    let purge = tokio::spawn(purge_sessions(app.clone(), purge_stopped));
    let served = app.clone();
    let router = iiz_gateway::router(app.clone(), &config.gateway());
    let task = tokio::spawn(async move {
        let signal = async move {
            tokio::select! {
                () = shutdown => {}
                _ = stopped => {}
            }
        };
        let service = router.into_make_service_with_connect_info::<SocketAddr>();
        axum::serve(listener, service)
            .with_graceful_shutdown(signal)
            .await
            .context("server error")?;
        notifier.stop().await;
        purge_stop.send(()).ok();
        if let Err(error) = purge.await {
            tracing::error!(%error, "the session purge task failed");
        }
        served.store().close().await;
        tracing::info!("stopped");
        Ok(())
    });
    Ok(Running {
        address,
        app,
        stop: Some(stop),
        task,
    })
}

/// How often expired sessions, quiet attempt counts and told locks are
/// deleted.
const PURGE_EVERY: Duration = Duration::from_secs(10 * 60);

/// Deletes what has expired at start and then every [`PURGE_EVERY`],
/// until `stop`. Every instance may run it: the deletes are idempotent.
async fn purge_sessions(app: App, mut stop: oneshot::Receiver<()>) {
    loop {
        match app.purge_expired_sessions(chrono::Utc::now()).await {
            Ok(purged) if purged != iiz_store::Purged::default() => {
                tracing::info!(
                    sessions = purged.sessions,
                    attempts = purged.attempts,
                    locks = purged.locks,
                    links = purged.links,
                    "expired sign-in state purged"
                );
            }
            Ok(_) => {}
            Err(error) => tracing::warn!(%error, "purging expired sessions failed"),
        }
        tokio::select! {
            _ = &mut stop => return,
            () = tokio::time::sleep(PURGE_EVERY) => {}
        }
    }
}

/// `iiz serve`: serves until SIGINT or SIGTERM.
pub async fn serve(config: Config, demo: bool) -> anyhow::Result<()> {
    let running = start(config, demo, shutdown_signal()).await?;
    output::line(&format!(
        "IIZ platform listening on http://{}",
        running.address
    ));
    // The logins above are of no use without the address of the pages.
    if demo {
        output::line(&format!(
            "the pages: http://{}/ (sign in with one of the demo logins above)",
            running.address
        ));
    }
    running.wait().await
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

/// Rebuilds every read model into a new generation and switches it in,
/// with a progress bar on the terminal. Instances keep serving and
/// appending meanwhile; a rebuild already running elsewhere is waited for.
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
        "replayed {} events ({} of them appended while it ran) into {} documents in {:.2?}",
        report.events, report.caught_up, report.documents_written, report.elapsed
    ));
    Ok(())
}
