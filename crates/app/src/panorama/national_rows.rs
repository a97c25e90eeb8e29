//! The national figures as rows, one per figure and key, each with the
//! cantons behind it: the shape the published panorama's page and the
//! `national` export both show, so the two never disagree about which
//! keys a figure has or in what order.

use iiz_domain::CantonCode;
use iiz_domain::canton_profile::{Documented, ImplementationType};
use iiz_domain::key_figures::{NoShare, ShareBasis};
use iiz_domain::panorama::InstitutionKind;
use iiz_domain::panorama::national::{Cantons, InstitutionFigure, NationalFigures};

/// A national figure of docs/panorama.md "The national figures".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum NationalFigure {
    Offices,
    SteeringInstitutions,
    CoordinatorSeats,
    DocumentedProcess,
    ImplementationTypes,
    CaseCounts,
    PotentialShares,
}

impl NationalFigure {
    pub const ALL: [NationalFigure; 7] = [
        Self::Offices,
        Self::SteeringInstitutions,
        Self::CoordinatorSeats,
        Self::DocumentedProcess,
        Self::ImplementationTypes,
        Self::CaseCounts,
        Self::PotentialShares,
    ];

    /// The name the export and the pages' anchors use.
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Offices => "offices",
            Self::SteeringInstitutions => "steering_institutions",
            Self::CoordinatorSeats => "coordinator_seats",
            Self::DocumentedProcess => "documented_process",
            Self::ImplementationTypes => "implementation_types",
            Self::CaseCounts => "case_counts",
            Self::PotentialShares => "potential_shares",
        }
    }
}

/// What one row of a figure counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NationalKey {
    WithOffice,
    WithoutOffice,
    Institution(InstitutionKind),
    NotStated,
    Documented(Documented),
    Type(ImplementationType),
    Lowest,
    Highest,
    Counted,
    WithoutCount,
    /// A canton's own share of potential cases.
    Canton(CantonCode),
    /// Cantons whose share is not computed, by reason.
    NoShare(NoShare),
    WithoutFigures,
}

impl NationalKey {
    /// The key as the export writes it (the domain's serialised names).
    pub fn as_str(&self) -> String {
        match self {
            Self::WithOffice => "with_office".to_owned(),
            Self::WithoutOffice => "without_office".to_owned(),
            Self::Institution(kind) => kind.as_str().to_owned(),
            Self::NotStated => "not_stated".to_owned(),
            Self::Documented(answer) => slug(answer),
            Self::Type(kind) => slug(kind),
            Self::Lowest => "lowest".to_owned(),
            Self::Highest => "highest".to_owned(),
            Self::Counted => "counted".to_owned(),
            Self::WithoutCount => "without_count".to_owned(),
            Self::Canton(code) => code.to_string(),
            Self::NoShare(reason) => slug(reason),
            Self::WithoutFigures => "without_figures".to_owned(),
        }
    }
}

/// The serialised (snake case) name of a unit enum of the domain.
fn slug<T: serde::Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(name)) => name,
        _ => String::new(),
    }
}

/// One row: a figure's key, the cantons behind it, and the number for
/// the case counts (the extreme) and the potential shares (basis points).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NationalRow {
    pub figure: NationalFigure,
    pub key: NationalKey,
    pub cantons: Cantons,
    pub value: Option<u32>,
    pub basis: Option<ShareBasis>,
}

impl NationalRow {
    fn of(figure: NationalFigure, key: NationalKey, cantons: Cantons) -> Self {
        Self {
            figure,
            key,
            cantons,
            value: None,
            basis: None,
        }
    }
}

/// Every kind of institution, with no canton where none names it, so the
/// rows of a figure are the same in every year.
fn institution_rows(figure: NationalFigure, counted: &InstitutionFigure) -> Vec<NationalRow> {
    let mut rows: Vec<NationalRow> = InstitutionKind::ALL
        .into_iter()
        .map(|kind| {
            let cantons = counted.by_kind.get(&kind).cloned().unwrap_or_default();
            NationalRow::of(figure, NationalKey::Institution(kind), cantons)
        })
        .collect();
    rows.push(NationalRow::of(
        figure,
        NationalKey::NotStated,
        counted.not_stated.clone(),
    ));
    rows
}

