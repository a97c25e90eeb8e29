//! The outbound tables on PostgreSQL, safe for several instances: inserts
//! are idempotent by unique keys and claims lock with `SKIP LOCKED`, so two
//! instances never claim the same row.

mod email;
mod notifications;
mod webhooks;

pub(super) use email::{
    bundle_digest, claim_emails, digest_recipients, email_failed, email_sent, held_emails,
    rejected_emails,
};
pub(super) use notifications::{
    inbox, inbox_unread, mark_all_read, mark_read, preferences, record_notifications,
    set_preference,
};
pub(super) use webhooks::{
    add_webhook, claim_webhook_deliveries, dead_webhook_deliveries, enqueue_webhook_deliveries,
    remove_webhook, replay_webhook_delivery, webhook_delivered, webhook_failed, webhooks,
};
