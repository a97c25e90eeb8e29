//! A recommendation that answers a Seismograf concern needs the STG's
//! decision on that concern first. The demo carries the concern on from
//! wherever the demo concerns left it, through the same steps a real one
//! takes: the rest of the cantonal route, submission via the Fachstelle,
//! the EKG's proposal and the STG's decision "a recommendation". Publishing
//! the recommendation then answers the concern.

use iiz_domain::concern::{Channel, ConcernStage, EkgOutcome, StepKind, StepOutcome, StgOutcome};
use iiz_domain::decision::ItemSubject;
use iiz_domain::{ConcernCommand, ConcernId};

use super::{Cast, PETRA, Who, text};
use crate::demo_decisions::DemoBody;
use crate::{App, AppError};

/// Who carries the concern on, and what they record.
#[derive(Debug)]
pub(super) struct Carry {
    /// Submits it once the canton released it.
    pub drafter: Who,
    /// Records route steps that approve.
    pub office: Who,
    /// Records route steps that discuss or take note (a member of the
    /// cantonal body).
    pub body_member: Who,
    pub step_note: &'static str,
    pub accept_note: &'static str,
    pub ekg_rationale: &'static str,
    pub stg_decision: &'static str,
    pub stg_rationale: &'static str,
}

/// More steps than any route has: a guard against a story that does not
/// move on.
const MAX_STEPS: usize = 12;

impl App {
    /// Takes the concern to the STG's decision "a recommendation", unless
    /// it is there already or has left the path to it.
    pub(super) async fn carry_demo_concern(
        &self,
        cast: &Cast,
        id: ConcernId,
        carry: &Carry,
    ) -> Result<(), AppError> {
        for _ in 0..MAX_STEPS {
            let Some(view) = self.concern_view(id).await? else {
                return Ok(());
            };
            let (who, command) = match view.stage {
                ConcernStage::InCantonalRoute => {
                    let step = view.current_step.unwrap_or_default();
                    let kind = view.route.step(step).map(|step| step.kind);
                    let (who, outcome) = match kind {
                        Some(StepKind::Approves) | None => (carry.office, StepOutcome::Approved),
                        Some(StepKind::Discusses) => (carry.body_member, StepOutcome::Discussed),
                        Some(StepKind::TakesNote) => (carry.body_member, StepOutcome::Noted),
                    };
                    let command = ConcernCommand::RecordStep {
                        step,
                        outcome,
                        rationale: text(carry.step_note)?,
                    };
                    (who, command)
                }
                ConcernStage::Released => (
                    carry.drafter,
                    ConcernCommand::Submit {
                        channel: Channel::ViaFachstelle,
                    },
                ),
                ConcernStage::AwaitingTriage => (
                    PETRA,
                    ConcernCommand::Accept {
                        note: text(carry.accept_note)?,
                    },
                ),
                ConcernStage::AtEkg => {
                    let basis = self
                        .demo_decision(
                            cast,
                            DemoBody::Ekg,
                            ItemSubject::Concern(id),
                            &format!("Anliegen: {}", view.title),
                            "Dem STG als Empfehlung vorgeschlagen",
                        )
                        .await?;
                    let outcome = EkgOutcome::ProposeToStg {
                        proposal: StgOutcome::Recommendation,
                    };
                    cast.caller(self, PETRA)?
                        .examine_concern(id, outcome, text(carry.ekg_rationale)?, basis)
                        .await?;
                    continue;
                }
                ConcernStage::AtStg => {
                    let basis = self
                        .demo_decision(
                            cast,
                            DemoBody::Stg,
                            ItemSubject::Concern(id),
                            &format!("Anliegen: {}", view.title),
                            carry.stg_decision,
                        )
                        .await?;
                    cast.caller(self, PETRA)?
                        .decide_concern(
                            id,
                            StgOutcome::Recommendation,
                            text(carry.stg_decision)?,
                            text(carry.stg_rationale)?,
                            basis,
                        )
                        .await?;
                    continue;
                }
                stage => {
                    if stage != ConcernStage::Decided {
                        tracing::warn!(concern = %id, %stage, "demo concern not carried to the STG");
                    }
                    return Ok(());
                }
            };
            cast.caller(self, who)?.concern_command(id, command).await?;
        }
        Ok(())
    }
}
