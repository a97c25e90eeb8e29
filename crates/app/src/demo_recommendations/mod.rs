//! Demo recommendations of the STG, one in every stage: a draft, one
//! adopted and waiting for publication, published ones with answers,
//! implementation reports, an amendment, flags of the EKG and a priority of
//! the STG, a closed one and a superseded one. They are played through the
//! real commands by the demo people acting with their own roles and seats:
//! the Fachstelle drafts and publishes, the STG adopts and decides, the EKG
//! flags, and each addressee answers and reports for itself. Loading again
//! adds nothing: a recommendation whose title is already in the register is
//! left alone.
//!
//! The dates the rules need (adoption, publication, reporting periods) are
//! the declared ones, mostly in the past; answers and reports are recorded
//! when the demo is loaded.

mod concern;
mod texts_cantons;
mod texts_de;
mod texts_fr;

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use iiz_domain::concern::Attachment;
use iiz_domain::recommendation::{
    Acceptance, Basis, FlagTarget, FocusArea, ImplementationReport, ImplementationStatus,
    RecommendationContent, RecommendationSource, ReportingPeriod, ReportingRhythm, Schedule,
    Translation,
};
use iiz_domain::text::{FreeText, Link};
use iiz_domain::{
    CantonCode, ConcernId, Language, Party, RecommendationCommand, RecommendationId, TenantId,
    Title,
};
use iiz_projections::{CONCERNS, RECOMMENDATIONS};
use iiz_store::{DocFilter, DocQuery, EventStore};

use crate::authz::Principal;
use crate::demo_people::demo_person_id;
use crate::recommendations::NewRecommendation;
use crate::{App, AppError, Caller};

use concern::Carry;

/// A demo person, by e-mail.
type Who = &'static str;

const ANNA: Who = "anna.beispiel@zh.demo.iiz.invalid";
const RETO: Who = "reto.vorlage@zh.demo.iiz.invalid";
const SABINE: Who = "sabine.beleg@zh.demo.iiz.invalid";
const URS: Who = "urs.vorbild@so.demo.iiz.invalid";
const NADIA: Who = "nadia.entwurf@so.demo.iiz.invalid";
const HANS: Who = "hans.probe@be.demo.iiz.invalid";
const LUC: Who = "luc.exemple@ge.demo.iiz.invalid";
const CLAIRE: Who = "claire.modele@vd.demo.iiz.invalid";
/// The SKOS delegate in the EKG.
const NICOLE: Who = "nicole.gabarit@skos.demo.iiz.invalid";
/// EKG member; speaks for the IVSK there.
const JONAS: Who = "jonas.platzhalter@ekg.demo.iiz.invalid";
/// The Fachstelle: drafts and publishes.
const PETRA: Who = "petra.muster@fachstelle.demo.iiz.invalid";
/// Records the STG's decisions.
const MARCO: Who = "marco.esempio@stg.demo.iiz.invalid";

/// An addressee by its code: a canton (`ZH`) or a partner (`SODK`).
type To = &'static str;

/// A document or evidence link: title and address.
type Doc = (&'static str, &'static str);

/// A text in a further language: language, title, text.
type Translated = (Language, &'static str, &'static str);

/// An implementation report as demo data; dates as `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy)]
struct Progress {
    from: &'static str,
    to: &'static str,
    status: ImplementationStatus,
    percent: Option<u8>,
    narrative: &'static str,
    evidence: &'static [Doc],
}

/// A new version decided by the STG.
#[derive(Debug)]
struct Amendment {
    text: &'static str,
    /// Added to (or replacing) the translations of the first version.
    translation: Option<Translated>,
    add: &'static [To],
    answer_due: &'static str,
    decision: &'static str,
    summary: &'static str,
}

/// One step of a demo recommendation's story, after the Fachstelle's
/// draft. The STG (through its member) adopts, amends, supersedes, closes
/// and sets priorities; the Fachstelle publishes; addressees answer,
/// report and share through the person named; EKG members flag.
#[derive(Debug, Clone, Copy)]
enum Act {
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
struct DemoRecommendation {
    /// Names the recommendation in other recommendations' stories.
    key: &'static str,
    title: &'static str,
    text: &'static str,
    language: Language,
    translation: Option<Translated>,
    rationale: &'static str,
    source: RecommendationSource,
    /// Demo concerns it rests on: origin and title.
    concerns: &'static [(&'static str, &'static str)],
    /// Carries the first of `concerns` to an STG decision first.
    carry: Option<&'static Carry>,
    projects: &'static [&'static str],
    documents: &'static [Doc],
    focus_area: Option<FocusArea>,
    /// Addressed to all 26 cantons, besides `addressees`.
    all_cantons: bool,
    addressees: &'static [To],
    answer_due: &'static str,
    rhythm: ReportingRhythm,
    acts: &'static [Act],
}

