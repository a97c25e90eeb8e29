//! What an event is about, read from the read models when it is handled:
//! the concern, recommendation or meeting with the event itself decoded.
//!
//! The read models may be ahead of the event (the consumer can lag): the
//! people are those concerned now, and a meeting's invitation carries the
//! meeting as it is now, with its current SEQUENCE, so a late invitation
//! never rolls a calendar back.

use std::collections::BTreeSet;

use iiz_domain::meeting::MeetingEvent;
use iiz_domain::resolution::ResolutionEvent;
use iiz_domain::{
    BodyId, ConcernEvent, DomainEvent, NetworkEvent, Party, PersonId, RecommendationEvent, TenantId,
};
use iiz_projections::{
    BODIES, BodyView, CONCERNS, ConcernView, MEETINGS, MeetingView, NETWORKS, NetworkView, PEOPLE,
    PersonView, RECOMMENDATIONS, RESOLUTIONS, RecommendationView, ResolutionView,
};
use iiz_store::Store;
use serde::de::DeserializeOwned;

use crate::NotifierError;
use crate::audience::read_doc;
use crate::contract::PublishedEvent;

#[derive(Debug, Clone)]
pub struct ConcernSubject {
    pub view: ConcernView,
    pub change: ConcernEvent,
    /// The concern it was merged into, for a merge.
    pub merged_into: Option<ConcernView>,
}

#[derive(Debug, Clone)]
pub struct RecommendationSubject {
    pub view: RecommendationView,
    pub change: RecommendationEvent,
    /// The parties that submitted or endorsed a concern of its basis.
    pub basis_parties: BTreeSet<Party>,
}

#[derive(Debug, Clone)]
pub struct MeetingSubject {
    pub view: MeetingView,
    pub change: MeetingEvent,
    pub body: Option<BodyView>,
}

#[derive(Debug, Clone)]
pub struct ResolutionSubject {
    pub view: ResolutionView,
    pub change: ResolutionEvent,
    pub body: Option<BodyView>,
}

#[derive(Debug, Clone)]
pub struct NetworkSubject {
    pub view: NetworkView,
    pub change: NetworkEvent,
    /// The name of the delegated coordinator, for a delegation.
    pub coordinator: Option<String>,
}

/// What an event is about.
#[derive(Debug, Clone)]
pub enum Subject {
    Concern(Box<ConcernSubject>),
    Recommendation(Box<RecommendationSubject>),
    Meeting(Box<MeetingSubject>),
    Resolution(Box<ResolutionSubject>),
    Network(Box<NetworkSubject>),
}

fn decode<E: DomainEvent>(event: &PublishedEvent) -> Result<E, NotifierError> {
    E::decode_ref(event.domain_event_type(), &event.data)
        .map_err(|error| NotifierError::Contract(format!("event {}: {error}", event.id)))
}

async fn required<T: DeserializeOwned>(
    store: &Store,
    collection: &str,
    id: &str,
) -> Result<T, NotifierError> {
    read_doc(store, collection, id).await?.ok_or_else(|| {
        NotifierError::Contract(format!("{collection}/{id} is not in the read models"))
    })
}

/// The parties that submitted or endorsed a concern.
pub fn parties_of(view: &ConcernView) -> Vec<Party> {
    let mut parties = view.submitters.clone();
    for endorsement in &view.endorsements {
        if !parties.contains(&endorsement.by) {
            parties.push(endorsement.by);
        }
    }
    parties
}

