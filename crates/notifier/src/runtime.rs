//! Runs the notifier's tasks beside the server: the relay (one instance at
//! a time), the live feed, the consumer that turns events into
//! notifications and webhook deliveries, and the senders (e-mail, digest,
//! reminders, webhooks).

use iiz_app::App;
use tokio::sync::watch;
use tokio::task::JoinSet;

use crate::bus::Bus;
use crate::consume::EventHandler;
use crate::contract::PublishedEvent;
use crate::handler::Notifications;
use crate::{
    NotifierError, NotifierSettings, consume, digest, email, live, relay, reminders, security,
    webhooks,
};

/// The running notifier; [`Notifier::stop`] ends every task.
#[derive(Debug)]
pub struct Notifier {
    stop: watch::Sender<bool>,
    tasks: JoinSet<()>,
}

/// What the consumer does with each published event: notify the people it
/// concerns, tell their other sessions, and queue it for the tenant's webhooks.
#[derive(Debug, Clone)]
struct Deliveries {
    app: App,
    bus: Bus,
    notifications: Notifications,
}

impl EventHandler for Deliveries {
    async fn handle(&self, event: &PublishedEvent) -> Result<(), NotifierError> {
        let people = self.notifications.handle(event).await?;
        webhooks::enqueue(&self.app, event).await?;
        for person in people {
            self.bus.announce_inbox(&person).await?;
        }
        Ok(())
    }
}

/// A future that resolves once `stop` says so.
async fn stopped(mut stop: watch::Receiver<bool>) {
    // An error means the sender is gone: stop as well.
    while !*stop.borrow_and_update() {
        if stop.changed().await.is_err() {
            return;
        }
    }
}

/// Starts every task of the notifier. NATS being down does not fail the
/// start: the relay and the consumer wait and catch up.
pub async fn start(app: App, settings: NotifierSettings) -> Result<Notifier, NotifierError> {
    let bus = Bus::connect(&app, settings.nats.as_ref()).await?;
    let (stop, watch) = watch::channel(false);
    let mut tasks = JoinSet::new();
    let report = |task: &'static str| {
        move |result: Result<(), NotifierError>| {
            if let Err(error) = result {
                tracing::error!(task, %error, "notifier task ended with an error");
            }
        }
    };
    let deliveries = Deliveries {
        app: app.clone(),
        bus: bus.clone(),
        notifications: Notifications::new(app.clone(), settings.clone())?,
    };
    {
        let (app, bus) = (app.clone(), bus.clone());
        let shutdown = stopped(watch.clone());
        tasks.spawn(relay::run(app, bus, shutdown));
    }
    {
        let (app, bus) = (app.clone(), bus.clone());
        let shutdown = stopped(watch.clone());
        tasks.spawn(live::run(app, bus, shutdown));
    }
    {
        let (app, bus) = (app.clone(), bus.clone());
        let shutdown = stopped(watch.clone());
        tasks.spawn(consume::run(app, bus, deliveries, shutdown));
    }
    {
        let (app, settings, done) = (app.clone(), settings.clone(), report("email"));
        let shutdown = stopped(watch.clone());
        tasks.spawn(async move { done(email::run(app, settings, shutdown).await) });
    }
    {
        let (app, settings, done) = (app.clone(), settings.clone(), report("digest"));
        let shutdown = stopped(watch.clone());
        tasks.spawn(async move { done(digest::run(app, settings, shutdown).await) });
    }
    {
        let (app, bus, settings, done) = (
            app.clone(),
            bus.clone(),
            settings.clone(),
            report("reminders"),
        );
        let shutdown = stopped(watch.clone());
        tasks.spawn(async move { done(reminders::run(app, bus, settings, shutdown).await) });
    }
    {
        let (app, bus, settings, done) = (
            app.clone(),
            bus.clone(),
            settings.clone(),
            report("security"),
        );
        let shutdown = stopped(watch.clone());
        tasks.spawn(async move { done(security::run(app, bus, settings, shutdown).await) });
    }
    {
        let allow_private = settings.webhooks_allow_private;
        let (app, done) = (app.clone(), report("webhooks"));
        let shutdown = stopped(watch.clone());
        tasks.spawn(async move { done(webhooks::run(app, allow_private, shutdown).await) });
    }
    Ok(Notifier { stop, tasks })
}

impl Notifier {
    /// Asks every task to stop and waits for them: a batch being published
    /// or an e-mail being sent finishes first.
    pub async fn stop(mut self) {
        self.stop.send_replace(true);
        while let Some(joined) = self.tasks.join_next().await {
            if let Err(error) = joined {
                tracing::error!(%error, "a notifier task panicked");
            }
        }
    }
}
