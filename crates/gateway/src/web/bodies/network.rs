//! `GET /networks/{id}`: a regional network, read-only — its member
//! cantons, what they agreed to (the founding, joins, the coordinator),
//! its coordinator and its delegate's EKG seat.

use askama::Template;
use axum::extract::Path;
use axum::response::Response;
use iiz_domain::NetworkId;
use iiz_domain::ids::CantonCode;

use super::list::network_status;
use crate::web::errors::{Failure, WebError};
use crate::web::format;
use crate::web::meetings::names::Names;
use crate::web::meetings::words::tkey;
use crate::web::page::{Chrome, show};
use crate::web::visitor::Visitor;

/// A request or proposal and the cantons that agreed to it so far.
#[derive(Debug, Clone)]
pub struct Agreement {
    pub what: String,
    pub agreed: String,
}

#[derive(Template)]
#[template(path = "bodies/network.html")]
pub struct NetworkPage {
    pub chrome: Chrome,
    pub status: String,
    pub cantons: String,
    pub coordinator: Option<String>,
    pub ekg_seat: Option<String>,
    pub seat_pending: bool,
    pub agreements: Vec<Agreement>,
}

fn list(cantons: &[CantonCode]) -> String {
    cantons
        .iter()
        .map(|canton| canton.as_str().to_owned())
        .collect::<Vec<_>>()
        .join(", ")
}

/// `GET /networks/{id}`.
pub async fn page(visitor: Visitor, Path(id): Path<String>) -> Result<Response, WebError> {
    visitor.signed_in()?;
    let tr = visitor.tr;
    let id = NetworkId::parse(&id).map_err(|_| visitor.refuse(Failure::NotFound))?;
    let network = visitor
        .caller()
        .network(id)
        .await
        .map_err(|error| visitor.fail(error))?;
    let mut people: Vec<_> = network.coordinator.iter().map(|d| d.person).collect();
    people.extend(network.ekg_seat);
    people.extend(network.coordinator_proposal.iter().map(|p| p.person));
    let names = Names::of(&visitor, people).await?;
    let mut agreements = Vec::new();
    if !network.agreed.is_empty() {
        agreements.push(Agreement {
            what: tr.t("bodies-network-founding"),
            agreed: list(&network.agreed),
        });
    }
    for request in &network.join_requests {
        agreements.push(Agreement {
            what: tr.t1(
                "bodies-network-join",
                "canton",
                request.canton.as_str().to_owned(),
            ),
            agreed: list(&request.agreed),
        });
    }
    if let Some(proposal) = &network.coordinator_proposal {
        agreements.push(Agreement {
            what: tr.args(
                tkey("bodies-network-coordinator-proposal"),
                &[
                    ("person", names.person(proposal.person)),
                    ("canton", proposal.by.as_str().to_owned()),
                ],
            ),
            agreed: list(&proposal.agreed),
        });
    }
    let chrome = Chrome::new(
        &visitor,
        "bodies",
        network.names.best(tr.language).to_owned(),
    )
    .await?
    .crumb("/bodies", tr.t("bodies-title"));
    let page = NetworkPage {
        chrome,
        status: tr.t(network_status(network.status)),
        cantons: list(&network.cantons),
        coordinator: network.coordinator.as_ref().map(|delegation| {
            tr.args(
                tkey("bodies-network-coordinator-since"),
                &[
                    ("person", names.person(delegation.person)),
                    ("date", format::date(delegation.from)),
                ],
            )
        }),
        ekg_seat: network.ekg_seat.map(|person| names.person(person)),
        seat_pending: network.seat_pending,
        agreements,
    };
    show(&page, &visitor)
}
