//! Every query and mutation of the API is one of the operations that the
//! authorization matrix (app/src/authz/tests.rs) decides: a new field
//! without an operation fails here, and each field is run to observe that
//! the operation its resolver really asks `authorize` for first is the one
//! this table names.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "test code"
)]

#[path = "operations/observe.rs"]
mod observe;

use std::collections::BTreeSet;

use iiz_app::App;
use iiz_app::authz::{Operation, Principal};
use iiz_domain::{Language, PersonId, TenantId};
use iiz_store::testing::TestDatabase;
use observe::{ID_TRIES, Sdl, operations_of};

/// The operation each GraphQL field performs.
const FIELDS: &[(&str, Operation)] = &[
    ("Query.me", Operation::ShowMe),
    ("Query.apiTokens", Operation::ListApiTokens),
    ("Query.tenants", Operation::ListTenants),
    ("Query.tenant", Operation::ShowTenant),
    ("Query.bodies", Operation::ListBodies),
    ("Query.body", Operation::ShowBody),
    ("Query.bodyMembers", Operation::ListBodyMembers),
    ("Query.people", Operation::ListPeople),
    ("Query.person", Operation::ShowPerson),
    ("Query.accessLog", Operation::ShowAccessLog),
    ("Mutation.forgetPerson", Operation::ForgetPerson),
    ("Query.networks", Operation::ListNetworks),
    ("Query.concern", Operation::ShowConcern),
    ("Query.concerns", Operation::ListConcerns),
    ("Query.concernQueue", Operation::ListConcerns),
    ("Query.similarConcerns", Operation::ShowConcern),
    ("Query.concernStatistics", Operation::ShowConcernStatistics),
    ("Mutation.signIn", Operation::SignIn),
    ("Mutation.signOut", Operation::SignOut),
    ("Mutation.signOutEverywhere", Operation::SignOut),
    ("Mutation.createApiToken", Operation::CreateApiToken),
    ("Mutation.revokeApiToken", Operation::RevokeApiToken),
    ("Mutation.establishBody", Operation::EstablishBody),
    ("Mutation.renameBody", Operation::RenameBody),
    ("Mutation.amendBodyMandate", Operation::AmendBodyMandate),
    ("Mutation.dissolveBody", Operation::DissolveBody),
    ("Mutation.admitMember", Operation::AdmitMember),
    ("Mutation.changeMemberRole", Operation::ChangeMemberRole),
    ("Mutation.handOverChair", Operation::HandOverChair),
    ("Mutation.removeMember", Operation::RemoveMember),
    ("Mutation.registerPerson", Operation::RegisterPerson),
    (
        "Mutation.changePersonProfile",
        Operation::ChangePersonProfile,
    ),
    ("Mutation.grantTenantRole", Operation::GrantTenantRole),
    ("Mutation.invitePerson", Operation::RegisterPerson),
    ("Mutation.resendInvitation", Operation::RegisterPerson),
    ("Mutation.acceptInvitation", Operation::AcceptInvitation),
    ("Mutation.requestPasswordReset", Operation::ResetPassword),
    ("Mutation.resetPassword", Operation::ResetPassword),
    ("Mutation.deactivatePerson", Operation::DeactivatePerson),
    ("Mutation.reactivatePerson", Operation::DeactivatePerson),
    (
        "Mutation.makePersonAvailable",
        Operation::MakePersonAvailable,
    ),
    (
        "Mutation.withdrawPersonAvailability",
        Operation::MakePersonAvailable,
    ),
    ("Mutation.revokeTenantRole", Operation::RevokeTenantRole),
    ("Mutation.grantPlatformAdmin", Operation::GrantPlatformAdmin),
    (
        "Mutation.revokePlatformAdmin",
        Operation::RevokePlatformAdmin,
    ),
    ("Mutation.proposeNetwork", Operation::ProposeNetwork),
    (
        "Mutation.answerNetworkProposal",
        Operation::AnswerNetworkProposal,
    ),
    ("Mutation.renameNetwork", Operation::RenameNetwork),
    (
        "Mutation.requestToJoinNetwork",
        Operation::RequestToJoinNetwork,
    ),
    ("Mutation.answerJoinRequest", Operation::AnswerJoinRequest),
    ("Mutation.leaveNetwork", Operation::LeaveNetwork),
    (
        "Mutation.proposeNetworkCoordinator",
        Operation::ProposeNetworkCoordinator,
    ),
    (
        "Mutation.answerCoordinatorProposal",
        Operation::AnswerCoordinatorProposal,
    ),
    ("Subscription.concernChanged", Operation::ShowConcern),
    // The inbox, preferences, webhooks and refused e-mails.
    ("Query.inbox", Operation::ShowInbox),
    ("Subscription.inboxChanged", Operation::ShowInbox),
    ("Mutation.markRead", Operation::MarkInboxRead),
    ("Mutation.markAllRead", Operation::MarkInboxRead),
    (
        "Query.notificationPreferences",
        Operation::ShowNotificationPreferences,
    ),
    (
        "Mutation.setNotificationPreference",
        Operation::SetNotificationPreference,
    ),
    ("Query.webhooks", Operation::ListWebhooks),
    ("Query.webhookDeadLetters", Operation::ListWebhooks),
    ("Mutation.registerWebhook", Operation::RegisterWebhook),
    ("Mutation.removeWebhook", Operation::RemoveWebhook),
    (
        "Mutation.replayWebhookDelivery",
        Operation::ReplayWebhookDelivery,
    ),
    ("Query.rejectedEmails", Operation::ListRejectedEmails),
    ("Mutation.defineConcernRoute", Operation::DefineConcernRoute),
    ("Mutation.draftConcern", Operation::DraftConcern),
    ("Mutation.editConcern", Operation::ActOnConcern),
    ("Mutation.startConcernRoute", Operation::ActOnConcern),
    ("Mutation.recordConcernStep", Operation::ActOnConcern),
    ("Mutation.resolveConcernLocally", Operation::ActOnConcern),
    ("Mutation.withdrawConcern", Operation::ActOnConcern),
    ("Mutation.consolidateConcern", Operation::ActOnConcern),
    ("Mutation.endorseConcern", Operation::ActOnConcern),
    ("Mutation.submitConcern", Operation::ActOnConcern),
    ("Mutation.acceptConcern", Operation::ActOnConcern),
    ("Mutation.returnConcern", Operation::ActOnConcern),
    ("Mutation.mergeConcern", Operation::ActOnConcern),
    ("Mutation.examineConcern", Operation::ActOnConcern),
    ("Mutation.decideConcern", Operation::ActOnConcern),
    ("Mutation.bringConcernToStg", Operation::ActOnConcern),
    ("Mutation.recordConcernReferral", Operation::ActOnConcern),
    ("Mutation.recordEkgAssessment", Operation::ActOnConcern),
    ("Mutation.answerConcern", Operation::ActOnConcern),
    ("Mutation.commentOnConcern", Operation::ActOnConcern),
    ("Query.recommendation", Operation::ShowRecommendation),
    ("Query.recommendations", Operation::ListRecommendations),
    (
        "Query.addresseeOverview",
        Operation::ShowRecommendationMonitoring,
    ),
    (
        "Query.recommendationDashboard",
        Operation::ShowRecommendationMonitoring,
    ),
    (
        "Mutation.draftRecommendation",
        Operation::DraftRecommendation,
    ),
    (
        "Mutation.editRecommendation",
        Operation::ActOnRecommendation,
    ),
    (
        "Mutation.discardRecommendation",
        Operation::ActOnRecommendation,
    ),
    (
        "Mutation.adoptRecommendation",
        Operation::ActOnRecommendation,
    ),
    (
        "Mutation.publishRecommendation",
        Operation::ActOnRecommendation,
    ),
    (
        "Mutation.amendRecommendation",
        Operation::ActOnRecommendation,
    ),
    (
        "Mutation.supersedeRecommendation",
        Operation::ActOnRecommendation,
    ),
    (
        "Mutation.closeRecommendation",
        Operation::ActOnRecommendation,
    ),
    (
        "Mutation.answerRecommendation",
        Operation::ActOnRecommendation,
    ),
    (
        "Mutation.reportImplementation",
        Operation::ActOnRecommendation,
    ),
    (
        "Mutation.shareRecommendationItem",
        Operation::ActOnRecommendation,
    ),
    (
        "Mutation.prioritizeAddressee",
        Operation::ActOnRecommendation,
    ),
    (
        "Mutation.flagRecommendation",
        Operation::ActOnRecommendation,
    ),
    (
        "Mutation.resolveRecommendationFlag",
        Operation::ActOnRecommendation,
    ),
    ("Query.meeting", Operation::ShowMeeting),
    ("Query.meetings", Operation::ListMeetings),
    ("Query.meetingYear", Operation::ListMeetings),
    ("Mutation.scheduleMeeting", Operation::ScheduleMeeting),
    ("Mutation.rescheduleMeeting", Operation::PrepareMeeting),
    ("Mutation.cancelMeeting", Operation::PrepareMeeting),
    ("Mutation.addAgendaItem", Operation::PrepareMeeting),
    ("Mutation.changeAgendaItem", Operation::PrepareMeeting),
    ("Mutation.withdrawAgendaItem", Operation::PrepareMeeting),
    ("Mutation.sendAgenda", Operation::PrepareMeeting),
    ("Mutation.recordMinutes", Operation::RecordMinutes),
    ("Mutation.approveMinutes", Operation::ApproveMinutes),
    // Circular resolutions and a body's rules for them.
    ("Query.resolution", Operation::ShowResolution),
    ("Query.resolutions", Operation::ListResolutions),
    ("Query.resolutionsAwaitingMe", Operation::ListResolutions),
    ("Query.resolutionRules", Operation::ShowBody),
    ("Mutation.proposeResolution", Operation::ProposeResolution),
    ("Mutation.answerResolution", Operation::AnswerResolution),
    ("Mutation.closeResolution", Operation::CloseResolution),
    ("Mutation.withdrawResolution", Operation::WithdrawResolution),
    ("Mutation.setResolutionRules", Operation::SetResolutionRules),
    // Working groups, projects, work programmes, chairs, budgets.
    ("Query.workingGroups", Operation::ListWorkingGroups),
    ("Query.workingGroup", Operation::ShowWorkingGroup),
    ("Query.projects", Operation::ListProjects),
    ("Query.project", Operation::ShowProject),
    ("Query.workProgrammes", Operation::ShowWorkProgramme),
    ("Query.workProgramme", Operation::ShowWorkProgramme),
    ("Query.focusAreas", Operation::ShowWorkProgramme),
    ("Query.currentWorkProgramme", Operation::ShowWorkProgramme),
    ("Query.chairs", Operation::ShowChairs),
    ("Query.chairHistories", Operation::ShowChairs),
    ("Query.budgets", Operation::ShowBudget),
    ("Query.budget", Operation::ShowBudget),
    (
        "Mutation.mandateWorkingGroup",
        Operation::MandateWorkingGroup,
    ),
    ("Mutation.joinWorkingGroup", Operation::ActOnWorkingGroup),
    ("Mutation.leaveWorkingGroup", Operation::ActOnWorkingGroup),
    (
        "Mutation.reportWorkingGroupProgress",
        Operation::ActOnWorkingGroup,
    ),
    (
        "Mutation.submitWorkingGroupResult",
        Operation::ActOnWorkingGroup,
    ),
    (
        "Mutation.noteWorkingGroupResult",
        Operation::ActOnWorkingGroup,
    ),
    (
        "Mutation.dissolveWorkingGroup",
        Operation::ActOnWorkingGroup,
    ),
    ("Mutation.registerIizProject", Operation::RegisterProject),
    (
        "Mutation.registerAssociatedProject",
        Operation::RegisterProject,
    ),
    ("Mutation.planMilestone", Operation::ActOnProject),
    ("Mutation.replanMilestone", Operation::ActOnProject),
    ("Mutation.reachMilestone", Operation::ActOnProject),
    ("Mutation.noteMilestone", Operation::ActOnProject),
    ("Mutation.submitProjectResult", Operation::ActOnProject),
    ("Mutation.acceptProjectResult", Operation::ActOnProject),
    ("Mutation.adoptWorkProgramme", Operation::ActOnWorkProgramme),
    ("Mutation.reviseFocusAreas", Operation::ActOnWorkProgramme),
    ("Mutation.addActionField", Operation::ActOnWorkProgramme),
    (
        "Mutation.linkProjectToProgramme",
        Operation::ActOnWorkProgramme,
    ),
    (
        "Mutation.unlinkProjectFromProgramme",
        Operation::ActOnWorkProgramme,
    ),
    ("Mutation.closeWorkProgramme", Operation::ActOnWorkProgramme),
    ("Mutation.establishChairRule", Operation::RecordChairTerm),
    ("Mutation.recordChairTerm", Operation::RecordChairTerm),
    ("Mutation.chooseChairTerm", Operation::RecordChairTerm),
    ("Mutation.recordPastChairTerm", Operation::RecordChairTerm),
    ("Mutation.nameChairPerson", Operation::RecordChairTerm),
    ("Mutation.planBudget", Operation::PlanBudget),
    ("Mutation.reportBudgetYear", Operation::PlanBudget),
    ("Mutation.noteBudgetReport", Operation::NoteBudgetReport),
    // Canton profiles, key figures and panorama rounds.
    ("Query.cantonProfile", Operation::ShowCantonProfile),
    ("Query.cantonProfiles", Operation::ShowCantonProfile),
    ("Query.cantonProfileRevision", Operation::ShowCantonProfile),
    ("Query.keyFigures", Operation::ShowKeyFigures),
    ("Query.keyFiguresOf", Operation::ShowKeyFigures),
    ("Query.panoramaRounds", Operation::ListPanoramaRounds),
    ("Query.panoramaRound", Operation::ListPanoramaRounds),
    ("Query.panorama", Operation::ShowPanorama),
    ("Query.nationalPanoramaFigures", Operation::ShowPanorama),
    ("Query.compareCantons", Operation::ShowPanorama),
    ("Query.comparePanoramas", Operation::ShowPanorama),
    ("Mutation.openCantonProfile", Operation::ReviseCantonProfile),
    (
        "Mutation.reviseCantonProfile",
        Operation::ReviseCantonProfile,
    ),
    (
        "Mutation.confirmProfileCorrection",
        Operation::ReviseCantonProfile,
    ),
    (
        "Mutation.rejectProfileCorrection",
        Operation::ReviseCantonProfile,
    ),
    (
        "Mutation.proposeProfileCorrection",
        Operation::ProposeProfileCorrection,
    ),
    (
        "Mutation.withdrawProfileCorrection",
        Operation::ProposeProfileCorrection,
    ),
    ("Mutation.reportKeyFigures", Operation::ReportKeyFigures),
    ("Mutation.openPanoramaRound", Operation::RunPanoramaRound),
    ("Mutation.closePanoramaRound", Operation::RunPanoramaRound),
    ("Mutation.reopenPanoramaRound", Operation::RunPanoramaRound),
    ("Mutation.publishPanoramaRound", Operation::RunPanoramaRound),
    (
        "Mutation.answerPanoramaRound",
        Operation::AnswerPanoramaRound,
    ),
];

