//! A canton's section of a published panorama, in the canton's language
//! (its words and ours: the printed panorama had each section in the
//! language the canton answered in), or "no answer".

use iiz_domain::CantonCode;
use iiz_domain::canton_profile::ProfileContent;
use iiz_domain::panorama_round::AnswerKind;
use iiz_projections::{FiguresRevisionView, ProfileRevisionView, SnapshotSection};

use super::labels;
use super::values::{self, BodyNames, FigureText};
use crate::web::i18n::Tr;
use crate::web::monitoring::labels::canton;

/// One item of a part: its label and what the canton answered, a line
/// each; links for web pages.
#[derive(Debug, Clone)]
pub struct Entry {
    pub label: String,
    pub lines: Vec<String>,
    pub links: Vec<String>,
}

impl Entry {
    fn new(label: String, lines: Vec<String>) -> Self {
        Self {
            label,
            lines,
            links: Vec::new(),
        }
    }
}

/// A part of the profile (structure, practice, challenges).
#[derive(Debug, Clone)]
pub struct Group {
    pub title: String,
    pub entries: Vec<Entry>,
}

/// A figure with the canton's label for it (a lead institution, a label
/// of its own).
#[derive(Debug, Clone)]
pub struct Labelled {
    pub label: String,
    pub figure: FigureText,
}

/// The figures of one year the answer names.
#[derive(Debug, Clone)]
pub struct FiguresYear {
    pub year: String,
    pub total: FigureText,
    pub by_lead: Vec<Labelled>,
    pub unemployed: Option<FigureText>,
    pub other: Vec<Labelled>,
}

