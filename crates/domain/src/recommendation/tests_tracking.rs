//! Given/when/then: what addressees answer and report, and how the STG and
//! EKG mark items.

use super::tests::{
    addressees, adopted, canton, content, date, drafted, published, schedule, text,
};
use super::*;
use crate::partner::Partner;
use crate::testing::given;
use crate::text::Attachment;
use crate::text::{FreeText, Link, Title};

fn live() -> Vec<RecommendationEvent> {
    vec![drafted(), adopted(), published()]
}

fn with(
    mut history: Vec<RecommendationEvent>,
    more: &[RecommendationEvent],
) -> Vec<RecommendationEvent> {
    history.extend_from_slice(more);
    history
}

fn answered(party: Party, acceptance: Acceptance, version: u32) -> RecommendationEvent {
    RecommendationEvent::Answered {
        addressee: party,
        acceptance,
        justification: text("Regierungsratsbeschluss 2027/12"),
        version,
    }
}

fn answer(party: Party, acceptance: Acceptance) -> RecommendationCommand {
    RecommendationCommand::Answer {
        addressee: party,
        acceptance,
        justification: text("Regierungsratsbeschluss 2027/12"),
    }
}

fn report(to: &str, status: ImplementationStatus, percent: Option<u8>) -> ImplementationReport {
    ImplementationReport {
        period: ReportingPeriod {
            from: date("2027-01-01"),
            to: date(to),
        },
        status,
        percent,
        narrative: text("Vereinbarung RAV–Sozialdienste in Vernehmlassung"),
        evidence: vec![Attachment {
            title: Title::parse("Vernehmlassungsentwurf").unwrap(),
            link: Link::parse("https://zh.invalid/vernehmlassung.pdf").unwrap(),
        }],
    }
}

fn reported(party: Party, report: ImplementationReport, version: u32) -> RecommendationEvent {
    RecommendationEvent::Reported {
        addressee: party,
        report,
        version,
    }
}

#[test]
fn an_addressee_answers_with_a_justification_unless_it_accepts() {
    given::<Recommendation>(live())
        .when(answer(canton("ZH"), Acceptance::Accepted))
        .then([answered(canton("ZH"), Acceptance::Accepted, 1)]);
    for acceptance in [
        Acceptance::PartlyAccepted,
        Acceptance::NotAccepted,
        Acceptance::NotRelevant,
    ] {
        given::<Recommendation>(live())
            .when(RecommendationCommand::Answer {
                addressee: canton("BE"),
                acceptance,
                justification: FreeText::default(),
            })
            .then_err(RecommendationError::JustificationRequired(acceptance));
    }
    given::<Recommendation>(live())
        .when(RecommendationCommand::Answer {
            addressee: canton("BE"),
            acceptance: Acceptance::Accepted,
            justification: FreeText::default(),
        })
        .then([RecommendationEvent::Answered {
            addressee: canton("BE"),
            acceptance: Acceptance::Accepted,
            justification: FreeText::default(),
            version: 1,
        }]);
}

#[test]
fn no_answer_or_report_before_publication_or_from_a_non_addressee() {
    given::<Recommendation>([drafted(), adopted()])
        .when(answer(canton("ZH"), Acceptance::Accepted))
        .then_err(RecommendationError::NotAllowed {
            action: RecommendationAction::Answer,
            stage: RecommendationStage::Adopted,
            allowed: allowed_actions(RecommendationStage::Adopted),
        });
    given::<Recommendation>([drafted()])
        .when(RecommendationCommand::Report {
            addressee: canton("ZH"),
            report: report("2027-12-31", ImplementationStatus::InProgress, Some(40)),
        })
        .then_err(RecommendationError::NotAllowed {
            action: RecommendationAction::Report,
            stage: RecommendationStage::Draft,
            allowed: allowed_actions(RecommendationStage::Draft),
        });
    given::<Recommendation>(live())
        .when(answer(canton("GE"), Acceptance::Accepted))
        .then_err(RecommendationError::NotAnAddressee(canton("GE")));
    given::<Recommendation>(live())
        .when(RecommendationCommand::Report {
            addressee: canton("GE"),
            report: report("2027-12-31", ImplementationStatus::InProgress, Some(40)),
        })
        .then_err(RecommendationError::NotAnAddressee(canton("GE")));
}

