//! GraphQL object types over the read models. They only shape data; every
//! decision about who may see it was taken in `app` before they are built.

use async_graphql::{Enum, ID, SimpleObject};
use chrono::{DateTime, NaiveDate, Utc};
use iiz_domain::body::BodyKind;
use iiz_domain::text::LocalizedName;
use iiz_domain::{BodyRole, Language as DomainLanguage, TenantRole};
use iiz_projections::{BodyView, PersonView, Seat, TenantView};
use iiz_store::ApiTokenRecord;

/// A national language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
#[graphql(remote = "DomainLanguage")]
pub enum Language {
    De,
    Fr,
    It,
    Rm,
}

/// A text in one language.
#[derive(Debug, Clone, SimpleObject)]
pub struct LocalizedText {
    pub language: Language,
    pub text: String,
}

pub fn localized(names: &LocalizedName) -> Vec<LocalizedText> {
    names
        .iter()
        .map(|(language, text)| LocalizedText {
            language: language.into(),
            text: text.to_owned(),
        })
        .collect()
}

/// What a body is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
#[graphql(remote = "BodyKind")]
pub enum BodyKindValue {
    Steering,
    ExpertCoordination,
    Office,
    WorkingGroup,
    Subcommittee,
}

/// A role in a tenant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
#[graphql(remote = "TenantRole")]
pub enum TenantRoleValue {
    Coordinator,
    Office,
    Member,
    Chair,
    Observer,
    TenantAdmin,
}

/// A seat in a body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
#[graphql(remote = "BodyRole")]
pub enum BodyRoleValue {
    Chair,
    Deputy,
    Member,
    /// Attends without a vote.
    Guest,
}

/// The national IIZ (`CH`) or a canton.
#[derive(Debug, Clone, SimpleObject)]
pub struct Tenant {
    /// `CH` or the canton's official abbreviation.
    pub id: ID,
    pub names: Vec<LocalizedText>,
    pub official_languages: Vec<Language>,
    pub national: bool,
    pub active_bodies: u32,
    /// The route a concern drafted now passes inside the tenant.
    pub concern_route: super::concern_types::ConcernRoute,
}

impl From<TenantView> for Tenant {
    fn from(view: TenantView) -> Self {
        Self {
            id: ID(view.id.as_str().to_owned()),
            names: localized(&view.names),
            official_languages: view
                .official_languages
                .into_iter()
                .map(Into::into)
                .collect(),
            national: view.national,
            active_bodies: view.active_bodies,
            concern_route: (&view.concern_route).into(),
        }
    }
}

/// A body of a tenant.
#[derive(Debug, Clone, SimpleObject)]
pub struct Body {
    pub id: ID,
    pub tenant: ID,
    pub kind: BodyKindValue,
    pub names: Vec<LocalizedText>,
    pub mandate: String,
    pub parent: Option<ID>,
    pub active_from: NaiveDate,
    pub active_to: Option<NaiveDate>,
    pub dissolution_reason: Option<String>,
    pub active: bool,
    /// How many events the body has seen; changes whenever it does.
    pub version: u64,
}

impl From<BodyView> for Body {
    fn from(view: BodyView) -> Self {
        Self {
            id: ID(view.id.to_string()),
            tenant: ID(view.tenant.as_str().to_owned()),
            kind: view.kind.into(),
            names: localized(&view.names),
            mandate: view.mandate,
            parent: view.parent.map(|parent| ID(parent.to_string())),
            active_from: view.active_from,
            active_to: view.active_to,
            dissolution_reason: view.dissolution_reason,
            active: view.active,
            version: view.version,
        }
    }
}

/// A seat someone held in a body for a span of time.
#[derive(Debug, Clone, SimpleObject)]
pub struct Membership {
    pub person: ID,
    pub role: BodyRoleValue,
    /// Whom the person represents, e.g. "SECO" or "IV-Stelle Zürich".
    pub institution: String,
    pub from: NaiveDate,
    /// The day the seat ended; none while it lasts.
    pub to: Option<NaiveDate>,
    /// Whether the seat carries a vote.
    pub votes: bool,
}

impl From<&Seat> for Membership {
    fn from(seat: &Seat) -> Self {
        Self {
            person: ID(seat.person.to_string()),
            role: seat.role.into(),
            institution: seat.institution.clone(),
            from: seat.from,
            to: seat.to,
            votes: seat.role.votes(),
        }
    }
}

/// A role someone holds in a tenant.
#[derive(Debug, Clone, SimpleObject)]
pub struct TenantRoleGrant {
    pub tenant: ID,
    pub role: TenantRoleValue,
}

/// An official who may sign in.
#[derive(Debug, Clone, SimpleObject)]
pub struct Person {
    pub id: ID,
    pub home: ID,
    pub name: String,
    pub email: String,
    pub language: Language,
    pub roles: Vec<TenantRoleGrant>,
    pub platform_admin: bool,
}

impl From<PersonView> for Person {
    fn from(view: PersonView) -> Self {
        Self {
            id: ID(view.id.to_string()),
            home: ID(view.home.as_str().to_owned()),
            name: view.name,
            email: view.email,
            language: view.language.into(),
            roles: view
                .roles
                .iter()
                .map(|grant| TenantRoleGrant {
                    tenant: ID(grant.tenant.as_str().to_owned()),
                    role: grant.role.into(),
                })
                .collect(),
            platform_admin: view.platform_admin,
        }
    }
}

/// A personal API token, without its secret.
#[derive(Debug, Clone, SimpleObject)]
pub struct ApiToken {
    pub id: ID,
    pub name: String,
    pub tenant: ID,
    pub roles: Vec<String>,
    pub created_at: DateTime<Utc>,
    pub last_used_at: Option<DateTime<Utc>>,
    pub revoked_at: Option<DateTime<Utc>>,
}

impl From<ApiTokenRecord> for ApiToken {
    fn from(token: ApiTokenRecord) -> Self {
        Self {
            id: ID(token.id.to_string()),
            name: token.name,
            tenant: ID(token.tenant),
            roles: token.roles,
            created_at: token.created_at,
            last_used_at: token.last_used_at,
            revoked_at: token.revoked_at,
        }
    }
}

pub use super::network_types::Network;
