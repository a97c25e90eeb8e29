//! A body's resolution rules and circular resolutions: one carried (its
//! effect refused by the concern, which does not exist here), one
//! withdrawn.

use std::collections::BTreeSet;

use chrono::{Duration, Utc};
use iiz_app::App;
use iiz_app::resolutions::resolution_stream;
use iiz_app::tenants::body_stream;
use iiz_domain::body::{Body, BodyCommand, BodyKind, CarriedBy, ResolutionRules};
use iiz_domain::concern::StgOutcome;
use iiz_domain::decision::{DecisionEffect, ItemSubject};
use iiz_domain::meeting::Propagation;
use iiz_domain::resolution::{Proposal, Resolution, ResolutionCommand, Vote};
use iiz_domain::{BodyId, ConcernId, PersonId, ResolutionId};

use super::{day, names, run, text, title, zurich};

pub(super) async fn circular_resolutions(app: &App) {
    let body = BodyId::new();
    run::<Body>(
        app,
        &body_stream(zurich(), body),
        BodyCommand::Establish {
            id: body,
            tenant: zurich(),
            kind: BodyKind::Steering,
            names: names("IIZ-Leitung", "Direction CII", "Direzione CII"),
            mandate: text("Entscheidet."),
            parent: None,
            active_from: day("2025-01-01"),
        },
    )
    .await;
    let rules = ResolutionRules {
        allowed: true,
        carried_by: CarriedBy::Majority,
        every_answer_required: false,
        minimum_days: 0,
    };
    run::<Body>(
        app,
        &body_stream(zurich(), body),
        BodyCommand::SetResolutionRules { rules },
    )
    .await;
    let voter = PersonId::new();
    let proposal = |id| Proposal {
        id,
        body,
        label: title("Zirkularbeschluss Fachgruppe 1/2026"),
        subject: ItemSubject::Concern(ConcernId::new()),
        effect: Some(DecisionEffect::Decide {
            follow_up: None,
            outcome: StgOutcome::Recommendation,
        }),
        title: title("Anliegen ZH"),
        decision: text("Gemäss Antrag"),
        rationale: text("Betrifft mehrere Kantone"),
        deadline: Utc::now() + Duration::days(1),
        rules,
        voters: BTreeSet::from([voter]),
        proposed_by: PersonId::new(),
        now: Utc::now(),
    };
    let carried = ResolutionId::new();
    let stream = resolution_stream(zurich(), carried);
    let commands = [
        ResolutionCommand::Propose(Box::new(proposal(carried))),
        ResolutionCommand::Answer {
            voter,
            vote: Vote::Yes,
            comment: Some(text("Einverstanden")),
            now: Utc::now(),
        },
        ResolutionCommand::Close { now: Utc::now() },
        ResolutionCommand::RecordPropagation {
            propagation: Propagation::Refused {
                reason: "the concern does not exist".to_owned(),
            },
        },
    ];
    for command in commands {
        run::<Resolution>(app, &stream, command).await;
    }
    let withdrawn = ResolutionId::new();
    let stream = resolution_stream(zurich(), withdrawn);
    let commands = [
        ResolutionCommand::Propose(Box::new(proposal(withdrawn))),
        ResolutionCommand::Withdraw {
            reason: text("Wird an der Sitzung behandelt"),
            now: Utc::now(),
        },
    ];
    for command in commands {
        run::<Resolution>(app, &stream, command).await;
    }
}