/// `Type.field` for every field of the root types in the SDL.
fn root_fields(sdl: &str) -> Vec<String> {
    let mut fields = Vec::new();
    let mut current: Option<&str> = None;
    let mut depth = 0usize;
    let mut in_doc = false;
    for line in sdl.lines() {
        let trimmed = line.trim();
        if trimmed == "\"\"\"" {
            in_doc = !in_doc;
            continue;
        }
        if in_doc || (trimmed.starts_with("\"\"\"") && trimmed.len() > 6) {
            continue;
        }
        if let Some(name) = ["Query", "Mutation", "Subscription"]
            .into_iter()
            .find(|name| trimmed == format!("type {name} {{"))
        {
            current = Some(name);
            depth = 0;
            continue;
        }
        let Some(root) = current else { continue };
        if trimmed == "}" && depth == 0 {
            current = None;
            continue;
        }
        // Skip doc strings; a field starts at the root type's own level.
        if trimmed.starts_with("\"\"\"") || trimmed.is_empty() {
            continue;
        }
        if depth == 0
            && let Some(name) = trimmed.split(['(', ':']).next()
            && name.chars().all(|c| c.is_ascii_alphanumeric())
            && line.starts_with('\t')
            && !line.starts_with("\t\t")
        {
            fields.push(format!("{root}.{name}"));
        }
        depth += trimmed.matches('(').count();
        depth -= trimmed.matches(')').count().min(depth);
    }
    fields
}

