use chrono::TimeZone;

use super::*;

fn at(seconds: i64) -> DateTime<Utc> {
    Utc.timestamp_opt(1_800_000_000 + seconds, 0)
        .single()
        .unwrap_or_default()
}

/// Runs `n` wrong attempts at the same instant, as aliases in one request
/// do; returns the verdicts and the last count.
fn hammer(policy: &ThrottlePolicy, n: u32, now: DateTime<Utc>) -> (Vec<Verdict>, AttemptCount) {
    let mut count = None;
    let mut verdicts = Vec::new();
    for _ in 0..n {
        let judged = judge(policy, count, now);
        let mut next = judged.count;
        if judged.verdict == Verdict::Check {
            next = after_failure(policy, next, now).0;
        }
        verdicts.push(judged.verdict);
        count = Some(next);
    }
    (
        verdicts,
        count.unwrap_or(AttemptCount {
            failures: 0,
            last_attempt_at: now,
            locked_until: None,
        }),
    )
}

#[test]
fn every_attempt_counts_and_the_tenth_locks_the_account() {
    let policy = ThrottlePolicy::ACCOUNT;
    let (verdicts, count) = hammer(&policy, 200, at(0));
    let checked = verdicts.iter().filter(|v| **v == Verdict::Check).count();
    assert_eq!(checked, 3, "only the free attempts reach the password");
    assert_eq!(count.failures, 200);
    assert_eq!(count.locked_until, Some(at(0) + policy.lock_for));
}

#[test]
fn the_wait_doubles_after_the_free_attempts() {
    let policy = ThrottlePolicy::ACCOUNT;
    assert_eq!(policy.wait(2), Duration::zero());
    assert_eq!(policy.wait(3), Duration::seconds(1));
    assert_eq!(policy.wait(4), Duration::seconds(2));
    assert_eq!(policy.wait(6), Duration::seconds(8));
    assert_eq!(policy.wait(40), policy.lock_for);
}

#[test]
fn an_attempt_after_the_wait_is_checked_again() {
    let policy = ThrottlePolicy::ACCOUNT;
    let (_, count) = hammer(&policy, 3, at(0));
    let early = judge(&policy, Some(count), at(0));
    assert_eq!(
        early.verdict,
        Verdict::Refuse {
            retry_after: Duration::seconds(1)
        }
    );
    let later = judge(&policy, Some(count), at(1));
    assert_eq!(later.verdict, Verdict::Check);
}

#[test]
fn a_lock_refuses_until_it_ends_and_then_one_more_failure_locks_again() {
    let policy = ThrottlePolicy::ACCOUNT;
    let (_, locked) = hammer(&policy, 10, at(0));
    let during = judge(&policy, Some(locked), at(60));
    assert_eq!(
        during.verdict,
        Verdict::Refuse {
            retry_after: policy.lock_for - Duration::seconds(60)
        }
    );
    let after = judge(&policy, Some(during.count), at(15 * 60));
    assert_eq!(after.verdict, Verdict::Check);
    let (relocked, locked_again) = after_failure(&policy, after.count, at(15 * 60));
    assert!(locked_again);
    assert!(relocked.locked_until.is_some());
}

#[test]
fn a_quiet_key_starts_afresh() {
    let policy = ThrottlePolicy::ACCOUNT;
    let (_, count) = hammer(&policy, 5, at(0));
    let judged = judge(&policy, Some(count), at(2 * 3600));
    assert_eq!(judged.verdict, Verdict::Check);
    assert_eq!(judged.count.failures, 1);
}

#[test]
fn keys_do_not_hold_the_email_in_clear_and_ignore_case() {
    let key = account_key(" Anna@Example.CH ");
    assert_eq!(key, account_key("anna@example.ch"));
    assert!(!key.contains("anna"));
    let v6 = address_key("2001:db8:1:2:3:4:5:6".parse().unwrap());
    assert_eq!(v6, "address:2001:db8:1:2::/64");
}
