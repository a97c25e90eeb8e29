//! The concerns section: the Fachstelle's intake queue and full-text search
//! over generated concerns (100,000 by default), through the app's query
//! path as the API calls it, each next to a plain SQL query for the same
//! rows on a plain table in the same run.

pub(crate) mod data;
mod plain;
mod words;
mod writers;

pub use writers::run_writer_benchmarks;

use anyhow::{Context, bail};
use iiz_app::App;
use iiz_app::concerns::{ConcernFilter, ConcernQueue};
use iiz_domain::TenantId;
use iiz_store::Store;
use iiz_store::testing::TestDatabase;

use self::data::INTAKE_PERCENT;
use self::plain::PlainConcerns;
use self::words::SEARCH_WORDS;
use crate::load::{Latency, measure_latency};
use crate::report::{Report, Row};
use crate::timing::per_second;
use crate::{BackendChoice, Settings};

/// A page, as a client asks for it.
const PAGE: usize = 50;

pub async fn run_concern_benchmarks(
    settings: &Settings,
    report: &mut Report,
) -> anyhow::Result<()> {
    for backend in &settings.backends {
        let (database, name) = crate::setup::fresh_database(*backend).await?;
        let plain_dir = tempfile::tempdir().context("create a temporary directory")?;
        let plain = match backend {
            BackendChoice::Sqlite => {
                PlainConcerns::sqlite(&plain_dir.path().join("plain.db")).await?
            }
            BackendChoice::Postgres => PlainConcerns::postgres(&database.url).await?,
        };
        let result = measure(settings, report, name, &database, &plain).await;
        plain.close().await;
        database.store.close().await;
        drop(database);
        result?;
    }
    Ok(())
}

