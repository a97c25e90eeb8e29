//! The national figures of a panorama, computed from the cantons' profiles
//! and figures a round contains. Every figure carries the cantons behind
//! it, so a reader can check each count against the cantons' sections.
//! Cantons without an answer are not passed in: they are listed as "no
//! answer" beside the figures, never counted as "no".

use std::collections::{BTreeMap, BTreeSet};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::InstitutionKind;
use crate::canton_profile::{Documented, ImplementationType, ProfileContent};
use crate::ids::CantonCode;
use crate::key_figures::{FigureReport, NoShare, PotentialShare};

/// One canton's data in a panorama: its profile and, where it reported
/// them, its figures for the panorama's figures year.
#[derive(Debug, Clone, Copy)]
pub struct CantonData<'a> {
    pub canton: CantonCode,
    pub profile: &'a ProfileContent,
    pub figures: Option<&'a FigureReport>,
}

pub type Cantons = BTreeSet<CantonCode>;

/// The cantons that have an office and those that have none.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
pub struct OfficeFigure {
    pub with_office: Cantons,
    pub without_office: Cantons,
}

/// For each kind of institution, the cantons where it is found; and the
/// cantons that do not say.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
pub struct InstitutionFigure {
    pub by_kind: BTreeMap<InstitutionKind, Cantons>,
    pub not_stated: Cantons,
}

/// The lowest or highest case count and the cantons that reported it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Extreme {
    pub value: u32,
    pub cantons: Cantons,
}

/// The range of yearly IIZ case totals across cantons. A range reported
/// by a canton contributes its low end to the lowest and its high end to
/// the highest; estimates count as written.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
pub struct CaseCountFigure {
    pub lowest: Option<Extreme>,
    pub highest: Option<Extreme>,
    /// Cantons whose total is exact, estimated or a range.
    pub counted: Cantons,
    /// Cantons that reported no figures or "not available".
    pub without_count: Cantons,
}

/// The share of potential IIZ cases per canton where it can be computed,
/// and why not elsewhere.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
pub struct ShareFigure {
    pub computed: BTreeMap<CantonCode, PotentialShare>,
    pub not_computed: BTreeMap<CantonCode, NoShare>,
    pub without_figures: Cantons,
}

/// All national figures of one panorama.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct NationalFigures {
    /// The cantons the figures are computed from.
    pub considered: Cantons,
    pub offices: OfficeFigure,
    pub steering_institutions: InstitutionFigure,
    pub coordinator_seats: InstitutionFigure,
    pub documented_process: BTreeMap<Documented, Cantons>,
    pub implementation_types: BTreeMap<ImplementationType, Cantons>,
    pub case_counts: CaseCountFigure,
    pub potential_shares: ShareFigure,
}

impl NationalFigures {
    pub fn compute(data: &[CantonData<'_>]) -> Self {
        Self {
            considered: data.iter().map(|entry| entry.canton).collect(),
            offices: offices(data),
            steering_institutions: steering_institutions(data),
            coordinator_seats: coordinator_seats(data),
            documented_process: documented_process(data),
            implementation_types: implementation_types(data),
            case_counts: case_counts(data),
            potential_shares: potential_shares(data),
        }
    }
}

/// How many cantons have a Geschäftsstelle, Fachstelle or
/// Koordinationsstelle (of any name).
pub fn offices(data: &[CantonData<'_>]) -> OfficeFigure {
    let mut figure = OfficeFigure::default();
    for entry in data {
        if entry.profile.structure.office.is_some() {
            figure.with_office.insert(entry.canton);
        } else {
            figure.without_office.insert(entry.canton);
        }
    }
    figure
}

/// Which kinds of institution sit in the cantons' strategic bodies. A
/// canton with no strategic body, or none that lists its institutions,
/// does not state it.
pub fn steering_institutions(data: &[CantonData<'_>]) -> InstitutionFigure {
    let mut figure = InstitutionFigure::default();
    for entry in data {
        let kinds: BTreeSet<InstitutionKind> = entry
            .profile
            .structure
            .strategic_bodies()
            .flat_map(|link| link.institutions.iter().map(|institution| institution.kind))
            .collect();
        if kinds.is_empty() {
            figure.not_stated.insert(entry.canton);
        }
        for kind in kinds {
            figure.by_kind.entry(kind).or_default().insert(entry.canton);
        }
    }
    figure
}

/// Where the cantons' coordinators sit, by kind of institution.
pub fn coordinator_seats(data: &[CantonData<'_>]) -> InstitutionFigure {
    let mut figure = InstitutionFigure::default();
    for entry in data {
        match &entry.profile.structure.coordinator_at {
            Some(institution) => {
                figure
                    .by_kind
                    .entry(institution.kind)
                    .or_default()
                    .insert(entry.canton);
            }
            None => {
                figure.not_stated.insert(entry.canton);
            }
        }
    }
    figure
}

/// How many cantons have a documented process: yes, no and unknown, each
/// listed (every answer present, even when no canton gave it).
pub fn documented_process(data: &[CantonData<'_>]) -> BTreeMap<Documented, Cantons> {
    let mut figure: BTreeMap<Documented, Cantons> = Documented::ALL
        .into_iter()
        .map(|answer| (answer, Cantons::new()))
        .collect();
    for entry in data {
        let answer = entry.profile.practice.process.documented;
        figure.entry(answer).or_default().insert(entry.canton);
    }
    figure
}

/// The distribution of implementation types, "not classified" included.
pub fn implementation_types(data: &[CantonData<'_>]) -> BTreeMap<ImplementationType, Cantons> {
    let mut figure: BTreeMap<ImplementationType, Cantons> = ImplementationType::ALL
        .into_iter()
        .map(|kind| (kind, Cantons::new()))
        .collect();
    for entry in data {
        let kind = entry.profile.structure.implementation_type;
        figure.entry(kind).or_default().insert(entry.canton);
    }
    figure
}

/// Keeps the extreme `value` and every canton that reported it.
fn keep_extreme(slot: &mut Option<Extreme>, value: u32, canton: CantonCode, lower_wins: bool) {
    match slot {
        Some(extreme) if extreme.value == value => {
            extreme.cantons.insert(canton);
        }
        Some(extreme) if (value < extreme.value) != lower_wins => {}
        _ => {
            *slot = Some(Extreme {
                value,
                cantons: BTreeSet::from([canton]),
            });
        }
    }
}

/// The range of yearly IIZ case totals.
pub fn case_counts(data: &[CantonData<'_>]) -> CaseCountFigure {
    let mut figure = CaseCountFigure::default();
    for entry in data {
        let bounds = entry
            .figures
            .and_then(|figures| figures.cases_total.value.bounds());
        let Some((low, high)) = bounds else {
            figure.without_count.insert(entry.canton);
            continue;
        };
        figure.counted.insert(entry.canton);
        keep_extreme(&mut figure.lowest, low, entry.canton, true);
        keep_extreme(&mut figure.highest, high, entry.canton, false);
    }
    figure
}

/// The share of potential IIZ cases per canton, from exact or estimated
/// figures only.
pub fn potential_shares(data: &[CantonData<'_>]) -> ShareFigure {
    let mut figure = ShareFigure::default();
    for entry in data {
        let Some(figures) = entry.figures else {
            figure.without_figures.insert(entry.canton);
            continue;
        };
        match figures.potential_share() {
            Ok(share) => {
                figure.computed.insert(entry.canton, share);
            }
            Err(reason) => {
                figure.not_computed.insert(entry.canton, reason);
            }
        }
    }
    figure
}
