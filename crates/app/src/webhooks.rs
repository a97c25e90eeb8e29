//! A tenant's webhooks, run by its tenant admin: registering one (its
//! signing secret is shown once), listing, removing, the deliveries that
//! gave up (dead letters) and replaying them; and the e-mails the SMTP
//! server refused for good for the tenant's people.
//!
//! A webhook must not turn the platform into a way to reach the network it
//! runs in: its URL is refused when it names a private, loopback,
//! link-local, unique-local, unspecified or multicast address (or
//! `localhost`), unless the installation allows private targets
//! ([`App::with_webhooks_allow_private`]). The dispatcher checks the address
//! a name resolves to again at each delivery, with [`forbidden_address`].

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use chrono::Utc;
use iiz_domain::TenantId;
use iiz_domain::error::ErrorKind;
use iiz_store::{RejectedEmail, Webhook, WebhookDelivery};
use url::{Host, Url};
use uuid::Uuid;

use crate::authz::{Operation, Target};
use crate::{App, AppError, Caller};

/// Longest webhook URL accepted.
const MAX_URL_LENGTH: usize = 2_048;

/// Why a webhook URL is refused. Nothing is stored.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WebhookUrlError {
    #[error("url: longer than {MAX_URL_LENGTH} characters")]
    TooLong,
    #[error("url: not a valid URL ({0})")]
    Unparsable(String),
    #[error("url: the scheme must be {allowed}, not {scheme}")]
    Scheme {
        scheme: String,
        allowed: &'static str,
    },
    #[error("url: names no host")]
    NoHost,
    #[error("url: {0} is a private, local or multicast address; webhooks go to public receivers")]
    PrivateTarget(String),
}

impl From<WebhookUrlError> for AppError {
    fn from(error: WebhookUrlError) -> Self {
        AppError::Domain {
            kind: ErrorKind::Validation,
            message: error.to_string(),
            details: Some(serde_json::json!({ "field": "url" })),
            rule: None,
            field: Some("url"),
            refusal: Some(std::sync::Arc::new(error)),
        }
    }
}

/// Parses a webhook URL as the HTTP client will (so `http://2130706433/`
/// is seen as the loopback address it is) and applies the rules above.
pub fn check_webhook_url(url: &str, allow_private: bool) -> Result<Url, WebhookUrlError> {
    if url.len() > MAX_URL_LENGTH {
        return Err(WebhookUrlError::TooLong);
    }
    let parsed =
        Url::parse(url.trim()).map_err(|error| WebhookUrlError::Unparsable(error.to_string()))?;
    match parsed.scheme() {
        "https" => {}
        "http" if allow_private => {}
        scheme => {
            return Err(WebhookUrlError::Scheme {
                scheme: scheme.to_owned(),
                allowed: if allow_private {
                    "https or http"
                } else {
                    "https"
                },
            });
        }
    }
    let private = match parsed.host().ok_or(WebhookUrlError::NoHost)? {
        Host::Domain(name) => {
            let name = name.trim_end_matches('.');
            name.is_empty() || name == "localhost" || name.ends_with(".localhost")
        }
        Host::Ipv4(address) => forbidden_address(IpAddr::V4(address)),
        Host::Ipv6(address) => forbidden_address(IpAddr::V6(address)),
    };
    if private && !allow_private {
        let host = parsed.host_str().unwrap_or_default().to_owned();
        return Err(WebhookUrlError::PrivateTarget(host));
    }
    Ok(parsed)
}

/// Whether a webhook may not be delivered to `address` (unless private
/// targets are allowed): private, loopback, link-local, unique-local,
/// unspecified, multicast, broadcast or reserved, also when an IPv6
/// address carries such an IPv4 address.
pub fn forbidden_address(address: IpAddr) -> bool {
    match address {
        IpAddr::V4(v4) => forbidden_v4(v4),
        IpAddr::V6(v6) => forbidden_v6(v6),
    }
}

fn forbidden_v4(address: Ipv4Addr) -> bool {
    let [first, second, ..] = address.octets();
    address.is_private()
        || address.is_loopback()
        || address.is_link_local()
        || address.is_unspecified()
        || address.is_multicast()
        || address.is_broadcast()
        // "This network" (0/8) and reserved (240/4).
        || first == 0
        || first >= 240
        // Shared address space of carrier-grade NAT (100.64/10).
        || (first == 100 && (64..128).contains(&second))
}

