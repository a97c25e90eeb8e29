use chrono::NaiveDate;

use super::*;
use crate::ids::PersonId;
use crate::panorama_terms::RevisionRef;
use crate::testing::given;
use crate::text::FreeText;

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn canton(code: &str) -> CantonCode {
    CantonCode::parse(code).unwrap()
}

fn year(y: u16) -> Year {
    Year::parse(y).unwrap()
}

fn fachstelle() -> Actor {
    Actor::new(
        PersonId::from_uuid(uuid::Uuid::from_u128(1)),
        TenantId::National,
    )
}

fn coordinator(code: &str) -> Actor {
    Actor::new(
        PersonId::from_uuid(uuid::Uuid::from_u128(2)),
        TenantId::Canton(canton(code)),
    )
}

fn addressed() -> BTreeSet<CantonCode> {
    BTreeSet::from([canton("GE"), canton("ZH"), canton("TI")])
}

fn opened() -> RoundEvent {
    RoundEvent::Opened {
        year: year(2026),
        questions: QuestionSet::survey_2020(),
        cantons: addressed(),
        due: date(2026, 6, 30),
        actor: fachstelle(),
        on: date(2026, 4, 1),
    }
}

fn contents(profile_revision: u32) -> AnswerContents {
    AnswerContents {
        profile: RevisionRef {
            year: year(2026),
            revision: profile_revision,
        },
        figures: vec![RevisionRef {
            year: year(2025),
            revision: 1,
        }],
    }
}

fn answer(code: &str, on: NaiveDate) -> RoundCommand {
    RoundCommand::Answer {
        canton: canton(code),
        kind: AnswerKind::Updated,
        contents: contents(2),
        actor: coordinator(code),
        on,
    }
}

fn answered(code: &str, on: NaiveDate, late: bool) -> RoundEvent {
    RoundEvent::Answered {
        canton: canton(code),
        kind: AnswerKind::Updated,
        contents: contents(2),
        late,
        actor: coordinator(code),
        on,
    }
}

fn closed() -> RoundEvent {
    RoundEvent::Closed {
        no_answer: BTreeSet::from([canton("TI")]),
        actor: fachstelle(),
        on: date(2026, 7, 10),
    }
}

#[test]
fn the_fachstelle_opens_a_round_with_the_2020_questions() {
    let open = |actor| RoundCommand::Open {
        year: year(2026),
        questions: QuestionSet::default(),
        cantons: addressed(),
        due: date(2026, 6, 30),
        actor,
        on: date(2026, 4, 1),
    };
    given::<PanoramaRound>([])
        .when(open(fachstelle()))
        .then([opened()]);
    given::<PanoramaRound>([])
        .when(open(coordinator("ZH")))
        .then_err(RoundError::OnlyFachstelle);
    given::<PanoramaRound>([opened()])
        .when(open(fachstelle()))
        .then_err(RoundError::AlreadyOpened);
    assert_eq!(PanoramaRound::stream_id(year(2026)), "2026");
}

#[test]
fn a_round_needs_cantons_questions_and_a_due_date_after_opening() {
    let open = |cantons, questions, due| RoundCommand::Open {
        year: year(2026),
        questions,
        cantons,
        due,
        actor: fachstelle(),
        on: date(2026, 4, 1),
    };
    given::<PanoramaRound>([])
        .when(open(
            BTreeSet::new(),
            QuestionSet::default(),
            date(2026, 6, 30),
        ))
        .then_err(RoundError::NoCantons);
    given::<PanoramaRound>([])
        .when(open(
            addressed(),
            QuestionSet { questions: vec![] },
            date(2026, 6, 30),
        ))
        .then_err(RoundError::NoQuestions);
    let mut twice = QuestionSet::default();
    twice.questions.push(twice.questions[0].clone());
    given::<PanoramaRound>([])
        .when(open(addressed(), twice, date(2026, 6, 30)))
        .then_err(RoundError::QuestionTwice(
            QuestionKey::parse("strategic_organisation").unwrap(),
        ));
    given::<PanoramaRound>([])
        .when(open(addressed(), QuestionSet::default(), date(2026, 4, 1)))
        .then_err(RoundError::DueBeforeOpening {
            due: date(2026, 4, 1),
            opened: date(2026, 4, 1),
        });
}

#[test]
fn a_canton_answers_for_itself_and_late_answers_are_marked() {
    given::<PanoramaRound>([opened()])
        .when(answer("ZH", date(2026, 5, 1)))
        .then([answered("ZH", date(2026, 5, 1), false)]);
    given::<PanoramaRound>([opened()])
        .when(answer("ZH", date(2026, 7, 2)))
        .then([answered("ZH", date(2026, 7, 2), true)]);
    // Geneva cannot answer for Zurich, nor the Fachstelle for anyone.
    given::<PanoramaRound>([opened()])
        .when(RoundCommand::Answer {
            canton: canton("ZH"),
            kind: AnswerKind::Confirmed,
            contents: contents(1),
            actor: coordinator("GE"),
            on: date(2026, 5, 1),
        })
        .then_err(RoundError::NotTheCanton(canton("ZH")));
    given::<PanoramaRound>([opened()])
        .when(RoundCommand::Answer {
            canton: canton("ZH"),
            kind: AnswerKind::Confirmed,
            contents: contents(1),
            actor: fachstelle(),
            on: date(2026, 5, 1),
        })
        .then_err(RoundError::CantonAnswers(canton("ZH")));
    given::<PanoramaRound>([opened()])
        .when(answer("BE", date(2026, 5, 1)))
        .then_err(RoundError::NotAddressed(canton("BE")));
}

