use chrono::NaiveDate;

use super::*;
use crate::ids::Language;
use crate::testing::given;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn name(de: &str) -> LocalizedName {
    LocalizedName::parse([(Language::De, de.to_owned())]).unwrap()
}

fn text(s: &str) -> FreeText {
    FreeText::parse(s).unwrap()
}

fn stg_id() -> BodyId {
    BodyId::parse("01930000-0000-7000-8000-000000000001").unwrap()
}

fn established() -> BodyEvent {
    BodyEvent::Established {
        id: stg_id(),
        tenant: TenantId::National,
        kind: BodyKind::Steering,
        names: name("Steuerungsgremium"),
        mandate: text("Entscheidet über Empfehlungen"),
        parent: None,
        active_from: date(2017, 1, 1),
    }
}

#[test]
fn a_body_is_established() {
    given::<Body>([])
        .when(BodyCommand::Establish {
            id: stg_id(),
            tenant: TenantId::National,
            kind: BodyKind::Steering,
            names: name("Steuerungsgremium"),
            mandate: text("Entscheidet über Empfehlungen"),
            parent: None,
            active_from: date(2017, 1, 1),
        })
        .then([established()]);
}

#[test]
fn a_body_cannot_be_established_twice_or_be_its_own_parent() {
    let establish = BodyCommand::Establish {
        id: stg_id(),
        tenant: TenantId::National,
        kind: BodyKind::Steering,
        names: name("STG"),
        mandate: FreeText::default(),
        parent: Some(stg_id()),
        active_from: date(2017, 1, 1),
    };
    given::<Body>([established()])
        .when(establish.clone())
        .then_err(BodyError::AlreadyEstablished);
    given::<Body>([])
        .when(establish)
        .then_err(BodyError::OwnParent);
}

#[test]
fn the_mandate_is_amended_only_when_it_changes() {
    given::<Body>([established()])
        .when(BodyCommand::AmendMandate {
            mandate: text("Neues Mandat"),
        })
        .then([BodyEvent::MandateAmended {
            mandate: text("Neues Mandat"),
        }]);
    given::<Body>([established()])
        .when(BodyCommand::AmendMandate {
            mandate: text("Entscheidet über Empfehlungen"),
        })
        .then([]);
    given::<Body>([established()])
        .when(BodyCommand::Rename { names: name("STG") })
        .then([BodyEvent::Renamed { names: name("STG") }]);
}

#[test]
fn dissolving_needs_a_reason_and_a_date_after_the_start() {
    given::<Body>([established()])
        .when(BodyCommand::Dissolve {
            active_to: date(2016, 12, 31),
            reason: text("Mandat erfüllt"),
        })
        .then_err(BodyError::DissolvedBeforeActive {
            active_from: date(2017, 1, 1),
            active_to: date(2016, 12, 31),
        });
    given::<Body>([established()])
        .when(BodyCommand::Dissolve {
            active_to: date(2025, 12, 31),
            reason: FreeText::default(),
        })
        .then_err(BodyError::ReasonRequired);
    given::<Body>([established()])
        .when(BodyCommand::Dissolve {
            active_to: date(2025, 12, 31),
            reason: text("Mandat erfüllt"),
        })
        .then([BodyEvent::Dissolved {
            active_to: date(2025, 12, 31),
            reason: text("Mandat erfüllt"),
        }]);
}

#[test]
fn a_dissolved_body_refuses_changes() {
    let dissolved = BodyEvent::Dissolved {
        active_to: date(2025, 12, 31),
        reason: text("Mandat erfüllt"),
    };
    given::<Body>([established(), dissolved])
        .when(BodyCommand::AmendMandate { mandate: text("x") })
        .then_err(BodyError::Dissolved(date(2025, 12, 31)));
    given::<Body>([])
        .when(BodyCommand::Rename { names: name("x") })
        .then_err(BodyError::NotEstablished);
}
