//! Webhooks: every published event of a tenant is POSTed to each webhook
//! its tenant admin registered, until the receiver answers 2xx.
//!
//! # What a receiver gets
//!
//! `POST <url>` with the event's public contract as the JSON body
//! ([`PublishedEvent`], see `schema/events/`) and these headers:
//!
//! - `Content-Type: application/json`
//! - `X-IIZ-Event-Id`: the event id; a delivery may be repeated (a retry
//!   after a lost answer, a replay), so receivers drop ids they have seen;
//! - `X-IIZ-Event-Type`: the contract's `type`, e.g. `concern.Decided`;
//! - `X-IIZ-Timestamp`: when this attempt was signed, in Unix seconds;
//! - `X-IIZ-Signature: sha256=<hex>`: the HMAC-SHA256, keyed with the
//!   webhook's secret (the 64 hex characters shown at registration, used
//!   as text, not decoded), of `<X-IIZ-Timestamp>.<body>`: the timestamp's
//!   decimal digits, a full stop, and the body's bytes exactly as received.
//!
//! A receiver verifies by computing the same HMAC over the raw body,
//! comparing it with the header in constant time, and refusing timestamps
//! more than a few minutes away from its clock (a replayed old request).
//!
//! # Retries
//!
//! Anything but a 2xx answer within 10 s (redirects are not followed) is a
//! failed attempt, retried after 10 s × 2ⁿ (at most an hour, with ±20 %
//! jitter so receivers coming back are not hit all at once). After 8
//! attempts the delivery is dead: the tenant admin sees it in the dead
//! letters and may replay it. Deliveries are claimed with a lease, so
//! several instances share the work and a crash only delays a delivery.
//!
//! The address a webhook's name resolves to is checked again at every
//! attempt ([`iiz_app::webhooks::forbidden_address`]): a name that now
//! points into a private network is not called.

use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use chrono::Utc;
use futures::StreamExt;
use hmac::{Hmac, Mac};
use iiz_app::App;
use iiz_app::webhooks::{check_webhook_url, forbidden_address};
use iiz_store::{DeliveryFailure, WebhookDelivery};
use reqwest::dns::{Addrs, Name, Resolve, Resolving};
use serde_json::Value;
use sha2::Sha256;
use uuid::Uuid;

use crate::NotifierError;
use crate::contract::PublishedEvent;

/// How the dispatcher delivers; [`DispatchSettings::new`] gives the
/// production values, tests shorten the waits.
#[derive(Debug, Clone)]
pub struct DispatchSettings {
    /// Private-range targets (and plain `http`) allowed.
    pub allow_private: bool,
    /// Wait after the first failed attempt; doubled after each further one.
    pub first_retry: Duration,
    pub max_retry: Duration,
    /// Attempts before a delivery is dead.
    pub max_attempts: u32,
    /// How long a receiver may take to answer.
    pub timeout: Duration,
    /// How long to wait when nothing is due.
    pub idle: Duration,
    /// Deliveries claimed at once.
    pub batch: usize,
    /// Deliveries sent at the same time.
    pub concurrency: usize,
}

impl DispatchSettings {
    pub fn new(allow_private: bool) -> Self {
        Self {
            allow_private,
            first_retry: Duration::from_secs(10),
            max_retry: Duration::from_secs(60 * 60),
            max_attempts: 8,
            timeout: Duration::from_secs(10),
            idle: Duration::from_secs(1),
            batch: 32,
            concurrency: 8,
        }
    }
}

/// Queues a published event for every webhook of its tenant (once per
/// webhook and event, however often called).
pub async fn enqueue(app: &App, event: &PublishedEvent) -> Result<(), NotifierError> {
    let body =
        serde_json::to_string(event).map_err(|error| NotifierError::Contract(error.to_string()))?;
    let queued = app
        .store()
        .enqueue_webhook_deliveries(&event.tenant, event.id, &body, Utc::now())
        .await?;
    if queued > 0 {
        tracing::debug!(event = %event.id, tenant = %event.tenant, queued, "webhook deliveries queued");
    }
    Ok(())
}

/// Delivers due webhook deliveries until `shutdown` resolves.
pub async fn run(
    app: App,
    allow_private: bool,
    shutdown: impl Future<Output = ()> + Send,
) -> Result<(), NotifierError> {
    run_with(app, DispatchSettings::new(allow_private), shutdown).await
}

