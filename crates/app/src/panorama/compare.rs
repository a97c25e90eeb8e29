//! Comparisons over published panoramas: one field side by side for
//! chosen cantons, and its change between two rounds. Values are the
//! field's JSON as the read model holds it, so every protocol shows them
//! the same way.

use std::collections::BTreeSet;

use iiz_domain::CantonCode;
use iiz_domain::canton_profile::ProfileContent;
use iiz_domain::panorama::Year;
use iiz_projections::{FiguresRevisionView, SnapshotSection, SnapshotView};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::{AppError, Caller};

/// A field of a canton's panorama section.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PanoramaField {
    ImplementationType,
    Bodies,
    Office,
    CoordinatorAt,
    DocumentedProcess,
    CaseDefinition,
    LegalBases,
    FederalReferences,
    Challenges,
    /// The yearly case totals the section contains, by year.
    CasesTotal,
}

/// One canton's value of the field; `None` when it did not answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FieldValue {
    pub canton: CantonCode,
    pub value: Option<Value>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FieldComparison {
    pub year: Year,
    pub field: PanoramaField,
    pub values: Vec<FieldValue>,
}

/// A canton's field in two rounds, and whether it changed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RoundChange {
    pub canton: CantonCode,
    pub before: Option<Value>,
    pub after: Option<Value>,
    pub changed: bool,
}

fn json<T: Serialize>(value: &T) -> Option<Value> {
    serde_json::to_value(value).ok()
}

fn profile_field(content: &ProfileContent, field: PanoramaField) -> Option<Value> {
    let structure = &content.structure;
    let practice = &content.practice;
    match field {
        PanoramaField::ImplementationType => json(&structure.implementation_type),
        PanoramaField::Bodies => json(&structure.bodies),
        PanoramaField::Office => json(&structure.office),
        PanoramaField::CoordinatorAt => json(&structure.coordinator_at),
        PanoramaField::DocumentedProcess => json(&practice.process),
        PanoramaField::CaseDefinition => json(&practice.case_definition),
        PanoramaField::LegalBases => json(&practice.legal_bases),
        PanoramaField::FederalReferences => json(&practice.federal_references),
        PanoramaField::Challenges => json(&content.challenges),
        PanoramaField::CasesTotal => None,
    }
}

fn cases_total(figures: &[FiguresRevisionView]) -> Option<Value> {
    let by_year: serde_json::Map<String, Value> = figures
        .iter()
        .filter_map(|f| Some((f.year.to_string(), json(&f.figures.cases_total)?)))
        .collect();
    Some(Value::Object(by_year))
}

/// The field of `canton` in a published panorama.
pub fn field_of(
    snapshot: &SnapshotView,
    canton: CantonCode,
    field: PanoramaField,
) -> Option<Value> {
    match snapshot.sections.get(&canton)? {
        SnapshotSection::Answered {
            profile, figures, ..
        } => match field {
            PanoramaField::CasesTotal => cases_total(figures),
            _ => profile_field(&profile.content, field),
        },
        SnapshotSection::NoAnswer => None,
    }
}

impl Caller<'_> {
    /// `field` side by side for `cantons` (every addressed canton when
    /// empty) in the published panorama of `year`.
    pub async fn compare_cantons(
        &self,
        year: Year,
        field: PanoramaField,
        cantons: BTreeSet<CantonCode>,
    ) -> Result<FieldComparison, AppError> {
        let snapshot = self.published_panorama(year).await?;
        let chosen: Vec<CantonCode> = if cantons.is_empty() {
            snapshot.sections.keys().copied().collect()
        } else {
            cantons.into_iter().collect()
        };
        let values = chosen
            .into_iter()
            .map(|canton| FieldValue {
                canton,
                value: field_of(&snapshot, canton, field),
            })
            .collect();
        Ok(FieldComparison {
            year,
            field,
            values,
        })
    }

    /// How `field` changed for `cantons` (all cantons of either round when
    /// empty) from the published panorama of `from` to that of `to`.
    pub async fn compare_rounds(
        &self,
        field: PanoramaField,
        from: Year,
        to: Year,
        cantons: BTreeSet<CantonCode>,
    ) -> Result<Vec<RoundChange>, AppError> {
        let before = self.published_panorama(from).await?;
        let after = self.published_panorama(to).await?;
        let chosen: BTreeSet<CantonCode> = if cantons.is_empty() {
            before
                .sections
                .keys()
                .chain(after.sections.keys())
                .copied()
                .collect()
        } else {
            cantons
        };
        Ok(chosen
            .into_iter()
            .map(|canton| {
                let before = field_of(&before, canton, field);
                let after = field_of(&after, canton, field);
                RoundChange {
                    canton,
                    changed: before != after,
                    before,
                    after,
                }
            })
            .collect())
    }
}
