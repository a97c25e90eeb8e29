use std::collections::BTreeSet;

use chrono::NaiveDate;

use super::*;
use crate::ids::{BodyId, Language, PersonId};
use crate::panorama_terms::{InstitutionKind, NamedInstitution};
use crate::testing::given;
use crate::text::{Institution, Title};

pub(super) fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

pub(super) fn so() -> CantonCode {
    CantonCode::parse("SO").unwrap()
}

pub(super) fn year() -> Year {
    Year::parse(2026).unwrap()
}

pub(super) fn coordinator() -> Actor {
    Actor::new(
        PersonId::from_uuid(uuid::Uuid::from_u128(1)),
        TenantId::Canton(so()),
    )
}

pub(super) fn fachstelle() -> Actor {
    Actor::new(
        PersonId::from_uuid(uuid::Uuid::from_u128(2)),
        TenantId::National,
    )
}

pub(super) fn body(n: u128) -> BodyId {
    BodyId::from_uuid(uuid::Uuid::from_u128(n))
}

pub(super) fn institution(kind: InstitutionKind, name: &str) -> NamedInstitution {
    NamedInstitution {
        kind,
        name: Institution::parse(name).unwrap(),
    }
}

pub(super) fn text(s: &str) -> FreeText {
    FreeText::parse(s).unwrap()
}

pub(super) fn link(id: u128, level: BodyLevel, above: Option<u128>) -> BodyLink {
    BodyLink {
        body: body(id),
        level,
        above: above.map(body),
        beside: BTreeSet::new(),
        shared_with: BTreeSet::new(),
        institutions: Vec::new(),
        note: FreeText::default(),
    }
}

/// Solothurn 2020: the IIZ-EKG below the IIZ-Leitung, a Geschäftsstelle
/// attached to the Amt für soziale Sicherheit.
pub(super) fn solothurn() -> Structure {
    let mut leitung = link(10, BodyLevel::Strategic, None);
    leitung.institutions = vec![institution(InstitutionKind::Government, "Regierungsrat")];
    let mut ekg = link(11, BodyLevel::Strategic, Some(10));
    ekg.institutions = vec![
        institution(
            InstitutionKind::SocialAssistance,
            "Amt für soziale Sicherheit",
        ),
        institution(InstitutionKind::Disability, "IV-Stelle Kanton Solothurn"),
    ];
    let ass = institution(
        InstitutionKind::SocialAssistance,
        "Amt für soziale Sicherheit",
    );
    Structure {
        implementation_type: ImplementationType::NotClassified,
        bodies: vec![leitung, ekg],
        office: Some(Office {
            kind: OfficeKind::Geschaeftsstelle,
            body: None,
            attached_to: Some(ass.clone()),
        }),
        coordinator_at: Some(ass),
        ..Structure::default()
    }
}

pub(super) fn content() -> ProfileContent {
    ProfileContent {
        language: Language::De,
        structure: solothurn(),
        practice: Practice::default(),
        challenges: Challenges::default(),
    }
}

pub(super) fn opened() -> ProfileEvent {
    ProfileEvent::Opened {
        canton: so(),
        year: year(),
        content: Box::new(content()),
        actor: coordinator(),
        on: date(2026, 3, 1),
    }
}

fn open(actor: Actor) -> ProfileCommand {
    ProfileCommand::Open {
        canton: so(),
        year: year(),
        content: Box::new(content()),
        actor,
        on: date(2026, 3, 1),
    }
}

pub(super) fn documented_practice() -> Practice {
    let mut practice = Practice::default();
    practice.process.documented = Documented::Yes;
    practice.process.forms = BTreeSet::from([ProcessForm::Agreements]);
    practice.process.as_written = text("Laid down in RRBs and agreements");
    practice.legal_bases = vec![LegalBasis {
        kind: LegalBasisKind::GovernmentDecision,
        citation: Title::parse("RRB 2018/202").unwrap(),
    }];
    practice
}

#[test]
fn the_canton_opens_its_profile_for_a_year() {
    given::<CantonProfile>([])
        .when(open(coordinator()))
        .then([opened()]);
    let profile = CantonProfile::replay(&[opened()]);
    assert_eq!(profile.revision(), 1);
    assert_eq!(CantonProfile::stream_id(so(), year()), "SO-2026");
}

#[test]
fn only_the_canton_opens_its_profile() {
    given::<CantonProfile>([])
        .when(open(fachstelle()))
        .then_err(ProfileError::FachstelleProposes);
    let geneva = Actor::new(
        coordinator().person,
        TenantId::Canton(CantonCode::parse("GE").unwrap()),
    );
    given::<CantonProfile>([])
        .when(open(geneva))
        .then_err(ProfileError::NotTheCanton(so()));
    given::<CantonProfile>([opened()])
        .when(open(coordinator()))
        .then_err(ProfileError::AlreadyOpened);
}

