//! The bodies behind a set of profiles, each once: a body two cantons
//! share is linked from both profiles and counted once, with both cantons.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::national::{CantonData, Cantons};
use crate::ids::{BodyId, CantonCode};

/// Every linked body with the cantons whose profiles link it.
pub fn linked_bodies(data: &[CantonData<'_>]) -> BTreeMap<BodyId, Cantons> {
    let mut bodies: BTreeMap<BodyId, Cantons> = BTreeMap::new();
    for entry in data {
        for link in &entry.profile.structure.bodies {
            bodies.entry(link.body).or_default().insert(entry.canton);
        }
    }
    bodies
}

/// A body a profile says it shares with a canton whose profile (among
/// those passed in) does not link it: one side of the sharing is missing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct UnmatchedShare {
    pub body: BodyId,
    pub linked_by: CantonCode,
    pub missing_in: CantonCode,
}

/// The shares the other canton's profile does not confirm, for the
/// Fachstelle to follow up. Cantons not passed in are not judged.
pub fn unmatched_shares(data: &[CantonData<'_>]) -> Vec<UnmatchedShare> {
    let linked = linked_bodies(data);
    let present: Cantons = data.iter().map(|entry| entry.canton).collect();
    let mut unmatched = Vec::new();
    for entry in data {
        for link in &entry.profile.structure.bodies {
            for other in &link.shared_with {
                let confirmed = linked
                    .get(&link.body)
                    .is_some_and(|cantons| cantons.contains(other));
                if present.contains(other) && !confirmed {
                    unmatched.push(UnmatchedShare {
                        body: link.body,
                        linked_by: entry.canton,
                        missing_in: *other,
                    });
                }
            }
        }
    }
    unmatched
}
