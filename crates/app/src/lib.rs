//! Command handling: every change to the platform goes through
//! [`App::execute`], which loads the aggregate, decides, appends with the
//! expected version and updates the inline read models in one transaction.
//!
//! Authorization ([`authz`]) lives here too, so that protocol adapters
//! (GraphQL, CLI) never decide on their own.

pub mod account_lifecycle;
pub mod account_mail;
pub mod accounts;
pub mod authz;
mod caller;
mod catalog;
mod catalog_sections;
pub mod clock;
mod command;
pub mod concerns;
mod decisions;
pub mod demo;
mod demo_cast;
mod demo_concerns;
mod demo_decisions;
mod demo_guard;
pub(crate) mod demo_meetings;
mod demo_panorama;
mod demo_people;
mod demo_programme;
mod demo_recommendations;
mod demo_resolutions;
mod error;
pub mod inbox;
pub mod input;
pub mod invitations;
pub mod meetings;
mod memo;
pub mod networks;
pub mod outbound;
pub mod panorama;
mod password_work;
pub mod people;
pub mod personal;
mod profile;
mod queries;
mod read_cache;
pub mod read_models;
pub mod recommendations;
pub mod resolutions;
pub mod rules;
pub mod sessions;
pub mod steering;
pub mod tenants;
pub mod throttle;
pub mod webhooks;
pub mod working_groups;

use std::sync::Arc;

use iiz_projections::Projections;
use iiz_store::{Store, UpcasterChain};

pub use caller::Caller;
pub use catalog::{CantonCatalog, CantonEntry, CatalogError, SectionBody};
pub use catalog_sections::{CaseCounts, PanoramaSection, SectionBodyEntry, WrittenCount};
pub use clock::Clock;
pub use command::Executed;
pub use error::AppError;
pub use memo::{RequestMemo, StandingLoads};
pub use queries::{BodyFilter, MAX_PAGE, Page};

/// The application: a store and the read models kept with it.
#[derive(Debug, Clone)]
pub struct App {
    store: Store,
    projections: Arc<Projections>,
    live: outbound::LiveFeed,
    relay: Arc<outbound::RelayStatus>,
    /// Whether webhooks may target private addresses ([`webhooks`]).
    webhooks_allow_private: bool,
    /// How long reads of personal data are kept ([`personal`]).
    access_log: Arc<personal::AccessLogSettings>,
    /// Where e-mails are written as files (no SMTP server), so forgetting a
    /// person erases them there too.
    mail_files: Option<Arc<std::path::PathBuf>>,
    /// Every recommendation's summary and monitoring rows, for the
    /// dashboard and the exports.
    monitoring: Arc<read_cache::ReadCache<recommendations::MonitoringData>>,
    /// What day it is for the platform's rules ([`clock`]).
    clock: Clock,
    /// Session lifetime, idle timeout and sign-in throttling ([`sessions`]).
    sessions: sessions::SessionSettings,
    /// Reads of callers' standing ([`memo`]).
    standing_loads: StandingLoads,
    /// Sends invitations and password resets ([`account_mail`]).
    account_mail: Arc<dyn account_mail::AccountMail>,
    /// Who acts on canton profiles, figures and rounds ([`authz::panorama`]).
    panorama_rules: Arc<authz::panorama::PanoramaRules>,
    /// This instance's read-model rebuilds ([`read_models`]).
    rebuilds: Arc<read_models::RebuildStatus>,
}

/// Upcasters for every event schema change the platform has made. Domain
/// events are all at their first schema version so far.
pub fn upcasters() -> Arc<UpcasterChain> {
    Arc::new(UpcasterChain::new())
}

impl App {
    pub fn new(store: Store) -> Self {
        Self {
            store,
            projections: Arc::new(Projections::platform()),
            live: outbound::LiveFeed::new(),
            relay: Arc::new(outbound::RelayStatus::default()),
            webhooks_allow_private: false,
            access_log: personal::AccessLogSettings::new(personal::DEFAULT_ACCESS_LOG_DAYS),
            mail_files: None,
            monitoring: Arc::new(recommendations::MonitoringData::cache()),
            clock: Clock::system(),
            sessions: sessions::SessionSettings::default(),
            standing_loads: StandingLoads::default(),
            account_mail: Arc::new(account_mail::NoAccountMail),
            panorama_rules: Arc::new(authz::panorama::PanoramaRules::default()),
            rebuilds: Arc::default(),
        }
    }

    /// E-mails are written as `.eml` files to `dir` ([`personal`] erases
    /// a forgotten person's there).
    #[must_use]
    pub fn with_mail_files(mut self, dir: std::path::PathBuf) -> Self {
        self.mail_files = Some(Arc::new(dir));
        self
    }

    /// Keeps reads of personal data for `days` days (the configured period).
    #[must_use]
    pub fn with_access_log_retention(mut self, days: u32) -> Self {
        self.access_log = personal::AccessLogSettings::new(days);
        self
    }

    pub fn access_log_settings(&self) -> &personal::AccessLogSettings {
        &self.access_log
    }

    /// The app on another clock (tests run the platform on another day).
    #[must_use]
    pub fn with_clock(mut self, clock: Clock) -> Self {
        self.clock = clock;
        self
    }

    /// What day it is for the platform's rules.
    pub fn clock(&self) -> Clock {
        self.clock
    }

    /// The configured rules of the panorama (`[panorama]`).
    #[must_use]
    pub fn with_panorama_rules(mut self, rules: authz::panorama::PanoramaRules) -> Self {
        self.panorama_rules = Arc::new(rules);
        self
    }

    pub fn panorama_rules(&self) -> &authz::panorama::PanoramaRules {
        &self.panorama_rules
    }

    /// The sender of account letters (invitations, password resets).
    pub fn with_account_mail(mut self, mail: Arc<dyn account_mail::AccountMail>) -> Self {
        self.account_mail = mail;
        self
    }

    /// Connects to a `postgres://` or `sqlite://` URL with the platform's
    /// upcasters.
    pub async fn connect(url: &str, max_connections: u32) -> Result<Self, AppError> {
        let store = Store::connect(url, max_connections, upcasters()).await?;
        Ok(Self::new(store))
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    pub fn projections(&self) -> &Projections {
        &self.projections
    }

    /// Changes published on the bus, for live subscriptions.
    pub fn live(&self) -> &outbound::LiveFeed {
        &self.live
    }

    /// How often a caller's standing was read from the read models.
    pub fn standing_loads(&self) -> &StandingLoads {
        &self.standing_loads
    }

    /// The relay's progress, for metrics and readiness.
    pub fn relay_status(&self) -> &Arc<outbound::RelayStatus> {
        &self.relay
    }
}
