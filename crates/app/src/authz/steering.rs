//! Who may do what with projects, the work programme and the Fachstelle's
//! budget (national concept 3.1 and 3.2):
//! - the STG decides projects, adopts and closes the programmes, adds
//!   action fields and accepts project results, through its members or
//!   the Fachstelle as its office (as for recommendations);
//! - a project's milestones and result are reported by the Fachstelle or
//!   whoever speaks for the lead partner;
//! - the EKG takes note of milestones, through its members or the
//!   Fachstelle;
//! - the Fachstelle plans the budget and reports each year; the STG takes
//!   note through its members only, never the Fachstelle itself, which
//!   would otherwise acknowledge its own report;
//! - everyone signed in reads projects, programmes, chairs and budgets.
//!
//! Platform administrators run the platform, not the IIZ business: they
//! hold no rights here beyond their roles.

use iiz_domain::Party;

use super::concern::Standing;
use super::recommendation::speaks_for;
use super::{Denied, Principal};

/// A step of the STG's steering, with what the decision depends on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SteeringAct {
    /// Registering a project (IIZ or associated).
    RegisterProject,
    /// Planning, replanning, reaching milestones, submitting the result of
    /// a project led by this party.
    ManageProject(Party),
    NoteMilestone,
    AcceptProjectResult,
    /// Adopting, extending and closing a work programme.
    DecideProgramme,
    NoteBudgetReport,
}

/// Decides whether `principal` may perform `act`.
pub fn authorize_steering(
    principal: Option<&Principal>,
    standing: &Standing,
    act: SteeringAct,
) -> Result<(), Denied> {
    let Some(principal) = principal else {
        return Err(Denied::Unauthenticated);
    };
    let office = principal.is_national_office();
    let allowed = match act {
        SteeringAct::RegisterProject
        | SteeringAct::AcceptProjectResult
        | SteeringAct::DecideProgramme => office || standing.stg_member,
        SteeringAct::ManageProject(lead) => office || speaks_for(principal, standing, lead),
        SteeringAct::NoteMilestone => office || standing.ekg_member,
        SteeringAct::NoteBudgetReport => standing.stg_member,
    };
    if allowed {
        Ok(())
    } else {
        Err(Denied::Forbidden)
    }
}
