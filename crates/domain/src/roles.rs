//! What a person may be in a tenant and in a body. Authorization (in `app`)
//! decides from these; the domain only records who holds which role.

use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A person's role in a tenant (the national IIZ or a canton).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum TenantRole {
    /// Cantonal (or national) IIZ coordinator: drafts and submits concerns,
    /// answers recommendations, reports implementation.
    Coordinator,
    /// Office staff (Geschäftsstelle, national Fachstelle): intake, triage,
    /// preparing the bodies' business.
    Office,
    /// Member of the tenant's IIZ bodies.
    Member,
    /// Chair of the tenant's IIZ structure.
    Chair,
    /// Reads what the tenant publishes, changes nothing.
    Observer,
    /// Manages the tenant's bodies, people and roles.
    TenantAdmin,
}

impl TenantRole {
    /// Every role, in a stable order (tests enumerate them).
    pub const ALL: [TenantRole; 6] = [
        Self::Coordinator,
        Self::Office,
        Self::Member,
        Self::Chair,
        Self::Observer,
        Self::TenantAdmin,
    ];

    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Coordinator => "coordinator",
            Self::Office => "office",
            Self::Member => "member",
            Self::Chair => "chair",
            Self::Observer => "observer",
            Self::TenantAdmin => "tenant_admin",
        }
    }

    pub fn parse(input: &str) -> Result<Self, RoleError> {
        Self::ALL
            .into_iter()
            .find(|role| role.as_str() == input.trim())
            .ok_or_else(|| RoleError::UnknownTenantRole(input.to_owned()))
    }
}

impl fmt::Display for TenantRole {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A person's seat in a body.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum BodyRole {
    Chair,
    Deputy,
    Member,
    /// Attends without a vote.
    Guest,
}

impl BodyRole {
    pub const ALL: [BodyRole; 4] = [Self::Chair, Self::Deputy, Self::Member, Self::Guest];

    /// Whether the seat carries a vote in the body's decisions.
    pub fn votes(&self) -> bool {
        !matches!(self, Self::Guest)
    }

    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Chair => "chair",
            Self::Deputy => "deputy",
            Self::Member => "member",
            Self::Guest => "guest",
        }
    }

    pub fn parse(input: &str) -> Result<Self, RoleError> {
        Self::ALL
            .into_iter()
            .find(|role| role.as_str() == input.trim())
            .ok_or_else(|| RoleError::UnknownBodyRole(input.to_owned()))
    }
}

impl fmt::Display for BodyRole {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RoleError {
    #[error(
        "'{0}' is not a tenant role (coordinator, office, member, chair, observer, tenant_admin)"
    )]
    UnknownTenantRole(String),
    #[error("'{0}' is not a body role (chair, deputy, member, guest)")]
    UnknownBodyRole(String),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_round_trip_through_their_names() {
        for role in TenantRole::ALL {
            assert_eq!(TenantRole::parse(role.as_str()), Ok(role));
            let json = serde_json::to_string(&role).unwrap();
            assert_eq!(json, format!("\"{}\"", role.as_str()));
        }
        for role in BodyRole::ALL {
            assert_eq!(BodyRole::parse(role.as_str()), Ok(role));
        }
        assert!(TenantRole::parse("king").is_err());
        assert!(!BodyRole::Guest.votes());
        assert!(BodyRole::Deputy.votes());
    }
}
