//! Input parsing that every protocol needs, written once: GraphQL arguments
//! and web forms both arrive as raw strings and turn into domain values here,
//! with the same rules and the same messages. A parser names the input that
//! failed ([`FieldError`]), so a form shows the message next to it; a whole
//! form reports every failing input at once ([`FieldErrors`]).

use std::collections::BTreeSet;
use std::fmt;

use chrono::NaiveDate;
use iiz_domain::concern::{AffectedInstitution, Attachment, ConcernContent};
use iiz_domain::focus::{ConcernFocus, FocusArea};
use iiz_domain::text::FreeText;
use iiz_domain::{Language, Link, Title};

use crate::AppError;

/// One input that could not be parsed, and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{field}: {message}")]
pub struct FieldError {
    pub field: String,
    pub message: String,
}

impl FieldError {
    pub fn new(field: impl Into<String>, message: impl fmt::Display) -> Self {
        Self {
            field: field.into(),
            message: message.to_string(),
        }
    }
}

impl From<FieldError> for AppError {
    fn from(error: FieldError) -> Self {
        AppError::invalid_field(error.field, error.message)
    }
}

/// Every input of a form that could not be parsed, in the order of the
/// form, so a page shows each message next to its input.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FieldErrors(Vec<FieldError>);

impl FieldErrors {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn push(&mut self, error: FieldError) {
        self.0.push(error);
    }

    /// The parsed value, or none after noting why it failed: a form goes on
    /// parsing its other inputs.
    pub fn check<T>(&mut self, parsed: Result<T, FieldError>) -> Option<T> {
        parsed.map_err(|error| self.push(error)).ok()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = &FieldError> {
        self.0.iter()
    }

    /// The message about `field`, if it failed.
    pub fn message(&self, field: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|error| error.field == field)
            .map(|error| error.message.as_str())
    }
}

impl fmt::Display for FieldErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let messages: Vec<String> = self.0.iter().map(ToString::to_string).collect();
        f.write_str(&messages.join("; "))
    }
}

impl std::error::Error for FieldErrors {}

/// A protocol that answers with one error names the first failing input
/// and says what is wrong with each.
impl From<FieldErrors> for AppError {
    fn from(errors: FieldErrors) -> Self {
        match errors.0.first() {
            Some(first) => AppError::invalid_field(first.field.clone(), errors.to_string()),
            None => AppError::invalid("the input was refused"),
        }
    }
}

/// A one-line title (also a route step's label, an attachment's title).
pub fn title(field: &str, input: &str) -> Result<Title, FieldError> {
    Title::parse(input).map_err(|error| FieldError::new(field, error))
}

/// Bounded free text; trimmed, and may be empty (the domain says when a
/// text is required).
pub fn free_text(field: &str, input: String) -> Result<FreeText, FieldError> {
    FreeText::parse(input).map_err(|error| FieldError::new(field, error))
}

/// An absolute `https://` or `http://` address.
/// Most items one list of input may hold: the concerns, projects and
/// documents a recommendation rests on, addressees, names, cantons, route
/// steps, people present… The longest real list (every tenant and partner
/// as addressees) has under 40; a longer one is refused before it is read
/// item by item.
pub const MAX_ITEMS: usize = 100;

/// Refuses a list of `len` items longer than [`MAX_ITEMS`], naming `field`.
pub fn at_most_max_items(field: &str, len: usize) -> Result<(), FieldError> {
    if len <= MAX_ITEMS {
        return Ok(());
    }
    Err(FieldError::new(
        field,
        format!("holds {len} items; at most {MAX_ITEMS} are accepted"),
    ))
}

pub fn link(field: &str, input: &str) -> Result<Link, FieldError> {
    Link::parse(input).map_err(|error| FieldError::new(field, error))
}

/// Document links, as (title, link) pairs; the first that fails is named.
pub fn attachments(input: Vec<(String, String)>) -> Result<Vec<Attachment>, FieldError> {
    const FIELD: &str = "attachments";
    input
        .into_iter()
        .map(|(title_text, link_text)| {
            Ok(Attachment {
                title: title(FIELD, &title_text)?,
                link: link(FIELD, &link_text)?,
            })
        })
        .collect()
}

