//! Who sits in each body, with the history of every seat, so that "who
//! chaired the STG on 1 March 2025" has an answer.

use chrono::NaiveDate;
use iiz_domain::body::BodyEvent;
use iiz_domain::{BodyId, BodyRole, PersonId};
use iiz_store::{DocKey, DocSet, ProjectionError, RecordedEvent};
use serde::{Deserialize, Serialize};

use crate::{Projection, decode, get_typed, put_typed};

/// Collection of [`BodyMembersView`] documents, keyed by body id.
pub const BODY_MEMBERS: &str = "body_members";

/// One person in one role for a span of time; `to` is the day the seat
/// ended (exclusive), none while it lasts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Seat {
    pub person: PersonId,
    pub role: BodyRole,
    pub institution: String,
    pub from: NaiveDate,
    pub to: Option<NaiveDate>,
}

impl Seat {
    /// Whether the seat was held on `day`.
    pub fn held_on(&self, day: NaiveDate) -> bool {
        self.from <= day && self.to.is_none_or(|to| day < to)
    }
}

/// Every seat a body has had, oldest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BodyMembersView {
    pub body: BodyId,
    pub seats: Vec<Seat>,
}

impl BodyMembersView {
    /// The seats held on `day`.
    pub fn on(&self, day: NaiveDate) -> impl Iterator<Item = &Seat> {
        self.seats.iter().filter(move |seat| seat.held_on(day))
    }

    /// The seats held now.
    pub fn current(&self) -> impl Iterator<Item = &Seat> {
        self.seats.iter().filter(|seat| seat.to.is_none())
    }

    /// Who chaired the body on `day`.
    pub fn chair_on(&self, day: NaiveDate) -> Option<PersonId> {
        self.on(day)
            .find(|seat| seat.role == BodyRole::Chair)
            .map(|seat| seat.person)
    }

    fn open_seat(&mut self, person: PersonId) -> Option<&mut Seat> {
        self.seats
            .iter_mut()
            .rev()
            .find(|seat| seat.person == person && seat.to.is_none())
    }
}

#[derive(Debug, Clone, Copy, Default)]
pub struct BodyMembers;

fn key(event: &RecordedEvent) -> DocKey {
    DocKey::new(BODY_MEMBERS, &event.stream.stream_id)
}

impl Projection for BodyMembers {
    fn name(&self) -> &'static str {
        "body_members"
    }

    fn version(&self) -> i32 {
        1
    }

    fn collections(&self) -> &'static [&'static str] {
        &[BODY_MEMBERS]
    }

    fn handles(&self, stream_type: &str) -> bool {
        stream_type == "body"
    }

    fn keys(&self, event: &RecordedEvent) -> Result<Vec<DocKey>, ProjectionError> {
        Ok(vec![key(event)])
    }

    fn apply(&self, docs: &mut DocSet, event: &RecordedEvent) -> Result<(), ProjectionError> {
        // Most body events are about the body itself, not its members.
        if !matches!(
            event.event_type.as_str(),
            "Established" | "MemberAdmitted" | "MemberRoleChanged" | "MemberRemoved"
        ) {
            return Ok(());
        }
        let key = key(event);
        let mut view = match decode::<BodyEvent>(event)? {
            BodyEvent::Established { id, .. } => BodyMembersView {
                body: id,
                seats: Vec::new(),
            },
            change => {
                let mut view = get_typed::<BodyMembersView>(docs, &key)?.ok_or_else(|| {
                    ProjectionError::Malformed {
                        key: key.clone(),
                        reason: "members of a body that was never established".to_owned(),
                    }
                })?;
                apply_change(&mut view, change);
                view
            }
        };
        view.seats.shrink_to_fit();
        let tenant = Some(event.stream.tenant.clone());
        put_typed(docs, key, tenant, view.body.to_string(), &view)
    }
}

fn apply_change(view: &mut BodyMembersView, change: BodyEvent) {
    match change {
        BodyEvent::MemberAdmitted {
            person,
            role,
            institution,
            from,
        } => view.seats.push(Seat {
            person,
            role,
            institution: institution.as_str().to_owned(),
            from,
            to: None,
        }),
        BodyEvent::MemberRoleChanged { person, role, from } => {
            let Some(seat) = view.open_seat(person) else {
                return;
            };
            seat.to = Some(from);
            let institution = seat.institution.clone();
            view.seats.push(Seat {
                person,
                role,
                institution,
                from,
                to: None,
            });
        }
        BodyEvent::MemberRemoved { person, on } => {
            if let Some(seat) = view.open_seat(person) {
                seat.to = Some(on);
            }
        }
        BodyEvent::Established { .. }
        | BodyEvent::ResolutionRulesSet { .. }
        | BodyEvent::Renamed { .. }
        | BodyEvent::MandateAmended { .. }
        | BodyEvent::Dissolved { .. } => {}
    }
}
