//! Mutations of a recommendation's own life: drafted and published by the
//! Fachstelle, adopted, amended, superseded and closed by the STG.

use std::collections::{BTreeMap, BTreeSet};

use async_graphql::{Context, ID, InputObject, Object, Result};
use chrono::NaiveDate;
use iiz_app::recommendations::NewRecommendation;
use iiz_domain::basis::DecisionReference;
use iiz_domain::recommendation::{
    Basis, RecommendationContent, RecommendationSource, ReportingRhythm, Schedule, Translation,
};
use iiz_domain::{ConcernId, Party, RecommendationCommand, RecommendationId};

use super::basis::DecisionBasisInput;
use crate::graphql::args::{
    AttachmentInput, attachments, caller, free_text, invalid, parse_id, party, title,
};
use crate::graphql::recommendation_types::{
    Recommendation, RecommendationSourceValue, ReportingRhythmValue, focus_area,
};
use crate::graphql::types::Language;

/// The text in a further language.
#[derive(Debug, Clone, InputObject)]
pub struct TranslationInput {
    pub language: Language,
    pub title: String,
    pub text: String,
}

/// What a recommendation rests on.
#[derive(Debug, Clone, Default, InputObject)]
pub struct BasisInput {
    /// Seismograf concerns it answers.
    #[graphql(
        default,
        validator(custom = "crate::graphql::args::MaxItems(\"basis.concerns\")")
    )]
    pub concerns: Vec<ID>,
    /// Projects, by name.
    #[graphql(
        default,
        validator(custom = "crate::graphql::args::MaxItems(\"basis.projects\")")
    )]
    pub projects: Vec<String>,
    #[graphql(
        default,
        validator(custom = "crate::graphql::args::MaxItems(\"basis.documents\")")
    )]
    pub documents: Vec<AttachmentInput>,
}

/// A recommendation's text, addressees and schedule.
#[derive(Debug, Clone, InputObject)]
pub struct RecommendationInput {
    pub title: String,
    pub text: String,
    /// The language of `title` and `text`.
    pub language: Language,
    #[graphql(
        default,
        validator(custom = "crate::graphql::args::MaxItems(\"translations\")")
    )]
    pub translations: Vec<TranslationInput>,
    pub rationale: String,
    pub source: RecommendationSourceValue,
    #[graphql(default)]
    pub basis: BasisInput,
    pub focus_area: Option<ID>,
    /// `CH`, cantons and partners (`SODK`, `SECO`, …).
    #[graphql(validator(custom = "crate::graphql::args::MaxItems(\"addressees\")"))]
    pub addressees: Vec<String>,
    /// The first answer is due by this day.
    pub answer_due: NaiveDate,
    pub reporting_rhythm: ReportingRhythmValue,
}

struct Parsed {
    content: RecommendationContent,
    addressees: BTreeSet<Party>,
    schedule: Schedule,
}

fn parse(input: RecommendationInput) -> Result<Parsed> {
    let mut translated = BTreeMap::new();
    for translation in input.translations {
        let language = translation.language.into();
        let text = Translation {
            title: title(&translation.title)?,
            text: free_text(translation.text)?,
        };
        if translated.insert(language, text).is_some() {
            return Err(invalid(format!("two translations into {language}")));
        }
    }
    let basis = Basis {
        concerns: input
            .basis
            .concerns
            .iter()
            .map(|id| parse_id(id, ConcernId::parse))
            .collect::<Result<_>>()?,
        projects: input
            .basis
            .projects
            .iter()
            .map(|name| title(name))
            .collect::<Result<_>>()?,
        documents: attachments(input.basis.documents)?,
    };
    Ok(Parsed {
        content: RecommendationContent {
            title: title(&input.title)?,
            text: free_text(input.text)?,
            language: input.language.into(),
            translations: translated,
            rationale: free_text(input.rationale)?,
            source: RecommendationSource::from(input.source),
            basis,
            focus_area: input.focus_area.as_ref().map(focus_area).transpose()?,
        },
        addressees: input
            .addressees
            .iter()
            .map(|code| party(code))
            .collect::<Result<_>>()?,
        schedule: Schedule {
            answer_due: input.answer_due,
            rhythm: ReportingRhythm::from(input.reporting_rhythm),
        },
    })
}

pub(super) async fn recommendation_after(
    ctx: &Context<'_>,
    id: RecommendationId,
) -> Result<Recommendation> {
    let (caller, request, _) = caller(ctx)?;
    caller
        .recommendation(id)
        .await
        .map(Into::into)
        .map_err(|error| request.error(error))
}

/// Runs one command and reads the recommendation back.
pub(super) async fn act(
    ctx: &Context<'_>,
    id: &ID,
    command: RecommendationCommand,
) -> Result<Recommendation> {
    let (caller, request, _) = caller(ctx)?;
    let id = parse_id(id, RecommendationId::parse)?;
    caller
        .recommendation_command(id, command)
        .await
        .map_err(|error| request.error(error))?;
    recommendation_after(ctx, id).await
}

