//! Where a body decided: an item of one of its meetings' minutes, or one of
//! its circular resolutions (Zirkularbeschluss). A step that is a body's
//! decision (the EKG's examination, the STG's decision, adoption of a
//! recommendation, …) names it, so that every such step's history points to
//! the minutes or the resolution with every answer (IIZ 3.0, chapter 1.2:
//! transparent decision processes).
//!
//! A leaf module: the aggregates whose steps are body decisions import it,
//! and it imports none of them.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::ids::{MeetingId, ResolutionId};
use crate::text::Title;

/// The decision a caller names as the basis of a step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum DecisionSource {
    /// Item `item` of the minutes of `meeting`.
    Meeting { meeting: MeetingId, item: u32 },
    /// A circular resolution, carried.
    Resolution { resolution: ResolutionId },
}

impl DecisionSource {
    pub fn meeting(&self) -> Option<MeetingId> {
        match self {
            Self::Meeting { meeting, .. } => Some(*meeting),
            Self::Resolution { .. } => None,
        }
    }

    pub fn resolution(&self) -> Option<ResolutionId> {
        match self {
            Self::Resolution { resolution } => Some(*resolution),
            Self::Meeting { .. } => None,
        }
    }
}

/// Where a step taken as a body's decision was decided, as kept on the
/// step's event: the source and how it is cited ("EKG-Sitzung 4/2026,
/// Traktandum 2", "Zirkularbeschluss STG 3/2026").
///
/// Serialised flat (`{"meeting", "item", "label"}` or `{"resolution",
/// "label"}`), which is what events recorded before circular resolutions
/// existed hold.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct DecisionReference {
    #[serde(flatten)]
    pub source: DecisionSource,
    pub label: Title,
}

impl DecisionReference {
    pub fn meeting(meeting: MeetingId, item: u32, label: Title) -> Self {
        Self {
            source: DecisionSource::Meeting { meeting, item },
            label,
        }
    }

    pub fn resolution(resolution: ResolutionId, label: Title) -> Self {
        Self {
            source: DecisionSource::Resolution { resolution },
            label,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_recorded_before_resolutions_still_read() {
        let meeting = MeetingId::new();
        let old =
            serde_json::json!({"meeting": meeting, "item": 2, "label": "EKG 4/2026, Traktandum 2"});
        let reference: DecisionReference = serde_json::from_value(old.clone()).unwrap();
        assert_eq!(
            reference.source,
            DecisionSource::Meeting { meeting, item: 2 }
        );
        assert_eq!(serde_json::to_value(&reference).unwrap(), old);
    }

    #[test]
    fn resolution_references_round_trip() {
        let resolution = ResolutionId::new();
        let reference = DecisionReference::resolution(
            resolution,
            Title::parse("Zirkularbeschluss STG 1/2027").unwrap(),
        );
        let json = serde_json::to_value(&reference).unwrap();
        assert_eq!(json["resolution"], serde_json::json!(resolution));
        let back: DecisionReference = serde_json::from_value(json).unwrap();
        assert_eq!(back, reference);
    }
}
