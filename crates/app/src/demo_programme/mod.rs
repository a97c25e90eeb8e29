//! Demo steering: two working groups (a national one mandated by the EKG
//! with members from several tenants and a progress report; one of
//! Solothurn's IIZ-EKG with the approval of the IIZ-Leitung), the work
//! programme running today with the three focus areas of 2017 (its own
//! data: the first programme's content), action
//! fields and four projects (two IIZ projects with milestones reached,
//! planned and one late; two associated ones), the STG's chair rotation
//! and the EKG's chair, and the Fachstelle's budget with a yearly report
//! the STG noted. Played through the real commands by the demo people.
//!
//! The dates follow the day the demo is loaded, so that it always shows a
//! running programme, a current chair and one late milestone: periods are
//! the two-year terms from 2025 on, budgets the four-year ones. The chair
//! history before is invented. Loading again adds nothing: the demo is
//! left alone once a work programme exists.

mod chairs;
mod groups;
mod texts_de;

use std::collections::BTreeMap;

use chrono::{Datelike, Days, Months, NaiveDate};
use iiz_domain::budget::BudgetCommand;
use iiz_domain::decision::ItemSubject;
use iiz_domain::ids::{ProgrammeId, ProjectId};
use iiz_domain::programme::{
    ActionField, EkgConsultation, FocusArea, FocusAreaDefinition, ProgrammeCommand,
};
use iiz_domain::project::{IizProject, ProjectCommand, ProjectKind};
use iiz_domain::text::{FreeText, Title};
use iiz_domain::{Partner, Party};
use iiz_projections::PROGRAMMES;

use crate::demo_cast::{Cast, JONAS, MARCO, NICOLE, PETRA};
use crate::demo_decisions::DemoBody;
use crate::steering::{NewBudget, NewProgramme, NewProject};
use crate::{App, AppError};

use texts_de::{ACTION_FIELDS, ASSOCIATED_PROJECTS, FOCUS_AREAS, IIZ_PROJECTS};

/// What the demo steering loaded.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Loaded {
    pub(crate) working_groups: usize,
    pub(crate) projects: usize,
    pub(crate) programmes: usize,
    pub(crate) chair_terms: usize,
    pub(crate) budgets: usize,
}

fn invalid(error: impl std::fmt::Display) -> AppError {
    AppError::invalid(error.to_string())
}

fn text(value: &str) -> Result<FreeText, AppError> {
    FreeText::parse(value).map_err(invalid)
}

fn title(value: &str) -> Result<Title, AppError> {
    Title::parse(value).map_err(invalid)
}

fn focus_area(key: &str) -> Result<FocusArea, AppError> {
    FocusArea::parse(key).map_err(invalid)
}

fn party(code: &str) -> Result<Party, AppError> {
    Party::parse(code).map_err(invalid)
}

fn jan_first(year: i32) -> Result<NaiveDate, AppError> {
    NaiveDate::from_ymd_opt(year, 1, 1).ok_or_else(|| invalid(format!("year {year}")))
}

fn minus_days(day: NaiveDate, days: u64) -> Result<NaiveDate, AppError> {
    day.checked_sub_days(Days::new(days))
        .ok_or_else(|| invalid("date"))
}

fn plus_days(day: NaiveDate, days: u64) -> Result<NaiveDate, AppError> {
    day.checked_add_days(Days::new(days))
        .ok_or_else(|| invalid("date"))
}

fn minus_years(day: NaiveDate, years: u32) -> Result<NaiveDate, AppError> {
    day.checked_sub_months(Months::new(12 * years))
        .ok_or_else(|| invalid("date"))
}

/// The first day of the two-year period (from 2025, odd years) that holds
/// `day`.
fn period_start(day: NaiveDate) -> Result<NaiveDate, AppError> {
    let year = day.year();
    jan_first(year - (year - 2025).rem_euclid(2))
}

