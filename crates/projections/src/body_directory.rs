//! The bodies of every tenant, as the API lists and filters them.

use chrono::NaiveDate;
use iiz_domain::body::{BodyEvent, BodyKind};
use iiz_domain::text::LocalizedName;
use iiz_domain::{BodyId, TenantId};
use iiz_store::{DocKey, DocSet, ProjectionError, RecordedEvent};
use serde::{Deserialize, Serialize};

use crate::{Projection, decode, get_typed, put_typed};

/// Collection of [`BodyView`] documents, keyed by body id.
pub const BODIES: &str = "bodies";

/// A body with its current mandate and whether it is active.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BodyView {
    pub id: BodyId,
    pub tenant: TenantId,
    pub kind: BodyKind,
    pub names: LocalizedName,
    pub mandate: String,
    pub parent: Option<BodyId>,
    pub active_from: NaiveDate,
    pub active_to: Option<NaiveDate>,
    pub dissolution_reason: Option<String>,
    /// Filterable flag: not dissolved.
    pub active: bool,
    /// Number of events the body has seen (its stream version).
    pub version: u64,
}

#[derive(Debug, Clone, Copy, Default)]
pub struct BodyDirectory;

fn key(event: &RecordedEvent) -> DocKey {
    DocKey::new(BODIES, &event.stream.stream_id)
}

/// Listed by name within a tenant, the id breaking ties.
fn sort_key(view: &BodyView) -> String {
    view.names.best(iiz_domain::Language::De).to_lowercase()
}

impl Projection for BodyDirectory {
    fn name(&self) -> &'static str {
        "body_directory"
    }

    fn version(&self) -> i32 {
        1
    }

    fn collections(&self) -> &'static [&'static str] {
        &[BODIES]
    }

    fn handles(&self, stream_type: &str) -> bool {
        stream_type == "body"
    }

    fn keys(&self, event: &RecordedEvent) -> Result<Vec<DocKey>, ProjectionError> {
        Ok(vec![key(event)])
    }

    fn apply(&self, docs: &mut DocSet, event: &RecordedEvent) -> Result<(), ProjectionError> {
        let key = key(event);
        let event_data = decode::<BodyEvent>(event)?;
        let mut view = match (event_data, get_typed::<BodyView>(docs, &key)?) {
            (
                BodyEvent::Established {
                    id,
                    tenant,
                    kind,
                    names,
                    mandate,
                    parent,
                    active_from,
                },
                _,
            ) => BodyView {
                id,
                tenant,
                kind,
                names,
                mandate: mandate.as_str().to_owned(),
                parent,
                active_from,
                active_to: None,
                dissolution_reason: None,
                active: true,
                version: 0,
            },
            (_, None) => {
                return Err(ProjectionError::Malformed {
                    key,
                    reason: "event for a body that was never established".to_owned(),
                });
            }
            (BodyEvent::Renamed { names }, Some(view)) => BodyView { names, ..view },
            (BodyEvent::MandateAmended { mandate }, Some(view)) => BodyView {
                mandate: mandate.as_str().to_owned(),
                ..view
            },
            (BodyEvent::Dissolved { active_to, reason }, Some(view)) => BodyView {
                active_to: Some(active_to),
                dissolution_reason: Some(reason.as_str().to_owned()),
                active: false,
                ..view
            },
            // Members and resolution rules are not part of the directory
            // entry; only the version moves.
            (
                BodyEvent::MemberAdmitted { .. }
                | BodyEvent::MemberRoleChanged { .. }
                | BodyEvent::MemberRemoved { .. }
                | BodyEvent::ResolutionRulesSet { .. },
                Some(view),
            ) => view,
        };
        view.version = event.stream_version;
        let sort = sort_key(&view);
        put_typed(docs, key, Some(event.stream.tenant.clone()), sort, &view)
    }
}
