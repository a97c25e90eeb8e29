//! Sessions and sign-in throttling in the configuration (flat keys like
//! the rest: `session_…`, `signin_…`; defaults in `docs/security.md`).

use serde::Deserialize;

/// Sessions and sign-in throttling (flat keys, like the rest).
#[derive(Debug, Clone, Deserialize)]
pub struct SessionConfig {
    /// Minutes a session lasts after its sign-in, however busy.
    #[serde(default = "default_session_lifetime_minutes")]
    pub session_lifetime_minutes: u32,
    /// Minutes without use after which a session ends.
    #[serde(default = "default_session_idle_minutes")]
    pub session_idle_minutes: u32,
    /// Failed sign-ins of one account before it is locked.
    #[serde(default = "default_signin_lock_after")]
    pub signin_lock_after: u32,
    /// Minutes a locked account (or address) stays locked.
    #[serde(default = "default_signin_lock_minutes")]
    pub signin_lock_minutes: u32,
    /// The first wait, in seconds, after the free attempts (it doubles).
    #[serde(default = "default_signin_backoff_seconds")]
    pub signin_backoff_seconds: u32,
}

impl Default for SessionConfig {
    fn default() -> Self {
        Self {
            session_lifetime_minutes: default_session_lifetime_minutes(),
            session_idle_minutes: default_session_idle_minutes(),
            signin_lock_after: default_signin_lock_after(),
            signin_lock_minutes: default_signin_lock_minutes(),
            signin_backoff_seconds: default_signin_backoff_seconds(),
        }
    }
}

fn default_session_lifetime_minutes() -> u32 {
    12 * 60
}

fn default_session_idle_minutes() -> u32 {
    120
}

fn default_signin_lock_after() -> u32 {
    10
}

fn default_signin_lock_minutes() -> u32 {
    15
}

fn default_signin_backoff_seconds() -> u32 {
    1
}

impl SessionConfig {
    /// The app's settings; the address policy keeps its own (generous)
    /// counts but shares the lock duration and back-off.
    pub fn settings(&self) -> iiz_app::sessions::SessionSettings {
        use chrono::Duration;
        let defaults = iiz_app::sessions::SessionSettings::default();
        let lock_for = Duration::minutes(i64::from(self.signin_lock_minutes.max(1)));
        let backoff = Duration::seconds(i64::from(self.signin_backoff_seconds.max(1)));
        let lock_after = self.signin_lock_after.max(2);
        iiz_app::sessions::SessionSettings {
            lifetime: Duration::minutes(i64::from(self.session_lifetime_minutes.max(1))),
            idle_timeout: Duration::minutes(i64::from(self.session_idle_minutes.max(1))),
            account: iiz_app::throttle::ThrottlePolicy {
                lock_after,
                free_attempts: defaults.account.free_attempts.min(lock_after - 1),
                backoff,
                lock_for,
                ..defaults.account
            },
            address: iiz_app::throttle::ThrottlePolicy {
                backoff,
                lock_for,
                ..defaults.address
            },
        }
    }
}