/// The rows of every national figure, in the order of docs/panorama.md.
pub fn national_rows(figures: &NationalFigures) -> Vec<NationalRow> {
    use NationalFigure as F;
    let mut rows = vec![
        NationalRow::of(
            F::Offices,
            NationalKey::WithOffice,
            figures.offices.with_office.clone(),
        ),
        NationalRow::of(
            F::Offices,
            NationalKey::WithoutOffice,
            figures.offices.without_office.clone(),
        ),
    ];
    rows.extend(institution_rows(
        F::SteeringInstitutions,
        &figures.steering_institutions,
    ));
    rows.extend(institution_rows(
        F::CoordinatorSeats,
        &figures.coordinator_seats,
    ));
    rows.extend(Documented::ALL.into_iter().map(|answer| {
        let cantons = figures
            .documented_process
            .get(&answer)
            .cloned()
            .unwrap_or_default();
        NationalRow::of(
            F::DocumentedProcess,
            NationalKey::Documented(answer),
            cantons,
        )
    }));
    rows.extend(ImplementationType::ALL.into_iter().map(|kind| {
        let cantons = figures
            .implementation_types
            .get(&kind)
            .cloned()
            .unwrap_or_default();
        NationalRow::of(F::ImplementationTypes, NationalKey::Type(kind), cantons)
    }));
    let counts = &figures.case_counts;
    for (key, extreme) in [
        (NationalKey::Lowest, &counts.lowest),
        (NationalKey::Highest, &counts.highest),
    ] {
        rows.push(NationalRow {
            value: extreme.as_ref().map(|extreme| extreme.value),
            ..NationalRow::of(
                F::CaseCounts,
                key,
                extreme
                    .as_ref()
                    .map(|extreme| extreme.cantons.clone())
                    .unwrap_or_default(),
            )
        });
    }
    rows.push(NationalRow::of(
        F::CaseCounts,
        NationalKey::Counted,
        counts.counted.clone(),
    ));
    rows.push(NationalRow::of(
        F::CaseCounts,
        NationalKey::WithoutCount,
        counts.without_count.clone(),
    ));
    let shares = &figures.potential_shares;
    for (canton, share) in &shares.computed {
        rows.push(NationalRow {
            value: Some(share.basis_points),
            basis: Some(share.basis),
            ..NationalRow::of(
                F::PotentialShares,
                NationalKey::Canton(*canton),
                Cantons::from([*canton]),
            )
        });
    }
    for reason in [
        NoShare::NoUnemployedFigure,
        NoShare::NotAPoint,
        NoShare::NoUnemployed,
    ] {
        let cantons: Cantons = shares
            .not_computed
            .iter()
            .filter(|(_, why)| **why == reason)
            .map(|(canton, _)| *canton)
            .collect();
        rows.push(NationalRow::of(
            F::PotentialShares,
            NationalKey::NoShare(reason),
            cantons,
        ));
    }
    rows.push(NationalRow::of(
        F::PotentialShares,
        NationalKey::WithoutFigures,
        shares.without_figures.clone(),
    ));
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(value: &str) -> CantonCode {
        CantonCode::parse(value).unwrap()
    }

    #[test]
    fn every_figure_has_rows_and_every_row_names_its_cantons() {
        let mut figures = NationalFigures::compute(&[]);
        figures.offices.with_office.insert(code("ZH"));
        figures
            .steering_institutions
            .by_kind
            .insert(InstitutionKind::Disability, Cantons::from([code("GE")]));
        let rows = national_rows(&figures);
        for figure in NationalFigure::ALL {
            assert!(rows.iter().any(|row| row.figure == figure), "{figure:?}");
        }
        let office = &rows[0];
        assert_eq!(office.key.as_str(), "with_office");
        assert_eq!(office.cantons, Cantons::from([code("ZH")]));
        let disability = rows
            .iter()
            .find(|row| row.key == NationalKey::Institution(InstitutionKind::Disability))
            .unwrap();
        assert_eq!(disability.cantons, Cantons::from([code("GE")]));
        assert_eq!(
            NationalKey::Documented(Documented::Unknown).as_str(),
            "unknown"
        );
        assert_eq!(
            NationalKey::Type(ImplementationType::NotClassified).as_str(),
            "not_classified"
        );
        assert_eq!(
            NationalKey::NoShare(NoShare::NotAPoint).as_str(),
            "not_a_point"
        );
        // Without any canton there is no extreme, and no number is made up.
        let lowest = rows
            .iter()
            .find(|row| row.key == NationalKey::Lowest)
            .unwrap();
        assert_eq!(lowest.value, None);
        assert!(lowest.cantons.is_empty());
    }
}
