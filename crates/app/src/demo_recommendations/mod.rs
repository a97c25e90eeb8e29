//! Demo recommendations of the STG, one in every stage: a draft, one
//! adopted and waiting for publication, published ones with answers,
//! implementation reports, an amendment, flags of the EKG and a priority of
//! the STG, a closed one and a superseded one. They are played through the
//! real commands by the demo people acting with their own roles and seats:
//! the Fachstelle drafts and publishes, the STG adopts and decides (the
//! Fachstelle records its decisions with the minutes), the EKG
//! flags, and each addressee answers and reports for itself. Loading again
//! adds nothing: a recommendation whose title is already in the register is
//! left alone.
//!
//! The dates the rules need (adoption, publication, reporting periods) are
//! the declared ones, mostly in the past; answers and reports are recorded
//! when the demo is loaded.

mod concern;
mod story;
mod texts_cantons;
mod texts_de;
mod texts_fr;

use std::collections::{BTreeMap, BTreeSet};

use iiz_domain::basis::{DecisionReference, DecisionSource};
use iiz_domain::decision::ItemSubject;
use iiz_domain::recommendation::FlagTarget;
use iiz_domain::{ConcernId, RecommendationCommand, RecommendationId};
use iiz_projections::{CONCERNS, RECOMMENDATIONS};
use iiz_store::{DocFilter, DocQuery, EventStore};

use crate::demo_cast::{
    ANNA, CLAIRE, Cast, HANS, JONAS, LUC, MARCO, NADIA, NICOLE, PETRA, RETO, SABINE, URS, Who,
};
use crate::demo_decisions::DemoBody;
use crate::recommendations::NewRecommendation;
use crate::{App, AppError};

use concern::Carry;
use story::{Act, Amendment, DemoRecommendation, Progress, date, party, text};

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
        let cast = self.demo_cast(people).await?;
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
                let (decision, on) = (text(decision)?, date(on)?);
                let basis = self
                    .demo_stg_decision(cast, demo, id, "Verabschiedung")
                    .await?;
                return self
                    .record_demo_decision(cast, id, basis, |decided_by| {
                        RecommendationCommand::Adopt {
                            decision,
                            on,
                            decided_by,
                        }
                    })
                    .await;
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
                let content = demo.content(concerns.clone(), Some(amendment))?;
                let addressees = demo.addressees(amendment.add)?;
                let schedule = demo.schedule(amendment.answer_due)?;
                let decision = text(amendment.decision)?;
                let summary = text(amendment.summary)?;
                let basis = self.demo_stg_decision(cast, demo, id, "Änderung").await?;
                return self
                    .record_demo_decision(cast, id, basis, |decided_by| {
                        RecommendationCommand::Amend {
                            content,
                            addressees,
                            schedule,
                            decision,
                            summary,
                            decided_by,
                        }
                    })
                    .await;
            }
            Act::Supersede(key, rationale) => {
                let by = *ids.get(key).ok_or_else(|| {
                    AppError::Internal(format!("demo recommendation {key} is missing"))
                })?;
                let rationale = text(rationale)?;
                let basis = self.demo_stg_decision(cast, demo, id, "Ablösung").await?;
                return self
                    .record_demo_decision(cast, id, basis, |decided_by| {
                        RecommendationCommand::Supersede {
                            by,
                            rationale,
                            decided_by,
                        }
                    })
                    .await;
            }
            Act::Close(assessment) => {
                let assessment = text(assessment)?;
                let basis = self.demo_stg_decision(cast, demo, id, "Abschluss").await?;
                return self
                    .record_demo_decision(cast, id, basis, |decided_by| {
                        RecommendationCommand::Close {
                            assessment,
                            decided_by,
                        }
                    })
                    .await;
            }
        };
        cast.caller(self, who)?
            .recommendation_command(id, command)
            .await?;
        Ok(())
    }
}

impl App {
    /// Minutes the STG's decision on a demo recommendation (`what`: its
    /// adoption, amendment, …) and returns it as the step's basis.
    async fn demo_stg_decision(
        &self,
        cast: &Cast,
        demo: &DemoRecommendation,
        id: RecommendationId,
        what: &str,
    ) -> Result<DecisionSource, AppError> {
        let item = format!("Empfehlung «{}»: {what}", demo.title);
        self.demo_decision(
            cast,
            DemoBody::Stg,
            ItemSubject::Recommendation(id),
            &item,
            &format!("{what} beschlossen"),
        )
        .await
    }

    /// The Fachstelle records the STG's decision with its basis.
    async fn record_demo_decision(
        &self,
        cast: &Cast,
        id: RecommendationId,
        basis: DecisionSource,
        step: impl FnOnce(DecisionReference) -> RecommendationCommand,
    ) -> Result<(), AppError> {
        cast.caller(self, PETRA)?
            .record_recommendation_decision(id, basis, step)
            .await
            .map(|_| ())
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
