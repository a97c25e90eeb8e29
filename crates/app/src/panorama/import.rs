//! The 2020 panorama's annex (`data/cantons.yaml`) imported through the
//! command path as the 2020 round, published on 1 September 2020: the
//! bodies (hierarchy, dissolution, a shared body once), each canton's
//! profile and figures, and the round with every canton's answer.
//!
//! The answers were the cantons' own (the coordinators' survey of March
//! 2020); the import records them as given for each canton by one system
//! person, and the round's steps for the national tenant. Each step is
//! taken only where it is missing, so a re-run adds nothing.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use iiz_domain::body::{Body, BodyCommand};
use iiz_domain::canton_profile::{CantonProfile, ProfileCommand};
use iiz_domain::key_figures::{FiguresCommand, KeyFigures};
use iiz_domain::panorama::{Actor, RevisionRef, Year};
use iiz_domain::panorama_round::{
    AnswerContents, AnswerKind, PanoramaRound, QuestionSet, RoundCommand, RoundStage,
};
use iiz_domain::text::FreeText;
use iiz_domain::{CantonCode, PersonId, TenantId};
use iiz_projections::{BODIES, BodyView};
use iiz_store::EventMetadata;
use uuid::Uuid;

use super::import_map::{SectionPlan, plan};
use super::{figures_stream, profile_stream, round_stream};
use crate::catalog::CantonCatalog;
use crate::tenants::body_stream;
use crate::{App, AppError};

/// The actor the log's metadata names for the import.
pub const IMPORT_ACTOR: &str = "system:panorama-import";

/// The one person the import's events name as having acted.
const IMPORT_PERSON: Uuid = Uuid::from_u128(0x1a2b_2020_0901_4c1d_9a3e_0000_0000_2020);

/// What an import did (all zero when it ran before).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ImportReport {
    pub bodies_established: usize,
    pub bodies_dissolved: usize,
    pub profiles_opened: usize,
    pub figures_reported: usize,
    pub round_events: usize,
}

fn day(year: i32, month: u32, date: u32) -> Result<NaiveDate, AppError> {
    NaiveDate::from_ymd_opt(year, month, date)
        .ok_or_else(|| AppError::invalid("an import date is out of range".to_owned()))
}

/// The survey's dates: asked in March 2020, published 1 September 2020.
struct Dates {
    opened: NaiveDate,
    due: NaiveDate,
    answered: NaiveDate,
    published: NaiveDate,
}

fn dates() -> Result<Dates, AppError> {
    Ok(Dates {
        opened: day(2020, 3, 1)?,
        due: day(2020, 3, 31)?,
        answered: day(2020, 3, 31)?,
        published: day(2020, 9, 1)?,
    })
}

fn metadata() -> EventMetadata {
    EventMetadata::new(IMPORT_ACTOR)
}

fn actor(tenant: TenantId) -> Actor {
    Actor::new(PersonId::from_uuid(IMPORT_PERSON), tenant)
}

/// Whether a change was the 2020 import's rather than a person's, so
/// pages name it as the import instead of as someone unknown.
pub fn imported(actor: &Actor) -> bool {
    actor.person == PersonId::from_uuid(IMPORT_PERSON)
}

impl App {
    /// Imports the annex of `catalog` as the 2020 round. Safe to run again.
    pub async fn import_panorama_2020(
        &self,
        catalog: &CantonCatalog,
    ) -> Result<ImportReport, AppError> {
        let year = super::year(2020)?;
        let dates = dates()?;
        let mut report = ImportReport::default();
        let mut answers = Vec::new();
        for section in &catalog.sections {
            let plan = plan(section)?;
            self.import_bodies(&plan, &mut report).await?;
            for canton in &plan.cantons {
                let contents = self
                    .import_canton(&plan, *canton, year, &dates, &mut report)
                    .await?;
                answers.push((*canton, contents));
            }
        }
        report.round_events = self.import_round(year, &dates, answers).await?;
        Ok(report)
    }