fn invalid(error: impl std::fmt::Display) -> AppError {
    AppError::Validation(error.to_string())
}

fn text(value: &str) -> Result<FreeText, AppError> {
    FreeText::parse(value).map_err(invalid)
}

fn title(value: &str) -> Result<Title, AppError> {
    Title::parse(value).map_err(invalid)
}

fn date(value: &str) -> Result<NaiveDate, AppError> {
    value
        .parse()
        .map_err(|error| invalid(format!("demo date {value}: {error}")))
}

fn party(code: &str) -> Result<Party, AppError> {
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
    fn report(&self) -> Result<ImplementationReport, AppError> {
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
    fn content(
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
            focus_area: self.focus_area,
        })
    }

    fn addressees(&self, added: &[To]) -> Result<BTreeSet<Party>, AppError> {
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

    fn schedule(&self, answer_due: &str) -> Result<Schedule, AppError> {
        Ok(Schedule {
            answer_due: date(answer_due)?,
            rhythm: self.rhythm,
        })
    }

    /// Everyone its story needs.
    fn cast(&self) -> impl Iterator<Item = Who> + '_ {
        self.acts.iter().filter_map(|act| match act {
            Act::Answer(who, ..)
            | Act::Report(who, ..)
            | Act::Share(who, ..)
            | Act::Flag(who, ..) => Some(*who),
            _ => None,
        })
    }
}

/// The demo people's principals, by e-mail.
struct Cast(BTreeMap<Who, Principal>);

impl Cast {
    fn caller<'a>(&'a self, app: &'a App, who: Who) -> Result<Caller<'a>, AppError> {
        let principal = self
            .0
            .get(who)
            .ok_or_else(|| AppError::Internal(format!("demo person {who} is not loaded")))?;
        Ok(app.caller(Some(principal)))
    }
}

/// The recommendation being played and what its acts refer to.
struct Play<'a> {
    cast: &'a Cast,
    demo: &'a DemoRecommendation,
    id: RecommendationId,
    concerns: &'a BTreeSet<ConcernId>,
    ids: &'a BTreeMap<&'static str, RecommendationId>,
}

impl App {
    /// Loads the demo recommendations (after the demo concerns); returns
    /// how many were drafted.
    pub(crate) async fn load_demo_recommendations(&self) -> Result<usize, AppError> {
        let people: BTreeSet<Who> = recommendations()
            .flat_map(DemoRecommendation::cast)
            .chain([PETRA, MARCO, ANNA, RETO, SABINE, JONAS])
            .collect();
        let mut cast = BTreeMap::new();
        for who in people {
            if let Some(principal) = self.principal_of(demo_person_id(who), None).await? {
                cast.insert(who, principal);
            }
        }
        let cast = Cast(cast);
        let mut ids = BTreeMap::new();
        let mut drafted = 0;
        for demo in recommendations() {
            if let Some(id) = self.demo_recommendation_id(demo.title).await? {
                ids.insert(demo.key, id);
                continue;
            }
            let mut concerns = BTreeSet::new();
            for (origin, name) in demo.concerns {
                concerns.insert(self.demo_concern_by_title(origin, name).await?);
            }
            if let (Some(carry), Some(first)) = (demo.carry, demo.concerns.first()) {
                let id = self.demo_concern_by_title(first.0, first.1).await?;
                Box::pin(self.carry_demo_concern(&cast, id, carry)).await?;
            }
            let new = NewRecommendation {
                content: demo.content(concerns.clone(), None)?,
                addressees: demo.addressees(&[])?,
                schedule: demo.schedule(demo.answer_due)?,
            };
            let (id, _) = cast.caller(self, PETRA)?.draft_recommendation(new).await?;
            drafted += 1;
            ids.insert(demo.key, id);
            for act in demo.acts {
                let play = Play {
                    cast: &cast,
                    demo,
                    id,
                    concerns: &concerns,
                    ids: &ids,
                };
                Box::pin(self.play_recommendation(play, act)).await?;
            }
        }
        Ok(drafted)
    }

