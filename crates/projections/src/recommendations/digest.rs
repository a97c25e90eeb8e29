//! One document per recommendation with its summary and every addressee's
//! monitoring row: what the national monitoring reads whole.
//!
//! The dashboard and the exports need every summary and every row. Read
//! as 14 000 documents (500 recommendations × 28 addressees) a new
//! instance's first dashboard spent most of its time fetching rows and
//! decoding field names and dates (docs/benchmarks.md, "Recommendations").
//! A digest holds a recommendation's rows as JSON arrays instead of
//! objects (no field names to write, send and match), with the addressee as
//! its code, the status history as one string, and days decoded without
//! chrono's format parser: 500 documents of about 10 kB instead of 14 000
//! of 800 bytes.

use chrono::{DateTime, NaiveDate, Utc};
use iiz_domain::recommendation::{Acceptance, ImplementationStatus};
use iiz_domain::{Party, RecommendationId};
use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};

use super::view::{MonitoringRow, OpenFlag, RecommendationSummary, StatusPoint};

/// Collection of [`MonitoringDigest`], keyed by recommendation id, in the
/// order of `recommendation_index`.
pub const RECOMMENDATION_DIGESTS: &str = "recommendation_digests";

/// A recommendation's summary with the monitoring rows of its addressees,
/// in the order of their codes (the order of their row documents).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MonitoringDigest {
    pub summary: RecommendationSummary,
    rows: Vec<CompactRow>,
}

/// A [`MonitoringRow`] without the recommendation (the digest's), as one
/// JSON array: `[addressee code, answer, report, marks, status history]`.
type CompactRow = (String, CompactAnswer, CompactReport, CompactMarks, History);

/// `[acceptance, answered on, committed on, answered version]`.
type CompactAnswer = (Option<Acceptance>, Option<Day>, Option<Day>, Option<u32>);

/// `[status, percent, reported until, last reported on, reports]`.
type CompactReport = (
    Option<ImplementationStatus>,
    Option<u8>,
    Option<Day>,
    Option<Day>,
    u32,
);

/// `[priority, shareable, open flag]`.
type CompactMarks = (bool, bool, Option<CompactFlag>);

/// An [`OpenFlag`] as `[flag, note, since]`.
type CompactFlag = (u32, String, DateTime<Utc>);

impl MonitoringDigest {
    pub fn new(summary: RecommendationSummary) -> Self {
        Self {
            summary,
            rows: Vec::new(),
        }
    }

    /// Puts an addressee's row in place of its earlier one.
    pub fn put_row(&mut self, row: &MonitoringRow) {
        let compact = compact(row);
        match self
            .rows
            .binary_search_by(|probe| probe.0.as_str().cmp(compact.0.as_str()))
        {
            Ok(at) => self.rows[at] = compact,
            Err(at) => self.rows.insert(at, compact),
        }
    }

    /// The summary and the rows, each row with its recommendation.
    pub fn into_parts(self) -> Result<(RecommendationSummary, Vec<MonitoringRow>), String> {
        let id = self.summary.id;
        let rows = self
            .rows
            .into_iter()
            .map(|row| expand(id, row))
            .collect::<Result<_, _>>()?;
        Ok((self.summary, rows))
    }
}

fn compact(row: &MonitoringRow) -> CompactRow {
    (
        row.addressee_key.clone(),
        (
            row.acceptance,
            row.answered_on.map(Day),
            row.committed_on.map(Day),
            row.answered_version,
        ),
        (
            row.status,
            row.percent,
            row.reported_until.map(Day),
            row.last_reported_on.map(Day),
            row.reports,
        ),
        (
            row.priority,
            row.shareable,
            row.open_flag
                .as_ref()
                .map(|flag| (flag.flag, flag.note.clone(), flag.since)),
        ),
        History(row.status_history.clone()),
    )
}

fn expand(recommendation: RecommendationId, row: CompactRow) -> Result<MonitoringRow, String> {
    let (
        addressee_key,
        (acceptance, answered_on, committed_on, answered_version),
        (status, percent, reported_until, last_reported_on, reports),
        (priority, shareable, open_flag),
        status_history,
    ) = row;
    let addressee = Party::parse(&addressee_key)
        .map_err(|error| format!("addressee {addressee_key:?}: {error}"))?;
    Ok(MonitoringRow {
        recommendation,
        addressee,
        recommendation_key: recommendation.to_string(),
        addressee_key,
        acceptance,
        answered_on: answered_on.map(|day| day.0),
        committed_on: committed_on.map(|day| day.0),
        status,
        percent,
        reported_until: reported_until.map(|day| day.0),
        last_reported_on: last_reported_on.map(|day| day.0),
        reports,
        answered_version,
        priority,
        shareable,
        open_flag: open_flag.map(|(flag, note, since)| OpenFlag { flag, note, since }),
        status_history: status_history.0,
    })
}

/// A status history as one string, `2020-06-30 in_progress;2020-12-31
/// implemented`: PostgreSQL writes out `jsonb` node by node, and the points
/// as arrays were most of a digest's nodes (a 500-recommendation digest read
/// went from 60 to 44 ms on the server alone with this form).
#[derive(Debug, Clone, PartialEq, Eq)]
struct History(Vec<StatusPoint>);