    async fn import_bodies(
        &self,
        plan: &SectionPlan,
        report: &mut ImportReport,
    ) -> Result<(), AppError> {
        for body in &plan.bodies {
            let new = body.new.clone();
            let (tenant, id) = (new.tenant, new.id);
            report.bodies_established += usize::from(self.seed_body(new, IMPORT_ACTOR).await?);
            let Some(active_to) = body.dissolved_on else {
                continue;
            };
            let active = self
                .typed_doc::<BodyView>(BODIES, &id.to_string())
                .await?
                .is_some_and(|view| view.active);
            if active {
                let command = BodyCommand::Dissolve {
                    active_to,
                    reason: FreeText::parse("Dissolved, as the 2020 panorama reports")
                        .map_err(|e| AppError::invalid(e.to_string()))?,
                };
                self.execute::<Body>(body_stream(tenant, id), command, metadata())
                    .await?;
                report.bodies_dissolved += 1;
            }
        }
        Ok(())
    }

    /// Opens the canton's 2020 profile and reports its figures where they
    /// are missing; returns what its answer contains.
    async fn import_canton(
        &self,
        plan: &SectionPlan,
        canton: CantonCode,
        year: Year,
        dates: &Dates,
        report: &mut ImportReport,
    ) -> Result<AnswerContents, AppError> {
        let tenant = TenantId::Canton(canton);
        let stream = profile_stream(canton, year);
        let (profile, _) = self.load::<CantonProfile>(&stream).await?;
        if profile.revision() == 0 {
            let command = ProfileCommand::Open {
                canton,
                year,
                content: Box::new(plan.content_for(canton)),
                actor: actor(tenant),
                on: dates.answered,
            };
            self.execute::<CantonProfile>(stream, command, metadata())
                .await?;
            report.profiles_opened += 1;
        }
        let mut figures = Vec::new();
        for (figures_year, figures_report) in plan.figures_for() {
            let stream = figures_stream(canton, figures_year);
            let (reported, _) = self.load::<KeyFigures>(&stream).await?;
            if reported.revision() == 0 {
                let command = FiguresCommand::Report {
                    canton,
                    year: figures_year,
                    figures: figures_report,
                    actor: actor(tenant),
                    on: dates.answered,
                };
                self.execute::<KeyFigures>(stream, command, metadata())
                    .await?;
                report.figures_reported += 1;
            }
            figures.push(RevisionRef {
                year: figures_year,
                revision: 1,
            });
        }
        Ok(AnswerContents {
            profile: RevisionRef { year, revision: 1 },
            figures,
        })
    }

    /// Takes the round's next missing step until it is published.
    async fn import_round(
        &self,
        year: Year,
        dates: &Dates,
        answers: Vec<(CantonCode, AnswerContents)>,
    ) -> Result<usize, AppError> {
        let national = actor(TenantId::National);
        let stream = round_stream(year);
        let mut recorded = 0;
        loop {
            let (round, _) = self.load::<PanoramaRound>(&stream).await?;
            let commands = match round.stage() {
                None => vec![RoundCommand::Open {
                    year,
                    questions: QuestionSet::survey_2020(),
                    cantons: answers
                        .iter()
                        .map(|(canton, _)| *canton)
                        .collect::<BTreeSet<_>>(),
                    due: dates.due,
                    actor: national,
                    on: dates.opened,
                }],
                Some(RoundStage::Open) => {
                    let mut commands: Vec<RoundCommand> = answers
                        .iter()
                        .filter(|(canton, _)| round.answer(*canton).is_none())
                        .map(|(canton, contents)| RoundCommand::Answer {
                            canton: *canton,
                            kind: AnswerKind::Updated,
                            contents: contents.clone(),
                            actor: actor(TenantId::Canton(*canton)),
                            on: dates.answered,
                        })
                        .collect();
                    commands.push(RoundCommand::Close {
                        actor: national,
                        on: dates.published,
                    });
                    commands
                }
                Some(RoundStage::Closed) => vec![RoundCommand::Publish {
                    actor: national,
                    on: dates.published,
                }],
                Some(RoundStage::Published) => return Ok(recorded),
            };
            for command in commands {
                let executed = self
                    .execute::<PanoramaRound>(stream.clone(), command, metadata())
                    .await?;
                recorded += executed.events.len();
            }
        }
    }
}
