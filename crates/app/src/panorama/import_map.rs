//! How a section of the 2020 annex becomes bodies, profiles and figures
//! (docs/panorama.md, "From `data/cantons.yaml` to the domain"). Pure:
//! [`super::import`] runs the commands. Classifications are read from the
//! text by keywords kept here as data; the text itself is always kept, so
//! a reading the Fachstelle disagrees with is corrected, never lost.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use iiz_domain::body::BodyKind;
use iiz_domain::canton_profile::{
    BodyLevel, BodyLink, ImplementationType, Office, OfficeKind, ProfileContent, Structure,
};
use iiz_domain::key_figures::{FigureReport, LabelledFigure};
use iiz_domain::panorama::{NamedInstitution, Year};
use iiz_domain::text::{FreeText, Institution, LocalizedName};
use iiz_domain::{BodyId, CantonCode, Language, Link, TenantId};

use super::import_figures::{YEAR_OF_UNDATED_COUNTS, empty_report, figures};
use super::import_reading::{challenges, kind_of, practice};
use crate::AppError;
use crate::catalog_sections::{PanoramaSection, SectionBodyEntry};
use crate::tenants::{NewBody, seeded_body_id};

/// Bodies of the annex without a date of their own became known with it.
const ANNEX_PUBLISHED: (i32, u32, u32) = (2020, 9, 1);

pub(super) fn invalid(what: &str, error: impl std::fmt::Display) -> AppError {
    AppError::invalid(format!("the 2020 annex, {what}: {error}"))
}

pub(super) fn free(text: Option<&str>) -> Result<FreeText, AppError> {
    FreeText::parse(text.unwrap_or_default().trim()).map_err(|e| invalid("a text", e))
}

pub(super) fn joined(parts: &[Option<&str>]) -> Result<FreeText, AppError> {
    let parts: Vec<&str> = parts.iter().flatten().map(|p| p.trim()).collect();
    free(Some(parts.join("\n\n").as_str()))
}

fn named(name: &str) -> Result<NamedInstitution, AppError> {
    Ok(NamedInstitution {
        kind: kind_of(name),
        name: Institution::parse(name).map_err(|e| invalid(name, e))?,
    })
}

/// A body of the annex, to establish in the tenant of the section's first
/// canton (a shared body exists once).
#[derive(Debug, Clone, PartialEq)]
pub(super) struct PlannedBody {
    pub new: NewBody,
    pub dissolved_on: Option<NaiveDate>,
}

/// What one section becomes.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct SectionPlan {
    pub cantons: Vec<CantonCode>,
    pub bodies: Vec<PlannedBody>,
    pub content: ProfileContent,
    pub links: Vec<BodyLink>,
    pub figures: BTreeMap<Year, FigureReport>,
    /// Counts written for all the section's cantons together (OW/NW).
    pub joint_count: Option<LabelledFigure>,
}

impl SectionPlan {
    /// The profile of `canton`: the section's content with its links,
    /// shared with the section's other cantons.
    pub fn content_for(&self, canton: CantonCode) -> ProfileContent {
        let others: BTreeSet<CantonCode> = self
            .cantons
            .iter()
            .copied()
            .filter(|other| *other != canton)
            .collect();
        let mut content = self.content.clone();
        content.structure.bodies = self
            .links
            .iter()
            .cloned()
            .map(|mut link| {
                link.shared_with = others.clone();
                link
            })
            .collect();
        content
    }

    /// The figures of each of the section's cantons: the section's, with
    /// a count written for them together beside each canton's own.
    pub fn figures_for(&self) -> BTreeMap<Year, FigureReport> {
        let mut figures = self.figures.clone();
        if let Some(joint) = &self.joint_count
            && let Ok(year) = Year::parse(YEAR_OF_UNDATED_COUNTS)
        {
            figures
                .entry(year)
                .or_insert_with(empty_report)
                .other
                .push(joint.clone());
        }
        figures
    }
}

pub(super) fn plan(section: &PanoramaSection) -> Result<SectionPlan, AppError> {
    let cantons = section
        .codes
        .iter()
        .map(|code| CantonCode::parse(code).map_err(|e| invalid(code, e)))
        .collect::<Result<Vec<_>, _>>()?;
    let home = *cantons
        .first()
        .ok_or_else(|| invalid(&section.heading, "a section without a canton"))?;
    let language = Language::parse(&section.language).map_err(|e| invalid(&section.heading, e))?;
    let (bodies, links, informal) = bodies(section, TenantId::Canton(home), language)?;
    let content = ProfileContent {
        language,
        structure: structure(section, links.clone(), informal)?,
        practice: practice(section)?,
        challenges: challenges(section)?,
    };
    let (figures, joint_count) = figures(section, cantons.len() > 1)?;
    Ok(SectionPlan {
        cantons,
        bodies,
        content,
        links,
        figures,
        joint_count,
    })
}

type Bodies = (Vec<PlannedBody>, Vec<BodyLink>, Vec<String>);

