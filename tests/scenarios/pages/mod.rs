//! The web pages end to end through the real server, with a browser that
//! has no JavaScript ([`iiz_tests::pages::Browser`]).

mod admin;
mod concerns;
mod concerns_trace;
mod frame;
mod meetings;
mod monitoring;
mod panorama_canton;
mod panorama_canton_corrections;
mod panorama_report;
mod recommendations;
