//! The Fachstelle proposes, the canton confirms or rejects.

use super::tests::{coordinator, date, documented_practice, fachstelle, opened, so, text};
use super::*;
use crate::testing::given;

fn propose() -> ProfileCommand {
    ProfileCommand::ProposeCorrection {
        change: SectionChange::Practice(documented_practice()),
        reason: text("The RRB 2018/202 documents the process"),
        actor: fachstelle(),
        on: date(2026, 5, 1),
    }
}

fn proposed() -> ProfileEvent {
    ProfileEvent::CorrectionProposed {
        proposal: 1,
        change: SectionChange::Practice(documented_practice()),
        based_on: 1,
        reason: text("The RRB 2018/202 documents the process"),
        actor: fachstelle(),
        on: date(2026, 5, 1),
    }
}

#[test]
fn the_fachstelle_proposes_a_correction_that_stays_pending() {
    given::<CantonProfile>([opened()])
        .when(propose())
        .then([proposed()]);
    let profile = CantonProfile::replay(&[opened(), proposed()]);
    assert_eq!(profile.pending_corrections().len(), 1);
    // Pending is not applied: the profile still says what the canton said.
    assert_eq!(profile.revision(), 1);
    assert_eq!(
        profile.content().map(|c| c.practice.process.documented),
        Some(Documented::Unknown)
    );
}

#[test]
fn a_canton_does_not_propose_to_itself_and_a_proposal_needs_a_reason() {
    let ProfileCommand::ProposeCorrection { change, .. } = propose() else {
        unreachable!()
    };
    given::<CantonProfile>([opened()])
        .when(ProfileCommand::ProposeCorrection {
            change: change.clone(),
            reason: text("x"),
            actor: coordinator(),
            on: date(2026, 5, 1),
        })
        .then_err(ProfileError::OnlyFachstelleProposes);
    given::<CantonProfile>([opened()])
        .when(ProfileCommand::ProposeCorrection {
            change,
            reason: FreeText::default(),
            actor: fachstelle(),
            on: date(2026, 5, 1),
        })
        .then_err(ProfileError::Required("reason"));
    given::<CantonProfile>([opened()])
        .when(ProfileCommand::ProposeCorrection {
            change: SectionChange::Practice(Practice::default()),
            reason: text("x"),
            actor: fachstelle(),
            on: date(2026, 5, 1),
        })
        .then_err(ProfileError::NothingToCorrect(Section::Practice));
}

#[test]
fn the_canton_confirms_and_the_correction_becomes_a_revision() {
    let confirm = ProfileCommand::ConfirmCorrection {
        proposal: 1,
        actor: coordinator(),
        on: date(2026, 5, 2),
    };
    let confirmed = ProfileEvent::CorrectionConfirmed {
        proposal: 1,
        revision: 2,
        change: SectionChange::Practice(documented_practice()),
        actor: coordinator(),
        on: date(2026, 5, 2),
    };
    given::<CantonProfile>([opened(), proposed()])
        .when(confirm.clone())
        .then([confirmed.clone()]);
    let profile = CantonProfile::replay(&[opened(), proposed(), confirmed.clone()]);
    assert_eq!(profile.revision(), 2);
    assert!(profile.pending_corrections().is_empty());
    given::<CantonProfile>([opened(), proposed(), confirmed])
        .when(confirm)
        .then_err(ProfileError::UnknownProposal(1));
}

#[test]
fn the_fachstelle_cannot_confirm_its_own_proposal() {
    given::<CantonProfile>([opened(), proposed()])
        .when(ProfileCommand::ConfirmCorrection {
            proposal: 1,
            actor: fachstelle(),
            on: date(2026, 5, 2),
        })
        .then_err(ProfileError::FachstelleProposes);
}

#[test]
fn the_canton_rejects_with_a_reason_or_the_fachstelle_withdraws() {
    given::<CantonProfile>([opened(), proposed()])
        .when(ProfileCommand::RejectCorrection {
            proposal: 1,
            reason: FreeText::default(),
            actor: coordinator(),
            on: date(2026, 5, 2),
        })
        .then_err(ProfileError::Required("reason"));
    let rejected = ProfileEvent::CorrectionRejected {
        proposal: 1,
        reason: text("The RRB does not describe a process"),
        actor: coordinator(),
        on: date(2026, 5, 2),
    };
    given::<CantonProfile>([opened(), proposed()])
        .when(ProfileCommand::RejectCorrection {
            proposal: 1,
            reason: text("The RRB does not describe a process"),
            actor: coordinator(),
            on: date(2026, 5, 2),
        })
        .then([rejected.clone()]);
    assert!(
        CantonProfile::replay(&[opened(), proposed(), rejected])
            .pending_corrections()
            .is_empty()
    );
    given::<CantonProfile>([opened(), proposed()])
        .when(ProfileCommand::WithdrawCorrection {
            proposal: 1,
            actor: fachstelle(),
            on: date(2026, 5, 3),
        })
        .then([ProfileEvent::CorrectionWithdrawn {
            proposal: 1,
            actor: fachstelle(),
            on: date(2026, 5, 3),
        }]);
}

#[test]
fn a_proposal_on_a_part_revised_since_cannot_be_confirmed() {
    let mut newer = documented_practice();
    newer.process.as_written = text("Prozesshandbuch 2026");
    let revised = ProfileEvent::Revised {
        revision: 2,
        change: SectionChange::Practice(newer),
        note: FreeText::default(),
        actor: coordinator(),
        on: date(2026, 5, 1),
    };
    given::<CantonProfile>([opened(), proposed(), revised])
        .when(ProfileCommand::ConfirmCorrection {
            proposal: 1,
            actor: coordinator(),
            on: date(2026, 5, 2),
        })
        .then_err(ProfileError::ProposalOutdated {
            proposal: 1,
            section: Section::Practice,
        });
    assert_eq!(so().as_str(), "SO");
}

#[test]
fn a_revision_of_another_part_leaves_a_proposal_confirmable() {
    let revised = ProfileEvent::Revised {
        revision: 2,
        change: SectionChange::Challenges(Challenges {
            items: vec![Challenge {
                category: ChallengeCategory::KnowledgeAndStaff,
                text: text("Staff turnover"),
            }],
            note: FreeText::default(),
        }),
        note: FreeText::default(),
        actor: coordinator(),
        on: date(2026, 5, 1),
    };
    given::<CantonProfile>([opened(), proposed(), revised])
        .when(ProfileCommand::ConfirmCorrection {
            proposal: 1,
            actor: coordinator(),
            on: date(2026, 5, 2),
        })
        .then([ProfileEvent::CorrectionConfirmed {
            proposal: 1,
            revision: 3,
            change: SectionChange::Practice(documented_practice()),
            actor: coordinator(),
            on: date(2026, 5, 2),
        }]);
}
