//! The notifier section: how fast the relay moves the log into JetStream,
//! next to a raw `async-nats` publish loop with acknowledgements over the
//! same messages in the same run, and how long it takes from a command's
//! append to the inbox item of the person it concerns.

use std::time::{Duration, Instant};

use anyhow::Context;
use iiz_app::App;
use iiz_app::concerns::NewConcern;
use iiz_app::outbound::LiveSignal;
use iiz_domain::concern::{AffectedInstitution, Channel, ConcernCommand, ConcernContent};
use iiz_domain::text::{FreeText, Title};
use iiz_domain::{Language, PersonId, TenantId};
use iiz_notifier::bus::Bus;
use iiz_notifier::contract::PublishedEvent;
use iiz_notifier::{NatsSettings, NotifierSettings};
use iiz_store::{EventStore, LogCursor, Store};
use tokio::sync::watch;

use crate::report::{Report, Row};
use crate::timing::per_second;
use crate::{BackendChoice, Settings};

/// Where the bench finds NATS with JetStream (`NATS_URL` overrides).
const DEFAULT_NATS: &str = "nats://127.0.0.1:4222";
/// The relay's share of the raw publish rate the platform must reach.
const RELAY_TARGET: f64 = 0.5;
/// The slowest append-to-inbox latency (99th percentile) accepted.
const INBOX_TARGET: Duration = Duration::from_secs(1);
/// Messages per acknowledged batch in the raw loop (the relay's batch).
const RAW_BATCH: usize = 500;

pub async fn run_notifier_benchmarks(
    settings: &Settings,
    report: &mut Report,
) -> anyhow::Result<()> {
    let nats_url = std::env::var("NATS_URL").unwrap_or_else(|_| DEFAULT_NATS.to_owned());
    let events = if settings.loads < 1_000 {
        5_000
    } else {
        50_000
    };
    for backend in &settings.backends {
        let (database, name) = crate::setup::fresh_database(*backend).await?;
        let app = App::new(database.store.clone());
        app.prepare().await?;
        app.bootstrap_tenants(&iiz_app::CantonCatalog::embedded()?, "system:bench")
            .await?;
        eprintln!("notifier, {name}: filling the log with {events} events");
        crate::replay::fill(app.store(), events).await?;
        let messages = published(app.store()).await?;
        let raw_first = raw_publish(&nats_url, &messages).await?;
        let relay = relay_rate(&app, &nats_url, messages.len()).await?;
        let raw_second = raw_publish(&nats_url, &messages).await?;
        let raw = f64::midpoint(raw_first, raw_second);
        let ratio = relay / raw;
        let verdict = if ratio >= RELAY_TARGET {
            "met"
        } else {
            "NOT met"
        };
        let mut rows = vec![
            Row::plain("messages (published events)", messages.len().to_string()),
            Row::plain(
                "relay: log → JetStream, acknowledged",
                per_second(relay, "events"),
            )
            .compared(
                format!("raw async-nats publish + ack: {}", per_second(raw, "msgs")),
                format!("{:.0} %", ratio * 100.0),
            )
            .target(format!("≥ 50 % of raw: {verdict}")),
        ];
        let bus = if *backend == BackendChoice::Postgres {
            Some(nats_url.as_str())
        } else {
            None
        };
        let latencies = inbox_latency(&app, bus, settings.loads.min(300)).await?;
        rows.push(latency_row(&latencies, bus.is_some()));
        report
            .add_section(format!("Notifier — {name}"), rows)
            .note(format!(
                "The relay and the raw loop publish the same {} messages (the public contract of \
                 each event, with Nats-Msg-Id) to a fresh stream on the same server, in batches of \
                 {RAW_BATCH} whose acknowledgements are awaited; the raw loop runs before and after \
                 the relay and the mean is shown. The relay also reads the log from the database \
                 and moves its checkpoint after each batch.",
                messages.len()
            ))
            .note(
                "Append to inbox: a Geneva coordinator submits a concern through the app; the time \
                 until the Fachstelle's inbox signal arrives on the live feed (relay, bus, durable \
                 consumer, rules, inbox write, announcement).",
            );
    }
    Ok(())
}

