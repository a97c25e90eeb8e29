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
mod lifecycle;
mod localized_names;
mod meeting_inputs;
mod meetings;
mod networks;
mod panorama;
mod panorama_inputs;
mod people;
mod privacy;
mod programmes;
mod projects;
mod recommendation_tracking;
mod recommendations;
mod resolutions;
mod webhooks;
mod working_groups;

use async_graphql::MergedObject;

/// Every mutation of the API.
#[derive(Debug, Default, MergedObject)]
pub struct Mutation(
    accounts::AccountMutations,
    bodies::BodyMutations,
    people::PeopleMutations,
    privacy::PrivacyMutations,
    lifecycle::LifecycleMutations,
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
    panorama::PanoramaMutations,
);
