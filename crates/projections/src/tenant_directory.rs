//! The tenants with their names, languages and number of active bodies.

use iiz_domain::body::BodyEvent;
use iiz_domain::concern::RouteSnapshot;
use iiz_domain::tenant::TenantEvent;
use iiz_domain::text::LocalizedName;
use iiz_domain::{Language, TenantId};
use iiz_store::{DocKey, DocSet, ProjectionError, RecordedEvent};
use serde::{Deserialize, Serialize};

use crate::{Projection, decode, get_typed, put_typed};

/// Collection of [`TenantView`] documents, keyed by tenant code.
pub const TENANTS: &str = "tenants";

/// A tenant as the API lists it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TenantView {
    pub id: TenantId,
    pub names: LocalizedName,
    pub official_languages: Vec<Language>,
    pub national: bool,
    pub active_bodies: u32,
    /// The route concerns drafted now take inside the tenant.
    #[serde(default)]
    pub concern_route: RouteSnapshot,
}

#[derive(Debug, Clone, Copy, Default)]
pub struct TenantDirectory;

fn key(tenant: &str) -> DocKey {
    DocKey::new(TENANTS, tenant)
}

/// The national tenant first, then the cantons alphabetically.
fn sort_key(id: TenantId) -> String {
    if id.is_national() {
        format!("0 {id}")
    } else {
        format!("1 {id}")
    }
}

impl TenantDirectory {
    fn update(
        docs: &mut DocSet,
        tenant: &str,
        change: impl FnOnce(&mut TenantView),
    ) -> Result<(), ProjectionError> {
        let key = key(tenant);
        let Some(mut view) = get_typed::<TenantView>(docs, &key)? else {
            return Err(ProjectionError::Malformed {
                key,
                reason: "event for a tenant that is not registered".to_owned(),
            });
        };
        change(&mut view);
        put_typed(docs, key, Some(tenant.to_owned()), sort_key(view.id), &view)
    }
}

impl Projection for TenantDirectory {
    fn name(&self) -> &'static str {
        "tenant_directory"
    }

    fn version(&self) -> i32 {
        2
    }

    fn collections(&self) -> &'static [&'static str] {
        &[TENANTS]
    }

    fn handles(&self, stream_type: &str) -> bool {
        matches!(stream_type, "tenant" | "body")
    }

    fn keys(&self, event: &RecordedEvent) -> Result<Vec<DocKey>, ProjectionError> {
        Ok(vec![key(&event.stream.tenant)])
    }

    fn apply(&self, docs: &mut DocSet, event: &RecordedEvent) -> Result<(), ProjectionError> {
        let tenant = event.stream.tenant.as_str();
        match event.stream.stream_type.as_str() {
            "tenant" => match decode::<TenantEvent>(event)? {
                TenantEvent::Registered {
                    id,
                    names,
                    official_languages,
                } => {
                    let view = TenantView {
                        id,
                        names,
                        official_languages,
                        national: id.is_national(),
                        active_bodies: 0,
                        concern_route: RouteSnapshot::default(),
                    };
                    put_typed(
                        docs,
                        key(tenant),
                        Some(tenant.to_owned()),
                        sort_key(id),
                        &view,
                    )
                }
                TenantEvent::Renamed { names } => {
                    Self::update(docs, tenant, |view| view.names = names)
                }
                TenantEvent::ConcernRouteDefined { version, steps } => {
                    Self::update(docs, tenant, |view| {
                        view.concern_route = RouteSnapshot { version, steps };
                    })
                }
            },
            // Only establishment and dissolution change the count; the
            // other body events (most of the log) are not even decoded.
            "body" if !matches!(event.event_type.as_str(), "Established" | "Dissolved") => Ok(()),
            "body" => match decode::<BodyEvent>(event)? {
                BodyEvent::Established { .. } => {
                    Self::update(docs, tenant, |view| view.active_bodies += 1)
                }
                BodyEvent::Dissolved { .. } => Self::update(docs, tenant, |view| {
                    view.active_bodies = view.active_bodies.saturating_sub(1);
                }),
                BodyEvent::Renamed { .. }
                | BodyEvent::MandateAmended { .. }
                | BodyEvent::MemberAdmitted { .. }
                | BodyEvent::MemberRoleChanged { .. }
                | BodyEvent::MemberRemoved { .. }
                | BodyEvent::ResolutionRulesSet { .. } => Ok(()),
            },
            _ => Ok(()),
        }
    }
}
