//! Panorama rounds: the Fachstelle opens, closes, reopens and publishes;
//! each addressed canton answers for itself. The published panorama and
//! its national figures are read by everyone signed in.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Days, NaiveDate};
use iiz_domain::CantonCode;
use iiz_domain::TenantId;
use iiz_domain::panorama::national::{CantonData, NationalFigures};
use iiz_domain::panorama::{RevisionRef, Year};
use iiz_domain::panorama_round::{
    AnswerContents, AnswerKind, PanoramaRound, QuestionSet, RoundCommand, RoundStage,
};
use iiz_domain::text::FreeText;
use iiz_projections::{
    FIGURE_REVISIONS, PANORAMA_ROUNDS, PANORAMA_SNAPSHOTS, PROFILE_REVISIONS, ProfileRevisionView,
    RoundView, SnapshotSection, SnapshotView, revision_id,
};

use super::round_stream;
use crate::authz::panorama::PanoramaAct;
use crate::authz::{Denied, Operation};
use crate::{AppError, Caller, Executed};

/// A round to open. Left out, the questions are the 2020 survey's, the
/// cantons the configured default (all 26) and the due date the
/// configured number of days after today.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewRound {
    pub year: Year,
    pub questions: Option<QuestionSet>,
    pub cantons: BTreeSet<CantonCode>,
    pub due: Option<NaiveDate>,
}

