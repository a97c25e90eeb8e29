//! The panorama steps the demo leaves out: the Fachstelle's corrections of
//! a profile (withdrawn, rejected, confirmed) and a round reopened.

use iiz_app::App;
use iiz_app::panorama::{profile_stream, round_stream};
use iiz_domain::canton_profile::{CantonProfile, ProfileCommand, SectionChange};
use iiz_domain::panorama::{Actor, Year};
use iiz_domain::panorama_round::{PanoramaRound, QuestionSet, RoundCommand};
use iiz_domain::{CantonCode, PersonId, TenantId};

use super::{run, text};

pub async fn corrections_and_a_reopened_round(app: &App) {
    let today = app.clock().today();
    let national = Actor::new(PersonId::new(), TenantId::National);
    let zh = CantonCode::parse("ZH").unwrap();
    let canton = Actor::new(PersonId::new(), TenantId::Canton(zh));
    let year = Year::parse(2020).unwrap();
    let stream = profile_stream(zh, year);
    let (profile, _) = app.load::<CantonProfile>(&stream).await.unwrap();
    let mut practice = profile.content().unwrap().practice.clone();
    for (number, note) in [(1, "erste"), (2, "zweite"), (3, "dritte")] {
        practice.legal_note = text(&format!("Korrektur, {note} Fassung"));
        let propose = ProfileCommand::ProposeCorrection {
            change: SectionChange::Practice(practice.clone()),
            reason: text("Gemäss RRB"),
            actor: national,
            on: today,
        };
        run::<CantonProfile>(app, &stream, propose).await;
        let answer = match number {
            1 => ProfileCommand::WithdrawCorrection {
                proposal: number,
                actor: national,
                on: today,
            },
            2 => ProfileCommand::RejectCorrection {
                proposal: number,
                reason: text("Noch nicht beschlossen"),
                actor: canton,
                on: today,
            },
            _ => ProfileCommand::ConfirmCorrection {
                proposal: number,
                actor: canton,
                on: today,
            },
        };
        run::<CantonProfile>(app, &stream, answer).await;
    }

    let year = Year::parse(2027).unwrap();
    let stream = round_stream(year);
    let open = RoundCommand::Open {
        year,
        questions: QuestionSet::survey_2020(),
        cantons: [zh].into(),
        due: today + chrono::Days::new(30),
        actor: national,
        on: today,
    };
    run::<PanoramaRound>(app, &stream, open).await;
    let close = RoundCommand::Close {
        actor: national,
        on: today,
    };
    run::<PanoramaRound>(app, &stream, close).await;
    let reopen = RoundCommand::Reopen {
        reason: text("Zürich meldet nach"),
        actor: national,
        on: today,
    };
    run::<PanoramaRound>(app, &stream, reopen).await;
}
