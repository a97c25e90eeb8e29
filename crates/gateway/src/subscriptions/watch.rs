//! A live socket checks again whether its credentials still hold: when
//! its person signs out or revokes a token here ([`LiveSignal::Access`]),
//! when their person record changes (a role granted or revoked), and every
//! [`super::SocketLimits::recheck_interval`] for what sends no signal (a
//! session expiring, a sign-out on another instance).
//!
//! A credential gone ends the socket; changed roles replace the principal
//! every operation and subscription of the socket reads with, so a
//! subscription that needed a removed role ends with its refusal.

use std::sync::Arc;
use std::time::Duration;

use iiz_app::App;
use iiz_app::authz::Principal;
use iiz_app::outbound::LiveSignal;
use iiz_domain::Aggregate;
use iiz_domain::person::Person;
use tokio::sync::broadcast::error::RecvError;
use tokio::sync::{broadcast, oneshot, watch};
use tokio::task::JoinHandle;

use super::admission::Credential;

/// The running check; it stops when dropped with its socket.
#[derive(Debug)]
pub struct Watch(JoinHandle<()>);

impl Drop for Watch {
    fn drop(&mut self) {
        self.0.abort();
    }
}

/// What the check needs.
#[derive(Debug)]
pub struct Watched {
    pub app: App,
    pub credential: Credential,
    pub person: String,
    /// The principal the socket's operations read with.
    pub principal: Arc<watch::Sender<Option<Principal>>>,
    pub every: Duration,
    /// Told once the credential no longer holds.
    pub ended: oneshot::Sender<()>,
}

/// Starts checking; anonymous sockets have nothing to check.
pub fn start(watched: Watched) -> Option<Watch> {
    if matches!(watched.credential, Credential::Anonymous) {
        return None;
    }
    Some(Watch(tokio::spawn(run(watched))))
}

/// Whether `signal` may change what the credential of `person` allows.
fn concerns(signal: &LiveSignal, person: &str) -> bool {
    match signal {
        LiveSignal::Access { person: changed } => changed == person,
        LiveSignal::Event {
            stream_type,
            stream_id,
            ..
        } => stream_type == Person::STREAM_TYPE && stream_id == person,
        LiveSignal::Inbox { .. } => false,
    }
}

/// The principal the credential stands for now; `None` once it is gone.
async fn check(app: &App, credential: &Credential) -> Result<Option<Principal>, iiz_app::AppError> {
    Ok(match credential {
        Credential::Anonymous => None,
        Credential::Session(token) => app.session(token).await?.map(|active| active.principal),
        Credential::Token(secret) => app.bearer_token(secret).await?.map(|token| token.principal),
    })
}

/// The next signal; pending for ever once the feed is closed.
async fn next(live: &mut Option<broadcast::Receiver<LiveSignal>>) -> Result<LiveSignal, RecvError> {
    match live {
        Some(receiver) => receiver.recv().await,
        None => std::future::pending().await,
    }
}

async fn run(watched: Watched) {
    let Watched {
        app,
        credential,
        person,
        principal,
        every,
        ended,
    } = watched;
    let mut live = Some(app.live().subscribe());
    let mut ticks = tokio::time::interval(every);
    ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    // The first tick is immediate; the socket was checked just now.
    ticks.tick().await;
    loop {
        tokio::select! {
            _ = ticks.tick() => {}
            received = next(&mut live) => match received {
                Ok(signal) if concerns(&signal, &person) => {}
                Ok(_) => continue,
                // Skipped signals may have been about us.
                Err(RecvError::Lagged(_)) => {}
                Err(RecvError::Closed) => {
                    live = None;
                    continue;
                }
            },
        }
        match check(&app, &credential).await {
            Ok(Some(now)) => {
                principal.send_if_modified(|current| {
                    let changed = current.as_ref() != Some(&now);
                    if changed {
                        *current = Some(now);
                    }
                    changed
                });
            }
            Ok(None) => {
                // The socket may have ended meanwhile; nobody to tell then.
                ended.send(()).ok();
                return;
            }
            Err(error) => {
                tracing::warn!(%error, "checking a socket's credentials failed; trying again later");
            }
        }
    }
}
