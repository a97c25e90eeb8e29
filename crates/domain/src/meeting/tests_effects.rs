//! Given/when/then: a decision's effect fits its item, and once carried
//! out it stays; a refused one may be corrected and carried out afresh.

use super::tests::{decision, minuted, prepared, text};
use super::*;
use crate::concern::EkgOutcome;
use crate::testing::given;

#[test]
fn a_decision_effect_fits_its_item_and_once_carried_out_it_stays() {
    let mut history = prepared();
    let record = |decision: Decision| MeetingCommand::RecordMinutes {
        number: 2,
        note: text("Diskussion"),
        decision: Some(decision),
    };
    let mut adopt = decision();
    adopt.effect = Some(DecisionEffect::Adopt);
    given::<Meeting>(history.clone())
        .when(record(adopt))
        .then_err(MeetingError::EffectDoesNotFit {
            effect: "adopt",
            subject: "concern",
        });
    history.push(minuted(2, "Diskussion", Some(decision())));
    // A refused step leaves the decision open to correction, which is then
    // carried out afresh.
    let refused = MeetingEvent::PropagationRecorded {
        number: 2,
        propagation: Propagation::Refused {
            reason: "the concern is not before the EKG".to_owned(),
        },
    };
    let mut corrected = decision();
    corrected.effect = Some(DecisionEffect::Examine {
        outcome: EkgOutcome::HandleInEkg,
    });
    let mut after_refusal = history.clone();
    after_refusal.push(refused);
    after_refusal.push(minuted(2, "Diskussion", Some(corrected.clone())));
    given::<Meeting>(after_refusal)
        .when(MeetingCommand::RecordPropagation {
            number: 2,
            propagation: Propagation::Applied,
        })
        .then([MeetingEvent::PropagationRecorded {
            number: 2,
            propagation: Propagation::Applied,
        }]);
    // An applied decision is history: it is neither changed nor refused.
    history.push(MeetingEvent::PropagationRecorded {
        number: 2,
        propagation: Propagation::Applied,
    });
    given::<Meeting>(history.clone())
        .when(record(corrected))
        .then_err(MeetingError::AlreadyCarriedOut(2));
    given::<Meeting>(history.clone())
        .when(MeetingCommand::RecordPropagation {
            number: 2,
            propagation: Propagation::Refused {
                reason: "late".to_owned(),
            },
        })
        .then_err(MeetingError::AlreadyCarriedOut(2));
    // Recording the same minutes again changes nothing.
    given::<Meeting>(history).when(record(decision())).then([]);
}

#[test]
fn the_work_programme_of_a_period_is_an_item_the_stg_decides_without_an_effect() {
    let from = chrono::NaiveDate::from_ymd_opt(2027, 1, 1).unwrap();
    let item = AgendaItem {
        title: Title::parse("Arbeitsprogramm 2027–2028").unwrap(),
        purpose: ItemPurpose::Decision,
        subject: ItemSubject::WorkProgramme(from),
        note: text("Antrag der Fachstelle"),
        documents: vec![],
    };
    let mut history = prepared();
    given::<Meeting>(history.clone())
        .when(MeetingCommand::AddItem {
            item: item.clone(),
            reason: text("Nachtrag"),
        })
        .then([MeetingEvent::ItemAdded {
            number: 3,
            item: item.clone(),
            revision: Some(text("Nachtrag")),
        }]);
    history.push(MeetingEvent::ItemAdded {
        number: 3,
        item,
        revision: Some(text("Nachtrag")),
    });
    // The secretariat records the adoption with this item as its basis: the
    // minutes carry the decision, no effect.
    let mut adopted = decision();
    adopted.effect = None;
    given::<Meeting>(history.clone())
        .when(MeetingCommand::RecordMinutes {
            number: 3,
            note: text("Verabschiedet"),
            decision: Some(adopted.clone()),
        })
        .then([minuted(3, "Verabschiedet", Some(adopted))]);
    // No step of a concern or a recommendation fits it.
    let mut examine = decision();
    examine.effect = Some(DecisionEffect::Adopt);
    given::<Meeting>(history)
        .when(MeetingCommand::RecordMinutes {
            number: 3,
            note: text("Verabschiedet"),
            decision: Some(examine),
        })
        .then_err(MeetingError::EffectDoesNotFit {
            effect: "adopt",
            subject: "work_programme",
        });
    let json = serde_json::to_value(ItemSubject::WorkProgramme(from)).unwrap();
    assert_eq!(
        json,
        serde_json::json!({"kind": "work_programme", "ref": "2027-01-01"})
    );
}