#[test]
fn a_revision_changes_one_part_and_counts_up() {
    let revise = ProfileCommand::Revise {
        change: SectionChange::Practice(documented_practice()),
        note: text("Process documented"),
        actor: coordinator(),
        on: date(2026, 4, 1),
    };
    given::<CantonProfile>([opened()])
        .when(revise.clone())
        .then([ProfileEvent::Revised {
            revision: 2,
            change: SectionChange::Practice(documented_practice()),
            note: text("Process documented"),
            actor: coordinator(),
            on: date(2026, 4, 1),
        }]);
    let revised = CantonProfile::replay(&[opened()])
        .decide(revise.clone())
        .unwrap();
    let mut history = vec![opened()];
    history.extend(revised);
    // The same change again is already satisfied.
    given::<CantonProfile>(history).when(revise).then([]);
}

#[test]
fn another_canton_or_the_fachstelle_cannot_revise() {
    let revise = |actor| ProfileCommand::Revise {
        change: SectionChange::Practice(documented_practice()),
        note: FreeText::default(),
        actor,
        on: date(2026, 4, 1),
    };
    let zurich = Actor::new(
        coordinator().person,
        TenantId::Canton(CantonCode::parse("ZH").unwrap()),
    );
    given::<CantonProfile>([opened()])
        .when(revise(zurich))
        .then_err(ProfileError::NotTheCanton(so()));
    given::<CantonProfile>([opened()])
        .when(revise(fachstelle()))
        .then_err(ProfileError::FachstelleProposes);
    given::<CantonProfile>([])
        .when(revise(coordinator()))
        .then_err(ProfileError::NotOpened);
}

#[test]
fn a_revision_cannot_go_back_before_the_last_change() {
    given::<CantonProfile>([opened()])
        .when(ProfileCommand::Revise {
            change: SectionChange::Practice(documented_practice()),
            note: FreeText::default(),
            actor: coordinator(),
            on: date(2026, 2, 1),
        })
        .then_err(ProfileError::DateBeforeLastChange {
            last: date(2026, 3, 1),
            date: date(2026, 2, 1),
        });
}

fn revise_structure(structure: Structure) -> ProfileCommand {
    ProfileCommand::Revise {
        change: SectionChange::Structure(structure),
        note: FreeText::default(),
        actor: coordinator(),
        on: date(2026, 4, 1),
    }
}

#[test]
fn bodies_form_a_hierarchy_within_the_profile() {
    let mut twice = solothurn();
    twice.bodies.push(link(10, BodyLevel::Operational, None));
    given::<CantonProfile>([opened()])
        .when(revise_structure(twice))
        .then_err(ProfileError::BodyLinkedTwice(body(10)));

    let mut dangling = solothurn();
    dangling.bodies[1].beside.insert(body(99));
    given::<CantonProfile>([opened()])
        .when(revise_structure(dangling))
        .then_err(ProfileError::UnlinkedBody(body(99)));

    let mut circle = solothurn();
    circle.bodies[0].above = Some(body(11));
    given::<CantonProfile>([opened()])
        .when(revise_structure(circle))
        .then_err(ProfileError::HierarchyCycle(body(10)));
}

#[test]
fn a_shared_body_names_the_other_canton_not_its_own() {
    let mut shared = solothurn();
    shared.bodies[0].shared_with.insert(so());
    given::<CantonProfile>([opened()])
        .when(revise_structure(shared))
        .then_err(ProfileError::SharedWithItself(so()));
}

#[test]
fn practice_and_challenges_are_checked() {
    let mut forms_without_process = Practice::default();
    forms_without_process
        .process
        .forms
        .insert(ProcessForm::InterfaceMeetings);
    given::<CantonProfile>([opened()])
        .when(ProfileCommand::Revise {
            change: SectionChange::Practice(forms_without_process),
            note: FreeText::default(),
            actor: coordinator(),
            on: date(2026, 4, 1),
        })
        .then_err(ProfileError::FormsWithoutProcess);
    let empty = Challenges {
        items: vec![Challenge {
            category: ChallengeCategory::DataProtection,
            text: FreeText::default(),
        }],
        note: FreeText::default(),
    };
    given::<CantonProfile>([opened()])
        .when(ProfileCommand::Revise {
            change: SectionChange::Challenges(empty),
            note: FreeText::default(),
            actor: coordinator(),
            on: date(2026, 4, 1),
        })
        .then_err(ProfileError::EmptyChallenge);
}

#[test]
fn events_round_trip_through_their_stored_form() {
    use crate::DomainEvent;
    let event = opened();
    let (event_type, payload) = event.encode().unwrap();
    assert_eq!(event_type, "Opened");
    assert_eq!(payload["year"], 2026);
    assert_eq!(
        payload["content"]["structure"]["implementation_type"],
        "not_classified"
    );
    assert_eq!(ProfileEvent::decode(event_type, payload).unwrap(), event);
}
