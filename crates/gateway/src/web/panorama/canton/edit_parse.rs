//! A part's form read into the part it replaces, starting from the part
//! as it stands so what the form does not edit (institutions of a body,
//! shares, notes) is kept. Every error is reported at its field, in the
//! visitor's words; nothing is sent to the app while one remains.

use std::collections::BTreeSet;

use iiz_domain::BodyId;
use iiz_domain::canton_profile::{
    Challenge, Challenges, Documented, LegalBasis, Office, Practice, SectionChange, Structure,
};
use iiz_domain::panorama::NamedInstitution;
use iiz_domain::text::{FreeText, Institution, Link, Title};

use super::edit_forms::PartForm;
use super::labels::parse;
use crate::web::forms::FormErrors;
use crate::web::i18n::Tr;

/// Collects the errors of one form.
struct Reader {
    tr: Tr,
    errors: FormErrors,
}

impl Reader {
    fn fail(&mut self, field: &str, key: &str) {
        if !self.errors.failed(field) {
            self.errors.add(field, self.tr.t(key));
        }
    }

    fn free(&mut self, field: &str, typed: &str) -> FreeText {
        FreeText::parse(typed).unwrap_or_else(|_| {
            self.fail(field, "panorama-error-too-long");
            FreeText::default()
        })
    }

    fn choice<T: serde::de::DeserializeOwned>(&mut self, field: &str, typed: &str) -> Option<T> {
        let parsed = parse(typed);
        if parsed.is_none() {
            self.fail(field, "panorama-error-choice");
        }
        parsed
    }

    /// An institution with its kind, or none when no name is typed.
    fn named(&mut self, field: &str, name: &str, kind: &str) -> Option<NamedInstitution> {
        if name.trim().is_empty() {
            return None;
        }
        let kind = self.choice(&format!("{field}_kind"), kind)?;
        match Institution::parse(name) {
            Ok(name) => Some(NamedInstitution { kind, name }),
            Err(_) => {
                self.fail(&format!("{field}_name"), "panorama-error-institution");
                None
            }
        }
    }

    /// Non-empty lines, each read by `read`.
    fn lines<T, E>(
        &mut self,
        field: &str,
        typed: &str,
        read: impl Fn(&str) -> Result<T, E>,
        key: &str,
    ) -> Vec<T> {
        let mut items = Vec::new();
        for line in typed.lines().map(str::trim).filter(|line| !line.is_empty()) {
            match read(line) {
                Ok(item) => items.push(item),
                Err(_) => self.fail(field, key),
            }
        }
        items
    }
}

/// The part a form sends, or its errors at their fields.
pub fn part(
    tr: Tr,
    form: &PartForm,
    current: &iiz_domain::canton_profile::ProfileContent,
    section: iiz_domain::canton_profile::Section,
) -> Result<SectionChange, FormErrors> {
    use iiz_domain::canton_profile::Section;
    let mut reader = Reader {
        tr,
        errors: FormErrors::none(),
    };
    let change = match section {
        Section::Structure => {
            SectionChange::Structure(structure(&mut reader, form, &current.structure))
        }
        Section::Practice => SectionChange::Practice(practice(&mut reader, form)),
        Section::Challenges => SectionChange::Challenges(challenges(
            &mut reader,
            form,
            current.challenges.items.len(),
        )),
    };
    if reader.errors.is_empty() {
        Ok(change)
    } else {
        Err(reader.errors)
    }
}

