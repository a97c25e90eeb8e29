//! The authorization matrix: every operation × every kind of caller × own
//! tenant (ZH), another canton (GE) and the national tenant (CH).

use std::collections::BTreeSet;

use iiz_domain::{CantonCode, PersonId, TenantId, TenantRole};

use super::*;

fn zh() -> TenantId {
    TenantId::Canton(CantonCode::parse("ZH").unwrap())
}

fn ge() -> TenantId {
    TenantId::Canton(CantonCode::parse("GE").unwrap())
}

fn person(home: TenantId, roles: &[(TenantId, TenantRole)]) -> Principal {
    Principal {
        person: PersonId::new(),
        home,
        roles: roles.iter().copied().collect(),
        platform_admin: false,
        scope: None,
        language: iiz_domain::Language::De,
    }
}

/// The callers, in the order of the matrix columns.
fn personas() -> Vec<(&'static str, Option<Principal>)> {
    use TenantRole::*;
    let national = TenantId::National;
    let mut platform = person(national, &[]);
    platform.platform_admin = true;
    let mut token = person(zh(), &[(zh(), Coordinator), (zh(), TenantAdmin)]);
    token.scope = Some(TokenScope {
        tenant: zh(),
        roles: BTreeSet::from([Coordinator]),
    });
    vec![
        ("ZH coordinator", Some(person(zh(), &[(zh(), Coordinator)]))),
        ("ZH office", Some(person(zh(), &[(zh(), Office)]))),
        ("ZH member", Some(person(zh(), &[(zh(), Member)]))),
        ("ZH chair", Some(person(zh(), &[(zh(), Chair)]))),
        ("ZH observer", Some(person(zh(), &[(zh(), Observer)]))),
        (
            "ZH tenant admin",
            Some(person(zh(), &[(zh(), TenantAdmin)])),
        ),
        ("Fachstelle", Some(person(national, &[(national, Office)]))),
        ("STG member", Some(person(national, &[(national, Member)]))),
        (
            "CH tenant admin",
            Some(person(national, &[(national, TenantAdmin)])),
        ),
        ("platform admin", Some(platform)),
        ("ZH token (coordinator scope)", Some(token)),
        ("anonymous", None),
    ]
}

