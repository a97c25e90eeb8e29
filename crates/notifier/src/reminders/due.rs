//! Which reminders are due on a day: a pure function of the monitoring rows
//! and the day, so the thresholds are tested with fixed dates.
//!
//! "Answers and implementation reports due in 30 and 7 days, and overdue →
//! the addressee's coordinators; overdue by more than 30 days → the
//! Fachstelle as well." Each threshold of each due date is one reminder,
//! sent once: its key names the recommendation, the addressee, what is due,
//! the due date and the threshold. A scan that finds an item past several
//! thresholds at once (the scheduler was off) sends only the most urgent.

use chrono::NaiveDate;
use iiz_domain::{Party, RecommendationId};
use iiz_projections::{DueKind, MonitoringRow, RecommendationSummary, due_next};
use uuid::Uuid;

/// The names reminder event ids are derived in (UUIDv5 of the key).
const REMINDER_NAMESPACE: Uuid = Uuid::from_u128(0x6f1c_2d8e_93a4_4b57_a0e2_5c9d_17b3_e48f);

/// Days before the due date of the first reminder.
pub const EARLY_DAYS: i64 = 30;
/// Days before the due date of the second reminder.
pub const LATE_DAYS: i64 = 7;
/// Days overdue after which the Fachstelle hears.
pub const ESCALATION_DAYS: i64 = 30;

/// How close the due date is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Threshold {
    /// Due in 8 to 30 days.
    InThirtyDays,
    /// Due in 0 to 7 days.
    InSevenDays,
    /// Due before today.
    Overdue,
    /// Due more than 30 days before today.
    Escalated,
}

impl Threshold {
    /// The threshold a day is in, `None` while the due date is more than 30
    /// days ahead. `days_left` is negative once overdue.
    pub fn of(days_left: i64) -> Option<Self> {
        match days_left {
            days if days > EARLY_DAYS => None,
            days if days > LATE_DAYS => Some(Self::InThirtyDays),
            days if days >= 0 => Some(Self::InSevenDays),
            days if days >= -ESCALATION_DAYS => Some(Self::Overdue),
            _ => Some(Self::Escalated),
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::InThirtyDays => "30d",
            Self::InSevenDays => "7d",
            Self::Overdue => "overdue",
            Self::Escalated => "overdue30d",
        }
    }

    /// The `$threshold` the messages select on.
    pub fn wording(self) -> &'static str {
        match self {
            Self::InThirtyDays | Self::InSevenDays => "soon",
            Self::Overdue | Self::Escalated => "overdue",
        }
    }

    /// Whether the Fachstelle hears as well.
    pub fn escalates(self) -> bool {
        self == Self::Escalated
    }
}

/// One reminder to send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DueReminder {
    pub recommendation: RecommendationId,
    /// The recommendation's title (original language).
    pub title: String,
    pub addressee: Party,
    pub what: DueKind,
    pub due: NaiveDate,
    pub threshold: Threshold,
    /// Days until the due date; negative once overdue.
    pub days_left: i64,
}

impl DueReminder {
    /// `due:{recommendation}:{addressee}:{what}:{due date}:{threshold}`:
    /// recorded with the notifications, so a reminder is sent once.
    pub fn key(&self) -> String {
        format!(
            "due:{}:{}:{}:{}:{}",
            self.recommendation,
            self.addressee,
            what_name(self.what),
            self.due,
            self.threshold.as_str()
        )
    }

    /// The reminder's event id: the same key always gives the same id.
    pub fn event_id(&self) -> Uuid {
        Uuid::new_v5(&REMINDER_NAMESPACE, self.key().as_bytes())
    }

    /// Days left, or days overdue once overdue: as the messages say it.
    pub fn days(&self) -> i64 {
        self.days_left.abs()
    }
}

/// `answer` or `report`: the `$what` of the messages.
pub fn what_name(what: DueKind) -> &'static str {
    match what {
        DueKind::Answer => "answer",
        DueKind::Report => "report",
    }
}

