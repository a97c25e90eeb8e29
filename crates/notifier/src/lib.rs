//! The notifier: relays the log (the outbox) to NATS JetStream (or follows the log in
//! process with `iiz_store::Subscription`) and notifies people of what
//! concerns them. Filled by the notifier issue.
