//! The form of one part of a profile: what it sends, filled from the
//! profile as it stands, and its rows and choices as typed (so a refused
//! form comes back as it was sent).

use iiz_domain::canton_profile::{
    BodyLevel, Documented, ImplementationType, OfficeKind, ProfileContent, Section,
};
use iiz_domain::panorama::{InstitutionKind, NamedInstitution};
use serde::Deserialize;

use super::Choice;
use super::labels::{self, value};
use super::shown::BodyNames;
use crate::web::i18n::Tr;

/// Every field of the three parts' forms; a part's form sends its own.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct PartForm {
    // Structure.
    pub implementation_type: String,
    pub office_kind: String,
    pub office_attached_name: String,
    pub office_attached_kind: String,
    pub coordinator_name: String,
    pub coordinator_kind: String,
    pub description: String,
    pub remarks: String,
    /// One address per line.
    pub websites: String,
    pub body_id: Vec<String>,
    pub body_level: Vec<String>,
    pub body_above: Vec<String>,
    /// The bodies to unlink, by id.
    pub unlink: Vec<String>,
    // Practice.
    pub documented: String,
    pub forms: Vec<String>,
    pub process_as_written: String,
    pub minimum_institutions: String,
    pub criteria: Vec<String>,
    pub case_as_written: String,
    pub basis_kind: Vec<String>,
    pub basis_citation: Vec<String>,
    /// One citation per line.
    pub federal_references: String,
    pub legal_note: String,
    // Challenges.
    pub challenge_category: Vec<String>,
    pub challenge_text: Vec<String>,
    /// The challenges to remove, by row number.
    pub remove: Vec<String>,
    pub challenges_note: String,
    // Why: the canton's note on its revision, the Fachstelle's reason.
    pub note: String,
    pub reason: String,
}

/// Empty rows a form offers for new legal bases.
const NEW_BASES: usize = 2;

fn named_parts(named: Option<&NamedInstitution>) -> (String, String) {
    named.map_or_else(
        || (String::new(), value(&InstitutionKind::Other)),
        |named| (named.name.as_str().to_owned(), value(&named.kind)),
    )
}

impl PartForm {
    /// The form of `section` filled with the profile as it stands.
    pub fn of(content: &ProfileContent, section: Section) -> Self {
        let mut form = Self::default();
        match section {
            Section::Structure => {
                let s = &content.structure;
                form.implementation_type = value(&s.implementation_type);
                form.office_kind = s
                    .office
                    .as_ref()
                    .map(|office| value(&office.kind))
                    .unwrap_or_default();
                (form.office_attached_name, form.office_attached_kind) = named_parts(
                    s.office
                        .as_ref()
                        .and_then(|office| office.attached_to.as_ref()),
                );
                (form.coordinator_name, form.coordinator_kind) =
                    named_parts(s.coordinator_at.as_ref());
                form.description = s.description.as_str().to_owned();
                form.remarks = s.remarks.as_str().to_owned();
                form.websites = s
                    .websites
                    .iter()
                    .map(|link| link.as_str())
                    .collect::<Vec<_>>()
                    .join("\n");
                for link in &s.bodies {
                    form.body_id.push(link.body.to_string());
                    form.body_level.push(value(&link.level));
                    form.body_above.push(
                        link.above
                            .map(|above| above.to_string())
                            .unwrap_or_default(),
                    );
                }
            }
            Section::Practice => {
                let p = &content.practice;
                form.documented = value(&p.process.documented);
                form.forms = p.process.forms.iter().map(value).collect();
                form.process_as_written = p.process.as_written.as_str().to_owned();
                form.minimum_institutions = p
                    .case_definition
                    .minimum_institutions
                    .map(|minimum| minimum.to_string())
                    .unwrap_or_default();
                form.criteria = p.case_definition.criteria.iter().map(value).collect();
                form.case_as_written = p.case_definition.as_written.as_str().to_owned();
                for basis in &p.legal_bases {
                    form.basis_kind.push(value(&basis.kind));
                    form.basis_citation.push(basis.citation.as_str().to_owned());
                }
                form.federal_references = p
                    .federal_references
                    .iter()
                    .map(|title| title.as_str())
                    .collect::<Vec<_>>()
                    .join("\n");
                form.legal_note = p.legal_note.as_str().to_owned();
            }
            Section::Challenges => {
                let c = &content.challenges;
                for item in &c.items {
                    form.challenge_category.push(value(&item.category));
                    form.challenge_text.push(item.text.as_str().to_owned());
                }
                form.challenges_note = c.note.as_str().to_owned();
            }
        }
        form
    }
}

fn choices<T: serde::Serialize + Copy>(
    items: &[T],
    chosen: &str,
    label: impl Fn(T) -> String,
) -> Vec<Choice> {
    items
        .iter()
        .map(|item| {
            let sent = value(item);
            let selected = sent == chosen;
            Choice::new(sent, label(*item), selected)
        })
        .collect()
}

/// Checkboxes: each checked when the form sent it.
fn checks<T: serde::Serialize + Copy>(
    items: &[T],
    checked: &[String],
    label: impl Fn(T) -> String,
) -> Vec<Choice> {
    items
        .iter()
        .map(|item| {
            let sent = value(item);
            let selected = checked.contains(&sent);
            Choice::new(sent, label(*item), selected)
        })
        .collect()
}

#[derive(Debug, Clone)]
pub struct BodyRow {
    pub level_id: String,
    pub above_id: String,
    pub unlink_id: String,
    pub level_label: String,
    pub above_label: String,
    pub id: String,
    pub name: String,
    pub levels: Vec<Choice>,
    pub above: Vec<Choice>,
    pub unlinked: bool,
}