/// [`run`] with explicit settings.
pub async fn run_with(
    app: App,
    settings: DispatchSettings,
    shutdown: impl Future<Output = ()> + Send,
) -> Result<(), NotifierError> {
    let client = http_client(&settings)?;
    let mut shutdown = std::pin::pin!(shutdown);
    let mut fault = Duration::ZERO;
    loop {
        let now = Utc::now();
        // Long enough for the whole batch to be tried (the last ones wait
        // for a free slot); a crashed instance's claims come due after it.
        let rounds = settings.batch.div_ceil(settings.concurrency.max(1));
        let lease = settings
            .timeout
            .saturating_mul(u32::try_from(rounds).unwrap_or(u32::MAX))
            .saturating_add(Duration::from_secs(30));
        let lease_until = now + chrono::Duration::from_std(lease).unwrap_or(chrono::Duration::MAX);
        let pause = match app
            .store()
            .claim_webhook_deliveries(now, lease_until, settings.batch)
            .await
        {
            Ok(claimed) if claimed.is_empty() => {
                fault = Duration::ZERO;
                settings.idle
            }
            Ok(claimed) => {
                fault = Duration::ZERO;
                let work = futures::stream::iter(claimed)
                    .for_each_concurrent(settings.concurrency, |delivery| {
                        attempt(&app, &client, &settings, delivery)
                    });
                tokio::select! {
                    () = work => {}
                    () = &mut shutdown => return Ok(()),
                }
                // More may be due at once.
                Duration::ZERO
            }
            Err(error) => {
                fault = (fault * 2).clamp(Duration::from_secs(1), Duration::from_secs(30));
                tracing::warn!(%error, retry_in = ?fault, "webhooks: cannot claim deliveries");
                fault
            }
        };
        tokio::select! {
            () = tokio::time::sleep(pause) => {}
            () = &mut shutdown => return Ok(()),
        }
    }
}

/// One attempt of one delivery, and what it did recorded.
async fn attempt(
    app: &App,
    client: &reqwest::Client,
    settings: &DispatchSettings,
    delivery: WebhookDelivery,
) {
    let outcome = post(client, settings, &delivery).await;
    let now = Utc::now();
    let recorded = match outcome {
        Ok(()) => app.store().webhook_delivered(delivery.id, now).await,
        Err(error) => {
            let failure = if delivery.attempts >= settings.max_attempts {
                tracing::warn!(delivery = %delivery.id, webhook = %delivery.webhook, %error, "webhook delivery gave up");
                DeliveryFailure::Permanent
            } else {
                let wait = retry_delay(delivery.attempts, settings, delivery.id);
                tracing::info!(delivery = %delivery.id, webhook = %delivery.webhook, %error, retry_in = ?wait, "webhook delivery failed");
                DeliveryFailure::RetryAt(
                    now + chrono::Duration::from_std(wait).unwrap_or(chrono::Duration::MAX),
                )
            };
            app.store()
                .webhook_failed(delivery.id, &error, failure, now)
                .await
        }
    };
    if let Err(error) = recorded {
        // The lease runs out and the delivery is tried again: the receiver
        // may get it twice, which the event id lets it notice.
        tracing::error!(%error, delivery = %delivery.id, "webhooks: cannot record an attempt");
    }
}

/// Sends one delivery; the error says what the tenant admin will read.
async fn post(
    client: &reqwest::Client,
    settings: &DispatchSettings,
    delivery: &WebhookDelivery,
) -> Result<(), String> {
    check_webhook_url(&delivery.url, settings.allow_private).map_err(|error| error.to_string())?;
    let timestamp = Utc::now().timestamp();
    let event_type = serde_json::from_str::<Value>(&delivery.body)
        .ok()
        .and_then(|body| body.get("type").and_then(Value::as_str).map(str::to_owned))
        .unwrap_or_default();
    let response = client
        .post(&delivery.url)
        .header(reqwest::header::CONTENT_TYPE, "application/json")
        .header("X-IIZ-Event-Id", delivery.event_id.to_string())
        .header("X-IIZ-Event-Type", event_type)
        .header("X-IIZ-Timestamp", timestamp.to_string())
        .header(
            "X-IIZ-Signature",
            signature(&delivery.secret, timestamp, &delivery.body),
        )
        .body(delivery.body.clone())
        .send()
        .await
        .map_err(|error| describe(&error, settings.timeout))?;
    let status = response.status();
    if status.is_success() {
        Ok(())
    } else {
        Err(format!("the receiver answered HTTP {}", status.as_u16()))
    }
}

/// A failed request in a few words: the cause, without the request's
/// internals.
fn describe(error: &reqwest::Error, timeout: Duration) -> String {
    if error.is_timeout() {
        return format!("no answer within {} s", timeout.as_secs());
    }
    let mut causes = Vec::new();
    let mut source = std::error::Error::source(error);
    while let Some(cause) = source {
        causes.push(cause.to_string());
        source = cause.source();
    }
    match causes.last() {
        Some(root) if error.is_connect() => format!("cannot connect: {root}"),
        Some(root) => format!("request failed: {root}"),
        None => "request failed".to_owned(),
    }
}

/// `sha256=<hex HMAC-SHA256(secret, "<timestamp>.<body>")>`.
pub fn signature(secret: &str, timestamp: i64, body: &str) -> String {
    type HmacSha256 = Hmac<Sha256>;
    // HMAC takes keys of any length: this never fails.
    let Ok(mut mac) = HmacSha256::new_from_slice(secret.as_bytes()) else {
        return String::new();
    };
    mac.update(timestamp.to_string().as_bytes());
    mac.update(b".");
    mac.update(body.as_bytes());
    format!("sha256={}", hex::encode(mac.finalize().into_bytes()))
}

