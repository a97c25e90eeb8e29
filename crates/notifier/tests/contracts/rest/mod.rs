//! The commands the demo leaves out, so that every event type occurs in the
//! log at least once. Each runs through `App::execute`, the one path every
//! change takes (load, decide, append, project), on aggregates of its own
//! where it can, so the demo's story stays untouched.

mod bodies;
mod concern_paths;
mod panorama;
mod resolutions;
mod steering;

use std::collections::BTreeSet;
use std::fmt::Debug;

use chrono::{NaiveDate, NaiveDateTime};
use iiz_app::App;
use iiz_app::concerns::concern_stream;
use iiz_app::people::network_registry_stream;
use iiz_app::tenants::tenant_stream;
use iiz_domain::concern::{
    AffectedInstitution, Attachment, CommentVisibility, ConcernContent, RouteSnapshot,
};
use iiz_domain::tenant::{Tenant, TenantCommand};
use iiz_domain::text::{FreeText, LocalizedName};
use iiz_domain::{
    Aggregate, CantonCode, Concern, ConcernCommand, ConcernId, Language, Link, NetworkCommand,
    NetworkId, NetworkRegistry, TenantId, Title,
};
use iiz_store::{EventMetadata, RecordedEvent, StreamRef};

const ACTOR: &str = "system:contracts-test";

/// A comment only Zurich may read: it must never leave the platform.
pub const INTERNAL_COMMENT: &str = "Intern: Budget der Sozialhilfe noch offen";
/// A comment for everyone who sees the concern: it is published.
pub const SHARED_COMMENT: &str = "Auch im Kanton Bern beobachtet";

/// Runs one command and insists that it recorded something.
async fn run<A>(app: &App, stream: &StreamRef, command: A::Command)
where
    A: Aggregate,
    A::Command: Clone + Debug,
{
    let executed = app
        .execute::<A>(stream.clone(), command.clone(), EventMetadata::new(ACTOR))
        .await
        .unwrap_or_else(|error| panic!("{command:?} on {stream:?}: {error}"));
    assert!(!executed.events.is_empty(), "{command:?} recorded nothing");
}

fn title(text: &str) -> Title {
    Title::parse(text).unwrap()
}

/// A body's decision a step records: item 2 of a meeting's minutes.
fn minuted(label: &str) -> iiz_domain::basis::DecisionReference {
    iiz_domain::basis::DecisionReference::meeting(
        iiz_domain::ids::MeetingId::from_uuid(uuid::Uuid::from_u128(42)),
        2,
        title(label),
    )
}

fn text(text: &str) -> FreeText {
    FreeText::parse(text).unwrap()
}

fn day(date: &str) -> NaiveDate {
    date.parse().unwrap()
}

fn at(time: &str) -> NaiveDateTime {
    time.parse().unwrap()
}

fn names(de: &str, fr: &str, it: &str) -> LocalizedName {
    LocalizedName::parse([
        (Language::De, de.to_owned()),
        (Language::Fr, fr.to_owned()),
        (Language::It, it.to_owned()),
    ])
    .unwrap()
}

fn zurich() -> TenantId {
    TenantId::Canton(CantonCode::parse("ZH").unwrap())
}

/// Everything the demo leaves out, and a comment of each visibility; `log`
/// is the log after the demo.
pub async fn run_the_rest(app: &App, log: &[RecordedEvent]) {
    tenant_and_network(app, log).await;
    let body = bodies::body_with_its_chair_and_a_meeting(app).await;
    concern(app).await;
    concern_paths::request_brought_to_the_stg(app).await;
    resolutions::circular_resolutions(app).await;
    steering::recommendations(app).await;
    steering::project_in_a_programme(app).await;
    bodies::working_group(app, body, log).await;
    panorama::corrections_and_a_reopened_round(app).await;
}

async fn tenant_and_network(app: &App, log: &[RecordedEvent]) {
    run::<Tenant>(
        app,
        &tenant_stream(zurich()),
        TenantCommand::Rename {
            names: names("Kanton Zürich", "Canton de Zurich", "Cantone di Zurigo"),
        },
    )
    .await;

    // A network of the demo with more than one canton can give one up.
    let (id, canton) = log
        .iter()
        .filter(|event| event.event_type == "Formed")
        .filter(|event| event.stream.stream_type == NetworkRegistry::STREAM_TYPE)
        .find_map(|event| {
            let id: NetworkId = serde_json::from_value(event.payload["id"].clone()).ok()?;
            let cantons: Vec<CantonCode> =
                serde_json::from_value(event.payload["cantons"].clone()).ok()?;
            (cantons.len() > 1).then(|| (id, cantons[0]))
        })
        .expect("the demo forms a network of several cantons");
    let registry = network_registry_stream();
    let other = cantons_of(log, id)
        .into_iter()
        .find(|other| *other != canton)
        .expect("a second canton");
    let commands = [
        NetworkCommand::Rename {
            id,
            names: names("Netzwerk Test", "Réseau test", "Rete test"),
            by: None,
        },
        NetworkCommand::ReleaseCanton { id, canton },
        NetworkCommand::AssignCanton { id, canton },
        // The cantons' own steps: leaving, asking to join again, and the
        // other member's agreement.
        NetworkCommand::Leave {
            id,
            canton,
            on: NaiveDate::from_ymd_opt(2026, 6, 30).unwrap(),
        },
        NetworkCommand::RequestToJoin { id, canton },
        NetworkCommand::AnswerJoin {
            id,
            canton,
            by: other,
            agree: true,
        },
    ];
    for command in commands {
        run::<NetworkRegistry>(app, &registry, command).await;
    }
}
async fn concern(app: &App) {
    let id = ConcernId::new();
    let content = |description: &str| ConcernContent {
        title: title("Schnittstelle RAV–Sozialhilfe"),
        description: text(description),
        why_not_cantonal: text(""),
        institutions: BTreeSet::from([AffectedInstitution::AlvRav, AffectedInstitution::Sh]),
        focus_area: None,
        attachments: vec![Attachment {
            title: title("Bericht"),
            link: Link::parse("https://example.ch/bericht.pdf").unwrap(),
        }],
        language: Language::De,
    };
    let stream = concern_stream(zurich(), id);
    let commands = [
        ConcernCommand::Draft {
            id,
            origin: zurich(),
            on_behalf_of: None,
            content: content("Doppelte Abklärungen."),
            route: RouteSnapshot::default(),
        },
        ConcernCommand::Edit {
            content: content("Doppelte Abklärungen bei Stellensuchenden."),
        },
        ConcernCommand::Comment {
            tenant: zurich(),
            text: text(INTERNAL_COMMENT),
            visibility: CommentVisibility::Internal,
        },
        ConcernCommand::Comment {
            tenant: zurich(),
            text: text(SHARED_COMMENT),
            visibility: CommentVisibility::Shared,
        },
    ];
    for command in commands {
        run::<Concern>(app, &stream, command).await;
    }
}

/// The cantons a network was formed with, from the log.
fn cantons_of(log: &[RecordedEvent], id: NetworkId) -> Vec<CantonCode> {
    log.iter()
        .filter(|event| event.event_type == "Formed")
        .filter(|event| event.stream.stream_type == NetworkRegistry::STREAM_TYPE)
        .filter(|event| event.payload["id"] == serde_json::json!(id))
        .find_map(|event| serde_json::from_value(event.payload["cantons"].clone()).ok())
        .unwrap_or_default()
}