fn bodies(
    section: &PanoramaSection,
    tenant: TenantId,
    language: Language,
) -> Result<Bodies, AppError> {
    let published =
        NaiveDate::from_ymd_opt(ANNEX_PUBLISHED.0, ANNEX_PUBLISHED.1, ANNEX_PUBLISHED.2)
            .ok_or_else(|| invalid("the publication date", "out of range"))?;
    let levels = [
        (
            BodyLevel::Strategic,
            BodyKind::Steering,
            &section.strategic_bodies,
        ),
        (
            BodyLevel::Operational,
            BodyKind::ExpertCoordination,
            &section.operational_bodies,
        ),
    ];
    let mut planned = Vec::new();
    let mut links = Vec::new();
    let mut informal = Vec::new();
    for (level, kind, entries) in levels {
        for entry in entries.iter().flatten() {
            if !entry.formal {
                informal.push(informal_text(entry));
                continue;
            }
            let id = seeded_body_id(tenant, &entry.name);
            let above: Option<BodyId> = entry
                .above
                .as_deref()
                .map(|name| seeded_body_id(tenant, name));
            let names = LocalizedName::parse([(language, entry.name.clone())])
                .map_err(|e| invalid(&entry.name, e))?;
            planned.push(PlannedBody {
                new: NewBody {
                    id,
                    tenant,
                    kind,
                    names,
                    mandate: free(entry.role.as_deref())?,
                    parent: above,
                    active_from: entry.active_from.unwrap_or(published),
                },
                dissolved_on: entry.active_to,
            });
            links.push(BodyLink {
                body: id,
                level,
                above,
                beside: BTreeSet::new(),
                shared_with: BTreeSet::new(),
                institutions: entry
                    .members
                    .iter()
                    .flatten()
                    .map(|name| named(name))
                    .collect::<Result<_, _>>()?,
                note: link_note(entry)?,
            });
        }
    }
    Ok((planned, links, informal))
}

fn informal_text(entry: &SectionBodyEntry) -> String {
    match &entry.note {
        Some(note) => format!("{}: {note}", entry.name),
        None => entry.name.clone(),
    }
}

fn link_note(entry: &SectionBodyEntry) -> Result<FreeText, AppError> {
    let chair = entry.chair.as_ref().map(|chair| format!("Chair: {chair}"));
    joined(&[
        entry.note.as_deref(),
        entry.members_note.as_deref(),
        chair.as_deref(),
    ])
}

/// The office the text names, unless it says there is none.
fn office(text: &str) -> Option<Office> {
    let lower = text.to_lowercase();
    if lower.contains("no office") || lower.contains("no geschäftsstelle") {
        return None;
    }
    [
        ("geschäftsstelle", OfficeKind::Geschaeftsstelle),
        ("fachstelle", OfficeKind::Fachstelle),
        ("koordinationsstelle", OfficeKind::Koordinationsstelle),
    ]
    .into_iter()
    .filter_map(|(word, kind)| lower.find(word).map(|at| (at, kind)))
    .min_by_key(|(at, _)| *at)
    .map(|(_, kind)| Office {
        kind,
        body: None,
        attached_to: None,
    })
}

fn structure(
    section: &PanoramaSection,
    links: Vec<BodyLink>,
    informal: Vec<String>,
) -> Result<Structure, AppError> {
    let text = section.operational_structure.as_deref().unwrap_or_default();
    let informal = informal.join("\n");
    let implementation_type = match section.implementation_type.as_deref() {
        Some("type1") => ImplementationType::Type1,
        Some("type2") => ImplementationType::Type2,
        Some("type3") => ImplementationType::Type3,
        Some("type4") => ImplementationType::Type4,
        _ => ImplementationType::NotClassified,
    };
    Ok(Structure {
        implementation_type,
        bodies: links,
        office: office(text),
        coordinator_at: None,
        description: joined(&[
            Some(informal.as_str()).filter(|t| !t.is_empty()),
            Some(text),
        ])?,
        remarks: free(section.remarks.as_deref())?,
        websites: section
            .web_domains
            .iter()
            .map(|domain| Link::parse(&format!("https://{domain}")).map_err(|e| invalid(domain, e)))
            .collect::<Result<_, _>>()?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use iiz_domain::panorama::InstitutionKind;

    #[test]
    fn institutions_are_counted_by_kind() {
        assert_eq!(kind_of("AWA"), InstitutionKind::Unemployment);
        assert_eq!(
            kind_of("SVA Zürich (IV-Stelle)"),
            InstitutionKind::Disability
        );
        assert_eq!(
            kind_of("Ausgleichskasse und IV-Stelle OW"),
            InstitutionKind::Disability
        );
        assert_eq!(kind_of("Amt für Arbeit OW"), InstitutionKind::Unemployment);
        assert_eq!(
            kind_of("Solothurner Handelskammer"),
            InstitutionKind::Employers
        );
        assert_eq!(kind_of("Regierungsrat"), InstitutionKind::Government);
        assert_eq!(
            kind_of("GGZ (Gemeinnützige Gesellschaft Zug)"),
            InstitutionKind::Mandated
        );
        assert_eq!(
            kind_of("HG (Hospice général)"),
            InstitutionKind::SocialAssistance
        );
        assert_eq!(
            kind_of("Berufs-, Studien- und Laufbahnberatung (BSLB)"),
            InstitutionKind::VocationalEducation
        );
        assert_eq!(
            kind_of("Verband Solothurner Einwohnergemeinden"),
            InstitutionKind::Municipalities
        );
    }

    #[test]
    fn every_section_of_the_annex_maps() {
        let catalog = crate::CantonCatalog::embedded().unwrap();
        assert_eq!(catalog.sections.len(), 20);
        for section in &catalog.sections {
            let plan = plan(section).unwrap();
            for canton in &plan.cantons {
                let content = plan.content_for(*canton);
                content.structure.check(*canton).unwrap();
                content.practice.check().unwrap();
                content.challenges.check().unwrap();
            }
        }
    }
}
