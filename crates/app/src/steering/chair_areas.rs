//! The areas (Bereiche) of the offices and conferences that chair the
//! national bodies, for the EKG's deputy rule. The concept does not define
//! them: the table is configuration (`data/chair_areas.yaml`, embedded in
//! the binary) with a documented default.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use iiz_domain::{Partner, Party};
use serde::Deserialize;

const EMBEDDED: &str = include_str!("../../../../data/chair_areas.yaml");

#[derive(Debug, Deserialize)]
struct RawTable {
    areas: Vec<RawArea>,
}

#[derive(Debug, Deserialize)]
struct RawArea {
    id: String,
    partners: Vec<Partner>,
}

/// Which area each partner belongs to.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ChairAreas {
    by_partner: BTreeMap<Partner, String>,
}

#[derive(Debug, thiserror::Error)]
pub enum ChairAreasError {
    #[error("the table of chair areas is not valid YAML: {0}")]
    Yaml(#[from] serde_yaml_ng::Error),
    #[error("{0:?} is listed in more than one area")]
    Twice(Partner),
}

impl ChairAreas {
    /// Reads a table in the form of `data/chair_areas.yaml`.
    pub fn parse(yaml: &str) -> Result<Self, ChairAreasError> {
        let raw: RawTable = serde_yaml_ng::from_str(yaml)?;
        let mut by_partner = BTreeMap::new();
        for area in raw.areas {
            for partner in area.partners {
                if by_partner.insert(partner, area.id.clone()).is_some() {
                    return Err(ChairAreasError::Twice(partner));
                }
            }
        }
        Ok(Self { by_partner })
    }

    /// The table shipped with the platform; empty (every office without an
    /// area) if it does not parse, which its test rules out.
    pub fn embedded() -> &'static Self {
        static TABLE: OnceLock<ChairAreas> = OnceLock::new();
        TABLE.get_or_init(|| {
            Self::parse(EMBEDDED).unwrap_or_else(|error| {
                tracing::error!(%error, "the embedded table of chair areas does not parse");
                Self::default()
            })
        })
    }

    /// The area of an office, if it has one.
    pub fn area_of(&self, office: Party) -> Option<String> {
        match office {
            Party::Partner(partner) => self.by_partner.get(&partner).cloned(),
            Party::Tenant(_) => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_table_gives_each_federal_office_its_conferences() {
        let table = ChairAreas::parse(EMBEDDED).unwrap();
        let area = |partner| table.area_of(Party::Partner(partner));
        assert_eq!(area(Partner::Seco), area(Partner::Vsaa));
        assert_eq!(area(Partner::Bsv), area(Partner::Skos));
        assert_eq!(area(Partner::Bsv), area(Partner::Ivsk));
        assert_eq!(area(Partner::Sbfi), area(Partner::Sbbk));
        assert_eq!(area(Partner::Sbfi), area(Partner::SkBslb));
        assert_eq!(area(Partner::Sem), area(Partner::Kid));
        assert_ne!(area(Partner::Seco), area(Partner::Sem));
        assert_eq!(area(Partner::StaedteinitiativeSozialpolitik), None);
        assert!(
            ChairAreas::parse(
                "areas:\n  - id: a\n    partners: [BSV]\n  - id: b\n    partners: [BSV]\n"
            )
            .is_err()
        );
    }
}
