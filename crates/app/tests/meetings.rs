//! Meetings through the Caller: the Fachstelle prepares an EKG meeting and
//! revises its sent agenda; minutes with decisions move the concerns
//! (applied), a step the concern refuses shows on the item (refused), a
//! decision the body may not take is refused outright; a decision minuted
//! before a crash is completed by the resume step exactly once; approval,
//! the yearly overview and the feed.
#![allow(
    clippy::unwrap_used,
    clippy::panic,
    reason = "test code: a failed step must fail the test"
)]

mod common;

use std::collections::BTreeSet;

use chrono::NaiveDateTime;
use common::{all, fachstelle};
use iiz_app::authz::{Denied, Principal};
use iiz_app::concerns::{NewConcern, concern_stream};
use iiz_app::meetings::{NewMeeting, ics, meeting_stream, propagation_key, swiss_today};
use iiz_app::tenants::seeded_body_id;
use iiz_app::{App, AppError, CantonCatalog};
use iiz_domain::basis::{DecisionReference, DecisionSource};
use iiz_domain::concern::{
    AffectedInstitution, Channel, ConcernContent, ConcernStage, EkgOutcome, StgOutcome,
};
use iiz_domain::ids::MeetingId;
use iiz_domain::meeting::{
    AgendaItem, Approval, Decision, DecisionEffect, ItemPurpose, ItemSubject, Meeting,
    MeetingCommand, Propagation, Resolution, Slot,
};
use iiz_domain::text::FreeText;
use iiz_domain::{
    CantonCode, Concern, ConcernCommand, ConcernId, Language, PersonId, TenantId, TenantRole, Title,
};
use iiz_projections::{ConcernView, MEETINGS, MeetingView};
use iiz_store::EventMetadata;
use iiz_store::testing::TestDatabase;

fn zh() -> TenantId {
    TenantId::Canton(CantonCode::parse("ZH").unwrap())
}

fn coordinator() -> Principal {
    Principal {
        person: PersonId::new(),
        home: zh(),
        roles: [(zh(), TenantRole::Coordinator)].into(),
        platform_admin: false,
        scope: None,
        language: Language::De,
    }
}

fn text(value: &str) -> FreeText {
    FreeText::parse(value).unwrap()
}

fn title(value: &str) -> Title {
    Title::parse(value).unwrap()
}

fn slot(hour: u32) -> Slot {
    let day = swiss_today();
    let at = |h| NaiveDateTime::new(day, chrono::NaiveTime::from_hms_opt(h, 0, 0).unwrap());
    Slot {
        starts_at: at(hour),
        ends_at: at(hour + 2),
        place: Some(title("Bern, Holzikofenweg 36")),
        online: None,
    }
}

fn item(name: &str, subject: ItemSubject) -> AgendaItem {
    AgendaItem {
        title: title(name),
        purpose: ItemPurpose::Decision,
        subject,
        note: text("Antrag der Fachstelle"),
        documents: vec![],
    }
}

fn decision(effect: DecisionEffect) -> Decision {
    Decision {
        outcome: text("Beschluss gemäss Antrag"),
        rationale: text("Betrifft mehrere Kantone"),
        resolution: Resolution::Consensus,
        present: BTreeSet::from([PersonId::new(), PersonId::new()]),
        effect: Some(effect),
    }
}

fn minutes(number: u32, effect: DecisionEffect) -> MeetingCommand {
    MeetingCommand::RecordMinutes {
        number,
        note: text("Diskussion"),
        decision: Some(decision(effect)),
    }
}

async fn concern(app: &App, who: &Principal, name: &str, submit: bool) -> ConcernId {
    let caller = app.caller(Some(who));
    let content = ConcernContent {
        title: title(name),
        description: text("Zuständigkeiten an der Schnittstelle sind unklar."),
        why_not_cantonal: text("Bundesrecht regelt die Zuständigkeit."),
        institutions: BTreeSet::from([AffectedInstitution::AlvRav, AffectedInstitution::Sh]),
        focus_area: None,
        attachments: vec![],
        language: Language::De,
    };
    let new = NewConcern {
        origin: zh(),
        on_behalf_of: None,
        content,
    };
    let (id, _) = caller.draft_concern(new).await.unwrap();
    if submit {
        let channel = Channel::ViaFachstelle;
        caller
            .concern_command(id, ConcernCommand::Submit { channel })
            .await
            .unwrap();
        let accept = ConcernCommand::Accept {
            note: text("Für die EKG"),
        };
        let office = fachstelle();
        app.caller(Some(&office))
            .concern_command(id, accept)
            .await
            .unwrap();
    }
    id
}

