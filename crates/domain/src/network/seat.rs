//! The EKG seat a network's delegation calls for, as the registry records
//! it: what the app's process still has to change.

use chrono::NaiveDate;

use super::{Delegation, Network};
use crate::ids::PersonId;

/// What the national EKG's seats need for a network's delegation to hold:
/// end the seat of `end` (on the date) and admit `admit`. `sequence`
/// counts the changes recorded before, so that a change has the same
/// idempotency keys until it is recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SeatChange {
    pub sequence: u32,
    pub end: Option<(PersonId, NaiveDate)>,
    pub admit: Option<Delegation>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct SeatRecord {
    pub(super) delegate: Option<PersonId>,
    pub(super) admitted: bool,
    /// The first day of the seat: it cannot end before.
    pub(super) since: Option<NaiveDate>,
    pub(super) changes: u32,
}

impl Network {
    /// What the EKG's seats still need, if anything: the process in the
    /// app takes these steps and records them with
    /// [`NetworkCommand::RecordEkgSeat`].
    pub fn pending_seat_change(&self) -> Option<SeatChange> {
        let wanted = self.ekg_delegate();
        if wanted.map(|delegation| delegation.person) == self.seat.delegate {
            return None;
        }
        let end = match (self.seat.delegate, self.seat.admitted) {
            (Some(person), true) => {
                let on = wanted
                    .map(|delegation| delegation.from)
                    .or(self.ended_on)
                    .or(self.coordinator.map(|delegation| delegation.from))?;
                Some((person, self.seat.since.map_or(on, |since| on.max(since))))
            }
            _ => None,
        };
        Some(SeatChange {
            sequence: self.seat.changes,
            end,
            admit: wanted,
        })
    }
}