fn forbidden_v6(address: Ipv6Addr) -> bool {
    let segments = address.segments();
    // IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d) and NAT64
    // (64:ff9b::a.b.c.d) addresses reach the IPv4 address they carry.
    let carried = address.to_ipv4_mapped().or_else(|| {
        let [a, b, c, d, e, f, ..] = segments;
        let compatible = [a, b, c, d, e, f] == [0; 6];
        let nat64 = [a, b, c, d, e, f] == [0x64, 0xff9b, 0, 0, 0, 0];
        (compatible || nat64).then(|| {
            let [.., high, low] = segments;
            Ipv4Addr::from((u32::from(high) << 16) | u32::from(low))
        })
    });
    address.is_loopback()
        || address.is_unspecified()
        || address.is_multicast()
        || address.is_unique_local()
        || address.is_unicast_link_local()
        // Site-local (fec0::/10), deprecated but still routed in places.
        || (segments[0] & 0xffc0) == 0xfec0
        || carried.is_some_and(forbidden_v4)
}

/// 32 random bytes, hex: the key receivers verify signatures with.
fn new_secret() -> Result<String, AppError> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes)
        .map_err(|error| AppError::Internal(format!("no randomness: {error}")))?;
    Ok(bytes.iter().map(|byte| format!("{byte:02x}")).collect())
}

/// The secret is shown once, at registration.
fn without_secret(mut webhook: Webhook) -> Webhook {
    webhook.secret.clear();
    webhook
}

fn not_found(what: String) -> AppError {
    AppError::refused(ErrorKind::NotFound, what)
}

impl App {
    /// Allows webhooks to private-range targets and plain `http` (tests,
    /// closed networks); the binary sets it from configuration.
    #[must_use]
    pub fn with_webhooks_allow_private(mut self, allow: bool) -> Self {
        self.webhooks_allow_private = allow;
        self
    }

    pub fn webhooks_allow_private(&self) -> bool {
        self.webhooks_allow_private
    }
}

