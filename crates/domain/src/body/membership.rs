//! Who sits in a body, in which role and since when.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::{Body, BodyError, BodyEvent, Established};
use crate::ids::PersonId;
use crate::roles::BodyRole;
use crate::text::Institution;

#[derive(Debug, Clone, PartialEq, Eq)]
struct Seat {
    role: BodyRole,
    institution: Institution,
    /// The day of the admission or the last role change: a later change may
    /// not go back before it, or the body's history would contradict itself.
    since: NaiveDate,
}

/// The current members of a body, and when each former member left so that a
/// returning member is not re-admitted into the past.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Members {
    seats: BTreeMap<PersonId, Seat>,
    left: BTreeMap<PersonId, NaiveDate>,
}

impl Members {
    fn chair(&self) -> Option<(PersonId, &Seat)> {
        self.seats
            .iter()
            .find(|(_, seat)| seat.role == BodyRole::Chair)
            .map(|(person, seat)| (*person, seat))
    }

    fn seat(&self, person: PersonId) -> Result<&Seat, BodyError> {
        self.seats.get(&person).ok_or(BodyError::NotAMember(person))
    }

    pub(super) fn apply(&mut self, event: &BodyEvent) {
        match event {
            BodyEvent::MemberAdmitted {
                person,
                role,
                institution,
                from,
            } => {
                self.left.remove(person);
                self.seats.insert(
                    *person,
                    Seat {
                        role: *role,
                        institution: institution.clone(),
                        since: *from,
                    },
                );
            }
            BodyEvent::MemberRoleChanged { person, role, from } => {
                if let Some(seat) = self.seats.get_mut(person) {
                    seat.role = *role;
                    seat.since = *from;
                }
            }
            BodyEvent::MemberRemoved { person, on } => {
                self.seats.remove(person);
                self.left.insert(*person, *on);
            }
            BodyEvent::Established { .. }
            | BodyEvent::Renamed { .. }
            | BodyEvent::MandateAmended { .. }
            | BodyEvent::Dissolved { .. }
            | BodyEvent::ResolutionRulesSet { .. } => {}
        }
    }
}

/// Refuses a date before `last_change`, if there is one.
fn not_before(last_change: Option<NaiveDate>, date: NaiveDate) -> Result<(), BodyError> {
    match last_change {
        Some(last_change) if date < last_change => {
            Err(BodyError::DateBeforeLastChange { last_change, date })
        }
        _ => Ok(()),
    }
}

impl Established {
    fn within_body(&self, date: NaiveDate) -> Result<(), BodyError> {
        if date < self.active_from {
            return Err(BodyError::MembershipBeforeBody {
                active_from: self.active_from,
                date,
            });
        }
        Ok(())
    }

    /// Refuses a second chair: replacing one goes through a hand-over, which
    /// changes the outgoing chair's seat in the same step.
    fn chair_free(&self) -> Result<(), BodyError> {
        match self.members.chair() {
            Some((by, _)) => Err(BodyError::ChairOccupied { by }),
            None => Ok(()),
        }
    }

    pub(super) fn admit(
        &self,
        person: PersonId,
        role: BodyRole,
        institution: Institution,
        from: NaiveDate,
    ) -> Result<Vec<BodyEvent>, BodyError> {
        if self.members.seats.contains_key(&person) {
            return Err(BodyError::AlreadyMember(person));
        }
        self.within_body(from)?;
        not_before(self.members.left.get(&person).copied(), from)?;
        if role == BodyRole::Chair {
            self.chair_free()?;
        }
        Ok(vec![BodyEvent::MemberAdmitted {
            person,
            role,
            institution,
            from,
        }])
    }

    pub(super) fn change_role(
        &self,
        person: PersonId,
        role: BodyRole,
        from: NaiveDate,
    ) -> Result<Vec<BodyEvent>, BodyError> {
        let seat = self.members.seat(person)?;
        self.within_body(from)?;
        not_before(Some(seat.since), from)?;
        if seat.role == role {
            return Ok(vec![]);
        }
        if role == BodyRole::Chair {
            self.chair_free()?;
        }
        Ok(vec![BodyEvent::MemberRoleChanged { person, role, from }])
    }

    pub(super) fn hand_over_chair(
        &self,
        to: PersonId,
        on: NaiveDate,
    ) -> Result<Vec<BodyEvent>, BodyError> {
        let seat = self.members.seat(to)?;
        if seat.role == BodyRole::Chair {
            return Err(BodyError::AlreadyChair(to));
        }
        self.within_body(on)?;
        not_before(Some(seat.since), on)?;
        let mut events = Vec::with_capacity(2);
        if let Some((previous, chair)) = self.members.chair() {
            not_before(Some(chair.since), on)?;
            events.push(BodyEvent::MemberRoleChanged {
                person: previous,
                role: BodyRole::Member,
                from: on,
            });
        }
        events.push(BodyEvent::MemberRoleChanged {
            person: to,
            role: BodyRole::Chair,
            from: on,
        });
        Ok(events)
    }

    pub(super) fn remove(
        &self,
        person: PersonId,
        on: NaiveDate,
    ) -> Result<Vec<BodyEvent>, BodyError> {
        let seat = self.members.seat(person)?;
        self.within_body(on)?;
        not_before(Some(seat.since), on)?;
        Ok(vec![BodyEvent::MemberRemoved { person, on }])
    }
}

impl Body {
    /// The current members and their roles, ordered by person id.
    pub fn members(&self) -> impl Iterator<Item = (PersonId, BodyRole)> + '_ {
        self.established
            .iter()
            .flat_map(|body| body.members.seats.iter())
            .map(|(person, seat)| (*person, seat.role))
    }

    pub fn chair(&self) -> Option<PersonId> {
        self.established
            .as_ref()
            .and_then(|body| body.members.chair())
            .map(|(person, _)| person)
    }

    /// The person's role, if they currently sit in the body.
    pub fn role_of(&self, person: PersonId) -> Option<BodyRole> {
        self.established
            .as_ref()
            .and_then(|body| body.members.seats.get(&person))
            .map(|seat| seat.role)
    }

    /// The institution the person represents, if they currently sit in the body.
    pub fn institution_of(&self, person: PersonId) -> Option<&Institution> {
        self.established
            .as_ref()
            .and_then(|body| body.members.seats.get(&person))
            .map(|seat| &seat.institution)
    }
}
