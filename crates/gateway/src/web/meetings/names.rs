//! Names of the people a page mentions (invitees, voters, who did a step).
//! Events name their actor as `person:<id>`; a person the visitor may not
//! look up is shown as "a member" rather than as an id.

use std::collections::BTreeMap;

use iiz_app::AppError;
use iiz_domain::PersonId;

use crate::web::errors::WebError;
use crate::web::format::person_name;
use crate::web::visitor::Visitor;

/// The names of the people of one page, looked up once each.
#[derive(Debug, Clone, Default)]
pub(in crate::web) struct Names {
    known: BTreeMap<PersonId, String>,
    someone: String,
    platform: String,
}

impl Names {
    /// Looks up `people` as the visitor may see them.
    pub(in crate::web) async fn of(
        visitor: &Visitor,
        people: impl IntoIterator<Item = PersonId>,
    ) -> Result<Self, WebError> {
        let caller = visitor.caller();
        let mut known = BTreeMap::new();
        for person in people {
            if known.contains_key(&person) {
                continue;
            }
            match caller.named_person(person).await {
                Ok(view) => {
                    known.insert(person, person_name(visitor.tr, view.name));
                }
                // Someone the visitor may not look up stays unnamed.
                Err(AppError::Denied(_)) => {}
                Err(error) => return Err(visitor.fail(error)),
            }
        }
        Ok(Self {
            known,
            someone: visitor.tr.t("meetings-someone"),
            platform: visitor.tr.t("meetings-platform"),
        })
    }

    pub(in crate::web) fn person(&self, person: PersonId) -> String {
        self.known
            .get(&person)
            .cloned()
            .unwrap_or_else(|| self.someone.clone())
    }

    /// The name of an event's actor (`person:<id>`, or the platform).
    pub(in crate::web) fn actor(&self, actor: &str) -> String {
        match person_of(actor) {
            Some(person) => self.person(person),
            None => self.platform.clone(),
        }
    }
}

/// The person an event's actor names, if a person.
pub(in crate::web) fn person_of(actor: &str) -> Option<PersonId> {
    actor
        .strip_prefix("person:")
        .and_then(|id| PersonId::parse(id).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actors_name_people_or_the_platform() {
        let person = PersonId::new();
        assert_eq!(person_of(&format!("person:{person}")), Some(person));
        assert_eq!(person_of("system:propagation"), None);
        assert_eq!(person_of("person:not-an-id"), None);
    }
}