/// The STG's chair office for the period starting in `year`: the rotation
/// BSV, SBFI, SECO, SEM with BSV for 2025–2026.
fn stg_office(year: i32) -> Party {
    let order = [Partner::Bsv, Partner::Sbfi, Partner::Seco, Partner::Sem];
    let turn = usize::try_from(((year - 2025) / 2).rem_euclid(4)).unwrap_or(0);
    Party::Partner(order[turn])
}

impl App {
    /// Loads the demo steering (after the demo people and concerns).
    pub(crate) async fn load_demo_programme(&self) -> Result<Loaded, AppError> {
        if !self
            .all_docs::<serde_json::Value>(PROGRAMMES, Vec::new())
            .await?
            .is_empty()
        {
            return Ok(Loaded::default());
        }
        let cast = self
            .demo_cast(
                groups::CAST
                    .into_iter()
                    .chain([PETRA, MARCO, JONAS, NICOLE]),
            )
            .await?;
        let today = self.clock().today();
        let start = period_start(today)?;
        let working_groups = Box::pin(self.demo_working_groups(&cast, today, start)).await?;
        // The programme first: projects name its focus areas.
        let programme = Box::pin(self.demo_work_programme(&cast, start)).await?;
        let projects = Box::pin(self.demo_projects(&cast, today)).await?;
        Box::pin(self.demo_programme_projects(&cast, programme, &projects)).await?;
        let chair_terms = Box::pin(self.demo_chairs(&cast, start)).await?;
        Box::pin(self.demo_budget(&cast, today)).await?;
        Ok(Loaded {
            working_groups,
            projects: projects.len(),
            programmes: 1,
            chair_terms,
            budgets: 1,
        })
    }

    /// Registers the projects and plays their milestones: reached and
    /// noted by the EKG, late (due a month ago), planned (in three months).
    async fn demo_projects(
        &self,
        cast: &Cast,
        today: NaiveDate,
    ) -> Result<Vec<(ProjectId, texts_de::Link)>, AppError> {
        let fachstelle = cast.caller(self, PETRA)?;
        let mut registered = Vec::new();
        for project in &IIZ_PROJECTS {
            let [
                resources,
                question,
                goal,
                output,
                process,
                group,
                communication,
            ] = project.texts;
            let mut funding = BTreeMap::new();
            for (code, amount) in project.funding {
                funding.insert(party(code)?, *amount);
            }
            let new = NewProject {
                title: title(project.title)?,
                focus_area: Some(focus_area(project.focus_area)?),
                kind: ProjectKind::Iiz(Box::new(IizProject {
                    lead: party(project.lead)?,
                    funding,
                    resources: text(resources)?,
                    question: text(question)?,
                    goal: text(goal)?,
                    output: text(output)?,
                    process: text(process)?,
                    group: text(group)?,
                    communication: text(communication)?,
                })),
            };
            let (id, _) = fachstelle.register_project(new).await?;
            let dues = [
                minus_days(today, 150)?,
                minus_days(today, 30)?,
                plus_days(today, 90)?,
            ];
            for (name, due) in project.milestones.iter().zip(dues) {
                let command = ProjectCommand::PlanMilestone {
                    title: title(name)?,
                    due,
                };
                fachstelle.project_command(id, command).await?;
            }
            let reached = ProjectCommand::ReachMilestone {
                number: 1,
                on: minus_days(today, 155)?,
            };
            fachstelle.project_command(id, reached).await?;
            let note = ProjectCommand::NoteMilestone {
                number: 1,
                note: text("Das EKG nimmt vom Meilenstein Kenntnis.")?,
            };
            cast.caller(self, JONAS)?.project_command(id, note).await?;
            registered.push((id, (project.focus_area, project.action_field)));
        }
        for (name, focus_area, field, owner, summary) in ASSOCIATED_PROJECTS {
            let new = NewProject {
                title: title(name)?,
                focus_area: Some(self::focus_area(focus_area)?),
                kind: ProjectKind::Associated {
                    owner: party(owner)?,
                    summary: text(summary)?,
                },
            };
            let (id, _) = fachstelle.register_project(new).await?;
            registered.push((id, (focus_area, field)));
        }
        Ok(registered)
    }

