//! Who may act on working groups, projects, programmes and budgets.

use iiz_domain::working_group::GroupRole;
use iiz_domain::{Partner, Party, TenantId, TenantRole};

use super::concern::Standing;
use super::concern_tests::{person, zh};
use super::recommendation_tests::seat;
use super::steering::*;
use super::tests::outcome;
use super::working_group::*;
use super::*;

/// Columns: office, STG member, EKG member, BSV delegate (STG), ZH
/// coordinator, ZH member, platform admin, anonymous.
fn callers() -> Vec<(Option<Principal>, Standing)> {
    let admin = Principal {
        platform_admin: true,
        ..person(&[])
    };
    vec![
        (
            Some(person(&[(TenantId::National, TenantRole::Office)])),
            Standing::default(),
        ),
        (Some(person(&[])), seat(true, false, &[])),
        (Some(person(&[])), seat(false, true, &[])),
        (Some(person(&[])), seat(true, false, &[Partner::Bsv])),
        (
            Some(person(&[(zh(), TenantRole::Coordinator)])),
            Standing::default(),
        ),
        (
            Some(person(&[(zh(), TenantRole::Member)])),
            Standing::default(),
        ),
        (Some(admin), Standing::default()),
        (None, Standing::default()),
    ]
}

fn row(act: SteeringAct) -> String {
    callers()
        .iter()
        .map(|(principal, standing)| outcome(authorize_steering(principal.as_ref(), standing, act)))
        .collect()
}

#[test]
fn the_stg_decides_the_ekg_notes_the_lead_reports() {
    assert_eq!(row(SteeringAct::RegisterProject), "AAFAFFFU");
    assert_eq!(row(SteeringAct::DecideProgramme), "AAFAFFFU");
    // Body decisions: recorded by the Fachstelle as the STG's secretariat.
    assert_eq!(row(SteeringAct::AcceptProjectResult), "AFFFFFFU");
    assert_eq!(row(SteeringAct::AdoptProgramme), "AFFFFFFU");
    assert_eq!(row(SteeringAct::NoteMilestone), "AFAFFFFU");
    assert_eq!(
        row(SteeringAct::ManageProject(Party::Partner(Partner::Bsv))),
        "AFFAFFFU"
    );
    assert_eq!(
        row(SteeringAct::ManageProject(Party::Tenant(zh()))),
        "AFFFAFFU"
    );
    // The Fachstelle does not acknowledge its own budget report.
    assert_eq!(row(SteeringAct::NoteBudgetReport), "FAFAFFFU");
}

/// Columns: national office, ZH coordinator, ZH office, ZH member, GE
/// coordinator, anonymous; each with and without a seat in the mandating
/// body or a part in the group as given.
fn group_row(tenant: TenantId, standing: GroupStanding, act: WorkingGroupAct) -> String {
    let callers = [
        Some(person(&[(TenantId::National, TenantRole::Office)])),
        Some(person(&[(zh(), TenantRole::Coordinator)])),
        Some(person(&[(zh(), TenantRole::Office)])),
        Some(person(&[(zh(), TenantRole::Member)])),
        Some(person(&[(concern_tests::ge(), TenantRole::Coordinator)])),
        None,
    ];
    callers
        .iter()
        .map(|principal| {
            outcome(authorize_working_group(
                principal.as_ref(),
                tenant,
                standing,
                act,
            ))
        })
        .collect()
}

#[test]
fn the_mandating_body_and_its_office_mandate_note_and_dissolve() {
    let none = GroupStanding::default();
    let seated = GroupStanding {
        in_mandating_body: true,
        group_role: None,
    };
    for act in [WorkingGroupAct::Mandate, WorkingGroupAct::Dissolve] {
        assert_eq!(group_row(TenantId::National, none, act), "AFFFFU");
        assert_eq!(group_row(zh(), none, act), "FAAFFU");
        assert_eq!(group_row(TenantId::National, seated, act), "AAAAAU");
    }
    // Taking note is the body's decision: its secretariat records it, a
    // seat in the body is not enough.
    let note = WorkingGroupAct::TakeNote;
    assert_eq!(group_row(TenantId::National, none, note), "AFFFFU");
    assert_eq!(group_row(zh(), none, note), "FAAFFU");
    assert_eq!(group_row(TenantId::National, seated, note), "AFFFFU");
    assert_eq!(group_row(zh(), seated, note), "FAAFFU");
}

#[test]
fn the_lead_manages_members_and_submits_any_member_reports_progress() {
    let lead = GroupStanding {
        in_mandating_body: false,
        group_role: Some(GroupRole::Lead),
    };
    let member = GroupStanding {
        in_mandating_body: false,
        group_role: Some(GroupRole::Member),
    };
    let national = TenantId::National;
    assert_eq!(
        group_row(national, lead, WorkingGroupAct::ManageMembers),
        "AAAAAU"
    );
    assert_eq!(
        group_row(national, member, WorkingGroupAct::SubmitResult),
        "AFFFFU"
    );
    assert_eq!(
        group_row(national, member, WorkingGroupAct::ReportProgress),
        "AAAAAU"
    );
    assert_eq!(
        group_row(
            national,
            GroupStanding::default(),
            WorkingGroupAct::ReportProgress
        ),
        "AFFFFU"
    );
}
