//! Every operation a client can ask of the platform, in one list.

/// Declares [`Operation`] and its list [`Operation::ALL`] from one list of
/// names, so no operation can be missing from the list the matrix test
/// walks.
macro_rules! operations {
    ($($name:ident),+ $(,)?) => {
        /// Everything a client can ask of the platform. The authorization
        /// matrix test walks [`Operation::ALL`] and decides each operation
        /// in a match without wildcard, so a new operation fails the test's
        /// build until its expected outcomes are written down.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Operation {
            $($name),+
        }

        impl Operation {
            pub const ALL: &'static [Operation] = &[$(Operation::$name),+];
        }
    };
}

operations!(
    SignIn,
    SignOut,
    ShowMe,
    ListApiTokens,
    CreateApiToken,
    RevokeApiToken,
    ListTenants,
    ShowTenant,
    ListBodies,
    ShowBody,
    ListBodyMembers,
    ListNetworks,
    ListPeople,
    ShowPerson,
    EstablishBody,
    RenameBody,
    AmendBodyMandate,
    DissolveBody,
    AdmitMember,
    ChangeMemberRole,
    HandOverChair,
    RemoveMember,
    RegisterPerson,
    ChangePersonProfile,
    GrantTenantRole,
    RevokeTenantRole,
    GrantPlatformAdmin,
    RevokePlatformAdmin,
    DeactivatePerson,
    MakePersonAvailable,
    ShowPersonContact,
    AcceptInvitation,
    ResetPassword,
    ProposeNetwork,
    AnswerNetworkProposal,
    RenameNetwork,
    RequestToJoinNetwork,
    AnswerJoinRequest,
    LeaveNetwork,
    ProposeNetworkCoordinator,
    AnswerCoordinatorProposal,
    RepairNetwork,
    DefineConcernRoute,
    ListConcerns,
    ShowConcern,
    ShowConcernStatistics,
    DraftConcern,
    ActOnConcern,
    ListRecommendations,
    ShowRecommendation,
    ShowRecommendationMonitoring,
    ExportRecommendationMonitoring,
    DraftRecommendation,
    ActOnRecommendation,
    ListMeetings,
    ShowMeeting,
    ScheduleMeeting,
    PrepareMeeting,
    RecordMinutes,
    ApproveMinutes,
    ListResolutions,
    ShowResolution,
    ProposeResolution,
    AnswerResolution,
    CloseResolution,
    WithdrawResolution,
    SetResolutionRules,
    ListWorkingGroups,
    ShowWorkingGroup,
    MandateWorkingGroup,
    ActOnWorkingGroup,
    ListProjects,
    ShowProject,
    RegisterProject,
    ActOnProject,
    ShowWorkProgramme,
    ActOnWorkProgramme,
    ShowChairs,
    RecordChairTerm,
    ShowBudget,
    PlanBudget,
    NoteBudgetReport,
    ShowInbox,
    MarkInboxRead,
    ShowNotificationPreferences,
    SetNotificationPreference,
    ListWebhooks,
    RegisterWebhook,
    RemoveWebhook,
    ReplayWebhookDelivery,
    ListRejectedEmails,
    ForgetPerson,
    ShowAccessLog,
    // Canton profiles, key figures and panorama rounds (issue 16).
    ShowCantonProfile,
    ReviseCantonProfile,
    ProposeProfileCorrection,
    ShowKeyFigures,
    ReportKeyFigures,
    ListPanoramaRounds,
    RunPanoramaRound,
    AnswerPanoramaRound,
    ShowPanorama,
);
