//! Upcasting: payloads stored in an older schema version are turned into the
//! current version when they are read, so domain code only knows one shape.

use std::collections::HashMap;
use std::fmt;
use std::sync::Arc;

use serde_json::Value;

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{stream_type}.{event_type} v{from}: {reason}")]
pub struct UpcastError {
    pub stream_type: String,
    pub event_type: String,
    pub from: u32,
    pub reason: String,
}

/// One step: turns a payload of version `n` into version `n + 1`.
pub type UpcastStep = Arc<dyn Fn(Value) -> Result<Value, String> + Send + Sync>;

/// Turns stored payloads into their current schema version.
pub trait Upcaster: Send + Sync + fmt::Debug {
    /// Returns the payload at the current version and that version.
    fn upcast(
        &self,
        stream_type: &str,
        event_type: &str,
        version: u32,
        payload: Value,
    ) -> Result<(u32, Value), UpcastError>;
}

/// Upcast steps registered per `(stream type, event type, from version)`.
#[derive(Clone, Default)]
pub struct UpcasterChain {
    steps: HashMap<(String, String, u32), UpcastStep>,
}

impl fmt::Debug for UpcasterChain {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut keys: Vec<_> = self.steps.keys().collect();
        keys.sort();
        f.debug_struct("UpcasterChain")
            .field("steps", &keys)
            .finish()
    }
}

impl UpcasterChain {
    pub fn new() -> Self {
        Self::default()
    }

    /// Registers the step from `from` to `from + 1`.
    pub fn register(
        mut self,
        stream_type: &str,
        event_type: &str,
        from: u32,
        step: impl Fn(Value) -> Result<Value, String> + Send + Sync + 'static,
    ) -> Self {
        self.steps.insert(
            (stream_type.to_owned(), event_type.to_owned(), from),
            Arc::new(step),
        );
        self
    }

    pub fn is_empty(&self) -> bool {
        self.steps.is_empty()
    }
}

impl Upcaster for UpcasterChain {
    fn upcast(
        &self,
        stream_type: &str,
        event_type: &str,
        mut version: u32,
        mut payload: Value,
    ) -> Result<(u32, Value), UpcastError> {
        if self.steps.is_empty() {
            return Ok((version, payload));
        }
        let mut key = (stream_type.to_owned(), event_type.to_owned(), version);
        while let Some(step) = self.steps.get(&key) {
            payload = step(payload).map_err(|reason| UpcastError {
                stream_type: stream_type.to_owned(),
                event_type: event_type.to_owned(),
                from: version,
                reason,
            })?;
            version += 1;
            key.2 = version;
        }
        Ok((version, payload))
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn steps_chain_up_to_the_current_version() {
        let chain = UpcasterChain::new()
            .register("t", "E", 1, |mut v| {
                v["b"] = v["a"].clone();
                Ok(v)
            })
            .register("t", "E", 2, |mut v| {
                v["c"] = json!(3);
                Ok(v)
            });
        let (version, payload) = chain.upcast("t", "E", 1, json!({"a": 1})).unwrap();
        assert_eq!(version, 3);
        assert_eq!(payload, json!({"a": 1, "b": 1, "c": 3}));
        let (version, _) = chain.upcast("t", "Other", 1, json!({})).unwrap();
        assert_eq!(version, 1);
    }

    #[test]
    fn a_failing_step_names_the_event() {
        let chain = UpcasterChain::new().register("t", "E", 1, |_| Err("no a".to_owned()));
        let error = chain.upcast("t", "E", 1, json!({})).unwrap_err();
        assert_eq!(error.to_string(), "t.E v1: no a");
    }
}
