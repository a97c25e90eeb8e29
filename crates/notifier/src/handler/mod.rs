//! Turns a published event into notifications: applies the [`rules`],
//! finds the people ([`crate::audience`]), looks up each one's delivery
//! preference for the kind, words it in their language
//! ([`crate::messages`]) and writes one batch: an inbox item each, with an
//! e-mail (at once or held for the digest) unless they turned e-mail off.
//! The store keys every notification by event and recipient, so a
//! redelivered event adds nothing.
//!
//! [`rules`]: crate::rules

mod invitation;
mod subject;
mod wording;

use std::collections::BTreeSet;
use std::sync::Arc;

use chrono::{DateTime, Utc};
use iiz_app::App;
use iiz_app::outbound::NotificationKind;
use iiz_store::{EmailDelivery, NewEmail, NewNotification, NotificationBatch, Preference, Store};
use lettre::message::Mailbox;
use uuid::Uuid;

pub use invitation::{InvitationTexts, invitation, method};
pub use subject::{ConcernSubject, MeetingSubject, RecommendationSubject, Subject, parties_of};

use crate::audience::{Directory, Recipient};
use crate::contract::PublishedEvent;
use crate::messages::{Args, Locale, Messages};
use crate::rules::{Rule, acting_person, rules_for};
use crate::{NotifierError, NotifierSettings};

/// The notifier's event handler.
#[derive(Debug, Clone)]
pub struct Notifications {
    app: App,
    settings: NotifierSettings,
    composer: Composer,
}

impl Notifications {
    /// Fails when the sender address of the settings is not an address.
    pub fn new(app: App, settings: NotifierSettings) -> Result<Self, NotifierError> {
        let composer = Composer::new(&settings)?;
        Ok(Self {
            app,
            settings,
            composer,
        })
    }

    pub fn settings(&self) -> &NotifierSettings {
        &self.settings
    }

    /// Notifies the people the rules name of `event`; returns the people
    /// whose inbox changed (none when the event was handled before).
    pub async fn handle(&self, event: &PublishedEvent) -> Result<Vec<String>, NotifierError> {
        self.handle_at(event, Utc::now()).await
    }

    /// [`Notifications::handle`] at a given time.
    pub async fn handle_at(
        &self,
        event: &PublishedEvent,
        now: DateTime<Utc>,
    ) -> Result<Vec<String>, NotifierError> {
        let rules = rules_for(event);
        if rules.is_empty() {
            return Ok(Vec::new());
        }
        let store = self.app.store();
        let Some(subject) = Subject::load(store, event).await? else {
            return Ok(Vec::new());
        };
        let directory = Directory::load(store).await?;
        let actor = acting_person(event);
        let mut seen = BTreeSet::new();
        let mut items = Vec::new();
        for rule in rules {
            for recipient in directory.resolve(store, rule.audience, &subject).await? {
                let id = recipient.person.id.to_string();
                if actor == Some(id.as_str()) || !seen.insert(id) {
                    continue;
                }
                items.push(
                    self.composer
                        .for_event(store, event.id, rule, &subject, &recipient, now)
                        .await?,
                );
            }
        }
        record(
            store,
            NotificationBatch {
                reminder: None,
                items,
            },
            now,
        )
        .await
    }
}

/// Writes a batch; returns each person whose inbox changed, once.
pub(crate) async fn record(
    store: &Store,
    batch: NotificationBatch,
    now: DateTime<Utc>,
) -> Result<Vec<String>, NotifierError> {
    if batch.items.is_empty() {
        return Ok(Vec::new());
    }
    let written = store.record_notifications(&batch, now).await?;
    let mut people: Vec<String> = written.into_iter().map(|item| item.recipient).collect();
    people.sort();
    people.dedup();
    Ok(people)
}

/// What one notification is about and where it links to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct About {
    pub subject_type: &'static str,
    pub subject_id: String,
    /// The path on the platform, e.g. `/concerns/<id>`.
    pub path: String,
}

/// Words notifications for their recipients.
#[derive(Debug, Clone)]
pub(crate) struct Composer {
    messages: Arc<Messages>,
    public_url: String,
    /// The sender's bare address, the organizer of invitations.
    organizer: String,
}

