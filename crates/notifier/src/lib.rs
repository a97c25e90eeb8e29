//! The notifier: relays the log (the outbox) to the bus — NATS JetStream,
//! or in process in the embedded default — and turns what is published into
//! notifications people can rely on: an inbox, e-mails, webhooks, reminders.
//!
//! - [`contract`]: the versioned JSON document each published event is.
//! - [`bus`]: JetStream or in process; the [`relay`] publishes the log to it
//!   (one instance at a time), [`consume`] reads it back durably.
//! - [`rules`] say who hears what; [`audience`] finds those people;
//!   [`messages`] words it in their language; [`handler`] writes the inbox
//!   items and e-mails; [`email`], [`digest`], [`reminders`] and
//!   [`webhooks`] deliver.

pub mod account_mail;
pub mod audience;
pub mod bus;
pub mod consume;
pub mod contract;
pub mod digest;
pub mod email;
mod error;
pub mod handler;
pub mod live;
pub mod messages;
pub mod relay;
pub mod reminders;
pub mod rules;
pub mod runtime;
pub mod security;
mod settings;
#[cfg(feature = "testing")]
pub mod testing;
pub mod webhooks;

pub use error::NotifierError;
pub use settings::{MailSettings, MailTransport, NatsSettings, NotifierSettings, SmtpTls};
