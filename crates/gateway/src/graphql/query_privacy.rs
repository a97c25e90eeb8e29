//! The access log of personal data (platform admins).

use async_graphql::{Context, Object, Result};
use chrono::{Duration, Utc};

use super::args::{caller, invalid};
use super::privacy_types::AccessLogEntry;

#[derive(Debug, Default)]
pub struct PrivacyQuery;

#[Object]
impl PrivacyQuery {
    /// Who read whose personal data (person pages, people and member lists,
    /// exports) in the last `days` days (default 30), newest first; only
    /// reads about `subject` (e.g. `person:<id>`) when given.
    async fn access_log(
        &self,
        ctx: &Context<'_>,
        days: Option<i32>,
        subject: Option<String>,
        first: Option<i32>,
    ) -> Result<Vec<AccessLogEntry>> {
        let (caller, request, _) = caller(ctx)?;
        let days = days.unwrap_or(30);
        if !(1..=3660).contains(&days) {
            return Err(invalid("days must be between 1 and 3660"));
        }
        let limit = match first {
            None => 100,
            Some(n) if (1..=500).contains(&n) => usize::try_from(n).unwrap_or(100),
            Some(n) => return Err(invalid(format!("first must be between 1 and 500, got {n}"))),
        };
        let since = Utc::now() - Duration::days(i64::from(days));
        let entries = caller
            .access_log(since, subject.as_deref(), limit)
            .await
            .map_err(|error| request.error(error))?;
        Ok(entries.into_iter().map(AccessLogEntry::from).collect())
    }
}
