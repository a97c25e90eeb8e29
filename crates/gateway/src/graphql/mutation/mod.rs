//! Mutations: parse the input into domain values (bad input is a
//! `VALIDATION` error and changes nothing), then hand the command to a
//! [`iiz_app::Caller`], which authorizes and executes it. One file per part
//! of the model, merged into one `Mutation` type.

mod accounts;
mod basis;
mod bodies;
mod chairs;
mod concern_paths;
mod concern_steps;
mod concerns;
mod inbox;
mod meeting_inputs;
mod meetings;
mod networks;
mod people;
mod programmes;
mod projects;
mod recommendation_tracking;
mod recommendations;
mod resolutions;
mod webhooks;
mod working_groups;

use async_graphql::{Context, ID, InputObject, MergedObject, Result};
use iiz_app::{App, Caller};
use iiz_domain::text::{FreeText, LocalizedName};
use iiz_domain::{BodyId, CantonCode, NetworkId, PersonId};

use super::context::RequestContext;
use super::types::{Body, Language, Membership, Person};
use super::{invalid, parse_id};

/// Every mutation of the API.
#[derive(Debug, Default, MergedObject)]
pub struct Mutation(
    accounts::AccountMutations,
    bodies::BodyMutations,
    people::PeopleMutations,
    networks::NetworkMutations,
    concerns::ConcernMutations,
    concern_steps::ConcernStepMutations,
    concern_paths::ConcernPathMutations,
    recommendations::RecommendationMutations,
    recommendation_tracking::RecommendationTrackingMutations,
    meetings::MeetingMutations,
    resolutions::ResolutionMutations,
    working_groups::WorkingGroupMutations,
    projects::ProjectMutations,
    programmes::SteeringMutations,
    chairs::ChairMutations,
    inbox::InboxMutations,
    webhooks::WebhookMutations,
);

pub(super) use concerns::EkgOutcomeKind;

/// A name in one language.
#[derive(Debug, Clone, InputObject)]
pub struct LocalizedTextInput {
    pub language: Language,
    pub text: String,
}

fn names(input: Vec<LocalizedTextInput>) -> Result<LocalizedName> {
    LocalizedName::parse(
        input
            .into_iter()
            .map(|entry| (entry.language.into(), entry.text)),
    )
    .map_err(|error| invalid(error.to_string()))
}

pub(super) fn free_text(text: String) -> Result<FreeText> {
    FreeText::parse(text).map_err(|error| invalid(error.to_string()))
}

/// The caller and what errors are reported with.
pub(super) fn caller<'a>(ctx: &Context<'a>) -> Result<(Caller<'a>, &'a RequestContext, &'a App)> {
    let request = RequestContext::of(ctx)?;
    let app = ctx.data::<App>()?;
    Ok((app.caller(request.principal.as_ref()), request, app))
}

pub(super) async fn body_after(
    caller: &Caller<'_>,
    request: &RequestContext,
    id: BodyId,
) -> Result<Body> {
    caller
        .body(id)
        .await
        .map(Into::into)
        .map_err(|error| request.error(error))
}

pub(super) async fn members_after(
    caller: &Caller<'_>,
    request: &RequestContext,
    id: BodyId,
) -> Result<Vec<Membership>> {
    let members = caller
        .body_members(id)
        .await
        .map_err(|error| request.error(error))?;
    Ok(members.current().map(Into::into).collect())
}

pub(super) async fn person_after(
    caller: &Caller<'_>,
    request: &RequestContext,
    id: PersonId,
) -> Result<Person> {
    caller
        .person(id)
        .await
        .map(Into::into)
        .map_err(|error| request.error(error))
}

pub(super) fn network_id(id: &ID) -> Result<NetworkId> {
    parse_id(id, NetworkId::parse)
}

pub(super) fn canton(id: &ID) -> Result<CantonCode> {
    CantonCode::parse(id.as_str()).map_err(|error| invalid(error.to_string()))
}
