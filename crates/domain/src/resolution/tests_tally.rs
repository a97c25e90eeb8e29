//! How the body's rule carries a resolution: consensus against majority,
//! abstentions, ties and missing answers.

use super::*;
use crate::body::CarriedBy;

fn rules(carried_by: CarriedBy, every_answer_required: bool) -> ResolutionRules {
    ResolutionRules {
        allowed: true,
        carried_by,
        every_answer_required,
        minimum_days: 5,
    }
}

fn votes(yes: u32, no: u32, abstain: u32, missing: u32) -> Tally {
    Tally {
        yes,
        no,
        abstain,
        missing,
    }
}

fn carried(rules: ResolutionRules, tally: Tally) -> bool {
    evaluate(&rules, tally).carried()
}

#[test]
fn by_consensus_one_no_blocks_and_abstentions_do_not() {
    let consensus = rules(CarriedBy::Consensus, true);
    assert!(carried(consensus, votes(4, 0, 0, 0)));
    assert!(carried(consensus, votes(3, 0, 1, 0)));
    assert!(!carried(consensus, votes(3, 1, 0, 0)));
    assert!(!carried(consensus, votes(0, 0, 4, 0)), "abstentions alone");
}

#[test]
fn by_majority_more_yes_than_no_and_a_tie_is_not_carried() {
    let majority = rules(CarriedBy::Majority, true);
    assert!(carried(majority, votes(3, 1, 0, 0)));
    assert!(!carried(majority, votes(2, 2, 0, 0)), "a tie");
    assert!(
        carried(majority, votes(2, 1, 3, 0)),
        "abstentions not counted"
    );
    assert!(!carried(majority, votes(1, 3, 0, 0)));
}

#[test]
fn a_missing_answer_blocks_where_every_answer_is_required() {
    assert!(!carried(
        rules(CarriedBy::Majority, true),
        votes(3, 0, 0, 1)
    ));
    assert!(!carried(
        rules(CarriedBy::Consensus, true),
        votes(3, 0, 0, 1)
    ));
    // Where the body does not require every answer, silence is not counted.
    assert!(carried(
        rules(CarriedBy::Majority, false),
        votes(2, 1, 0, 2)
    ));
    assert!(carried(
        rules(CarriedBy::Consensus, false),
        votes(2, 0, 0, 2)
    ));
    assert!(!carried(
        rules(CarriedBy::Consensus, false),
        votes(0, 0, 0, 4)
    ));
}

#[test]
fn the_tally_counts_the_last_answer_of_each_voter_and_the_missing_ones() {
    let voters = [tests::person(1), tests::person(2), tests::person(3)]
        .into_iter()
        .collect();
    let answers = [
        (tests::person(1), Vote::No),
        (tests::person(2), Vote::Abstain),
    ]
    .into_iter()
    .collect();
    assert_eq!(tally(&voters, &answers), votes(0, 1, 1, 1));
}
