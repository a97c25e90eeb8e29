//! The form of a concern's content (drafting and editing): what was typed,
//! parsed as GraphQL parses it, each error at its field.

use iiz_app::input::{self, ConcernContentFields};
use iiz_domain::concern::{AffectedInstitution, ConcernContent};
use iiz_projections::ConcernView;
use serde::Deserialize;

use super::labels::institution_key;
use crate::web::forms::FormErrors;
use crate::web::i18n::Tr;

/// The fields of the content form as typed.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct ContentForm {
    /// The tenant it is raised in (drafting only).
    pub tenant: String,
    pub title: String,
    pub description: String,
    pub why_not_cantonal: String,
    pub institutions: Vec<String>,
    pub focus_area: String,
    pub attachment_title: Vec<String>,
    pub attachment_link: Vec<String>,
    pub language: String,
}

/// A checkbox of the institutions.
#[derive(Debug, Clone)]
pub struct Check {
    pub value: &'static str,
    pub label: String,
    pub checked: bool,
}

/// One title/link pair of the attachments, as typed.
#[derive(Debug, Clone)]
pub struct AttachmentRow {
    pub number: usize,
    pub title: String,
    pub link: String,
}

/// How many empty attachment rows a form offers for new links.
const EMPTY_ATTACHMENT_ROWS: usize = 2;

impl ContentForm {
    /// The form filled with a concern's content (to edit it).
    pub fn of(view: &ConcernView) -> Self {
        Self {
            tenant: view.origin.as_str().to_owned(),
            title: view.title.clone(),
            description: view.description.clone(),
            why_not_cantonal: view.why_not_cantonal.clone(),
            institutions: view
                .institutions
                .iter()
                .map(|institution| institution.as_str().to_owned())
                .collect(),
            focus_area: view.focus_area.clone().unwrap_or_default(),
            attachment_title: view
                .attachments
                .iter()
                .map(|attachment| attachment.title.as_str().to_owned())
                .collect(),
            attachment_link: view
                .attachments
                .iter()
                .map(|attachment| attachment.link.as_str().to_owned())
                .collect(),
            language: view.language.as_str().to_owned(),
        }
    }

    /// The institution checkboxes, checked as typed.
    pub fn checks(&self, tr: Tr) -> Vec<Check> {
        AffectedInstitution::ALL
            .into_iter()
            .map(|institution| Check {
                value: institution.as_str(),
                label: tr.t(institution_key(institution)),
                checked: self.institutions.iter().any(|v| v == institution.as_str()),
            })
            .collect()
    }

    /// The attachment rows as typed, and empty ones for more.
    pub fn attachment_rows(&self) -> Vec<AttachmentRow> {
        let typed = self.attachment_title.len().max(self.attachment_link.len());
        (0..typed + EMPTY_ATTACHMENT_ROWS)
            .map(|index| AttachmentRow {
                number: index + 1,
                title: self
                    .attachment_title
                    .get(index)
                    .cloned()
                    .unwrap_or_default(),
                link: self.attachment_link.get(index).cloned().unwrap_or_default(),
            })
            .collect()
    }

    /// The content, or every field's error in the visitor's words. The
    /// parsing is GraphQL's too ([`iiz_app::input::concern_content`]).
    pub fn content(&self, tr: Tr) -> Result<ConcernContent, FormErrors> {
        let rows = self.attachment_title.len().max(self.attachment_link.len());
        // Rows left empty are room for more links, not links.
        let attachments = (0..rows)
            .map(|index| {
                (
                    self.attachment_title
                        .get(index)
                        .cloned()
                        .unwrap_or_default(),
                    self.attachment_link.get(index).cloned().unwrap_or_default(),
                )
            })
            .filter(|(title, link)| !title.trim().is_empty() || !link.trim().is_empty())
            .collect();
        input::concern_content(ConcernContentFields {
            title: self.title.clone(),
            description: self.description.clone(),
            why_not_cantonal: self.why_not_cantonal.clone(),
            institutions: self.institutions.clone(),
            focus_area: Some(self.focus_area.clone()),
            attachments,
            language: self.language.clone(),
        })
        .map_err(|failed| {
            let mut errors = FormErrors::none();
            for error in failed.iter() {
                let field = error.field.as_str();
                let message = match field {
                    "title" => tr.t1("concerns-error-title", "detail", error.message.clone()),
                    "description" | "why_not_cantonal" => tr.t("concerns-error-too-long"),
                    "attachments" => tr.t("concerns-error-attachment"),
                    _ => tr.t("concerns-error-choice"),
                };
                if !errors.failed(field) {
                    errors.add(field, message);
                }
            }
            errors
        })
    }
}

#[cfg(test)]
mod tests {
    use iiz_domain::Language;

    use super::*;

    fn typed() -> ContentForm {
        ContentForm {
            tenant: "ZH".to_owned(),
            title: "Übergang RAV–Sozialhilfe".to_owned(),
            description: "Beschreibung".to_owned(),
            why_not_cantonal: String::new(),
            institutions: vec!["alv_rav".to_owned(), "sh".to_owned()],
            focus_area: String::new(),
            attachment_title: vec!["Bericht".to_owned(), String::new()],
            attachment_link: vec!["https://example.org/b.pdf".to_owned(), String::new()],
            language: "de".to_owned(),
        }
    }

    #[test]
    fn a_complete_form_is_a_concern_content() {
        let content = typed().content(Tr::new(Language::De));
        let Ok(content) = content else {
            panic!("refused: {content:?}");
        };
        assert_eq!(content.title.as_str(), "Übergang RAV–Sozialhilfe");
        assert_eq!(content.institutions.len(), 2);
        assert_eq!(content.attachments.len(), 1);
        assert_eq!(content.language, Language::De);
    }

    #[test]
    fn each_error_is_at_its_field() {
        let mut form = typed();
        form.title = "  ".to_owned();
        form.attachment_link = vec!["no link".to_owned()];
        form.institutions.push("bogus".to_owned());
        let Err(errors) = form.content(Tr::new(Language::Fr)) else {
            panic!("accepted an empty title");
        };
        assert!(errors.failed("title"));
        assert!(errors.failed("attachments"));
        assert!(errors.failed("institutions"));
        assert!(!errors.failed("description"));
    }

    #[test]
    fn typed_attachments_come_back_with_empty_rows_for_more() {
        let rows = typed().attachment_rows();
        assert_eq!(rows.len(), 4);
        assert_eq!(rows[0].link, "https://example.org/b.pdf");
        assert!(rows[3].title.is_empty());
    }
}
