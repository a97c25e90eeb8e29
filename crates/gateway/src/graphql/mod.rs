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
pub mod limits;
mod meeting_enums;
mod meeting_types;
mod meeting_year_types;
mod monitoring_types;
mod mutation;
mod network_types;
mod panorama_enums;
mod panorama_national_types;
mod panorama_round_types;
mod panorama_types;
mod privacy_types;
mod programme_types;
mod project_types;
mod query;
mod query_concerns;
mod query_inbox;
mod query_meetings;
mod query_panorama;
mod query_privacy;
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
pub use limits::{ComplexityLimit, PerRequest, QueryLimits};
pub use mutation::Mutation;
pub use query::Query;
pub use subscription::Subscription;

/// The platform's schema.
pub type IizSchema = Schema<Query, Mutation, Subscription>;

/// Builds the schema over `app` with the default limits.
pub fn schema(app: App) -> IizSchema {
    schema_with(app, QueryLimits::default())
}

/// Builds the schema over `app`: queries deeper than `limits.max_depth` or
/// costlier than `limits.max_complexity` ([`limits`]) are refused before
/// they run.
pub fn schema_with(app: App, limits: QueryLimits) -> IizSchema {
    Schema::build(Query::default(), Mutation::default(), Subscription)
        .data(app)
        .limit_depth(limits.max_depth)
        .extension(ComplexityLimit {
            max: limits.max_complexity,
        })
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