/// One row per operation: the expected outcome for each persona (columns as
/// in [`personas`]) on ZH, GE and CH. A = allowed, F = FORBIDDEN,
/// N = NOT_FOUND, U = UNAUTHENTICATED.
///
/// Columns:          ZH: coord office member chair observer admin | CH: office member admin | platform | token | anonymous
fn expected(operation: Operation) -> [&'static str; 3] {
    use Operation::*;
    const EVERYONE: [&str; 3] = ["AAAAAAAAAAAA"; 3];
    const SIGNED_IN: [&str; 3] = ["AAAAAAAAAAAU"; 3];
    const NO_TOKENS: [&str; 3] = ["AAAAAAAAAAFU"; 3];
    const PEOPLE_READ: [&str; 3] = ["AAAAAAANAAAU", "NNNNNNANAANU", "NNNNNNAAAANU"];
    const BODIES_WRITE: [&str; 3] = ["AFFFFAFFFAAU", "FFFFFFFFFAFU", "FFFFFFAFAAFU"];
    const PEOPLE_ADMIN: [&str; 3] = ["FFFFFAFNFAFU", "NNNNNNFNFANU", "NNNNNNFFAANU"];
    const PLATFORM_ONLY: [&str; 3] = ["FFFFFFFFFAFU"; 3];
    const NATIONAL_OFFICE: [&str; 3] = ["FFFFFFAFAAFU"; 3];
    const MEETINGS_READ: [&str; 3] = ["AAAAAAANAAAU", "NNNNNNANAANU", "AAAAAAAAAAAU"];
    const MEETINGS_OFFICE: [&str; 3] = ["AAFFFAFNFAAU", "NNNNNNFNFANU", "FFFFFFAFAAFU"];
    // About someone else (see `an_inbox_is_its_owners_alone` for oneself).
    const OWN_ONLY: [&str; 3] = ["NNNNNNNNNANU"; 3];
    const CANTON_COORDINATOR: [&str; 3] = ["AFFFFFFFFAAU", "FFFFFFFFFAFU", "FFFFFFFFFAFU"];
    const TENANT_ADMIN: [&str; 3] = ["FFFFFAFFFAFU", "FFFFFFFFFAFU", "FFFFFFFFAAFU"];
    // No wildcard: a new operation does not compile until it is decided here.
    match operation {
        SignIn | AcceptInvitation | ResetPassword => EVERYONE,
        SignOut | ShowMe => SIGNED_IN,
        ListApiTokens | CreateApiToken | RevokeApiToken => NO_TOKENS,
        ListTenants | ShowTenant | ListBodies | ShowBody | ListBodyMembers | ListNetworks => {
            SIGNED_IN
        }
        ListPeople | ShowPerson => PEOPLE_READ,
        EstablishBody | RenameBody | AmendBodyMandate | DissolveBody | AdmitMember
        | ChangeMemberRole | HandOverChair | RemoveMember | DefineConcernRoute => BODIES_WRITE,
        // A body's rules for circular resolutions are body data.
        SetResolutionRules => BODIES_WRITE,
        // Decided per concern in `authz::concern` (tests in concern_tests).
        ListConcerns | ShowConcern | ShowConcernStatistics | DraftConcern | ActOnConcern => {
            SIGNED_IN
        }
        // Decided per recommendation and addressee in
        // `authz::recommendation` (tests in recommendation_tests).
        ListRecommendations
        | ShowRecommendation
        | ShowRecommendationMonitoring
        | ExportRecommendationMonitoring
        | DraftRecommendation
        | ActOnRecommendation => SIGNED_IN,
        // Decided in `authz::working_group` and `authz::steering` (tests in
        // steering_tests).
        ListWorkingGroups | ShowWorkingGroup | MandateWorkingGroup | ActOnWorkingGroup => SIGNED_IN,
        ListProjects | ShowProject | RegisterProject | ActOnProject => SIGNED_IN,
        ShowWorkProgramme | ActOnWorkProgramme | ShowChairs | ShowBudget | NoteBudgetReport => {
            SIGNED_IN
        }
        // Decided with the configured roles in `authz::panorama` (its tests).
        ShowCantonProfile
        | ReviseCantonProfile
        | ProposeProfileCorrection
        | ShowKeyFigures
        | ReportKeyFigures
        | ListPanoramaRounds
        | RunPanoramaRound
        | AnswerPanoramaRound
        | ShowPanorama => SIGNED_IN,
        RecordChairTerm => BODIES_WRITE,
        PlanBudget => NATIONAL_OFFICE,
        RegisterPerson | ChangePersonProfile | GrantTenantRole | RevokeTenantRole
        | DeactivatePerson => PEOPLE_ADMIN,
        MakePersonAvailable => ["FFFFFFFNAAFU", "NNNNNNFNAANU", "NNNNNNFFAANU"],
        // The e-mail and roles of someone else: their tenant's admins only.
        ShowPersonContact => ["NNNNNANNNANU", "NNNNNNNNNANU", "NNNNNNNNAANU"],
        GrantPlatformAdmin | RevokePlatformAdmin => PLATFORM_ONLY,
        // A canton's steps in its networks belong to its coordinator.
        ProposeNetwork
        | AnswerNetworkProposal
        | RenameNetwork
        | RequestToJoinNetwork
        | AnswerJoinRequest
        | LeaveNetwork
        | ProposeNetworkCoordinator
        | AnswerCoordinatorProposal => CANTON_COORDINATOR,
        RepairNetwork => PLATFORM_ONLY,
        // Erasing a person and reading who read whose data: platform only.
        ForgetPerson | ShowAccessLog => PLATFORM_ONLY,
        // National meetings are open to everyone signed in; a canton's to
        // those with a role there and the national office. Approval by the
        // chair is decided in `authz::meeting` (its tests).
        ListMeetings | ShowMeeting | ApproveMinutes => MEETINGS_READ,
        ScheduleMeeting | PrepareMeeting | RecordMinutes => MEETINGS_OFFICE,
        // Read like meetings; proposing, closing and withdrawing are decided
        // with the body's chair and the proposer in `authz::resolution`, and
        // answering with the voters in the domain (its tests).
        ListResolutions | ShowResolution | ProposeResolution | AnswerResolution
        | CloseResolution | WithdrawResolution => MEETINGS_READ,
        ShowInbox | MarkInboxRead | ShowNotificationPreferences | SetNotificationPreference => {
            OWN_ONLY
        }
        ListWebhooks
        | RegisterWebhook
        | RemoveWebhook
        | ReplayWebhookDelivery
        | ListRejectedEmails => TENANT_ADMIN,
    }
}

