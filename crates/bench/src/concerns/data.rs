//! Generated concerns: texts in German, French and Italian from the word
//! lists, spread over the cantons and the stages of the workflow, each as
//! the stream of events the workflow would have recorded.

use std::collections::BTreeSet;
use std::time::Instant;

use anyhow::Context;
use iiz_app::App;
use iiz_domain::concern::{
    AffectedInstitution, Channel, ConcernContent, ConcernEvent, EkgOutcome, ReturnReason,
    RouteSnapshot, RouteStep, StepActor, StepKind, StgOutcome,
};
use iiz_domain::focus::ConcernFocus;
use iiz_domain::text::FreeText;
use iiz_domain::{
    CantonCode, ConcernId, DomainEvent, Language, Party, RecommendationId, TenantId, TenantRole,
    Title,
};
use iiz_store::testing::TestDatabase;
use iiz_store::{
    AppendRequest, EventMetadata, EventStore, ExpectedVersion, NewEvent, NoProjection,
    PgEventStore, Store, StreamRef,
};
use sqlx::postgres::{PgConnectOptions, PgPoolOptions};

use super::words::{DE, FR, IT, ORIGINS, Words};

/// Share (in percent) of the concerns waiting in the Fachstelle's intake.
pub const INTAKE_PERCENT: usize = 20;

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

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        let index = usize::try_from(self.next() % items.len() as u64).unwrap_or_default();
        &items[index]
    }
}

fn institution_kind(name: &str, words: &Words) -> AffectedInstitution {
    match words.institutions.iter().position(|item| *item == name) {
        Some(0 | 5) => AffectedInstitution::AlvRav,
        Some(1) => AffectedInstitution::Iv,
        Some(2) => AffectedInstitution::Sh,
        Some(3 | 6) => AffectedInstitution::BbBslb,
        Some(4 | 7) => AffectedInstitution::Mig,
        _ => AffectedInstitution::Other,
    }
}

pub(super) fn content(rng: &mut Rng, words: &Words) -> anyhow::Result<ConcernContent> {
    let group = *rng.pick(&words.groups);
    let a = *rng.pick(&words.institutions);
    let mut b = *rng.pick(&words.institutions);
    while b == a {
        b = *rng.pick(&words.institutions);
    }
    let problem = *rng.pick(&words.problems);
    let place = *rng.pick(words.places);
    let first = *rng.pick(&words.sentences);
    let second = *rng.pick(&words.sentences);
    let description = (words.description)(place, first, second, &group.to_lowercase());
    Ok(ConcernContent {
        title: Title::parse(&(words.title)(group, a, b, problem))?,
        description: FreeText::parse(description)?,
        why_not_cantonal: FreeText::parse(*rng.pick(&words.why))?,
        institutions: [institution_kind(a, words), institution_kind(b, words)].into(),
        // Written straight to the store, as old concerns were: free text
        // that names no focus area reads as a note.
        focus_area: Some(ConcernFocus::Note {
            note: Title::parse(problem)?,
        }),
        attachments: Vec::new(),
        language: words.language,
    })
}

fn tenant(code: &str) -> anyhow::Result<TenantId> {
    Ok(match code {
        "CH" => TenantId::National,
        code => TenantId::Canton(CantonCode::parse(code)?),
    })
}

fn text(value: &str) -> anyhow::Result<FreeText> {
    Ok(FreeText::parse(value)?)
}

/// The events after `Drafted` that bring concern number `index` to its
/// stage: 20 % await triage, the others are spread over the other stages.
fn story(index: usize, origin: TenantId) -> anyhow::Result<(bool, Vec<ConcernEvent>)> {
    use ConcernEvent::*;
    let released = || vec![RouteStarted, Released];
    let submitted = |channel| {
        let mut events = released();
        events.push(Submitted { channel });
        events
    };
    let accepted = || -> anyhow::Result<Vec<ConcernEvent>> {
        let mut events = submitted(Channel::ViaFachstelle);
        events.push(Accepted {
            note: text("Zur Prüfung an das EKG.")?,
        });
        Ok(events)
    };
    let proposed = || -> anyhow::Result<Vec<ConcernEvent>> {
        let mut events = accepted()?;
        events.push(Examined {
            outcome: EkgOutcome::ProposeToStg {
                proposal: StgOutcome::Recommendation,
            },
            rationale: text("Antrag an das STG.")?,
            decided_by: None,
        });
        Ok(events)
    };
    let decided = || -> anyhow::Result<Vec<ConcernEvent>> {
        let mut events = proposed()?;
        events.push(Decided {
            outcome: StgOutcome::Recommendation,
            decision: text("STG-Beschluss: Empfehlung an die Kantone.")?,
            rationale: text("Breit abgestützt.")?,
            decided_by: None,
        });
        Ok(events)
    };
    let bucket = index % 100;
    let routed = (20..28).contains(&bucket);
    let events = match bucket {
        0..20 => submitted(Channel::ViaFachstelle),
        20..28 => vec![RouteStarted],
        28..40 => Vec::new(),
        40..52 => released(),
        52..57 => vec![ResolvedLocally {
            rationale: text("Im Kanton gelöst.")?,
        }],
        57..62 => vec![Withdrawn {
            rationale: text("Zurückgezogen.")?,
        }],
        62..67 => {
            let mut events = submitted(Channel::ViaFachstelle);
            events.push(Returned {
                reason: ReturnReason::CantonalMatter,
                rationale: text("Kantonale Angelegenheit.")?,
                needed: FreeText::default(),
            });
            events
        }
        67..77 => accepted()?,
        77..82 => {
            let mut events = accepted()?;
            events.push(Examined {
                outcome: EkgOutcome::HandleInEkg,
                rationale: text("Das EKG behandelt das Anliegen selbst.")?,
                decided_by: None,
            });
            events
        }
        82..87 => proposed()?,
        87..92 => decided()?,
        _ => {
            let mut events = decided()?;
            events.push(Answered {
                text: text("Das STG hat eine Empfehlung beschlossen.")?,
                recipients: BTreeSet::from([Party::Tenant(origin)]),
                recommendation: Some(RecommendationId::new()),
                follow_ups: Vec::new(),
            });
            events
        }
    };
    Ok((routed, events))
}

