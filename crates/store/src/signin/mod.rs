//! Sign-in throttling and the session lifecycle, in the database so that
//! every instance sees the same counts, locks and sessions (issue 15).
//!
//! The store only keeps the counts atomic: what an attempt does to them is
//! decided by the caller's pure function, run inside the transaction that
//! holds the rows (`FOR UPDATE` on PostgreSQL, the single writer on SQLite).

mod postgres;
mod sqlite;

use chrono::{DateTime, Utc};
use uuid::Uuid;

use crate::any::Store;
use crate::error::StoreError;

/// What is known of one throttle key (an account or an address).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AttemptCount {
    /// Attempts that did not sign in, refused ones included.
    pub failures: u32,
    pub last_attempt_at: DateTime<Utc>,
    pub locked_until: Option<DateTime<Utc>>,
}

/// A temporary lock of a person's account, to be told to them and their
/// tenant admins.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignInLock {
    pub id: Uuid,
    pub person: Uuid,
    pub locked_at: DateTime<Utc>,
    pub locked_until: DateTime<Utc>,
}

/// What one attempt writes: the new count of each key and, when the
/// attempt locked an account, the lock.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct AttemptWrite {
    pub counts: Vec<(String, AttemptCount)>,
    pub lock: Option<SignInLock>,
}

/// The pure part of an attempt: given the current counts of the keys (in
/// the order asked), what to write and what to answer.
pub type Decide<'a, T> = Box<dyn FnOnce(&[Option<AttemptCount>]) -> (AttemptWrite, T) + Send + 'a>;

/// What a purge removed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Purged {
    pub sessions: u64,
    pub attempts: u64,
    pub locks: u64,
    /// Invitation and reset links used or past their expiry.
    pub links: u64,
}

impl Store {
    /// Reads the counts of `keys`, lets `decide` work out the attempt, and
    /// writes its result, atomically: concurrent attempts (aliases, batches,
    /// other instances) each see the previous one's count.
    pub async fn count_signin_attempt<T: Send>(
        &self,
        keys: &[String],
        decide: Decide<'_, T>,
    ) -> Result<T, StoreError> {
        match self {
            Self::Postgres(store) => postgres::count_attempt(store.pool(), keys, decide).await,
            Self::Sqlite(store) => sqlite::count_attempt(store.writer(), keys, decide).await,
        }
    }

    /// The count of one key, if it has one.
    pub async fn signin_attempts(&self, key: &str) -> Result<Option<AttemptCount>, StoreError> {
        match self {
            Self::Postgres(store) => postgres::attempts(store.pool(), key).await,
            Self::Sqlite(store) => sqlite::attempts(store.reader(), key).await,
        }
    }

    /// Forgets a key's count (a successful sign-in of the account).
    pub async fn clear_signin_attempts(&self, key: &str) -> Result<(), StoreError> {
        match self {
            Self::Postgres(store) => postgres::clear_attempts(store.pool(), key).await,
            Self::Sqlite(store) => sqlite::clear_attempts(store.writer(), key).await,
        }
    }

    /// Locks not yet told, oldest first.
    pub async fn untold_signin_locks(&self, limit: u32) -> Result<Vec<SignInLock>, StoreError> {
        match self {
            Self::Postgres(store) => postgres::untold_locks(store.pool(), limit).await,
            Self::Sqlite(store) => sqlite::untold_locks(store.reader(), limit).await,
        }
    }

    /// Records that a lock was told.
    pub async fn mark_signin_lock_told(
        &self,
        id: Uuid,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        match self {
            Self::Postgres(store) => postgres::mark_told(store.pool(), id, now).await,
            Self::Sqlite(store) => sqlite::mark_told(store.writer(), id, now).await,
        }
    }

    /// The live session with this hash: not past `expires_at`, used after
    /// `idle_cutoff`. Its last use moves to `now` when it is older than
    /// `touch_before`, so a busy session costs a write a minute, not one a
    /// request.
    pub async fn live_session(
        &self,
        token_hash: &str,
        now: DateTime<Utc>,
        idle_cutoff: DateTime<Utc>,
        touch_before: DateTime<Utc>,
    ) -> Result<Option<crate::SessionRecord>, StoreError> {
        let found = match self {
            Self::Postgres(store) => postgres::session_seen(store.pool(), token_hash).await?,
            Self::Sqlite(store) => sqlite::session_seen(store.reader(), token_hash).await?,
        };
        let Some((session, last_seen)) = found else {
            return Ok(None);
        };
        if session.expires_at <= now || last_seen <= idle_cutoff {
            return Ok(None);
        }
        if last_seen < touch_before {
            match self {
                Self::Postgres(store) => postgres::touch(store.pool(), token_hash, now).await?,
                Self::Sqlite(store) => sqlite::touch(store.writer(), token_hash, now).await?,
            }
        }
        Ok(Some(session))
    }

    /// Ends every session of a person but the one with `keep` (a hash);
    /// returns how many ended.
    pub async fn delete_sessions_of(
        &self,
        person: Uuid,
        keep: Option<&str>,
    ) -> Result<u64, StoreError> {
        match self {
            Self::Postgres(store) => postgres::delete_sessions_of(store.pool(), person, keep).await,
            Self::Sqlite(store) => sqlite::delete_sessions_of(store.writer(), person, keep).await,
        }
    }

    /// Removes sessions past their lifetime or idle since `idle_cutoff`,
    /// attempt counts untouched since `attempts_before` and not locked, and
    /// told locks that ended before `attempts_before`.
    pub async fn purge_signin_state(
        &self,
        now: DateTime<Utc>,
        idle_cutoff: DateTime<Utc>,
        attempts_before: DateTime<Utc>,
    ) -> Result<Purged, StoreError> {
        match self {
            Self::Postgres(store) => {
                postgres::purge(store.pool(), now, idle_cutoff, attempts_before).await
            }
            Self::Sqlite(store) => {
                sqlite::purge(store.writer(), now, idle_cutoff, attempts_before).await
            }
        }
    }
}

/// Keys in a fixed order, so two attempts never lock rows crosswise.
fn sorted(keys: &[String]) -> Vec<(usize, &String)> {
    let mut sorted: Vec<(usize, &String)> = keys.iter().enumerate().collect();
    sorted.sort_by(|a, b| a.1.cmp(b.1));
    sorted.dedup_by(|a, b| a.1 == b.1);
    sorted
}

fn failures_from(value: i64) -> u32 {
    u32::try_from(value.max(0)).unwrap_or(u32::MAX)
}