impl Composer {
    pub(crate) fn new(settings: &NotifierSettings) -> Result<Self, NotifierError> {
        let sender: Mailbox = settings.mail.from.parse().map_err(|error| {
            NotifierError::Settings(format!("sender {:?}: {error}", settings.mail.from))
        })?;
        Ok(Self {
            messages: Arc::new(Messages::embedded()?),
            public_url: settings.public_url.trim_end_matches('/').to_owned(),
            organizer: sender.email.to_string(),
        })
    }

    pub(crate) fn messages(&self) -> &Messages {
        &self.messages
    }

    /// The full address of a path on the platform.
    pub(crate) fn url(&self, path: &str) -> String {
        format!("{}{path}", self.public_url)
    }

    async fn for_event(
        &self,
        store: &Store,
        event_id: Uuid,
        rule: &Rule,
        subject: &Subject,
        recipient: &Recipient,
        now: DateTime<Utc>,
    ) -> Result<NewNotification, NotifierError> {
        let language = recipient.person.language;
        let locale = Locale::of(language);
        let reader = wording::Reader {
            messages: &self.messages,
            locale,
            language,
        };
        let args = wording::args(reader, subject, recipient)?;
        let calendar = match subject {
            Subject::Meeting(meeting) if rule.invitation => {
                let texts = InvitationTexts {
                    agenda: self
                        .messages
                        .format(locale, "invitation-agenda", &Args::new())?,
                    none: self
                        .messages
                        .format(locale, "invitation-none", &Args::new())?,
                    online: self
                        .messages
                        .format(locale, "invitation-online", &Args::new())?,
                    body: meeting
                        .body
                        .as_ref()
                        .map_or_else(String::new, |body| body.names.best(language).to_owned()),
                };
                Some(invitation(
                    &meeting.view,
                    &texts,
                    &self.organizer,
                    &recipient.person.email,
                    now,
                ))
            }
            _ => None,
        };
        let about = About {
            subject_type: subject.subject_type(),
            subject_id: subject.id(),
            path: subject.path(),
        };
        self.notification(store, event_id, rule.kind, recipient, args, about, calendar)
            .await
    }

    /// One person's notification of `kind`, worded with `args` (the link is
    /// added), with an e-mail as their preference for the kind says.
    #[allow(clippy::too_many_arguments, reason = "one notification's parts")]
    pub(crate) async fn notification(
        &self,
        store: &Store,
        event_id: Uuid,
        kind: NotificationKind,
        recipient: &Recipient,
        args: Args,
        about: About,
        calendar: Option<String>,
    ) -> Result<NewNotification, NotifierError> {
        let person = &recipient.person;
        let locale = Locale::of(person.language);
        let link = self.url(&about.path);
        let args = args.text("link", link.clone());
        let wording = self.messages.wording(locale, kind, &args)?;
        let recipient_id = person.id.to_string();
        let delivery = preference(store, &recipient_id, kind).await?;
        let email = match delivery {
            Preference::Off => None,
            Preference::Immediately | Preference::DailyDigest => Some(NewEmail {
                to: person.email.clone(),
                subject: wording.subject,
                text: self.messages.email_text(locale, &wording.body, &link)?,
                html: None,
                calendar,
                delivery: if delivery == Preference::DailyDigest {
                    EmailDelivery::Digest
                } else {
                    EmailDelivery::Immediately
                },
            }),
        };
        Ok(NewNotification {
            event_id,
            recipient: recipient_id,
            tenant: person.home.as_str().to_owned(),
            kind: kind.as_str().to_owned(),
            subject_type: about.subject_type.to_owned(),
            subject_id: about.subject_id,
            title: wording.title,
            body: wording.body,
            link: about.path,
            email,
        })
    }
}

/// A person's delivery for a kind; immediately unless they chose otherwise.
async fn preference(
    store: &Store,
    person: &str,
    kind: NotificationKind,
) -> Result<Preference, NotifierError> {
    Ok(store
        .preferences(person)
        .await?
        .into_iter()
        .find(|(chosen, _)| chosen == kind.as_str())
        .map_or(Preference::Immediately, |(_, preference)| preference))
}
