//! Given/when/then: a working group from mandate to dissolution.

use super::*;
use crate::ids::{CantonCode, ConcernId, TenantId};
use crate::testing::{given, minuted};
use crate::text::Title;

fn text(value: &str) -> FreeText {
    FreeText::parse(value).unwrap()
}

fn day(value: &str) -> NaiveDate {
    value.parse().unwrap()
}

fn ekg() -> BodyId {
    BodyId::from_uuid(uuid::Uuid::from_u128(2))
}

fn leitung() -> BodyId {
    BodyId::from_uuid(uuid::Uuid::from_u128(3))
}

fn person(n: u128) -> PersonId {
    PersonId::from_uuid(uuid::Uuid::from_u128(100 + n))
}

fn so() -> TenantId {
    TenantId::Canton(CantonCode::parse("SO").unwrap())
}

fn mandate() -> Mandate {
    Mandate {
        title: Title::parse("AG Schnittstelle RAV–Sozialhilfe").unwrap(),
        question: text("Doppelte Abklärungen bei Aussteuerung"),
        goal: text("Ein gemeinsames Abklärungsinstrument"),
        output: text("Bericht mit Empfehlungen an das STG, vier Sitzungen"),
        composition: text("RAV, Sozialdienste, IV-Stelle"),
        communication: text("Über das EKG"),
        financing: text("Keine Mittel nötig"),
        resources: text("Je zwei Tage pro Mitglied"),
        until: day("2027-12-31"),
        concerns: BTreeSet::from([concern()]),
    }
}

fn concern() -> ConcernId {
    ConcernId::from_uuid(uuid::Uuid::from_u128(50))
}

fn mandated() -> WorkingGroupEvent {
    WorkingGroupEvent::Mandated {
        id: WorkingGroupId::from_uuid(uuid::Uuid::from_u128(1)),
        mandated_by: ekg(),
        approved_by: Some(leitung()),
        mandate: Box::new(mandate()),
        on: day("2027-01-15"),
    }
}

fn mandate_command(approved_by: Option<BodyId>, mandate: Mandate) -> WorkingGroupCommand {
    WorkingGroupCommand::Mandate {
        id: WorkingGroupId::from_uuid(uuid::Uuid::from_u128(1)),
        mandated_by: ekg(),
        approved_by,
        mandate: Box::new(mandate),
        on: day("2027-01-15"),
    }
}

#[test]
fn a_body_mandates_a_group_with_a_complete_mandate() {
    given::<WorkingGroup>([])
        .when(mandate_command(Some(leitung()), mandate()))
        .then([mandated()]);
    given::<WorkingGroup>([])
        .when(mandate_command(Some(ekg()), mandate()))
        .then_err(WorkingGroupError::SelfApproval);
    let mut vague = mandate();
    vague.goal = FreeText::default();
    given::<WorkingGroup>([])
        .when(mandate_command(None, vague))
        .then_err(WorkingGroupError::Required("goal"));
    let mut past = mandate();
    past.until = day("2026-12-31");
    given::<WorkingGroup>([])
        .when(mandate_command(None, past))
        .then_err(WorkingGroupError::EndsBeforeStart);
    given::<WorkingGroup>([mandated()])
        .when(mandate_command(None, mandate()))
        .then_err(WorkingGroupError::AlreadyMandated);
}

#[test]
fn members_from_several_tenants_with_one_lead() {
    let lead = WorkingGroupEvent::Joined {
        person: person(1),
        tenant: so(),
        role: GroupRole::Lead,
    };
    given::<WorkingGroup>([mandated()])
        .when(WorkingGroupCommand::Join {
            person: person(1),
            tenant: so(),
            role: GroupRole::Lead,
        })
        .then([lead.clone()]);
    given::<WorkingGroup>([mandated(), lead.clone()])
        .when(WorkingGroupCommand::Join {
            person: person(2),
            tenant: TenantId::National,
            role: GroupRole::Lead,
        })
        .then_err(WorkingGroupError::LeadTaken);
    given::<WorkingGroup>([mandated(), lead.clone()])
        .when(WorkingGroupCommand::Join {
            person: person(1),
            tenant: so(),
            role: GroupRole::Member,
        })
        .then_err(WorkingGroupError::AlreadyMember(person(1)));
    given::<WorkingGroup>([mandated()])
        .when(WorkingGroupCommand::Leave { person: person(3) })
        .then_err(WorkingGroupError::NotAMember(person(3)));
}

#[test]
fn the_result_goes_to_the_mandating_body_which_takes_note_once() {
    given::<WorkingGroup>([mandated()])
        .when(WorkingGroupCommand::TakeNote {
            decision: text("zur Kenntnis"),
            next_steps: FreeText::default(),
            decided_by: minuted("STG-Sitzung 1/2028, Traktandum 5"),
        })
        .then_err(WorkingGroupError::NoResult);
    let submitted = WorkingGroupEvent::ResultSubmitted {
        summary: text("Instrument entworfen"),
        documents: vec![],
        on: day("2027-11-30"),
        // The result names the mandate's concerns, for their timelines.
        concerns: BTreeSet::from([concern()]),
    };
    given::<WorkingGroup>([mandated()])
        .when(WorkingGroupCommand::SubmitResult {
            summary: text("Instrument entworfen"),
            documents: vec![],
            on: day("2027-11-30"),
        })
        .then([submitted.clone()]);
    given::<WorkingGroup>([mandated(), submitted.clone()])
        .when(WorkingGroupCommand::SubmitResult {
            summary: text("nochmals"),
            documents: vec![],
            on: day("2027-12-01"),
        })
        .then_err(WorkingGroupError::ResultAlreadySubmitted);
    let noted = WorkingGroupEvent::ResultNoted {
        decision: text("Dem STG als Empfehlung vorschlagen"),
        next_steps: text("Fachstelle entwirft die Empfehlung"),
        concerns: BTreeSet::from([concern()]),
        decided_by: Some(minuted("STG-Sitzung 1/2028, Traktandum 5")),
    };
    given::<WorkingGroup>([mandated(), submitted.clone()])
        .when(WorkingGroupCommand::TakeNote {
            decision: text("Dem STG als Empfehlung vorschlagen"),
            next_steps: text("Fachstelle entwirft die Empfehlung"),
            decided_by: minuted("STG-Sitzung 1/2028, Traktandum 5"),
        })
        .then([noted.clone()]);
    given::<WorkingGroup>([mandated(), submitted, noted])
        .when(WorkingGroupCommand::TakeNote {
            decision: text("nochmals"),
            next_steps: FreeText::default(),
            decided_by: minuted("STG-Sitzung 1/2028, Traktandum 5"),
        })
        .then_err(WorkingGroupError::ResultAlreadyNoted);
}

#[test]
fn a_dissolved_group_takes_no_further_step() {
    let dissolved = WorkingGroupEvent::Dissolved {
        reason: text("Mandat erfüllt"),
        on: day("2027-12-31"),
    };
    given::<WorkingGroup>([mandated()])
        .when(WorkingGroupCommand::Dissolve {
            reason: text("Mandat erfüllt"),
            on: day("2027-12-31"),
        })
        .then([dissolved.clone()]);
    given::<WorkingGroup>([mandated(), dissolved])
        .when(WorkingGroupCommand::ReportProgress {
            text: text("x"),
            on: day("2028-01-10"),
        })
        .then_err(WorkingGroupError::Dissolved);
    given::<WorkingGroup>([mandated()])
        .when(WorkingGroupCommand::ReportProgress {
            text: FreeText::default(),
            on: day("2027-06-30"),
        })
        .then_err(WorkingGroupError::Required("progress report"));
}
