//! The memory section: the resident memory of the real `iiz serve`
//! process (a child of the bench, `/proc/<pid>/status`) idle after start,
//! after 100 sign-ins, after a mixed load, and serving the concerns
//! section's large data set — per allocator when several `iiz` binaries are
//! given (`--iiz`). The target: under 100 MB after 100 sign-ins.

mod child;
mod traffic;

use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::Context;
use iiz_app::App;

use self::child::{Resident, Server, megabytes};
use crate::report::{Report, Row};
use crate::{BackendChoice, Settings};

/// The goal of the issue after the sign-ins, in MB (10⁶ bytes).
const TARGET_MB: f64 = 100.0;
/// Sign-ins of point (b), by this many concurrent clients.
const SIGN_INS: usize = 100;
const SIGN_IN_CLIENTS: usize = 8;
/// The mixed load's clients: drafting and commenting, reading pages.
const WRITERS: usize = 4;
const READERS: usize = 4;
/// Pause before each reading, so in-flight work has ended.
const SETTLE: Duration = Duration::from_secs(1);

/// The readings of one server, with what each point did.
struct Points {
    allocator: String,
    readings: Vec<Reading>,
    notes: Vec<String>,
}

/// One reading of the server's memory.
struct Reading {
    label: String,
    resident: Resident,
    /// Whether the target applies (after the demo's sign-ins).
    target: bool,
}

pub async fn run_memory_benchmarks(settings: &Settings, report: &mut Report) -> anyhow::Result<()> {
    let binaries = match settings.iiz_binaries.as_slice() {
        [] => vec![child::default_binary()?],
        given => given.to_vec(),
    };
    for backend in &settings.backends {
        let name = match backend {
            BackendChoice::Sqlite => "SQLite",
            BackendChoice::Postgres => "PostgreSQL",
        };
        let mut all = Vec::new();
        for binary in &binaries {
            all.push(fresh_points(settings, *backend, binary).await?);
        }
        large_points(settings, *backend, &binaries, &mut all).await?;
        let mut rows = Vec::new();
        let mut notes = Vec::new();
        for points in &all {
            for Reading {
                label,
                resident,
                target,
            } in &points.readings
            {
                let mut row = Row::plain(
                    format!("{}: {label}", points.allocator),
                    format!("{:.1} MB", megabytes(resident.rss_kib)),
                )
                .compared(
                    format!(
                        "heap and stacks {:.1} MB, peak {:.1} MB, {} threads",
                        megabytes(resident.anon_kib),
                        megabytes(resident.peak_kib),
                        resident.threads
                    ),
                    "—",
                );
                if *target {
                    let met = megabytes(resident.rss_kib) < TARGET_MB;
                    row = row.target(format!(
                        "< {TARGET_MB:.0} MB: {}",
                        if met { "met" } else { "NOT met" }
                    ));
                }
                rows.push(row);
            }
            notes.extend(
                points
                    .notes
                    .iter()
                    .map(|note| format!("{}: {note}", points.allocator)),
            );
        }
        let section = report.add_section(format!("Memory — {name}"), rows);
        section.note(format!(
            "The real `iiz serve --demo --listen 127.0.0.1:0` as a child process of the bench \
             (environment cleared; a fresh data directory; `IIZ_REQUESTS_PER_MINUTE={}` so the \
             load's clients, all on 127.0.0.1, are not answered 429 — the sign-in throttle \
             counts only failures and needs no change). Result: `VmRSS` of `/proc/<pid>/status` \
             {} s after each step; beside it `RssAnon` (heap and stacks; the rest is mostly the \
             binary's own pages), `VmHWM` (the highest so far) and the threads. MB are 10⁶ \
             bytes.",
            child::REQUESTS_PER_MINUTE,
            SETTLE.as_secs(),
        ));
        section.note(format!(
            "(a) after start: migrations, read models and the demo loaded (which sets a \
             password per demo person: an Argon2 hash of 19 MiB each), nobody signed in. (b) {SIGN_INS} \
             sign-ins through GraphQL's `signIn` by {SIGN_IN_CLIENTS} concurrent clients, the \
             demo logins in turn. (c) then {:.0} s of mixed load: {WRITERS} clients drafting a \
             concern (`draftConcern`, Zurich's office) and commenting on it twice \
             (`commentOnConcern`), {READERS} clients requesting {} in turn as the Fachstelle's \
             office (session cookie). (d) a new server on the concerns section's generated data \
             set ({} concerns, plus the demo), idle after start, then the same sign-ins and \
             mixed load.",
            settings.memory_load.as_secs_f64(),
            traffic::PAGES.join(", "),
            settings.concerns,
        ));
        for note in notes {
            section.note(note);
        }
    }
    Ok(())
}

