//! Mutations of the Seismograf: one per step of a concern's way.

use std::collections::BTreeSet;

use async_graphql::{Context, ID, InputObject, Object, Result, SimpleObject};
use iiz_app::concerns::NewConcern;
use iiz_domain::concern::{AffectedInstitution, ConcernContent, RouteStep, StepActor, StepKind};
use iiz_domain::{
    BodyId, ConcernCommand, ConcernId, NetworkId, Partner, Party, TenantId, TenantRole,
};

use crate::graphql::args::{
    AttachmentInput, caller, field_error, free_text, invalid, parse_id, parse_tenant, title,
};
use crate::graphql::concern_types::{
    AffectedInstitutionValue, ChannelValue, Concern, SimilarConcernInfo, StepKindValue,
    StepOutcomeValue, similar_concerns,
};
use crate::graphql::types::{ConcernRoute, Language, TenantRoleValue};

/// What a concern says.
#[derive(Debug, Clone, InputObject)]
pub struct ConcernContentInput {
    pub title: String,
    pub description: String,
    /// Why the canton cannot solve it alone (required to leave the canton).
    #[graphql(default)]
    pub why_not_cantonal: String,
    #[graphql(
        default,
        validator(custom = "crate::graphql::args::MaxItems(\"institutions\")")
    )]
    pub institutions: Vec<AffectedInstitutionValue>,
    /// The key of a focus area of the work programme in force.
    pub focus_area: Option<ID>,
    #[graphql(
        default,
        validator(custom = "crate::graphql::args::MaxItems(\"attachments\")")
    )]
    pub attachments: Vec<AttachmentInput>,
    pub language: Language,
}

/// A concern to draft.
#[derive(Debug, Clone, InputObject)]
pub struct DraftConcernInput {
    /// The tenant it is raised in.
    pub tenant: ID,
    /// A conference drafting through its delegate (`SKOS`, …); national only.
    pub on_behalf_of: Option<String>,
    pub content: ConcernContentInput,
}

/// One step of a concern route: a body or a role acts.
#[derive(Debug, Clone, InputObject)]
pub struct RouteStepInput {
    pub label: String,
    pub kind: StepKindValue,
    pub body: Option<ID>,
    pub role: Option<TenantRoleValue>,
}

/// A submitted concern and the shared concerns that read like it, which
/// its submitter may rather endorse.
#[derive(Debug, Clone, SimpleObject)]
pub struct SubmittedConcern {
    pub concern: Concern,
    pub similar: Vec<SimilarConcernInfo>,
}

/// The same parsing as the pages' concern form ([`iiz_app::input`]); the
/// first failing input is the error.
fn content(input: ConcernContentInput) -> Result<ConcernContent> {
    let language: iiz_domain::Language = input.language.into();
    iiz_app::input::concern_content(iiz_app::input::ConcernContentFields {
        title: input.title,
        description: input.description,
        why_not_cantonal: input.why_not_cantonal,
        institutions: input
            .institutions
            .into_iter()
            .map(|institution| AffectedInstitution::from(institution).as_str().to_owned())
            .collect(),
        focus_area: input.focus_area.map(|area| area.to_string()),
        attachments: input
            .attachments
            .into_iter()
            .map(|attachment| (attachment.title, attachment.link))
            .collect(),
        language: language.as_str().to_owned(),
    })
    .map_err(|errors| match errors.iter().next() {
        Some(first) => field_error(first.clone()),
        None => invalid("the concern's content does not parse"),
    })
}

fn partner(code: &str) -> Result<Partner> {
    Partner::parse(code).map_err(|error| invalid(error.to_string()))
}

/// `ZH`, `CH` or a partner's abbreviation.
fn party(code: &str) -> Result<Party> {
    match TenantId::parse(code) {
        Ok(tenant) => Ok(Party::Tenant(tenant)),
        Err(_) => partner(code).map(Party::Partner),
    }
}

fn route_step(input: RouteStepInput) -> Result<RouteStep> {
    let actor = match (input.body, input.role) {
        (Some(body), None) => StepActor::Body(parse_id(&body, BodyId::parse)?),
        (None, Some(role)) => StepActor::Role(TenantRole::from(role)),
        _ => return Err(invalid("a route step names either a body or a role")),
    };
    Ok(RouteStep {
        label: title(&input.label)?,
        actor,
        kind: StepKind::from(input.kind),
    })
}

pub(super) async fn concern_after(ctx: &Context<'_>, id: ConcernId) -> Result<Concern> {
    let (caller, request, _) = caller(ctx)?;
    caller
        .concern(id)
        .await
        .map(Into::into)
        .map_err(|error| request.error(error))
}

pub(super) async fn step(ctx: &Context<'_>, id: &ID, command: ConcernCommand) -> Result<Concern> {
    let (caller, request, _) = caller(ctx)?;
    let id = parse_id(id, ConcernId::parse)?;
    caller
        .concern_command(id, command)
        .await
        .map_err(|error| request.error(error))?;
    concern_after(ctx, id).await
}

#[derive(Debug, Default)]
pub struct ConcernMutations;

