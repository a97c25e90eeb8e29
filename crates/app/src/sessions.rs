//! Signing in under the throttle ([`crate::throttle`]) and the life of a
//! session: an absolute lifetime and an idle timeout (both configurable,
//! [`SessionSettings`]), a new session id at every sign-in (the one the
//! browser came with ends), sign-out everywhere, the end of a person's
//! other sessions when their password changes, and the purge of what has
//! expired.

use std::net::IpAddr;
use std::sync::OnceLock;

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use chrono::{DateTime, Duration, Utc};
use iiz_domain::PersonId;
use iiz_store::{AttemptWrite, Decide, Purged, SessionRecord, SignInLock};
use uuid::Uuid;

use crate::accounts::{ActiveSession, SignedIn};
use crate::authz::{Denied, Operation, Principal, Target, authorize};
use crate::password_work;
use crate::throttle::{self, ThrottlePolicy, Verdict, account_key, address_key};
use crate::{App, AppError};

/// How long sessions live and how sign-in attempts are throttled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SessionSettings {
    /// A session ends this long after its sign-in, however busy.
    pub lifetime: Duration,
    /// A session unused this long ends.
    pub idle_timeout: Duration,
    pub account: ThrottlePolicy,
    pub address: ThrottlePolicy,
}

impl Default for SessionSettings {
    fn default() -> Self {
        Self {
            lifetime: Duration::hours(12),
            idle_timeout: Duration::hours(2),
            account: ThrottlePolicy::ACCOUNT,
            address: ThrottlePolicy::ADDRESS,
        }
    }
}

/// A session's last use is written at most this often.
const TOUCH_EVERY: Duration = Duration::minutes(1);
/// Counts of quiet keys and told locks are kept this long, then purged.
const KEEP_ATTEMPTS: Duration = Duration::days(1);

/// One sign-in attempt as a protocol received it.
#[derive(Debug, Clone, Copy)]
pub struct SignInAttempt<'a> {
    pub email: &'a str,
    pub password: &'a str,
    /// The client's address, when known: throttled too.
    pub address: Option<IpAddr>,
    /// The session cookie the browser came with: it ends, so a session id
    /// planted before the sign-in is worth nothing after it.
    pub replaces: Option<&'a str>,
}

/// A hash to check unknown e-mails' passwords against: the same work as a
/// real check, so the time taken tells nothing.
fn dummy_hash() -> Option<&'static str> {
    static DUMMY: OnceLock<Option<String>> = OnceLock::new();
    DUMMY
        .get_or_init(|| {
            let salt = SaltString::encode_b64(b"iiz-no-such-user").ok()?;
            Argon2::default()
                .hash_password(b"no such user, no such password", &salt)
                .ok()
                .map(|hash| hash.to_string())
        })
        .as_deref()
}

fn password_matches(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash).is_ok_and(|parsed| {
        Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok()
    })
}

impl App {
    #[must_use]
    pub fn with_sessions(mut self, settings: SessionSettings) -> Self {
        self.sessions = settings;
        self
    }

    pub fn session_settings(&self) -> &SessionSettings {
        &self.sessions
    }