fn structure(reader: &mut Reader, form: &PartForm, current: &Structure) -> Structure {
    let mut structure = current.clone();
    if let Some(kind) = reader.choice("implementation_type", &form.implementation_type) {
        structure.implementation_type = kind;
    }
    let attached = reader.named(
        "office_attached",
        &form.office_attached_name,
        &form.office_attached_kind,
    );
    structure.office = if form.office_kind.is_empty() {
        None
    } else {
        reader
            .choice("office_kind", &form.office_kind)
            .map(|kind| Office {
                kind,
                // The office as a body is kept on the body pages.
                body: current.office.as_ref().and_then(|office| office.body),
                attached_to: attached,
            })
    };
    structure.coordinator_at = reader.named(
        "coordinator",
        &form.coordinator_name,
        &form.coordinator_kind,
    );
    structure.description = reader.free("description", &form.description);
    structure.remarks = reader.free("remarks", &form.remarks);
    structure.websites = reader.lines(
        "websites",
        &form.websites,
        Link::parse,
        "panorama-error-link",
    );
    let unlinked: BTreeSet<BodyId> = form
        .unlink
        .iter()
        .filter_map(|id| BodyId::parse(id).ok())
        .collect();
    // Unlinking a body also takes it out of where the others are placed:
    // the person removed it, nothing may still point at it.
    structure
        .bodies
        .retain(|link| !unlinked.contains(&link.body));
    for link in &mut structure.bodies {
        link.beside.retain(|body| !unlinked.contains(body));
        let Some(index) = form
            .body_id
            .iter()
            .position(|id| *id == link.body.to_string())
        else {
            continue;
        };
        let level = form.body_level.get(index).map_or("", String::as_str);
        if let Some(level) = reader.choice(&format!("body_level_{index}"), level) {
            link.level = level;
        }
        let above = form.body_above.get(index).map_or("", String::as_str);
        link.above = if above.is_empty() {
            None
        } else {
            match BodyId::parse(above) {
                Ok(body) if unlinked.contains(&body) => None,
                Ok(body) => Some(body),
                Err(_) => {
                    reader.fail(&format!("body_above_{index}"), "panorama-error-choice");
                    None
                }
            }
        };
    }
    structure
}

fn practice(reader: &mut Reader, form: &PartForm) -> Practice {
    let mut practice = Practice::default();
    if let Some(documented) = reader.choice("documented", &form.documented) {
        practice.process.documented = documented;
    }
    for sent in &form.forms {
        if let Some(item) = reader.choice("forms", sent) {
            practice.process.forms.insert(item);
        }
    }
    // A process that does not exist has no form (the domain's rule, said
    // at the field the person can change).
    if practice.process.documented != Documented::Yes && !practice.process.forms.is_empty() {
        reader.fail("forms", "panorama-error-forms-without-process");
    }
    practice.process.as_written = reader.free("process_as_written", &form.process_as_written);
    let minimum = form.minimum_institutions.trim();
    if !minimum.is_empty() {
        match minimum.parse::<u8>() {
            Ok(value) if value >= 1 => practice.case_definition.minimum_institutions = Some(value),
            _ => reader.fail("minimum_institutions", "panorama-error-minimum"),
        }
    }
    for sent in &form.criteria {
        if let Some(item) = reader.choice("criteria", sent) {
            practice.case_definition.criteria.insert(item);
        }
    }
    practice.case_definition.as_written = reader.free("case_as_written", &form.case_as_written);
    for (index, citation) in form.basis_citation.iter().enumerate() {
        if citation.trim().is_empty() {
            continue;
        }
        let kind = form.basis_kind.get(index).map_or("", String::as_str);
        let kind = reader.choice(&format!("basis_kind_{index}"), kind);
        match (kind, Title::parse(citation)) {
            (Some(kind), Ok(citation)) => practice.legal_bases.push(LegalBasis { kind, citation }),
            (_, Err(_)) => reader.fail(
                &format!("basis_citation_{index}"),
                "panorama-error-citation",
            ),
            (None, Ok(_)) => {}
        }
    }
    practice.federal_references = reader.lines(
        "federal_references",
        &form.federal_references,
        Title::parse,
        "panorama-error-citation",
    );
    practice.legal_note = reader.free("legal_note", &form.legal_note);
    practice
}

fn challenges(reader: &mut Reader, form: &PartForm, existing: usize) -> Challenges {
    let mut challenges = Challenges {
        items: Vec::new(),
        note: reader.free("challenges_note", &form.challenges_note),
    };
    for (index, text) in form.challenge_text.iter().enumerate() {
        if form.remove.contains(&index.to_string()) {
            continue;
        }
        let category = form
            .challenge_category
            .get(index)
            .map_or("", String::as_str);
        // The new row left as it was offered adds nothing.
        if index >= existing && category.is_empty() && text.trim().is_empty() {
            continue;
        }
        let category = if category.is_empty() {
            reader.fail(
                &format!("challenge_category_{index}"),
                "panorama-error-category",
            );
            None
        } else {
            reader.choice(&format!("challenge_category_{index}"), category)
        };
        let text = reader.free(&format!("challenge_text_{index}"), text);
        if text.is_empty() {
            reader.fail(
                &format!("challenge_text_{index}"),
                "panorama-error-challenge-text",
            );
        }
        if let Some(category) = category {
            challenges.items.push(Challenge { category, text });
        }
    }
    challenges
}
