//! The national figures against counts made by hand from four cantons
//! shaped like their 2020 answers.

use std::collections::{BTreeMap, BTreeSet};

use super::bodies::{UnmatchedShare, linked_bodies, unmatched_shares};
use super::national::*;
use super::{InstitutionKind, NamedInstitution};
use crate::canton_profile::{
    BodyLevel, BodyLink, Challenges, Documented, ImplementationType, Office, OfficeKind, Practice,
    ProfileContent, Structure,
};
use crate::ids::{BodyId, CantonCode, Language};
use crate::key_figures::{Figure, FigureReport, FigureValue, NoShare, ShareBasis};
use crate::text::{FreeText, Institution};

fn canton(code: &str) -> CantonCode {
    CantonCode::parse(code).unwrap()
}

fn cantons(codes: &[&str]) -> Cantons {
    codes.iter().map(|code| canton(code)).collect()
}

fn institution(kind: InstitutionKind, name: &str) -> NamedInstitution {
    NamedInstitution {
        kind,
        name: Institution::parse(name).unwrap(),
    }
}

fn steering(id: u128, institutions: Vec<NamedInstitution>) -> BodyLink {
    BodyLink {
        body: BodyId::from_uuid(uuid::Uuid::from_u128(id)),
        level: BodyLevel::Strategic,
        above: None,
        beside: BTreeSet::new(),
        shared_with: BTreeSet::new(),
        institutions,
        note: FreeText::default(),
    }
}

fn profile(
    bodies: Vec<BodyLink>,
    office: bool,
    coordinator: Option<NamedInstitution>,
    documented: Documented,
) -> ProfileContent {
    let mut practice = Practice::default();
    practice.process.documented = documented;
    ProfileContent {
        language: Language::De,
        structure: Structure {
            implementation_type: ImplementationType::NotClassified,
            bodies,
            office: office.then_some(Office {
                kind: OfficeKind::Geschaeftsstelle,
                body: None,
                attached_to: None,
            }),
            coordinator_at: coordinator,
            ..Structure::default()
        },
        practice,
        challenges: Challenges::default(),
    }
}

fn total(value: FigureValue) -> FigureReport {
    FigureReport {
        cases_total: Figure::new(value),
        cases_by_lead: BTreeMap::new(),
        registered_unemployed: None,
        other: Vec::new(),
        note: FreeText::default(),
    }
}

struct Fixture {
    zh: ProfileContent,
    bs: ProfileContent,
    ow: ProfileContent,
    nw: ProfileContent,
    zh_figures: FigureReport,
    ow_figures: FigureReport,
    nw_figures: FigureReport,
}

/// ZH: office, coordinator at the AWA, documented, rund 540 cases.
/// BS: no formal body, no office, coordinator at the Sozialhilfe.
/// OW and NW: one shared Steuergruppe, one Geschäftsstelle at the IV-Stelle
/// NW, "Ca. 20 Fälle pro Jahr" for both.
fn fixture() -> Fixture {
    let awa = institution(InstitutionKind::Unemployment, "AWA");
    let zh = profile(
        vec![steering(
            1,
            vec![
                awa.clone(),
                institution(InstitutionKind::SocialAssistance, "KSA"),
                institution(InstitutionKind::Disability, "SVA Zürich"),
            ],
        )],
        true,
        Some(awa),
        Documented::Yes,
    );
    let bs = profile(
        vec![],
        false,
        Some(institution(
            InstitutionKind::SocialAssistance,
            "Sozialhilfe Basel-Stadt",
        )),
        Documented::Yes,
    );
    let mut shared = steering(
        2,
        vec![
            institution(
                InstitutionKind::Disability,
                "Ausgleichskasse und IV-Stelle OW",
            ),
            institution(InstitutionKind::Unemployment, "Arbeitsamt NW"),
        ],
    );
    shared.shared_with = cantons(&["NW"]);
    let ow = profile(
        vec![shared.clone()],
        true,
        Some(institution(
            InstitutionKind::Disability,
            "IV-Stelle Nidwalden",
        )),
        Documented::Yes,
    );
    shared.shared_with = cantons(&["OW"]);
    let nw = profile(
        vec![shared],
        true,
        Some(institution(
            InstitutionKind::Disability,
            "IV-Stelle Nidwalden",
        )),
        Documented::Unknown,
    );
    let mut zh_figures = total(FigureValue::Estimate { value: 540 });
    zh_figures.registered_unemployed = Some(Figure::new(FigureValue::Exact { value: 27_000 }));
    Fixture {
        zh,
        bs,
        ow,
        nw,
        zh_figures,
        ow_figures: total(FigureValue::Estimate { value: 20 }),
        nw_figures: total(FigureValue::Range { low: 20, high: 540 }),
    }
}

fn data(fixture: &Fixture) -> Vec<CantonData<'_>> {
    vec![
        CantonData {
            canton: canton("ZH"),
            profile: &fixture.zh,
            figures: Some(&fixture.zh_figures),
        },
        CantonData {
            canton: canton("BS"),
            profile: &fixture.bs,
            figures: None,
        },
        CantonData {
            canton: canton("OW"),
            profile: &fixture.ow,
            figures: Some(&fixture.ow_figures),
        },
        CantonData {
            canton: canton("NW"),
            profile: &fixture.nw,
            figures: Some(&fixture.nw_figures),
        },
    ]
}

