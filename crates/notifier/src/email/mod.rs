//! The e-mail dispatcher: claims the e-mails that are due, builds each as a
//! MIME message ([`message`]) and hands it to the SMTP server or writes it
//! as an `.eml` file ([`transport`]).
//!
//! A claimed e-mail is leased for two minutes, so another instance does not
//! send it meanwhile and a crash only delays it. Accepted → sent. Refused
//! for the moment (no connection, 4xx) → tried again after a backoff that
//! doubles from 30 seconds to an hour, for as long as it takes: nothing is
//! lost. Refused for good (5xx about the recipient) → rejected, and listed
//! for the tenant admin. An e-mail is marked sent only after the server
//! accepted it; should the record fail, the e-mail goes again with the same
//! Message-ID.

pub mod message;
pub mod transport;

use std::future::Future;
use std::time::Duration;

use chrono::{DateTime, Utc};
use iiz_app::App;
use iiz_store::{DeliveryFailure, OutgoingEmail};
use lettre::message::Mailbox;

use crate::{NotifierError, NotifierSettings};
use message::{BuildError, build};
use transport::{Mailer, Refusal, SendFailure};

/// How long a claimed e-mail is reserved for this instance.
pub const LEASE: chrono::TimeDelta = chrono::TimeDelta::minutes(2);
/// E-mails claimed at once.
pub const BATCH: usize = 10;
/// How often the queue is looked at when it was empty.
const POLL: Duration = Duration::from_secs(2);
/// The first wait after a store fault; it doubles up to a minute.
const RETRY: Duration = Duration::from_secs(1);
const MAX_RETRY: Duration = Duration::from_secs(60);

/// The longest wait between two attempts.
const MAX_BACKOFF: i64 = 60 * 60;

/// The wait after the `attempts`-th failed attempt: `base` (30 s by
/// default, `mail_retry_seconds`), then twice as long each time, at most an
/// hour.
pub fn backoff(base: Duration, attempts: u32) -> chrono::TimeDelta {
    let base = i64::try_from(base.as_secs().max(1)).unwrap_or(MAX_BACKOFF);
    let doublings = attempts.saturating_sub(1).min(20);
    chrono::TimeDelta::seconds(base.saturating_mul(1 << doublings).min(MAX_BACKOFF))
}

/// What one round of sending did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DispatchReport {
    pub claimed: usize,
    pub sent: usize,
    /// Waiting for another attempt.
    pub deferred: usize,
    /// Refused for good.
    pub rejected: usize,
}

/// Sends the e-mails that are due.
#[derive(Debug, Clone)]
pub struct Dispatcher {
    app: App,
    mailer: Mailer,
    from: Mailbox,
    retry_base: Duration,
}

impl Dispatcher {
    /// Fails when the sender or the SMTP settings are not usable.
    pub fn new(app: App, settings: &NotifierSettings) -> Result<Self, NotifierError> {
        Ok(Self {
            app,
            mailer: Mailer::new(&settings.mail)?,
            from: Mailer::sender(&settings.mail)?,
            retry_base: settings.mail.retry_base,
        })
    }

    /// Claims and sends up to [`BATCH`] e-mails due by `now`.
    pub async fn send_due(&self, now: DateTime<Utc>) -> Result<DispatchReport, NotifierError> {
        let store = self.app.store();
        let emails = store.claim_emails(now, now + LEASE, BATCH).await?;
        let mut report = DispatchReport {
            claimed: emails.len(),
            ..DispatchReport::default()
        };
        // Once the server does not answer, the rest of the batch waits
        // without trying: each would only wait for the same timeout.
        let mut unreachable: Option<String> = None;
        for email in &emails {
            let failure = match &unreachable {
                Some(error) => SendFailure::Transient(error.clone()),
                None => match self.send(email).await {
                    Ok(()) => {
                        store.email_sent(email.id, now).await?;
                        report.sent += 1;
                        continue;
                    }
                    Err(Refusal { failure, answered }) => {
                        if !answered && let SendFailure::Transient(error) = &failure {
                            unreachable = Some(error.clone());
                        }
                        failure
                    }
                },
            };
            let (error, next) = match failure {
                SendFailure::Permanent(error) => {
                    report.rejected += 1;
                    tracing::warn!(email = %email.id, %error, "e-mail refused for good");
                    (error, DeliveryFailure::Permanent)
                }
                SendFailure::Transient(error) => {
                    report.deferred += 1;
                    let at = now + backoff(self.retry_base, email.attempts);
                    tracing::info!(email = %email.id, attempts = email.attempts, %error, retry_at = %at, "e-mail deferred");
                    (error, DeliveryFailure::RetryAt(at))
                }
            };
            store.email_failed(email.id, &error, next, now).await?;
        }
        Ok(report)
    }

    /// Builds and hands over one e-mail. One that cannot be built (an
    /// invalid address) never will be: refused for good.
    async fn send(&self, email: &OutgoingEmail) -> Result<(), Refusal> {
        let message = build(email, &self.from).map_err(|error: BuildError| Refusal {
            failure: SendFailure::Permanent(error.to_string()),
            answered: true,
        })?;
        self.mailer.send(email.id, &message).await
    }
}

/// Sends due e-mails until `shutdown` resolves: at once while the queue is
/// full, every two seconds otherwise. A store fault is logged and retried
/// with backoff; an e-mail interrupted by shutdown is sent again once its
/// lease ends.
pub async fn run(
    app: App,
    settings: NotifierSettings,
    shutdown: impl Future<Output = ()> + Send,
) -> Result<(), NotifierError> {
    let dispatcher = Dispatcher::new(app, &settings)?;
    let mut retry = RETRY;
    tokio::pin!(shutdown);
    loop {
        let round = tokio::select! {
            () = &mut shutdown => return Ok(()),
            round = dispatcher.send_due(Utc::now()) => round,
        };
        let wait = match round {
            Ok(report) => {
                retry = RETRY;
                if report.claimed == BATCH {
                    Duration::ZERO
                } else {
                    POLL
                }
            }
            Err(error) => {
                tracing::warn!(%error, retry_in = ?retry, "e-mail dispatch failed");
                let wait = retry;
                retry = (retry * 2).min(MAX_RETRY);
                wait
            }
        };
        tokio::select! {
            () = &mut shutdown => return Ok(()),
            () = tokio::time::sleep(wait) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_from_thirty_seconds_to_an_hour() {
        let seconds: Vec<i64> = (1..=10)
            .map(|attempts| backoff(Duration::from_secs(30), attempts).num_seconds())
            .collect();
        assert_eq!(
            seconds,
            [30, 60, 120, 240, 480, 960, 1920, 3600, 3600, 3600]
        );
        assert_eq!(backoff(Duration::from_secs(30), 0).num_seconds(), 30);
        assert_eq!(
            backoff(Duration::from_secs(30), u32::MAX).num_seconds(),
            3600
        );
    }

    #[test]
    fn the_first_wait_is_configured() {
        let seconds: Vec<i64> = (1..=4)
            .map(|attempts| backoff(Duration::from_secs(1), attempts).num_seconds())
            .collect();
        assert_eq!(seconds, [1, 2, 4, 8]);
    }
}
