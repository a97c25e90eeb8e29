//! A profile's parts as the pages show them: the classifications in the
//! page's language, the canton's texts as written. The profile page, the
//! pending corrections and the edit forms' "as it stands" share them.

use std::collections::BTreeMap;

use iiz_app::AppError;
use iiz_domain::BodyId;
use iiz_domain::Language;
use iiz_domain::canton_profile::{Challenges, Practice, ProfileContent, SectionChange, Structure};
use iiz_domain::panorama::NamedInstitution;

use super::{canton_name, labels};
use crate::web::errors::WebError;
use crate::web::i18n::Tr;
use crate::web::visitor::Visitor;

/// The names of the bodies a profile links, in the profile's language.
#[derive(Debug, Clone, Default)]
pub struct BodyNames {
    names: BTreeMap<BodyId, String>,
    unknown: String,
}

impl BodyNames {
    /// Looks up the bodies `structures` link, as the visitor may see them,
    /// named in `language` (the profile's).
    pub async fn of<'a>(
        visitor: &Visitor,
        language: Language,
        structures: impl IntoIterator<Item = &'a Structure>,
    ) -> Result<Self, WebError> {
        let caller = visitor.caller();
        let mut names = BTreeMap::new();
        for structure in structures {
            for link in &structure.bodies {
                if names.contains_key(&link.body) {
                    continue;
                }
                match caller.body(link.body).await {
                    Ok(body) => {
                        names.insert(link.body, body.names.best(language).to_owned());
                    }
                    // A body the visitor may not see stays unnamed.
                    Err(AppError::Denied(_)) => {}
                    Err(error) => return Err(visitor.fail(error)),
                }
            }
        }
        Ok(Self {
            names,
            unknown: visitor.tr.t("panorama-body-unknown"),
        })
    }

    /// Whether the visitor may open the body's page.
    pub fn visible(&self, body: BodyId) -> bool {
        self.names.contains_key(&body)
    }

    pub fn name(&self, body: BodyId) -> String {
        self.names
            .get(&body)
            .cloned()
            .unwrap_or_else(|| self.unknown.clone())
    }
}

/// An institution as the canton named it, and the kind it counts as.
#[derive(Debug, Clone)]
pub struct InstitutionShown {
    pub name: String,
    pub kind: String,
}

fn institution(tr: Tr, named: &NamedInstitution) -> InstitutionShown {
    InstitutionShown {
        name: named.name.as_str().to_owned(),
        kind: labels::institution(tr, named.kind),
    }
}

#[derive(Debug, Clone)]
pub struct BodyShown {
    /// The body's page, where the visitor may see it.
    pub href: Option<String>,
    pub name: String,
    pub level: String,
    pub above: Option<String>,
    pub beside: Vec<String>,
    pub shared_with: Vec<String>,
    pub institutions: Vec<InstitutionShown>,
    pub note: String,
}

#[derive(Debug, Clone)]
pub struct StructureShown {
    pub implementation_type: String,
    pub bodies: Vec<BodyShown>,
    pub office: Option<String>,
    pub office_attached_to: Option<InstitutionShown>,
    pub coordinator_at: Option<InstitutionShown>,
    pub description: String,
    pub remarks: String,
    pub websites: Vec<String>,
}

pub fn structure(tr: Tr, structure: &Structure, names: &BodyNames) -> StructureShown {
    StructureShown {
        implementation_type: labels::implementation_type(tr, structure.implementation_type),
        bodies: structure
            .bodies
            .iter()
            .map(|link| BodyShown {
                href: names
                    .visible(link.body)
                    .then(|| format!("/bodies/{}", link.body)),
                name: names.name(link.body),
                level: labels::level(tr, link.level),
                above: link.above.map(|above| names.name(above)),
                beside: link.beside.iter().map(|body| names.name(*body)).collect(),
                shared_with: link
                    .shared_with
                    .iter()
                    .map(|canton| canton_name(tr, *canton))
                    .collect(),
                institutions: link
                    .institutions
                    .iter()
                    .map(|named| institution(tr, named))
                    .collect(),
                note: link.note.as_str().to_owned(),
            })
            .collect(),
        office: structure
            .office
            .as_ref()
            .map(|office| labels::office_kind(tr, office.kind)),
        office_attached_to: structure
            .office
            .as_ref()
            .and_then(|office| office.attached_to.as_ref())
            .map(|named| institution(tr, named)),
        coordinator_at: structure
            .coordinator_at
            .as_ref()
            .map(|named| institution(tr, named)),
        description: structure.description.as_str().to_owned(),
        remarks: structure.remarks.as_str().to_owned(),
        websites: structure
            .websites
            .iter()
            .map(|link| link.as_str().to_owned())
            .collect(),
    }
}

