//! A small recommendation history with known dates, shared by the
//! register's and the digest's tests.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use iiz_domain::recommendation::{
    Acceptance, Basis, FlagTarget, FocusArea, ImplementationReport, ImplementationStatus,
    RecommendationContent, RecommendationSource, ReportingPeriod, ReportingRhythm, Schedule,
};
use iiz_domain::text::{FreeText, Title};
use iiz_domain::{
    CantonCode, Language, Partner, Party, RecommendationEvent, RecommendationId, TenantId,
};
use iiz_store::{DocKey, DocSet};

use super::*;
use crate::get_typed;
use crate::testing::recorded;

pub(super) fn canton(code: &str) -> Party {
    Party::Tenant(TenantId::Canton(CantonCode::parse(code).unwrap()))
}

pub(super) fn day(value: &str) -> NaiveDate {
    value.parse().unwrap()
}

pub(super) fn at(value: &str) -> DateTime<Utc> {
    Utc.from_utc_datetime(&day(value).and_hms_opt(9, 0, 0).unwrap())
}

pub(super) fn text(value: &str) -> FreeText {
    FreeText::parse(value).unwrap()
}

pub(super) fn id() -> RecommendationId {
    RecommendationId::from_uuid(uuid::Uuid::from_u128(1))
}

pub(super) fn content(body: &str) -> RecommendationContent {
    RecommendationContent {
        title: Title::parse("Gemeinsame Fallführung").unwrap(),
        text: text(body),
        language: Language::De,
        translations: BTreeMap::new(),
        rationale: text("Anliegen ZH"),
        source: RecommendationSource::StgDecisionOnConcern,
        basis: Basis::default(),
        focus_area: Some(FocusArea::parse("labour_market_integration").unwrap()),
    }
}

pub(super) fn schedule() -> Schedule {
    Schedule {
        answer_due: day("2027-03-31"),
        rhythm: ReportingRhythm::Yearly,
    }
}

pub(super) fn addressees() -> BTreeSet<Party> {
    BTreeSet::from([
        canton("ZH"),
        canton("BE"),
        canton("GE"),
        Party::Partner(Partner::Sodk),
    ])
}

pub(super) fn report(
    from: &str,
    to: &str,
    status: ImplementationStatus,
    percent: u8,
) -> ImplementationReport {
    ImplementationReport {
        period: ReportingPeriod {
            from: day(from),
            to: day(to),
        },
        status,
        percent: Some(percent),
        narrative: text("Vereinbarung in Kraft"),
        evidence: vec![],
    }
}

/// Applies `history` (event, recorded on) to an empty read model.
pub(super) fn project(history: &[(RecommendationEvent, &str)]) -> DocSet {
    let mut docs = DocSet::complete();
    let register = RecommendationRegister;
    let stream = id().to_string();
    for (number, (change, on)) in history.iter().enumerate() {
        let event = recorded(("CH", "recommendation", &stream), number, change, at(on));
        assert!(register.handles(&event.stream.stream_type));
        register.apply(&mut docs, &event).unwrap();
    }
    docs
}

pub(super) fn history() -> Vec<(RecommendationEvent, &'static str)> {
    let answered = |party, acceptance, justification: &str| RecommendationEvent::Answered {
        addressee: party,
        acceptance,
        justification: text(justification),
        version: 1,
    };
    vec![
        (
            RecommendationEvent::Drafted {
                id: id(),
                content: content("Die Kantone regeln die Fallführung."),
                addressees: addressees(),
                schedule: schedule(),
            },
            "2026-10-01",
        ),
        (
            RecommendationEvent::Adopted {
                decision: text("STG 2026/4"),
                on: day("2026-11-20"),
                decided_by: None,
            },
            "2026-11-21",
        ),
        (
            RecommendationEvent::Published {
                on: day("2026-12-01"),
                addressees: addressees(),
            },
            "2026-12-01",
        ),
        (
            answered(canton("ZH"), Acceptance::Accepted, ""),
            "2027-01-10",
        ),
        (
            answered(canton("BE"), Acceptance::PartlyAccepted, "nur RAV"),
            "2027-02-01",
        ),
        (
            answered(canton("GE"), Acceptance::NotAccepted, "déjà réglé"),
            "2027-03-01",
        ),
        (
            RecommendationEvent::Reported {
                addressee: canton("ZH"),
                report: report(
                    "2027-01-01",
                    "2027-12-31",
                    ImplementationStatus::InProgress,
                    40,
                ),
                version: 1,
            },
            "2028-01-15",
        ),
        (
            RecommendationEvent::Flagged {
                flag: 1,
                target: FlagTarget::Addressee(canton("BE")),
                note: text("Kein Bericht"),
            },
            "2028-06-01",
        ),
        (
            RecommendationEvent::PriorityChanged {
                addressee: canton("ZH"),
                priority: true,
                note: text("Signalwirkung"),
            },
            "2028-06-02",
        ),
        (
            RecommendationEvent::Reported {
                addressee: canton("ZH"),
                report: report(
                    "2028-01-01",
                    "2028-12-31",
                    ImplementationStatus::Implemented,
                    100,
                ),
                version: 1,
            },
            "2029-01-10",
        ),
    ]
}

pub(super) fn rows(docs: &DocSet) -> Vec<MonitoringRow> {
    addressees()
        .into_iter()
        .map(|party| {
            let key = DocKey::new(
                RECOMMENDATION_MONITORING,
                item_key(&id().to_string(), party),
            );
            get_typed::<MonitoringRow>(docs, &key).unwrap().unwrap()
        })
        .collect()
}

pub(super) fn summary(docs: &DocSet) -> RecommendationSummary {
    let key = DocKey::new(RECOMMENDATION_INDEX, id().to_string());
    get_typed(docs, &key).unwrap().unwrap()
}

/// The history, then an amendment adding SKOS and the resolution of the
/// flag on BE.
pub(super) fn amended_history() -> Vec<(RecommendationEvent, &'static str)> {
    let mut history = history();
    history.push((
        RecommendationEvent::Amended {
            version: 2,
            content: content("Die Kantone regeln die Fallführung bis 2030."),
            schedule: schedule(),
            added: BTreeSet::from([Party::Partner(Partner::Skos)]),
            decision: text("STG 2029/1"),
            summary: text("Frist 2030, SKOS neu"),
            decided_by: None,
        },
        "2029-03-01",
    ));
    history.push((
        RecommendationEvent::FlagResolved {
            flag: 1,
            target: FlagTarget::Addressee(canton("BE")),
            note: text("Bericht angekündigt"),
        },
        "2029-03-02",
    ));
    history
}
