//! Given/when/then harness for aggregate tests: the tests read like the
//! domain brief ("given a registered tenant, when it is registered again,
//! then it is refused").

use crate::Aggregate;

pub struct Given<A: Aggregate> {
    state: A,
}

pub fn given<A: Aggregate>(history: impl IntoIterator<Item = A::Event>) -> Given<A> {
    let history: Vec<A::Event> = history.into_iter().collect();
    Given {
        state: A::replay(&history),
    }
}

pub struct Then<A: Aggregate> {
    result: Result<Vec<A::Event>, A::Error>,
}

impl<A: Aggregate> Given<A> {
    pub fn when(self, command: A::Command) -> Then<A> {
        Then {
            result: self.state.decide(command),
        }
    }
}

impl<A: Aggregate> Then<A>
where
    A::Event: PartialEq,
    A::Error: PartialEq,
{
    #[track_caller]
    pub fn then(self, expected: impl IntoIterator<Item = A::Event>) {
        let expected: Vec<A::Event> = expected.into_iter().collect();
        match self.result {
            Ok(events) => assert_eq!(events, expected),
            Err(error) => panic!("expected events {expected:?}, got error {error:?}"),
        }
    }

    #[track_caller]
    pub fn then_err(self, expected: A::Error) {
        match self.result {
            Ok(events) => panic!("expected error {expected:?}, got events {events:?}"),
            Err(error) => assert_eq!(error, expected),
        }
    }
}

/// A body's decision to record a step with: item 2 of a meeting's minutes.
/// Each label gives one meeting, so tests can tell two decisions apart.
pub fn minuted(label: &str) -> crate::basis::DecisionReference {
    let meeting = crate::ids::MeetingId::from_uuid(uuid::Uuid::new_v5(
        &uuid::Uuid::NAMESPACE_OID,
        label.as_bytes(),
    ));
    crate::basis::DecisionReference::meeting(
        meeting,
        2,
        crate::text::Title::parse(label).expect("a test label is a title"),
    )
}