#[test]
fn a_changed_answer_is_recorded_and_a_repeated_one_is_not() {
    let history = with(
        live(),
        &[answered(canton("ZH"), Acceptance::PartlyAccepted, 1)],
    );
    given::<Recommendation>(history.clone())
        .when(answer(canton("ZH"), Acceptance::PartlyAccepted))
        .then([]);
    given::<Recommendation>(history.clone())
        .when(answer(canton("ZH"), Acceptance::Accepted))
        .then([answered(canton("ZH"), Acceptance::Accepted, 1)]);
    let state = Recommendation::replay(&with(
        history,
        &[answered(canton("ZH"), Acceptance::Accepted, 1)],
    ));
    assert_eq!(state.acceptance(canton("ZH")), Some(Acceptance::Accepted));
}

#[test]
fn reports_follow_an_answer_that_commits_to_implementation() {
    let zh = canton("ZH");
    let in_progress = report("2027-12-31", ImplementationStatus::InProgress, Some(40));
    given::<Recommendation>(live())
        .when(RecommendationCommand::Report {
            addressee: zh,
            report: in_progress.clone(),
        })
        .then_err(RecommendationError::NotAnswered(zh));
    for acceptance in [Acceptance::NotAccepted, Acceptance::NotRelevant] {
        given::<Recommendation>(with(live(), &[answered(zh, acceptance, 1)]))
            .when(RecommendationCommand::Report {
                addressee: zh,
                report: in_progress.clone(),
            })
            .then_err(RecommendationError::NotCommitted {
                party: zh,
                acceptance,
            });
    }
    for acceptance in [Acceptance::Accepted, Acceptance::PartlyAccepted] {
        given::<Recommendation>(with(live(), &[answered(zh, acceptance, 1)]))
            .when(RecommendationCommand::Report {
                addressee: zh,
                report: in_progress.clone(),
            })
            .then([reported(zh, in_progress.clone(), 1)]);
    }
}

#[test]
fn a_report_is_checked_for_its_period_share_narrative_and_evidence() {
    let zh = canton("ZH");
    let history = with(live(), &[answered(zh, Acceptance::Accepted, 1)]);
    let refused = |report: ImplementationReport, error: RecommendationError| {
        given::<Recommendation>(history.clone())
            .when(RecommendationCommand::Report {
                addressee: zh,
                report,
            })
            .then_err(error);
    };
    let mut reversed = report("2026-12-31", ImplementationStatus::Planned, None);
    reversed.period.from = date("2027-01-01");
    refused(
        reversed,
        RecommendationError::PeriodReversed {
            from: date("2027-01-01"),
            to: date("2026-12-31"),
        },
    );
    let mut early = report("2026-11-30", ImplementationStatus::Planned, None);
    early.period.from = date("2026-01-01");
    refused(
        early,
        RecommendationError::PeriodBeforePublication {
            to: date("2026-11-30"),
            published: date("2026-12-01"),
        },
    );
    refused(
        report("2027-12-31", ImplementationStatus::InProgress, Some(101)),
        RecommendationError::PercentOutOfRange(101),
    );
    refused(
        report("2027-12-31", ImplementationStatus::Implemented, Some(80)),
        RecommendationError::PercentContradictsStatus {
            percent: 80,
            status: ImplementationStatus::Implemented,
        },
    );
    refused(
        report("2027-12-31", ImplementationStatus::NotStarted, Some(10)),
        RecommendationError::PercentContradictsStatus {
            percent: 10,
            status: ImplementationStatus::NotStarted,
        },
    );
    let mut silent = report("2027-12-31", ImplementationStatus::Planned, None);
    silent.narrative = FreeText::default();
    refused(silent, RecommendationError::Required("narrative"));
    let mut heavy = report("2027-12-31", ImplementationStatus::Planned, None);
    heavy.evidence = vec![heavy.evidence[0].clone(); MAX_EVIDENCE + 1];
    refused(
        heavy,
        RecommendationError::TooMuchEvidence { max: MAX_EVIDENCE },
    );
}

