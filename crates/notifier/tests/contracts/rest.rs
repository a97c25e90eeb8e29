//! The commands the demo leaves out, so that every event type occurs in the
//! log at least once. Each runs through `App::execute`, the one path every
//! change takes (load, decide, append, project), on aggregates of its own
//! where it can, so the demo's story stays untouched.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Debug;

use chrono::{NaiveDate, NaiveDateTime};
use iiz_app::App;
use iiz_app::meetings::meeting_stream;
use iiz_app::people::network_registry_stream;
use iiz_app::recommendations::recommendation_stream;
use iiz_app::steering::{chair_stream, programme_stream, project_stream};
use iiz_app::tenants::{body_stream, tenant_stream};
use iiz_app::working_groups::working_group_stream;
use iiz_domain::body::{Body, BodyCommand, BodyKind};
use iiz_domain::chair::{Chair, ChairCommand, ChairRule};
use iiz_domain::concern::{
    AffectedInstitution, Attachment, CommentVisibility, ConcernContent, RouteSnapshot,
};
use iiz_domain::ids::{MeetingId, ProgrammeId, ProjectId, WorkingGroupId};
use iiz_domain::meeting::{AgendaItem, ItemPurpose, ItemSubject, Meeting, MeetingCommand, Slot};
use iiz_domain::programme::{EkgConsultation, ProgrammeCommand, WorkProgrammes};
use iiz_domain::project::{IizProject, Project, ProjectCommand, ProjectKind};
use iiz_domain::recommendation::{
    Basis, FlagTarget, FocusArea, RecommendationContent, RecommendationSource, ReportingRhythm,
    Schedule, Translation,
};
use iiz_domain::tenant::{Tenant, TenantCommand};
use iiz_domain::text::{FreeText, LocalizedName};
use iiz_domain::working_group::{GroupRole, Mandate, WorkingGroup, WorkingGroupCommand};
use iiz_domain::{
    Aggregate, BodyId, BodyRole, CantonCode, Concern, ConcernCommand, ConcernId, Institution,
    Language, Link, NetworkCommand, NetworkId, NetworkRegistry, Partner, Party, PersonId,
    Recommendation, RecommendationCommand, RecommendationId, TenantId, Title,
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
    let body = body_with_its_chair_and_a_meeting(app).await;
    concern(app).await;
    recommendations(app).await;
    project_in_a_programme(app).await;
    working_group(app, body, log).await;
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
    let commands = [
        NetworkCommand::Rename {
            id,
            names: names("Netzwerk Test", "Réseau test", "Rete test"),
        },
        NetworkCommand::ReleaseCanton { id, canton },
        NetworkCommand::AssignCanton { id, canton },
    ];
    for command in commands {
        run::<NetworkRegistry>(app, &registry, command).await;
    }
}

/// A body renamed, amended, with a member coming and going, a chair whose
/// person is named, and a meeting revised and cancelled; then dissolved.
async fn body_with_its_chair_and_a_meeting(app: &App) -> BodyId {
    let id = BodyId::new();
    let stream = body_stream(zurich(), id);
    let member = PersonId::new();
    let commands = [
        BodyCommand::Establish {
            id,
            tenant: zurich(),
            kind: BodyKind::WorkingGroup,
            names: names("Fachgruppe", "Groupe", "Gruppo"),
            mandate: text("Prüft die Schnittstellen."),
            parent: None,
            active_from: day("2025-01-01"),
        },
        BodyCommand::Rename {
            names: names("Fachgruppe IIZ", "Groupe CII", "Gruppo CII"),
        },
        BodyCommand::AmendMandate {
            mandate: text("Prüft die Schnittstellen\nund berichtet."),
        },
        BodyCommand::AdmitMember {
            person: member,
            role: BodyRole::Member,
            institution: Institution::parse("IV-Stelle Zürich").unwrap(),
            from: day("2025-02-01"),
        },
        BodyCommand::ChangeMemberRole {
            person: member,
            role: BodyRole::Deputy,
            from: day("2025-03-01"),
        },
        BodyCommand::RemoveMember {
            person: member,
            on: day("2025-04-01"),
        },
    ];
    for command in commands {
        run::<Body>(app, &stream, command).await;
    }

    let chair = chair_stream(zurich(), id);
    let commands = [
        ChairCommand::Establish {
            body: id,
            rule: ChairRule::Free { max_years: None },
        },
        ChairCommand::RecordTerm {
            office: Party::Tenant(zurich()),
            person: None,
            from: day("2025-01-01"),
            until: day("2026-12-31"),
        },
        ChairCommand::NamePerson {
            number: 1,
            person: member,
        },
    ];
    for command in commands {
        run::<Chair>(app, &chair, command).await;
    }

    meeting(app, id).await;

    run::<Body>(
        app,
        &stream,
        BodyCommand::Dissolve {
            active_to: day("2026-12-31"),
            reason: text("Auftrag erfüllt"),
        },
    )
    .await;
    id
}

