//! Where the demo's meetings lie in the calendar, from the app's clock.

use chrono::{Datelike, NaiveDate};

/// The years the demo's meetings fall in, as seen on one day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DemoYears {
    /// The last year whose joint year-end meeting (26 November) has taken
    /// place: all its meetings are minuted.
    pub year: i32,
    /// The year of the planned meetings: the first whose first meeting
    /// (23 February) is still ahead.
    pub next: i32,
}

impl DemoYears {
    pub fn on(today: NaiveDate) -> Self {
        let on = |year: i32, month, day| NaiveDate::from_ymd_opt(year, month, day);
        let year = if on(today.year(), 11, 26).is_some_and(|end| today >= end) {
            today.year()
        } else {
            today.year() - 1
        };
        let next = if on(year + 1, 2, 23).is_some_and(|first| first > today) {
            year + 1
        } else {
            year + 2
        };
        Self { year, next }
    }

    /// `text` with its year placeholders replaced (see `texts_de`).
    pub(crate) fn fill(self, text: &str) -> String {
        text.replace("{year-1}", &(self.year - 1).to_string())
            .replace("{year+1}", &(self.year + 1).to_string())
            .replace("{year}", &self.year.to_string())
            .replace("{next-1}", &(self.next - 1).to_string())
            .replace("{next}", &self.next.to_string())
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, reason = "test code")]
mod tests {
    use super::*;

    fn years(day: &str) -> (i32, i32) {
        let years = DemoYears::on(day.parse().unwrap());
        (years.year, years.next)
    }

    #[test]
    fn the_demo_year_is_the_last_with_its_year_end_meeting_held() {
        assert_eq!(years("2026-12-06"), (2026, 2027));
        assert_eq!(years("2026-11-26"), (2026, 2027));
        assert_eq!(years("2026-11-25"), (2025, 2027));
        assert_eq!(years("2027-02-22"), (2026, 2027));
        assert_eq!(years("2027-02-23"), (2026, 2028));
        assert_eq!(years("2031-07-01"), (2030, 2032));
    }

    #[test]
    fn placeholders_become_years() {
        let years = DemoYears {
            year: 2030,
            next: 2032,
        };
        assert_eq!(
            years.fill("{year-1} {year} {year+1} {next-1} {next}"),
            "2029 2030 2031 2031 2032"
        );
    }
}
