//! The configuration of rate limits and live connections (flat keys like
//! the rest: `trusted_proxies`, `ws_…`), with the gateway's defaults.

use std::time::Duration;

use iiz_gateway::{SocketLimits, TrustedProxies};
use serde::{Deserialize, Deserializer};

/// Who counts as one caller, and what a WebSocket may hold.
#[derive(Debug, Clone, Deserialize)]
pub struct TrafficConfig {
    /// Reverse proxies (addresses or CIDR ranges, a list or one
    /// comma-separated string) whose `Forwarded` / `X-Forwarded-For` name
    /// the client. Empty by default: the peer is the client.
    #[serde(default, deserialize_with = "proxies")]
    pub trusted_proxies: TrustedProxies,
    #[serde(default = "defaults::per_person")]
    pub ws_connections_per_person: usize,
    #[serde(default = "defaults::per_address")]
    pub ws_connections_per_address: usize,
    #[serde(default = "defaults::per_connection")]
    pub ws_subscriptions_per_connection: usize,
    #[serde(default = "defaults::message_bytes")]
    pub ws_max_message_bytes: usize,
    /// Seconds `connection_init` may take after the socket opened.
    #[serde(default = "defaults::init_timeout")]
    pub ws_init_timeout_seconds: u64,
    /// Seconds between two checks of a live socket's session or token.
    #[serde(default = "defaults::recheck")]
    pub ws_recheck_seconds: u64,
}

impl Default for TrafficConfig {
    fn default() -> Self {
        Self {
            trusted_proxies: TrustedProxies::default(),
            ws_connections_per_person: defaults::per_person(),
            ws_connections_per_address: defaults::per_address(),
            ws_subscriptions_per_connection: defaults::per_connection(),
            ws_max_message_bytes: defaults::message_bytes(),
            ws_init_timeout_seconds: defaults::init_timeout(),
            ws_recheck_seconds: defaults::recheck(),
        }
    }
}

impl TrafficConfig {
    /// The socket limits; zero durations are raised to a second.
    pub fn socket_limits(&self) -> SocketLimits {
        SocketLimits {
            connections_per_person: self.ws_connections_per_person,
            connections_per_address: self.ws_connections_per_address,
            subscriptions_per_connection: self.ws_subscriptions_per_connection,
            max_message_bytes: self.ws_max_message_bytes,
            init_timeout: Duration::from_secs(self.ws_init_timeout_seconds.max(1)),
            recheck_interval: Duration::from_secs(self.ws_recheck_seconds.max(1)),
        }
    }

    /// Key/value pairs for the startup log.
    pub fn describe(&self) -> Vec<(&'static str, String)> {
        let proxies = self.trusted_proxies.networks();
        vec![
            (
                "trusted_proxies",
                if proxies.is_empty() {
                    "- (forwarding headers ignored)".to_owned()
                } else {
                    proxies
                        .iter()
                        .map(ToString::to_string)
                        .collect::<Vec<_>>()
                        .join(",")
                },
            ),
            (
                "ws_limits",
                format!(
                    "{} per person, {} per address, {} operations per connection, \
                     {} bytes per message, init within {} s, re-checked every {} s",
                    self.ws_connections_per_person,
                    self.ws_connections_per_address,
                    self.ws_subscriptions_per_connection,
                    self.ws_max_message_bytes,
                    self.ws_init_timeout_seconds,
                    self.ws_recheck_seconds
                ),
            ),
        ]
    }
}

/// A list, or one string separated by commas or spaces (as an environment
/// variable gives it); an entry that is no network is refused at load.
fn proxies<'de, D: Deserializer<'de>>(deserializer: D) -> Result<TrustedProxies, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Entries {
        One(String),
        Many(Vec<String>),
    }
    let entries = match Entries::deserialize(deserializer)? {
        Entries::One(text) => vec![text],
        Entries::Many(list) => list,
    };
    TrustedProxies::parse(entries.iter().flat_map(|entry| entry.split([',', ' '])))
        .map_err(serde::de::Error::custom)
}

mod defaults {
    use iiz_gateway::SocketLimits;

    fn limits() -> SocketLimits {
        SocketLimits::default()
    }

    pub fn per_person() -> usize {
        limits().connections_per_person
    }

    pub fn per_address() -> usize {
        limits().connections_per_address
    }

    pub fn per_connection() -> usize {
        limits().subscriptions_per_connection
    }

    pub fn message_bytes() -> usize {
        limits().max_message_bytes
    }

    pub fn init_timeout() -> u64 {
        limits().init_timeout.as_secs()
    }

    pub fn recheck() -> u64 {
        limits().recheck_interval.as_secs()
    }
}

#[cfg(test)]
#[allow(
    clippy::result_large_err,
    reason = "figment's Jail dictates the closure's error type"
)]
mod tests {
    use figment::Jail;

    use crate::config::Config;

    #[test]
    fn trusted_proxies_come_from_a_comma_separated_variable_and_are_checked() {
        Jail::expect_with(|jail| {
            let config = Config::load(None).unwrap();
            assert!(config.traffic.trusted_proxies.is_empty());
            assert_eq!(
                config.traffic.socket_limits(),
                iiz_gateway::SocketLimits::default()
            );
            jail.set_env("IIZ_TRUSTED_PROXIES", "10.0.0.0/8, 127.0.0.1");
            jail.set_env("IIZ_WS_CONNECTIONS_PER_PERSON", "3");
            let config = Config::load(None).unwrap();
            assert_eq!(config.traffic.trusted_proxies.networks().len(), 2);
            assert_eq!(config.traffic.socket_limits().connections_per_person, 3);
            jail.set_env("IIZ_TRUSTED_PROXIES", "10.0.0.0/8,proxy.local");
            let refused = Config::load(None).unwrap_err().to_string();
            assert!(refused.contains("proxy.local"), "{refused}");
            Ok(())
        });
    }
}

/// The limits on one request (flat keys: `max_body_bytes`,
/// `max_query_complexity`, `max_query_depth`; `docs/security.md`).
#[derive(Debug, Clone, Copy, Deserialize)]
pub struct LimitsConfig {
    /// Largest request body, on every route.
    #[serde(default = "default_max_body_bytes")]
    pub max_body_bytes: usize,
    /// Most a GraphQL request may cost (pages count their items).
    #[serde(default = "default_max_query_complexity")]
    pub max_query_complexity: usize,
    /// Deepest selection a GraphQL request may make.
    #[serde(default = "default_max_query_depth")]
    pub max_query_depth: usize,
}

impl Default for LimitsConfig {
    fn default() -> Self {
        Self {
            max_body_bytes: default_max_body_bytes(),
            max_query_complexity: default_max_query_complexity(),
            max_query_depth: default_max_query_depth(),
        }
    }
}

fn default_max_body_bytes() -> usize {
    iiz_gateway::GatewaySettings::default().max_body_bytes
}

fn default_max_query_complexity() -> usize {
    iiz_gateway::graphql::QueryLimits::default().max_complexity
}

fn default_max_query_depth() -> usize {
    iiz_gateway::graphql::QueryLimits::default().max_depth
}
