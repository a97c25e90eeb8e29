//! (filled by the notifier issue's work)
