//! The `iiz` binary's building blocks, as a library so tests can start the
//! real server in process (on port 0, against a database of their own).

pub mod cli;
pub mod config;
pub mod config_notify;
pub mod config_sessions;
pub mod config_traffic;
pub mod output;
pub mod privacy;
pub mod serve;
pub mod telemetry;

pub use serve::{Running, start};