    /// The id of the recommendation with this title, if it is in the
    /// register already.
    async fn demo_recommendation_id(
        &self,
        name: &str,
    ) -> Result<Option<RecommendationId>, AppError> {
        let query = DocQuery {
            collection: RECOMMENDATIONS.to_owned(),
            filters: vec![DocFilter::Eq("title".into(), name.into())],
            limit: 1,
            ..DocQuery::default()
        };
        let found = self.store().docs(&query).await?;
        found
            .first()
            .map(|doc| RecommendationId::parse(&doc.key.id))
            .transpose()
            .map_err(|error| AppError::Internal(format!("recommendation id: {error}")))
    }

    /// The demo concern of `origin` with this title (loaded before).
    async fn demo_concern_by_title(&self, origin: &str, name: &str) -> Result<ConcernId, AppError> {
        let query = DocQuery {
            collection: CONCERNS.to_owned(),
            filters: vec![
                DocFilter::Eq("origin".into(), origin.into()),
                DocFilter::Eq("title".into(), name.into()),
            ],
            limit: 1,
            ..DocQuery::default()
        };
        let found = self.store().docs(&query).await?;
        let doc = found
            .first()
            .ok_or_else(|| AppError::Internal(format!("demo concern «{name}» is missing")))?;
        ConcernId::parse(&doc.key.id)
            .map_err(|error| AppError::Internal(format!("concern id: {error}")))
    }

    async fn play_recommendation(&self, play: Play<'_>, act: &Act) -> Result<(), AppError> {
        let Play {
            cast,
            demo,
            id,
            concerns,
            ids,
        } = play;
        let (who, command) = match *act {
            Act::Adopt(decision, on) => {
                let command = RecommendationCommand::Adopt {
                    decision: text(decision)?,
                    on: date(on)?,
                };
                (MARCO, command)
            }
            Act::Publish(on) => (PETRA, RecommendationCommand::Publish { on: date(on)? }),
            Act::Answer(who, to, acceptance, justification) => {
                let command = RecommendationCommand::Answer {
                    addressee: party(to)?,
                    acceptance,
                    justification: text(justification)?,
                };
                (who, command)
            }
            Act::Report(who, to, progress) => {
                let command = RecommendationCommand::Report {
                    addressee: party(to)?,
                    report: progress.report()?,
                };
                (who, command)
            }
            Act::Share(who, to) => {
                let command = RecommendationCommand::Share {
                    addressee: party(to)?,
                    shareable: true,
                };
                (who, command)
            }
            Act::Prioritize(to, note) => {
                let command = RecommendationCommand::Prioritize {
                    addressee: party(to)?,
                    priority: true,
                    note: text(note)?,
                };
                (MARCO, command)
            }
            Act::Flag(who, target, note) => {
                let target = match target {
                    Some(to) => FlagTarget::Addressee(party(to)?),
                    None => FlagTarget::Recommendation,
                };
                let note = text(note)?;
                (who, RecommendationCommand::Flag { target, note })
            }
            Act::Amend(amendment) => {
                let command = RecommendationCommand::Amend {
                    content: demo.content(concerns.clone(), Some(amendment))?,
                    addressees: demo.addressees(amendment.add)?,
                    schedule: demo.schedule(amendment.answer_due)?,
                    decision: text(amendment.decision)?,
                    summary: text(amendment.summary)?,
                };
                (MARCO, command)
            }
            Act::Supersede(key, rationale) => {
                let by = *ids.get(key).ok_or_else(|| {
                    AppError::Internal(format!("demo recommendation {key} is missing"))
                })?;
                let rationale = text(rationale)?;
                (MARCO, RecommendationCommand::Supersede { by, rationale })
            }
            Act::Close(assessment) => {
                let assessment = text(assessment)?;
                (MARCO, RecommendationCommand::Close { assessment })
            }
        };
        cast.caller(self, who)?
            .recommendation_command(id, command)
            .await?;
        Ok(())
    }
}

/// Every demo recommendation, in the order the demo plays them: one that
/// supersedes another comes first.
fn recommendations() -> impl Iterator<Item = &'static DemoRecommendation> {
    texts_de::RECOMMENDATIONS
        .iter()
        .chain(texts_cantons::RECOMMENDATIONS)
        .chain(texts_fr::RECOMMENDATIONS)
}
