//! The public event contracts in `schema/events/`: one JSON Schema per
//! published event type, generated from the code. These tests fail when the
//! files drift from the code, when a type has no schema, when a real
//! message of any type does not validate, and when something withheld would
//! leave the platform. `IIZ_UPDATE_SCHEMAS=1` rewrites the files.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "test code: a broken contract must fail the test"
)]

#[path = "contracts/files.rs"]
mod files;
#[path = "contracts/messages.rs"]
mod messages;
#[path = "contracts/rest/mod.rs"]
mod rest;
#[path = "contracts/texts.rs"]
mod texts;
#[path = "contracts/withheld.rs"]
mod withheld;
#[path = "contracts/world.rs"]
mod world;