    /// Checks e-mail and password under the throttle and opens a new
    /// session. Unknown e-mails get the same answers, in the same time.
    pub async fn sign_in_attempt(&self, attempt: SignInAttempt<'_>) -> Result<SignedIn, AppError> {
        let email = attempt.email.trim().to_lowercase();
        // PostgreSQL text cannot hold NUL: such an address exists nowhere
        // and is refused like any unknown one, with the same work (found
        // by tests/scenarios/fuzz.rs: it was an internal error).
        let credential = if email.contains('\0') {
            None
        } else {
            self.store.credential_by_email(&email).await?
        };
        let now = Utc::now();
        let account = account_key(&email);
        let mut keys = vec![account.clone()];
        keys.extend(attempt.address.map(address_key));
        let policies = [self.sessions.account, self.sessions.address];
        let person = credential.as_ref().map(|credential| credential.person);
        let judge_keys = keys.clone();
        let decide: Decide<'_, Verdict> = Box::new(move |counts| {
            let mut write = AttemptWrite::default();
            let mut verdict = Verdict::Check;
            for (index, (key, count)) in judge_keys.iter().zip(counts).enumerate() {
                let policy = &policies[index.min(1)];
                let judged = throttle::judge(policy, *count, now);
                if index == 0 && judged.locked {
                    write.lock = person.map(|person| lock_of(person, &judged.count, now));
                }
                write.counts.push((key.clone(), judged.count));
                verdict = worse(verdict, judged.verdict);
            }
            (write, verdict)
        });
        let verdict = self.store.count_signin_attempt(&keys, decide).await?;
        if let Verdict::Refuse { retry_after } = verdict {
            return Err(AppError::TooManyAttempts {
                retry_after_seconds: u64::try_from(retry_after.num_seconds().max(1)).unwrap_or(1),
            });
        }
        let password = attempt.password.to_owned();
        let hash = credential
            .as_ref()
            .map(|credential| credential.password_hash.clone());
        let matches = password_work::run(move || match hash {
            Some(hash) => password_matches(&password, &hash),
            None => {
                // Spend the same work so timing does not tell which e-mails exist.
                let spent = dummy_hash().is_some_and(|dummy| password_matches(&password, dummy));
                std::hint::black_box(spent);
                false
            }
        })
        .await?;
        let person = match (person, matches) {
            (Some(person), true) => PersonId::from_uuid(person),
            _ => {
                self.count_failure(&keys, person, now).await?;
                return Err(AppError::Denied(Denied::Unauthenticated));
            }
        };
        self.count_success(&keys).await?;
        let principal = self
            .principal_of(person, None)
            .await?
            .ok_or(AppError::Denied(Denied::Unauthenticated))?;
        if let Some(previous) = attempt.replaces {
            self.sign_out(previous).await?;
        }
        self.open_session(principal).await
    }

    /// After a wrong password: locks the keys that reached their limit.
    async fn count_failure(
        &self,
        keys: &[String],
        person: Option<Uuid>,
        now: DateTime<Utc>,
    ) -> Result<(), AppError> {
        let policies = [self.sessions.account, self.sessions.address];
        let judge_keys = keys.to_vec();
        let decide: Decide<'_, ()> = Box::new(move |counts| {
            let mut write = AttemptWrite::default();
            for (index, (key, count)) in judge_keys.iter().zip(counts).enumerate() {
                let Some(count) = count else { continue };
                let (count, locked) = throttle::after_failure(&policies[index.min(1)], *count, now);
                if locked {
                    if index == 0 {
                        write.lock = person.map(|person| lock_of(person, &count, now));
                    }
                    write.counts.push((key.clone(), count));
                }
            }
            (write, ())
        });
        Ok(self.store.count_signin_attempt(keys, decide).await?)
    }

    /// After a right password: the account starts afresh and the address
    /// no longer counts this attempt (people signing in behind one address
    /// must not slow each other down).
    async fn count_success(&self, keys: &[String]) -> Result<(), AppError> {
        let Some((account, addresses)) = keys.split_first() else {
            return Ok(());
        };
        self.store.clear_signin_attempts(account).await?;
        if addresses.is_empty() {
            return Ok(());
        }
        let judge_keys = addresses.to_vec();
        let decide: Decide<'_, ()> = Box::new(move |counts| {
            let mut write = AttemptWrite::default();
            for (key, count) in judge_keys.iter().zip(counts) {
                if let Some(count) = count {
                    let failures = count.failures.saturating_sub(1);
                    write
                        .counts
                        .push((key.clone(), iiz_store::AttemptCount { failures, ..*count }));
                }
            }
            (write, ())
        });
        Ok(self.store.count_signin_attempt(addresses, decide).await?)
    }

    async fn open_session(&self, principal: Principal) -> Result<SignedIn, AppError> {
        let session_token = crate::accounts::random_secret()?;
        let csrf_token = crate::accounts::random_secret()?;
        let expires_at = Utc::now() + self.sessions.lifetime;
        self.store
            .create_session(
                &crate::accounts::secret_hash(&session_token),
                &SessionRecord {
                    person: principal.person.as_uuid(),
                    csrf_token: csrf_token.clone(),
                    expires_at,
                },
            )
            .await?;
        Ok(SignedIn {
            session_token,
            csrf_token,
            expires_at,
            principal,
        })
    }

    /// The session behind a cookie, if it is within its lifetime and was
    /// used within the idle timeout; using it keeps it alive.
    pub async fn live_session(
        &self,
        session_token: &str,
    ) -> Result<Option<ActiveSession>, AppError> {
        let now = Utc::now();
        let Some(session) = self
            .store
            .live_session(
                &crate::accounts::secret_hash(session_token),
                now,
                now - self.sessions.idle_timeout,
                now - TOUCH_EVERY,
            )
            .await?
        else {
            return Ok(None);
        };
        let principal = self
            .principal_of(PersonId::from_uuid(session.person), None)
            .await?;
        Ok(principal.map(|principal| ActiveSession {
            principal,
            csrf_token: session.csrf_token,
        }))
    }

    /// Ends every session of the caller, this one included; returns how
    /// many ended. Not through an API token: a token is not a session.
    pub async fn sign_out_everywhere(&self, principal: &Principal) -> Result<u64, AppError> {
        authorize(Some(principal), Operation::SignOut, &Target::platform())?;
        if principal.is_token() {
            return Err(AppError::Denied(Denied::Forbidden));
        }
        let ended = self
            .store
            .delete_sessions_of(principal.person.as_uuid(), None)
            .await?;
        self.tell_live_connections(principal);
        Ok(ended)
    }

    /// Live connections of the person re-check their credentials at once.
    fn tell_live_connections(&self, principal: &Principal) {
        self.live.publish(crate::outbound::LiveSignal::Access {
            person: principal.person.to_string(),
        });
    }

    /// Changes the caller's password ([`App::change_password`]) and ends
    /// their other sessions: whoever signed in with the old password is
    /// out. The session the change came from (`current`) stays.
    pub async fn change_password_ending_others(
        &self,
        principal: &Principal,
        current: Option<&str>,
        old_password: &str,
        new_password: &str,
    ) -> Result<u64, AppError> {
        self.change_password(principal, old_password, new_password)
            .await?;
        let keep = current.map(crate::accounts::secret_hash);
        let ended = self
            .store
            .delete_sessions_of(principal.person.as_uuid(), keep.as_deref())
            .await?;
        self.tell_live_connections(principal);
        Ok(ended)
    }

    /// Deletes expired and idle sessions, and attempt counts and told
    /// locks nobody needs any more. `iiz serve` runs it periodically.
    pub async fn purge_expired_sessions(&self, now: DateTime<Utc>) -> Result<Purged, AppError> {
        Ok(self
            .store
            .purge_signin_state(now, now - self.sessions.idle_timeout, now - KEEP_ATTEMPTS)
            .await?)
    }
}

fn lock_of(person: Uuid, count: &iiz_store::AttemptCount, now: DateTime<Utc>) -> SignInLock {
    SignInLock {
        id: Uuid::now_v7(),
        person,
        locked_at: now,
        locked_until: count.locked_until.unwrap_or(now),
    }
}

/// The stricter of two verdicts.
fn worse(a: Verdict, b: Verdict) -> Verdict {
    match (a, b) {
        (Verdict::Check, other) | (other, Verdict::Check) => other,
        (Verdict::Refuse { retry_after: x }, Verdict::Refuse { retry_after: y }) => {
            Verdict::Refuse {
                retry_after: x.max(y),
            }
        }
    }
}