/// Concern number `index`: its stream and its encoded events.
pub fn concern(index: usize, rng: &mut Rng) -> anyhow::Result<(StreamRef, Vec<NewEvent>)> {
    let (code, language) = *rng.pick(&ORIGINS);
    let origin = tenant(code)?;
    let words = match language {
        Language::Fr => &FR,
        Language::It => &IT,
        _ => &DE,
    };
    let id = ConcernId::new();
    let (routed, story) = story(index, origin)?;
    let route = if routed {
        RouteSnapshot {
            version: 1,
            steps: vec![RouteStep {
                label: Title::parse("Prüfung durch die Geschäftsstelle")?,
                actor: StepActor::Role(TenantRole::Office),
                kind: StepKind::Approves,
            }],
        }
    } else {
        RouteSnapshot::default()
    };
    let drafted = ConcernEvent::Drafted {
        id,
        origin,
        on_behalf_of: None,
        content: content(rng, words)?,
        route,
    };
    let events = std::iter::once(drafted)
        .chain(story)
        .map(|event| {
            let (event_type, payload) = event.encode()?;
            Ok(NewEvent::new(
                event_type,
                ConcernEvent::schema_version(event_type),
                payload,
            ))
        })
        .collect::<anyhow::Result<Vec<_>>>()?;
    Ok((iiz_app::concerns::concern_stream(origin, id), events))
}

/// Concurrent writers filling the log.
pub const FILL_WRITERS: usize = 4;

/// What filling and rebuilding took.
pub struct Prepared {
    pub events: usize,
    pub fill_seconds: f64,
    pub rebuild_seconds: f64,
    pub rebuilt_events: u64,
    pub documents_written: usize,
    /// Of the rebuild, the time spent writing documents (beside applying
    /// events), indexes and the switch.
    pub writing_seconds: f64,
}

/// Appends the generated concerns and rebuilds the read models, on a
/// connection that does not wait for the disk.
pub async fn fill_and_rebuild(database: &TestDatabase, count: usize) -> anyhow::Result<Prepared> {
    let fast = match &database.store {
        Store::Sqlite(store) => {
            sqlx::query("PRAGMA synchronous = OFF")
                .execute(store.writer())
                .await?;
            database.store.clone()
        }
        Store::Postgres(_) => {
            let options: PgConnectOptions = database.url.parse()?;
            let pool = PgPoolOptions::new()
                .max_connections(u32::try_from(FILL_WRITERS)? + 1)
                .connect_with(options.options([("synchronous_commit", "off")]))
                .await?;
            Store::Postgres(PgEventStore::from_pool(pool).with_upcaster(iiz_app::upcasters()))
        }
    };
    let started = Instant::now();
    let writers = (0..FILL_WRITERS).map(|writer| {
        let store = fast.clone();
        tokio::spawn(async move {
            let mut rng = Rng::new(writer as u64 + 1);
            let mut events = 0;
            for index in (writer..count).step_by(FILL_WRITERS) {
                let (stream, history) = concern(index, &mut rng)?;
                events += history.len();
                let request = AppendRequest {
                    stream,
                    expected: ExpectedVersion::NoStream,
                    events: history,
                    metadata: EventMetadata::new("system:bench"),
                };
                store.append(request, &NoProjection).await?;
            }
            anyhow::Ok(events)
        })
    });
    let mut events = 0;
    for writer in futures::future::join_all(writers).await {
        events += writer.context("fill task panicked")??;
    }
    let fill_seconds = started.elapsed().as_secs_f64();
    let fast_app = App::new(fast.clone());
    let started = Instant::now();
    let rebuilt =
        iiz_projections::rebuild(fast_app.store(), fast_app.projections(), &|_| {}).await?;
    let rebuild_seconds = started.elapsed().as_secs_f64();
    match &fast {
        Store::Sqlite(store) => {
            sqlx::query("PRAGMA synchronous = FULL")
                .execute(store.writer())
                .await?;
        }
        Store::Postgres(_) => fast.close().await,
    }
    Ok(Prepared {
        events,
        fill_seconds,
        rebuild_seconds,
        rebuilt_events: rebuilt.events,
        documents_written: rebuilt.documents_written,
        writing_seconds: rebuilt.writing.as_secs_f64(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn concerns_are_valid_streams_with_a_fifth_in_the_intake() {
        let mut rng = Rng::new(7);
        let mut intake = 0;
        for index in 0..200 {
            let (stream, events) = concern(index, &mut rng).unwrap();
            assert_eq!(stream.stream_type, "concern");
            assert_eq!(events[0].event_type, "Drafted");
            if events.last().map(|event| event.event_type.as_str()) == Some("Submitted")
                && events[events.len() - 1].payload["channel"] == "via_fachstelle"
            {
                intake += 1;
            }
        }
        assert_eq!(intake, 200 * INTAKE_PERCENT / 100);
    }
}