#[test]
fn every_query_and_mutation_is_in_the_table() {
    let sdl = iiz_gateway::graphql::sdl();
    let fields = root_fields(&sdl);
    assert!(fields.len() > 20, "{fields:?}");
    for field in &fields {
        assert!(
            FIELDS.iter().any(|(name, _)| name == field),
            "{field} has no operation in this table (and so none in the authorization matrix)"
        );
    }
    for (name, _) in FIELDS {
        assert!(
            fields.contains(&(*name).to_owned()),
            "{name} is not in the schema"
        );
    }
}

/// Fields that ask `authorize` for nothing, by design: signing in and out
/// and the caller's own profile need no permission beyond being who they
/// are (and `signIn` runs before anyone is).
const UNGUARDED: &[&str] = &["Mutation.signIn", "Mutation.signOut", "Query.me"];

/// A platform administrator passes every check, so each resolver runs on
/// to its first `authorize` call and on past it.
fn administrator() -> Principal {
    Principal {
        person: PersonId::new(),
        home: TenantId::National,
        roles: BTreeSet::new(),
        platform_admin: true,
        scope: None,
        language: Language::De,
    }
}

/// How many fields are proven at least: on an empty database a resolver
/// that first looks its resource up stops at "not found" before its own
/// check, so those are counted, not proven; a change that leaves fewer
/// proven fails.
const PROVEN_AT_LEAST: usize = 82;

