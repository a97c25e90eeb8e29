//! Demo concerns of the Seismograf: cantonal routes for Solothurn and
//! Zurich, a regional network, and concerns in every stage, played through
//! the real commands by the demo people acting with their own roles and
//! seats. Loading again adds nothing: a concern whose title is already in
//! the register is left alone.

mod setup;
mod texts_de;
mod texts_fr;

use std::collections::{BTreeMap, BTreeSet};

use iiz_domain::concern::{
    AffectedInstitution, Channel, CommentVisibility, ConcernContent, EkgOutcome, ReturnReason,
    StepOutcome, StgOutcome,
};
use iiz_domain::decision::ItemSubject;
use iiz_domain::focus::{ConcernFocus, FocusArea};
use iiz_domain::text::FreeText;
use iiz_domain::{
    CantonCode, ConcernCommand, ConcernId, Language, NetworkId, Partner, Party, TenantId, Title,
};
use iiz_projections::CONCERNS;
use iiz_store::{DocFilter, DocQuery, EventStore};

use crate::concerns::NewConcern;
use crate::demo_cast::{
    ANNA, CLAIRE, Cast, HANS, JONAS, LUC, MARCO, MARTIN, NADIA, NICOLE, PETRA, RETO, ROLF, SABINE,
    URS, Who,
};
use crate::demo_decisions::DemoBody;
use crate::{App, AppError};

