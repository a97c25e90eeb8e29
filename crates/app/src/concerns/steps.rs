//! Which authorization rule a command falls under, and which next steps a
//! caller may take on a concern (so a client shows only valid buttons).

use iiz_domain::concern::{ConcernAction, ConcernStage, RouteStep, allowed_actions};
use iiz_domain::{ConcernCommand, Party, TenantId};
use iiz_projections::ConcernView;

use super::{involved, scope_of};
use crate::AppError;
use crate::authz::Principal;
use crate::authz::concern::{ConcernAct, Standing, authorize_concern, endorsing_parties};

/// The route step a concern waits at, if it is in its cantonal route.
pub(super) fn current_step(view: &ConcernView) -> Option<&RouteStep> {
    if view.stage != ConcernStage::InCantonalRoute {
        return None;
    }
    view.current_step.and_then(|index| view.route.step(index))
}

/// The rule a command is authorized by.
pub(super) fn act_of<'a>(
    command: &ConcernCommand,
    view: &'a ConcernView,
) -> Result<ConcernAct<'a>, AppError> {
    Ok(match command {
        ConcernCommand::Draft { .. }
        | ConcernCommand::Absorb { .. }
        | ConcernCommand::LinkFollowUp { .. } => {
            return Err(AppError::invalid(
                "drafting, absorbing and linking a decision's follow-up are not steps on an existing concern"
                    .to_owned(),
            ));
        }
        ConcernCommand::Edit { .. }
        | ConcernCommand::StartRoute
        | ConcernCommand::ResolveLocally { .. }
        | ConcernCommand::Withdraw { .. }
        | ConcernCommand::Submit { .. } => ConcernAct::Originate,
        // Outside the route the domain refuses the step with the stage; the
        // originator's rule stands in so that refusal is what the caller sees.
        ConcernCommand::RecordStep { .. } => match current_step(view) {
            Some(step) => ConcernAct::RecordStep(step),
            None => ConcernAct::Originate,
        },
        ConcernCommand::Consolidate { network, .. } => ConcernAct::Consolidate(*network),
        ConcernCommand::Endorse { by, .. } => ConcernAct::Endorse(*by),
        ConcernCommand::Accept { .. }
        | ConcernCommand::Return { .. }
        | ConcernCommand::MergeInto { .. }
        | ConcernCommand::Answer { .. } => ConcernAct::NationalOffice,
        ConcernCommand::Examine { .. } => ConcernAct::Examine,
        ConcernCommand::Decide { .. } => ConcernAct::Decide,
        ConcernCommand::Comment {
            tenant, visibility, ..
        } => ConcernAct::Comment(*tenant, *visibility),
        ConcernCommand::BringToStg { .. } => ConcernAct::BringToStg,
        ConcernCommand::ReferToEkg { .. } => ConcernAct::RecordReferral,
        ConcernCommand::Assess { .. } => ConcernAct::RecordAssessment,
    })
}

/// The next steps the workflow allows and the caller may take.
pub(super) fn allowed_for(
    principal: Option<&Principal>,
    standing: &Standing,
    view: &ConcernView,
) -> Vec<ConcernAction> {
    let Some(principal) = principal else {
        return Vec::new();
    };
    let scope = scope_of(view);
    let may =
        |act: ConcernAct<'_>| authorize_concern(Some(principal), standing, act, &scope).is_ok();
    allowed_actions(view.stage, view.route.is_direct())
        .into_iter()
        .filter(|action| match action {
            ConcernAction::Edit
            | ConcernAction::StartRoute
            | ConcernAction::ResolveLocally
            | ConcernAction::Withdraw
            | ConcernAction::Submit => may(ConcernAct::Originate),
            ConcernAction::RecordStep => {
                current_step(view).is_some_and(|step| may(ConcernAct::RecordStep(step)))
            }
            ConcernAction::Consolidate => {
                principal.holds(TenantId::National, iiz_domain::TenantRole::Office)
                    || standing
                        .networks
                        .keys()
                        .any(|network| may(ConcernAct::Consolidate(*network)))
            }
            ConcernAction::Endorse => {
                let taken = involved(view);
                endorsing_parties(principal, standing)
                    .into_iter()
                    .any(|party| !taken.contains(&party) && may(ConcernAct::Endorse(party)))
            }
            ConcernAction::Triage | ConcernAction::Merge | ConcernAction::Answer => {
                may(ConcernAct::NationalOffice)
            }
            ConcernAction::Examine => may(ConcernAct::Examine),
            ConcernAction::Decide => may(ConcernAct::Decide),
            ConcernAction::BringToStg => may(ConcernAct::BringToStg),
            ConcernAction::ReferToEkg => may(ConcernAct::RecordReferral),
            ConcernAction::Assess => may(ConcernAct::RecordAssessment),
            ConcernAction::Comment => TenantId::all().any(|tenant| {
                may(ConcernAct::Comment(
                    tenant,
                    iiz_domain::concern::CommentVisibility::Shared,
                ))
            }),
        })
        .collect()
}

/// The party a caller endorses for when they do not say: the first one they
/// speak for that is not yet involved.
pub(super) fn default_endorser(
    principal: &Principal,
    standing: &Standing,
    view: &ConcernView,
) -> Option<Party> {
    let taken = involved(view);
    endorsing_parties(principal, standing)
        .into_iter()
        .find(|party| !taken.contains(party))
}
