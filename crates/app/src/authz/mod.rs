//! Who may do what: the one place that decides. Every query and mutation of
//! every protocol names its [`Operation`] and its [`Target`] and asks
//! [`authorize`]; resolvers and handlers never decide on their own.
//!
//! The rules, in short:
//! - the structure of IIZ (tenants, bodies, networks) is public to everyone
//!   signed in: transparency of who decides is a goal of the national concept;
//! - people are personal data: visible in the tenants where one holds a role,
//!   and to the national office, which aggregates all cantons; elsewhere they
//!   do not exist (`NotFound`, never `Forbidden`, so nothing leaks);
//! - a canton's coordinator and tenant admin run its bodies; the national
//!   office and tenant admin run the national ones;
//! - a canton's coordinator takes the canton's steps in the regional
//!   networks (proposing, agreeing, joining, leaving, delegating);
//! - only a tenant admin registers people and grants roles in a tenant;
//! - a platform admin (operations) may do everything, but never through an
//!   API token, and tokens never mint tokens;
//! - Seismograf concerns have their own rules ([`concern`]): drafts stay
//!   inside their tenant, and each step belongs to a role or a seat;
//! - so do recommendations ([`recommendation`]): the national bodies
//!   prepare, decide and monitor, each addressee answers for itself;
//! - meetings ([`meeting`]): the office of the body's tenant prepares them
//!   and keeps the minutes, the chair approves; the national bodies meet in
//!   the open, a canton's meetings are read inside the canton.
//! - a step that is a body's decision ([`body_decision`]) is recorded by
//!   the body's secretariat with the meeting or resolution it was decided
//!   in, never by a single member, chair or guest;
//! - circular resolutions ([`resolution`]): the secretariat or the chair
//!   proposes and closes, only the voters named at the proposal answer;
//!   they are read like the body's meetings.
//! - working groups ([`working_group`]) act through the mandating body,
//!   its office and the group's own members; projects, work programmes and
//!   the budget ([`steering`]) through the STG, the EKG and the Fachstelle.
//! - canton profiles, figures and rounds ([`panorama`]): the canton keeps
//!   its own, the Fachstelle proposes and runs rounds, by configured roles;
//! - one's inbox and notification preferences are one's own alone; a
//!   tenant's webhooks and refused e-mails belong to its tenant admin.

pub mod body_decision;
pub mod concern;
#[cfg(test)]
mod concern_paths_tests;
#[cfg(test)]
mod concern_tests;
pub mod meeting;
mod operations;
pub mod panorama;
pub mod people;
mod principal;
pub mod recommendation;
#[cfg(test)]
mod recommendation_tests;
pub mod resolution;
pub mod seats;
pub mod steering;
#[cfg(test)]
mod steering_tests;
#[cfg(test)]
mod tests;
pub mod working_group;

use iiz_domain::{PersonId, TenantId, TenantRole};

pub use operations::Operation;
pub use principal::{Principal, TokenScope};

/// What an operation is about: the tenant it touches and, for operations on
/// one person, that person (people may always see and edit themselves).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Target {
    pub tenant: TenantId,
    pub person: Option<PersonId>,
}

impl Target {
    pub fn tenant(tenant: TenantId) -> Self {
        Self {
            tenant,
            person: None,
        }
    }

    pub fn person(tenant: TenantId, person: PersonId) -> Self {
        Self {
            tenant,
            person: Some(person),
        }
    }

    /// For operations that concern no tenant in particular (sign-in, the
    /// tenant list): decided as if on the national tenant.
    pub fn platform() -> Self {
        Self::tenant(TenantId::National)
    }
}

/// Why an operation was refused. Protocol boundaries map these to
/// `UNAUTHENTICATED`, `FORBIDDEN` and `NOT_FOUND`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Denied {
    #[error("sign in first")]
    Unauthenticated,
    #[error("you may not do this")]
    Forbidden,
    /// The target exists but the principal may not know that.
    #[error("not found")]
    NotFound,
}

