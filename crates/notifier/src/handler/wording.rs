//! The variables of an event's messages for one recipient: titles in their
//! language where the platform has them, outcomes and reasons worded by the
//! messages' own labels, dates in the Swiss format.

use iiz_domain::concern::EkgOutcome;
use iiz_domain::meeting::MeetingEvent;
use iiz_domain::resolution::{Outcome, ResolutionEvent};
use iiz_domain::{ConcernEvent, Language, NetworkEvent, Party, RecommendationEvent};
use serde::Serialize;

use super::subject::{
    ConcernSubject, MeetingSubject, NetworkSubject, RecommendationSubject, ResolutionSubject,
    Subject,
};
use crate::NotifierError;
use crate::audience::Recipient;
use crate::messages::{Args, Locale, Messages, Step, swiss_date, swiss_time};

/// The name an enum value is stored under (`not_iiz_relevant`): the
/// labels in the messages select on it.
pub(crate) fn stored_name<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(name)) => name,
        Ok(serde_json::Value::Object(fields)) => fields
            .get("kind")
            .and_then(serde_json::Value::as_str)
            .unwrap_or_default()
            .to_owned(),
        _ => String::new(),
    }
}

/// A label message (`stg-outcome`, …) for a value.
pub(crate) fn label(
    messages: &Messages,
    locale: Locale,
    id: &str,
    value: &str,
) -> Result<String, NotifierError> {
    messages.format(locale, id, &Args::new().text("value", value))
}

/// Who reads the message, as the wording needs it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Reader<'a> {
    pub messages: &'a Messages,
    pub locale: Locale,
    pub language: Language,
}

/// The variables of the event's messages for `recipient`.
pub(crate) fn args(
    reader: Reader<'_>,
    subject: &Subject,
    recipient: &Recipient,
) -> Result<Args, NotifierError> {
    match subject {
        Subject::Concern(subject) => concern_args(reader, subject),
        Subject::Recommendation(subject) => recommendation_args(reader, subject, recipient),
        Subject::Meeting(subject) => Ok(meeting_args(reader, subject)),
        Subject::Resolution(subject) => Ok(resolution_args(reader, subject)),
        Subject::Network(subject) => Ok(network_args(reader, subject)),
    }
}

fn network_args(reader: Reader<'_>, subject: &NetworkSubject) -> Args {
    let view = &subject.view;
    let cantons: Vec<&str> = view.cantons.iter().map(|canton| canton.as_str()).collect();
    let args = Args::new()
        .text("network", view.names.best(reader.language))
        .text("cantons", cantons.join(", "));
    match &subject.change {
        NetworkEvent::CoordinatorDelegated { from, .. } => args
            .text("step", Step::Delegated.as_str())
            .text(
                "coordinator",
                subject
                    .coordinator
                    .clone()
                    .unwrap_or_else(|| "—".to_owned()),
            )
            .text("date", swiss_date(*from)),
        _ => args.text("step", Step::Formed.as_str()),
    }
}

fn concern_args(reader: Reader<'_>, subject: &ConcernSubject) -> Result<Args, NotifierError> {
    let Reader {
        messages, locale, ..
    } = reader;
    let view = &subject.view;
    let origin = view
        .on_behalf_of
        .map_or(Party::Tenant(view.origin), Party::Partner);
    let args = Args::new()
        .text("concern", view.title.as_str())
        .text("origin", origin.to_string());
    Ok(match &subject.change {
        ConcernEvent::Submitted { channel } => args.text("channel", stored_name(channel)),
        ConcernEvent::Accepted { .. } => args.text("step", Step::Accepted.as_str()),
        ConcernEvent::Returned { reason, .. } => args.text("step", Step::Returned.as_str()).text(
            "reason",
            label(messages, locale, "return-reason", &stored_name(reason))?,
        ),
        ConcernEvent::MergedInto { into, .. } => {
            let target = subject
                .merged_into
                .as_ref()
                .map_or_else(|| into.to_string(), |target| target.title.clone());
            args.text("step", Step::Merged.as_str())
                .text("target", target)
        }
        ConcernEvent::Examined { outcome, .. } => {
            let proposal = match outcome {
                EkgOutcome::ProposeToStg { proposal } => {
                    label(messages, locale, "stg-outcome", &stored_name(proposal))?
                }
                _ => String::new(),
            };
            let outcome = messages.format(
                locale,
                "ekg-outcome",
                &Args::new()
                    .text("value", stored_name(outcome))
                    .text("proposal", proposal),
            )?;
            args.text("step", Step::Examined.as_str())
                .text("outcome", outcome)
        }
        ConcernEvent::Decided { outcome, .. } => args.text("step", Step::Decided.as_str()).text(
            "outcome",
            label(messages, locale, "stg-outcome", &stored_name(outcome))?,
        ),
        ConcernEvent::BroughtToStg { reason } => args
            .text("step", Step::BroughtToStg.as_str())
            .text("reason", reason.as_str()),
        ConcernEvent::ReferredToEkg { .. } => args.text("step", Step::Referred.as_str()),
        ConcernEvent::Assessed { .. } => args.text("step", Step::Assessed.as_str()),
        _ => args,
    })
}

