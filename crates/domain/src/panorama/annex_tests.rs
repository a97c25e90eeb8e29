//! Six cantons of the 2020 annex, as the import will record them, through
//! the profile's command path: the cases issue 16 names (Solothurn's
//! hierarchy, Zürich's Operativer Ausschuss, Vaud's dissolved COPIL, the
//! OW/NW body shared once, Basel-Stadt without a formal body).

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;

use super::bodies::linked_bodies;
use super::national::{CantonData, Cantons, Extreme, NationalFigures};
use super::{Actor, InstitutionKind as Kind, NamedInstitution, Year};
use crate::Aggregate;
use crate::body::{Body, BodyCommand, BodyError, BodyEvent, BodyKind};
use crate::canton_profile::{
    BodyLevel, BodyLink, CantonProfile, Challenges, Documented, ImplementationType, Office,
    OfficeKind, Practice, ProfileCommand, ProfileContent, Structure,
};
use crate::ids::{BodyId, CantonCode, Language, PersonId, TenantId};
use crate::key_figures::{Figure, FigureReport, FigureValue, LabelledFigure};
use crate::text::{FreeText, Institution, LocalizedName, Title};

fn canton(code: &str) -> CantonCode {
    CantonCode::parse(code).unwrap()
}

fn cantons(codes: &[&str]) -> Cantons {
    codes.iter().map(|code| canton(code)).collect()
}

fn body(n: u128) -> BodyId {
    BodyId::from_uuid(uuid::Uuid::from_u128(n))
}

fn named(kind: Kind, name: &str) -> NamedInstitution {
    NamedInstitution {
        kind,
        name: Institution::parse(name).unwrap(),
    }
}

fn text(s: &str) -> FreeText {
    FreeText::parse(s).unwrap()
}

fn link(
    id: u128,
    level: BodyLevel,
    above: Option<u128>,
    members: Vec<NamedInstitution>,
) -> BodyLink {
    BodyLink {
        body: body(id),
        level,
        above: above.map(body),
        beside: BTreeSet::new(),
        shared_with: BTreeSet::new(),
        institutions: members,
        note: FreeText::default(),
    }
}

fn office(attached_to: Option<NamedInstitution>) -> Option<Office> {
    Some(Office {
        kind: OfficeKind::Geschaeftsstelle,
        body: None,
        attached_to,
    })
}

fn profile(structure: Structure, documented: Documented) -> ProfileContent {
    let mut practice = Practice::default();
    practice.process.documented = documented;
    ProfileContent {
        language: Language::De,
        structure,
        practice,
        challenges: Challenges::default(),
    }
}

fn structure(bodies: Vec<BodyLink>, office: Option<Office>) -> Structure {
    Structure {
        implementation_type: ImplementationType::NotClassified,
        bodies,
        office,
        ..Structure::default()
    }
}

fn annex() -> BTreeMap<&'static str, ProfileContent> {
    let aso = named(Kind::SocialAssistance, "Amt für soziale Sicherheit");
    let so = structure(
        vec![
            link(
                10,
                BodyLevel::Strategic,
                None,
                vec![named(Kind::Government, "Regierungsrat")],
            ),
            link(11, BodyLevel::Strategic, Some(10), vec![aso.clone()]),
        ],
        office(Some(aso)),
    );
    let zh = structure(
        vec![
            link(
                20,
                BodyLevel::Strategic,
                None,
                vec![named(Kind::Unemployment, "AWA")],
            ),
            link(
                21,
                BodyLevel::Operational,
                Some(20),
                vec![named(Kind::Disability, "SVA Zürich (IV-Stelle)")],
            ),
        ],
        office(None),
    );
    let mut copil = link(
        30,
        BodyLevel::Strategic,
        None,
        vec![named(Kind::Disability, "AI (Office AI)")],
    );
    copil.note = text("Steering committee of the PFCII, 2011-2018; dissolved in 2018");
    let vd = structure(vec![copil], None);
    let mut bs = structure(vec![], None);
    bs.description = text("Regular exchange between agency heads; no formal body");
    bs.coordinator_at = Some(named(Kind::SocialAssistance, "Sozialhilfe Basel-Stadt"));
    let shared = |other: &str| {
        let mut steuergruppe = link(
            40,
            BodyLevel::Strategic,
            None,
            vec![named(Kind::Unemployment, "Arbeitsamt NW")],
        );
        steuergruppe.shared_with = cantons(&[other]);
        structure(
            vec![steuergruppe],
            office(Some(named(Kind::Disability, "IV-Stelle Nidwalden"))),
        )
    };
    BTreeMap::from([
        ("SO", profile(so, Documented::Yes)),
        ("ZH", profile(zh, Documented::Yes)),
        ("VD", profile(vd, Documented::No)),
        ("BS", profile(bs, Documented::Yes)),
        ("OW", profile(shared("NW"), Documented::Yes)),
        ("NW", profile(shared("OW"), Documented::Yes)),
    ])
}

