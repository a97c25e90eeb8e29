//! What time it is for the platform's rules: "today" decides whether a
//! meeting has taken place (its minutes may be recorded), whether an
//! adoption date lies in the future, which work programme is in force and
//! where the demo's year lies. It comes from one [`Clock`] in the [`App`]
//! so that a test can run the whole platform on another day; `iiz` uses the
//! system's time. Security deadlines (sessions, tokens) and the log's
//! `recorded_at` stay on the system's time: they are facts of this machine,
//! not of the business calendar.
//!
//! [`App`]: crate::App

use chrono::{DateTime, NaiveDate, TimeDelta, Utc};
use chrono_tz::Europe::Zurich;

/// The system's time, shifted by a fixed offset (none in production).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Clock {
    offset: TimeDelta,
}

impl Clock {
    /// The system's time.
    pub fn system() -> Self {
        Self::default()
    }

    /// A clock that runs `offset` ahead of the system's (behind when
    /// negative): time still passes, the calendar is another.
    pub fn shifted(offset: TimeDelta) -> Self {
        Self { offset }
    }

    /// A clock that reads `at` now and runs on from there.
    pub fn starting_at(at: DateTime<Utc>) -> Self {
        Self::shifted(at - Utc::now())
    }

    pub fn now(&self) -> DateTime<Utc> {
        Utc::now() + self.offset
    }

    /// The day in UTC.
    pub fn today(&self) -> NaiveDate {
        self.now().date_naive()
    }

    /// The day in Switzerland, where meetings take place.
    pub fn swiss_today(&self) -> NaiveDate {
        self.now().with_timezone(&Zurich).date_naive()
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, reason = "test code")]
mod tests {
    use super::*;

    #[test]
    fn a_shifted_clock_reads_another_calendar() {
        let at = DateTime::parse_from_rfc3339("2031-03-14T23:30:00Z")
            .unwrap()
            .with_timezone(&Utc);
        let clock = Clock::starting_at(at);
        assert_eq!(clock.today().to_string(), "2031-03-14");
        // Half past midnight in Zurich (UTC+1 in March).
        assert_eq!(clock.swiss_today().to_string(), "2031-03-15");
    }
}
