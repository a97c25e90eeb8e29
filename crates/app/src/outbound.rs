//! What this instance hears of the platform's changes beyond its own
//! appends, and how the relay that publishes the log is doing.
//!
//! The notifier feeds both: [`LiveFeed`] from NATS (every instance hears
//! every published event and inbox change) or, in the embedded default, from
//! the in-process relay; [`RelayStatus`] from the relay. Subscriptions in the
//! gateway wait on the feed instead of polling; `/metrics` and `/readyz`
//! read the status.

use std::sync::atomic::{AtomicBool, AtomicI64, AtomicU8, AtomicU64, Ordering};

use tokio::sync::broadcast;

/// How many signals a slow subscriber may fall behind before it skips
/// (it then re-reads what it follows, so nothing is missed).
const LIVE_CAPACITY: usize = 4_096;

/// Something changed that a live subscriber may want to re-read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LiveSignal {
    /// An event of this stream was published.
    Event {
        tenant: String,
        stream_type: String,
        stream_id: String,
        event_type: String,
    },
    /// A person's inbox changed (items arrived or were read).
    Inbox { person: String },
    /// A person signed out or revoked an API token: live connections of
    /// theirs check their credentials again. Published by this instance
    /// only; other instances notice at their next periodic check.
    Access { person: String },
}

/// Broadcasts [`LiveSignal`]s to the subscriptions of this instance.
#[derive(Debug, Clone)]
pub struct LiveFeed {
    sender: broadcast::Sender<LiveSignal>,
}

impl Default for LiveFeed {
    fn default() -> Self {
        Self::new()
    }
}

impl LiveFeed {
    pub fn new() -> Self {
        let (sender, _) = broadcast::channel(LIVE_CAPACITY);
        Self { sender }
    }

    /// Tells every current subscriber; without subscribers it is dropped.
    pub fn publish(&self, signal: LiveSignal) {
        // An error only means nobody listens right now.
        self.sender.send(signal).ok();
    }

    pub fn subscribe(&self) -> broadcast::Receiver<LiveSignal> {
        self.sender.subscribe()
    }
}

/// The message bus as this instance sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BusState {
    /// No `NATS_URL`: the in-process bus.
    InProcess,
    Connected,
    /// NATS is configured but does not answer; the log keeps every event
    /// until it does.
    Unreachable,
}

impl BusState {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::InProcess => "in_process",
            Self::Connected => "connected",
            Self::Unreachable => "unreachable",
        }
    }

    fn code(self) -> u8 {
        match self {
            Self::InProcess => 0,
            Self::Connected => 1,
            Self::Unreachable => 2,
        }
    }

    fn from_code(code: u8) -> Self {
        match code {
            1 => Self::Connected,
            2 => Self::Unreachable,
            _ => Self::InProcess,
        }
    }
}

/// How the relay is doing, written by the relay and read by `/metrics` and
/// `/readyz`.
#[derive(Debug, Default)]
pub struct RelayStatus {
    bus: AtomicU8,
    leading: AtomicBool,
    /// How often this instance took the lead (moves of the relay).
    leads_taken: AtomicU64,
    lag_events: AtomicU64,
    /// Milliseconds between the oldest unpublished event and now.
    lag_millis: AtomicU64,
    published: AtomicU64,
    /// Unix milliseconds of the last publish acknowledged; 0 before.
    last_published_at: AtomicI64,
}

impl RelayStatus {
    pub fn bus(&self) -> BusState {
        BusState::from_code(self.bus.load(Ordering::Relaxed))
    }

    pub fn set_bus(&self, state: BusState) {
        self.bus.store(state.code(), Ordering::Relaxed);
    }

    /// Whether this instance runs the relay now.
    pub fn leading(&self) -> bool {
        self.leading.load(Ordering::Relaxed)
    }

    pub fn set_leading(&self, leading: bool) {
        if leading && !self.leading.swap(true, Ordering::Relaxed) {
            self.leads_taken.fetch_add(1, Ordering::Relaxed);
        }
        self.leading.store(leading, Ordering::Relaxed);
    }