#[Object]
impl ConcernMutations {
    /// Defines the route concerns take inside a tenant from now on;
    /// concerns under way keep theirs.
    async fn define_concern_route(
        &self,
        ctx: &Context<'_>,
        tenant: ID,
        #[graphql(validator(custom = "crate::graphql::args::MaxItems(\"steps\")"))] steps: Vec<
            RouteStepInput,
        >,
    ) -> Result<ConcernRoute> {
        let (caller, request, app) = caller(ctx)?;
        let tenant = parse_tenant(&tenant)?;
        let steps = steps.into_iter().map(route_step).collect::<Result<_>>()?;
        caller
            .define_concern_route(tenant, steps)
            .await
            .map_err(|error| request.error(error))?;
        let view = app
            .tenant(tenant)
            .await
            .map_err(|error| request.error(error))?
            .ok_or_else(|| invalid("the tenant is not registered"))?;
        Ok((&view.concern_route).into())
    }

    async fn draft_concern(&self, ctx: &Context<'_>, input: DraftConcernInput) -> Result<Concern> {
        let (caller, request, _) = caller(ctx)?;
        let new = NewConcern {
            origin: parse_tenant(&input.tenant)?,
            on_behalf_of: input.on_behalf_of.as_deref().map(partner).transpose()?,
            content: content(input.content)?,
        };
        let (id, _) = caller
            .draft_concern(new)
            .await
            .map_err(|error| request.error(error))?;
        concern_after(ctx, id).await
    }

    async fn edit_concern(
        &self,
        ctx: &Context<'_>,
        id: ID,
        content: ConcernContentInput,
    ) -> Result<Concern> {
        let content = self::content(content)?;
        step(ctx, &id, ConcernCommand::Edit { content }).await
    }

    /// Sends a draft into its tenant's route.
    async fn start_concern_route(&self, ctx: &Context<'_>, id: ID) -> Result<Concern> {
        step(ctx, &id, ConcernCommand::StartRoute).await
    }

    /// Records the outcome of the route step the concern waits at.
    async fn record_concern_step(
        &self,
        ctx: &Context<'_>,
        id: ID,
        step: u32,
        outcome: StepOutcomeValue,
        #[graphql(default)] rationale: String,
    ) -> Result<Concern> {
        let command = ConcernCommand::RecordStep {
            step: usize::try_from(step).map_err(|_| invalid("step is out of range"))?,
            outcome: outcome.into(),
            rationale: free_text(rationale)?,
        };
        self::step(ctx, &id, command).await
    }

    async fn resolve_concern_locally(
        &self,
        ctx: &Context<'_>,
        id: ID,
        rationale: String,
    ) -> Result<Concern> {
        let rationale = free_text(rationale)?;
        step(ctx, &id, ConcernCommand::ResolveLocally { rationale }).await
    }

    async fn withdraw_concern(
        &self,
        ctx: &Context<'_>,
        id: ID,
        rationale: String,
    ) -> Result<Concern> {
        let rationale = free_text(rationale)?;
        step(ctx, &id, ConcernCommand::Withdraw { rationale }).await
    }

    /// The network coordinator consolidates, possibly bundling concerns.
    async fn consolidate_concern(
        &self,
        ctx: &Context<'_>,
        id: ID,
        network: ID,
        #[graphql(
            default,
            validator(custom = "crate::graphql::args::MaxItems(\"bundle\")")
        )]
        bundle: Vec<ID>,
        #[graphql(default)] note: String,
    ) -> Result<Concern> {
        let command = ConcernCommand::Consolidate {
            network: parse_id(&network, NetworkId::parse)?,
            bundle: bundle
                .iter()
                .map(|other| parse_id(other, ConcernId::parse))
                .collect::<Result<BTreeSet<_>>>()?,
            note: free_text(note)?,
        };
        step(ctx, &id, command).await
    }

    /// Endorses for `party` (`BE`, `SKOS`, …), by default the first party
    /// the caller speaks for that does not support it yet.
    async fn endorse_concern(
        &self,
        ctx: &Context<'_>,
        id: ID,
        party: Option<String>,
        reason: String,
    ) -> Result<Concern> {
        let by = match party {
            Some(code) => self::party(&code)?,
            None => {
                let (caller, request, _) = caller(ctx)?;
                caller
                    .default_endorser(parse_id(&id, ConcernId::parse)?)
                    .await
                    .map_err(|error| request.error(error))?
            }
        };
        let reason = free_text(reason)?;
        step(ctx, &id, ConcernCommand::Endorse { by, reason }).await
    }

    /// Submits nationally; answers with similar shared concerns.
    async fn submit_concern(
        &self,
        ctx: &Context<'_>,
        id: ID,
        #[graphql(default_with = "ChannelValue::ViaFachstelle")] channel: ChannelValue,
    ) -> Result<SubmittedConcern> {
        let concern = step(
            ctx,
            &id,
            ConcernCommand::Submit {
                channel: channel.into(),
            },
        )
        .await?;
        let similar = similar_concerns(ctx, parse_id(&id, ConcernId::parse)?).await?;
        Ok(SubmittedConcern { concern, similar })
    }
}
