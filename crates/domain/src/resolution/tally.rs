//! How a body's rule carries a circular resolution from its answers.

use std::collections::{BTreeMap, BTreeSet};

use super::command::{Outcome, Tally, Vote};
use crate::body::{CarriedBy, ResolutionRules};
use crate::ids::PersonId;

/// Counts the last answer of each voter.
pub fn tally(voters: &BTreeSet<PersonId>, answers: &BTreeMap<PersonId, Vote>) -> Tally {
    let mut tally = Tally::default();
    for voter in voters {
        match answers.get(voter) {
            Some(Vote::Yes) => tally.yes += 1,
            Some(Vote::No) => tally.no += 1,
            Some(Vote::Abstain) => tally.abstain += 1,
            None => tally.missing += 1,
        }
    }
    tally
}

/// Whether `tally` carries the resolution under `rules`:
/// - when every answer is required, a missing answer means not carried;
/// - by consensus: nobody answered no, and at least one answered yes
///   (abstentions do not block; missing answers, where not required, are
///   not counted);
/// - by majority: more yes than no among the votes cast (abstentions and
///   missing answers are not counted; a tie is not carried).
pub fn evaluate(rules: &ResolutionRules, tally: Tally) -> Outcome {
    if rules.every_answer_required && tally.missing > 0 {
        return Outcome::NotCarried {
            reason: format!(
                "{} of {} voters did not answer, and the body requires every answer",
                tally.missing,
                tally.yes + tally.no + tally.abstain + tally.missing
            ),
        };
    }
    if tally.yes == 0 {
        return Outcome::NotCarried {
            reason: "nobody answered yes".to_owned(),
        };
    }
    match rules.carried_by {
        CarriedBy::Consensus if tally.no > 0 => Outcome::NotCarried {
            reason: format!(
                "{} voters answered no, and the body decides by consensus",
                tally.no
            ),
        },
        CarriedBy::Majority if tally.yes <= tally.no => Outcome::NotCarried {
            reason: format!(
                "{} yes against {} no is no majority of the votes cast",
                tally.yes, tally.no
            ),
        },
        CarriedBy::Consensus | CarriedBy::Majority => Outcome::Carried,
    }
}