#[derive(Debug, Clone)]
pub struct BasisRow {
    pub kind_id: String,
    pub citation_id: String,
    pub number: usize,
    pub kinds: Vec<Choice>,
    pub citation: String,
}

#[derive(Debug, Clone)]
pub struct ChallengeRow {
    pub index: usize,
    pub number: usize,
    pub category_id: String,
    pub text_id: String,
    pub categories: Vec<Choice>,
    pub text: String,
    /// A row of the profile (it can be removed), not the new one.
    pub existing: bool,
    pub removed: bool,
}

/// The choices and rows of a form as typed.
#[derive(Debug, Clone, Default)]
pub struct FormView {
    pub types: Vec<Choice>,
    pub offices: Vec<Choice>,
    pub attached_kinds: Vec<Choice>,
    pub coordinator_kinds: Vec<Choice>,
    pub bodies: Vec<BodyRow>,
    pub documented: Vec<Choice>,
    pub forms: Vec<Choice>,
    pub criteria: Vec<Choice>,
    pub bases: Vec<BasisRow>,
    pub challenges: Vec<ChallengeRow>,
}

impl FormView {
    /// `existing`: how many challenges the profile has (the rows after
    /// them are new).
    pub fn of(tr: Tr, form: &PartForm, names: &BodyNames, existing: usize) -> Self {
        let institution = |kind| labels::institution(tr, kind);
        let mut offices = vec![Choice::new(
            "",
            tr.t("panorama-no-office"),
            form.office_kind.is_empty(),
        )];
        offices.extend(choices(
            &[
                OfficeKind::Geschaeftsstelle,
                OfficeKind::Fachstelle,
                OfficeKind::Koordinationsstelle,
            ],
            &form.office_kind,
            |kind| labels::office_kind(tr, kind),
        ));
        let bodies = form
            .body_id
            .iter()
            .enumerate()
            .map(|(index, id)| {
                let level = form.body_level.get(index).map_or("", String::as_str);
                let above = form.body_above.get(index).map_or("", String::as_str);
                let mut above_choices = vec![Choice::new(
                    "",
                    tr.t("panorama-above-none"),
                    above.is_empty(),
                )];
                above_choices.extend(form.body_id.iter().filter(|other| *other != id).map(
                    |other| {
                        let name = iiz_domain::BodyId::parse(other)
                            .map(|body| names.name(body))
                            .unwrap_or_default();
                        Choice::new(other.clone(), name, other == above)
                    },
                ));
                let name = iiz_domain::BodyId::parse(id)
                    .map(|body| names.name(body))
                    .unwrap_or_default();
                BodyRow {
                    level_label: tr.t1("panorama-level-of", "body", name.clone()),
                    above_label: tr.t1("panorama-above-of", "body", name.clone()),
                    level_id: format!("body_level_{index}"),
                    above_id: format!("body_above_{index}"),
                    unlink_id: format!("unlink_{index}"),
                    id: id.clone(),
                    name,
                    levels: choices(
                        &[BodyLevel::Strategic, BodyLevel::Operational],
                        level,
                        |l| labels::level(tr, l),
                    ),
                    above: above_choices,
                    unlinked: form.unlink.contains(id),
                }
            })
            .collect();
        let bases = (0..form.basis_citation.len() + NEW_BASES)
            .map(|index| BasisRow {
                kind_id: format!("basis_kind_{index}"),
                citation_id: format!("basis_citation_{index}"),
                number: index + 1,
                kinds: choices(
                    &labels::LEGAL_KINDS,
                    form.basis_kind
                        .get(index)
                        .map_or("cantonal_act", String::as_str),
                    |kind| labels::legal_kind(tr, kind),
                ),
                citation: form.basis_citation.get(index).cloned().unwrap_or_default(),
            })
            .collect();
        // The profile's challenges as typed, and one new row.
        let rows = form.challenge_text.len().max(existing + 1);
        let challenges = (0..rows)
            .map(|index| {
                let category = form
                    .challenge_category
                    .get(index)
                    .map_or("", String::as_str);
                let mut categories = Vec::new();
                if index >= existing {
                    categories.push(Choice::new(
                        "",
                        tr.t("panorama-choose-category"),
                        category.is_empty(),
                    ));
                }
                categories.extend(choices(&labels::CATEGORIES, category, |c| {
                    labels::category(tr, c)
                }));
                ChallengeRow {
                    index,
                    number: index + 1,
                    category_id: format!("challenge_category_{index}"),
                    text_id: format!("challenge_text_{index}"),
                    categories,
                    text: form.challenge_text.get(index).cloned().unwrap_or_default(),
                    existing: index < existing,
                    removed: form.remove.contains(&index.to_string()),
                }
            })
            .collect();
        Self {
            types: choices(
                &ImplementationType::ALL,
                &form.implementation_type,
                |kind| labels::implementation_type(tr, kind),
            ),
            offices,
            attached_kinds: choices(
                &InstitutionKind::ALL,
                &form.office_attached_kind,
                institution,
            ),
            coordinator_kinds: choices(&InstitutionKind::ALL, &form.coordinator_kind, institution),
            bodies,
            documented: choices(&Documented::ALL, &form.documented, |d| {
                labels::documented(tr, d)
            }),
            forms: checks(&labels::PROCESS_FORMS, &form.forms, |f| {
                labels::process_form(tr, f)
            }),
            criteria: checks(&labels::CRITERIA, &form.criteria, |c| {
                labels::criterion(tr, c)
            }),
            bases,
            challenges,
        }
    }
}
