//! Given/when/then: the cantons form, join and leave networks by their
//! coordinators' agreement and delegate the network's coordinator, whose
//! EKG seat the app then puts in place (IIZ 3.0, chapter 5, point 3).

use chrono::NaiveDate;

use super::*;
use crate::ConceptRule;
use crate::error::Classify;
use crate::ids::Language;
use crate::testing::given;

pub(super) fn canton(code: &str) -> CantonCode {
    CantonCode::parse(code).unwrap()
}

fn cantons(codes: &[&str]) -> Vec<CantonCode> {
    codes.iter().map(|code| canton(code)).collect()
}

fn names() -> LocalizedName {
    LocalizedName::parse([(Language::De, "IIZ Nordwest".to_owned())]).unwrap()
}

pub(super) fn date(value: &str) -> NaiveDate {
    value.parse().unwrap()
}

pub(super) fn north() -> NetworkId {
    NetworkId::parse("01930000-0000-7000-8000-0000000000f1").unwrap()
}

pub(super) fn anna() -> PersonId {
    PersonId::parse("01930000-0000-7000-8000-0000000000a1").unwrap()
}

pub(super) fn bruno() -> PersonId {
    PersonId::parse("01930000-0000-7000-8000-0000000000b2").unwrap()
}

fn proposed() -> NetworkEvent {
    NetworkEvent::Proposed {
        id: north(),
        names: names(),
        cantons: cantons(&["AG", "BL", "BS"]),
        by: canton("BS"),
    }
}

fn agreed(code: &str) -> NetworkEvent {
    NetworkEvent::ProposalAnswered {
        id: north(),
        canton: canton(code),
        agree: true,
    }
}

fn formed() -> NetworkEvent {
    NetworkEvent::Formed {
        id: north(),
        names: names(),
        cantons: cantons(&["AG", "BL", "BS"]),
    }
}

pub(super) fn formed_history() -> Vec<NetworkEvent> {
    vec![proposed(), agreed("AG"), agreed("BL"), formed()]
}

fn propose_anna(by: &str, coordinates: &[&str]) -> NetworkCommand {
    NetworkCommand::ProposeCoordinator {
        id: north(),
        person: anna(),
        from: date("2026-01-01"),
        by: canton(by),
        person_cantons: coordinates.iter().map(|code| canton(code)).collect(),
    }
}

pub(super) fn anna_proposed() -> NetworkEvent {
    NetworkEvent::CoordinatorProposed {
        id: north(),
        person: anna(),
        from: date("2026-01-01"),
        by: canton("BS"),
    }
}

pub(super) fn coordinator_agreed(code: &str) -> NetworkEvent {
    NetworkEvent::CoordinatorAnswered {
        id: north(),
        by: canton(code),
        agree: true,
    }
}

pub(super) fn anna_delegated() -> NetworkEvent {
    NetworkEvent::CoordinatorDelegated {
        id: north(),
        person: anna(),
        from: date("2026-01-01"),
    }
}

fn answer(code: &str, agree: bool) -> NetworkCommand {
    NetworkCommand::AnswerProposal {
        id: north(),
        canton: canton(code),
        agree,
    }
}

#[test]
fn a_canton_proposes_a_network_it_belongs_to() {
    given::<NetworkRegistry>([])
        .when(NetworkCommand::Propose {
            id: north(),
            names: names(),
            cantons: cantons(&["BS", "AG", "BL"]),
            by: canton("BS"),
        })
        .then([proposed()]);
    given::<NetworkRegistry>([])
        .when(NetworkCommand::Propose {
            id: north(),
            names: names(),
            cantons: cantons(&["AG", "BL"]),
            by: canton("BS"),
        })
        .then_err(NetworkError::ProposerNotFounding {
            canton: canton("BS"),
        });
}

#[test]
fn a_network_is_formed_when_every_founding_canton_agreed() {
    given::<NetworkRegistry>([proposed()])
        .when(answer("AG", true))
        .then([agreed("AG")]);
    given::<NetworkRegistry>([proposed(), agreed("AG")])
        .when(answer("BL", true))
        .then([agreed("BL"), formed()]);
    given::<NetworkRegistry>([proposed()])
        .when(answer("ZH", true))
        .then_err(NetworkError::NotFounding {
            canton: canton("ZH"),
            network: north(),
        });
}

#[test]
fn one_declining_canton_closes_the_proposal() {
    let declined = NetworkEvent::ProposalAnswered {
        id: north(),
        canton: canton("AG"),
        agree: false,
    };
    given::<NetworkRegistry>([proposed()])
        .when(answer("AG", false))
        .then([declined.clone()]);
    given::<NetworkRegistry>([proposed(), declined])
        .when(answer("BL", true))
        .then_err(NetworkError::ProposalClosed(north()));
}

#[test]
fn a_network_is_not_acted_on_before_it_is_formed() {
    given::<NetworkRegistry>([proposed()])
        .when(propose_anna("BS", &["BS"]))
        .then_err(NetworkError::NotFormed(north()));
}

