//! The daily digest: once a day at `digest_hour` (Europe/Zurich), every
//! person with e-mails held for the digest gets one e-mail in their language
//! listing them. The digest's id is derived from the person and the day, and
//! the store writes a digest id once, so a restart or a second instance
//! never sends a day's digest twice; e-mails held after the day's digest
//! wait for the next one. Invitations of held e-mails are not repeated in
//! the digest: the calendar feeds carry the meetings.

use std::future::Future;
use std::time::Duration;

use chrono::{DateTime, Days, NaiveDate, NaiveTime, Utc};
use chrono_tz::Europe::Zurich;
use iiz_app::App;
use iiz_app::meetings::ics::swiss_to_utc;
use iiz_store::{EmailDelivery, NewEmail, OutgoingEmail};
use uuid::Uuid;

use crate::audience::Directory;
use crate::handler::Composer;
use crate::messages::{Args, Locale, Messages, SIGNATURE, swiss_date};
use crate::{NotifierError, NotifierSettings};

/// The names digest ids are derived in.
const DIGEST_NAMESPACE: Uuid = Uuid::from_u128(0x0d4e_7a21_c5b8_4f3e_9a61_2b7c_e0f4_8d15);

/// The first wait after a failed run; it doubles up to an hour.
const RETRY: Duration = Duration::from_secs(30);
const MAX_RETRY: Duration = Duration::from_secs(60 * 60);

/// The id of a person's digest of a day.
pub fn digest_id(recipient: &str, day: NaiveDate) -> Uuid {
    Uuid::new_v5(
        &DIGEST_NAMESPACE,
        format!("digest:{recipient}:{day}").as_bytes(),
    )
}

/// The moment of a day's digest, in UTC.
pub fn digest_moment(day: NaiveDate, hour: u32) -> DateTime<Utc> {
    let time = NaiveTime::from_hms_opt(hour.min(23), 0, 0).unwrap_or(NaiveTime::MIN);
    swiss_to_utc(day.and_time(time))
}

/// The latest digest day whose moment has come by `now`.
pub fn latest_due_day(now: DateTime<Utc>, hour: u32) -> NaiveDate {
    let today = now.with_timezone(&Zurich).date_naive();
    if digest_moment(today, hour) <= now {
        today
    } else {
        today.checked_sub_days(Days::new(1)).unwrap_or(today)
    }
}

/// The text of a held e-mail without its footer.
fn without_footer(text: &str) -> &str {
    text.split_once(SIGNATURE)
        .map_or(text, |(message, _)| message)
        .trim_end()
}

/// One person's digest of the held e-mails, oldest first.
pub fn compose(
    messages: &Messages,
    locale: Locale,
    name: &str,
    to: &str,
    day: NaiveDate,
    held: &[OutgoingEmail],
) -> Result<NewEmail, NotifierError> {
    let count = i64::try_from(held.len()).unwrap_or(i64::MAX);
    let args = Args::new()
        .text("name", name)
        .text("date", swiss_date(day))
        .number("count", count);
    let subject = messages.format(locale, "digest-subject", &args)?;
    let mut text = messages.format(locale, "digest-intro", &args)?;
    for email in held {
        text.push_str("\n\n\n");
        text.push_str(&email.subject);
        text.push('\n');
        text.push_str(&"=".repeat(email.subject.chars().count().min(72)));
        text.push_str("\n\n");
        text.push_str(without_footer(&email.text));
    }
    text.push_str("\n\n");
    text.push_str(SIGNATURE);
    text.push_str(&messages.format(locale, "email-footer", &Args::new())?);
    text.push('\n');
    Ok(NewEmail {
        to: to.to_owned(),
        subject,
        text,
        html: None,
        calendar: None,
        delivery: EmailDelivery::Immediately,
    })
}

/// Bundles held e-mails into digests.
#[derive(Debug, Clone)]
pub struct Digests {
    app: App,
    composer: Composer,
}

impl Digests {
    pub fn new(app: App, settings: &NotifierSettings) -> Result<Self, NotifierError> {
        Ok(Self {
            app,
            composer: Composer::new(settings)?,
        })
    }

    /// Writes the digests of `day` for everyone with held e-mails; returns
    /// how many were written now (a digest written before is not counted).
    pub async fn send(&self, day: NaiveDate, now: DateTime<Utc>) -> Result<usize, NotifierError> {
        let store = self.app.store();
        let recipients = store.digest_recipients().await?;
        if recipients.is_empty() {
            return Ok(0);
        }
        let directory = Directory::load(store).await?;
        let mut written = 0;
        for recipient in recipients {
            let held = store.held_emails(&recipient).await?;
            let Some(last) = held.last() else {
                continue;
            };
            let person = directory.person_by_key(&recipient);
            let locale = person.map_or(Locale::De, |person| Locale::of(person.language));
            let name = person.map_or("", |person| person.name.as_str());
            let to = person.map_or(last.to.as_str(), |person| person.email.as_str());
            let tenant = person.map_or_else(
                || last.tenant.clone(),
                |person| person.home.as_str().to_owned(),
            );
            let email = compose(self.composer.messages(), locale, name, to, day, &held)?;
            let bundled: Vec<Uuid> = held.iter().map(|email| email.id).collect();
            let id = digest_id(&recipient, day);
            if store
                .bundle_digest(id, &recipient, &tenant, &email, &bundled, now)
                .await?
            {
                written += 1;
            }
        }
        Ok(written)
    }
}

