//! The wording of notifications in German, French and Italian: Fluent
//! messages, one `.ftl` file per language under `locales/`, embedded in the
//! binary. Every kind of notification has a `-title` (the inbox), a `-body`
//! (inbox and e-mail) and a `-subject` (the e-mail); events of one kind are
//! told apart by the `$step` variable. Dates are Swiss (dd.mm.yyyy) in every
//! language.
//!
//! Romansh speakers read German: the platform has no Romansh texts yet.

use std::fmt;

use chrono::{NaiveDate, NaiveTime};
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use iiz_app::outbound::NotificationKind;
use iiz_domain::Language;
use unic_langid::LanguageIdentifier;

use crate::NotifierError;

const GERMAN: &str = include_str!("../../locales/de/notifications.ftl");
const FRENCH: &str = include_str!("../../locales/fr/notifications.ftl");
const ITALIAN: &str = include_str!("../../locales/it/notifications.ftl");

/// The messages that are not one kind's title, body or subject.
pub const SHARED_MESSAGES: &[&str] = &[
    "stg-outcome",
    "ekg-outcome",
    "return-reason",
    "acceptance",
    "implementation-status",
    "email-link",
    "email-footer",
    "digest-subject",
    "digest-intro",
    "invitation-agenda",
    "invitation-none",
    "invitation-online",
];

/// The parts every kind is worded in.
pub const PARTS: [&str; 3] = ["title", "body", "subject"];

/// Which event of its kind a notification tells of: the `$step` variable.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Accepted,
    Returned,
    Merged,
    Adopted,
    Published,
    Amended,
    Closed,
    Answered,
    Reported,
    ItemAdded,
    Sent,
    Revised,
    Rescheduled,
    Cancelled,
    Carried,
    NotCarried,
    Formed,
    Delegated,
    BroughtToStg,
    Examined,
    Assessed,
    Decided,
    Referred,
}

impl Step {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Accepted => "accepted",
            Self::BroughtToStg => "brought_to_stg",
            Self::Examined => "examined",
            Self::Assessed => "assessed",
            Self::Decided => "decided",
            Self::Referred => "referred",
            Self::Returned => "returned",
            Self::Merged => "merged",
            Self::Adopted => "adopted",
            Self::Published => "published",
            Self::Amended => "amended",
            Self::Closed => "closed",
            Self::Answered => "answered",
            Self::Reported => "reported",
            Self::ItemAdded => "item_added",
            Self::Sent => "sent",
            Self::Revised => "revised",
            Self::Rescheduled => "rescheduled",
            Self::Cancelled => "cancelled",
            Self::Carried => "carried",
            Self::NotCarried => "not_carried",
            Self::Formed => "formed",
            Self::Delegated => "delegated",
        }
    }

    /// The steps a kind's messages tell apart (none: one wording).
    pub fn of(kind: NotificationKind) -> &'static [Step] {
        use NotificationKind as Kind;
        match kind {
            Kind::ConcernTriaged => &[
                Self::Accepted,
                Self::Returned,
                Self::Merged,
                Self::BroughtToStg,
            ],
            // The EKG's examination, or its assessment for the STG; the
            // STG's decision, or its question to the EKG (IIZ 3.0, 2.1).
            Kind::ConcernExamined => &[Self::Examined, Self::Assessed],
            Kind::ConcernDecided => &[Self::Decided, Self::Referred],
            Kind::ConcernOutcome => &[
                Self::Adopted,
                Self::Published,
                Self::Amended,
                Self::Closed,
                Self::Answered,
                Self::Reported,
            ],
            Kind::RecommendationPublished => &[Self::Published, Self::Amended],
            Kind::Agenda => &[
                Self::ItemAdded,
                Self::Sent,
                Self::Revised,
                Self::Rescheduled,
                Self::Cancelled,
            ],
            Kind::ResolutionOutcome => &[Self::Carried, Self::NotCarried],
            Kind::NetworkChanged => &[Self::Formed, Self::Delegated],
            Kind::ConcernSubmitted
            | Kind::ResolutionAwaitingAnswer
            | Kind::ConcernAnswered
            | Kind::DueReminder
            | Kind::OverdueEscalation
            | Kind::MinutesApproved
            | Kind::SignInLocked => &[],
        }
    }
}

/// A value for a message's variable.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    Text(String),
    Number(i64),
}

/// The variables of one message, by name.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Args(Vec<(&'static str, Arg)>);

impl Args {
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets a text variable (replacing an earlier value).
    pub fn text(mut self, name: &'static str, value: impl Into<String>) -> Self {
        self.set(name, Arg::Text(value.into()));
        self
    }

    /// Sets a number variable (plural forms select on it).
    pub fn number(mut self, name: &'static str, value: i64) -> Self {
        self.set(name, Arg::Number(value));
        self
    }

    fn set(&mut self, name: &'static str, value: Arg) {
        self.0.retain(|(existing, _)| *existing != name);
        self.0.push((name, value));
    }

    pub fn get(&self, name: &str) -> Option<&Arg> {
        self.0
            .iter()
            .find(|(existing, _)| *existing == name)
            .map(|(_, value)| value)
    }

