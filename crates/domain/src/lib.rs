//! The IIZ domain: identifiers, tenants and aggregates.
//!
//! Every aggregate is a pair of pure functions, `decide(&State, Command)` and
//! `evolve(State, &Event)`, with no IO and no async: the `app` crate loads,
//! decides, appends and projects around them.

pub mod aggregate;
pub mod basis;
pub mod body;
pub mod budget;
pub mod canton_profile;
pub mod chair;
pub mod concept;
pub mod concern;
pub mod decision;
pub mod error;
pub mod focus;
pub mod follow_up;
pub mod ids;
pub mod key_figures;
pub mod meeting;
pub mod network;
pub mod panorama;
pub mod panorama_round;
pub mod panorama_terms;
pub mod partner;
pub mod person;
pub mod programme;
pub mod project;
pub mod recommendation;
pub mod resolution;
pub mod roles;
mod schema;
pub mod tenant;
pub mod text;
pub mod working_group;

#[cfg(test)]
mod testing;

pub use aggregate::{Aggregate, DomainEvent, EventCodecError};
pub use concept::ConceptRule;
pub use concern::{Concern, ConcernCommand, ConcernError, ConcernEvent};
pub use error::ErrorKind;
pub use ids::{
    BodyId, CantonCode, ConcernId, Language, NetworkId, PersonId, RecommendationId, ResolutionId,
    TenantId,
};
pub use network::{NetworkCommand, NetworkError, NetworkEvent, NetworkRegistry};
pub use partner::{Partner, Party};
pub use person::{Person, PersonCommand, PersonError, PersonEvent};
pub use recommendation::{
    Recommendation, RecommendationCommand, RecommendationError, RecommendationEvent,
};
pub use roles::{BodyRole, TenantRole};
pub use text::{Email, Institution, Link, PersonName, Title};