pub(super) fn outcome(result: Result<(), Denied>) -> char {
    match result {
        Ok(()) => 'A',
        Err(Denied::Forbidden) => 'F',
        Err(Denied::NotFound) => 'N',
        Err(Denied::Unauthenticated) => 'U',
    }
}

#[test]
fn every_operation_by_every_caller_on_own_other_and_national_tenant() {
    let personas = personas();
    let tenants = [("ZH", zh()), ("GE", ge()), ("CH", TenantId::National)];
    let mut mismatches = Vec::new();
    let mut checked = 0;
    for &operation in Operation::ALL {
        let rows = expected(operation);
        for ((tenant_name, tenant), row) in tenants.iter().zip(rows) {
            assert_eq!(row.len(), personas.len(), "{operation:?} on {tenant_name}");
            for ((name, principal), want) in personas.iter().zip(row.chars()) {
                // About someone else: the caller is never the target person.
                let target = Target::person(*tenant, PersonId::new());
                let got = outcome(authorize(principal.as_ref(), operation, &target));
                checked += 1;
                if got != want {
                    mismatches.push(format!(
                        "{operation:?} by {name} on {tenant_name}: expected {want}, got {got}"
                    ));
                }
            }
        }
    }
    assert!(mismatches.is_empty(), "{}", mismatches.join("\n"));
    assert_eq!(checked, Operation::ALL.len() * 3 * personas.len());
}

#[test]
fn the_operation_list_has_no_duplicates() {
    let unique: std::collections::HashSet<_> = Operation::ALL.iter().collect();
    assert_eq!(unique.len(), Operation::ALL.len());
}

#[test]
fn people_see_and_edit_themselves_wherever_they_are() {
    let observer = person(zh(), &[(zh(), TenantRole::Observer)]);
    let me = Target::person(zh(), observer.person);
    assert_eq!(
        authorize(Some(&observer), Operation::ShowPerson, &me),
        Ok(())
    );
    assert_eq!(
        authorize(Some(&observer), Operation::ChangePersonProfile, &me),
        Ok(())
    );
    assert_eq!(
        authorize(Some(&observer), Operation::GrantTenantRole, &me),
        Err(Denied::Forbidden)
    );
}

#[test]
fn an_inbox_is_its_owners_alone() {
    let operations = [
        Operation::ShowInbox,
        Operation::MarkInboxRead,
        Operation::ShowNotificationPreferences,
        Operation::SetNotificationPreference,
    ];
    for (name, principal) in personas() {
        let Some(principal) = principal else { continue };
        let me = Target::person(principal.home, principal.person);
        for operation in operations {
            assert_eq!(
                authorize(Some(&principal), operation, &me),
                Ok(()),
                "{operation:?} by {name} on their own"
            );
        }
    }
    for operation in operations {
        assert_eq!(
            authorize(None, operation, &Target::platform()),
            Err(Denied::Unauthenticated)
        );
    }
}

#[test]
fn a_token_never_acts_as_platform_admin() {
    let mut admin = person(
        TenantId::National,
        &[(TenantId::National, TenantRole::Member)],
    );
    admin.platform_admin = true;
    admin.scope = Some(TokenScope {
        tenant: TenantId::National,
        roles: BTreeSet::from([TenantRole::Member]),
    });
    let target = Target::tenant(ge());
    assert_eq!(
        authorize(Some(&admin), Operation::EstablishBody, &target),
        Err(Denied::Forbidden)
    );
    assert_eq!(
        authorize(Some(&admin), Operation::GrantPlatformAdmin, &target),
        Err(Denied::Forbidden)
    );
}