    fn fluent(&self) -> FluentArgs<'_> {
        let mut args = FluentArgs::new();
        for (name, value) in &self.0 {
            match value {
                Arg::Text(text) => args.set(*name, FluentValue::from(text.as_str())),
                Arg::Number(number) => args.set(*name, FluentValue::from(*number)),
            }
        }
        args
    }
}

/// A notification as one person reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Wording {
    pub title: String,
    pub body: String,
    pub subject: String,
}

/// The languages with texts; everyone reads one of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Locale {
    De,
    Fr,
    It,
}

impl Locale {
    pub const ALL: [Locale; 3] = [Self::De, Self::Fr, Self::It];

    pub fn of(language: Language) -> Self {
        match language {
            Language::Fr => Self::Fr,
            Language::It => Self::It,
            Language::De | Language::Rm => Self::De,
        }
    }

    fn tag(self) -> &'static str {
        match self {
            Self::De => "de-CH",
            Self::Fr => "fr-CH",
            Self::It => "it-CH",
        }
    }

    fn source(self) -> &'static str {
        match self {
            Self::De => GERMAN,
            Self::Fr => FRENCH,
            Self::It => ITALIAN,
        }
    }
}

/// The parsed messages of every language.
pub struct Messages {
    bundles: [FluentBundle<FluentResource>; 3],
}

impl fmt::Debug for Messages {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Messages")
            .field("locales", &Locale::ALL)
            .finish_non_exhaustive()
    }
}

fn bundle(locale: Locale) -> Result<FluentBundle<FluentResource>, NotifierError> {
    let language: LanguageIdentifier = locale
        .tag()
        .parse()
        .map_err(|error| NotifierError::Message(format!("{}: {error}", locale.tag())))?;
    let resource = FluentResource::try_new(locale.source().to_owned())
        .map_err(|(_, errors)| NotifierError::Message(format!("{}: {errors:?}", locale.tag())))?;
    let mut bundle = FluentBundle::new_concurrent(vec![language]);
    // Plain text for e-mail and inbox: no Unicode isolation marks around
    // the variables.
    bundle.set_use_isolating(false);
    bundle
        .add_resource(resource)
        .map_err(|errors| NotifierError::Message(format!("{}: {errors:?}", locale.tag())))?;
    Ok(bundle)
}

impl Messages {
    /// The messages embedded in the binary.
    pub fn embedded() -> Result<Self, NotifierError> {
        Ok(Self {
            bundles: [
                bundle(Locale::De)?,
                bundle(Locale::Fr)?,
                bundle(Locale::It)?,
            ],
        })
    }

    fn bundle(&self, locale: Locale) -> &FluentBundle<FluentResource> {
        match locale {
            Locale::De => &self.bundles[0],
            Locale::Fr => &self.bundles[1],
            Locale::It => &self.bundles[2],
        }
    }

    /// Whether a language has the message.
    pub fn has(&self, locale: Locale, id: &str) -> bool {
        self.bundle(locale).has_message(id)
    }

    /// Formats one message; a missing message or variable is an error, not
    /// a half-worded text.
    pub fn format(&self, locale: Locale, id: &str, args: &Args) -> Result<String, NotifierError> {
        let bundle = self.bundle(locale);
        let pattern = bundle
            .get_message(id)
            .and_then(|message| message.value())
            .ok_or_else(|| NotifierError::Message(format!("{}: no message {id}", locale.tag())))?;
        let mut errors = Vec::new();
        let fluent = args.fluent();
        let text = bundle.format_pattern(pattern, Some(&fluent), &mut errors);
        if errors.is_empty() {
            Ok(text.into_owned())
        } else {
            Err(NotifierError::Message(format!(
                "{} {id}: {errors:?}",
                locale.tag()
            )))
        }
    }

    /// A kind's title, body and e-mail subject.
    pub fn wording(
        &self,
        locale: Locale,
        kind: NotificationKind,
        args: &Args,
    ) -> Result<Wording, NotifierError> {
        let part = |part: &str| self.format(locale, &format!("{}-{part}", kind.as_str()), args);
        Ok(Wording {
            title: part("title")?,
            body: part("body")?,
            subject: part("subject")?,
        })
    }

    /// The plain text of a notification's e-mail: the body, the link, and
    /// a footer after the signature separator (`-- `), which a digest
    /// leaves out.
    pub fn email_text(
        &self,
        locale: Locale,
        body: &str,
        link: &str,
    ) -> Result<String, NotifierError> {
        let link = self.format(locale, "email-link", &Args::new().text("link", link))?;
        let footer = self.format(locale, "email-footer", &Args::new())?;
        Ok(format!("{body}\n\n{link}\n\n{SIGNATURE}{footer}\n"))
    }
}

/// The signature separator of plain-text e-mail.
pub const SIGNATURE: &str = "-- \n";

/// A day as the Swiss write it: 05.03.2026.
pub fn swiss_date(day: NaiveDate) -> String {
    day.format("%d.%m.%Y").to_string()
}

/// A time of day as the Swiss write it: 09:30.
pub fn swiss_time(time: NaiveTime) -> String {
    time.format("%H:%M").to_string()
}

#[cfg(test)]
mod tests;
