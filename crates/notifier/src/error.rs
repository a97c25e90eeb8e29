//! Why notifying failed. Every variant is a fault to log and retry: what the
//! notifier consumes was already acknowledged by the platform, so nothing
//! here is shown to a user.

use iiz_store::StoreError;

#[derive(Debug, thiserror::Error)]
pub enum NotifierError {
    #[error("store: {0}")]
    Store(#[from] StoreError),
    #[error("application: {0}")]
    App(#[from] iiz_app::AppError),
    #[error("NATS: {0}")]
    Nats(String),
    #[error("event contract: {0}")]
    Contract(String),
    #[error("message text: {0}")]
    Message(String),
    #[error("e-mail: {0}")]
    Email(String),
    #[error("webhook: {0}")]
    Webhook(String),
    #[error("configuration: {0}")]
    Settings(String),
}

impl NotifierError {
    pub fn nats(error: impl std::fmt::Display) -> Self {
        Self::Nats(error.to_string())
    }
}
