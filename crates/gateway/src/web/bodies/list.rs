//! `GET /bodies`: the national bodies and those of the person's tenants,
//! and the regional networks.

use askama::Template;
use axum::response::Response;
use iiz_projections::NetworkStatus;

use crate::web::errors::WebError;
use crate::web::meetings::visible_bodies;
use crate::web::meetings::words::{self, tkey};
use crate::web::page::{Chrome, show};
use crate::web::visitor::Visitor;

#[derive(Debug, Clone)]
pub struct BodyRow {
    pub href: String,
    pub name: String,
    pub kind: String,
    pub tenant: String,
    pub active: String,
    pub badge: &'static str,
}

#[derive(Debug, Clone)]
pub struct NetworkRow {
    pub href: String,
    pub name: String,
    pub cantons: String,
    pub status: String,
}

#[derive(Template)]
#[template(path = "bodies/list.html")]
pub struct BodiesPage {
    pub chrome: Chrome,
    pub bodies: Vec<BodyRow>,
    pub networks: Vec<NetworkRow>,
}

/// More networks than the cantons could form.
const NETWORKS: usize = 100;

pub(super) fn network_status(status: NetworkStatus) -> &'static str {
    match status {
        NetworkStatus::Proposed => tkey("bodies-network-proposed"),
        NetworkStatus::Declined => tkey("bodies-network-declined"),
        NetworkStatus::Formed => tkey("bodies-network-formed"),
        NetworkStatus::Ended => tkey("bodies-network-ended"),
    }
}

pub(super) fn tenant_name(tr: crate::web::i18n::Tr, tenant: iiz_domain::TenantId) -> String {
    if tenant.is_national() {
        tr.t("bodies-national")
    } else {
        tenant.as_str().to_owned()
    }
}

/// `GET /bodies`.
pub async fn page(visitor: Visitor) -> Result<Response, WebError> {
    visitor.signed_in()?;
    let tr = visitor.tr;
    let bodies = visible_bodies(&visitor)
        .await?
        .into_iter()
        .map(|body| BodyRow {
            href: format!("/bodies/{}", body.id),
            name: body.names.best(tr.language).to_owned(),
            kind: tr.t(words::body_kind(body.kind)),
            tenant: tenant_name(tr, body.tenant),
            active: tr.t(if body.active {
                tkey("bodies-active")
            } else {
                tkey("bodies-dissolved")
            }),
            badge: if body.active {
                "badge-success"
            } else {
                "badge-warning"
            },
        })
        .collect();
    let networks = match visitor.caller().networks(NETWORKS, None).await {
        Ok(page) => page
            .items
            .into_iter()
            .map(|network| NetworkRow {
                href: format!("/networks/{}", network.id),
                name: network.names.best(tr.language).to_owned(),
                cantons: network
                    .cantons
                    .iter()
                    .map(|canton| canton.as_str().to_owned())
                    .collect::<Vec<_>>()
                    .join(", "),
                status: tr.t(network_status(network.status)),
            })
            .collect(),
        Err(iiz_app::AppError::Denied(_)) => Vec::new(),
        Err(error) => return Err(visitor.fail(error)),
    };
    let chrome = Chrome::new(&visitor, "bodies", tr.t("bodies-title")).await?;
    show(
        &BodiesPage {
            chrome,
            bodies,
            networks,
        },
        &visitor,
    )
}
