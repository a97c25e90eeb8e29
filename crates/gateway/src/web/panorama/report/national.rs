//! The national figures of a published panorama as tables: one per figure,
//! a row per key with its count and the cantons behind it (linked to their
//! sections), and the number for case counts and potential shares. The
//! rows are the app's ([`national_rows`]), the same as the export's.

use iiz_app::panorama::{NationalFigure, national_rows};
use iiz_domain::CantonCode;
use iiz_domain::Language;
use iiz_domain::panorama::national::NationalFigures;

use super::labels;
use crate::web::format;
use crate::web::i18n::Tr;
use crate::web::monitoring::labels::canton;

/// A canton named by its code, with its name for the title.
#[derive(Debug, Clone)]
pub struct CantonRef {
    pub code: String,
    pub name: String,
}

impl CantonRef {
    pub fn new(tr: Tr, code: CantonCode) -> Self {
        Self {
            code: code.to_string(),
            name: canton(tr, code.as_str()),
        }
    }
}

#[derive(Debug, Clone)]
pub struct NationalLine {
    /// The export's key (`with_office`, `disability`, `ZH` …).
    pub key: String,
    pub label: String,
    pub count: String,
    pub cantons: Vec<CantonRef>,
    pub value: Option<String>,
}

#[derive(Debug, Clone)]
pub struct NationalTable {
    /// The export's name of the figure, also the table's anchor.
    pub figure: &'static str,
    pub title: String,
    pub definition: String,
    /// Whether the figure has a number beside its cantons.
    pub has_value: bool,
    pub lines: Vec<NationalLine>,
}

/// Basis points as a percentage with two decimals: `1.25%`, `1,25 %`.
pub fn percent(basis_points: u32, language: Language) -> String {
    let (whole, part) = (basis_points / 100, basis_points % 100);
    match language {
        Language::Fr => format!("{whole},{part:02}\u{a0}%"),
        Language::De | Language::It | Language::Rm => format!("{whole}.{part:02}%"),
    }
}

pub fn tables(tr: Tr, figures: &NationalFigures) -> Vec<NationalTable> {
    let rows = national_rows(figures);
    NationalFigure::ALL
        .into_iter()
        .map(|figure| {
            let (title, definition) = labels::figure(tr, figure);
            let lines = rows
                .iter()
                .filter(|row| row.figure == figure)
                .map(|row| {
                    let value = row.value.map(|value| match row.basis {
                        Some(basis) => format!(
                            "{} ({})",
                            percent(value, tr.language),
                            labels::share_basis(tr, basis)
                        ),
                        None => format::number(u64::from(value), tr.language),
                    });
                    NationalLine {
                        key: row.key.as_str(),
                        label: labels::key(tr, row.key),
                        count: format::number(row.cantons.len() as u64, tr.language),
                        cantons: row
                            .cantons
                            .iter()
                            .map(|code| CantonRef::new(tr, *code))
                            .collect(),
                        value,
                    }
                })
                .collect();
            NationalTable {
                figure: figure.as_str(),
                title,
                definition,
                has_value: matches!(
                    figure,
                    NationalFigure::CaseCounts | NationalFigure::PotentialShares
                ),
                lines,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_are_percentages_with_two_decimals() {
        assert_eq!(percent(125, Language::De), "1.25%");
        assert_eq!(percent(5, Language::It), "0.05%");
        assert_eq!(percent(10_000, Language::Fr), "100,00\u{a0}%");
    }
}