fn recommendation_args(
    reader: Reader<'_>,
    subject: &RecommendationSubject,
    recipient: &Recipient,
) -> Result<Args, NotifierError> {
    let Reader {
        messages,
        locale,
        language,
    } = reader;
    let view = &subject.view;
    let title = view
        .translations
        .get(&language)
        .map_or(view.title.as_str(), |translation| {
            translation.title.as_str()
        });
    let addressee = recipient
        .party
        .map_or_else(|| "—".to_owned(), |party| party.to_string());
    let args = Args::new()
        .text("recommendation", title)
        .text("addressee", addressee)
        .number("version", i64::from(view.version))
        .text("due", swiss_date(view.schedule.answer_due));
    Ok(match &subject.change {
        RecommendationEvent::Adopted { .. } => args.text("step", Step::Adopted.as_str()),
        RecommendationEvent::Published { .. } => args.text("step", Step::Published.as_str()),
        RecommendationEvent::Amended { version, .. } => args
            .text("step", Step::Amended.as_str())
            .number("version", i64::from(*version)),
        RecommendationEvent::Closed { .. } => args.text("step", Step::Closed.as_str()),
        RecommendationEvent::Answered {
            addressee,
            acceptance,
            ..
        } => args
            .text("step", Step::Answered.as_str())
            .text("addressee", addressee.to_string())
            .text(
                "acceptance",
                label(messages, locale, "acceptance", acceptance.as_str())?,
            ),
        RecommendationEvent::Reported {
            addressee, report, ..
        } => args
            .text("step", Step::Reported.as_str())
            .text("addressee", addressee.to_string())
            .text(
                "status",
                label(
                    messages,
                    locale,
                    "implementation-status",
                    report.status.as_str(),
                )?,
            ),
        _ => args,
    })
}

fn meeting_args(reader: Reader<'_>, subject: &MeetingSubject) -> Args {
    let view = &subject.view;
    let body = subject.body.as_ref().map_or_else(
        || "—".to_owned(),
        |body| body.names.best(reader.language).to_owned(),
    );
    let args = Args::new()
        .text("meeting", view.title.as_str())
        .text("body", body)
        .text("date", swiss_date(view.slot.starts_at.date()))
        .text("time", swiss_time(view.slot.starts_at.time()))
        .number("version", i64::from(view.sent_version));
    match &subject.change {
        MeetingEvent::ItemAdded { item, .. } => args
            .text("step", Step::ItemAdded.as_str())
            .text("item", item.title.as_str()),
        MeetingEvent::AgendaSent { version } => {
            let step = if *version <= 1 {
                Step::Sent
            } else {
                Step::Revised
            };
            args.text("step", step.as_str())
                .number("version", i64::from(*version))
        }
        MeetingEvent::Rescheduled { reason, .. } => args
            .text("step", Step::Rescheduled.as_str())
            .text("reason", reason.as_str()),
        MeetingEvent::Cancelled { reason } => args
            .text("step", Step::Cancelled.as_str())
            .text("reason", reason.as_str()),
        _ => args,
    }
}

fn resolution_args(reader: Reader<'_>, subject: &ResolutionSubject) -> Args {
    let view = &subject.view;
    let body = subject.body.as_ref().map_or_else(
        || "—".to_owned(),
        |body| body.names.best(reader.language).to_owned(),
    );
    // The deadline as the Swiss read it.
    let deadline = view.deadline.with_timezone(&chrono_tz::Europe::Zurich);
    let args = Args::new()
        .text("resolution", view.title.as_str())
        .text("label", view.label.as_str())
        .text("body", body)
        .text("date", swiss_date(deadline.date_naive()))
        .text("time", swiss_time(deadline.time()));
    match &subject.change {
        ResolutionEvent::Closed { outcome, .. } => match outcome {
            Outcome::Carried => args.text("step", Step::Carried.as_str()).text("reason", ""),
            Outcome::NotCarried { reason } => args
                .text("step", Step::NotCarried.as_str())
                .text("reason", reason.as_str()),
        },
        _ => args,
    }
}
