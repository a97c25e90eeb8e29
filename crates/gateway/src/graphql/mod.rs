//! The GraphQL API: schema, limits and the request pipeline.

mod args;
mod budget_types;
mod concern_enums;
mod concern_path_types;
mod concern_stats_types;
mod concern_types;
mod context;
mod dashboard_types;
mod decision_types;
mod error;
mod focus_types;
mod group_types;
mod inbox_types;
mod meeting_enums;
mod meeting_types;
mod meeting_year_types;
mod monitoring_types;
mod mutation;
mod network_types;
mod programme_types;
mod project_types;
mod query;
mod query_concerns;
mod query_inbox;
mod query_meetings;
mod query_recommendations;
mod query_resolutions;
mod query_steering;
mod recommendation_enums;
mod recommendation_types;
mod resolution_types;
pub mod session;
mod shared_types;
mod subscription;
mod types;

use async_graphql::Schema;
use iiz_app::App;

pub use context::{LivePrincipal, RequestContext};
pub use error::{Code, code_graphql_refusals, code_of, coded};
pub use mutation::Mutation;
pub use query::Query;
pub use subscription::Subscription;

/// The platform's schema.
pub type IizSchema = Schema<Query, Mutation, Subscription>;

/// Deepest selection accepted (a Relay page of bodies is 5 levels).
pub const MAX_DEPTH: usize = 12;
/// Most fields (weighted) one request may select.
pub const MAX_COMPLEXITY: usize = 2_000;

/// Builds the schema over `app`.
pub fn schema(app: App) -> IizSchema {
    Schema::build(Query::default(), Mutation::default(), Subscription)
        .data(app)
        .limit_depth(MAX_DEPTH)
        .limit_complexity(MAX_COMPLEXITY)
        .limit_recursive_depth(32)
        .limit_directives(20)
        .finish()
}

/// The schema in SDL, as committed in `schema/graphql/schema.graphql`.
pub fn sdl() -> String {
    Schema::build(Query::default(), Mutation::default(), Subscription)
        .finish()
        .sdl()
}