/// The reminders due on `today` for the items of published recommendations.
pub fn due_reminders<'a>(
    items: impl IntoIterator<Item = (&'a RecommendationSummary, &'a MonitoringRow)>,
    today: NaiveDate,
) -> Vec<DueReminder> {
    items
        .into_iter()
        .filter_map(|(summary, row)| {
            let (what, due) = due_next(summary, row)?;
            let days_left = (due - today).num_days();
            let threshold = Threshold::of(days_left)?;
            Some(DueReminder {
                recommendation: row.recommendation,
                title: summary.title.clone(),
                addressee: row.addressee,
                what,
                due,
                threshold,
                days_left,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use chrono::{DateTime, Utc};
    use iiz_domain::recommendation::{
        Acceptance, ImplementationStatus, RecommendationStage, ReportingRhythm, Schedule,
    };
    use iiz_domain::{CantonCode, TenantId};

    use super::*;

    fn day(value: &str) -> NaiveDate {
        value.parse().expect("day")
    }

    fn summary(stage: RecommendationStage) -> RecommendationSummary {
        RecommendationSummary {
            id: RecommendationId::from_uuid(Uuid::from_u128(7)),
            stage,
            version: 1,
            title: "Gemeinsame Fallführung".to_owned(),
            focus_area: None,
            addressee_count: 1,
            schedule: Schedule {
                answer_due: day("2026-06-30"),
                rhythm: ReportingRhythm::Yearly,
            },
            adopted_on: None,
            published_on: Some(day("2026-03-01")),
            open_flags: Vec::new(),
            updated_at: DateTime::<Utc>::default(),
        }
    }

    fn row() -> MonitoringRow {
        let zurich = Party::Tenant(TenantId::Canton(CantonCode::parse("ZH").expect("ZH")));
        MonitoringRow::new(RecommendationId::from_uuid(Uuid::from_u128(7)), zurich)
    }

    fn on(today: &str, summary: &RecommendationSummary, row: &MonitoringRow) -> Vec<DueReminder> {
        due_reminders([(summary, row)], day(today))
    }

    #[test]
    fn an_answer_is_reminded_at_30_and_7_days_overdue_and_escalated() {
        let summary = summary(RecommendationStage::Published);
        let row = row();
        let threshold = |today: &str| {
            on(today, &summary, &row)
                .first()
                .map(|reminder| reminder.threshold)
        };
        assert_eq!(threshold("2026-05-30"), None, "31 days ahead");
        assert_eq!(threshold("2026-05-31"), Some(Threshold::InThirtyDays));
        assert_eq!(
            threshold("2026-06-22"),
            Some(Threshold::InThirtyDays),
            "8 days"
        );
        assert_eq!(threshold("2026-06-23"), Some(Threshold::InSevenDays));
        assert_eq!(
            threshold("2026-06-30"),
            Some(Threshold::InSevenDays),
            "due today"
        );
        assert_eq!(threshold("2026-07-01"), Some(Threshold::Overdue));
        assert_eq!(
            threshold("2026-07-30"),
            Some(Threshold::Overdue),
            "30 days late"
        );
        assert_eq!(threshold("2026-07-31"), Some(Threshold::Escalated));
        assert!(Threshold::Escalated.escalates());
        assert!(!Threshold::Overdue.escalates());
    }

    #[test]
    fn the_key_and_event_id_name_one_threshold_of_one_due_date() {
        let summary = summary(RecommendationStage::Published);
        let row = row();
        let first = on("2026-06-01", &summary, &row);
        let again = on("2026-06-10", &summary, &row);
        let later = on("2026-06-25", &summary, &row);
        assert_eq!(first.len(), 1);
        assert_eq!(
            first[0].key(),
            "due:00000000-0000-0000-0000-000000000007:ZH:answer:2026-06-30:30d"
        );
        assert_eq!(first[0].days(), 29);
        assert_eq!(first[0].key(), again[0].key());
        assert_eq!(first[0].event_id(), again[0].event_id());
        assert_ne!(first[0].event_id(), later[0].event_id());
    }

    #[test]
    fn a_committed_item_owes_its_report_one_rhythm_after_the_answer_date() {
        let summary = summary(RecommendationStage::Published);
        let mut row = row();
        row.acceptance = Some(Acceptance::Accepted);
        let reminders = on("2027-06-20", &summary, &row);
        assert_eq!(reminders.len(), 1);
        assert_eq!(reminders[0].what, DueKind::Report);
        assert_eq!(reminders[0].due, day("2027-06-30"));
        assert_eq!(reminders[0].threshold, Threshold::InThirtyDays);
        assert!(reminders[0].key().contains(":report:2027-06-30:30d"));
    }

    #[test]
    fn nothing_is_due_when_nothing_is_owed() {
        let published = summary(RecommendationStage::Published);
        let mut declined = row();
        declined.acceptance = Some(Acceptance::NotAccepted);
        assert!(on("2026-07-10", &published, &declined).is_empty());
        let mut done = row();
        done.acceptance = Some(Acceptance::Accepted);
        done.status = Some(ImplementationStatus::Implemented);
        assert!(on("2027-06-25", &published, &done).is_empty());
        let closed = summary(RecommendationStage::Closed);
        assert!(on("2026-07-10", &closed, &row()).is_empty());
    }
}
