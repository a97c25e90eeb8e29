//! The demo panorama: the 2020 round imported and published (the annex),
//! and a 2026 round in progress that the Fachstelle opened, where Zürich,
//! Geneva and Vaud updated their profiles (Geneva in French, Vaud without
//! its dissolved COPIL) and Zürich and Geneva reported their 2025 figures.
//! Played by the demo people through the same calls as real use.

use std::collections::BTreeSet;

use iiz_domain::canton_profile::{Challenge, ChallengeCategory, SectionChange};
use iiz_domain::key_figures::{Figure, FigureReport, FigureValue};
use iiz_domain::panorama::{InstitutionKind, NamedInstitution, Year};
use iiz_domain::panorama_round::AnswerKind;
use iiz_domain::text::{FreeText, Institution};
use iiz_domain::{BodyId, CantonCode};
use iiz_projections::{BODIES, BodyView};

use crate::demo_cast::{ANNA, CLAIRE, LUC, PETRA};
use crate::panorama::{NewRound, round_stream};
use crate::{App, AppError, Caller};

/// The round the demo shows in progress.
const DEMO_ROUND: u16 = 2026;

fn invalid(error: impl std::fmt::Display) -> AppError {
    AppError::invalid(error.to_string())
}

fn text(value: &str) -> Result<FreeText, AppError> {
    FreeText::parse(value).map_err(invalid)
}

fn canton(code: &str) -> Result<CantonCode, AppError> {
    CantonCode::parse(code).map_err(invalid)
}

fn figure(value: FigureValue, as_written: &str) -> Result<Figure, AppError> {
    Ok(Figure {
        value,
        as_written: text(as_written)?,
    })
}

fn report(cases: Figure, unemployed: Option<Figure>, note: &str) -> Result<FigureReport, AppError> {
    Ok(FigureReport {
        cases_total: cases,
        cases_by_lead: Default::default(),
        registered_unemployed: unemployed,
        other: Vec::new(),
        note: text(note)?,
    })
}

impl App {
    /// Opens the demo's 2026 round and plays three cantons' updates;
    /// returns the cantons that answered (none when loaded before).
    pub(crate) async fn load_demo_panorama(&self) -> Result<usize, AppError> {
        let year = Year::parse(DEMO_ROUND).map_err(invalid)?;
        let (round, _) = self
            .load::<iiz_domain::panorama_round::PanoramaRound>(&round_stream(year))
            .await?;
        if round.stage().is_some() {
            return Ok(0);
        }
        let cast = self.demo_cast([PETRA, ANNA, LUC, CLAIRE]).await?;
        let Ok(fachstelle) = cast.caller(self, PETRA) else {
            return Ok(0);
        };
        fachstelle
            .open_panorama_round(NewRound {
                year,
                questions: None,
                cantons: BTreeSet::new(),
                due: None,
            })
            .await?;
        let figures_year = Year::parse(DEMO_ROUND - 1).map_err(invalid)?;
        let mut answered = 0;
        if let Ok(zh) = cast.caller(self, ANNA) {
            let code = canton("ZH")?;
            zh.open_canton_profile(code, year, None).await?;
            let mut structure = zh.canton_profile(code, year).await?.content.structure;
            if let Some(office) = structure.office.as_mut() {
                office.attached_to = Some(NamedInstitution {
                    kind: InstitutionKind::Unemployment,
                    name: Institution::parse("Amt für Wirtschaft und Arbeit (AWA)")
                        .map_err(invalid)?,
                });
            }
            let note = text("Geschäftsstelle IIZ dem AWA angegliedert")?;
            zh.revise_canton_profile(code, year, SectionChange::Structure(structure), note)
                .await?;
            let cases = figure(FigureValue::Exact { value: 610 }, "")?;
            let unemployed = figure(FigureValue::Exact { value: 18_500 }, "")?;
            let figures = report(
                cases,
                Some(unemployed),
                "Über die Geschäftsstelle koordinierte Fälle",
            )?;
            zh.report_key_figures(code, figures_year, figures).await?;
            answer(&zh, year, code).await?;
            answered += 1;
        }
        if let Ok(ge) = cast.caller(self, LUC) {
            let code = canton("GE")?;
            ge.open_canton_profile(code, year, None).await?;
            let mut challenges = ge.canton_profile(code, year).await?.content.challenges;
            challenges.items.push(Challenge {
                category: ChallengeCategory::StructureAndMonitoring,
                text: text(
                    "Le monitoring des cas CII est en place depuis 2024 et doit être consolidé",
                )?,
            });
            let note = text("Mise à jour des défis")?;
            ge.revise_canton_profile(code, year, SectionChange::Challenges(challenges), note)
                .await?;
            let cases = figure(FigureValue::Estimate { value: 150 }, "environ 150")?;
            let figures = report(cases, None, "Premier comptage du monitoring CII")?;
            ge.report_key_figures(code, figures_year, figures).await?;
            answer(&ge, year, code).await?;
            answered += 1;
        }
        if let Ok(vd) = cast.caller(self, CLAIRE) {
            let code = canton("VD")?;
            vd.open_canton_profile(code, year, None).await?;
            let mut structure = vd.canton_profile(code, year).await?.content.structure;
            // The COPIL was dissolved in 2018: the 2026 profile no longer
            // links it (the 2020 profile still does).
            let dissolved = self.dissolved_bodies(code).await?;
            structure
                .bodies
                .retain(|link| !dissolved.contains(&link.body));
            let note = text("Le COPIL dissous en 2018 n'est plus lié")?;
            vd.revise_canton_profile(code, year, SectionChange::Structure(structure), note)
                .await?;
            answer(&vd, year, code).await?;
            answered += 1;
        }
        Ok(answered)
    }
}

impl App {
    /// The dissolved bodies of a canton's tenant.
    async fn dissolved_bodies(&self, code: CantonCode) -> Result<BTreeSet<BodyId>, AppError> {
        let tenant = iiz_domain::TenantId::Canton(code);
        let bodies: Vec<BodyView> = self.all_docs(BODIES, Vec::new()).await?;
        Ok(bodies
            .into_iter()
            .filter(|body| body.tenant == tenant && !body.active)
            .map(|body| body.id)
            .collect())
    }
}

async fn answer(caller: &Caller<'_>, year: Year, code: CantonCode) -> Result<(), AppError> {
    caller
        .answer_panorama_round(year, code, AnswerKind::Updated, None)
        .await?;
    Ok(())
}