/// Sends each day's digests at `settings.digest_hour`, and at start the
/// latest day's if it is still missing; stops when `shutdown` resolves.
pub async fn run(
    app: App,
    settings: NotifierSettings,
    shutdown: impl Future<Output = ()> + Send,
) -> Result<(), NotifierError> {
    let digests = Digests::new(app, &settings)?;
    let hour = settings.digest_hour;
    let mut done: Option<NaiveDate> = None;
    let mut retry = RETRY;
    tokio::pin!(shutdown);
    loop {
        let now = Utc::now();
        let day = latest_due_day(now, hour);
        let wait = if done == Some(day) {
            let next = day.checked_add_days(Days::new(1)).unwrap_or(day);
            (digest_moment(next, hour) - now)
                .to_std()
                .unwrap_or(Duration::from_secs(1))
        } else {
            match digests.send(day, now).await {
                Ok(written) => {
                    tracing::info!(%day, digests = written, "daily digests written");
                    done = Some(day);
                    retry = RETRY;
                    Duration::ZERO
                }
                Err(error) => {
                    tracing::warn!(%error, retry_in = ?retry, "daily digests failed");
                    let wait = retry;
                    retry = (retry * 2).min(MAX_RETRY);
                    wait
                }
            }
        };
        tokio::select! {
            () = &mut shutdown => return Ok(()),
            () = tokio::time::sleep(wait) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(value: &str) -> DateTime<Utc> {
        value.parse().expect("time")
    }

    fn day(value: &str) -> NaiveDate {
        value.parse().expect("day")
    }

    fn held(subject: &str, text: &str) -> OutgoingEmail {
        OutgoingEmail {
            id: Uuid::now_v7(),
            recipient: "p".to_owned(),
            tenant: "ZH".to_owned(),
            to: "old@example.ch".to_owned(),
            subject: subject.to_owned(),
            text: text.to_owned(),
            html: None,
            calendar: None,
            attempts: 0,
            created_at: at("2026-05-11T10:00:00Z"),
        }
    }

    #[test]
    fn the_digest_moment_is_local_swiss_time() {
        // 07:00 in summer is 05:00 UTC, in winter 06:00 UTC.
        assert_eq!(
            digest_moment(day("2026-06-10"), 7),
            at("2026-06-10T05:00:00Z")
        );
        assert_eq!(
            digest_moment(day("2026-12-10"), 7),
            at("2026-12-10T06:00:00Z")
        );
        assert_eq!(
            latest_due_day(at("2026-06-10T04:59:00Z"), 7),
            day("2026-06-09")
        );
        assert_eq!(
            latest_due_day(at("2026-06-10T05:00:00Z"), 7),
            day("2026-06-10")
        );
        // Late evening in Zurich is already the next day there.
        assert_eq!(
            latest_due_day(at("2026-06-10T22:30:00Z"), 7),
            day("2026-06-10")
        );
    }

    #[test]
    fn a_digest_id_names_one_person_and_day() {
        let first = digest_id("anna", day("2026-05-12"));
        assert_eq!(first, digest_id("anna", day("2026-05-12")));
        assert_ne!(first, digest_id("anna", day("2026-05-13")));
        assert_ne!(first, digest_id("luc", day("2026-05-12")));
    }

    #[test]
    fn a_digest_lists_the_held_emails_without_their_footers() {
        let messages = Messages::embedded().expect("messages");
        let held = [
            held(
                "CII : décision de l'EKG",
                "L'EKG a examiné.\n\nSur la plateforme : https://x/c/1\n\n-- \nCe message provient…\n",
            ),
            held("CII : réponse", "La demande a reçu sa réponse.\n"),
        ];
        let email = compose(
            &messages,
            Locale::Fr,
            "Luc Exemple",
            "luc@example.ch",
            day("2026-05-12"),
            &held,
        )
        .expect("digest");
        assert_eq!(email.subject, "CII : 2 notifications du 12.05.2026");
        assert_eq!(email.to, "luc@example.ch");
        assert_eq!(email.delivery, EmailDelivery::Immediately);
        assert!(
            email.text.starts_with("Bonjour Luc Exemple,"),
            "{}",
            email.text
        );
        assert!(
            email
                .text
                .contains("L'EKG a examiné.\n\nSur la plateforme : https://x/c/1")
        );
        assert!(email.text.contains("La demande a reçu sa réponse."));
        assert_eq!(email.text.matches(SIGNATURE).count(), 1, "{}", email.text);
        let first = email.text.find("décision").expect("first");
        let second = email.text.find("CII : réponse").expect("second");
        assert!(first < second, "oldest first");
    }
}
