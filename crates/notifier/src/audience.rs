//! Finds the people of an [`Audience`](crate::rules::Audience) in the read
//! models: the people directory (roles, language, e-mail), the seats of the
//! bodies, and the concerns, recommendations and meetings the rules name.
//!
//! A [`Directory`] is loaded once per event (or per reminder scan): every
//! audience of that event is answered from the same snapshot.

use std::collections::{BTreeMap, BTreeSet};

use iiz_app::tenants::seeded_body_id;
use iiz_domain::{BodyId, Partner, Party, PersonId, TenantId, TenantRole};
use iiz_projections::{BODY_MEMBERS, BodyMembersView, PEOPLE, PersonView};
use iiz_store::{DocKey, DocQuery, EventStore, Store};
use serde::de::DeserializeOwned;

use crate::NotifierError;
use crate::handler::Subject;
use crate::rules::Audience;

/// How many people documents are read per page.
const PAGE: usize = 500;

/// The national bodies whose seats name the partners a delegate speaks for.
const DELEGATING_BODIES: [&str; 2] = ["STG", "EKG"];

/// A person who hears of something, and the party they hear it for when
/// they hear as its coordinator or delegate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recipient {
    pub person: PersonView,
    pub party: Option<Party>,
}

/// One read-model document as its view type.
pub(crate) async fn read_doc<T: DeserializeOwned>(
    store: &Store,
    collection: &str,
    id: &str,
) -> Result<Option<T>, NotifierError> {
    let Some(doc) = store.doc(&DocKey::new(collection, id)).await? else {
        return Ok(None);
    };
    serde_json::from_value(doc.body)
        .map(Some)
        .map_err(|error| NotifierError::Contract(format!("{collection}/{id}: {error}")))
}

/// Every document of a collection, page by page.
pub(crate) async fn read_all<T: DeserializeOwned>(
    store: &Store,
    collection: &str,
) -> Result<Vec<T>, NotifierError> {
    let mut all = Vec::new();
    let mut after = None;
    loop {
        let query = DocQuery {
            collection: collection.to_owned(),
            after: after.clone(),
            limit: PAGE,
            ..DocQuery::default()
        };
        let docs = store.docs(&query).await?;
        let full = docs.len() == PAGE;
        for doc in docs {
            after = Some((doc.sort_key.clone(), doc.key.id.clone()));
            let view = serde_json::from_value(doc.body).map_err(|error| {
                NotifierError::Contract(format!("{collection}/{}: {error}", doc.key.id))
            })?;
            all.push(view);
        }
        if !full {
            return Ok(all);
        }
    }
}

/// The people, and who speaks for each partner, at one moment.
#[derive(Debug, Clone, Default)]
pub struct Directory {
    people: BTreeMap<PersonId, PersonView>,
    /// The people whose current seat in the STG or EKG names the partner.
    delegates: BTreeMap<Partner, BTreeSet<PersonId>>,
}

impl Directory {
    pub async fn load(store: &Store) -> Result<Self, NotifierError> {
        // A forgotten person is nobody's recipient: no address is left.
        let people = read_all::<PersonView>(store, PEOPLE)
            .await?
            .into_iter()
            .filter(|person| !person.erased)
            .map(|person| (person.id, person))
            .collect();
        let mut delegates: BTreeMap<Partner, BTreeSet<PersonId>> = BTreeMap::new();
        for name in DELEGATING_BODIES {
            let body = seeded_body_id(TenantId::National, name);
            let Some(members) = body_members(store, body).await? else {
                continue;
            };
            for seat in members.current() {
                if let Some(partner) = Partner::represented_by(&seat.institution) {
                    delegates.entry(partner).or_default().insert(seat.person);
                }
            }
        }
        Ok(Self { people, delegates })
    }

    pub fn person(&self, id: PersonId) -> Option<&PersonView> {
        self.people.get(&id)
    }

    /// A person by the id as text (a notification's recipient).
    pub fn person_by_key(&self, id: &str) -> Option<&PersonView> {
        PersonId::parse(id).ok().and_then(|id| self.people.get(&id))
    }

