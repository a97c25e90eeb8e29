//! Recommendations, a project and a work programme.

use std::collections::{BTreeMap, BTreeSet};

use iiz_app::App;
use iiz_app::recommendations::recommendation_stream;
use iiz_app::steering::{programme_stream, project_stream};
use iiz_domain::ids::{ProgrammeId, ProjectId};
use iiz_domain::programme::{
    EkgConsultation, FocusAreaDefinition, ProgrammeCommand, WorkProgrammes,
};
use iiz_domain::project::{IizProject, Project, ProjectCommand, ProjectKind};
use iiz_domain::recommendation::{
    Basis, FlagTarget, FocusArea, RecommendationContent, RecommendationSource, ReportingRhythm,
    Schedule, Translation,
};
use iiz_domain::{
    Language, Partner, Party, Recommendation, RecommendationCommand, RecommendationId,
};

use super::{day, minuted, run, text, title, zurich};

fn focus(key: &str) -> FocusArea {
    FocusArea::parse(key).unwrap()
}

fn definition(goal: &str) -> FocusAreaDefinition {
    FocusAreaDefinition {
        title: title("Schwerpunkt"),
        description: text("Beschreibung"),
        goal: text(goal),
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
        focus_area: Some(focus("professionalisation")),
    }
}

/// One recommendation edited and discarded, one flagged and the flag
/// resolved.
pub(super) async fn recommendations(app: &App) {
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
            decided_by: minuted("STG-Sitzung 2/2025, Traktandum 2"),
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
pub(super) async fn project_in_a_programme(app: &App) {
    let project = ProjectId::new();
    let stream = project_stream(project);
    let commands = [
        ProjectCommand::Register {
            id: project,
            title: title("Pilot Triage"),
            focus_area: Some(focus("key_actors")),
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
            decided_by: minuted("STG-Sitzung 3/2025, Traktandum 2"),
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
            focus_areas: BTreeMap::from([(focus("key_actors"), definition("Partner gewinnen"))]),
            action_fields: Vec::new(),
            decided_by: minuted("STG-Sitzung 4/2040, Traktandum 2"),
        },
        ProgrammeCommand::ReviseFocusAreas {
            programme,
            focus_areas: BTreeMap::from([
                (focus("key_actors"), definition("Partner gewinnen")),
                (focus("housing"), definition("Wohnen")),
            ]),
            decided_by: minuted("STG-Sitzung 1/2041, Traktandum 3"),
        },
        ProgrammeCommand::LinkProject {
            programme,
            project,
            focus_area: focus("key_actors"),
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