    /// The STG adopts the programme of the running period, after the EKG's
    /// consultation.
    async fn demo_work_programme(
        &self,
        cast: &Cast,
        start: NaiveDate,
    ) -> Result<ProgrammeId, AppError> {
        let mut focus_areas = BTreeMap::new();
        for (key, name, description, goal) in FOCUS_AREAS {
            let definition = FocusAreaDefinition {
                title: title(name)?,
                description: text(description)?,
                goal: text(goal)?,
            };
            focus_areas.insert(focus_area(key)?, definition);
        }
        let mut action_fields = Vec::new();
        for (key, name, description) in ACTION_FIELDS {
            action_fields.push(ActionField {
                focus_area: focus_area(key)?,
                title: title(name)?,
                description: text(description)?,
            });
        }
        let previous = start.year() - 1;
        let new = NewProgramme {
            from: start,
            adopted_on: minus_days(start, 40)?,
            decision: text(&format!(
                "STG-Sitzung 4/{previous}: Arbeitsprogramm {}–{} verabschiedet",
                start.year(),
                start.year() + 1
            ))?,
            consultation: EkgConsultation {
                on: minus_days(start, 75)?,
                reference: title(&format!("EKG-Sitzung 3/{previous}, Traktandum 5"))?,
                statement: text(
                    "Das EKG unterstützt die Schwerpunkte und regt an, die Arbeitgebenden früher einzubeziehen.",
                )?,
            },
            focus_areas,
            action_fields,
        };
        let item = format!("Arbeitsprogramm {}–{}", start.year(), start.year() + 1);
        let basis = self
            .demo_decision(
                cast,
                DemoBody::Stg,
                ItemSubject::WorkProgramme(start),
                &item,
                "Arbeitsprogramm verabschiedet",
            )
            .await?;
        let (programme, _) = cast
            .caller(self, PETRA)?
            .adopt_work_programme(new, basis)
            .await?;
        Ok(programme)
    }

    /// Links the projects to the programme.
    async fn demo_programme_projects(
        &self,
        cast: &Cast,
        programme: ProgrammeId,
        projects: &[(ProjectId, texts_de::Link)],
    ) -> Result<(), AppError> {
        for (project, (key, field)) in projects {
            let command = ProgrammeCommand::LinkProject {
                programme,
                project: *project,
                focus_area: focus_area(key)?,
                action_field: Some(*field),
            };
            cast.caller(self, PETRA)?.programme_command(command).await?;
        }
        Ok(())
    }

    /// The four-year budget holding last year, with last year's report,
    /// which the STG noted.
    async fn demo_budget(&self, cast: &Cast, today: NaiveDate) -> Result<(), AppError> {
        let last_year = today.year() - 1;
        let first_year = last_year - (last_year - 2025).rem_euclid(4);
        let fachstelle = cast.caller(self, PETRA)?;
        let new = NewBudget {
            first_year,
            total: 2_400_000,
            purpose: text(
                "Betrieb der nationalen IIZ-Fachstelle: Personal (2,3 Stellen), Sitzungen von STG und EKG, Tagung, Website.",
            )?,
        };
        let (budget, _) = fachstelle.plan_budget(new).await?;
        let report = BudgetCommand::ReportYear {
            budget,
            year: last_year,
            spent: 572_400,
            narrative: text(&format!(
                "{last_year}: 2,2 Stellen besetzt, vier Sitzungen je Gremium, eine nationale Tagung mit 180 Teilnehmenden. Unterschreitung wegen einer Vakanz im Frühjahr."
            ))?,
        };
        fachstelle.budget_command(report).await?;
        let note = BudgetCommand::NoteReport {
            budget,
            year: last_year,
            note: text("Das STG nimmt vom Bericht Kenntnis und dankt der Fachstelle.")?,
        };
        cast.caller(self, MARCO)?.budget_command(note).await?;
        Ok(())
    }
}
