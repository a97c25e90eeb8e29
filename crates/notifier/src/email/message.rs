//! An outgoing e-mail as a MIME message: the plain-text part, an optional
//! HTML part and, for agenda e-mails, the iCalendar invitation as a
//! `text/calendar; method=…` alternative, which calendar-aware clients
//! (Outlook, Apple Mail, Thunderbird, Gmail) offer to accept.
//!
//! The Message-ID is made from the notification's id, so when an e-mail is
//! sent again after a crash between the server's acceptance and our record
//! of it, the receiving side can recognise the duplicate.

use std::time::SystemTime;

use iiz_store::OutgoingEmail;
use lettre::Message;
use lettre::message::header::ContentType;
use lettre::message::{Mailbox, MultiPart, SinglePart};

/// Why an e-mail cannot be built: its address is not one.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BuildError {
    #[error("recipient address {0:?} is invalid: {1}")]
    Recipient(String, String),
    #[error("e-mail could not be built: {0}")]
    Message(String),
}

/// The Message-ID of an e-mail.
pub fn message_id(email: &OutgoingEmail) -> String {
    format!("<{}@iiz>", email.id)
}

/// The iTIP method an invitation declares (`REQUEST`, `CANCEL`).
pub fn calendar_method(calendar: &str) -> &str {
    calendar
        .lines()
        .find_map(|line| line.strip_prefix("METHOD:"))
        .map_or("REQUEST", str::trim)
}

fn calendar_part(calendar: &str) -> Result<SinglePart, BuildError> {
    let content_type = ContentType::parse(&format!(
        "text/calendar; method={}; charset=utf-8",
        calendar_method(calendar)
    ))
    .map_err(|error| BuildError::Message(error.to_string()))?;
    Ok(SinglePart::builder()
        .content_type(content_type)
        .body(calendar.to_owned()))
}

/// Builds the message `from` the platform's sender.
pub fn build(email: &OutgoingEmail, from: &Mailbox) -> Result<Message, BuildError> {
    let to: Mailbox = email
        .to
        .parse()
        .map_err(|error: lettre::address::AddressError| {
            BuildError::Recipient(email.to.clone(), error.to_string())
        })?;
    let builder = Message::builder()
        .message_id(Some(message_id(email)))
        .from(from.clone())
        .to(to)
        .subject(email.subject.clone())
        .date(SystemTime::from(email.created_at));
    let plain = SinglePart::plain(email.text.clone());
    let message = if email.html.is_none() && email.calendar.is_none() {
        builder.singlepart(plain)
    } else {
        let mut parts = MultiPart::alternative().singlepart(plain);
        if let Some(html) = &email.html {
            parts = parts.singlepart(SinglePart::html(html.clone()));
        }
        if let Some(calendar) = &email.calendar {
            parts = parts.singlepart(calendar_part(calendar)?);
        }
        builder.multipart(parts)
    };
    message.map_err(|error| BuildError::Message(error.to_string()))
}

#[cfg(test)]
mod tests {
    use chrono::Utc;
    use uuid::Uuid;

    use super::*;

    fn email(calendar: Option<&str>) -> OutgoingEmail {
        OutgoingEmail {
            id: Uuid::from_u128(42),
            recipient: "p".to_owned(),
            tenant: "GE".to_owned(),
            to: "Luc Exemple <luc@example.ch>".to_owned(),
            subject: "CII : décision de l'EKG".to_owned(),
            text: "L'EKG a examiné la demande.".to_owned(),
            html: None,
            calendar: calendar.map(str::to_owned),
            attempts: 1,
            created_at: Utc::now(),
        }
    }

    fn from() -> Mailbox {
        "IIZ-Plattform <noreply@iiz.example>".parse().expect("from")
    }

    #[test]
    fn a_plain_email_has_one_text_part_and_a_stable_message_id() {
        let message = build(&email(None), &from()).expect("message");
        let text = String::from_utf8(message.formatted()).expect("utf-8");
        assert!(
            text.contains("Message-ID: <00000000-0000-0000-0000-00000000002a@iiz>"),
            "{text}"
        );
        assert!(
            text.contains("Content-Type: text/plain; charset=utf-8"),
            "{text}"
        );
        assert!(!text.contains("multipart"), "{text}");
        assert!(
            text.contains("To: \"Luc Exemple\" <luc@example.ch>"),
            "{text}"
        );
    }

    #[test]
    fn an_invitation_is_a_calendar_alternative_with_its_method() {
        let calendar = "BEGIN:VCALENDAR\r\nMETHOD:CANCEL\r\nEND:VCALENDAR\r\n";
        let message = build(&email(Some(calendar)), &from()).expect("message");
        let text = String::from_utf8(message.formatted()).expect("utf-8");
        assert!(text.contains("multipart/alternative"), "{text}");
        assert!(
            text.contains("text/calendar; method=CANCEL; charset=utf-8"),
            "{text}"
        );
        assert_eq!(
            calendar_method("BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\n"),
            "REQUEST"
        );
    }

    #[test]
    fn an_invalid_recipient_is_refused() {
        let mut invalid = email(None);
        invalid.to = "not an address".to_owned();
        assert!(matches!(
            build(&invalid, &from()),
            Err(BuildError::Recipient(..))
        ));
    }
}