#[derive(Debug, Clone)]
pub struct Answered {
    pub kind: String,
    pub late: bool,
    /// "Profil 2020, Revision 3", linked to the canton's profile.
    pub revision: String,
    pub profile_href: String,
    pub groups: Vec<Group>,
    pub figures: Vec<FiguresYear>,
    /// What the figures count, in the canton's words: once, though the
    /// canton may have written it for every year.
    pub notes: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct CantonSection {
    pub code: String,
    /// The canton's name in the section's language.
    pub name: String,
    /// The words of the section, in the canton's language.
    pub tr: Tr,
    pub answered: Option<Answered>,
}

fn structure(tr: Tr, content: &ProfileContent, names: &BodyNames) -> Group {
    let structure = &content.structure;
    let mut entries = vec![
        Entry::new(
            tr.t("panorama-report-field-type"),
            vec![labels::implementation_type(
                tr,
                structure.implementation_type,
            )],
        ),
        Entry::new(
            tr.t("panorama-report-field-bodies"),
            values::bodies(tr, &structure.bodies, names),
        ),
        Entry::new(
            tr.t("panorama-report-field-office"),
            values::office(tr, structure.office.as_ref(), names),
        ),
        Entry::new(
            tr.t("panorama-report-field-coordinator"),
            values::coordinator(tr, structure.coordinator_at.as_ref()),
        ),
    ];
    for (key, text) in [
        ("panorama-report-description", &structure.description),
        ("panorama-report-remarks", &structure.remarks),
    ] {
        if !text.is_empty() {
            entries.push(Entry::new(tr.t(key), vec![text.as_str().to_owned()]));
        }
    }
    if !structure.websites.is_empty() {
        entries.push(Entry {
            label: tr.t("panorama-report-websites"),
            lines: Vec::new(),
            links: structure.websites.iter().map(ToString::to_string).collect(),
        });
    }
    Group {
        title: tr.t("panorama-report-structure"),
        entries,
    }
}

fn practice(tr: Tr, content: &ProfileContent) -> Group {
    let practice = &content.practice;
    let mut entries = vec![
        Entry::new(
            tr.t("panorama-report-field-process"),
            values::process(tr, &practice.process),
        ),
        Entry::new(
            tr.t("panorama-report-field-case-definition"),
            values::case_definition(tr, &practice.case_definition),
        ),
        Entry::new(
            tr.t("panorama-report-field-legal-bases"),
            values::legal_bases(tr, &practice.legal_bases),
        ),
        Entry::new(
            tr.t("panorama-report-field-federal"),
            values::federal(tr, &practice.federal_references),
        ),
    ];
    if !practice.legal_note.is_empty() {
        entries.push(Entry::new(
            tr.t("panorama-report-legal-note"),
            vec![practice.legal_note.as_str().to_owned()],
        ));
    }
    Group {
        title: tr.t("panorama-report-practice"),
        entries,
    }
}

/// One entry per challenge, labelled with its category.
fn challenges(tr: Tr, content: &ProfileContent) -> Group {
    let challenges = &content.challenges;
    let mut entries: Vec<Entry> = challenges
        .items
        .iter()
        .map(|item| {
            Entry::new(
                labels::challenge(tr, item.category),
                vec![item.text.as_str().to_owned()],
            )
        })
        .collect();
    if entries.is_empty() {
        entries.push(Entry::new(
            tr.t("panorama-report-field-challenges"),
            vec![tr.t("panorama-report-not-stated")],
        ));
    }
    if !challenges.note.is_empty() {
        entries.push(Entry::new(
            tr.t("panorama-report-remarks"),
            vec![challenges.note.as_str().to_owned()],
        ));
    }
    Group {
        title: tr.t("panorama-report-field-challenges"),
        entries,
    }
}

fn figures_year(tr: Tr, figures: &FiguresRevisionView) -> FiguresYear {
    let report = &figures.figures;
    FiguresYear {
        year: figures.year.to_string(),
        total: values::figure(tr, &report.cases_total),
        by_lead: report
            .cases_by_lead
            .iter()
            .map(|(kind, figure)| Labelled {
                label: labels::institution(tr, *kind),
                figure: values::figure(tr, figure),
            })
            .collect(),
        unemployed: report
            .registered_unemployed
            .as_ref()
            .map(|figure| values::figure(tr, figure)),
        other: report
            .other
            .iter()
            .map(|other| Labelled {
                label: other.label.to_string(),
                figure: values::figure(tr, &other.figure),
            })
            .collect(),
    }
}

fn answered(
    tr: Tr,
    kind: AnswerKind,
    late: bool,
    profile: &ProfileRevisionView,
    figures: &[FiguresRevisionView],
    names: &BodyNames,
) -> Answered {
    let content = &profile.content;
    Answered {
        kind: labels::answer_kind(tr, kind),
        late,
        revision: tr.args(
            "panorama-report-revision",
            &[
                ("year", profile.year.to_string()),
                ("revision", profile.revision.to_string()),
            ],
        ),
        profile_href: format!("/cantons/{}/profile/{}", profile.canton, profile.year),
        groups: vec![
            structure(tr, content, names),
            practice(tr, content),
            challenges(tr, content),
        ],
        figures: figures.iter().map(|f| figures_year(tr, f)).collect(),
        notes: figures.iter().fold(Vec::new(), |mut notes, f| {
            let note = f.figures.note.as_str();
            if !note.is_empty() && !notes.iter().any(|known| known == note) {
                notes.push(note.to_owned());
            }
            notes
        }),
    }
}

/// The section of `code`; a canton that did not answer has no content
/// and is shown in the reader's language, since it chose none.
pub fn section(
    reader: Tr,
    code: CantonCode,
    section: &SnapshotSection,
    names: &BodyNames,
) -> CantonSection {
    match section {
        SnapshotSection::Answered {
            kind,
            late,
            profile,
            figures,
        } => {
            let tr = Tr::new(profile.content.language);
            CantonSection {
                code: code.to_string(),
                name: canton(tr, code.as_str()),
                tr,
                answered: Some(answered(tr, *kind, *late, profile, figures, names)),
            }
        }
        SnapshotSection::NoAnswer => CantonSection {
            code: code.to_string(),
            name: canton(reader, code.as_str()),
            tr: reader,
            answered: None,
        },
    }
}