/// Reading checks a resolver may pass before its own (it looks the
/// resource up as the caller may see it).
fn is_lookup(operation: &str) -> bool {
    operation.starts_with("Show") || operation.starts_with("List")
}

#[tokio::test]
async fn each_resolver_authorizes_the_operation_the_table_names() {
    let db = TestDatabase::sqlite_with(iiz_app::upcasters()).await;
    let app = App::new(db.store.clone());
    app.prepare().await.unwrap();
    let schema = iiz_gateway::graphql::schema(app);
    let sdl = Sdl::parse(&iiz_gateway::graphql::sdl());
    let admin = administrator();
    let mut wrong = Vec::new();
    let mut proven = 0;
    let mut unproven = Vec::new();
    for (name, expected) in FIELDS {
        let Some((root, field)) = name.split_once('.') else {
            panic!("{name}");
        };
        // Subscriptions run over the socket (tests/scenarios/live.rs).
        if root == "Subscription" {
            continue;
        }
        let mut observed = BTreeSet::new();
        for id in ID_TRIES {
            let document = sdl.document(root, field, id);
            observed.extend(operations_of(&schema, &admin, &document).await);
        }
        let expected = format!("{expected:?}");
        if UNGUARDED.contains(name) {
            if !observed.is_empty() {
                wrong.push(format!(
                    "{name} needs no authorization but asked for {observed:?}"
                ));
            }
        } else if observed.contains(&expected) {
            proven += 1;
        } else if observed.iter().all(|operation| is_lookup(operation)) {
            unproven.push(*name);
        } else {
            wrong.push(format!("{name}: table {expected}, resolver {observed:?}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    assert!(
        proven >= PROVEN_AT_LEAST,
        "only {proven} fields proven; unproven: {unproven:?}"
    );
    db.store.close().await;
}