async fn measure(
    settings: &Settings,
    report: &mut Report,
    name: &str,
    database: &TestDatabase,
    plain: &PlainConcerns,
) -> anyhow::Result<()> {
    let count = settings.concerns;
    eprintln!("concerns, {name}: generating {count} concerns");
    let app = App::new(database.store.clone());
    app.prepare().await?;
    let prepared = data::fill_and_rebuild(database, count).await?;
    eprintln!("concerns, {name}: copying them to the plain table");
    plain::copy_to_plain(&app, plain).await?;
    plain.finish().await?;
    let server = server_version(&app).await?;

    let principal = crate::setup::fachstelle();
    let caller = app.caller(Some(&principal));
    let timing = settings.timing;

    eprintln!("concerns, {name}: intake queue");
    let first_page = caller
        .concern_queue(ConcernQueue::Intake, PAGE, None)
        .await?;
    let app_ids: Vec<String> = first_page
        .items
        .iter()
        .map(|entry| entry.concern.to_string())
        .collect();
    let plain_ids = plain.intake().await?;
    let intake_same = plain_ids.iter().take(PAGE).eq(app_ids.iter());
    let queued = measure_latency(timing.warmup, settings.loads, || async {
        let page = caller
            .concern_queue(ConcernQueue::Intake, PAGE, None)
            .await?;
        if page.items.len() != app_ids.len() {
            bail!("the intake queue returned {} entries", page.items.len());
        }
        Ok(())
    })
    .await?;
    let queued_plain = measure_latency(timing.warmup, settings.loads, || async {
        plain.intake().await?;
        Ok(())
    })
    .await?;

    eprintln!("concerns, {name}: full-text search");
    let mut found = (0, 0);
    let mut differing = Vec::new();
    for word in SEARCH_WORDS {
        let page = caller.concerns(&search(word), PAGE, None).await?;
        let ids: Vec<String> = page.items.iter().map(|view| view.id.to_string()).collect();
        let plain_ids = plain.search(TenantId::National.as_str(), word).await?;
        found.0 += ids.len();
        found.1 += plain_ids.len().min(PAGE);
        if !plain_ids.iter().take(PAGE).eq(ids.iter()) {
            differing.push(word);
        }
    }
    let mut turn = 0;
    let searched = measure_latency(timing.warmup, settings.loads, || {
        let word = SEARCH_WORDS[turn % SEARCH_WORDS.len()];
        turn += 1;
        let caller = &caller;
        async move {
            caller.concerns(&search(word), PAGE, None).await?;
            Ok(())
        }
    })
    .await?;
    let mut turn = 0;
    let searched_plain = measure_latency(timing.warmup, settings.loads, || {
        let word = SEARCH_WORDS[turn % SEARCH_WORDS.len()];
        turn += 1;
        async move {
            plain.search(TenantId::National.as_str(), word).await?;
            Ok(())
        }
    })
    .await?;

    let words = SEARCH_WORDS.len();
    let rows = vec![
        Row::plain(
            "concerns generated",
            format!("{count} ({} awaiting triage)", count * INTAKE_PERCENT / 100),
        ),
        Row::plain(
            format!(
                "fill: {} events appended, one stream per concern",
                prepared.events
            ),
            format!("{:.1} s", prepared.fill_seconds),
        ),
        Row::plain(
            "rebuild of the read models",
            format!(
                "{:.1} s ({})",
                prepared.rebuild_seconds,
                per_second(
                    prepared.rebuilt_events as f64 / prepared.rebuild_seconds.max(1e-9),
                    "events"
                )
            ),
        )
        .target(format!(
            "≥ 50 000 events/s: {}",
            if prepared.rebuilt_events as f64 / prepared.rebuild_seconds.max(1e-9) >= 50_000.0 {
                "met"
            } else {
                "NOT met"
            }
        )),
        Row::plain("documents written", prepared.documents_written.to_string()),
        Row::plain(
            "writing documents (beside applying), indexes and the switch",
            format!("{:.1} s", prepared.writing_seconds),
        ),
        latency_row(
            "intake queue, first page (50 oldest), median",
            &queued,
            &queued_plain,
            Quantile::Median,
        ),
        latency_row(
            "intake queue, first page (50 oldest), p99",
            &queued,
            &queued_plain,
            Quantile::P99,
        ),
        latency_row(
            "full-text search, first page (50 newest), median",
            &searched,
            &searched_plain,
            Quantile::Median,
        ),
        latency_row(
            "full-text search, first page (50 newest), p99",
            &searched,
            &searched_plain,
            Quantile::P99,
        ),
        Row::plain(
            "rows returned per search (mean over the words)",
            format!("{:.1}", found.0 as f64 / words as f64),
        )
        .compared(format!("plain: {:.1}", found.1 as f64 / words as f64), "—"),
    ];
    let same = |same: bool| {
        if same {
            "the same rows"
        } else {
            "DIFFERENT rows"
        }
    };
    report
        .add_section(format!("Concerns — {name}"), rows)
        .note(format!(
            "{count} generated concerns (one stream each, {} events in all, appended by \
             {} writers with `NoProjection`, then `iiz_projections::rebuild`): texts \
             from word lists in German (about 62 %), French (31 %) and Italian (8 %) from 20 \
             tenants; {INTAKE_PERCENT} % await triage, the rest are spread over the other \
             stages. The fill ran with {}, the queries are reads. {server}",
            prepared.events,
            data::FILL_WRITERS,
            match name {
                "SQLite" => "`synchronous = OFF` on the store's writer",
                _ => "`synchronous_commit = off` on a separate fill pool",
            },
        ))
        .note(format!(
            "App path: `Caller::concern_queue(Intake, 50)` and `Caller::concerns(text, 50)` as \
             the Fachstelle (its own tenant's and every shared concern), {} loads each after \
             {:.1} s warm-up, the documents deserialized into views. Search words in turn: {}.",
            settings.loads,
            timing.warmup.as_secs_f64(),
            SEARCH_WORDS.map(|word| format!("«{word}»")).join(", ")
        ))
        .note(format!(
            "Plain: `plain_concerns(id, origin, tenant_id, title, description, stage, drafted_at, \
             submitted_at, search text)` with indexes on `(stage, submitted_at, id)` and \
             `(drafted_at, id)`, {}; `SELECT … WHERE stage = 'awaiting_triage' ORDER BY \
             submitted_at, id LIMIT 51` and `… WHERE <text matches> AND (tenant_id = 'CH' OR \
             tenant_id IS NULL) ORDER BY drafted_at DESC, id DESC LIMIT 51` (51: the app reads \
             one row more to know whether a page follows). Intake: {}; search: {}.",
            match name {
                "SQLite" =>
                    "an FTS5 table (`unicode61 remove_diacritics 2`, words as quoted \
                             prefixes joined by AND) in a separate file with the store's pragmas",
                _ =>
                    "a stored `tsvector` in the document's language (the store's `iiz_*` \
                      configurations) with a GIN index, `'word':*` queried in all four \
                      configurations; the database was `ANALYZE`d after loading",
            },
            same(intake_same),
            if differing.is_empty() {
                "the same rows for every word".to_owned()
            } else {
                format!("different rows for {}", differing.join(", "))
            },
        ));
    Ok(())
}

#[derive(Clone, Copy)]
pub(crate) enum Quantile {
    Median,
    P99,
}

pub(crate) fn latency_row(label: &str, app: &Latency, plain: &Latency, quantile: Quantile) -> Row {
    let (value, reference, text, reference_text) = match quantile {
        Quantile::Median => (app.median_us, plain.median_us, app.median(), plain.median()),
        Quantile::P99 => (app.p99_us, plain.p99_us, app.p99(), plain.p99()),
    };
    let ratio = if reference == 0 {
        "—".to_owned()
    } else {
        format!("{:.1}×", value as f64 / reference as f64)
    };
    Row::plain(label, text).compared(format!("plain SQL: {reference_text}"), ratio)
}

fn search(word: &str) -> ConcernFilter {
    ConcernFilter {
        text: Some(word.to_owned()),
        ..ConcernFilter::default()
    }
}

/// The database server, for the notes.
pub(crate) async fn server_version(app: &App) -> anyhow::Result<String> {
    Ok(match app.store() {
        Store::Sqlite(store) => {
            let version: String = sqlx::query_scalar("SELECT sqlite_version()")
                .fetch_one(store.writer())
                .await?;
            format!("SQLite {version}.")
        }
        Store::Postgres(store) => {
            let version: String = sqlx::query_scalar("SHOW server_version")
                .fetch_one(store.pool())
                .await?;
            format!("PostgreSQL {version}.")
        }
    })
}