/// The wait after the `attempts`-th failed attempt: the first retry's
/// wait doubled per further attempt, at most `max_retry`, spread by ±20 %
/// with jitter drawn from the delivery's id (random in its UUIDv7), so
/// deliveries failing together do not all come back together.
pub fn retry_delay(attempts: u32, settings: &DispatchSettings, id: Uuid) -> Duration {
    let doublings = attempts.saturating_sub(1).min(30);
    let base = settings
        .first_retry
        .saturating_mul(1 << doublings)
        .min(settings.max_retry);
    let mut seed = id.as_u64_pair().1 ^ u64::from(attempts).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    // splitmix64's finaliser: neighbouring seeds give unrelated fractions.
    seed = (seed ^ (seed >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    seed = (seed ^ (seed >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    seed ^= seed >> 31;
    let fraction = f64::from(u32::try_from(seed % 1_000).unwrap_or(0)) / 1_000.0;
    base.mul_f64(0.8 + 0.4 * fraction).min(settings.max_retry)
}

fn http_client(settings: &DispatchSettings) -> Result<reqwest::Client, NotifierError> {
    reqwest::Client::builder()
        .timeout(settings.timeout)
        .redirect(reqwest::redirect::Policy::none())
        // A proxy would resolve the name itself, past the address check.
        .no_proxy()
        .dns_resolver(Arc::new(PublicAddresses {
            allow_private: settings.allow_private,
        }))
        .user_agent(concat!("iiz-webhooks/", env!("CARGO_PKG_VERSION")))
        .build()
        .map_err(|error| NotifierError::Webhook(error.to_string()))
}

/// Resolves names with the system's resolver and keeps only the addresses
/// a webhook may be delivered to.
#[derive(Debug, Clone, Copy)]
struct PublicAddresses {
    allow_private: bool,
}

impl Resolve for PublicAddresses {
    fn resolve(&self, name: Name) -> Resolving {
        let allow_private = self.allow_private;
        let host = name.as_str().to_owned();
        Box::pin(async move {
            type Failure = Box<dyn std::error::Error + Send + Sync>;
            let resolved: Vec<SocketAddr> =
                tokio::net::lookup_host((host.as_str(), 0)).await?.collect();
            let allowed: Vec<SocketAddr> = resolved
                .into_iter()
                .filter(|address| allow_private || !forbidden_address(address.ip()))
                .collect();
            if allowed.is_empty() {
                let refused: Failure = format!("{host} resolves to no public address").into();
                return Err(refused);
            }
            let addresses: Addrs = Box::new(allowed.into_iter());
            Ok::<Addrs, Failure>(addresses)
        })
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, reason = "test code")]

    use std::str::FromStr;

    use super::*;

    #[test]
    fn the_signature_is_the_documented_hmac() {
        // RFC 4231's first HMAC-SHA256 test vector, to pin the primitive.
        let mut mac = Hmac::<Sha256>::new_from_slice(&[0x0b; 20]).unwrap();
        mac.update(b"Hi There");
        assert_eq!(
            hex::encode(mac.finalize().into_bytes()),
            "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"
        );
        let mut mac = Hmac::<Sha256>::new_from_slice(b"key").unwrap();
        mac.update(b"1700000000.{\"a\":1}");
        let expected = format!("sha256={}", hex::encode(mac.finalize().into_bytes()));
        assert_eq!(signature("key", 1_700_000_000, "{\"a\":1}"), expected);
        assert_ne!(signature("key", 1_700_000_001, "{\"a\":1}"), expected);
        assert_ne!(signature("other", 1_700_000_000, "{\"a\":1}"), expected);
    }

    #[test]
    fn retries_back_off_exponentially_with_jitter_up_to_the_maximum() {
        let settings = DispatchSettings::new(false);
        let id = Uuid::now_v7();
        for (attempts, base) in [(1, 10), (2, 20), (3, 40), (7, 640)] {
            let wait = retry_delay(attempts, &settings, id).as_secs_f64();
            let base = f64::from(base);
            assert!(
                wait >= base * 0.8 && wait <= base * 1.2,
                "{attempts}: {wait}"
            );
        }
        assert!(retry_delay(20, &settings, id) <= settings.max_retry);
        assert!(retry_delay(u32::MAX, &settings, id) <= settings.max_retry);
        let spread: std::collections::BTreeSet<Duration> = (0..20)
            .map(|_| retry_delay(3, &settings, Uuid::now_v7()))
            .collect();
        assert!(spread.len() > 1, "no jitter: {spread:?}");
    }

    #[tokio::test]
    async fn names_resolving_to_private_addresses_are_not_called() {
        let refused = PublicAddresses {
            allow_private: false,
        }
        .resolve(Name::from_str("localhost").unwrap())
        .await;
        assert!(refused.is_err());
        let allowed = PublicAddresses {
            allow_private: true,
        }
        .resolve(Name::from_str("localhost").unwrap())
        .await
        .unwrap();
        assert!(
            allowed
                .into_iter()
                .all(|address| address.ip().is_loopback())
        );
    }
}