fn figures() -> BTreeMap<&'static str, FigureReport> {
    let report = |total: &str, other: Vec<(&str, &str)>| FigureReport {
        cases_total: Figure::read(text(total)),
        cases_by_lead: BTreeMap::new(),
        registered_unemployed: None,
        other: other
            .into_iter()
            .map(|(label, value)| LabelledFigure {
                label: Title::parse(label).unwrap(),
                figure: Figure::read(text(value)),
            })
            .collect(),
        note: FreeText::default(),
    };
    // The OW/NW count is for both cantons together: kept as written beside
    // each, never split or given to one of them.
    let joint = vec![("OW und NW gemeinsam", "Ca. 20 Fälle pro Jahr (OW u. NW)")];
    BTreeMap::from([
        ("ZH", report("rund 540", vec![])),
        (
            "BS",
            report(
                "",
                vec![("RAV-IV", "200-400 Fälle pro Jahr"), ("SH-RAV", "keine")],
            ),
        ),
        ("OW", report("", joint.clone())),
        ("NW", report("", joint)),
    ])
}

#[test]
fn the_annex_cantons_open_through_the_command_path() {
    for (code, content) in annex() {
        let actor = Actor::new(
            PersonId::from_uuid(uuid::Uuid::from_u128(1)),
            TenantId::Canton(canton(code)),
        );
        let opened = CantonProfile::default().decide(ProfileCommand::Open {
            canton: canton(code),
            year: Year::parse(2020).unwrap(),
            content: Box::new(content),
            actor,
            on: NaiveDate::from_ymd_opt(2020, 3, 31).unwrap(),
        });
        assert!(opened.is_ok(), "{code}: {opened:?}");
    }
}

#[test]
fn the_national_figures_of_the_six_equal_a_count_by_hand() {
    let profiles = annex();
    let figures = figures();
    let data: Vec<CantonData<'_>> = profiles
        .iter()
        .map(|(code, profile)| CantonData {
            canton: canton(code),
            profile,
            figures: figures.get(code),
        })
        .collect();
    let national = NationalFigures::compute(&data);
    assert_eq!(
        national.offices.with_office,
        cantons(&["NW", "OW", "SO", "ZH"])
    );
    assert_eq!(national.offices.without_office, cantons(&["BS", "VD"]));
    assert_eq!(
        national.documented_process[&Documented::No],
        cantons(&["VD"])
    );
    assert_eq!(national.steering_institutions.not_stated, cantons(&["BS"]));
    // Only Zürich gives a total (SO and VD report no figures, BS, OW and
    // NW no total); "rund 540" is an estimate, not exact.
    assert_eq!(
        national.case_counts.lowest,
        Some(Extreme {
            value: 540,
            cantons: cantons(&["ZH"])
        })
    );
    assert_eq!(
        national.case_counts.without_count,
        cantons(&["BS", "NW", "OW", "SO", "VD"])
    );
    assert_eq!(
        figures["ZH"].cases_total.value,
        FigureValue::Estimate { value: 540 }
    );
    // Six bodies, the OW/NW Steuergruppe once with both cantons.
    let bodies = linked_bodies(&data);
    assert_eq!(bodies.len(), 6);
    assert_eq!(bodies[&body(40)], cantons(&["NW", "OW"]));
    // Solothurn's IIZ-EKG sits below the Leitung, Zürich's Ausschuss below
    // the Trägerschaft.
    assert_eq!(profiles["SO"].structure.bodies[1].above, Some(body(10)));
    assert_eq!(
        profiles["ZH"].structure.bodies[1].level,
        BodyLevel::Operational
    );
    assert!(profiles["BS"].structure.bodies.is_empty());
}

#[test]
fn a_dissolved_body_keeps_its_end_date_in_the_body_stream() {
    let dissolved_on = NaiveDate::from_ymd_opt(2018, 12, 31).unwrap();
    let copil = Body::replay(&[
        BodyEvent::Established {
            id: body(30),
            tenant: TenantId::Canton(canton("VD")),
            kind: BodyKind::Steering,
            names: LocalizedName::parse([(Language::Fr, "COPIL PFCII".to_owned())]).unwrap(),
            mandate: FreeText::default(),
            parent: None,
            active_from: NaiveDate::from_ymd_opt(2011, 1, 1).unwrap(),
        },
        BodyEvent::Dissolved {
            active_to: dissolved_on,
            reason: text("No formal cross-cutting CII structure since 2018"),
        },
    ]);
    let rename = BodyCommand::Rename {
        names: LocalizedName::parse([(Language::Fr, "COPIL".to_owned())]).unwrap(),
    };
    assert_eq!(
        copil.decide(rename),
        Err(BodyError::Dissolved(dissolved_on))
    );
}