/// Points (a) to (c) on a fresh database.
async fn fresh_points(
    settings: &Settings,
    backend: BackendChoice,
    binary: &Path,
) -> anyhow::Result<Points> {
    let allocator = child::allocator_of(binary)?;
    let data = tempfile::tempdir().context("temporary data directory")?;
    // SQLite: the embedded default in the data directory. PostgreSQL: a
    // fresh database, closed here before the server opens it.
    let database = match backend {
        BackendChoice::Sqlite => None,
        BackendChoice::Postgres => {
            let (database, _) = crate::setup::fresh_database(backend).await?;
            database.store.close().await;
            Some(database)
        }
    };
    let url = database.as_ref().map(|database| database.url.clone());
    eprintln!("memory, {allocator}: starting {}", binary.display());
    let mut server = Server::start(binary, data.path(), url.as_deref(), false, "fresh")?;
    let mut points = Points {
        allocator,
        readings: Vec::new(),
        notes: Vec::new(),
    };
    load_and_read(settings, &mut server, &mut points, None).await?;
    drop(server);
    drop(database);
    Ok(points)
}

/// Point (d): a server per binary on the generated data set.
async fn large_points(
    settings: &Settings,
    backend: BackendChoice,
    binaries: &[PathBuf],
    all: &mut [Points],
) -> anyhow::Result<()> {
    let (database, name) = crate::setup::fresh_database(backend).await?;
    App::new(database.store.clone()).prepare().await?;
    eprintln!("memory, {name}: generating {} concerns", settings.concerns);
    let prepared = crate::concerns::data::fill_and_rebuild(&database, settings.concerns).await?;
    database.store.close().await;
    for (binary, points) in binaries.iter().zip(all.iter_mut()) {
        let data = tempfile::tempdir().context("temporary data directory")?;
        eprintln!(
            "memory, {}: starting on {} concerns",
            points.allocator, settings.concerns
        );
        let mut server = Server::start(binary, data.path(), Some(&database.url), true, "large")?;
        let step = format!("(d) {} concerns", settings.concerns);
        load_and_read(settings, &mut server, points, Some(&step)).await?;
    }
    if let Some(points) = all.first_mut() {
        points.notes.push(format!(
            "the data set of (d): {} events of {} concerns appended in {:.1} s, read models \
             rebuilt in {:.1} s, before the servers started",
            prepared.events, settings.concerns, prepared.fill_seconds, prepared.rebuild_seconds
        ));
    }
    Ok(())
}

/// Reads the server idle, after the sign-ins and after the mixed load;
/// `step` names the points: `None` for (a)–(c), else (d) with its name.
async fn load_and_read(
    settings: &Settings,
    server: &mut Server,
    points: &mut Points,
    step: Option<&str>,
) -> anyhow::Result<()> {
    let label = |fresh: &str, large: &str| match step {
        None => fresh.to_owned(),
        Some(step) => format!("{step}: {large}"),
    };
    tokio::time::sleep(SETTLE).await;
    points.readings.push(Reading {
        label: label("(a) idle after start, demo loaded", "idle after start"),
        resident: server.resident()?,
        target: false,
    });
    let took = traffic::sign_ins(&server.base_url, &server.logins, SIGN_INS, SIGN_IN_CLIENTS)
        .await
        .context("the sign-ins")?;
    tokio::time::sleep(SETTLE).await;
    let signed_in = format!("after {SIGN_INS} sign-ins");
    points.readings.push(Reading {
        label: label(&format!("(b) {signed_in}"), &signed_in),
        resident: server.resident()?,
        target: step.is_none(),
    });
    let done = traffic::mixed_load(&server.base_url, WRITERS, READERS, settings.memory_load)
        .await
        .context("the mixed load")?;
    tokio::time::sleep(SETTLE).await;
    let loaded = format!(
        "after {:.0} s of mixed load",
        settings.memory_load.as_secs_f64()
    );
    points.readings.push(Reading {
        label: label(&format!("(c) {loaded}"), &loaded),
        resident: server.resident()?,
        target: false,
    });
    points.notes.push(format!(
        "{}{SIGN_INS} sign-ins of {} demo logins took {:.1} s; the mixed load drafted {} \
         concerns, commented {} times and read {} pages",
        step.map(|step| format!("{step}: ")).unwrap_or_default(),
        server.logins.len(),
        took.as_secs_f64(),
        done.drafts,
        done.comments,
        done.pages,
    ));
    Ok(())
}
