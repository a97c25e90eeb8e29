//! The store conformance suite: every case runs against SQLite and PostgreSQL.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    reason = "test code: a failed step must fail the test"
)]

mod cases;
mod client_socket;
mod gap;
mod leadership;
mod outbound;
mod support;

/// Generates one test per case and backend.
macro_rules! conformance {
    ($($case:ident),* $(,)?) => {
        mod sqlite {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
                async fn $case() {
                    let db = crate::support::sqlite().await;
                    crate::cases::$case(&db.store).await;
                }
            )*
        }
        mod postgres {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
                async fn $case() {
                    let Some(db) = crate::support::postgres().await else { return };
                    crate::cases::$case(&db.store).await;
                }
            )*
        }
    };
}

conformance!(
    appended_events_are_read_back_with_their_envelope,
    a_stale_expected_version_conflicts_and_writes_nothing,
    expected_versions_never_leave_gaps,
    any_version_appends_at_the_end,
    an_empty_append_is_refused,
    a_repeated_idempotency_key_returns_the_original_outcome,
    read_all_pages_through_the_log_in_order,
    every_event_waits_in_the_outbox_until_published,
    v1_payloads_are_read_back_as_the_current_version,
    inline_projections_commit_with_the_append,
    a_failing_inline_projection_writes_nothing,
    documents_are_listed_by_tenant_field_and_page,
    documents_are_filtered_by_array_members_and_string_ranges,
    shared_documents_are_listed_with_a_tenant,
    descending_pages_walk_backwards,
    typed_reads_give_the_page_of_docs_as_types,
    text_search_finds_words_in_any_language,
    garbage_text_queries_are_no_errors,
    similar_documents_rank_the_closest_first,
    search_text_follows_its_document,
    a_searched_page_follows_tenant_and_sort_key,
    projection_commits_move_the_checkpoint,
    one_rebuild_lock_is_held_at_a_time,
    a_switch_makes_the_next_generation_live,
    a_failed_switch_leaves_the_live_generation,
    a_mark_tells_what_was_committed_since,
    a_late_commit_counts_after_the_mark,
    concurrent_writers_to_one_stream_never_both_win,
    a_subscription_sees_appends_as_they_commit,
    notifications_are_written_once_per_event_and_recipient,
    a_recorded_reminder_is_never_written_again,
    the_inbox_pages_newest_first_and_counts_unread,
    an_inbox_page_is_capped,
    marking_read_touches_only_the_recipients_own_items,
    preferences_are_upserted_per_kind,
    concurrent_redeliveries_write_once,
    a_claimed_email_waits_for_its_lease,
    concurrent_claimers_get_disjoint_emails,
    failed_emails_are_retried_or_rejected,
    a_digest_bundles_held_emails_once,
    webhooks_are_added_listed_and_removed_per_tenant,
    an_event_is_queued_once_per_webhook,
    failed_deliveries_are_retried_then_dead_lettered_and_replayed,
    concurrent_claimers_get_disjoint_deliveries,
    concurrent_sign_in_attempts_are_all_counted,
    sessions_end_after_their_lifetime_or_when_idle,
    api_tokens_are_live_until_revoked_or_past_their_expiry,
    the_purge_removes_used_and_expired_account_links,
);

mod log_gaps {
    #[tokio::test(flavor = "multi_thread", worker_threads = 8)]
    async fn sqlite_tailing_reader_sees_every_event_once_in_order() {
        let db = crate::support::sqlite().await;
        crate::gap::tailing_reader_sees_every_event_once_in_order(&db.store).await;
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 8)]
    async fn postgres_tailing_reader_sees_every_event_once_in_order() {
        let Some(db) = crate::support::postgres().await else {
            return;
        };
        crate::gap::tailing_reader_sees_every_event_once_in_order(&db.store).await;
    }
}