/// What the EKG does, as demo data.
#[derive(Debug, Clone, Copy)]
enum Ekg {
    Handle,
    WorkingGroup(&'static str),
    Propose(StgOutcome),
    Close(&'static str),
}

/// One step of a demo concern's story. The drafter starts the route,
/// submits, resolves and withdraws; the Fachstelle accepts, returns, merges
/// and answers; the EKG examines and the STG decides through their members.
#[derive(Debug, Clone, Copy)]
enum Act {
    StartRoute,
    /// Records the current route step.
    Step(Who, StepOutcome, &'static str),
    /// For a partner the person represents, or else for their tenant.
    Endorse(Who, Option<Partner>, &'static str),
    /// By the network's coordinator, bundled with the concerns named.
    Consolidate(&'static [&'static str], &'static str),
    Submit(Channel),
    Accept(&'static str),
    Return(ReturnReason, &'static str, &'static str),
    MergeInto(&'static str, &'static str),
    Examine(Ekg, &'static str),
    Decide(StgOutcome, &'static str, &'static str),
    /// The Fachstelle brings a request straight to the STG, with its reason.
    BringToStg(&'static str),
    /// The STG refers the concern to the EKG with a question, by a real
    /// circular resolution (`demo_resolutions`).
    ReferToEkg(&'static str),
    Answer(&'static str),
    Resolve(&'static str),
    Withdraw(&'static str),
    Comment(Who, &'static str, &'static str, CommentVisibility),
}

/// A demo concern and its story.
#[derive(Debug)]
struct DemoConcern {
    /// Names the concern in other concerns' stories.
    pub key: &'static str,
    pub origin: &'static str,
    pub by: Who,
    pub on_behalf_of: Option<Partner>,
    pub language: Language,
    pub title: &'static str,
    pub description: &'static str,
    pub why_not_cantonal: &'static str,
    pub institutions: &'static [AffectedInstitution],
    /// The key of a focus area of the demo programme.
    pub focus_area: &'static str,
    pub acts: &'static [Act],
}

fn invalid(error: impl std::fmt::Display) -> AppError {
    AppError::invalid(error.to_string())
}

fn text(value: &str) -> Result<FreeText, AppError> {
    FreeText::parse(value).map_err(invalid)
}

fn tenant(code: &str) -> Result<TenantId, AppError> {
    match code {
        "CH" => Ok(TenantId::National),
        code => CantonCode::parse(code)
            .map(TenantId::Canton)
            .map_err(invalid),
    }
}

impl DemoConcern {
    fn content(&self) -> Result<ConcernContent, AppError> {
        Ok(ConcernContent {
            title: Title::parse(self.title).map_err(invalid)?,
            description: text(self.description)?,
            why_not_cantonal: text(self.why_not_cantonal)?,
            institutions: self.institutions.iter().copied().collect(),
            focus_area: Some(ConcernFocus::Area(
                FocusArea::parse(self.focus_area).map_err(invalid)?,
            )),
            attachments: Vec::new(),
            language: self.language,
        })
    }
}

impl App {
    /// Loads the demo concerns (after the demo people); returns how many
    /// were drafted.
    pub(crate) async fn load_demo_concerns(&self) -> Result<usize, AppError> {
        let people: BTreeSet<Who> = concerns()
            .flat_map(|concern| {
                std::iter::once(concern.by).chain(concern.acts.iter().filter_map(actor))
            })
            .chain([PETRA, MARCO, JONAS, MARTIN, HANS, URS])
            .collect();
        let cast = self.demo_cast(people).await?;
        self.define_demo_route(&cast, "ZH", ANNA, &setup::zh_route())
            .await?;
        self.define_demo_route(&cast, "SO", URS, &setup::so_route())
            .await?;
        let network = self.form_demo_network(&cast).await?;
        let mut ids = BTreeMap::new();
        let mut drafted = 0;
        for concern in concerns() {
            if let Some(id) = self.demo_concern_id(concern).await? {
                ids.insert(concern.key, id);
                continue;
            }
            let new = NewConcern {
                origin: tenant(concern.origin)?,
                on_behalf_of: concern.on_behalf_of,
                content: concern.content()?,
            };
            let (id, _) = cast.caller(self, concern.by)?.draft_concern(new).await?;
            drafted += 1;
            ids.insert(concern.key, id);
            for act in concern.acts {
                let play = Play {
                    cast: &cast,
                    concern,
                    id,
                    ids: &ids,
                    network,
                };
                Box::pin(self.play(play, *act)).await?;
            }
        }
        Ok(drafted)
    }

    /// The id of the demo concern, if a concern of its tenant with its
    /// title is in the register already.
    async fn demo_concern_id(&self, concern: &DemoConcern) -> Result<Option<ConcernId>, AppError> {
        let query = DocQuery {
            collection: CONCERNS.to_owned(),
            filters: vec![
                DocFilter::Eq("origin".into(), concern.origin.into()),
                DocFilter::Eq("title".into(), concern.title.into()),
            ],
            limit: 1,
            ..DocQuery::default()
        };
        let found = self.store().docs(&query).await?;
        found
            .first()
            .map(|doc| ConcernId::parse(&doc.key.id))
            .transpose()
            .map_err(|error| AppError::Internal(format!("concern id: {error}")))
    }

    async fn play(&self, play: Play<'_>, act: Act) -> Result<(), AppError> {
        let Play {
            cast,
            concern,
            id,
            ids,
            network,
        } = play;
        let (who, command) = match act {
            Act::StartRoute => (concern.by, ConcernCommand::StartRoute),
            Act::Step(who, outcome, rationale) => {
                let view = cast.caller(self, who)?.concern(id).await?;
                let step = view.current_step.unwrap_or_default();
                let rationale = text(rationale)?;
                (
                    who,
                    ConcernCommand::RecordStep {
                        step,
                        outcome,
                        rationale,
                    },
                )
            }
            Act::Endorse(who, partner, reason) => {
                let by = match partner {
                    Some(partner) => Party::Partner(partner),
                    None => cast.caller(self, who)?.default_endorser(id).await?,
                };
                (
                    who,
                    ConcernCommand::Endorse {
                        by,
                        reason: text(reason)?,
                    },
                )
            }
            Act::Consolidate(bundle, note) => {
                let Some(network) = network else {
                    return Ok(());
                };
                let bundle: BTreeSet<ConcernId> = bundle
                    .iter()
                    .filter_map(|key| ids.get(key).copied())
                    .collect();
                let note = text(note)?;
                let command = ConcernCommand::Consolidate {
                    network,
                    bundle,
                    note,
                };
                (MARTIN, command)
            }
            Act::Submit(channel) => (concern.by, ConcernCommand::Submit { channel }),
            Act::Accept(note) => (PETRA, ConcernCommand::Accept { note: text(note)? }),
            Act::Return(reason, rationale, needed) => {
                let rationale = text(rationale)?;
                let needed = text(needed)?;
                let command = ConcernCommand::Return {
                    reason,
                    rationale,
                    needed,
                };
                (PETRA, command)
            }
            Act::MergeInto(key, rationale) => {
                let into = *ids
                    .get(key)
                    .ok_or_else(|| AppError::Internal(format!("demo concern {key} is missing")))?;
                let fachstelle = cast.caller(self, PETRA)?;
                fachstelle.merge_concern(id, into, text(rationale)?).await?;
                return Ok(());
            }
            Act::Examine(outcome, rationale) => {
                let outcome = match outcome {
                    Ekg::Handle => EkgOutcome::HandleInEkg,
                    Ekg::WorkingGroup(group) => EkgOutcome::GiveToWorkingGroup {
                        working_group: text(group)?,
                        mandate: None,
                    },
                    Ekg::Propose(proposal) => EkgOutcome::ProposeToStg { proposal },
                    Ekg::Close(answer) => EkgOutcome::CloseWithAnswer {
                        answer: text(answer)?,
                    },
                };
                let rationale = text(rationale)?;
                let item = format!("Anliegen {}: {}", concern.origin, concern.title);
                let basis = self
                    .demo_decision(
                        cast,
                        DemoBody::Ekg,
                        ItemSubject::Concern(id),
                        &item,
                        "Geprüft",
                    )
                    .await?;
                cast.caller(self, PETRA)?
                    .examine_concern(id, outcome, rationale, basis)
                    .await?;
                return Ok(());
            }
            Act::Decide(outcome, decision, rationale) => {
                let item = format!("Anliegen {}: {}", concern.origin, concern.title);
                let basis = self
                    .demo_decision(
                        cast,
                        DemoBody::Stg,
                        ItemSubject::Concern(id),
                        &item,
                        decision,
                    )
                    .await?;
                cast.caller(self, PETRA)?
                    .decide_concern(id, outcome, text(decision)?, text(rationale)?, basis)
                    .await?;
                return Ok(());
            }
            Act::BringToStg(reason) => (
                PETRA,
                ConcernCommand::BringToStg {
                    reason: text(reason)?,
                },
            ),
            Act::ReferToEkg(question) => {
                self.demo_referral_by_resolution(cast, id, concern.title, question)
                    .await?;
                return Ok(());
            }
            Act::Answer(answer) => (
                PETRA,
                ConcernCommand::Answer {
                    text: text(answer)?,
                    recommendation: None,
                },
            ),
            Act::Resolve(rationale) => {
                let rationale = text(rationale)?;
                (concern.by, ConcernCommand::ResolveLocally { rationale })
            }
            Act::Withdraw(rationale) => {
                let rationale = text(rationale)?;
                (concern.by, ConcernCommand::Withdraw { rationale })
            }
            Act::Comment(who, on_behalf, comment, visibility) => {
                let command = ConcernCommand::Comment {
                    tenant: tenant(on_behalf)?,
                    text: text(comment)?,
                    visibility,
                };
                (who, command)
            }
        };
        cast.caller(self, who)?.concern_command(id, command).await?;
        Ok(())
    }
}

/// What an act needs besides itself.
#[derive(Clone, Copy)]
struct Play<'a> {
    cast: &'a Cast,
    concern: &'a DemoConcern,
    id: ConcernId,
    ids: &'a BTreeMap<&'static str, ConcernId>,
    network: Option<NetworkId>,
}

/// The person an act names, if it names one.
fn actor(act: &Act) -> Option<Who> {
    match act {
        Act::Step(who, ..) | Act::Endorse(who, ..) | Act::Comment(who, ..) => Some(*who),
        _ => None,
    }
}

/// Every demo concern, in the order the demo plays them.
fn concerns() -> impl Iterator<Item = &'static DemoConcern> {
    texts_de::CONCERNS.iter().chain(texts_fr::CONCERNS)
}