/// The published form of every event in the log.
async fn published(store: &Store) -> anyhow::Result<Vec<PublishedEvent>> {
    let mut all = Vec::new();
    let mut after = LogCursor::START;
    loop {
        let batch = store.read_all(after, 5_000).await?;
        let Some(last) = batch.last() else { break };
        after = last.cursor;
        all.extend(batch.iter().filter_map(PublishedEvent::of));
    }
    Ok(all)
}

fn fresh_names() -> (String, String) {
    let tag = uuid::Uuid::now_v7().simple().to_string();
    (format!("b{}", &tag[18..]), format!("BENCH_{}", &tag[18..]))
}

async fn raw_publish(url: &str, messages: &[PublishedEvent]) -> anyhow::Result<f64> {
    let (prefix, stream) = fresh_names();
    let client = async_nats::connect(url)
        .await
        .context("connecting to NATS")?;
    let jetstream = async_nats::jetstream::new(client);
    jetstream
        .create_stream(async_nats::jetstream::stream::Config {
            name: stream.clone(),
            subjects: vec![format!("{prefix}.events.>")],
            duplicate_window: Duration::from_secs(15 * 60),
            ..Default::default()
        })
        .await?;
    let bodies: Vec<(String, String, Vec<u8>)> = messages
        .iter()
        .map(|event| {
            Ok((
                event.subject(&prefix),
                event.id.to_string(),
                event.to_json()?,
            ))
        })
        .collect::<Result<_, iiz_notifier::NotifierError>>()?;
    let started = Instant::now();
    for chunk in bodies.chunks(RAW_BATCH) {
        let mut acks = Vec::with_capacity(chunk.len());
        for (subject, id, body) in chunk {
            let message = async_nats::jetstream::message::PublishMessage::build()
                .payload(body.clone().into())
                .message_id(id);
            acks.push(jetstream.send_publish(subject.clone(), message).await?);
        }
        for ack in acks {
            ack.await?;
        }
    }
    let rate = bodies.len() as f64 / started.elapsed().as_secs_f64();
    jetstream.delete_stream(&stream).await.ok();
    Ok(rate)
}

async fn relay_rate(app: &App, url: &str, expected: usize) -> anyhow::Result<f64> {
    let (prefix, stream) = fresh_names();
    let nats = NatsSettings {
        prefix,
        stream: stream.clone(),
        ..NatsSettings::new(url)
    };
    let bus = Bus::connect(app, Some(&nats)).await?;
    let (stop, stopped) = watch::channel(false);
    let started = Instant::now();
    let relay = tokio::spawn(iiz_notifier::relay::run(app.clone(), bus, wait(stopped)));
    while (app.relay_status().published() as usize) < expected {
        anyhow::ensure!(
            started.elapsed() < Duration::from_secs(600),
            "the relay published {} of {expected} events in 10 minutes",
            app.relay_status().published()
        );
        tokio::time::sleep(Duration::from_millis(2)).await;
    }
    let rate = expected as f64 / started.elapsed().as_secs_f64();
    stop.send_replace(true);
    relay.await?;
    let client = async_nats::connect(url).await?;
    async_nats::jetstream::new(client)
        .delete_stream(&stream)
        .await
        .ok();
    Ok(rate)
}

async fn wait(mut stopped: watch::Receiver<bool>) {
    while !*stopped.borrow_and_update() {
        if stopped.changed().await.is_err() {
            return;
        }
    }
}

async fn person(app: &App, email: &str) -> anyhow::Result<PersonId> {
    let credential = app
        .store()
        .credential_by_email(email)
        .await?
        .with_context(|| format!("{email} is not a demo person"))?;
    Ok(PersonId::from_uuid(credential.person))
}

