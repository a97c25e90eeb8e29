//! Live connections counted per key (a person, an address): a slot is
//! held while the connection lives and given back when it ends, however it
//! ends, so the counts cannot drift and keys at zero are removed at once.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};

use super::RateKey;

/// Open connections per key.
#[derive(Debug, Clone, Default)]
pub struct Connections(Arc<Mutex<HashMap<RateKey, usize>>>);

/// One held slot; dropping it gives the slot back.
#[derive(Debug)]
pub struct Held {
    connections: Connections,
    key: RateKey,
}

impl Connections {
    /// A slot for `key`, or `None` when `key` already holds `most`.
    pub fn hold(&self, key: RateKey, most: usize) -> Option<Held> {
        // The map is never left half-changed, so a poisoned lock is usable.
        let mut counts = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        let count = counts.entry(key.clone()).or_default();
        if *count >= most {
            if *count == 0 {
                counts.remove(&key);
            }
            return None;
        }
        *count += 1;
        Some(Held {
            connections: self.clone(),
            key,
        })
    }

    fn release(&self, key: &RateKey) {
        let mut counts = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(count) = counts.get_mut(key) {
            *count = count.saturating_sub(1);
            if *count == 0 {
                counts.remove(key);
            }
        }
    }

    /// Keys currently holding a slot.
    #[cfg(test)]
    fn keys(&self) -> usize {
        self.0.lock().unwrap_or_else(PoisonError::into_inner).len()
    }
}

impl Drop for Held {
    fn drop(&mut self) {
        self.connections.release(&self.key);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slots_are_limited_per_key_and_given_back() {
        let connections = Connections::default();
        let anna = RateKey::Person("anna".to_owned());
        let first = connections.hold(anna.clone(), 2);
        let second = connections.hold(anna.clone(), 2);
        assert!(first.is_some() && second.is_some());
        assert!(connections.hold(anna.clone(), 2).is_none());
        assert!(
            connections
                .hold(RateKey::Person("luc".to_owned()), 2)
                .is_some()
        );
        drop(first);
        let third = connections.hold(anna.clone(), 2);
        assert!(third.is_some());
        drop((second, third));
        assert_eq!(connections.keys(), 0);
        assert!(connections.hold(anna, 0).is_none());
        assert_eq!(connections.keys(), 0);
    }
}