impl Caller<'_> {
    /// Registers a webhook for `tenant`'s events. The returned webhook
    /// carries its signing secret, which is never shown again.
    pub async fn register_webhook(&self, tenant: TenantId, url: &str) -> Result<Webhook, AppError> {
        self.check_operation(Operation::RegisterWebhook, Target::tenant(tenant))?;
        let principal = self
            .principal()
            .ok_or(AppError::Denied(crate::authz::Denied::Unauthenticated))?;
        let url = check_webhook_url(url, self.app().webhooks_allow_private())?;
        let webhook = Webhook {
            id: Uuid::now_v7(),
            tenant: tenant.as_str().to_owned(),
            url: url.to_string(),
            secret: new_secret()?,
            created_by: principal.person.to_string(),
            created_at: Utc::now(),
        };
        self.app().store().add_webhook(&webhook).await?;
        tracing::info!(tenant = %tenant, webhook = %webhook.id, "webhook registered");
        Ok(webhook)
    }

    /// The tenant's webhooks, oldest first, without their secrets.
    pub async fn webhooks(&self, tenant: TenantId) -> Result<Vec<Webhook>, AppError> {
        self.check_operation(Operation::ListWebhooks, Target::tenant(tenant))?;
        let webhooks = self.app().store().webhooks(tenant.as_str()).await?;
        Ok(webhooks.into_iter().map(without_secret).collect())
    }

    /// Removes a webhook of the tenant with the deliveries still pending.
    pub async fn remove_webhook(&self, tenant: TenantId, id: Uuid) -> Result<(), AppError> {
        self.check_operation(Operation::RemoveWebhook, Target::tenant(tenant))?;
        if self
            .app()
            .store()
            .remove_webhook(tenant.as_str(), id)
            .await?
        {
            Ok(())
        } else {
            Err(not_found(format!("{tenant} has no webhook {id}")))
        }
    }

    /// Deliveries of the tenant's webhooks that gave up, newest first
    /// (without the webhook's secret).
    pub async fn webhook_dead_letters(
        &self,
        tenant: TenantId,
    ) -> Result<Vec<WebhookDelivery>, AppError> {
        self.check_operation(Operation::ListWebhooks, Target::tenant(tenant))?;
        let dead = self
            .app()
            .store()
            .dead_webhook_deliveries(tenant.as_str())
            .await?;
        Ok(dead
            .into_iter()
            .map(|mut delivery| {
                delivery.secret.clear();
                delivery
            })
            .collect())
    }

    /// Puts a dead letter back in the queue, due now, its attempts reset.
    pub async fn replay_webhook_delivery(
        &self,
        tenant: TenantId,
        id: Uuid,
    ) -> Result<(), AppError> {
        self.check_operation(Operation::ReplayWebhookDelivery, Target::tenant(tenant))?;
        if self
            .app()
            .store()
            .replay_webhook_delivery(tenant.as_str(), id, Utc::now())
            .await?
        {
            Ok(())
        } else {
            Err(not_found(format!(
                "{tenant} has no dead webhook delivery {id}"
            )))
        }
    }

    /// E-mails to the tenant's people that the SMTP server refused for good.
    pub async fn rejected_emails(&self, tenant: TenantId) -> Result<Vec<RejectedEmail>, AppError> {
        self.check_operation(Operation::ListRejectedEmails, Target::tenant(tenant))?;
        Ok(self.app().store().rejected_emails(tenant.as_str()).await?)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, reason = "test code")]

    use super::*;

    fn refused(url: &str) -> WebhookUrlError {
        check_webhook_url(url, false).unwrap_err()
    }

    #[test]
    fn public_https_receivers_are_accepted() {
        let url = check_webhook_url("https://hooks.example.ch/iiz?x=1", false).unwrap();
        assert_eq!(url.as_str(), "https://hooks.example.ch/iiz?x=1");
        check_webhook_url("https://[2001:db8::1]:8443/hook", false).unwrap();
        check_webhook_url("https://8.8.8.8/hook", false).unwrap();
    }

    #[test]
    fn bad_urls_and_schemes_are_refused() {
        assert!(matches!(
            refused("not a url"),
            WebhookUrlError::Unparsable(_)
        ));
        assert!(matches!(
            refused("ftp://example.ch/"),
            WebhookUrlError::Scheme { .. }
        ));
        assert!(matches!(
            refused("http://example.ch/"),
            WebhookUrlError::Scheme { .. }
        ));
        assert!(matches!(
            refused("mailto:someone@example.ch"),
            WebhookUrlError::Scheme { .. }
        ));
        assert!(matches!(
            refused(&format!(
                "https://example.ch/{}",
                "a".repeat(MAX_URL_LENGTH)
            )),
            WebhookUrlError::TooLong
        ));
        assert!(refused("ftp://example.ch/").to_string().starts_with("url:"));
    }

    #[test]
    fn private_targets_are_refused_in_every_spelling() {
        for url in [
            "https://127.0.0.1/",
            "https://2130706433/",
            "https://0x7f.1/",
            "https://10.1.2.3/",
            "https://172.16.0.1/",
            "https://192.168.1.1/",
            "https://169.254.169.254/latest/meta-data",
            "https://100.64.0.1/",
            "https://0.0.0.0/",
            "https://224.0.0.1/",
            "https://[::1]/",
            "https://[::]/",
            "https://[fd00::1]/",
            "https://[fe80::1]/",
            "https://[ff02::1]/",
            "https://[::ffff:127.0.0.1]/",
            "https://[::ffff:10.0.0.1]/",
            "https://[64:ff9b::a00:1]/",
            "https://localhost/",
            "https://LOCALHOST./",
            "https://api.localhost/",
        ] {
            assert!(
                matches!(refused(url), WebhookUrlError::PrivateTarget(_)),
                "{url}"
            );
        }
    }

    #[test]
    fn private_targets_and_http_pass_when_allowed() {
        check_webhook_url("http://127.0.0.1:8080/hook", true).unwrap();
        check_webhook_url("https://[fd00::1]/", true).unwrap();
        assert!(matches!(
            check_webhook_url("ftp://127.0.0.1/", true),
            Err(WebhookUrlError::Scheme { .. })
        ));
    }

    #[test]
    fn public_addresses_are_not_forbidden() {
        for address in [
            "8.8.8.8",
            "193.5.216.14",
            "2001:4860:4860::8888",
            "::ffff:8.8.8.8",
        ] {
            assert!(!forbidden_address(address.parse().unwrap()), "{address}");
        }
    }

    #[test]
    fn a_secret_is_64_hex_digits_and_never_repeats() {
        let first = new_secret().unwrap();
        assert_eq!(first.len(), 64);
        assert!(first.chars().all(|c| c.is_ascii_hexdigit()));
        assert_ne!(first, new_secret().unwrap());
    }
}
