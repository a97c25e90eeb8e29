//! Demo data, loaded through the same commands as real use: the 27
//! tenants, the national and cantonal bodies, fictitious people with
//! sign-in accounts, Seismograf concerns in every stage, STG
//! recommendations in every stage, with answers and implementation reports,
//! the STG's steering: working groups, the running work programme with its
//! projects, the chairs and the Fachstelle's budget, and the year's STG and
//! EKG meetings with agendas, minutes and decisions; the 2020 panorama
//! imported as its published round and a 2026 round in progress.

use crate::catalog::CantonCatalog;
use crate::{App, AppError};

/// The actor recorded on demo and bootstrap events.
pub const SYSTEM_ACTOR: &str = "system:demo";

pub use crate::demo_meetings::DemoYears;
pub use crate::demo_people::{DEMO_PASSWORD, DemoLogin};

/// What `iiz demo` loaded.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DemoReport {
    pub tenants_registered: usize,
    pub bodies_established: usize,
    /// Demo concerns drafted (none when they were loaded before).
    pub concerns: usize,
    /// Demo recommendations drafted (none when they were loaded before).
    pub recommendations: usize,
    /// Demo meetings scheduled (none when they were loaded before).
    pub meetings: usize,
    /// Demo working groups, projects, work programmes, chair terms and
    /// budgets (none when the demo steering was loaded before).
    pub working_groups: usize,
    pub projects: usize,
    pub programmes: usize,
    pub chair_terms: usize,
    pub budgets: usize,
    /// Canton profiles the 2020 panorama's import opened, and cantons
    /// that answered the demo's 2026 round (none when loaded before).
    pub panorama_profiles: usize,
    pub panorama_answers: usize,
    /// The demo sign-ins, to print for whoever tries the platform.
    pub logins: Vec<DemoLogin>,
}

impl App {
    /// Loads the 27 tenants, the national bodies and the cantonal bodies of
    /// the panorama, the demo people, the demo concerns, the demo
    /// recommendations and the demo steering. Running it again adds nothing.
    pub async fn load_demo(&self) -> Result<DemoReport, AppError> {
        let catalog =
            CantonCatalog::embedded().map_err(|error| AppError::invalid(error.to_string()))?;
        let tenants = self.bootstrap_tenants(&catalog, SYSTEM_ACTOR).await?;
        let national = self.seed_national_bodies(SYSTEM_ACTOR).await?;
        // The cantons' bodies, profiles and figures come from the 2020
        // panorama, imported as its published round.
        let panorama = Box::pin(self.import_panorama_2020(&catalog)).await?;
        let logins = self.load_demo_people(SYSTEM_ACTOR).await?;
        // The work programme first: concerns, recommendations and projects
        // name its focus areas.
        let steering = Box::pin(self.load_demo_programme()).await?;
        let concerns = Box::pin(self.load_demo_concerns()).await?;
        let recommendations = Box::pin(self.load_demo_recommendations()).await?;
        let meetings = Box::pin(self.load_demo_meetings()).await?;
        let panorama_answers = Box::pin(self.load_demo_panorama()).await?;
        Ok(DemoReport {
            tenants_registered: tenants.tenants_registered,
            bodies_established: national + panorama.bodies_established,
            panorama_profiles: panorama.profiles_opened,
            panorama_answers,
            concerns,
            recommendations,
            meetings,
            working_groups: steering.working_groups,
            projects: steering.projects,
            programmes: steering.programmes,
            chair_terms: steering.chair_terms,
            budgets: steering.budgets,
            logins,
        })
    }
}
