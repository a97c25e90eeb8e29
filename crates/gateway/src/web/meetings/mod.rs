//! Meetings of the bodies: the list of the meetings a person may see, one
//! meeting with its agenda, minutes, timeline and trace, and the forms
//! of the body's secretariat (schedule, prepare and send the agenda,
//! record the minutes with each decision's effect, approve the minutes).
//! The words of the meetings area (statuses, purposes, effects, stages)
//! and the lookups shared with the bodies and resolutions pages live in
//! [`words`], [`names`] and [`subjects`].

mod agenda;
mod detail;
pub(in crate::web) mod effect;
mod list;
mod minutes;
pub(in crate::web) mod names;
mod schedule;
pub(in crate::web) mod subjects;
mod timeline;
pub(in crate::web) mod words;

pub(in crate::web) use schedule::{day as schedule_day, time as schedule_time};

use axum::Router;
use axum::routing::{get, post};
use chrono::NaiveDateTime;
use iiz_app::BodyFilter;
use iiz_app::authz::Principal;
use iiz_domain::TenantId;
use iiz_projections::BodyView;

use super::WebState;
use super::errors::WebError;
use super::format;
use super::visitor::Visitor;

/// The meetings pages and the secretariat's forms.
pub fn routes() -> Router<WebState> {
    Router::new()
        .route("/meetings", get(list::page))
        .route("/meetings/new", get(schedule::form).post(schedule::submit))
        .route("/meetings/{id}", get(detail::page))
        .route("/meetings/{id}/items", post(agenda::add))
        .route("/meetings/{id}/items/new", get(agenda::form))
        .route("/meetings/{id}/items/{number}/up", post(agenda::move_up))
        .route(
            "/meetings/{id}/items/{number}/withdraw",
            post(agenda::withdraw),
        )
        .route(
            "/meetings/{id}/items/{number}/minutes",
            get(minutes::form).post(minutes::record),
        )
        .route("/meetings/{id}/send", post(agenda::send))
        .route("/meetings/{id}/approve", post(minutes::approve))
}

/// A meeting's local Swiss time as people write it: `06.12.2026, 14:30`.
pub(in crate::web) fn local_time(at: NaiveDateTime) -> String {
    format!("{}, {}", format::date(at.date()), at.format("%H:%M"))
}

/// The tenants whose bodies a person sees first: the national one and
/// every tenant the person holds a role in or belongs to.
pub(in crate::web) fn own_tenants(principal: &Principal) -> Vec<TenantId> {
    let mut tenants = vec![TenantId::National, principal.home];
    tenants.extend(principal.roles.iter().map(|(tenant, _)| *tenant));
    tenants.sort_by(|a, b| a.as_str().cmp(b.as_str()));
    tenants.dedup();
    // The national bodies come first.
    tenants.sort_by_key(|tenant| !tenant.is_national());
    tenants
}

/// Most bodies one tenant has (the pages list them all).
const BODIES_PER_TENANT: usize = 200;

/// The bodies of the person's tenants the person may see; a tenant whose
/// bodies the person may not list is left out.
pub(in crate::web) async fn visible_bodies(visitor: &Visitor) -> Result<Vec<BodyView>, WebError> {
    let principal = visitor.signed_in()?;
    let caller = visitor.caller();
    let mut bodies = Vec::new();
    for tenant in own_tenants(principal) {
        let filter = BodyFilter {
            tenant: Some(tenant),
            kind: None,
            active: None,
        };
        match caller.bodies(&filter, BODIES_PER_TENANT, None).await {
            Ok(page) => bodies.extend(page.items),
            Err(iiz_app::AppError::Denied(_)) => {}
            Err(error) => return Err(visitor.fail(error)),
        }
    }
    Ok(bodies)
}