#[test]
fn offices_are_counted_with_their_cantons() {
    let fixture = fixture();
    let figure = offices(&data(&fixture));
    assert_eq!(figure.with_office, cantons(&["NW", "OW", "ZH"]));
    assert_eq!(figure.without_office, cantons(&["BS"]));
}

#[test]
fn a_shared_steering_body_counts_for_both_cantons() {
    let fixture = fixture();
    let figure = steering_institutions(&data(&fixture));
    assert_eq!(
        figure.by_kind[&InstitutionKind::Disability],
        cantons(&["NW", "OW", "ZH"])
    );
    assert_eq!(
        figure.by_kind[&InstitutionKind::SocialAssistance],
        cantons(&["ZH"])
    );
    assert_eq!(figure.not_stated, cantons(&["BS"]));
}

#[test]
fn coordinator_seats_are_counted_by_kind() {
    let fixture = fixture();
    let figure = coordinator_seats(&data(&fixture));
    assert_eq!(
        figure.by_kind[&InstitutionKind::Disability],
        cantons(&["NW", "OW"])
    );
    assert_eq!(
        figure.by_kind[&InstitutionKind::Unemployment],
        cantons(&["ZH"])
    );
    assert_eq!(
        figure.by_kind[&InstitutionKind::SocialAssistance],
        cantons(&["BS"])
    );
    assert!(figure.not_stated.is_empty());
}

#[test]
fn documented_processes_keep_unknown_apart_from_no() {
    let fixture = fixture();
    let figure = documented_process(&data(&fixture));
    assert_eq!(figure[&Documented::Yes], cantons(&["BS", "OW", "ZH"]));
    assert_eq!(figure[&Documented::Unknown], cantons(&["NW"]));
    assert_eq!(figure[&Documented::No], Cantons::new());
}

#[test]
fn implementation_types_list_every_type() {
    let fixture = fixture();
    let figure = implementation_types(&data(&fixture));
    assert_eq!(figure.len(), 5);
    assert_eq!(
        figure[&ImplementationType::NotClassified],
        cantons(&["BS", "NW", "OW", "ZH"])
    );
    assert!(figure[&ImplementationType::Type1].is_empty());
}

#[test]
fn the_range_of_case_counts_names_the_cantons_at_each_end() {
    let fixture = fixture();
    let figure = case_counts(&data(&fixture));
    // NW's range 20–540 reaches both ends.
    assert_eq!(
        figure.lowest,
        Some(Extreme {
            value: 20,
            cantons: cantons(&["NW", "OW"]),
        })
    );
    assert_eq!(
        figure.highest,
        Some(Extreme {
            value: 540,
            cantons: cantons(&["NW", "ZH"]),
        })
    );
    assert_eq!(figure.counted, cantons(&["NW", "OW", "ZH"]));
    assert_eq!(figure.without_count, cantons(&["BS"]));
}

#[test]
fn the_potential_share_says_whether_it_rests_on_an_estimate() {
    let fixture = fixture();
    let figure = potential_shares(&data(&fixture));
    let zh = figure.computed[&canton("ZH")];
    assert_eq!((zh.basis_points, zh.basis), (200, ShareBasis::Estimated));
    assert_eq!(
        figure.not_computed[&canton("OW")],
        NoShare::NoUnemployedFigure
    );
    assert_eq!(figure.without_figures, cantons(&["BS"]));
}

#[test]
fn all_figures_together_consider_the_cantons_passed_in() {
    let fixture = fixture();
    let figures = NationalFigures::compute(&data(&fixture));
    assert_eq!(figures.considered, cantons(&["BS", "NW", "OW", "ZH"]));
    assert_eq!(figures, NationalFigures::compute(&data(&fixture)));
    let empty = NationalFigures::compute(&[]);
    assert_eq!(empty.case_counts.lowest, None);
    assert!(empty.offices.with_office.is_empty());
}

#[test]
fn a_shared_body_is_one_body_with_both_cantons() {
    let fixture = fixture();
    let bodies = linked_bodies(&data(&fixture));
    assert_eq!(bodies.len(), 2);
    assert_eq!(
        bodies[&BodyId::from_uuid(uuid::Uuid::from_u128(2))],
        cantons(&["NW", "OW"])
    );
    assert!(unmatched_shares(&data(&fixture)).is_empty());
}

#[test]
fn a_share_the_other_canton_does_not_link_is_reported() {
    let mut fixture = fixture();
    fixture.nw.structure.bodies.clear();
    assert_eq!(
        unmatched_shares(&data(&fixture)),
        vec![UnmatchedShare {
            body: BodyId::from_uuid(uuid::Uuid::from_u128(2)),
            linked_by: canton("OW"),
            missing_in: canton("NW"),
        }]
    );
    // Without NW's profile there is nothing to compare with.
    let without_nw: Vec<_> = data(&fixture)
        .into_iter()
        .filter(|entry| entry.canton != canton("NW"))
        .collect();
    assert!(unmatched_shares(&without_nw).is_empty());
}