/// A calendar day, as ISO (`2026-03-31`) or as written in Switzerland
/// (`31.03.2026`).
pub fn date(field: &str, input: &str) -> Result<NaiveDate, FieldError> {
    let text = input.trim();
    if text.is_empty() {
        return Err(FieldError::new(field, "a date is required"));
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(text, "%d.%m.%Y"))
        .map_err(|_| {
            FieldError::new(
                field,
                format!("'{text}' is not a date: write it as 2026-03-31 or 31.03.2026"),
            )
        })
}

/// A date that may be left empty.
pub fn optional_date(field: &str, input: &str) -> Result<Option<NaiveDate>, FieldError> {
    if input.trim().is_empty() {
        return Ok(None);
    }
    date(field, input).map(Some)
}

/// A language of the platform (`de`, `fr`, `it`, `rm`).
pub fn language(field: &str, input: &str) -> Result<Language, FieldError> {
    Language::parse(input).map_err(|error| FieldError::new(field, error))
}

/// The key of a focus area of the work programme; empty means none.
pub fn focus_area(field: &str, input: Option<&str>) -> Result<Option<ConcernFocus>, FieldError> {
    input
        .filter(|key| !key.trim().is_empty())
        .map(|key| {
            FocusArea::parse(key)
                .map(ConcernFocus::Area)
                .map_err(|error| FieldError::new(field, error))
        })
        .transpose()
}

/// Affected institutions by their keys (`alv_rav`, `iv`, …).
pub fn institutions(
    field: &str,
    input: &[String],
) -> Result<BTreeSet<AffectedInstitution>, FieldError> {
    input
        .iter()
        .map(|key| {
            AffectedInstitution::ALL
                .into_iter()
                .find(|institution| institution.as_str() == key.trim())
                .ok_or_else(|| {
                    FieldError::new(field, format!("'{key}' is not an affected institution"))
                })
        })
        .collect()
}

/// What a concern says, as a form or an API sends it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ConcernContentFields {
    pub title: String,
    pub description: String,
    pub why_not_cantonal: String,
    /// Keys of [`AffectedInstitution`].
    pub institutions: Vec<String>,
    /// The key of a focus area; none or blank for none.
    pub focus_area: Option<String>,
    /// (title, link) of each document.
    pub attachments: Vec<(String, String)>,
    pub language: String,
}

