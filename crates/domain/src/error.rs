//! What kind of refusal a domain error is, so every protocol boundary can map
//! it to a stable code without knowing each aggregate's error enum.

/// The category of a business refusal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// The input is malformed or out of range.
    Validation,
    /// The input is fine but the aggregate's state does not allow it.
    InvalidState,
    /// The aggregate the command is addressed to does not exist.
    NotFound,
    /// The aggregate already exists.
    AlreadyExists,
}

/// Implemented by every domain error enum.
pub trait Classify {
    fn kind(&self) -> ErrorKind;

    /// Machine-readable facts about the refusal that a client can act on
    /// (the current state and the allowed next steps, say), which protocol
    /// boundaries pass on next to the code.
    fn details(&self) -> Option<serde_json::Value> {
        None
    }
}
