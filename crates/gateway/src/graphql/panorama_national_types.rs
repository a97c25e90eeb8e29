//! The national figures of a published panorama. Every figure is a set of
//! cantons, never a bare number: `count` is the set's size and `cantons`
//! the cantons behind it (definitions in docs/panorama.md).

use std::collections::BTreeMap;
use std::sync::Arc;

use async_graphql::{ID, Object, SimpleObject};
use iiz_domain::CantonCode;
use iiz_domain::key_figures::{NoShare, PotentialShare};
use iiz_domain::panorama::InstitutionKind;
use iiz_domain::panorama::national::{Cantons, Extreme, InstitutionFigure, NationalFigures};

use super::panorama_enums::{
    DocumentedValue, ImplementationTypeValue, InstitutionKindValue, NoShareValue, ShareBasisValue,
};

/// A set of cantons.
#[derive(Debug, Clone, SimpleObject)]
pub struct CantonSet {
    pub count: u32,
    pub cantons: Vec<ID>,
}

fn set(cantons: &Cantons) -> CantonSet {
    CantonSet {
        count: u32::try_from(cantons.len()).unwrap_or(u32::MAX),
        cantons: cantons
            .iter()
            .map(|canton| ID(canton.as_str().to_owned()))
            .collect(),
    }
}

#[derive(Debug, Clone, SimpleObject)]
pub struct OfficeFigureInfo {
    pub with_office: CantonSet,
    pub without_office: CantonSet,
}

#[derive(Debug, Clone, SimpleObject)]
pub struct InstitutionCantons {
    pub kind: InstitutionKindValue,
    pub cantons: CantonSet,
}

/// For each kind of institution, the cantons where it is found.
#[derive(Debug, Clone, SimpleObject)]
pub struct InstitutionFigureInfo {
    pub by_kind: Vec<InstitutionCantons>,
    pub not_stated: CantonSet,
}

fn institutions(figure: &InstitutionFigure) -> InstitutionFigureInfo {
    InstitutionFigureInfo {
        by_kind: figure
            .by_kind
            .iter()
            .map(
                |(kind, cantons): (&InstitutionKind, &Cantons)| InstitutionCantons {
                    kind: (*kind).into(),
                    cantons: set(cantons),
                },
            )
            .collect(),
        not_stated: set(&figure.not_stated),
    }
}

#[derive(Debug, Clone, SimpleObject)]
pub struct DocumentedCantons {
    pub answer: DocumentedValue,
    pub cantons: CantonSet,
}

#[derive(Debug, Clone, SimpleObject)]
pub struct TypeCantons {
    pub implementation_type: ImplementationTypeValue,
    pub cantons: CantonSet,
}

/// The lowest or highest yearly case total and who reported it.
#[derive(Debug, Clone, SimpleObject)]
pub struct ExtremeInfo {
    pub value: u32,
    pub cantons: CantonSet,
}

fn extreme(extreme: &Extreme) -> ExtremeInfo {
    ExtremeInfo {
        value: extreme.value,
        cantons: set(&extreme.cantons),
    }
}

#[derive(Debug, Clone, SimpleObject)]
pub struct CaseCountFigureInfo {
    pub lowest: Option<ExtremeInfo>,
    pub highest: Option<ExtremeInfo>,
    pub counted: CantonSet,
    pub without_count: CantonSet,
}

/// A canton's share of potential IIZ cases, in basis points (1/100 %).
#[derive(Debug, Clone, SimpleObject)]
pub struct PotentialShareInfo {
    pub canton: ID,
    pub cases: u32,
    pub unemployed: u32,
    pub basis_points: u32,
    pub basis: ShareBasisValue,
}

#[derive(Debug, Clone, SimpleObject)]
pub struct NoShareInfo {
    pub canton: ID,
    pub reason: NoShareValue,
}

#[derive(Debug, Clone, SimpleObject)]
pub struct ShareFigureInfo {
    pub computed: Vec<PotentialShareInfo>,
    pub not_computed: Vec<NoShareInfo>,
    pub without_figures: CantonSet,
}

fn shares(
    computed: &BTreeMap<CantonCode, PotentialShare>,
    not_computed: &BTreeMap<CantonCode, NoShare>,
    without: &Cantons,
) -> ShareFigureInfo {
    ShareFigureInfo {
        computed: computed
            .iter()
            .map(|(canton, share)| PotentialShareInfo {
                canton: ID(canton.as_str().to_owned()),
                cases: share.cases,
                unemployed: share.unemployed,
                basis_points: share.basis_points,
                basis: share.basis.into(),
            })
            .collect(),
        not_computed: not_computed
            .iter()
            .map(|(canton, reason)| NoShareInfo {
                canton: ID(canton.as_str().to_owned()),
                reason: (*reason).into(),
            })
            .collect(),
        without_figures: set(without),
    }
}

/// The national figures, computed from the cantons that answered.
#[derive(Debug, Clone)]
pub struct NationalFiguresInfo {
    year: u16,
    figures: Arc<NationalFigures>,
}

impl NationalFiguresInfo {
    pub fn new(year: u16, figures: NationalFigures) -> Self {
        Self {
            year,
            figures: Arc::new(figures),
        }
    }
}

/// The national figures of a published panorama, each with its cantons.
#[Object(name = "NationalPanoramaFigures")]
impl NationalFiguresInfo {
    async fn year(&self) -> u16 {
        self.year
    }

    /// The cantons the figures are computed from (those that answered).
    async fn considered(&self) -> CantonSet {
        set(&self.figures.considered)
    }

    async fn offices(&self) -> OfficeFigureInfo {
        OfficeFigureInfo {
            with_office: set(&self.figures.offices.with_office),
            without_office: set(&self.figures.offices.without_office),
        }
    }

    /// Institutions represented in the strategic bodies.
    async fn steering_institutions(&self) -> InstitutionFigureInfo {
        institutions(&self.figures.steering_institutions)
    }

    /// Where the coordinators sit.
    async fn coordinator_seats(&self) -> InstitutionFigureInfo {
        institutions(&self.figures.coordinator_seats)
    }

    async fn documented_process(&self) -> Vec<DocumentedCantons> {
        self.figures
            .documented_process
            .iter()
            .map(|(answer, cantons)| DocumentedCantons {
                answer: (*answer).into(),
                cantons: set(cantons),
            })
            .collect()
    }

    async fn implementation_types(&self) -> Vec<TypeCantons> {
        self.figures
            .implementation_types
            .iter()
            .map(|(kind, cantons)| TypeCantons {
                implementation_type: (*kind).into(),
                cantons: set(cantons),
            })
            .collect()
    }

    /// The range of the yearly case totals of the year before the round.
    async fn case_counts(&self) -> CaseCountFigureInfo {
        let counts = &self.figures.case_counts;
        CaseCountFigureInfo {
            lowest: counts.lowest.as_ref().map(extreme),
            highest: counts.highest.as_ref().map(extreme),
            counted: set(&counts.counted),
            without_count: set(&counts.without_count),
        }
    }

    async fn potential_shares(&self) -> ShareFigureInfo {
        let figure = &self.figures.potential_shares;
        shares(
            &figure.computed,
            &figure.not_computed,
            &figure.without_figures,
        )
    }
}