#[test]
fn the_same_answer_twice_is_one_answer() {
    given::<PanoramaRound>([opened(), answered("ZH", date(2026, 5, 1), false)])
        .when(answer("ZH", date(2026, 5, 2)))
        .then([]);
}

#[test]
fn an_answer_cannot_bring_data_from_a_later_year() {
    let mut later = contents(1);
    later.profile.year = year(2027);
    given::<PanoramaRound>([opened()])
        .when(RoundCommand::Answer {
            canton: canton("GE"),
            kind: AnswerKind::Confirmed,
            contents: later,
            actor: coordinator("GE"),
            on: date(2026, 5, 1),
        })
        .then_err(RoundError::LaterProfile {
            profile: year(2027),
            round: year(2026),
        });
    let mut twice = contents(1);
    twice.figures.push(twice.figures[0]);
    given::<PanoramaRound>([opened()])
        .when(RoundCommand::Answer {
            canton: canton("GE"),
            kind: AnswerKind::Confirmed,
            contents: twice,
            actor: coordinator("GE"),
            on: date(2026, 5, 1),
        })
        .then_err(RoundError::FiguresTwice(year(2025)));
}

#[test]
fn closing_records_who_did_not_answer() {
    let history = [
        opened(),
        answered("ZH", date(2026, 5, 1), false),
        answered("GE", date(2026, 5, 3), false),
    ];
    given::<PanoramaRound>(history.clone())
        .when(RoundCommand::Close {
            actor: fachstelle(),
            on: date(2026, 7, 10),
        })
        .then([closed()]);
    let mut closed_history = history.to_vec();
    closed_history.push(closed());
    given::<PanoramaRound>(closed_history)
        .when(answer("TI", date(2026, 7, 11)))
        .then_err(RoundError::NotOpen(RoundStage::Closed));
    assert_eq!(
        PanoramaRound::replay(&history).without_answer(),
        BTreeSet::from([canton("TI")])
    );
}

#[test]
fn a_closed_round_reopens_with_a_reason() {
    let history = [opened(), closed()];
    given::<PanoramaRound>(history.clone())
        .when(RoundCommand::Reopen {
            reason: FreeText::default(),
            actor: fachstelle(),
            on: date(2026, 7, 11),
        })
        .then_err(RoundError::Required("reason"));
    let reason = FreeText::parse("Ticino answered late").unwrap();
    given::<PanoramaRound>(history)
        .when(RoundCommand::Reopen {
            reason: reason.clone(),
            actor: fachstelle(),
            on: date(2026, 7, 11),
        })
        .then([RoundEvent::Reopened {
            reason,
            actor: fachstelle(),
            on: date(2026, 7, 11),
        }]);
}

fn published() -> RoundEvent {
    RoundEvent::Published {
        sections: BTreeMap::from([
            (
                canton("GE"),
                PublishedSection::Answered {
                    kind: AnswerKind::Updated,
                    contents: contents(2),
                    late: false,
                },
            ),
            (canton("TI"), PublishedSection::NoAnswer),
            (
                canton("ZH"),
                PublishedSection::Answered {
                    kind: AnswerKind::Updated,
                    contents: contents(2),
                    late: false,
                },
            ),
        ]),
        actor: fachstelle(),
        on: date(2026, 9, 1),
    }
}

#[test]
fn publishing_freezes_each_cantons_revisions_and_shows_no_answer() {
    let history = [
        opened(),
        answered("ZH", date(2026, 5, 1), false),
        answered("GE", date(2026, 5, 3), false),
        closed(),
    ];
    given::<PanoramaRound>(history[..3].to_vec())
        .when(RoundCommand::Publish {
            actor: fachstelle(),
            on: date(2026, 9, 1),
        })
        .then_err(RoundError::NotClosed(RoundStage::Open));
    given::<PanoramaRound>(history.clone())
        .when(RoundCommand::Publish {
            actor: fachstelle(),
            on: date(2026, 9, 1),
        })
        .then([published()]);
}

#[test]
fn a_published_round_is_immutable() {
    let history = vec![
        opened(),
        answered("ZH", date(2026, 5, 1), false),
        answered("GE", date(2026, 5, 3), false),
        closed(),
        published(),
    ];
    for command in [
        answer("ZH", date(2026, 9, 2)),
        RoundCommand::Reopen {
            reason: FreeText::parse("x").unwrap(),
            actor: fachstelle(),
            on: date(2026, 9, 2),
        },
        RoundCommand::Publish {
            actor: fachstelle(),
            on: date(2026, 9, 2),
        },
    ] {
        given::<PanoramaRound>(history.clone())
            .when(command)
            .then_err(RoundError::Published);
    }
    let round = PanoramaRound::replay(&history);
    assert_eq!(round.stage(), Some(RoundStage::Published));
    assert_eq!(
        round.published().and_then(|s| s.get(&canton("TI"))),
        Some(&PublishedSection::NoAnswer)
    );
}

#[test]
fn events_round_trip_through_their_stored_form() {
    use crate::DomainEvent;
    for event in [opened(), closed(), published()] {
        let (event_type, payload) = event.encode().unwrap();
        assert_eq!(RoundEvent::decode(event_type, payload).unwrap(), event);
    }
    let (_, payload) = published().encode().unwrap();
    assert_eq!(payload["sections"]["TI"]["status"], "no_answer");
    assert_eq!(
        payload["sections"]["ZH"]["contents"]["profile"]["revision"],
        2
    );
}
