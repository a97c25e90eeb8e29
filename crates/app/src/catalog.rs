//! The canton catalogue: the 26 cantons and their strategic IIZ bodies, from
//! the national panorama (`data/cantons.yaml`, embedded in the binary).

use iiz_domain::ids::IdError;
use iiz_domain::tenant::TenantCommand;
use iiz_domain::text::{LocalizedName, TextError};
use iiz_domain::{CantonCode, Language, TenantId};
use serde::Deserialize;

use crate::catalog_sections::PanoramaSection;

const EMBEDDED: &str = include_str!("../../../data/cantons.yaml");

#[derive(Debug, thiserror::Error)]
pub enum CatalogError {
    #[error("the canton catalogue is not valid YAML: {0}")]
    Yaml(#[from] serde_yaml_ng::Error),
    #[error("canton {code}: {source}")]
    Id {
        code: String,
        #[source]
        source: IdError,
    },
    #[error("canton {code}: {source}")]
    Text {
        code: String,
        #[source]
        source: TextError,
    },
    #[error("the catalogue lists {0} cantons; 26 are expected")]
    Count(usize),
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCatalog {
    /// The annex's bibliography, kept in the file for readers.
    #[serde(default, rename = "source")]
    _source: Option<serde_yaml_ng::Value>,
    #[serde(default, rename = "notes")]
    _notes: Vec<String>,
    all_cantons: Vec<RawCanton>,
    #[serde(default)]
    canton_sections: Vec<PanoramaSection>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCanton {
    code: String,
    name_de: String,
    name_fr: String,
    name_it: String,
    official_languages: Vec<String>,
    /// Whether (and in which section) the 2020 annex describes the canton;
    /// the sections say the same by their codes.
    #[serde(default, rename = "in_panorama")]
    _in_panorama: Option<bool>,
    #[serde(default, rename = "panorama_section")]
    _panorama_section: Option<u32>,
}

/// A canton with its names and official languages.
#[derive(Debug, Clone, PartialEq)]
pub struct CantonEntry {
    pub code: CantonCode,
    pub names: LocalizedName,
    pub official_languages: Vec<Language>,
}

impl CantonEntry {
    /// The command that registers the canton as a tenant.
    pub fn register_command(&self) -> TenantCommand {
        TenantCommand::Register {
            id: TenantId::Canton(self.code),
            names: self.names.clone(),
            official_languages: self.official_languages.clone(),
        }
    }
}

/// A strategic body a canton described in the panorama.
#[derive(Debug, Clone, PartialEq)]
pub struct SectionBody {
    pub canton: CantonCode,
    /// The language the canton answered in (and named the body in).
    pub language: Language,
    pub name: String,
    pub role: Option<String>,
}

/// The parsed catalogue.
#[derive(Debug, Clone)]
pub struct CantonCatalog {
    pub cantons: Vec<CantonEntry>,
    pub bodies: Vec<SectionBody>,
    /// The annex's canton sections with every field, for the import.
    pub sections: Vec<PanoramaSection>,
}

impl CantonCatalog {
    /// The catalogue shipped with the platform.
    pub fn embedded() -> Result<Self, CatalogError> {
        Self::parse(EMBEDDED)
    }

    pub fn parse(yaml: &str) -> Result<Self, CatalogError> {
        let raw: RawCatalog = serde_yaml_ng::from_str(yaml)?;
        let cantons = raw
            .all_cantons
            .into_iter()
            .map(canton)
            .collect::<Result<Vec<_>, _>>()?;
        if cantons.len() != 26 {
            return Err(CatalogError::Count(cantons.len()));
        }
        let mut bodies = Vec::new();
        for section in &raw.canton_sections {
            let language =
                Language::parse(&section.language).map_err(|source| CatalogError::Id {
                    code: section.codes.join("/"),
                    source,
                })?;
            for code in &section.codes {
                let canton = CantonCode::parse(code).map_err(|source| CatalogError::Id {
                    code: code.clone(),
                    source,
                })?;
                for body in section.strategic_bodies.iter().flatten() {
                    bodies.push(SectionBody {
                        canton,
                        language,
                        name: body.name.clone(),
                        role: body.role.clone(),
                    });
                }
            }
        }
        Ok(Self {
            cantons,
            bodies,
            sections: raw.canton_sections,
        })
    }
}

fn canton(raw: RawCanton) -> Result<CantonEntry, CatalogError> {
    let id_error = |source| CatalogError::Id {
        code: raw.code.clone(),
        source,
    };
    let code = CantonCode::parse(&raw.code).map_err(id_error)?;
    let official_languages = raw
        .official_languages
        .iter()
        .map(|language| Language::parse(language).map_err(id_error))
        .collect::<Result<Vec<_>, _>>()?;
    let names = LocalizedName::parse([
        (Language::De, raw.name_de.clone()),
        (Language::Fr, raw.name_fr.clone()),
        (Language::It, raw.name_it.clone()),
    ])
    .map_err(|source| CatalogError::Text {
        code: raw.code.clone(),
        source,
    })?;
    Ok(CantonEntry {
        code,
        names,
        official_languages,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_catalogue_has_every_canton_and_their_bodies() {
        let catalog = CantonCatalog::embedded().unwrap();
        assert_eq!(catalog.cantons.len(), 26);
        let fr = catalog
            .cantons
            .iter()
            .find(|c| c.code.as_str() == "FR")
            .unwrap();
        assert_eq!(fr.official_languages, vec![Language::Fr, Language::De]);
        assert_eq!(fr.names.get(Language::De), Some("Freiburg"));
        let ag: Vec<_> = catalog
            .bodies
            .iter()
            .filter(|b| b.canton.as_str() == "AG")
            .collect();
        assert_eq!(ag[0].name, "Steuerungsausschuss der iiz aargau");
        // OW and NW share one section, so both get its bodies.
        let shared = |code: &str| {
            catalog
                .bodies
                .iter()
                .filter(|b| b.canton.as_str() == code)
                .count()
        };
        assert_eq!(shared("OW"), shared("NW"));
        assert!(shared("OW") > 0);
    }

    #[test]
    fn a_wrong_canton_code_is_reported() {
        let yaml = "all_cantons:\n- code: XX\n  name_de: a\n  name_fr: b\n  name_it: c\n  official_languages: [de]\n";
        let error = CantonCatalog::parse(yaml).unwrap_err();
        assert!(error.to_string().contains("XX"), "{error}");
    }
}
