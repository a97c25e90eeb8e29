//! Where a body decided, as a mutation names it: the secretariat records a
//! body's decision "as decided in meeting X, item N" or "by circular
//! resolution Y", and the app checks that decision exists.

use async_graphql::{ID, InputObject, Result};
use iiz_domain::ResolutionId;
use iiz_domain::basis::DecisionSource;
use iiz_domain::ids::MeetingId;

use crate::graphql::args::{invalid, parse_id};

/// The decision a step records: `{ meeting, item }` (an item of a
/// meeting's minutes) or `{ resolution }` (a carried circular resolution),
/// exactly one of the two.
#[derive(Debug, Clone, InputObject)]
pub struct DecisionBasisInput {
    pub meeting: Option<ID>,
    /// The item's number in the meeting's agenda.
    pub item: Option<u32>,
    pub resolution: Option<ID>,
}

impl DecisionBasisInput {
    pub(super) fn parse(self) -> Result<DecisionSource> {
        match (self.meeting, self.item, self.resolution) {
            (Some(meeting), Some(item), None) => Ok(DecisionSource::Meeting {
                meeting: parse_id(&meeting, MeetingId::parse)?,
                item,
            }),
            (None, None, Some(resolution)) => Ok(DecisionSource::Resolution {
                resolution: parse_id(&resolution, ResolutionId::parse)?,
            }),
            (Some(_), None, None) => {
                Err(invalid("a meeting basis names the item: { meeting, item }"))
            }
            _ => Err(invalid(
                "name the decision as exactly one of { meeting, item } or { resolution }",
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(meeting: bool, item: bool, resolution: bool) -> DecisionBasisInput {
        let id = ID::from(uuid::Uuid::now_v7().to_string());
        DecisionBasisInput {
            meeting: meeting.then(|| id.clone()),
            item: item.then_some(2),
            resolution: resolution.then_some(id),
        }
    }

    #[test]
    fn a_basis_is_a_meeting_item_or_a_resolution_exactly() {
        assert!(matches!(
            input(true, true, false).parse(),
            Ok(DecisionSource::Meeting { item: 2, .. })
        ));
        assert!(matches!(
            input(false, false, true).parse(),
            Ok(DecisionSource::Resolution { .. })
        ));
        for wrong in [
            input(false, false, false),
            input(true, false, false),
            input(false, true, false),
            input(true, true, true),
            input(false, true, true),
        ] {
            assert!(wrong.parse().is_err());
        }
    }
}
