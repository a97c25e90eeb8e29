//! The platform as separate `iiz serve` processes on one PostgreSQL and one
//! NATS JetStream, with real kills: the relay, the notifier, NATS and the
//! SMTP server go down and come back, and nothing acknowledged is lost or
//! doubled.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "test code: a failed step must fail the test"
)]

mod crash;
mod instances;
mod rebuild;
mod support;
