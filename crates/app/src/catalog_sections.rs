//! The canton sections of the 2020 panorama's annex (`canton_sections` in
//! `data/cantons.yaml`) with every field the file carries. Unknown fields
//! are refused, so a field added to the file cannot be silently left out
//! of the import ([`crate::panorama`]).

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Deserialize;

/// A count as the annex writes it: a number, or a text ("rund 540",
/// "80 – 100 Fälle pro Jahr"); `None` is "k.A.".
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(untagged)]
pub enum WrittenCount {
    Number(u32),
    Text(String),
}

/// Counts by year.
pub type ByYear = BTreeMap<u16, Option<WrittenCount>>;

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SectionBodyEntry {
    pub name: String,
    #[serde(default)]
    pub note: Option<String>,
    #[serde(default)]
    pub members: Option<Vec<String>>,
    #[serde(default)]
    pub members_note: Option<String>,
    #[serde(default)]
    pub chair: Option<String>,
    #[serde(default)]
    pub role: Option<String>,
    /// The body this one sits below, by name (read from the text).
    #[serde(default)]
    pub above: Option<String>,
    #[serde(default)]
    pub active_from: Option<NaiveDate>,
    /// Set for a dissolved body.
    #[serde(default)]
    pub active_to: Option<NaiveDate>,
    /// `false` where the text says there is no formal body (BS).
    #[serde(default = "formal")]
    pub formal: bool,
}

fn formal() -> bool {
    true
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentedProcess {
    pub value: String,
    #[serde(default)]
    pub qualifier: Option<String>,
    #[serde(default)]
    pub form: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CaseCounts {
    #[serde(default)]
    pub by_year: ByYear,
    #[serde(default)]
    pub by_institution: BTreeMap<String, ByYear>,
    /// A count without a year.
    #[serde(default)]
    pub per_year: Option<String>,
    #[serde(default)]
    pub by_scheme: BTreeMap<String, Option<WrittenCount>>,
    #[serde(default)]
    pub by_type: BTreeMap<String, Option<WrittenCount>>,
    #[serde(default)]
    pub by_institution_pair: BTreeMap<String, Option<WrittenCount>>,
    #[serde(default)]
    pub other: BTreeMap<String, Option<WrittenCount>>,
    #[serde(default)]
    pub breakdown: BTreeMap<String, ByYear>,
    #[serde(default)]
    pub note: Option<String>,
}

/// One section of the annex: one canton, or two sharing it (OW/NW).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PanoramaSection {
    pub section: u32,
    pub toc_page: u32,
    pub heading: String,
    pub code: String,
    pub codes: Vec<String>,
    pub name: String,
    #[serde(default)]
    pub name_other_official: Option<String>,
    pub language: String,
    #[serde(default)]
    pub strategic_bodies: Option<Vec<SectionBodyEntry>>,
    #[serde(default)]
    pub operational_bodies: Option<Vec<SectionBodyEntry>>,
    #[serde(default)]
    pub operational_structure: Option<String>,
    pub has_documented_process: DocumentedProcess,
    #[serde(default)]
    pub legal_basis: Vec<String>,
    #[serde(default)]
    pub legal_basis_note: Option<String>,
    #[serde(default)]
    pub federal_references: Vec<String>,
    #[serde(default)]
    pub case_counts: CaseCounts,
    #[serde(default)]
    pub case_criteria: Option<String>,
    #[serde(default)]
    pub case_criteria_note: Option<String>,
    #[serde(default)]
    pub challenges: Vec<String>,
    #[serde(default)]
    pub remarks: Option<String>,
    #[serde(default)]
    pub implementation_type: Option<String>,
    #[serde(default)]
    pub web_domains: Vec<String>,
}
