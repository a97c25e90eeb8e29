//! Reminders of answers and implementation reports: at start and then every
//! `reminder_interval`, the scheduler reads the monitoring rows, works out
//! which reminders are due today ([`due_reminders`]) and writes each as one
//! batch with its reminder key. The store records the key in the batch's
//! transaction and refuses a key it has seen, so a reminder is recorded
//! before it is sent and never sent twice, across restarts and instances.

mod due;

use std::collections::{BTreeMap, BTreeSet};
use std::future::Future;
use std::time::Duration;

use chrono::{DateTime, Utc};
use chrono_tz::Europe::Zurich;
use iiz_app::App;
use iiz_app::outbound::NotificationKind;
use iiz_projections::{
    MonitoringRow, RECOMMENDATION_INDEX, RECOMMENDATION_MONITORING, RECOMMENDATIONS,
    RecommendationSummary, RecommendationView,
};
use iiz_store::NotificationBatch;

pub use due::{
    DueReminder, EARLY_DAYS, ESCALATION_DAYS, LATE_DAYS, Threshold, due_reminders, what_name,
};

use crate::audience::{Directory, read_all, read_doc};
use crate::bus::Bus;
use crate::handler::{About, Composer, record};
use crate::messages::{Args, swiss_date};
use crate::{NotifierError, NotifierSettings};

/// The first wait after a failed scan; it doubles up to the interval.
const RETRY: Duration = Duration::from_secs(30);

/// Finds and sends due reminders.
#[derive(Debug, Clone)]
pub struct Reminders {
    app: App,
    composer: Composer,
}

impl Reminders {
    pub fn new(app: App, settings: &NotifierSettings) -> Result<Self, NotifierError> {
        Ok(Self {
            app,
            composer: Composer::new(settings)?,
        })
    }

    /// Sends the reminders due on the Swiss day of `now`; returns the people
    /// whose inbox changed.
    pub async fn scan(&self, now: DateTime<Utc>) -> Result<Vec<String>, NotifierError> {
        let store = self.app.store();
        let summaries: BTreeMap<_, RecommendationSummary> =
            read_all::<RecommendationSummary>(store, RECOMMENDATION_INDEX)
                .await?
                .into_iter()
                .map(|summary| (summary.id, summary))
                .collect();
        let rows: Vec<MonitoringRow> = read_all(store, RECOMMENDATION_MONITORING).await?;
        let today = now.with_timezone(&Zurich).date_naive();
        let due = due_reminders(
            rows.iter().filter_map(|row| {
                summaries
                    .get(&row.recommendation)
                    .map(|summary| (summary, row))
            }),
            today,
        );
        if due.is_empty() {
            return Ok(Vec::new());
        }
        let directory = Directory::load(store).await?;
        let mut changed = BTreeSet::new();
        for reminder in &due {
            let batch = self.batch(&directory, reminder).await?;
            if batch.items.is_empty() {
                tracing::warn!(
                    key = reminder.key(),
                    "nobody speaks for the addressee of a reminder"
                );
                continue;
            }
            changed.extend(record(store, batch, now).await?);
        }
        Ok(changed.into_iter().collect())
    }

    /// The reminder for the addressee's coordinators (or delegates) and,
    /// when escalated, the Fachstelle.
    async fn batch(
        &self,
        directory: &Directory,
        reminder: &DueReminder,
    ) -> Result<NotificationBatch, NotifierError> {
        let store = self.app.store();
        let id = reminder.recommendation.to_string();
        let view: Option<RecommendationView> = read_doc(store, RECOMMENDATIONS, &id).await?;
        let mut audience: Vec<_> = directory
            .speakers_for(reminder.addressee)
            .into_iter()
            .map(|recipient| (NotificationKind::DueReminder, recipient))
            .collect();
        if reminder.threshold.escalates() {
            audience.extend(
                directory
                    .fachstelle()
                    .into_iter()
                    .map(|recipient| (NotificationKind::OverdueEscalation, recipient)),
            );
        }
        let mut seen = BTreeSet::new();
        let mut items = Vec::new();
        for (kind, recipient) in audience {
            if !seen.insert(recipient.person.id) {
                continue;
            }
            let language = recipient.person.language;
            let title = view
                .as_ref()
                .and_then(|view| view.translations.get(&language))
                .map_or(reminder.title.as_str(), |translation| {
                    translation.title.as_str()
                });
            let args = Args::new()
                .text("recommendation", title)
                .text("addressee", reminder.addressee.to_string())
                .text("what", what_name(reminder.what))
                .text("threshold", reminder.threshold.wording())
                .text("due", swiss_date(reminder.due))
                .number("days", reminder.days());
            let about = About {
                subject_type: "recommendation",
                subject_id: id.clone(),
                path: format!("/recommendations/{id}"),
            };
            items.push(
                self.composer
                    .notification(
                        store,
                        reminder.event_id(),
                        kind,
                        &recipient,
                        args,
                        about,
                        None,
                    )
                    .await?,
            );
        }
        Ok(NotificationBatch {
            reminder: Some(reminder.key()),
            items,
        })
    }
}

/// Scans at start and then every `settings.reminder_interval` until
/// `shutdown`; a failed scan is logged and retried sooner, with backoff.
/// The people whose inbox changed are told over the bus, so their open
/// pages on every instance update.
pub async fn run(
    app: App,
    bus: Bus,
    settings: NotifierSettings,
    shutdown: impl Future<Output = ()> + Send,
) -> Result<(), NotifierError> {
    let reminders = Reminders::new(app.clone(), &settings)?;
    let interval = settings.reminder_interval;
    let mut retry = RETRY.min(interval);
    tokio::pin!(shutdown);
    loop {
        let wait = match reminders.scan(Utc::now()).await {
            Ok(people) => {
                if !people.is_empty() {
                    tracing::info!(people = people.len(), "reminders sent");
                }
                for person in people {
                    if let Err(error) = bus.announce_inbox(&person).await {
                        // Only a hint to re-read: the inbox itself is written.
                        tracing::debug!(%error, "announcing a reminder failed");
                    }
                }
                retry = RETRY.min(interval);
                interval
            }
            Err(error) => {
                tracing::warn!(%error, retry_in = ?retry, "reminder scan failed");
                let wait = retry;
                retry = (retry * 2).min(interval);
                wait
            }
        };
        tokio::select! {
            () = &mut shutdown => return Ok(()),
            () = tokio::time::sleep(wait) => {}
        }
    }
}
