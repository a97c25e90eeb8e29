//! A body with its chair, a meeting and a working group.

use std::collections::BTreeSet;

use iiz_app::App;
use iiz_app::meetings::meeting_stream;
use iiz_app::steering::chair_stream;
use iiz_app::tenants::body_stream;
use iiz_app::working_groups::working_group_stream;
use iiz_domain::body::{Body, BodyCommand, BodyKind};
use iiz_domain::chair::{Chair, ChairCommand, ChairRule};
use iiz_domain::ids::{MeetingId, WorkingGroupId};
use iiz_domain::meeting::{AgendaItem, ItemPurpose, ItemSubject, Meeting, MeetingCommand, Slot};
use iiz_domain::working_group::{GroupRole, Mandate, WorkingGroup, WorkingGroupCommand};
use iiz_domain::{
    Aggregate, BodyId, BodyRole, Concern, ConcernId, Institution, Link, Party, PersonId,
};
use iiz_store::RecordedEvent;

use super::{at, day, minuted, names, run, text, title, zurich};

/// A body renamed, amended, with a member coming and going, a chair whose
/// person is named, and a meeting revised and cancelled; then dissolved.
pub(super) async fn body_with_its_chair_and_a_meeting(app: &App) -> BodyId {
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
/// A working group on one of the demo's concerns: a member leaves, the
/// result is submitted and noted, and the group dissolves.
pub(super) async fn working_group(app: &App, body: BodyId, log: &[RecordedEvent]) {
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
            decided_by: minuted("Sitzung 4/2025, Traktandum 2"),
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
