//! What a demo recommendation is as data: static tables of its content,
//! its addressees and its story, turned into the domain's values.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use iiz_domain::concern::Attachment;
use iiz_domain::recommendation::{
    Acceptance, Basis, FocusArea, ImplementationReport, ImplementationStatus,
    RecommendationContent, RecommendationSource, ReportingPeriod, ReportingRhythm, Schedule,
    Translation,
};
use iiz_domain::text::{FreeText, Link};
use iiz_domain::{CantonCode, ConcernId, Language, Party, TenantId, Title};

use super::Who;
use super::concern::Carry;
use crate::AppError;

/// An addressee by its code: a canton (`ZH`) or a partner (`SODK`).
pub(super) type To = &'static str;

/// A document or evidence link: title and address.
pub(super) type Doc = (&'static str, &'static str);

/// A text in a further language: language, title, text.
pub(super) type Translated = (Language, &'static str, &'static str);

/// An implementation report as demo data; dates as `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy)]
pub(super) struct Progress {
    pub(super) from: &'static str,
    pub(super) to: &'static str,
    pub(super) status: ImplementationStatus,
    pub(super) percent: Option<u8>,
    pub(super) narrative: &'static str,
    pub(super) evidence: &'static [Doc],
}

/// A new version decided by the STG.
#[derive(Debug)]
pub(super) struct Amendment {
    pub(super) text: &'static str,
    /// Added to (or replacing) the translations of the first version.
    pub(super) translation: Option<Translated>,
    pub(super) add: &'static [To],
    pub(super) answer_due: &'static str,
    pub(super) decision: &'static str,
    pub(super) summary: &'static str,
}

/// One step of a demo recommendation's story, after the Fachstelle's
/// draft. The STG (through its member) adopts, amends, supersedes, closes
/// and sets priorities; the Fachstelle publishes; addressees answer,
/// report and share through the person named; EKG members flag.
#[derive(Debug, Clone, Copy)]
pub(super) enum Act {
    /// Decision reference and date.
    Adopt(&'static str, &'static str),
    Publish(&'static str),
    Answer(Who, To, Acceptance, &'static str),
    Report(Who, To, Progress),
    /// Makes the addressee's narrative readable for everyone.
    Share(Who, To),
    Prioritize(To, &'static str),
    /// On an addressee, or (`None`) on the recommendation.
    Flag(Who, Option<To>, &'static str),
    Amend(&'static Amendment),
    /// By the demo recommendation with this key.
    Supersede(&'static str, &'static str),
    Close(&'static str),
}

/// A demo recommendation and its story.
#[derive(Debug)]
pub(super) struct DemoRecommendation {
    /// Names the recommendation in other recommendations' stories.
    pub(super) key: &'static str,
    pub(super) title: &'static str,
    pub(super) text: &'static str,
    pub(super) language: Language,
    pub(super) translation: Option<Translated>,
    pub(super) rationale: &'static str,
    pub(super) source: RecommendationSource,
    /// Demo concerns it rests on: origin and title.
    pub(super) concerns: &'static [(&'static str, &'static str)],
    /// Carries the first of `concerns` to an STG decision first.
    pub(super) carry: Option<&'static Carry>,
    pub(super) projects: &'static [&'static str],
    pub(super) documents: &'static [Doc],
    /// The key of a focus area of the demo programme.
    pub(super) focus_area: Option<&'static str>,
    /// Addressed to all 26 cantons, besides `addressees`.
    pub(super) all_cantons: bool,
    pub(super) addressees: &'static [To],
    pub(super) answer_due: &'static str,
    pub(super) rhythm: ReportingRhythm,
    pub(super) acts: &'static [Act],
}

pub(super) fn invalid(error: impl std::fmt::Display) -> AppError {
    AppError::invalid(error.to_string())
}

pub(super) fn text(value: &str) -> Result<FreeText, AppError> {
    FreeText::parse(value).map_err(invalid)
}

pub(super) fn title(value: &str) -> Result<Title, AppError> {
    Title::parse(value).map_err(invalid)
}

pub(super) fn date(value: &str) -> Result<NaiveDate, AppError> {
    value
        .parse()
        .map_err(|error| invalid(format!("demo date {value}: {error}")))
}

pub(super) fn party(code: &str) -> Result<Party, AppError> {
    Party::parse(code).map_err(invalid)
}

fn docs(links: &[Doc]) -> Result<Vec<Attachment>, AppError> {
    links
        .iter()
        .map(|(name, link)| {
            Ok(Attachment {
                title: title(name)?,
                link: Link::parse(link).map_err(invalid)?,
            })
        })
        .collect()
}

fn translations(
    translated: impl IntoIterator<Item = Translated>,
) -> Result<BTreeMap<Language, Translation>, AppError> {
    translated
        .into_iter()
        .map(|(language, name, body)| {
            let translation = Translation {
                title: title(name)?,
                text: text(body)?,
            };
            Ok((language, translation))
        })
        .collect()
}

impl Progress {
    pub(super) fn report(&self) -> Result<ImplementationReport, AppError> {
        Ok(ImplementationReport {
            period: ReportingPeriod {
                from: date(self.from)?,
                to: date(self.to)?,
            },
            status: self.status,
            percent: self.percent,
            narrative: text(self.narrative)?,
            evidence: docs(self.evidence)?,
        })
    }
}

impl DemoRecommendation {
    pub(super) fn content(
        &self,
        concerns: BTreeSet<ConcernId>,
        amendment: Option<&Amendment>,
    ) -> Result<RecommendationContent, AppError> {
        let body = amendment.map_or(self.text, |amendment| amendment.text);
        let translated = self
            .translation
            .iter()
            .chain(amendment.and_then(|amendment| amendment.translation.as_ref()))
            .copied();
        Ok(RecommendationContent {
            title: title(self.title)?,
            text: text(body)?,
            language: self.language,
            translations: translations(translated)?,
            rationale: text(self.rationale)?,
            source: self.source,
            basis: Basis {
                concerns,
                projects: self
                    .projects
                    .iter()
                    .map(|name| title(name))
                    .collect::<Result<_, _>>()?,
                documents: docs(self.documents)?,
            },
            focus_area: self
                .focus_area
                .map(FocusArea::parse)
                .transpose()
                .map_err(|error| AppError::invalid(error.to_string()))?,
        })
    }

    pub(super) fn addressees(&self, added: &[To]) -> Result<BTreeSet<Party>, AppError> {
        let cantons = CantonCode::all()
            .filter(|_| self.all_cantons)
            .map(|code| Party::Tenant(TenantId::Canton(code)));
        let named = self
            .addressees
            .iter()
            .chain(added)
            .map(|code| party(code))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(cantons.chain(named).collect())
    }

    pub(super) fn schedule(&self, answer_due: &str) -> Result<Schedule, AppError> {
        Ok(Schedule {
            answer_due: date(answer_due)?,
            rhythm: self.rhythm,
        })
    }

    /// Everyone its story needs.
    pub(super) fn cast(&self) -> impl Iterator<Item = Who> + '_ {
        self.acts.iter().filter_map(|act| match act {
            Act::Answer(who, ..)
            | Act::Report(who, ..)
            | Act::Share(who, ..)
            | Act::Flag(who, ..) => Some(*who),
            _ => None,
        })
    }
}