/// Records an STG decision on a recommendation with its basis.
async fn decided(
    ctx: &Context<'_>,
    id: &ID,
    basis: DecisionBasisInput,
    step: impl FnOnce(DecisionReference) -> RecommendationCommand,
) -> Result<Recommendation> {
    let basis = basis.parse()?;
    let (caller, request, _) = caller(ctx)?;
    let id = parse_id(id, RecommendationId::parse)?;
    caller
        .record_recommendation_decision(id, basis, step)
        .await
        .map_err(|error| request.error(error))?;
    recommendation_after(ctx, id).await
}

#[derive(Debug, Default)]
pub struct RecommendationMutations;

#[Object]
impl RecommendationMutations {
    /// The Fachstelle drafts a recommendation.
    async fn draft_recommendation(
        &self,
        ctx: &Context<'_>,
        input: RecommendationInput,
    ) -> Result<Recommendation> {
        let (caller, request, _) = caller(ctx)?;
        let parsed = parse(input)?;
        let (id, _) = caller
            .draft_recommendation(NewRecommendation {
                content: parsed.content,
                addressees: parsed.addressees,
                schedule: parsed.schedule,
            })
            .await
            .map_err(|error| request.error(error))?;
        recommendation_after(ctx, id).await
    }

    /// Changes a draft.
    async fn edit_recommendation(
        &self,
        ctx: &Context<'_>,
        id: ID,
        input: RecommendationInput,
    ) -> Result<Recommendation> {
        let parsed = parse(input)?;
        let command = RecommendationCommand::Edit {
            content: parsed.content,
            addressees: parsed.addressees,
            schedule: parsed.schedule,
        };
        act(ctx, &id, command).await
    }

    /// Drops a draft, saying why.
    async fn discard_recommendation(
        &self,
        ctx: &Context<'_>,
        id: ID,
        rationale: String,
    ) -> Result<Recommendation> {
        let rationale = free_text(rationale)?;
        act(ctx, &id, RecommendationCommand::Discard { rationale }).await
    }

    /// Records the STG's adoption as decided in meeting X, item N, or by
    /// circular resolution Y (`basis`), with the minuted decision and its
    /// day. The STG adopts as a body; the Fachstelle records it.
    async fn adopt_recommendation(
        &self,
        ctx: &Context<'_>,
        id: ID,
        decision: String,
        on: NaiveDate,
        basis: DecisionBasisInput,
    ) -> Result<Recommendation> {
        let decision = free_text(decision)?;
        decided(ctx, &id, basis, |decided_by| RecommendationCommand::Adopt {
            decision,
            on,
            decided_by,
        })
        .await
    }

    /// Publishes today to the addressees, which opens their tracking items
    /// and answers the concerns the recommendation carries out.
    async fn publish_recommendation(&self, ctx: &Context<'_>, id: ID) -> Result<Recommendation> {
        let (caller, request, _) = caller(ctx)?;
        let id = parse_id(&id, RecommendationId::parse)?;
        caller
            .publish_recommendation(id)
            .await
            .map_err(|error| request.error(error))?;
        recommendation_after(ctx, id).await
    }

    /// Records a new version as the STG decided it in meeting X, item N,
    /// or by circular resolution Y (`basis`). Addressees may be added, not
    /// removed.
    async fn amend_recommendation(
        &self,
        ctx: &Context<'_>,
        id: ID,
        input: RecommendationInput,
        decision: String,
        #[graphql(desc = "What changed and why, for the addressees.")] summary: String,
        basis: DecisionBasisInput,
    ) -> Result<Recommendation> {
        let parsed = parse(input)?;
        let decision = free_text(decision)?;
        let summary = free_text(summary)?;
        decided(ctx, &id, basis, |decided_by| RecommendationCommand::Amend {
            content: parsed.content,
            addressees: parsed.addressees,
            schedule: parsed.schedule,
            decision,
            summary,
            decided_by,
        })
        .await
    }

    /// Records that the STG replaced it by another (adopted or published)
    /// recommendation in meeting X, item N, or by circular resolution Y
    /// (`basis`).
    async fn supersede_recommendation(
        &self,
        ctx: &Context<'_>,
        id: ID,
        by: ID,
        rationale: String,
        basis: DecisionBasisInput,
    ) -> Result<Recommendation> {
        let by = parse_id(&by, RecommendationId::parse)?;
        let rationale = free_text(rationale)?;
        decided(ctx, &id, basis, |decided_by| {
            RecommendationCommand::Supersede {
                by,
                rationale,
                decided_by,
            }
        })
        .await
    }

    /// Records that the STG closed it with its final assessment in meeting
    /// X, item N, or by circular resolution Y (`basis`).
    async fn close_recommendation(
        &self,
        ctx: &Context<'_>,
        id: ID,
        assessment: String,
        basis: DecisionBasisInput,
    ) -> Result<Recommendation> {
        let assessment = free_text(assessment)?;
        decided(ctx, &id, basis, |decided_by| RecommendationCommand::Close {
            assessment,
            decided_by,
        })
        .await
    }
}
