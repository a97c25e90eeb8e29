//! Sign-in throttling: every attempt counts (aliases and batches included,
//! since each `signIn` field is an attempt of its own), per account and
//! per client address, with exponential back-off and a temporary lock.
//!
//! The account key is a hash of the e-mail as typed, so an unknown e-mail
//! is counted, delayed and locked exactly like a known one and the answers
//! cannot tell them apart. The counts live in the database
//! (`signin_attempts`), so every instance sees the same ones.
//!
//! The rules are the pure [`judge`]; the store only applies them
//! atomically ([`iiz_store::Store::count_signin_attempt`]).

use chrono::{DateTime, Duration, Utc};
use iiz_store::AttemptCount;
use sha2::{Digest, Sha256};

/// How one kind of key is throttled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ThrottlePolicy {
    /// Failed attempts answered without delay.
    pub free_attempts: u32,
    /// Failed attempts (refused ones included) after which the key is locked.
    pub lock_after: u32,
    /// The first wait after the free attempts; it doubles with each failure.
    pub backoff: Duration,
    /// How long a lock lasts.
    pub lock_for: Duration,
    /// A key untouched this long (and not locked) starts counting afresh.
    pub forget_after: Duration,
}

impl ThrottlePolicy {
    /// Per account: three tries, then 1 s, 2 s, 4 s … between tries, and a
    /// 15-minute lock at the tenth.
    pub const ACCOUNT: Self = Self {
        free_attempts: 3,
        lock_after: 10,
        backoff: Duration::seconds(1),
        lock_for: Duration::minutes(15),
        forget_after: Duration::hours(1),
    };

    /// Per address: generous, as several people may share one (an office
    /// behind one gateway), but it stops one address trying many accounts.
    pub const ADDRESS: Self = Self {
        free_attempts: 20,
        lock_after: 100,
        backoff: Duration::seconds(1),
        lock_for: Duration::minutes(15),
        forget_after: Duration::hours(1),
    };

    /// The wait before the next attempt after `failures` failures.
    fn wait(&self, failures: u32) -> Duration {
        let Some(over) = failures.checked_sub(self.free_attempts) else {
            return Duration::zero();
        };
        let factor = 1i32.checked_shl(over.min(30)).unwrap_or(i32::MAX);
        (self.backoff * factor).min(self.lock_for)
    }
}

/// What an attempt may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Check the password.
    Check,
    /// Refuse without checking; try again after this long.
    Refuse { retry_after: Duration },
}

/// The verdict on one key and its count with this attempt counted (as a
/// failure: a success undoes it). `locked` is set when this attempt began a
/// lock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Judged {
    pub verdict: Verdict,
    pub count: AttemptCount,
    pub locked: bool,
}

/// Judges one attempt on one key at `now`.
pub fn judge(policy: &ThrottlePolicy, count: Option<AttemptCount>, now: DateTime<Utc>) -> Judged {
    let fresh = AttemptCount {
        failures: 0,
        last_attempt_at: now,
        locked_until: None,
    };
    let count = count
        .filter(|count| {
            count.locked_until.is_some_and(|until| until > now)
                || count.last_attempt_at + policy.forget_after > now
        })
        .unwrap_or(fresh);
    let failures = count.failures.saturating_add(1);
    if let Some(until) = count.locked_until.filter(|until| *until > now) {
        return Judged {
            verdict: Verdict::Refuse {
                retry_after: until - now,
            },
            count: AttemptCount { failures, ..count },
            locked: false,
        };
    }
    let ready = count.last_attempt_at + policy.wait(count.failures);
    if count.failures >= policy.free_attempts && ready > now {
        // Too early: refused, and counted, so hammering ends in a lock.
        if failures >= policy.lock_after {
            let until = now + policy.lock_for;
            return Judged {
                verdict: Verdict::Refuse {
                    retry_after: policy.lock_for,
                },
                count: AttemptCount {
                    failures,
                    last_attempt_at: now,
                    locked_until: Some(until),
                },
                locked: true,
            };
        }
        return Judged {
            verdict: Verdict::Refuse {
                retry_after: ready - now,
            },
            count: AttemptCount { failures, ..count },
            locked: false,
        };
    }
    Judged {
        verdict: Verdict::Check,
        count: AttemptCount {
            failures,
            last_attempt_at: now,
            locked_until: None,
        },
        locked: false,
    }
}

/// After a wrong password: the count as [`judge`] left it, locked when it
/// reached the policy's limit.
pub fn after_failure(
    policy: &ThrottlePolicy,
    count: AttemptCount,
    now: DateTime<Utc>,
) -> (AttemptCount, bool) {
    if count.failures >= policy.lock_after && count.locked_until.is_none_or(|until| until <= now) {
        let locked = AttemptCount {
            locked_until: Some(now + policy.lock_for),
            ..count
        };
        return (locked, true);
    }
    (count, false)
}

/// The throttle key of an account: a hash of the e-mail as the sign-in
/// compares it, so the table holds no address in clear.
pub fn account_key(email: &str) -> String {
    let digest = Sha256::digest(email.trim().to_lowercase().as_bytes());
    format!("account:{}", hex_of(&digest))
}

/// The throttle key of a client address.
pub fn address_key(address: std::net::IpAddr) -> String {
    // An IPv6 client usually holds a whole /64: count the network.
    match address {
        std::net::IpAddr::V4(v4) => format!("address:{v4}"),
        std::net::IpAddr::V6(v6) => {
            let segments = v6.segments();
            format!(
                "address:{:x}:{:x}:{:x}:{:x}::/64",
                segments[0], segments[1], segments[2], segments[3]
            )
        }
    }
}

fn hex_of(bytes: &[u8]) -> String {
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}

#[cfg(test)]
#[path = "throttle_tests.rs"]
mod tests;