    /// How often this instance has taken the lead since it started.
    pub fn leads_taken(&self) -> u64 {
        self.leads_taken.load(Ordering::Relaxed)
    }

    /// Events committed but not yet acknowledged by the bus.
    pub fn lag_events(&self) -> u64 {
        self.lag_events.load(Ordering::Relaxed)
    }

    /// Age of the oldest event not yet acknowledged, in seconds.
    pub fn lag_seconds(&self) -> f64 {
        self.lag_millis.load(Ordering::Relaxed) as f64 / 1_000.0
    }

    pub fn set_lag(&self, events: u64, millis: u64) {
        self.lag_events.store(events, Ordering::Relaxed);
        self.lag_millis.store(millis, Ordering::Relaxed);
    }

    /// Events this instance has published since it started.
    pub fn published(&self) -> u64 {
        self.published.load(Ordering::Relaxed)
    }

    pub fn add_published(&self, count: u64, at_unix_millis: i64) {
        self.published.fetch_add(count, Ordering::Relaxed);
        self.last_published_at
            .store(at_unix_millis, Ordering::Relaxed);
    }
}

/// The kinds of notification a person can choose a delivery for. The rules
/// that produce them live in the notifier; the list lives here so the
/// preference settings (app) and the rules (notifier) name the same kinds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum NotificationKind {
    /// A concern was submitted to the national level (the Fachstelle hears).
    ConcernSubmitted,
    /// The Fachstelle accepted, returned or merged a concern.
    ConcernTriaged,
    /// The EKG examined a concern.
    ConcernExamined,
    /// The STG decided on a concern.
    ConcernDecided,
    /// A concern was answered.
    ConcernAnswered,
    /// What became of a concern downstream: its recommendation adopted,
    /// published, amended or closed, or one's own canton reporting on it.
    ConcernOutcome,
    /// A concern or recommendation put on an agenda, an agenda sent or revised.
    Agenda,
    /// A recommendation addressed to one's canton or partner was published
    /// or amended.
    RecommendationPublished,
    /// An answer or implementation report is due soon or overdue.
    DueReminder,
    /// An addressee is more than 30 days overdue (the Fachstelle hears).
    OverdueEscalation,
    /// Minutes of one's body were approved.
    MinutesApproved,
    /// A circular resolution awaits one's answer as a voter.
    ResolutionAwaitingAnswer,
    /// A circular resolution of a body one is the secretariat of closed.
    ResolutionOutcome,
    /// The cantons formed a regional network or delegated its coordinator
    /// to the EKG (the Fachstelle hears: informed, not in charge).
    NetworkChanged,
    /// One's account (or, for a tenant admin, a person's of their tenant)
    /// was locked for a while after too many sign-in attempts.
    SignInLocked,
}

impl NotificationKind {
    pub const ALL: [NotificationKind; 15] = [
        Self::ConcernSubmitted,
        Self::ConcernTriaged,
        Self::ConcernExamined,
        Self::ConcernDecided,
        Self::ConcernAnswered,
        Self::ConcernOutcome,
        Self::Agenda,
        Self::RecommendationPublished,
        Self::DueReminder,
        Self::OverdueEscalation,
        Self::MinutesApproved,
        Self::ResolutionAwaitingAnswer,
        Self::ResolutionOutcome,
        Self::NetworkChanged,
        Self::SignInLocked,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::ConcernSubmitted => "concern_submitted",
            Self::ConcernTriaged => "concern_triaged",
            Self::ConcernExamined => "concern_examined",
            Self::ConcernDecided => "concern_decided",
            Self::ConcernAnswered => "concern_answered",
            Self::ConcernOutcome => "concern_outcome",
            Self::Agenda => "agenda",
            Self::RecommendationPublished => "recommendation_published",
            Self::DueReminder => "due_reminder",
            Self::OverdueEscalation => "overdue_escalation",
            Self::MinutesApproved => "minutes_approved",
            Self::ResolutionAwaitingAnswer => "resolution_awaiting_answer",
            Self::ResolutionOutcome => "resolution_outcome",
            Self::NetworkChanged => "network_changed",
            Self::SignInLocked => "signin_locked",
        }
    }

    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.as_str() == value)
    }
}