/// Decides whether `principal` (none when anonymous) may perform `operation`
/// on `target`.
pub fn authorize(
    principal: Option<&Principal>,
    operation: Operation,
    target: &Target,
) -> Result<(), Denied> {
    use Operation::*;
    // The operation each path asks for, observable: the gateway's test
    // proves its resolver table by recording these (`tests/operations.rs`).
    tracing::trace!(target: "iiz_app::authz", operation = ?operation, "authorize");
    let Some(principal) = principal else {
        return match operation {
            // The account links are bearer secrets of their own: whoever
            // holds one uses it without being signed in.
            SignIn | AcceptInvitation | ResetPassword => Ok(()),
            _ => Err(Denied::Unauthenticated),
        };
    };
    if principal.acts_as_platform_admin() {
        return Ok(());
    }
    let tenant = target.tenant;
    let is_self = target.person == Some(principal.person);
    match operation {
        SignIn | SignOut | ShowMe | AcceptInvitation | ResetPassword => Ok(()),
        ListApiTokens | CreateApiToken | RevokeApiToken => {
            allow_or(!principal.is_token(), Denied::Forbidden)
        }
        ListTenants | ShowTenant | ListBodies | ShowBody | ListBodyMembers | ListNetworks => Ok(()),
        ListPeople | ShowPerson => allow_or(
            is_self || principal.sees_people_of(tenant),
            Denied::NotFound,
        ),
        // Which concerns one sees and which steps one takes depends on the
        // concern and the caller's seats: decided in [`concern`].
        ListConcerns | ShowConcern | ShowConcernStatistics | DraftConcern | ActOnConcern => Ok(()),
        // Likewise for recommendations: decided in [`recommendation`] with
        // the caller's seats and the addressee concerned.
        ListRecommendations
        | ShowRecommendation
        | ShowRecommendationMonitoring
        | ExportRecommendationMonitoring
        | DraftRecommendation
        | ActOnRecommendation => Ok(()),
        // Working groups act through the mandating body and the group's
        // members: decided in [`working_group`]. Projects, programmes and
        // the noting of budget reports depend on seats in the STG and EKG:
        // decided in [`steering`]. Everyone signed in reads them.
        ListWorkingGroups | ShowWorkingGroup | MandateWorkingGroup | ActOnWorkingGroup
        | ListProjects | ShowProject | RegisterProject | ActOnProject | ShowWorkProgramme
        | ActOnWorkProgramme | ShowChairs | ShowBudget | NoteBudgetReport => Ok(()),
        // Canton profiles, figures and rounds: decided with the configured
        // roles in [`panorama`] (the rules are data, not branches here).
        ShowCantonProfile
        | ReviseCantonProfile
        | ProposeProfileCorrection
        | ShowKeyFigures
        | ReportKeyFigures
        | ListPanoramaRounds
        | RunPanoramaRound
        | AnswerPanoramaRound
        | ShowPanorama => Ok(()),
        // The chairs of a body are recorded by whoever runs its bodies:
        // the Fachstelle for the STG and EKG.
        RecordChairTerm => allow_or(principal.runs_bodies_of(tenant), Denied::Forbidden),
        PlanBudget => allow_or(principal.is_national_office(), Denied::Forbidden),
        EstablishBody | RenameBody | AmendBodyMandate | DissolveBody | AdmitMember
        | ChangeMemberRole | HandOverChair | RemoveMember | DefineConcernRoute
        | SetResolutionRules => allow_or(principal.runs_bodies_of(tenant), Denied::Forbidden),
        // Granting also asks whether the person is available to the
        // tenant ([`people::may_grant`]).
        RegisterPerson | GrantTenantRole | RevokeTenantRole | DeactivatePerson => {
            if principal.holds(tenant, TenantRole::TenantAdmin) {
                Ok(())
            } else {
                Err(hidden_or_forbidden(principal, tenant))
            }
        }
        ChangePersonProfile => {
            if is_self || principal.holds(tenant, TenantRole::TenantAdmin) {
                Ok(())
            } else {
                Err(hidden_or_forbidden(principal, tenant))
            }
        }
        GrantPlatformAdmin | RevokePlatformAdmin => Err(Denied::Forbidden),
        // Making someone available to other tenants' admins is the
        // national admins' (the target is the person's home tenant).
        MakePersonAvailable => {
            if principal.holds(TenantId::National, TenantRole::TenantAdmin) {
                Ok(())
            } else {
                Err(hidden_or_forbidden(principal, tenant))
            }
        }
        // A person's e-mail address and roles: the person and the admins
        // of a tenant they belong to, nobody else (`NotFound`: the fields
        // are left out, the person stays visible).
        ShowPersonContact => allow_or(
            is_self || principal.holds(tenant, TenantRole::TenantAdmin),
            Denied::NotFound,
        ),
        // The cantons run their networks (IIZ 3.0, chapter 5, point 3):
        // each step is a canton's, taken by its coordinator (the target is
        // that canton); the Fachstelle is informed, not in charge.
        ProposeNetwork
        | AnswerNetworkProposal
        | RenameNetwork
        | RequestToJoinNetwork
        | AnswerJoinRequest
        | LeaveNetwork
        | ProposeNetworkCoordinator
        | AnswerCoordinatorProposal => allow_or(
            matches!(tenant, TenantId::Canton(_))
                && principal.holds(tenant, TenantRole::Coordinator),
            Denied::Forbidden,
        ),
        // Repairs without the cantons' agreement: operations only.
        RepairNetwork => Err(Denied::Forbidden),
        // Erasure (revFADP) cannot be undone, and the access log shows who
        // read whom across every tenant: the platform's operators only.
        ForgetPerson | ShowAccessLog => Err(Denied::Forbidden),
        // Approval by the chair depends on the body's seats: decided in
        // [`meeting::approve_by_chair`] once the reader may see the meeting.
        ListMeetings | ShowMeeting | ApproveMinutes => allow_or(
            meeting::sees_meetings_of(principal, tenant),
            Denied::NotFound,
        ),
        ScheduleMeeting | PrepareMeeting | RecordMinutes => meeting::office_work(principal, tenant),
        // Circular resolutions are read like the body's meetings. Who
        // proposes, closes and withdraws depends on the body's chair and the
        // proposer ([`resolution::conducts`]); who answers on the voters
        // named at the proposal (the domain refuses everyone else).
        ListResolutions | ShowResolution | ProposeResolution | AnswerResolution
        | CloseResolution | WithdrawResolution => allow_or(
            meeting::sees_meetings_of(principal, tenant),
            Denied::NotFound,
        ),
        // What one was told and how one wants to hear it is nobody else's
        // business: someone else's inbox does not exist for the caller.
        ShowInbox | MarkInboxRead | ShowNotificationPreferences | SetNotificationPreference => {
            allow_or(is_self, Denied::NotFound)
        }
        // Webhooks carry the tenant's events out and their secrets sign
        // them; refused addresses name the tenant's people.
        ListWebhooks
        | RegisterWebhook
        | RemoveWebhook
        | ReplayWebhookDelivery
        | ListRejectedEmails => allow_or(
            principal.holds(tenant, TenantRole::TenantAdmin),
            Denied::Forbidden,
        ),
    }
}

fn allow_or(allowed: bool, denied: Denied) -> Result<(), Denied> {
    if allowed { Ok(()) } else { Err(denied) }
}

/// Refusals about people: `Forbidden` where the principal may see them,
/// `NotFound` where it may not even know they exist.
fn hidden_or_forbidden(principal: &Principal, tenant: TenantId) -> Denied {
    if principal.sees_people_of(tenant) {
        Denied::Forbidden
    } else {
        Denied::NotFound
    }
}