#[test]
fn a_canton_joins_with_the_agreement_of_every_member() {
    let join = |by: &str| NetworkCommand::AnswerJoin {
        id: north(),
        canton: canton("SO"),
        by: canton(by),
        agree: true,
    };
    let answered = |by: &str| NetworkEvent::JoinAnswered {
        id: north(),
        canton: canton("SO"),
        by: canton(by),
        agree: true,
    };
    let requested = NetworkEvent::JoinRequested {
        id: north(),
        canton: canton("SO"),
    };
    given::<NetworkRegistry>(formed_history())
        .when(NetworkCommand::RequestToJoin {
            id: north(),
            canton: canton("SO"),
        })
        .then([requested.clone()]);
    let mut history = formed_history();
    history.extend([requested, answered("AG"), answered("BL")]);
    given::<NetworkRegistry>(history.clone())
        .when(join("BS"))
        .then([
            answered("BS"),
            NetworkEvent::CantonAssigned {
                id: north(),
                canton: canton("SO"),
            },
        ]);
    given::<NetworkRegistry>(history)
        .when(NetworkCommand::AnswerJoin {
            id: north(),
            canton: canton("SO"),
            by: canton("ZH"),
            agree: true,
        })
        .then_err(NetworkError::CantonNotInNetwork {
            canton: canton("ZH"),
            network: north(),
        });
    given::<NetworkRegistry>(formed_history())
        .when(join("AG"))
        .then_err(NetworkError::NoJoinRequest {
            canton: canton("SO"),
            network: north(),
        });
}

#[test]
fn a_canton_leaves_by_its_own_decision_and_the_last_one_ends_the_network() {
    let left = |code: &str| NetworkEvent::CantonLeft {
        id: north(),
        canton: canton(code),
        on: date("2027-06-30"),
    };
    let leave = |code: &str| NetworkCommand::Leave {
        id: north(),
        canton: canton(code),
        on: date("2027-06-30"),
    };
    given::<NetworkRegistry>(formed_history())
        .when(leave("AG"))
        .then([left("AG")]);
    let mut history = formed_history();
    history.extend([left("AG"), left("BL"), left("BS")]);
    let registry = NetworkRegistry::replay(&history);
    assert_eq!(registry.network_of(canton("BS")), None);
    given::<NetworkRegistry>(history)
        .when(NetworkCommand::RequestToJoin {
            id: north(),
            canton: canton("SO"),
        })
        .then_err(NetworkError::Ended(north()));
}

#[test]
fn the_coordinator_is_proposed_by_a_member_and_agreed_by_the_others() {
    given::<NetworkRegistry>(formed_history())
        .when(propose_anna("BS", &["BS"]))
        .then([anna_proposed()]);
    let mut history = formed_history();
    history.extend([anna_proposed(), coordinator_agreed("AG")]);
    given::<NetworkRegistry>(history.clone())
        .when(NetworkCommand::AnswerCoordinator {
            id: north(),
            by: canton("BL"),
            agree: true,
        })
        .then([coordinator_agreed("BL"), anna_delegated()]);
    given::<NetworkRegistry>(history)
        .when(NetworkCommand::AnswerCoordinator {
            id: north(),
            by: canton("BL"),
            agree: false,
        })
        .then([NetworkEvent::CoordinatorAnswered {
            id: north(),
            by: canton("BL"),
            agree: false,
        }]);
    given::<NetworkRegistry>(formed_history())
        .when(propose_anna("ZH", &["BS"]))
        .then_err(NetworkError::CantonNotInNetwork {
            canton: canton("ZH"),
            network: north(),
        });
    given::<NetworkRegistry>(formed_history())
        .when(NetworkCommand::AnswerCoordinator {
            id: north(),
            by: canton("AG"),
            agree: true,
        })
        .then_err(NetworkError::NoCoordinatorProposal(north()));
}

#[test]
fn the_coordinator_coordinates_one_of_the_member_cantons() {
    given::<NetworkRegistry>(formed_history())
        .when(propose_anna("BS", &["ZH"]))
        .then_err(NetworkError::IneligibleCoordinator {
            person: anna(),
            network: north(),
        });
    given::<NetworkRegistry>(formed_history())
        .when(propose_anna("BS", &[]))
        .then_err(NetworkError::IneligibleCoordinator {
            person: anna(),
            network: north(),
        });
}

#[test]
fn refusals_of_the_cantons_rule_name_it() {
    let refusals = [
        NetworkError::ProposerNotFounding {
            canton: canton("BS"),
        },
        NetworkError::IneligibleCoordinator {
            person: anna(),
            network: north(),
        },
        NetworkError::NoCoordinatorProposal(north()),
        NetworkError::ProposalClosed(north()),
    ];
    for error in refusals {
        assert_eq!(
            error.rule(),
            Some(ConceptRule::NetworksByCantons),
            "{error}"
        );
    }
    assert_eq!(NetworkError::NoCantons.rule(), None);
}
