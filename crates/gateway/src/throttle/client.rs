//! The client's address behind trusted proxies.
//!
//! Each proxy appends the address it received the request from, so the
//! chain reads client, proxy, proxy… and the last hop is the peer. Walking
//! from the right, every hop that is a trusted proxy is skipped; the first
//! that is not is the client. Hops further left were written by that
//! client and prove nothing.

use std::net::{IpAddr, SocketAddr};
use std::str::FromStr;

use axum::http::HeaderMap;
use ipnet::IpNet;

/// An entry of the trusted proxies that is neither an address nor a CIDR
/// range.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("'{0}' is not an IP address or a CIDR range (e.g. 10.0.0.0/8)")]
pub struct NotANetwork(pub String);

/// The networks whose forwarding headers are believed; none by default.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TrustedProxies(Vec<IpNet>);

impl TrustedProxies {
    /// Parses addresses and CIDR ranges (`10.0.0.0/8`, `::1`).
    pub fn parse<'a>(entries: impl IntoIterator<Item = &'a str>) -> Result<Self, NotANetwork> {
        entries
            .into_iter()
            .map(str::trim)
            .filter(|entry| !entry.is_empty())
            .map(|entry| {
                IpNet::from_str(entry)
                    .or_else(|_| IpAddr::from_str(entry).map(IpNet::from))
                    .map_err(|_| NotANetwork(entry.to_owned()))
            })
            .collect::<Result<Vec<_>, _>>()
            .map(Self)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The networks, for the documentation of the running configuration.
    pub fn networks(&self) -> &[IpNet] {
        &self.0
    }

    fn trusts(&self, address: IpAddr) -> bool {
        self.0.iter().any(|network| network.contains(&address))
    }

    /// The client of a request that came from `peer`.
    pub fn client(&self, peer: IpAddr, headers: &HeaderMap) -> IpAddr {
        let peer = peer.to_canonical();
        if !self.trusts(peer) {
            return peer;
        }
        let chain = forwarded_chain(headers);
        let mut client = peer;
        for hop in chain.iter().rev() {
            // A hop that does not parse (`unknown`, an obfuscated name)
            // cannot be attributed: the last trusted hop answers for it.
            let Some(hop) = hop.map(|hop| hop.to_canonical()) else {
                return client;
            };
            client = hop;
            if !self.trusts(hop) {
                return hop;
            }
        }
        client
    }
}

/// The hops a request passed, oldest first: RFC 7239 `Forwarded` when
/// present, else `X-Forwarded-For`. `None` for a hop without an address.
fn forwarded_chain(headers: &HeaderMap) -> Vec<Option<IpAddr>> {
    let forwarded: Vec<Option<IpAddr>> = headers
        .get_all("forwarded")
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .map(|element| {
            element
                .split(';')
                .filter_map(|pair| pair.split_once('='))
                .find(|(name, _)| name.trim().eq_ignore_ascii_case("for"))
                .and_then(|(_, value)| address(value))
        })
        .collect();
    if !forwarded.is_empty() {
        return forwarded;
    }
    headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .map(address)
        .collect()
}

/// An address as proxies write it: bare, quoted, in brackets, with a port.
fn address(value: &str) -> Option<IpAddr> {
    let value = value.trim().trim_matches('"');
    if let Ok(address) = IpAddr::from_str(value) {
        return Some(address);
    }
    if let Ok(socket) = SocketAddr::from_str(value) {
        return Some(socket.ip());
    }
    let bracketed = value.strip_prefix('[')?;
    IpAddr::from_str(bracketed.split(']').next()?).ok()
}

#[cfg(test)]
mod tests {
    use axum::http::HeaderValue;

    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut headers = HeaderMap::new();
        for (name, value) in pairs {
            headers.append(*name, HeaderValue::from_static(value));
        }
        headers
    }

    fn ip(text: &str) -> IpAddr {
        IpAddr::from_str(text).unwrap_or(IpAddr::from([0, 0, 0, 0]))
    }

    #[test]
    fn forwarding_headers_from_an_untrusted_peer_are_ignored() {
        let proxies = TrustedProxies::default();
        let spoofed = headers(&[("x-forwarded-for", "203.0.113.9")]);
        assert_eq!(
            proxies.client(ip("198.51.100.7"), &spoofed),
            ip("198.51.100.7")
        );
    }

    #[test]
    fn behind_trusted_proxies_the_first_untrusted_hop_is_the_client() {
        let proxies = TrustedProxies::parse(["10.0.0.0/8", "::1"]).unwrap_or_default();
        let chain = headers(&[
            ("x-forwarded-for", "192.0.2.1, 203.0.113.9"),
            ("x-forwarded-for", "10.1.2.3"),
        ]);
        // 192.0.2.1 was written by the client itself and is not believed.
        assert_eq!(proxies.client(ip("10.0.0.1"), &chain), ip("203.0.113.9"));
        assert_eq!(proxies.client(ip("::1"), &chain), ip("203.0.113.9"));
        // Only proxies: the oldest hop is all we know.
        let inside = headers(&[("x-forwarded-for", "10.9.9.9")]);
        assert_eq!(proxies.client(ip("10.0.0.1"), &inside), ip("10.9.9.9"));
        // No header: the proxy itself.
        assert_eq!(
            proxies.client(ip("10.0.0.1"), &HeaderMap::new()),
            ip("10.0.0.1")
        );
    }

    #[test]
    fn rfc_7239_forwarded_is_read_with_ports_quotes_and_brackets() {
        let proxies = TrustedProxies::parse(["127.0.0.1"]).unwrap_or_default();
        let forwarded = headers(&[(
            "forwarded",
            "for=192.0.2.60;proto=http, for=\"[2001:db8:cafe::17]:4711\"",
        )]);
        assert_eq!(
            proxies.client(ip("127.0.0.1"), &forwarded),
            ip("2001:db8:cafe::17")
        );
        let port = headers(&[("forwarded", "For=\"198.51.100.3:8080\"")]);
        assert_eq!(proxies.client(ip("127.0.0.1"), &port), ip("198.51.100.3"));
        // An obfuscated hop: the proxy that wrote it answers for it.
        let hidden = headers(&[("forwarded", "for=_hidden")]);
        assert_eq!(proxies.client(ip("127.0.0.1"), &hidden), ip("127.0.0.1"));
    }

    #[test]
    fn entries_that_are_no_network_are_refused() {
        assert_eq!(
            TrustedProxies::parse(["10.0.0.0/8", "proxy.local"]),
            Err(NotANetwork("proxy.local".to_owned()))
        );
        assert!(TrustedProxies::parse([" ", ""]).is_ok_and(|proxies| proxies.is_empty()));
    }
}
