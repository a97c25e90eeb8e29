//! How a canton organises IIZ: its implementation type, its bodies and
//! where they sit, its office and where its coordinator sits.

use std::collections::{BTreeMap, BTreeSet};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::error::ProfileError;
use crate::ids::{BodyId, CantonCode};
use crate::panorama_terms::NamedInstitution;
use crate::text::{FreeText, Link};

/// The panorama's classification of a canton's IIZ (Typ 1–4). The 2020
/// annex names no type for any canton, so "not yet classified" is a value
/// of its own, never a guess.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum ImplementationType {
    Type1,
    Type2,
    Type3,
    Type4,
    NotClassified,
}

impl ImplementationType {
    pub const ALL: [ImplementationType; 5] = [
        Self::Type1,
        Self::Type2,
        Self::Type3,
        Self::Type4,
        Self::NotClassified,
    ];
}

/// Whether a body steers or works at the operational level, as the
/// canton places it (St. Gallen lists its Steuergruppe as operational).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum BodyLevel {
    Strategic,
    Operational,
}

/// A body of the canton's IIZ, linked by its id: the body itself (names in
/// every language, dissolution) lives in the body aggregate, so a body two
/// cantons share (OW/NW) is linked from both profiles and exists once.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct BodyLink {
    pub body: BodyId,
    pub level: BodyLevel,
    /// The body it reports to (Solothurn: IIZ-EKG below the IIZ-Leitung).
    pub above: Option<BodyId>,
    /// Bodies at the same level it works beside.
    pub beside: BTreeSet<BodyId>,
    /// The other cantons whose IIZ this body also serves.
    pub shared_with: BTreeSet<CantonCode>,
    /// The institutions represented in it, as the canton names them.
    pub institutions: Vec<NamedInstitution>,
    /// What the canton says about the body's place or members beyond the
    /// list ("14 organisations", "no formal body").
    pub note: FreeText,
}

/// What the canton calls its office.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum OfficeKind {
    Geschaeftsstelle,
    Fachstelle,
    Koordinationsstelle,
}

/// The canton's IIZ office and the institution it is attached to (unknown
/// where the canton does not say, as in Zürich's 2020 answer).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Office {
    pub kind: OfficeKind,
    /// The office as a body, where the canton keeps it as one.
    pub body: Option<BodyId>,
    pub attached_to: Option<NamedInstitution>,
}

/// The structure part of a profile.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Structure {
    pub implementation_type: ImplementationType,
    pub bodies: Vec<BodyLink>,
    pub office: Option<Office>,
    /// The institution where the coordinator sits, where the canton names one.
    pub coordinator_at: Option<NamedInstitution>,
    /// The structure as the canton describes it (the 2020 annex's
    /// "operational structure" text): what the links cannot say, such as
    /// Basel-Stadt's regular exchange of agency heads without a formal body.
    pub description: FreeText,
    /// Remarks beside the answers (other schemes outside the IIZ structure).
    pub remarks: FreeText,
    /// The canton's IIZ web pages.
    pub websites: Vec<Link>,
}

impl Default for Structure {
    fn default() -> Self {
        Self {
            implementation_type: ImplementationType::NotClassified,
            bodies: Vec::new(),
            office: None,
            coordinator_at: None,
            description: FreeText::default(),
            remarks: FreeText::default(),
            websites: Vec::new(),
        }
    }
}

impl Structure {
    /// The most bodies one canton links; the largest 2020 structure has four.
    pub const MAX_BODIES: usize = 30;
    pub const MAX_WEBSITES: usize = 10;

    /// The strategic bodies, whose institutions the panorama counts as
    /// "represented in the steering body".
    pub fn strategic_bodies(&self) -> impl Iterator<Item = &BodyLink> {
        self.bodies
            .iter()
            .filter(|link| link.level == BodyLevel::Strategic)
    }

    /// Checks the links form a hierarchy within this profile: every body
    /// once, above and beside point at linked bodies, no body above
    /// itself (directly or through others), not shared with its own canton.
    pub fn check(&self, canton: CantonCode) -> Result<(), ProfileError> {
        if self.websites.len() > Self::MAX_WEBSITES {
            return Err(ProfileError::TooManyWebsites {
                max: Self::MAX_WEBSITES,
            });
        }
        if self.bodies.len() > Self::MAX_BODIES {
            return Err(ProfileError::TooManyBodies {
                max: Self::MAX_BODIES,
            });
        }
        let mut above: BTreeMap<BodyId, Option<BodyId>> = BTreeMap::new();
        for link in &self.bodies {
            if above.insert(link.body, link.above).is_some() {
                return Err(ProfileError::BodyLinkedTwice(link.body));
            }
            if link.shared_with.contains(&canton) {
                return Err(ProfileError::SharedWithItself(canton));
            }
        }
        for link in &self.bodies {
            let targets = link.above.iter().chain(link.beside.iter());
            if let Some(missing) = targets.copied().find(|id| !above.contains_key(id)) {
                return Err(ProfileError::UnlinkedBody(missing));
            }
            if link.beside.contains(&link.body) {
                return Err(ProfileError::HierarchyCycle(link.body));
            }
            // Following "above" from any body must end at a top body; a walk
            // longer than the number of bodies has gone round a circle.
            let mut current = link.above;
            for _ in 0..=self.bodies.len() {
                match current {
                    Some(id) if id == link.body => {
                        return Err(ProfileError::HierarchyCycle(link.body));
                    }
                    Some(id) => current = above.get(&id).copied().flatten(),
                    None => break,
                }
            }
        }
        Ok(())
    }
}
