//! GraphQL object types over the read models. They only shape data; every
//! decision about who may see it was taken in `app` before they are built.

use std::sync::Arc;

use async_graphql::{Enum, ID, Object, SimpleObject};
use chrono::{DateTime, NaiveDate, Utc};
use iiz_domain::body::BodyKind;
use iiz_domain::concern::{RouteSnapshot, StepActor};
use iiz_domain::text::LocalizedName;
use iiz_domain::{BodyRole, Language as DomainLanguage, TenantRole};
use iiz_projections::{BodyView, PersonView, Seat, TenantView};
use iiz_store::ApiTokenRecord;

use super::concern_enums::StepKindValue;

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

/// A tenant: the read model, held once; each field resolves from it.
#[derive(Debug, Clone)]
pub struct Tenant(Arc<TenantView>);

impl From<TenantView> for Tenant {
    fn from(view: TenantView) -> Self {
        Self(Arc::new(view))
    }
}

/// The national IIZ (`CH`) or a canton.
#[Object]
impl Tenant {
    /// `CH` or the canton's official abbreviation.
    async fn id(&self) -> ID {
        ID(self.0.id.as_str().to_owned())
    }

    async fn names(&self) -> Vec<LocalizedText> {
        localized(&self.0.names)
    }

    async fn official_languages(&self) -> Vec<Language> {
        self.0
            .official_languages
            .iter()
            .map(|language| (*language).into())
            .collect()
    }

    async fn national(&self) -> bool {
        self.0.national
    }

    async fn active_bodies(&self) -> u32 {
        self.0.active_bodies
    }

    /// The route a concern drafted now passes inside the tenant.
    async fn concern_route(&self) -> ConcernRoute {
        (&self.0.concern_route).into()
    }
}

/// A body: the read model, held once; each field resolves from it.
#[derive(Debug, Clone)]
pub struct Body(Arc<BodyView>);

impl From<BodyView> for Body {
    fn from(view: BodyView) -> Self {
        Self(Arc::new(view))
    }
}

/// A body of a tenant.
#[Object]
impl Body {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }

    async fn tenant(&self) -> ID {
        ID(self.0.tenant.as_str().to_owned())
    }

    async fn kind(&self) -> BodyKindValue {
        self.0.kind.into()
    }

    async fn names(&self) -> Vec<LocalizedText> {
        localized(&self.0.names)
    }

    async fn mandate(&self) -> &str {
        &self.0.mandate
    }

    async fn parent(&self) -> Option<ID> {
        self.0.parent.map(|parent| ID(parent.to_string()))
    }

    async fn active_from(&self) -> NaiveDate {
        self.0.active_from
    }

    async fn active_to(&self) -> Option<NaiveDate> {
        self.0.active_to
    }

    async fn dissolution_reason(&self) -> Option<&str> {
        self.0.dissolution_reason.as_deref()
    }

    async fn active(&self) -> bool {
        self.0.active
    }

    /// How many events the body has seen; changes whenever it does.
    async fn version(&self) -> u64 {
        self.0.version
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

/// A person: the read model, held once; each field resolves from it.
#[derive(Debug, Clone)]
pub struct Person(Arc<PersonView>);

impl From<PersonView> for Person {
    fn from(view: PersonView) -> Self {
        Self(Arc::new(view))
    }
}

/// An official who may sign in.
#[Object]
impl Person {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }

    async fn home(&self) -> ID {
        ID(self.0.home.as_str().to_owned())
    }

    async fn name(&self) -> &str {
        &self.0.name
    }

    /// Shown to the person, the admins of their tenants and platform
    /// admins; `null` to everyone else (their roles are then empty).
    async fn email(&self) -> Option<&str> {
        Some(self.0.email.as_str()).filter(|email| !email.is_empty())
    }

    async fn language(&self) -> Language {
        self.0.language.into()
    }

    async fn roles(&self) -> Vec<TenantRoleGrant> {
        self.0
            .roles
            .iter()
            .map(|grant| TenantRoleGrant {
                tenant: ID(grant.tenant.as_str().to_owned()),
                role: grant.role.into(),
            })
            .collect()
    }

    async fn platform_admin(&self) -> bool {
        self.0.platform_admin
    }

    /// Forgotten: the name reads "erased person" and the e-mail is empty.
    async fn erased(&self) -> bool {
        self.0.erased
    }
}

/// An API token's record: held once; each field resolves from it.
#[derive(Debug, Clone)]
pub struct ApiToken(Arc<ApiTokenRecord>);

impl From<ApiTokenRecord> for ApiToken {
    fn from(token: ApiTokenRecord) -> Self {
        Self(Arc::new(token))
    }
}

/// A personal API token, without its secret.
#[Object]
impl ApiToken {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }

    async fn name(&self) -> &str {
        &self.0.name
    }

    async fn tenant(&self) -> ID {
        ID(self.0.tenant.clone())
    }

    async fn roles(&self) -> &[String] {
        &self.0.roles
    }

    async fn created_at(&self) -> DateTime<Utc> {
        self.0.created_at
    }

    async fn last_used_at(&self) -> Option<DateTime<Utc>> {
        self.0.last_used_at
    }

    async fn revoked_at(&self) -> Option<DateTime<Utc>> {
        self.0.revoked_at
    }

    /// When the token stops working on its own; none: until revoked.
    async fn expires_at(&self) -> Option<DateTime<Utc>> {
        self.0.expires_at
    }
}

/// One step of a tenant's concern route.
#[derive(Debug, Clone, SimpleObject)]
pub struct RouteStepInfo {
    pub label: String,
    pub kind: StepKindValue,
    /// The body that acts, if a body does.
    pub body: Option<ID>,
    /// The role that acts, if a role does.
    pub role: Option<TenantRoleValue>,
}

/// The route a concern passes inside its tenant.
#[derive(Debug, Clone, SimpleObject)]
pub struct ConcernRoute {
    /// 0 for the direct default, then one more per definition.
    pub version: u32,
    pub steps: Vec<RouteStepInfo>,
}

impl From<&RouteSnapshot> for ConcernRoute {
    fn from(route: &RouteSnapshot) -> Self {
        Self {
            version: route.version,
            steps: route
                .steps
                .iter()
                .map(|step| RouteStepInfo {
                    label: step.label.as_str().to_owned(),
                    kind: step.kind.into(),
                    body: match step.actor {
                        StepActor::Body(body) => Some(ID(body.to_string())),
                        StepActor::Role(_) => None,
                    },
                    role: match step.actor {
                        StepActor::Role(role) => Some(role.into()),
                        StepActor::Body(_) => None,
                    },
                })
                .collect(),
        }
    }
}
