//! The working groups of every tenant: mandate, members, progress, result,
//! the mandating body's note and the dissolution.

#[cfg(test)]
mod tests;

use chrono::NaiveDate;
use iiz_domain::concern::Attachment;
use iiz_domain::ids::WorkingGroupId;
use iiz_domain::text::FreeText;
use iiz_domain::working_group::{GroupRole, Mandate, WorkingGroupEvent};
use iiz_domain::{BodyId, PersonId, TenantId};
use iiz_store::{DocKey, DocSet, ProjectionError, RecordedEvent};
use serde::{Deserialize, Serialize};

use crate::{Projection, decode, get_typed, put_typed};

/// Collection of [`WorkingGroupView`], keyed by id; the document's tenant
/// is the mandating body's.
pub const WORKING_GROUPS: &str = "working_groups";

/// A member of a group, from whichever tenant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupMember {
    pub person: PersonId,
    pub tenant: TenantId,
    pub role: GroupRole,
}

/// A progress report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProgressEntry {
    pub text: FreeText,
    pub on: NaiveDate,
}

/// The group's result, as submitted to the mandating body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupResult {
    pub summary: FreeText,
    pub documents: Vec<Attachment>,
    pub on: NaiveDate,
    /// The mandating body's decision and next steps, once it took note.
    pub decision: Option<FreeText>,
    pub next_steps: Option<FreeText>,
}

/// The end of the group.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dissolution {
    pub reason: FreeText,
    pub on: NaiveDate,
}

/// A working group as the API shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkingGroupView {
    pub id: WorkingGroupId,
    pub tenant: TenantId,
    pub mandated_by: BodyId,
    pub approved_by: Option<BodyId>,
    pub mandate: Mandate,
    pub mandated_on: NaiveDate,
    /// Current members, in the order they joined.
    pub members: Vec<GroupMember>,
    pub progress: Vec<ProgressEntry>,
    pub result: Option<GroupResult>,
    pub dissolution: Option<Dissolution>,
    /// Filterable: not dissolved.
    pub active: bool,
}

impl WorkingGroupView {
    /// The member who leads the group, if any.
    pub fn lead(&self) -> Option<PersonId> {
        self.members
            .iter()
            .find(|member| member.role == GroupRole::Lead)
            .map(|member| member.person)
    }

    fn apply(&mut self, change: WorkingGroupEvent) {
        match change {
            WorkingGroupEvent::Mandated { .. } => {}
            WorkingGroupEvent::Joined {
                person,
                tenant,
                role,
            } => self.members.push(GroupMember {
                person,
                tenant,
                role,
            }),
            WorkingGroupEvent::Left { person } => {
                self.members.retain(|member| member.person != person);
            }
            WorkingGroupEvent::ProgressReported { text, on } => {
                self.progress.push(ProgressEntry { text, on });
            }
            WorkingGroupEvent::ResultSubmitted {
                summary,
                documents,
                on,
                ..
            } => {
                self.result = Some(GroupResult {
                    summary,
                    documents,
                    on,
                    decision: None,
                    next_steps: None,
                });
            }
            WorkingGroupEvent::ResultNoted {
                decision,
                next_steps,
                ..
            } => {
                if let Some(result) = self.result.as_mut() {
                    result.decision = Some(decision);
                    result.next_steps = Some(next_steps);
                }
            }
            WorkingGroupEvent::Dissolved { reason, on } => {
                self.dissolution = Some(Dissolution { reason, on });
                self.active = false;
            }
        }
    }
}

#[derive(Debug, Clone, Copy, Default)]
pub struct WorkingGroupRegister;

fn key(event: &RecordedEvent) -> DocKey {
    DocKey::new(WORKING_GROUPS, &event.stream.stream_id)
}

impl Projection for WorkingGroupRegister {
    fn name(&self) -> &'static str {
        "working_group_register"
    }

    fn version(&self) -> i32 {
        1
    }

    fn collections(&self) -> &'static [&'static str] {
        &[WORKING_GROUPS]
    }

    fn handles(&self, stream_type: &str) -> bool {
        stream_type == "working_group"
    }

    fn keys(&self, event: &RecordedEvent) -> Result<Vec<DocKey>, ProjectionError> {
        Ok(vec![key(event)])
    }

    fn apply(&self, docs: &mut DocSet, event: &RecordedEvent) -> Result<(), ProjectionError> {
        let key = key(event);
        let view = match decode::<WorkingGroupEvent>(event)? {
            WorkingGroupEvent::Mandated {
                id,
                mandated_by,
                approved_by,
                mandate,
                on,
            } => WorkingGroupView {
                id,
                tenant: TenantId::parse(&event.stream.tenant).map_err(|error| {
                    ProjectionError::Malformed {
                        key: key.clone(),
                        reason: error.to_string(),
                    }
                })?,
                mandated_by,
                approved_by,
                mandate: *mandate,
                mandated_on: on,
                members: Vec::new(),
                progress: Vec::new(),
                result: None,
                dissolution: None,
                active: true,
            },
            change => {
                let mut view = get_typed::<WorkingGroupView>(docs, &key)?.ok_or_else(|| {
                    ProjectionError::Malformed {
                        key: key.clone(),
                        reason: "a working group that was never mandated".to_owned(),
                    }
                })?;
                view.apply(change);
                view
            }
        };
        let tenant = Some(event.stream.tenant.clone());
        let sort = format!("{}/{}", view.mandated_on, view.id);
        put_typed(docs, key, tenant, sort, &view)
    }
}
