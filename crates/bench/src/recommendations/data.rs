//! Generated recommendations: each drafted, adopted and published to the 26
//! cantons and two conferences between 2016 and a few months ago, answered
//! by almost every addressee and reported on ten times by those that
//! committed, with a few priorities, flags and closures. The events come
//! out of the aggregate's own `decide`, so the domain rules accept them.

use std::collections::BTreeSet;
use std::time::Instant;

use anyhow::Context;
use chrono::{Days, Months, NaiveDate};
use iiz_app::App;
use iiz_domain::basis::DecisionReference;
use iiz_domain::ids::MeetingId;
use iiz_domain::recommendation::{
    Acceptance, Basis, FlagTarget, FocusArea, ImplementationReport, ImplementationStatus,
    RecommendationContent, RecommendationSource, ReportingPeriod, ReportingRhythm, Schedule,
};
use iiz_domain::text::FreeText;
use iiz_domain::{
    Aggregate, CantonCode, DomainEvent, Language, Partner, Party, Recommendation,
    RecommendationCommand, RecommendationEvent, RecommendationId, TenantId, Title,
};
use iiz_store::{AppendRequest, EventMetadata, EventStore, ExpectedVersion, NewEvent, StreamRef};

/// Reports per addressee that committed to implementation.
pub const REPORTS: usize = 10;

/// Concurrent writers filling the log.
pub const FILL_WRITERS: usize = 4;

/// The earliest publication.
const FIRST_PUBLISHED: (i32, u32, u32) = (2016, 1, 15);

/// The latest publication lies this many days before the day of the run.
const LAST_PUBLISHED_DAYS_AGO: u64 = 90;

const SUBJECTS: [&str; 12] = [
    "Fallführung",
    "Datenaustausch",
    "Arbeitsmarktintegration",
    "Nachholbildung",
    "Begleitung Jugendlicher",
    "Abklärung der Arbeitsfähigkeit",
    "Integrationsvorlehre",
    "Schnittstellen RAV–Sozialhilfe",
    "Coaching Alleinerziehender",
    "Sprachförderung",
    "Job-Coaching",
    "Zusammenarbeit mit Arbeitgebenden",
];

const VERBS: [&str; 6] = [
    "verbindlich regeln",
    "gemeinsam finanzieren",
    "kantonal verankern",
    "systematisch evaluieren",
    "interinstitutionell koordinieren",
    "ausbauen",
];

