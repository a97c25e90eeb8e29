//! The web pages end to end through the real server, with a browser that
//! has no JavaScript ([`iiz_tests::pages::Browser`]).

mod concerns;
mod concerns_trace;
mod admin;
mod frame;
mod recommendations;
mod meetings;
mod monitoring;
