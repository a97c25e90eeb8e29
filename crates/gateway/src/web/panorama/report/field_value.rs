//! A compared field's value as text. The app hands comparisons over as
//! the field's JSON (the same for every protocol); the page reads it back
//! into the domain's type and shows it with the words of the sections.

use std::collections::BTreeMap;

use iiz_app::panorama::PanoramaField;
use iiz_domain::canton_profile::{
    BodyLink, CaseDefinition, Challenges, ImplementationType, LegalBasis, Office,
    ProcessDocumentation,
};
use iiz_domain::key_figures::Figure;
use iiz_domain::panorama::NamedInstitution;
use iiz_domain::text::Title;
use serde::de::DeserializeOwned;
use serde_json::Value;

use super::labels;
use super::values::{self, BodyNames};
use crate::web::i18n::Tr;

fn read<T: DeserializeOwned>(value: &Value) -> Result<T, serde_json::Error> {
    serde_json::from_value(value.clone())
}

fn lines(
    tr: Tr,
    field: PanoramaField,
    value: &Value,
    names: &BodyNames,
) -> Result<Vec<String>, serde_json::Error> {
    Ok(match field {
        PanoramaField::ImplementationType => {
            vec![labels::implementation_type(
                tr,
                read::<ImplementationType>(value)?,
            )]
        }
        PanoramaField::Bodies => values::bodies(tr, &read::<Vec<BodyLink>>(value)?, names),
        PanoramaField::Office => values::office(tr, read::<Option<Office>>(value)?.as_ref(), names),
        PanoramaField::CoordinatorAt => {
            values::coordinator(tr, read::<Option<NamedInstitution>>(value)?.as_ref())
        }
        PanoramaField::DocumentedProcess => {
            values::process(tr, &read::<ProcessDocumentation>(value)?)
        }
        PanoramaField::CaseDefinition => {
            values::case_definition(tr, &read::<CaseDefinition>(value)?)
        }
        PanoramaField::LegalBases => values::legal_bases(tr, &read::<Vec<LegalBasis>>(value)?),
        PanoramaField::FederalReferences => values::federal(tr, &read::<Vec<Title>>(value)?),
        PanoramaField::Challenges => values::challenges(tr, &read::<Challenges>(value)?),
        PanoramaField::CasesTotal => {
            values::cases_total(tr, &read::<BTreeMap<String, Figure>>(value)?)
        }
    })
}

/// The value of `field` in `tr`'s words. A value the page cannot read
/// would be a fault of the platform (the app wrote it): logged, and shown
/// as such rather than failing the whole comparison.
pub fn field_lines(tr: Tr, field: PanoramaField, value: &Value, names: &BodyNames) -> Vec<String> {
    lines(tr, field, value, names).unwrap_or_else(|error| {
        tracing::error!(%error, ?field, "a compared value did not read");
        vec![tr.t("panorama-report-unreadable")]
    })
}

#[cfg(test)]
mod tests {
    use iiz_domain::Language;
    use serde_json::json;

    use super::*;

    #[test]
    fn compared_values_read_back_into_the_sections_words() {
        let de = Tr::new(Language::De);
        let names = BodyNames::default();
        assert_eq!(
            field_lines(
                de,
                PanoramaField::ImplementationType,
                &json!("not_classified"),
                &names
            ),
            [labels::implementation_type(
                de,
                ImplementationType::NotClassified
            )]
        );
        let totals = json!({ "2019": { "value": { "kind": "range", "low": 80, "high": 100 }, "as_written": "" } });
        assert_eq!(
            field_lines(de, PanoramaField::CasesTotal, &totals, &names),
            ["2019: 80–100"]
        );
        assert_eq!(
            field_lines(de, PanoramaField::Office, &json!(null), &names),
            [de.t("panorama-report-no-office")]
        );
        assert_eq!(
            field_lines(de, PanoramaField::Bodies, &json!("nonsense"), &names),
            [de.t("panorama-report-unreadable")]
        );
    }
}
