//! Who may do what with projects, the work programme and the Fachstelle's
//! budget (national concept 3.1 and 3.2):
//! - the STG adopts the programmes and accepts project results as a body:
//!   the Fachstelle records them as its secretariat with the meeting or
//!   resolution they were taken in ([`super::body_decision`]);
//! - projects are registered, programmes extended and closed, action
//!   fields added by the Fachstelle or a voting STG member;
//! - a project's milestones and result are reported by the Fachstelle or
//!   whoever speaks for the lead partner;
//! - the EKG takes note of milestones, through its voting members or the
//!   Fachstelle;
//! - the Fachstelle plans the budget and reports each year; the STG takes
//!   note through its voting members only, never the Fachstelle itself, which
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
    /// Recording the STG's acceptance of a result (a body's decision).
    AcceptProjectResult,
    /// Recording the STG's adoption of a work programme (a body's decision).
    AdoptProgramme,
    /// Adding action fields, linking projects, closing a work programme.
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
        SteeringAct::AcceptProjectResult | SteeringAct::AdoptProgramme => {
            super::body_decision::is_secretariat(principal, iiz_domain::TenantId::National)
        }
        SteeringAct::RegisterProject | SteeringAct::DecideProgramme => office || standing.stg_votes,
        SteeringAct::ManageProject(lead) => office || speaks_for(principal, standing, lead),
        SteeringAct::NoteMilestone => office || standing.ekg_votes,
        SteeringAct::NoteBudgetReport => standing.stg_votes,
    };
    if allowed {
        Ok(())
    } else {
        Err(Denied::Forbidden)
    }
}