#[test]
fn every_report_is_kept_and_periods_do_not_go_back() {
    let zh = canton("ZH");
    let first = report("2027-12-31", ImplementationStatus::InProgress, Some(40));
    let history = with(
        live(),
        &[
            answered(zh, Acceptance::Accepted, 1),
            reported(zh, first.clone(), 1),
        ],
    );
    // A correction for the same period is a further report, not an overwrite.
    let corrected = report("2027-12-31", ImplementationStatus::InProgress, Some(50));
    given::<Recommendation>(history.clone())
        .when(RecommendationCommand::Report {
            addressee: zh,
            report: corrected.clone(),
        })
        .then([reported(zh, corrected, 1)]);
    let mut older = report("2027-06-30", ImplementationStatus::Planned, None);
    older.period.from = date("2027-01-01");
    given::<Recommendation>(history)
        .when(RecommendationCommand::Report {
            addressee: zh,
            report: older,
        })
        .then_err(RecommendationError::PeriodBeforeLastReport {
            to: date("2027-06-30"),
            last: date("2027-12-31"),
        });
}

#[test]
fn an_amendment_keeps_earlier_reports_attached_to_the_version_they_answered() {
    let zh = canton("ZH");
    let first = report("2027-12-31", ImplementationStatus::InProgress, Some(40));
    let mut more = addressees();
    more.insert(Party::Partner(Partner::Skos));
    let amended = RecommendationEvent::Amended {
        version: 2,
        content: content(),
        schedule: schedule(),
        added: [Party::Partner(Partner::Skos)].into(),
        decision: text("STG 2028/1"),
        summary: text("SKOS neu Adressatin"),
        decided_by: None,
    };
    let history = with(
        live(),
        &[
            answered(zh, Acceptance::Accepted, 1),
            reported(zh, first.clone(), 1),
            amended,
        ],
    );
    let second = report("2028-12-31", ImplementationStatus::Implemented, Some(100));
    given::<Recommendation>(history.clone())
        .when(RecommendationCommand::Report {
            addressee: zh,
            report: second.clone(),
        })
        .then([reported(zh, second, 2)]);
    // The added addressee has its own item from the amendment on.
    given::<Recommendation>(history)
        .when(answer(
            Party::Partner(Partner::Skos),
            Acceptance::NotRelevant,
        ))
        .then([answered(
            Party::Partner(Partner::Skos),
            Acceptance::NotRelevant,
            2,
        )]);
}

#[test]
fn an_addressee_shares_its_narrative_and_the_stg_sets_priorities() {
    let zh = canton("ZH");
    given::<Recommendation>(live())
        .when(RecommendationCommand::Share {
            addressee: zh,
            shareable: false,
        })
        .then([]);
    let shared = RecommendationEvent::SharingChanged {
        addressee: zh,
        shareable: true,
    };
    given::<Recommendation>(live())
        .when(RecommendationCommand::Share {
            addressee: zh,
            shareable: true,
        })
        .then([shared.clone()]);
    given::<Recommendation>(with(live(), &[shared]))
        .when(RecommendationCommand::Share {
            addressee: zh,
            shareable: true,
        })
        .then([]);
    let prioritized = RecommendationEvent::PriorityChanged {
        addressee: zh,
        priority: true,
        note: text("Grösster Kanton, Signalwirkung"),
    };
    given::<Recommendation>(live())
        .when(RecommendationCommand::Prioritize {
            addressee: zh,
            priority: true,
            note: text("Grösster Kanton, Signalwirkung"),
        })
        .then([prioritized.clone()]);
    given::<Recommendation>(with(live(), &[prioritized]))
        .when(RecommendationCommand::Prioritize {
            addressee: zh,
            priority: true,
            note: text("nochmals"),
        })
        .then([]);
    given::<Recommendation>(live())
        .when(RecommendationCommand::Prioritize {
            addressee: canton("GE"),
            priority: true,
            note: FreeText::default(),
        })
        .then_err(RecommendationError::NotAnAddressee(canton("GE")));
}