async fn concern_view(app: &App, who: &Principal, id: ConcernId) -> ConcernView {
    app.caller(Some(who)).concern(id).await.unwrap()
}

fn item_of(view: &MeetingView, number: u32) -> &iiz_projections::ItemView {
    view.item(number).unwrap()
}

async fn schedule(app: &App, who: &Principal, body: &str, joint: Option<&str>) -> MeetingId {
    let new = NewMeeting {
        body: seeded_body_id(TenantId::National, body),
        joint_with: joint.map(|name| seeded_body_id(TenantId::National, name)),
        title: title(&format!("{body}-Sitzung 4/2026")),
        slot: slot(if joint.is_some() { 14 } else { 8 }),
    };
    app.caller(Some(who)).schedule_meeting(new).await.unwrap().0
}

async fn meetings_carry_out_decisions(db: TestDatabase) {
    let app = App::new(db.store.clone());
    app.prepare().await.unwrap();
    let catalog = CantonCatalog::embedded().unwrap();
    app.bootstrap_tenants(&catalog, "system:test")
        .await
        .unwrap();
    app.seed_national_bodies("system:test").await.unwrap();
    let office = fachstelle();
    let zh = coordinator();
    let proposed = concern(&app, &zh, "Aussteuerung: Doppelbetreuung", true).await;
    let grouped = concern(&app, &zh, "Arbeitsintegration junger Erwachsener", true).await;
    let draft = concern(&app, &zh, "Noch ein Entwurf", false).await;
    // Submitted, not yet accepted: shared, but not before the EKG.
    let waiting = concern(&app, &zh, "Noch nicht angenommen", false).await;
    app.caller(Some(&zh))
        .concern_command(
            waiting,
            ConcernCommand::Submit {
                channel: Channel::ViaFachstelle,
            },
        )
        .await
        .unwrap();

    // The Fachstelle prepares the EKG meeting; a canton's coordinator may not.
    let ekg = schedule(&app, &office, "EKG", None).await;
    let fachstelle = app.caller(Some(&office));
    for (name, id) in [("Anliegen A", proposed), ("Anliegen B", grouped)] {
        let add = MeetingCommand::AddItem {
            item: item(name, ItemSubject::Concern(id)),
            reason: FreeText::default(),
        };
        fachstelle.meeting_command(ekg, add).await.unwrap();
    }
    let add = MeetingCommand::AddItem {
        item: item("Fremd", ItemSubject::Concern(draft)),
        reason: FreeText::default(),
    };
    let refused = app
        .caller(Some(&zh))
        .meeting_command(ekg, add.clone())
        .await;
    assert!(
        matches!(refused, Err(AppError::Denied(Denied::Forbidden))),
        "{refused:?}"
    );
    // An item names something that exists.
    for subject in [
        ItemSubject::Concern(ConcernId::new()),
        ItemSubject::Recommendation(iiz_domain::RecommendationId::new()),
        ItemSubject::Project(iiz_domain::ids::ProjectId::new()),
        ItemSubject::WorkingGroup(iiz_domain::ids::WorkingGroupId::new()),
    ] {
        let add = MeetingCommand::AddItem {
            item: item("Unbekannt", subject),
            reason: FreeText::default(),
        };
        let refused = fachstelle.meeting_command(ekg, add).await;
        assert!(
            matches!(&refused, Err(AppError::Validation { message, .. }) if message.contains("does not exist")),
            "{refused:?}"
        );
    }
    fachstelle
        .meeting_command(ekg, MeetingCommand::SendAgenda)
        .await
        .unwrap();
    // Another canton's draft is named like a concern that does not exist.
    let hidden = MeetingCommand::AddItem {
        item: item("Entwurf", ItemSubject::Concern(draft)),
        reason: text("Nachtrag"),
    };
    let refused = fachstelle.meeting_command(ekg, hidden).await;
    assert!(
        matches!(&refused, Err(AppError::Validation { message, .. }) if message.contains("does not exist")),
        "{refused:?}"
    );
    // Revised visibly once it went out, and sent again.
    let revise = MeetingCommand::AddItem {
        item: item("Anliegen C (eingereicht)", ItemSubject::Concern(waiting)),
        reason: text("Auf Wunsch des Kantons ZH nachgetragen"),
    };
    fachstelle.meeting_command(ekg, revise).await.unwrap();
    fachstelle
        .meeting_command(ekg, MeetingCommand::SendAgenda)
        .await
        .unwrap();
    let view = fachstelle.meeting(ekg).await.unwrap();
    assert_eq!(view.sent_version, 2);
    assert_eq!(view.revisions.len(), 1);
    assert_eq!(view.revisions[0].revises_version, 1);
    assert_eq!(view.sequence, 1);

    // The EKG proposes A to the STG: carried out on the concern, with the
    // meeting named in its timeline.
    let propose = DecisionEffect::Examine {
        outcome: EkgOutcome::ProposeToStg {
            proposal: StgOutcome::Recommendation,
        },
    };
    fachstelle
        .meeting_command(ekg, minutes(1, propose))
        .await
        .unwrap();
    let a = concern_view(&app, &zh, proposed).await;
    assert_eq!(a.stage, ConcernStage::AtStg);
    let cited = a.timeline.last().unwrap().decided_by.clone().unwrap();
    assert_eq!(
        cited.source,
        DecisionSource::Meeting {
            meeting: ekg,
            item: 1
        }
    );
    assert_eq!(cited.label.as_str(), "EKG-Sitzung 4/2026, Traktandum 1");
    // The EKG does not take the STG's step: refused, nothing written.
    let before = fachstelle.meeting(ekg).await.unwrap().version;
    let stg_step = DecisionEffect::Decide {
        outcome: StgOutcome::Recommendation,
        follow_up: None,
    };
    let refused = fachstelle.meeting_command(ekg, minutes(2, stg_step)).await;
    assert!(
        matches!(refused, Err(AppError::Validation { .. })),
        "{refused:?}"
    );
    assert_eq!(fachstelle.meeting(ekg).await.unwrap().version, before);
    let group = DecisionEffect::Examine {
        outcome: EkgOutcome::GiveToWorkingGroup {
            working_group: text("AG Junge Erwachsene"),
            mandate: None,
        },
    };
    fachstelle
        .meeting_command(ekg, minutes(2, group))
        .await
        .unwrap();
    assert_eq!(
        concern_view(&app, &zh, grouped).await.stage,
        ConcernStage::WithWorkingGroup
    );
    // A concern awaiting triage is not before the EKG: the concern refuses
    // and the item says why.
    let handle = DecisionEffect::Examine {
        outcome: EkgOutcome::HandleInEkg,
    };
    fachstelle
        .meeting_command(ekg, minutes(3, handle))
        .await
        .unwrap();
    let view = fachstelle.meeting(ekg).await.unwrap();
    assert_eq!(item_of(&view, 1).propagation, Some(Propagation::Applied));
    assert!(
        matches!(&item_of(&view, 3).propagation, Some(Propagation::Refused { reason }) if !reason.is_empty()),
        "{:?}",
        item_of(&view, 3).propagation
    );
    assert!(!view.pending_propagation);
    assert_eq!(
        concern_view(&app, &zh, waiting).await.stage,
        ConcernStage::AwaitingTriage
    );

    // The joint year-end meeting decides on A; the process "crashes" after
    // the minutes and after the concern's step, before recording it.
    let joint = schedule(&app, &office, "STG", Some("EKG")).await;
    let add = MeetingCommand::AddItem {
        item: item("Anliegen A: Entscheid", ItemSubject::Concern(proposed)),
        reason: FreeText::default(),
    };
    fachstelle.meeting_command(joint, add).await.unwrap();
    fachstelle
        .meeting_command(joint, MeetingCommand::SendAgenda)
        .await
        .unwrap();
    let decide = DecisionEffect::Decide {
        outcome: StgOutcome::Recommendation,
        follow_up: None,
    };
    let stream = meeting_stream(TenantId::National, joint);
    let meta = || EventMetadata::new("person:office");
    let recorded = app
        .execute::<Meeting>(stream, minutes(1, decide), meta())
        .await
        .unwrap();
    assert!(fachstelle.meeting(joint).await.unwrap().pending_propagation);
    let step = ConcernCommand::Decide {
        outcome: StgOutcome::Recommendation,
        decision: text("Beschluss gemäss Antrag"),
        rationale: text("Betrifft mehrere Kantone"),
        decided_by: DecisionReference::meeting(joint, 1, title("STG-Sitzung 4/2026, Traktandum 1")),
    };
    let key = propagation_key(joint, 1, recorded.version);
    app.execute::<Concern>(
        concern_stream(TenantId::Canton(CantonCode::parse("ZH").unwrap()), proposed),
        step,
        meta().with_idempotency_key(key),
    )
    .await
    .unwrap();
    assert_eq!(app.resume_propagations().await.unwrap(), 1);
    assert_eq!(app.resume_propagations().await.unwrap(), 0);
    let view = fachstelle.meeting(joint).await.unwrap();
    assert_eq!(item_of(&view, 1).propagation, Some(Propagation::Applied));
    let a = concern_view(&app, &zh, proposed).await;
    assert_eq!(a.stage, ConcernStage::Decided);
    let decided = a.timeline.iter().filter(|e| e.kind == "decided").count();
    assert_eq!(decided, 1, "the step is taken once");

    // Approval: not by a canton's coordinator; at the joint meeting, which
    // the EKG attended.
    let by_chair = MeetingCommand::ApproveMinutes {
        approval: Approval::ByChair,
    };
    let refused = app.caller(Some(&zh)).meeting_command(ekg, by_chair).await;
    assert!(
        matches!(refused, Err(AppError::Denied(Denied::Forbidden))),
        "{refused:?}"
    );
    let at_joint = MeetingCommand::ApproveMinutes {
        approval: Approval::AtMeeting(joint),
    };
    fachstelle.meeting_command(ekg, at_joint).await.unwrap();
    let view = fachstelle.meeting(ekg).await.unwrap();
    assert_eq!(view.approval.unwrap().approval, Approval::AtMeeting(joint));

    // The year: the STG ends it jointly with the EKG; the EKG met twice.
    let stg = seeded_body_id(TenantId::National, "STG");
    let ekg_body = seeded_body_id(TenantId::National, "EKG");
    let year = chrono::Datelike::year(&swiss_today());
    let overview = app.caller(Some(&zh)).meeting_year(stg, year).await.unwrap();
    assert_eq!(overview.expected, Some(4));
    assert!(!overview.year_end_not_joint);
    assert_eq!(overview.year.total.held, 1);
    let overview = app
        .caller(Some(&zh))
        .meeting_year(ekg_body, year)
        .await
        .unwrap();
    assert_eq!(overview.year.total.planned, 2);

    // The EKG's feed: both meetings, the revised one at sequence 1.
    let entries = app.caller(Some(&zh)).body_calendar(ekg_body).await.unwrap();
    let feed = ics::calendar("EKG", &entries);
    assert_eq!(feed.matches("BEGIN:VEVENT").count(), 2);
    assert!(
        feed.contains(&format!("UID:meeting-{ekg}@iiz.platform")),
        "{feed}"
    );
    assert!(feed.contains("SEQUENCE:1"), "{feed}");
    let views: Vec<MeetingView> = all(&app, MEETINGS).await;
    assert_eq!(views.len(), 2);
    app.store().close().await;
}

#[tokio::test]
async fn meetings_on_sqlite() {
    meetings_carry_out_decisions(TestDatabase::sqlite_with(iiz_app::upcasters()).await).await;
}

#[tokio::test]
async fn meetings_on_postgres() {
    if let Some(db) = TestDatabase::postgres_with(iiz_app::upcasters()).await {
        meetings_carry_out_decisions(db).await;
    }
}