/// Parses a concern's content, reporting every failing input at once (the
/// domain checks what a step requires, such as a description to draft).
pub fn concern_content(fields: ConcernContentFields) -> Result<ConcernContent, FieldErrors> {
    let mut errors = FieldErrors::new();
    let title = errors.check(title("title", &fields.title));
    let description = errors.check(free_text("description", fields.description));
    let why_not_cantonal = errors.check(free_text("why_not_cantonal", fields.why_not_cantonal));
    let institutions = errors.check(institutions("institutions", &fields.institutions));
    let focus_area = errors.check(focus_area("focus_area", fields.focus_area.as_deref()));
    let attachments = errors.check(attachments(fields.attachments));
    let language = errors.check(language("language", &fields.language));
    match (
        title,
        description,
        why_not_cantonal,
        institutions,
        focus_area,
        attachments,
        language,
    ) {
        (
            Some(title),
            Some(description),
            Some(why_not_cantonal),
            Some(institutions),
            Some(focus_area),
            Some(attachments),
            Some(language),
        ) if errors.is_empty() => Ok(ConcernContent {
            title,
            description,
            why_not_cantonal,
            institutions,
            focus_area,
            attachments,
            language,
        }),
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn filled() -> ConcernContentFields {
        ConcernContentFields {
            title: " Job coaching across insurances ".to_owned(),
            description: "Clients fall between IV and RAV.".to_owned(),
            why_not_cantonal: String::new(),
            institutions: vec!["iv".to_owned(), "alv_rav".to_owned()],
            focus_area: Some("transitions".to_owned()),
            attachments: vec![(
                "Report".to_owned(),
                "https://example.ch/report.pdf".to_owned(),
            )],
            language: "de".to_owned(),
        }
    }

    #[test]
    fn a_filled_concern_form_becomes_the_concerns_content() {
        // given a form filled in correctly
        // when it is parsed
        let content = concern_content(filled()).unwrap();

        // then the texts are trimmed and every input is typed
        assert_eq!(content.title.as_str(), "Job coaching across insurances");
        assert!(content.why_not_cantonal.is_empty());
        assert_eq!(
            content.institutions,
            BTreeSet::from([AffectedInstitution::Iv, AffectedInstitution::AlvRav])
        );
        assert_eq!(
            content.focus_area,
            Some(ConcernFocus::Area(FocusArea::parse("transitions").unwrap()))
        );
        assert_eq!(content.attachments.len(), 1);
        assert_eq!(content.language, Language::De);
    }

    #[test]
    fn every_failing_input_of_a_concern_form_is_reported_at_once() {
        // given a form where every input is wrong
        let fields = ConcernContentFields {
            title: "   ".to_owned(),
            description: "x".repeat(FreeText::MAX_CHARS + 1),
            why_not_cantonal: "y".repeat(FreeText::MAX_CHARS + 1),
            institutions: vec!["insurance".to_owned()],
            focus_area: Some("Not A Key".to_owned()),
            attachments: vec![("Report".to_owned(), "ftp://example.ch/".to_owned())],
            language: "en".to_owned(),
        };

        // when it is parsed
        let errors = concern_content(fields).unwrap_err();

        // then each input is named, in the order of the form
        let named: Vec<&str> = errors.iter().map(|error| error.field.as_str()).collect();
        assert_eq!(
            named,
            [
                "title",
                "description",
                "why_not_cantonal",
                "institutions",
                "focus_area",
                "attachments",
                "language"
            ]
        );
        assert_eq!(errors.message("title"), Some("the title is empty"));
        // and one error for a protocol names the first input and says all
        let error = AppError::from(errors);
        assert_eq!(error.field(), Some("title"));
        assert!(error.to_string().contains("language: "), "{error}");
    }

    #[test]
    fn a_blank_focus_area_means_none_and_one_wrong_input_is_the_only_one_named() {
        let mut fields = filled();
        fields.focus_area = Some("  ".to_owned());
        assert_eq!(concern_content(fields).unwrap().focus_area, None);

        let mut fields = filled();
        fields
            .attachments
            .push(("  ".to_owned(), "https://example.ch/".to_owned()));
        let errors = concern_content(fields).unwrap_err();
        assert_eq!(errors.iter().count(), 1);
        assert_eq!(errors.message("attachments"), Some("the title is empty"));
    }

    #[test]
    fn a_date_is_read_as_iso_or_as_written_in_switzerland() {
        let day = NaiveDate::from_ymd_opt(2026, 3, 31).unwrap();
        assert_eq!(date("due_on", "2026-03-31"), Ok(day));
        assert_eq!(date("due_on", " 31.03.2026 "), Ok(day));
        assert_eq!(date("due_on", "31.3.2026"), Ok(day));
        let refused = date("due_on", "31/03/2026").unwrap_err();
        assert_eq!(refused.field, "due_on");
        assert!(refused.message.contains("31.03.2026"), "{refused}");
        assert!(date("due_on", "30.02.2026").is_err());
        assert_eq!(
            date("due_on", "").unwrap_err().message,
            "a date is required"
        );
        assert_eq!(optional_date("due_on", " "), Ok(None));
        assert_eq!(optional_date("due_on", "2026-03-31"), Ok(Some(day)));
    }

    #[test]
    fn a_parser_names_its_input_and_gives_the_domains_reason() {
        let refused = title("label", "a\nb").unwrap_err();
        assert_eq!(refused.field, "label");
        assert_eq!(
            refused.message,
            Title::parse("a\nb").unwrap_err().to_string()
        );
        assert_eq!(link("link", "not a link").unwrap_err().field, "link");
        assert!(
            free_text("rationale", " kept ".to_owned()).is_ok_and(|text| text.as_str() == "kept")
        );
        let error = AppError::from(FieldError::new("link", "bad"));
        assert_eq!(error.field(), Some("link"));
    }
}