impl Serialize for History {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut text = String::with_capacity(self.0.len() * 24);
        for (index, point) in self.0.iter().enumerate() {
            if index > 0 {
                text.push(';');
            }
            text.push_str(&point.on.to_string());
            text.push(' ');
            text.push_str(point.status.as_str());
        }
        serializer.serialize_str(&text)
    }
}

impl<'de> Deserialize<'de> for History {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(ParsedStr {
            expecting: "status points as `YYYY-MM-DD status`, separated by `;`",
            parse: History::parse,
        })
    }
}

impl History {
    fn parse(text: &str) -> Option<Self> {
        if text.is_empty() {
            return Some(History(Vec::new()));
        }
        text.split(';')
            .map(|point| {
                let (day, status) = point.split_once(' ')?;
                let on = Day::parse(day)?.0;
                let status = ImplementationStatus::ALL
                    .into_iter()
                    .find(|known| known.as_str() == status)?;
                Some(StatusPoint { on, status })
            })
            .collect::<Option<Vec<_>>>()
            .map(History)
    }
}

/// A day as `YYYY-MM-DD`, read without chrono's general format parser (a
/// digest of 500 recommendations holds some 200 000 of them).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Day(NaiveDate);

impl Serialize for Day {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Day {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(ParsedStr {
            expecting: "a day as YYYY-MM-DD",
            parse: Day::parse,
        })
    }
}

impl Day {
    /// The fast reader first, chrono's for what it does not take (years
    /// outside 0000-9999).
    fn parse(text: &str) -> Option<Self> {
        plain_day(text).or_else(|| text.parse().ok()).map(Day)
    }
}

/// Reads a string with `parse`, the one way `History` and `Day` are read.
struct ParsedStr<T> {
    expecting: &'static str,
    parse: fn(&str) -> Option<T>,
}

impl<T> Visitor<'_> for ParsedStr<T> {
    type Value = T;

    fn expecting(&self, formatter: &mut std::fmt::Formatter) -> std::fmt::Result {
        formatter.write_str(self.expecting)
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<T, E> {
        (self.parse)(text).ok_or_else(|| E::invalid_value(de::Unexpected::Str(text), &self))
    }
}

/// `YYYY-MM-DD` with four digits of year; anything else (years before 0
/// or after 9999) is left to chrono.
fn plain_day(text: &str) -> Option<NaiveDate> {
    let bytes = text.as_bytes();
    let [y1, y2, y3, y4, b'-', m1, m2, b'-', d1, d2] = *bytes else {
        return None;
    };
    let digits = |digits: &[u8]| {
        digits.iter().try_fold(0u32, |value, &digit| {
            digit
                .is_ascii_digit()
                .then(|| value * 10 + u32::from(digit - b'0'))
        })
    };
    let year = i32::try_from(digits(&[y1, y2, y3, y4])?).ok()?;
    NaiveDate::from_ymd_opt(year, digits(&[m1, m2])?, digits(&[d1, d2])?)
}

/// Days as chrono writes them read back the same, and the fast path
/// agrees with chrono wherever it answers.
#[cfg(test)]
mod tests {
    use chrono::Datelike;

    use super::*;

    #[test]
    fn days_read_back_as_chrono_writes_them() {
        let mut day = NaiveDate::from_ymd_opt(1999, 12, 25).unwrap();
        for _ in 0..20_000 {
            let text = day.to_string();
            assert_eq!(plain_day(&text), Some(day), "{text}");
            let json = serde_json::to_string(&Day(day)).unwrap();
            assert_eq!(serde_json::from_str::<Day>(&json).unwrap(), Day(day));
            day = day.succ_opt().unwrap();
        }
        assert_eq!(day.year(), 2054);
    }

    #[test]
    fn histories_read_back_and_malformed_ones_are_refused() {
        let day = |text: &str| text.parse::<NaiveDate>().unwrap();
        for points in [
            vec![],
            vec![StatusPoint {
                on: day("2020-06-30"),
                status: ImplementationStatus::InProgress,
            }],
            ImplementationStatus::ALL
                .into_iter()
                .enumerate()
                .map(|(index, status)| StatusPoint {
                    on: day("2020-12-31") + chrono::Days::new(index as u64 * 181),
                    status,
                })
                .collect(),
        ] {
            let json = serde_json::to_string(&History(points.clone())).unwrap();
            assert_eq!(serde_json::from_str::<History>(&json).unwrap().0, points);
        }
        for text in [
            "2020-06-30",
            "2020-06-30 done",
            "2020-06-31 planned",
            "2020-06-30 planned;",
        ] {
            assert!(
                serde_json::from_str::<History>(&format!("\"{text}\"")).is_err(),
                "{text}"
            );
        }
    }

    #[test]
    fn impossible_or_other_days_are_refused_or_left_to_chrono() {
        for text in [
            "2024-02-30",
            "2023-13-01",
            "2023-00-10",
            "20x3-01-01",
            "2023-01-1x",
        ] {
            assert_eq!(plain_day(text), None, "{text}");
            assert!(serde_json::from_str::<Day>(&format!("\"{text}\"")).is_err());
        }
        let far = NaiveDate::from_ymd_opt(12_345, 1, 2).unwrap();
        let json = serde_json::to_string(&Day(far)).unwrap();
        assert_eq!(serde_json::from_str::<Day>(&json).unwrap(), Day(far));
    }
}