/// A small, fast, deterministic generator (SplitMix64).
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..bound`.
    fn below(&mut self, bound: usize) -> usize {
        usize::try_from(self.next() % bound.max(1) as u64).unwrap_or_default()
    }
}

/// The 26 cantons, then SODK and EDK.
pub fn addressees() -> BTreeSet<Party> {
    CantonCode::all()
        .map(|canton| Party::Tenant(TenantId::Canton(canton)))
        .chain([Party::Partner(Partner::Sodk), Party::Partner(Partner::Edk)])
        .collect()
}

/// The focus areas of the first work programme (the bench writes to the
/// store directly, so no programme needs to be adopted).
const FOCUS_AREAS: [&str; 3] = [
    "professionalisation",
    "labour_market_integration",
    "key_actors",
];

fn text(value: &str) -> anyhow::Result<FreeText> {
    Ok(FreeText::parse(value)?)
}

/// The day recommendation `index` of `count` was published: spread evenly
/// from 2016 to a few months before `today`, with a little jitter.
fn published_on(index: usize, count: usize, today: NaiveDate, rng: &mut Rng) -> NaiveDate {
    let (year, month, day) = FIRST_PUBLISHED;
    let first = NaiveDate::from_ymd_opt(year, month, day).unwrap_or(NaiveDate::MIN);
    let last = today - Days::new(LAST_PUBLISHED_DAYS_AGO);
    let span = usize::try_from((last - first).num_days().max(1)).unwrap_or(1);
    let offset = span * index / count.max(1) + rng.below(20);
    first + Days::new(u64::try_from(offset.min(span)).unwrap_or(0))
}

fn content(index: usize, rng: &mut Rng) -> anyhow::Result<RecommendationContent> {
    let subject = SUBJECTS[rng.below(SUBJECTS.len())];
    let verb = VERBS[rng.below(VERBS.len())];
    Ok(RecommendationContent {
        title: Title::parse(&format!("{subject} {verb} (E-{:04})", index + 1))?,
        text: text(&format!(
            "Die Kantone und Konferenzen sollen die {subject} {verb} und die \
             Verantwortlichkeiten zwischen den IIZ-Partnern schriftlich festhalten."
        ))?,
        language: Language::De,
        translations: Default::default(),
        rationale: text("Mehrere Anliegen aus dem Seismograf zeigen denselben Handlungsbedarf.")?,
        source: [
            RecommendationSource::EkgProposal,
            RecommendationSource::StgDecisionOnConcern,
            RecommendationSource::Study,
            RecommendationSource::NeedsAnalysis,
        ][index % 4],
        basis: Basis::default(),
        focus_area: Some(FocusArea::parse(FOCUS_AREAS[index % FOCUS_AREAS.len()])?),
    })
}

/// Mostly accepted or partly accepted; `None`: not answered yet.
fn acceptance(rng: &mut Rng) -> Option<Acceptance> {
    match rng.below(100) {
        0..4 => None,
        4..60 => Some(Acceptance::Accepted),
        60..84 => Some(Acceptance::PartlyAccepted),
        84..94 => Some(Acceptance::NotAccepted),
        _ => Some(Acceptance::NotRelevant),
    }
}

/// The status of the `k`-th report of an item: not started, planned, in
/// progress, and at the last report implemented (40 %), definitively not
/// implemented (5 %) or still in progress.
fn statuses(rng: &mut Rng) -> [ImplementationStatus; REPORTS] {
    use ImplementationStatus::*;
    let planned_from = 1 + rng.below(3);
    let progress_from = planned_from + 1 + rng.below(3);
    let outcome = match rng.below(100) {
        0..40 => Implemented,
        40..45 => NotImplemented,
        _ => InProgress,
    };
    std::array::from_fn(|k| match k {
        k if k + 1 == REPORTS => outcome,
        k if k < planned_from => NotStarted,
        k if k < progress_from => Planned,
        _ => InProgress,
    })
}

fn percent(status: ImplementationStatus, k: usize) -> Option<u8> {
    match status {
        ImplementationStatus::NotStarted => Some(0),
        ImplementationStatus::Implemented => Some(100),
        ImplementationStatus::InProgress => u8::try_from((k * 10).min(90)).ok(),
        ImplementationStatus::Planned | ImplementationStatus::NotImplemented => None,
    }
}

/// The commands recommendation `index` went through, in order.
fn commands(
    index: usize,
    count: usize,
    today: NaiveDate,
    rng: &mut Rng,
) -> anyhow::Result<(RecommendationId, Vec<RecommendationCommand>)> {
    use RecommendationCommand as C;
    let id = RecommendationId::new();
    let published = published_on(index, count, today, rng);
    let rhythm = if index.is_multiple_of(2) {
        ReportingRhythm::HalfYearly
    } else {
        ReportingRhythm::Yearly
    };
    let schedule = Schedule {
        answer_due: published
            .checked_add_months(Months::new(4))
            .context("answer date")?,
        rhythm,
    };
    let addressees = addressees();
    let mut commands = vec![
        C::Draft {
            id,
            content: content(index, rng)?,
            addressees: addressees.clone(),
            schedule,
        },
        C::Adopt {
            decision: text(&format!(
                "STG-Beschluss {}/{}",
                published.format("%Y"),
                index
            ))?,
            on: published - Days::new(30),
            decided_by: stg_meeting(index)?,
        },
        C::Publish { on: published },
    ];
    let mut committed = Vec::new();
    for party in &addressees {
        let Some(acceptance) = acceptance(rng) else {
            continue;
        };
        let justification = match acceptance {
            Acceptance::Accepted => FreeText::default(),
            _ => text("Teilweise bereits durch kantonale Massnahmen abgedeckt.")?,
        };
        commands.push(C::Answer {
            addressee: *party,
            acceptance,
            justification,
        });
        if acceptance.commits() {
            committed.push((*party, statuses(rng)));
        }
    }
    // Ten consecutive periods of one rhythm each, shorter for recent
    // recommendations so that every period has ended by the run.
    let rhythm_days = u64::from(rhythm.months()) * 365 / 12;
    let span = u64::try_from((today - published).num_days()).unwrap_or(0);
    let step = rhythm_days.min(span / (REPORTS as u64 + 1)).max(1);
    for k in 0..REPORTS {
        let from = published + Days::new(step * k as u64);
        let to = published + Days::new(step * (k as u64 + 1) - 1);
        for (party, statuses) in &committed {
            let status = statuses[k];
            commands.push(C::Report {
                addressee: *party,
                report: ImplementationReport {
                    period: ReportingPeriod { from, to },
                    status,
                    percent: percent(status, k),
                    narrative: text("Umsetzungsstand gemäss kantonaler IIZ-Steuergruppe.")?,
                    evidence: Vec::new(),
                },
            });
        }
    }
    let parties: Vec<Party> = addressees.iter().copied().collect();
    if index.is_multiple_of(5) {
        for _ in 0..2 {
            commands.push(C::Prioritize {
                addressee: parties[rng.below(parties.len())],
                priority: true,
                note: text("Vom STG als prioritär bezeichnet.")?,
            });
        }
    }
    if index.is_multiple_of(3) {
        commands.push(C::Flag {
            target: FlagTarget::Addressee(parties[rng.below(parties.len())]),
            note: text("Das EKG sieht Handlungsbedarf.")?,
        });
    }
    if index.is_multiple_of(7) {
        commands.push(C::Flag {
            target: FlagTarget::Recommendation,
            note: text("Umsetzung insgesamt verzögert.")?,
        });
    }
    if index % 16 == 5 {
        commands.push(C::Close {
            assessment: text("Abschliessende Beurteilung des STG.")?,
            decided_by: stg_meeting(index)?,
        });
    }
    Ok((id, commands))
}

/// The STG meeting item a synthetic recommendation's decisions cite: the
/// STG decides as a body, so every decision names where it was taken.
fn stg_meeting(index: usize) -> anyhow::Result<DecisionReference> {
    let meeting = MeetingId::from_uuid(uuid::Uuid::from_u128(index as u128));
    let label = Title::parse(&format!("STG-Sitzung {}, Traktandum 2", index % 4 + 1))
        .context("meeting label")?;
    Ok(DecisionReference::meeting(meeting, 2, label))
}

/// Recommendation number `index` of `count`: its stream and the encoded
/// events its commands produced.
pub fn recommendation(
    index: usize,
    count: usize,
    today: NaiveDate,
    rng: &mut Rng,
) -> anyhow::Result<(StreamRef, Vec<NewEvent>)> {
    let (id, commands) = commands(index, count, today, rng)?;
    let mut state = Recommendation::default();
    let mut events = Vec::new();
    for command in commands {
        let decided = state
            .decide(command)
            .with_context(|| format!("recommendation {index}: a command was refused"))?;
        for event in decided {
            state = state.evolve(&event);
            let (event_type, payload) = event.encode()?;
            events.push(NewEvent::new(
                event_type,
                RecommendationEvent::schema_version(event_type),
                payload,
            ));
        }
    }
    let stream = StreamRef::new(
        TenantId::National.as_str(),
        Recommendation::STREAM_TYPE,
        id.to_string(),
    );
    Ok((stream, events))
}

/// What filling took.
pub struct Prepared {
    pub events: usize,
    pub fill_seconds: f64,
}

/// Appends the generated recommendations, one append per recommendation,
/// with the app's inline projections building the read models.
pub async fn fill(app: &App, count: usize, today: NaiveDate) -> anyhow::Result<Prepared> {
    let started = Instant::now();
    let writers = (0..FILL_WRITERS).map(|writer| {
        let app = app.clone();
        tokio::spawn(async move {
            let mut rng = Rng::new(writer as u64 + 101);
            let mut events = 0;
            for index in (writer..count).step_by(FILL_WRITERS) {
                let (stream, history) = recommendation(index, count, today, &mut rng)?;
                events += history.len();
                let request = AppendRequest {
                    stream,
                    expected: ExpectedVersion::NoStream,
                    events: history,
                    metadata: EventMetadata::new("system:bench"),
                };
                app.store().append(request, app.projections()).await?;
            }
            anyhow::Ok(events)
        })
    });
    let mut events = 0;
    for writer in futures::future::join_all(writers).await {
        events += writer.context("fill task panicked")??;
    }
    Ok(Prepared {
        events,
        fill_seconds: started.elapsed().as_secs_f64(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recommendations_are_accepted_by_the_domain_and_report_ten_times() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
        let mut rng = Rng::new(3);
        for index in 0..40 {
            let (stream, events) = recommendation(index, 40, today, &mut rng).unwrap();
            assert_eq!(stream.stream_type, "recommendation");
            let types: Vec<&str> = events.iter().map(|e| e.event_type.as_str()).collect();
            assert_eq!(types[..3], ["Drafted", "Adopted", "Published"]);
            let answers = types.iter().filter(|t| **t == "Answered").count();
            let reports = types.iter().filter(|t| **t == "Reported").count();
            assert!(answers >= 20, "{answers} answers");
            assert_eq!(reports % REPORTS, 0);
            assert!(reports >= 15 * REPORTS, "{reports} reports");
            for event in events.iter().filter(|e| e.event_type == "Reported") {
                let to = event.payload["report"]["period"]["to"].as_str().unwrap();
                assert!(to < "2026-11-30", "{to}");
            }
        }
    }
}
