//! How far a reader of the log is behind: what the relay reports as its lag
//! on `/metrics`.

use chrono::{DateTime, Utc};

use crate::any::Store;
use crate::error::StoreError;
use crate::event::LogCursor;

/// The events committed after a cursor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LogLag {
    pub events: u64,
    /// When the oldest of them was recorded; `None` when there are none.
    pub oldest: Option<DateTime<Utc>>,
}

impl LogLag {
    /// Milliseconds between the oldest event and `now` (0 without events).
    pub fn millis(&self, now: DateTime<Utc>) -> u64 {
        self.oldest.map_or(0, |oldest| {
            u64::try_from((now - oldest).num_milliseconds()).unwrap_or(0)
        })
    }
}

impl Store {
    /// The events committed after `after`, including those still hidden
    /// from readers behind an open transaction: they are waiting too.
    pub async fn log_lag(&self, after: LogCursor) -> Result<LogLag, StoreError> {
        let (count, oldest) = match self {
            Store::Postgres(store) => {
                sqlx::query_as::<_, (i64, Option<DateTime<Utc>>)>(
                    "SELECT count(*), min(recorded_at) FROM events \
                     WHERE (tx_id, position) > ($1::bigint::text::xid8, $2)",
                )
                .bind(after.tx)
                .bind(after.position)
                .fetch_one(store.pool())
                .await?
            }
            Store::Sqlite(store) => {
                let (count, oldest) = sqlx::query_as::<_, (i64, Option<String>)>(
                    "SELECT count(*), min(recorded_at) FROM events WHERE position > ?",
                )
                .bind(after.position)
                .fetch_one(store.reader())
                .await?;
                (count, oldest.map(|text| parse_time(&text)).transpose()?)
            }
        };
        Ok(LogLag {
            events: u64::try_from(count).unwrap_or(0),
            oldest,
        })
    }
}

/// SQLite keeps timestamps as RFC 3339 text.
fn parse_time(text: &str) -> Result<DateTime<Utc>, StoreError> {
    DateTime::parse_from_rfc3339(text)
        .map(|time| time.with_timezone(&Utc))
        .map_err(|error| StoreError::Corrupt(format!("recorded_at {text}: {error}")))
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::LogLag;

    #[test]
    fn lag_is_measured_from_the_oldest_event() {
        let oldest = chrono::Utc.timestamp_opt(1_000, 0).single();
        let now = chrono::Utc.timestamp_opt(1_002, 500_000_000).single();
        let lag = LogLag { events: 3, oldest };
        assert_eq!(lag.millis(now.expect("valid time")), 2_500);
        let none = LogLag {
            events: 0,
            oldest: None,
        };
        assert_eq!(none.millis(now.expect("valid time")), 0);
    }
}