impl Subject {
    /// Reads what the event is about; `None` for aggregates the rules do
    /// not cover.
    pub async fn load(
        store: &Store,
        event: &PublishedEvent,
    ) -> Result<Option<Self>, NotifierError> {
        let id = event.aggregate.id.as_str();
        let subject = match event.aggregate.stream_type.as_str() {
            "concern" => {
                let view: ConcernView = required(store, CONCERNS, id).await?;
                let change: ConcernEvent = decode(event)?;
                let merged_into = match &change {
                    ConcernEvent::MergedInto { into, .. } => {
                        read_doc(store, CONCERNS, &into.to_string()).await?
                    }
                    _ => None,
                };
                Self::Concern(Box::new(ConcernSubject {
                    view,
                    change,
                    merged_into,
                }))
            }
            "recommendation" => {
                let view: RecommendationView = required(store, RECOMMENDATIONS, id).await?;
                let change = decode(event)?;
                let mut basis_parties = BTreeSet::new();
                for concern in &view.basis.concerns {
                    match read_doc::<ConcernView>(store, CONCERNS, &concern.to_string()).await? {
                        Some(concern) => basis_parties.extend(parties_of(&concern)),
                        None => {
                            tracing::warn!(%concern, recommendation = id, "basis concern not in the read models")
                        }
                    }
                }
                Self::Recommendation(Box::new(RecommendationSubject {
                    view,
                    change,
                    basis_parties,
                }))
            }
            "meeting" => {
                let view: MeetingView = required(store, MEETINGS, id).await?;
                let change = decode(event)?;
                let body = read_doc(store, BODIES, &view.body.to_string()).await?;
                Self::Meeting(Box::new(MeetingSubject { view, change, body }))
            }
            "resolution" => {
                let view: ResolutionView = required(store, RESOLUTIONS, id).await?;
                let change = decode(event)?;
                let body = read_doc(store, BODIES, &view.body.to_string()).await?;
                Self::Resolution(Box::new(ResolutionSubject { view, change, body }))
            }
            // One stream holds every network: the event names its network.
            "network_registry" => {
                let change: NetworkEvent = decode(event)?;
                let view: NetworkView =
                    required(store, NETWORKS, &change.network().to_string()).await?;
                let coordinator = match &change {
                    NetworkEvent::CoordinatorDelegated { person, .. } => {
                        read_doc::<PersonView>(store, PEOPLE, &person.to_string())
                            .await?
                            .map(|person| person.name)
                    }
                    _ => None,
                };
                Self::Network(Box::new(NetworkSubject {
                    view,
                    change,
                    coordinator,
                }))
            }
            _ => return Ok(None),
        };
        Ok(Some(subject))
    }

    /// `concern`, `recommendation`, `meeting`, `resolution` or `network`.
    pub fn subject_type(&self) -> &'static str {
        match self {
            Self::Concern(_) => "concern",
            Self::Recommendation(_) => "recommendation",
            Self::Meeting(_) => "meeting",
            Self::Resolution(_) => "resolution",
            Self::Network(_) => "network",
        }
    }

    pub fn id(&self) -> String {
        match self {
            Self::Concern(subject) => subject.view.id.to_string(),
            Self::Recommendation(subject) => subject.view.id.to_string(),
            Self::Meeting(subject) => subject.view.id.to_string(),
            Self::Resolution(subject) => subject.view.id.to_string(),
            Self::Network(subject) => subject.view.id.to_string(),
        }
    }

    /// The path of the subject on the platform.
    pub fn path(&self) -> String {
        match self {
            Self::Concern(_) => format!("/concerns/{}", self.id()),
            Self::Recommendation(_) => format!("/recommendations/{}", self.id()),
            Self::Meeting(_) => format!("/meetings/{}", self.id()),
            Self::Resolution(_) => format!("/resolutions/{}", self.id()),
            Self::Network(_) => format!("/networks/{}", self.id()),
        }
    }

    /// The submitters and endorsers of the concern.
    pub fn concern_parties(&self) -> Vec<Party> {
        match self {
            Self::Concern(subject) => parties_of(&subject.view),
            _ => Vec::new(),
        }
    }

    /// The submitters and endorsers of the recommendation's basis.
    pub fn basis_parties(&self) -> Vec<Party> {
        match self {
            Self::Recommendation(subject) => subject.basis_parties.iter().copied().collect(),
            _ => Vec::new(),
        }
    }

    /// The addressee that answered or reported.
    pub fn reporting_party(&self) -> Option<Party> {
        match self {
            Self::Recommendation(subject) => match &subject.change {
                RecommendationEvent::Answered { addressee, .. }
                | RecommendationEvent::Reported { addressee, .. } => Some(*addressee),
                _ => None,
            },
            _ => None,
        }
    }

    pub fn addressees(&self) -> Vec<Party> {
        match self {
            Self::Recommendation(subject) => subject.view.addressees.clone(),
            _ => Vec::new(),
        }
    }

    /// The voters of the resolution.
    pub fn voters(&self) -> Vec<PersonId> {
        match self {
            Self::Resolution(subject) => subject.view.voters.clone(),
            _ => Vec::new(),
        }
    }

    /// The tenant of the resolution's body.
    pub fn tenant(&self) -> Option<TenantId> {
        match self {
            Self::Resolution(subject) => Some(subject.view.tenant),
            _ => None,
        }
    }

    /// The meeting's body and the body it meets jointly with.
    pub fn bodies(&self) -> Vec<BodyId> {
        match self {
            Self::Meeting(subject) => subject.view.bodies.clone(),
            _ => Vec::new(),
        }
    }
}
