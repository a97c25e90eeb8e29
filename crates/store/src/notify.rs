//! Wakes tailing readers of this process after an append.
//!
//! The notification is only a hint that the log moved: readers always read
//! from the store, and also poll, because other instances append too.

use tokio::sync::watch;

/// Broadcasts "the log has grown" to every subscriber in this process.
#[derive(Debug, Clone)]
pub struct LogNotifier {
    sender: watch::Sender<u64>,
}

impl Default for LogNotifier {
    fn default() -> Self {
        Self::new()
    }
}

impl LogNotifier {
    pub fn new() -> Self {
        let (sender, _) = watch::channel(0);
        Self { sender }
    }

    /// Called after every committed append.
    pub fn notify(&self) {
        self.sender
            .send_modify(|generation| *generation = generation.wrapping_add(1));
    }

    /// A receiver that resolves `changed()` after the next append.
    pub fn watch(&self) -> watch::Receiver<u64> {
        self.sender.subscribe()
    }
}