fn content(n: usize) -> anyhow::Result<ConcernContent> {
    Ok(ConcernContent {
        title: Title::parse(&format!("Fin de droits et aide sociale, cas {n}"))?,
        description: FreeText::parse("Les personnes en fin de droit sont évaluées deux fois.")?,
        why_not_cantonal: FreeText::parse("Le droit fédéral fixe les compétences.")?,
        institutions: [AffectedInstitution::AlvRav].into_iter().collect(),
        focus_area: None,
        attachments: Vec::new(),
        language: Language::Fr,
    })
}

/// Append-to-inbox latencies with the whole notifier running.
async fn inbox_latency(
    app: &App,
    nats: Option<&str>,
    samples: usize,
) -> anyhow::Result<Vec<Duration>> {
    app.load_demo().await?;
    let dir = tempfile::tempdir()?;
    let mut settings = NotifierSettings::embedded(dir.path(), "http://127.0.0.1:8080");
    settings.nats = nats.map(|url| {
        let (prefix, stream) = fresh_names();
        NatsSettings {
            prefix,
            stream,
            ..NatsSettings::new(url)
        }
    });
    let stream_name = settings.nats.as_ref().map(|nats| nats.stream.clone());
    let notifier = iiz_notifier::runtime::start(app.clone(), settings).await?;
    let luc = person(app, "luc.exemple@ge.demo.iiz.invalid").await?;
    let luc = app
        .principal_of(luc, None)
        .await?
        .context("Luc's principal")?;
    let petra = person(app, "petra.muster@fachstelle.demo.iiz.invalid")
        .await?
        .to_string();
    let mut live = app.live().subscribe();
    // Let the consumer work through the demo's own events first.
    tokio::time::sleep(Duration::from_secs(3)).await;
    let mut latencies = Vec::with_capacity(samples);
    for n in 0..samples {
        let caller = app.caller(Some(&luc));
        let (id, _) = caller
            .draft_concern(NewConcern {
                origin: TenantId::parse("GE")?,
                on_behalf_of: None,
                content: content(n)?,
            })
            .await?;
        while live.try_recv().is_ok() {}
        let started = Instant::now();
        caller
            .concern_command(
                id,
                ConcernCommand::Submit {
                    channel: Channel::ViaFachstelle,
                },
            )
            .await?;
        loop {
            let signal = tokio::time::timeout(Duration::from_secs(30), live.recv())
                .await
                .context("no inbox signal within 30 s")?;
            if let Ok(LiveSignal::Inbox { person }) = signal
                && person == petra
            {
                latencies.push(started.elapsed());
                break;
            }
        }
    }
    notifier.stop().await;
    if let (Some(url), Some(stream)) = (nats, stream_name) {
        let client = async_nats::connect(url).await?;
        async_nats::jetstream::new(client)
            .delete_stream(&stream)
            .await
            .ok();
    }
    Ok(latencies)
}

fn latency_row(latencies: &[Duration], jetstream: bool) -> Row {
    let mut sorted = latencies.to_vec();
    sorted.sort();
    let at = |quantile: f64| {
        let index = ((sorted.len() as f64 - 1.0) * quantile).round() as usize;
        sorted.get(index).copied().unwrap_or_default()
    };
    let (p50, p99) = (at(0.5), at(0.99));
    let verdict = if p99 < INBOX_TARGET { "met" } else { "NOT met" };
    let bus = if jetstream {
        "JetStream"
    } else {
        "in-process bus"
    };
    Row::plain(
        format!("append → inbox ({bus}, {} submissions)", sorted.len()),
        format!(
            "p50 {:.1} ms, p99 {:.1} ms",
            p50.as_secs_f64() * 1e3,
            p99.as_secs_f64() * 1e3
        ),
    )
    .target(format!("p99 < 1 s: {verdict}"))
}
