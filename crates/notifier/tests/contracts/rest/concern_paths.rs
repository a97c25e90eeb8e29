//! The paths of IIZ 3.0, 2.1 beside the regular one, which the demo does
//! not take: a request brought straight to the STG, referred to the EKG,
//! assessed, decided "working group" and linked to the group.

use std::collections::BTreeSet;

use iiz_app::App;
use iiz_app::concerns::concern_stream;
use iiz_domain::basis::DecisionReference;
use iiz_domain::concern::{
    AffectedInstitution, Channel, ConcernContent, RouteSnapshot, StgOutcome,
};
use iiz_domain::follow_up::FollowUpLink;
use iiz_domain::ids::{MeetingId, WorkingGroupId};
use iiz_domain::{Concern, ConcernCommand, ConcernId, Language, TenantId};

use super::{run, text, title};

fn item(number: u32) -> DecisionReference {
    DecisionReference::meeting(
        MeetingId::new(),
        number,
        title("Sitzung 1/2027, Traktandum 1"),
    )
}

pub async fn request_brought_to_the_stg(app: &App) {
    let id = ConcernId::new();
    let stream = concern_stream(TenantId::National, id);
    let commands = [
        ConcernCommand::Draft {
            id,
            origin: TenantId::National,
            on_behalf_of: None,
            content: ConcernContent {
                title: title("Antrag: Strategie IIZ 2028"),
                description: text("Die Fachstelle beantragt eine Überprüfung."),
                why_not_cantonal: text("Betrifft die nationale Strategie."),
                institutions: BTreeSet::from([AffectedInstitution::Other]),
                focus_area: None,
                attachments: Vec::new(),
                language: Language::De,
            },
            route: RouteSnapshot::default(),
        },
        ConcernCommand::Submit {
            channel: Channel::ViaFachstelle,
        },
        ConcernCommand::BringToStg {
            reason: text("Strategische Frage für das STG"),
        },
        ConcernCommand::ReferToEkg {
            question: text("Wie beurteilt die EKG die Umsetzbarkeit?"),
            decided_by: item(1),
        },
        ConcernCommand::Assess {
            assessment: text("Umsetzbar mit einer Arbeitsgruppe"),
            decided_by: item(2),
        },
        ConcernCommand::Decide {
            outcome: StgOutcome::WorkingGroup,
            decision: text("Arbeitsgruppe Strategie"),
            rationale: text(""),
            decided_by: item(3),
        },
        ConcernCommand::LinkFollowUp {
            link: FollowUpLink::WorkingGroup {
                working_group: WorkingGroupId::new(),
            },
            title: title("AG Strategie 2028"),
        },
    ];
    for command in commands {
        run::<Concern>(app, &stream, command).await;
    }
}
