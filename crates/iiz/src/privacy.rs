//! The personal-data part of the configuration (flat keys, like the rest).

use serde::Deserialize;

/// How long personal-data records outside the log are kept.
#[derive(Debug, Clone, Deserialize)]
pub struct PrivacyConfig {
    /// Days the access log keeps who read whose personal data
    /// (`IIZ_ACCESS_LOG_DAYS`).
    #[serde(default = "default_access_log_days")]
    pub access_log_days: u32,
}

impl Default for PrivacyConfig {
    fn default() -> Self {
        Self {
            access_log_days: default_access_log_days(),
        }
    }
}

fn default_access_log_days() -> u32 {
    iiz_app::personal::DEFAULT_ACCESS_LOG_DAYS
}
