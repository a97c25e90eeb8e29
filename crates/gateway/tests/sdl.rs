//! The GraphQL contract in `schema/graphql/schema.graphql` is the code's
//! schema: this test fails when they drift. `just sdl` rewrites the file.
#![allow(clippy::unwrap_used, clippy::expect_used, reason = "test code")]

use std::path::PathBuf;

fn committed_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../schema/graphql/schema.graphql")
}

#[test]
fn the_committed_sdl_is_the_schema_of_the_code() {
    let generated = iiz_gateway::graphql::sdl();
    let path = committed_path();
    if std::env::var_os("IIZ_UPDATE_SDL").is_some() {
        std::fs::write(&path, &generated).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "{} differs from the schema in the code; run `just sdl` and commit the result",
        path.display()
    );
}