#[test]
fn the_ekg_flags_need_for_action_and_resolves_flags_explicitly() {
    let be = canton("BE");
    let flag = |target| RecommendationCommand::Flag {
        target,
        note: text("Keine Antwort seit 15 Monaten"),
    };
    let flagged = RecommendationEvent::Flagged {
        flag: 1,
        target: FlagTarget::Addressee(be),
        note: text("Keine Antwort seit 15 Monaten"),
    };
    given::<Recommendation>(live())
        .when(flag(FlagTarget::Addressee(be)))
        .then([flagged.clone()]);
    given::<Recommendation>(live())
        .when(flag(FlagTarget::Addressee(canton("GE"))))
        .then_err(RecommendationError::NotAnAddressee(canton("GE")));
    given::<Recommendation>(live())
        .when(RecommendationCommand::Flag {
            target: FlagTarget::Recommendation,
            note: FreeText::default(),
        })
        .then_err(RecommendationError::Required("note"));
    let history = with(live(), &[flagged]);
    given::<Recommendation>(history.clone())
        .when(flag(FlagTarget::Addressee(be)))
        .then_err(RecommendationError::AlreadyFlagged);
    given::<Recommendation>(history.clone())
        .when(flag(FlagTarget::Recommendation))
        .then([RecommendationEvent::Flagged {
            flag: 2,
            target: FlagTarget::Recommendation,
            note: text("Keine Antwort seit 15 Monaten"),
        }]);
    given::<Recommendation>(history.clone())
        .when(RecommendationCommand::ResolveFlag {
            flag: 7,
            note: text("erledigt"),
        })
        .then_err(RecommendationError::UnknownFlag(7));
    let resolved = RecommendationEvent::FlagResolved {
        flag: 1,
        target: FlagTarget::Addressee(be),
        note: text("Antwort eingegangen"),
    };
    given::<Recommendation>(history.clone())
        .when(RecommendationCommand::ResolveFlag {
            flag: 1,
            note: text("Antwort eingegangen"),
        })
        .then([resolved.clone()]);
    let history = with(history, &[resolved]);
    given::<Recommendation>(history.clone())
        .when(RecommendationCommand::ResolveFlag {
            flag: 1,
            note: text("nochmals"),
        })
        .then_err(RecommendationError::FlagAlreadyResolved(1));
    // Once resolved, the same target may be flagged again, with a new number.
    given::<Recommendation>(history.clone())
        .when(flag(FlagTarget::Addressee(be)))
        .then([RecommendationEvent::Flagged {
            flag: 2,
            target: FlagTarget::Addressee(be),
            note: text("Keine Antwort seit 15 Monaten"),
        }]);
    assert!(Recommendation::replay(&history).open_flags().is_empty());
}

#[test]
fn stored_events_keep_their_shape() {
    use crate::DomainEvent;
    let (event_type, payload) = answered(canton("ZH"), Acceptance::PartlyAccepted, 2)
        .encode()
        .unwrap();
    assert_eq!(event_type, "Answered");
    assert_eq!(
        payload,
        serde_json::json!({
            "addressee": {"kind": "tenant", "code": "ZH"},
            "acceptance": "partly_accepted",
            "justification": "Regierungsratsbeschluss 2027/12",
            "version": 2,
        })
    );
    let flagged = RecommendationEvent::Flagged {
        flag: 1,
        target: FlagTarget::Addressee(Party::Partner(Partner::Sodk)),
        note: text("x"),
    };
    let (_, payload) = flagged.encode().unwrap();
    assert_eq!(
        payload["target"],
        serde_json::json!({"scope": "addressee", "addressee": {"kind": "partner", "code": "SODK"}})
    );
    let round = RecommendationEvent::decode("Flagged", payload).unwrap();
    assert_eq!(round, flagged);
}
