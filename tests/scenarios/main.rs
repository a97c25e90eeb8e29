//! Cross-crate scenarios, each on SQLite and on PostgreSQL.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "test code: a failed step must fail the test"
)]

mod account_lifecycle;
mod account_scope;
mod architecture;
mod browser;
mod commands;
mod drafts;
mod focus_areas;
mod fuzz;
mod graphql;
mod inbox;
mod live;
mod meetings;
mod networks;
mod pages;
mod panorama;
mod panorama_exports;
mod paths;
mod privacy;
mod privacy_reads;
mod programme;
mod protection;
mod rate_limits;
mod recommendations;
mod replay;
mod replay_while_serving;
mod request_bounds;
mod request_limits;
mod requests;
mod resolutions;
mod seismograf;
mod seismograf_notices;
mod server;
mod sessions;
mod signin;
mod sockets;

/// Generates one test per backend for an `async fn(Backend)` scenario.
#[macro_export]
macro_rules! on_both_backends {
    ($($scenario:ident),* $(,)?) => {
        mod sqlite {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
                async fn $scenario() {
                    super::$scenario(iiz_tests::Backend::Sqlite).await;
                }
            )*
        }
        mod postgres {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
                async fn $scenario() {
                    super::$scenario(iiz_tests::Backend::Postgres).await;
                }
            )*
        }
    };
}
