//! Roles, seats and kinds of body in the visitor's words: one literal key
//! per value, so the key scan of the tests sees each.

use iiz_domain::body::BodyKind;
use iiz_domain::concern::StepKind;
use iiz_domain::{BodyRole, TenantRole};

use crate::web::i18n::Tr;

pub fn tenant_role(tr: Tr, role: TenantRole) -> String {
    match role {
        TenantRole::Coordinator => tr.t("admin-role-coordinator"),
        TenantRole::Office => tr.t("admin-role-office"),
        TenantRole::Member => tr.t("admin-role-member"),
        TenantRole::Chair => tr.t("admin-role-chair"),
        TenantRole::Observer => tr.t("admin-role-observer"),
        TenantRole::TenantAdmin => tr.t("admin-role-tenant-admin"),
    }
}

pub fn body_role(tr: Tr, role: BodyRole) -> String {
    match role {
        BodyRole::Chair => tr.t("admin-seat-chair"),
        BodyRole::Deputy => tr.t("admin-seat-deputy"),
        BodyRole::Member => tr.t("admin-seat-member"),
        BodyRole::Guest => tr.t("admin-seat-guest"),
    }
}

/// Every kind of body, in the order the establish form offers them.
pub const BODY_KINDS: [BodyKind; 5] = [
    BodyKind::Steering,
    BodyKind::ExpertCoordination,
    BodyKind::Office,
    BodyKind::WorkingGroup,
    BodyKind::Subcommittee,
];

pub fn body_kind_value(kind: BodyKind) -> &'static str {
    match kind {
        BodyKind::Steering => "steering",
        BodyKind::ExpertCoordination => "expert_coordination",
        BodyKind::Office => "office",
        BodyKind::WorkingGroup => "working_group",
        BodyKind::Subcommittee => "subcommittee",
    }
}

pub fn body_kind(tr: Tr, kind: BodyKind) -> String {
    match kind {
        BodyKind::Steering => tr.t("admin-kind-steering"),
        BodyKind::ExpertCoordination => tr.t("admin-kind-expert"),
        BodyKind::Office => tr.t("admin-kind-office"),
        BodyKind::WorkingGroup => tr.t("admin-kind-working-group"),
        BodyKind::Subcommittee => tr.t("admin-kind-subcommittee"),
    }
}

/// Every kind of route step, in the order the route form offers them.
pub const STEP_KINDS: [StepKind; 3] =
    [StepKind::Approves, StepKind::Discusses, StepKind::TakesNote];

pub fn step_kind_value(kind: StepKind) -> &'static str {
    match kind {
        StepKind::Approves => "approves",
        StepKind::Discusses => "discusses",
        StepKind::TakesNote => "takes_note",
    }
}

pub fn step_kind(tr: Tr, kind: StepKind) -> String {
    match kind {
        StepKind::Approves => tr.t("admin-step-approves"),
        StepKind::Discusses => tr.t("admin-step-discusses"),
        StepKind::TakesNote => tr.t("admin-step-takes-note"),
    }
}

/// The languages a person's profile may have, as the forms offer them.
pub fn languages() -> Vec<(String, String)> {
    [("de", "Deutsch"), ("fr", "Français"), ("it", "Italiano")]
        .into_iter()
        .map(|(code, name)| (code.to_owned(), name.to_owned()))
        .collect()
}

/// A language's short code as the pages show it.
pub fn language_code(language: iiz_domain::Language) -> &'static str {
    match language {
        iiz_domain::Language::De => "DE",
        iiz_domain::Language::Fr => "FR",
        iiz_domain::Language::It => "IT",
        iiz_domain::Language::Rm => "RM",
    }
}