impl Caller<'_> {
    /// Every round, oldest first. The answers of cantons whose unpublished
    /// data the caller does not read show only whether they answered.
    pub async fn panorama_rounds(&self) -> Result<Vec<RoundView>, AppError> {
        self.check_operation(
            Operation::ListPanoramaRounds,
            crate::authz::Target::platform(),
        )?;
        let rounds: Vec<RoundView> = self.app().all_docs(PANORAMA_ROUNDS, Vec::new()).await?;
        Ok(rounds
            .into_iter()
            .map(|round| self.visible(round))
            .collect())
    }

    /// One round with each addressed canton's answer state.
    pub async fn panorama_round(&self, year: Year) -> Result<RoundView, AppError> {
        self.check_operation(
            Operation::ListPanoramaRounds,
            crate::authz::Target::platform(),
        )?;
        self.app()
            .typed_doc::<RoundView>(PANORAMA_ROUNDS, &year.to_string())
            .await?
            .map(|round| self.visible(round))
            .ok_or(AppError::Denied(Denied::NotFound))
    }

    fn visible(&self, mut round: RoundView) -> RoundView {
        for (canton, answer) in &mut round.cantons {
            if !self.reads_canton(*canton) {
                answer.contents = None;
                answer.answered_by = None;
            }
        }
        round
    }

    pub async fn open_panorama_round(&self, new: NewRound) -> Result<Executed, AppError> {
        let rules = self.app().panorama_rules();
        let today = self.today();
        let cantons = if !new.cantons.is_empty() {
            new.cantons
        } else if !rules.default_cantons.is_empty() {
            rules.default_cantons.clone()
        } else {
            CantonCode::all().collect()
        };
        let due = match new.due {
            Some(due) => due,
            None => today
                .checked_add_days(Days::new(u64::from(rules.answer_days)))
                .ok_or_else(|| AppError::invalid_field("due", "the due date is out of range"))?,
        };
        let year = new.year;
        self.run_round(year, |actor, on| RoundCommand::Open {
            year,
            questions: new.questions.unwrap_or_else(QuestionSet::survey_2020),
            cantons,
            due,
            actor,
            on,
        })
        .await
    }

    pub async fn close_panorama_round(&self, year: Year) -> Result<Executed, AppError> {
        self.run_round(year, |actor, on| RoundCommand::Close { actor, on })
            .await
    }

    pub async fn reopen_panorama_round(
        &self,
        year: Year,
        reason: FreeText,
    ) -> Result<Executed, AppError> {
        self.run_round(year, |actor, on| RoundCommand::Reopen { reason, actor, on })
            .await
    }

    pub async fn publish_panorama_round(&self, year: Year) -> Result<Executed, AppError> {
        self.run_round(year, |actor, on| RoundCommand::Publish { actor, on })
            .await
    }

    async fn run_round(
        &self,
        year: Year,
        command: impl FnOnce(iiz_domain::panorama::Actor, NaiveDate) -> RoundCommand,
    ) -> Result<Executed, AppError> {
        self.panorama_check(
            Operation::RunPanoramaRound,
            TenantId::National,
            PanoramaAct::RunRound,
        )?;
        let command = command(self.panorama_actor(TenantId::National)?, self.today());
        self.app()
            .execute::<PanoramaRound>(round_stream(year), command, self.event_metadata()?)
            .await
    }

    /// The canton answers the round of `year`: `confirmed` (its data as it
    /// stands) or `updated`. Without `contents`, the answer names the
    /// current revision of its latest profile up to the round's year and
    /// of its figures of the four years before the round and the round's.
    pub async fn answer_panorama_round(
        &self,
        year: Year,
        canton: CantonCode,
        kind: AnswerKind,
        contents: Option<AnswerContents>,
    ) -> Result<Executed, AppError> {
        let tenant = TenantId::Canton(canton);
        self.panorama_check(
            Operation::AnswerPanoramaRound,
            tenant,
            PanoramaAct::EditCanton(canton),
        )?;
        let contents = match contents {
            Some(contents) => contents,
            None => self.current_contents(canton, year).await?,
        };
        self.require_revisions(canton, &contents).await?;
        let command = RoundCommand::Answer {
            canton,
            kind,
            contents,
            actor: self.panorama_actor(tenant)?,
            on: self.today(),
        };
        self.app()
            .execute::<PanoramaRound>(round_stream(year), command, self.event_metadata()?)
            .await
    }

    async fn current_contents(
        &self,
        canton: CantonCode,
        year: Year,
    ) -> Result<AnswerContents, AppError> {
        let profile = self
            .canton_profiles(canton)
            .await?
            .into_iter()
            .filter(|profile| profile.year <= year)
            .max_by_key(|profile| profile.year)
            .ok_or_else(|| {
                AppError::invalid_field("contents", format!("{canton} has no profile up to {year}"))
            })?;
        let first = year.get().saturating_sub(4);
        let figures = self
            .key_figures_of(canton)
            .await?
            .into_iter()
            .filter(|figures| (first..=year.get()).contains(&figures.year.get()))
            .map(|figures| RevisionRef {
                year: figures.year,
                revision: figures.revision,
            })
            .collect();
        Ok(AnswerContents {
            profile: RevisionRef {
                year: profile.year,
                revision: profile.revision,
            },
            figures,
        })
    }

    /// An answer names only revisions that exist: the published panorama
    /// is read from them.
    async fn require_revisions(
        &self,
        canton: CantonCode,
        contents: &AnswerContents,
    ) -> Result<(), AppError> {
        let app = self.app();
        let profile = revision_id(canton, contents.profile);
        if app
            .typed_doc::<serde_json::Value>(PROFILE_REVISIONS, &profile)
            .await?
            .is_none()
        {
            return Err(AppError::invalid_field(
                "contents.profile",
                format!("no profile revision {profile}"),
            ));
        }
        for at in &contents.figures {
            let id = revision_id(canton, *at);
            if app
                .typed_doc::<serde_json::Value>(FIGURE_REVISIONS, &id)
                .await?
                .is_none()
            {
                return Err(AppError::invalid_field(
                    "contents.figures",
                    format!("no figures revision {id}"),
                ));
            }
        }
        Ok(())
    }

    /// The profiles a round contains: for each addressed canton whose
    /// answer the caller reads, the profile revision it names (none
    /// without an answer). A published round's come from its panorama, for
    /// everyone signed in.
    pub async fn round_profiles(
        &self,
        year: Year,
    ) -> Result<BTreeMap<CantonCode, Option<ProfileRevisionView>>, AppError> {
        let round = self.panorama_round(year).await?;
        if round.stage == RoundStage::Published {
            let snapshot = self.published_panorama(year).await?;
            return Ok(snapshot
                .sections
                .into_iter()
                .map(|(canton, section)| match section {
                    SnapshotSection::Answered { profile, .. } => (canton, Some(*profile)),
                    SnapshotSection::NoAnswer => (canton, None),
                })
                .collect());
        }
        let mut profiles = BTreeMap::new();
        for (canton, answer) in round.cantons {
            if !self.reads_canton(canton) {
                continue;
            }
            let profile = match answer.contents {
                Some(contents) => Some(self.profile_revision(canton, contents.profile).await?),
                None => None,
            };
            profiles.insert(canton, profile);
        }
        Ok(profiles)
    }

    /// The panorama of `year` as published: never changed by later data.
    pub async fn published_panorama(&self, year: Year) -> Result<SnapshotView, AppError> {
        self.panorama_check(
            Operation::ShowPanorama,
            TenantId::National,
            PanoramaAct::ReadPublished,
        )?;
        self.app()
            .typed_doc::<SnapshotView>(PANORAMA_SNAPSHOTS, &year.to_string())
            .await?
            .ok_or(AppError::Denied(Denied::NotFound))
    }

    /// The national figures of the published panorama of `year`, over the
    /// cantons that answered, with the figures of the year before the
    /// round (the survey asks about the past year).
    pub async fn national_figures(&self, year: Year) -> Result<NationalFigures, AppError> {
        let snapshot = self.published_panorama(year).await?;
        let figures_year = year.get().saturating_sub(1);
        let data: Vec<CantonData<'_>> = snapshot
            .sections
            .iter()
            .filter_map(|(canton, section)| match section {
                SnapshotSection::Answered {
                    profile, figures, ..
                } => Some(CantonData {
                    canton: *canton,
                    profile: &profile.content,
                    figures: figures
                        .iter()
                        .find(|f| f.year.get() == figures_year)
                        .map(|f| &f.figures),
                }),
                SnapshotSection::NoAnswer => None,
            })
            .collect();
        Ok(NationalFigures::compute(&data))
    }
}
