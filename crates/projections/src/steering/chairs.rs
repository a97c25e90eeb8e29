//! Each body's chairs, term by term.

use chrono::NaiveDate;
use iiz_domain::basis::DecisionReference;
use iiz_domain::chair::{ChairEvent, ChairRule, TermHolders};
use iiz_domain::{BodyId, Party, PersonId};
use iiz_store::{DocKey, DocSet, ProjectionError, RecordedEvent};
use serde::{Deserialize, Serialize};

use crate::{Projection, decode, get_typed, put_typed};

/// Collection of [`ChairView`], keyed by body id.
pub const CHAIRS: &str = "chairs";

/// One term: the office that chairs, the person if named, first and last
/// day; the deputy, the body's decision that chose the term (EKG), and
/// whether it was recorded as it happened (a past term).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChairTerm {
    pub number: u32,
    pub office: Party,
    pub person: Option<PersonId>,
    pub from: NaiveDate,
    pub until: NaiveDate,
    #[serde(default)]
    pub deputy: Option<Party>,
    #[serde(default)]
    pub deputy_person: Option<PersonId>,
    #[serde(default)]
    pub decided_by: Option<DecisionReference>,
    #[serde(default)]
    pub past: bool,
}

impl ChairTerm {
    fn held(
        number: u32,
        holders: TermHolders,
        from: NaiveDate,
        until: NaiveDate,
        decided_by: Option<DecisionReference>,
    ) -> Self {
        let past = decided_by.is_none();
        Self {
            number,
            office: holders.office,
            person: holders.person,
            from,
            until,
            deputy: holders.deputy,
            deputy_person: holders.deputy_person,
            decided_by,
            past,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChairView {
    pub body: BodyId,
    pub rule: ChairRule,
    /// Oldest first.
    pub terms: Vec<ChairTerm>,
}

impl ChairView {
    /// The term running on `day`.
    pub fn current_on(&self, day: NaiveDate) -> Option<&ChairTerm> {
        self.terms
            .iter()
            .find(|term| term.from <= day && day <= term.until)
    }

    /// The terms ended before `day`, most recent first.
    pub fn past_on(&self, day: NaiveDate) -> impl Iterator<Item = &ChairTerm> {
        self.terms.iter().rev().filter(move |term| term.until < day)
    }
}

#[derive(Debug, Clone, Copy, Default)]
pub struct ChairRegister;

fn key(event: &RecordedEvent) -> DocKey {
    DocKey::new(CHAIRS, &event.stream.stream_id)
}

impl Projection for ChairRegister {
    fn name(&self) -> &'static str {
        "chair_register"
    }

    fn version(&self) -> i32 {
        1
    }

    fn collections(&self) -> &'static [&'static str] {
        &[CHAIRS]
    }

    fn handles(&self, stream_type: &str) -> bool {
        stream_type == "chair"
    }

    fn keys(&self, event: &RecordedEvent) -> Result<Vec<DocKey>, ProjectionError> {
        Ok(vec![key(event)])
    }

    fn apply(&self, docs: &mut DocSet, event: &RecordedEvent) -> Result<(), ProjectionError> {
        let key = key(event);
        let view = match decode::<ChairEvent>(event)? {
            ChairEvent::Established { body, rule } => ChairView {
                body,
                rule,
                terms: Vec::new(),
            },
            change => {
                let mut view = get_typed::<ChairView>(docs, &key)?.ok_or_else(|| {
                    ProjectionError::Malformed {
                        key: key.clone(),
                        reason: "chairs of a body without a chair record".to_owned(),
                    }
                })?;
                match change {
                    ChairEvent::Established { .. } => {}
                    ChairEvent::TermRecorded {
                        number,
                        office,
                        person,
                        from,
                        until,
                    } => view.terms.push(ChairTerm {
                        number,
                        office,
                        person,
                        from,
                        until,
                        deputy: None,
                        deputy_person: None,
                        decided_by: None,
                        past: false,
                    }),
                    ChairEvent::TermChosen {
                        number,
                        holders,
                        from,
                        until,
                        decided_by,
                    } => view.terms.push(ChairTerm::held(
                        number,
                        holders,
                        from,
                        until,
                        Some(decided_by),
                    )),
                    ChairEvent::PastTermRecorded {
                        number,
                        holders,
                        from,
                        until,
                    } => view
                        .terms
                        .push(ChairTerm::held(number, holders, from, until, None)),
                    ChairEvent::PersonNamed { number, person } => {
                        if let Some(term) = view.terms.iter_mut().find(|t| t.number == number) {
                            term.person = Some(person);
                        }
                    }
                }
                view
            }
        };
        let tenant = Some(event.stream.tenant.clone());
        put_typed(docs, key, tenant, view.body.to_string(), &view)
    }
}