    fn holding(&self, tenant: TenantId, role: TenantRole) -> impl Iterator<Item = &PersonView> {
        self.people.values().filter(move |person| {
            person
                .roles
                .iter()
                .any(|grant| grant.tenant == tenant && grant.role == role)
        })
    }

    /// The people holding `role` in `tenant` (a tenant's admins hear of
    /// its people's locked sign-ins).
    pub fn holding_role(&self, tenant: TenantId, role: TenantRole) -> Vec<PersonView> {
        self.holding(tenant, role).cloned().collect()
    }

    /// The Fachstelle: the Office role in the national tenant.
    pub fn fachstelle(&self) -> Vec<Recipient> {
        self.holding(TenantId::National, TenantRole::Office)
            .map(|person| Recipient {
                person: person.clone(),
                party: None,
            })
            .collect()
    }

    /// The people who speak for a party: a tenant's coordinators, a
    /// partner's delegates in the national bodies.
    pub fn speakers_for(&self, party: Party) -> Vec<Recipient> {
        let people: Vec<&PersonView> = match party {
            Party::Tenant(tenant) => self.holding(tenant, TenantRole::Coordinator).collect(),
            Party::Partner(partner) => self
                .delegates
                .get(&partner)
                .into_iter()
                .flatten()
                .filter_map(|id| self.people.get(id))
                .collect(),
        };
        people
            .into_iter()
            .map(|person| Recipient {
                person: person.clone(),
                party: Some(party),
            })
            .collect()
    }

    /// The speakers of every party, each person once (for the first party
    /// they speak for).
    pub fn speakers_for_all(&self, parties: impl IntoIterator<Item = Party>) -> Vec<Recipient> {
        let mut seen = BTreeSet::new();
        parties
            .into_iter()
            .flat_map(|party| self.speakers_for(party))
            .filter(|recipient| seen.insert(recipient.person.id))
            .collect()
    }

    /// The people of an audience for what an event is about.
    pub async fn resolve(
        &self,
        store: &Store,
        audience: Audience,
        subject: &Subject,
    ) -> Result<Vec<Recipient>, NotifierError> {
        Ok(match audience {
            Audience::Fachstelle => self.fachstelle(),
            Audience::ConcernParties => self.speakers_for_all(subject.concern_parties()),
            Audience::BasisParties => self.speakers_for_all(subject.basis_parties()),
            Audience::ReportingBasisParty => subject
                .reporting_party()
                .filter(|party| subject.basis_parties().contains(party))
                .map(|party| self.speakers_for(party))
                .unwrap_or_default(),
            Audience::Addressees => self.speakers_for_all(subject.addressees()),
            Audience::MeetingBodies => self.members_of(store, &subject.bodies()).await?,
            Audience::ResolutionVoters => subject
                .voters()
                .into_iter()
                .filter_map(|id| self.people.get(&id))
                .map(|person| Recipient {
                    person: person.clone(),
                    party: None,
                })
                .collect(),
            Audience::ResolutionSecretariat => subject
                .tenant()
                .map(|tenant| {
                    self.holding(tenant, TenantRole::Office)
                        .map(|person| Recipient {
                            person: person.clone(),
                            party: None,
                        })
                        .collect()
                })
                .unwrap_or_default(),
        })
    }

    /// The current members of the bodies, each person once.
    pub async fn members_of(
        &self,
        store: &Store,
        bodies: &[BodyId],
    ) -> Result<Vec<Recipient>, NotifierError> {
        let mut seen = BTreeSet::new();
        let mut recipients = Vec::new();
        for body in bodies {
            let Some(members) = body_members(store, *body).await? else {
                tracing::warn!(%body, "meeting body without a member list");
                continue;
            };
            for seat in members.current() {
                if !seen.insert(seat.person) {
                    continue;
                }
                match self.people.get(&seat.person) {
                    Some(person) => recipients.push(Recipient {
                        person: person.clone(),
                        party: None,
                    }),
                    None => {
                        tracing::warn!(person = %seat.person, %body, "seat of an unknown person")
                    }
                }
            }
        }
        Ok(recipients)
    }
}

async fn body_members(
    store: &Store,
    body: BodyId,
) -> Result<Option<BodyMembersView>, NotifierError> {
    read_doc(store, BODY_MEMBERS, &body.to_string()).await
}