async fn meeting(app: &App, body: BodyId) {
    let id = MeetingId::new();
    let stream = meeting_stream(zurich(), id);
    let slot = |day: &str| Slot {
        starts_at: at(&format!("{day}T09:00:00")),
        ends_at: at(&format!("{day}T12:00:00")),
        place: Some(title("Walcheturm")),
        online: Some(Link::parse("https://meet.example.ch/fachgruppe").unwrap()),
    };
    let item = |name: &str| AgendaItem {
        title: title(name),
        purpose: ItemPurpose::Discussion,
        subject: ItemSubject::Free,
        note: text(""),
        documents: Vec::new(),
    };
    let commands = [
        MeetingCommand::Schedule {
            id,
            body,
            joint_with: None,
            title: title("Fachgruppe 1/2025"),
            slot: slot("2025-05-06"),
        },
        MeetingCommand::AddItem {
            item: item("Begrüssung"),
            reason: text(""),
        },
        MeetingCommand::AddItem {
            item: item("Varia"),
            reason: text(""),
        },
        MeetingCommand::SendAgenda,
        MeetingCommand::ChangeItem {
            number: 1,
            item: item("Begrüssung und Protokoll"),
            reason: text("Protokoll nachgetragen"),
        },
        MeetingCommand::WithdrawItem {
            number: 2,
            reason: text("Keine Varia"),
        },
        MeetingCommand::Reschedule {
            slot: slot("2025-05-13"),
            reason: text("Terminkollision"),
        },
        MeetingCommand::Cancel {
            reason: text("Keine Geschäfte"),
        },
    ];
    for command in commands {
        run::<Meeting>(app, &stream, command).await;
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
    let stream = iiz_app::concerns::concern_stream(zurich(), id);
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

fn recommendation_content(title_text: &str) -> RecommendationContent {
    RecommendationContent {
        title: title(title_text),
        text: text("Die Kantone klären gemeinsam ab."),
        language: Language::De,
        translations: BTreeMap::from([(
            Language::Fr,
            Translation {
                title: title("Évaluation commune"),
                text: text("Les cantons évaluent ensemble."),
            },
        )]),
        rationale: text("Doppelspurigkeiten"),
        source: RecommendationSource::Study,
        basis: Basis::default(),
        focus_area: Some(FocusArea::Professionalisation),
    }
}

/// One recommendation edited and discarded, one flagged and the flag
/// resolved.
async fn recommendations(app: &App) {
    let addressees = BTreeSet::from([Party::Tenant(zurich()), Party::Partner(Partner::Skos)]);
    let schedule = Schedule {
        answer_due: day("2026-06-30"),
        rhythm: ReportingRhythm::Yearly,
    };
    let draft = |id| RecommendationCommand::Draft {
        id,
        content: recommendation_content("Gemeinsame Abklärung"),
        addressees: addressees.clone(),
        schedule,
    };

    let discarded = RecommendationId::new();
    let stream = recommendation_stream(discarded);
    let commands = [
        draft(discarded),
        RecommendationCommand::Edit {
            content: recommendation_content("Gemeinsame Erstabklärung"),
            addressees: addressees.clone(),
            schedule,
        },
        RecommendationCommand::Discard {
            rationale: text("Durch ein Projekt ersetzt"),
        },
    ];
    for command in commands {
        run::<Recommendation>(app, &stream, command).await;
    }

    let flagged = RecommendationId::new();
    let stream = recommendation_stream(flagged);
    let commands = [
        draft(flagged),
        RecommendationCommand::Adopt {
            decision: text("STG 2/2025"),
            on: day("2025-06-01"),
            meeting: None,
        },
        RecommendationCommand::Publish {
            on: day("2025-06-15"),
        },
        RecommendationCommand::Flag {
            target: FlagTarget::Addressee(Party::Partner(Partner::Skos)),
            note: text("Antwort fehlt"),
        },
        RecommendationCommand::ResolveFlag {
            flag: 1,
            note: text("Antwort eingegangen"),
        },
    ];
    for command in commands {
        run::<Recommendation>(app, &stream, command).await;
    }
}

/// A project whose milestone moves and whose result is accepted, linked to
/// and unlinked from a later programme that is then closed.
async fn project_in_a_programme(app: &App) {
    let project = ProjectId::new();
    let stream = project_stream(project);
    let commands = [
        ProjectCommand::Register {
            id: project,
            title: title("Pilot Triage"),
            focus_area: Some(FocusArea::KeyActors),
            kind: ProjectKind::Iiz(Box::new(IizProject {
                lead: Party::Partner(Partner::Seco),
                funding: BTreeMap::from([(Party::Partner(Partner::Seco), 50_000)]),
                resources: text("0.2 Stellen"),
                question: text("Hilft eine Triage?"),
                goal: text("Pilot"),
                output: text("Bericht"),
                process: text("Pilot"),
                group: text("SECO"),
                communication: text("Newsletter"),
            })),
        },
        ProjectCommand::PlanMilestone {
            title: title("Konzept"),
            due: day("2025-03-31"),
        },
        ProjectCommand::Replan {
            number: 1,
            due: day("2025-06-30"),
            reason: text("Verzögerung"),
        },
        ProjectCommand::SubmitResult {
            summary: text("Die Triage hilft."),
            documents: Vec::new(),
        },
        ProjectCommand::AcceptResult {
            decision: text("STG 3/2025"),
        },
    ];
    for command in commands {
        run::<Project>(app, &stream, command).await;
    }

    let programme = ProgrammeId::new();
    let commands = [
        ProgrammeCommand::Adopt {
            id: programme,
            from: day("2041-01-01"),
            adopted_on: day("2040-11-20"),
            decision: text("STG 4/2040"),
            consultation: Box::new(EkgConsultation {
                on: day("2040-10-01"),
                reference: title("EKG 3/2040"),
                statement: text("Zustimmung"),
            }),
            focus_areas: BTreeMap::from([(FocusArea::KeyActors, text("Partner gewinnen"))]),
            action_fields: Vec::new(),
        },
        ProgrammeCommand::LinkProject {
            programme,
            project,
            focus_area: FocusArea::KeyActors,
            action_field: None,
        },
        ProgrammeCommand::UnlinkProject {
            programme,
            project,
            reason: text("Abgeschlossen"),
        },
        ProgrammeCommand::Close {
            programme,
            on: day("2042-12-31"),
            report: text("Schlussbericht"),
        },
    ];
    for command in commands {
        run::<WorkProgrammes>(app, &programme_stream(), command).await;
    }
}

/// A working group on one of the demo's concerns: a member leaves, the
/// result is submitted and noted, and the group dissolves.
async fn working_group(app: &App, body: BodyId, log: &[RecordedEvent]) {
    let concern = log
        .iter()
        .find(|event| event.stream.stream_type == Concern::STREAM_TYPE)
        .map(|event| ConcernId::parse(&event.stream.stream_id).unwrap())
        .expect("the demo drafts concerns");
    let id = WorkingGroupId::new();
    let stream = working_group_stream(zurich(), id);
    let member = PersonId::new();
    let commands = [
        WorkingGroupCommand::Mandate {
            id,
            mandated_by: body,
            approved_by: None,
            mandate: Box::new(Mandate {
                title: title("AG Triage"),
                question: text("Wie triagieren?"),
                goal: text("Leitfaden"),
                output: text("Leitfaden und Bericht"),
                composition: text("RAV, Sozialhilfe"),
                communication: text(""),
                financing: text(""),
                resources: text(""),
                until: day("2025-12-31"),
                concerns: BTreeSet::from([concern]),
            }),
            on: day("2025-01-15"),
        },
        WorkingGroupCommand::Join {
            person: member,
            tenant: zurich(),
            role: GroupRole::Member,
        },
        WorkingGroupCommand::Leave { person: member },
        WorkingGroupCommand::SubmitResult {
            summary: text("Leitfaden liegt vor."),
            documents: Vec::new(),
            on: day("2025-11-30"),
        },
        WorkingGroupCommand::TakeNote {
            decision: text("Zur Kenntnis genommen"),
            next_steps: text("Umsetzung"),
        },
        WorkingGroupCommand::Dissolve {
            reason: text("Auftrag erfüllt"),
            on: day("2025-12-31"),
        },
    ];
    for command in commands {
        run::<WorkingGroup>(app, &stream, command).await;
    }
}