#[derive(Debug, Clone)]
pub struct PracticeShown {
    pub documented: String,
    pub forms: Vec<String>,
    pub process_as_written: String,
    pub minimum_institutions: Option<u8>,
    pub criteria: Vec<String>,
    pub case_as_written: String,
    /// Kind and citation.
    pub legal_bases: Vec<(String, String)>,
    pub federal_references: Vec<String>,
    pub legal_note: String,
}

pub fn practice(tr: Tr, practice: &Practice) -> PracticeShown {
    PracticeShown {
        documented: labels::documented(tr, practice.process.documented),
        forms: practice
            .process
            .forms
            .iter()
            .map(|form| labels::process_form(tr, *form))
            .collect(),
        process_as_written: practice.process.as_written.as_str().to_owned(),
        minimum_institutions: practice.case_definition.minimum_institutions,
        criteria: practice
            .case_definition
            .criteria
            .iter()
            .map(|criterion| labels::criterion(tr, *criterion))
            .collect(),
        case_as_written: practice.case_definition.as_written.as_str().to_owned(),
        legal_bases: practice
            .legal_bases
            .iter()
            .map(|basis| {
                (
                    labels::legal_kind(tr, basis.kind),
                    basis.citation.as_str().to_owned(),
                )
            })
            .collect(),
        federal_references: practice
            .federal_references
            .iter()
            .map(|title| title.as_str().to_owned())
            .collect(),
        legal_note: practice.legal_note.as_str().to_owned(),
    }
}

#[derive(Debug, Clone)]
pub struct ChallengesShown {
    /// Category and the canton's text.
    pub items: Vec<(String, String)>,
    pub note: String,
}

pub fn challenges(tr: Tr, challenges: &Challenges) -> ChallengesShown {
    ChallengesShown {
        items: challenges
            .items
            .iter()
            .map(|item| {
                (
                    labels::category(tr, item.category),
                    item.text.as_str().to_owned(),
                )
            })
            .collect(),
        note: challenges.note.as_str().to_owned(),
    }
}

/// One part of a profile, shown (a proposal replaces one part): the
/// one it is set, the others none.
#[derive(Debug, Clone, Default)]
pub struct PartShown {
    pub structure: Option<StructureShown>,
    pub practice: Option<PracticeShown>,
    pub challenges: Option<ChallengesShown>,
}

pub fn part(tr: Tr, change: &SectionChange, names: &BodyNames) -> PartShown {
    match change {
        SectionChange::Structure(s) => PartShown {
            structure: Some(structure(tr, s, names)),
            ..PartShown::default()
        },
        SectionChange::Practice(p) => PartShown {
            practice: Some(practice(tr, p)),
            ..PartShown::default()
        },
        SectionChange::Challenges(c) => PartShown {
            challenges: Some(challenges(tr, c)),
            ..PartShown::default()
        },
    }
}

/// A whole profile, shown, with the `lang` of its texts.
#[derive(Debug, Clone)]
pub struct ContentShown {
    pub lang: Option<&'static str>,
    pub language: String,
    pub structure: StructureShown,
    pub practice: PracticeShown,
    pub challenges: ChallengesShown,
}

pub fn content(tr: Tr, content: &ProfileContent, names: &BodyNames) -> ContentShown {
    ContentShown {
        lang: super::content_lang(tr, content.language),
        language: language_name(tr, content.language),
        structure: structure(tr, &content.structure, names),
        practice: practice(tr, &content.practice),
        challenges: challenges(tr, &content.challenges),
    }
}

pub fn language_name(tr: Tr, language: Language) -> String {
    match language {
        Language::De => tr.t("panorama-language-de"),
        Language::Fr => tr.t("panorama-language-fr"),
        Language::It => tr.t("panorama-language-it"),
        Language::Rm => tr.t("panorama-language-rm"),
    }
}
