//! How much one caller may ask: one rate limit for `/graphql`, the read-only
//! routes, the pages' POSTs and operations over the WebSocket, keyed on the
//! person when signed in and on the client's address otherwise.
//!
//! The client's address is the peer's, unless the peer is a configured
//! trusted proxy: only then do `Forwarded` / `X-Forwarded-For` count
//! ([`client`]). Anyone can send those headers; believing them from
//! anywhere would let one client pose as many and escape the limit.

mod client;
mod connections;

use std::net::{IpAddr, SocketAddr};
use std::num::NonZeroU32;
use std::sync::{Arc, Weak};
use std::time::Duration;

use axum::http::HeaderMap;
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use iiz_app::authz::Principal;

pub use client::{NotANetwork, TrustedProxies};
pub use connections::{Connections, Held};

/// How often limiter keys that are full again are forgotten, so the
/// limiter's memory follows the active callers, not every address ever seen.
const PRUNE_EVERY: Duration = Duration::from_secs(60);

/// Whom a request is counted against.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum RateKey {
    Person(String),
    Address(IpAddr),
}

impl RateKey {
    /// The person when signed in, else the client's address.
    pub fn of(principal: Option<&Principal>, client: IpAddr) -> Self {
        principal.map_or(Self::Address(client), |principal| {
            Self::Person(principal.person.to_string())
        })
    }
}

/// The shared limiter and the proxies whose forwarding headers count.
#[derive(Clone)]
pub struct Throttle {
    limiter: Arc<DefaultKeyedRateLimiter<RateKey>>,
    proxies: Arc<TrustedProxies>,
}

impl std::fmt::Debug for Throttle {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Throttle")
            .field("keys", &self.limiter.len())
            .field("proxies", &self.proxies)
            .finish()
    }
}

impl Throttle {
    /// `per_minute` requests per key, all of them at once at most.
    pub fn new(per_minute: u32, proxies: TrustedProxies) -> Self {
        let per_minute = NonZeroU32::new(per_minute).unwrap_or(NonZeroU32::MIN);
        let throttle = Self {
            limiter: Arc::new(RateLimiter::keyed(Quota::per_minute(per_minute))),
            proxies: Arc::new(proxies),
        };
        throttle.prune_periodically();
        throttle
    }

    /// The client's address: the peer's, or what a trusted proxy forwarded.
    pub fn client(&self, peer: SocketAddr, headers: &HeaderMap) -> IpAddr {
        self.proxies.client(peer.ip(), headers)
    }

    /// Counts one request against `key`; false when over the limit.
    pub fn allow(&self, key: &RateKey) -> bool {
        self.limiter.check_key(key).is_ok()
    }

    /// Counts `n` requests at once; false when they do not all fit now
    /// (or ever: more than the burst).
    pub fn allow_n(&self, key: &RateKey, n: u32) -> bool {
        NonZeroU32::new(n).is_none_or(|n| matches!(self.limiter.check_key_n(key, n), Ok(Ok(()))))
    }

    /// Forgets full keys every minute while the limiter is in use; the
    /// task ends with the last handle on the limiter. Without a runtime
    /// (a router built in a plain test) nothing is pruned.
    fn prune_periodically(&self) {
        let Ok(runtime) = tokio::runtime::Handle::try_current() else {
            return;
        };
        let limiter: Weak<DefaultKeyedRateLimiter<RateKey>> = Arc::downgrade(&self.limiter);
        runtime.spawn(async move {
            let mut ticks = tokio::time::interval(PRUNE_EVERY);
            ticks.tick().await;
            loop {
                ticks.tick().await;
                let Some(limiter) = limiter.upgrade() else {
                    return;
                };
                limiter.retain_recent();
                limiter.shrink_to_fit();
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_limit_is_per_key() {
        let throttle = Throttle::new(2, TrustedProxies::default());
        let one = RateKey::Person("a".to_owned());
        let two = RateKey::Person("b".to_owned());
        assert!(throttle.allow(&one));
        assert!(throttle.allow(&one));
        assert!(!throttle.allow(&one));
        assert!(throttle.allow(&two));
        assert!(throttle.allow(&RateKey::Address(IpAddr::from([127, 0, 0, 1]))));
        assert!(!throttle.allow_n(&two, 2));
        assert!(throttle.allow_n(&RateKey::Person("c".to_owned()), 2));
    }
}
