//! A reported figure: what kind of number it is and the text as the canton
//! wrote it. The platform never turns an estimate into an exact number, a
//! range into a midpoint or a "k.A." into a zero.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::text::FreeText;

/// What a figure says, as precisely as the canton said it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum FigureValue {
    Exact {
        value: u32,
    },
    /// Between `low` and `high`, both included ("200-400").
    Range {
        low: u32,
        high: u32,
    },
    /// An approximate number ("ca. 20", "rund 540").
    Estimate {
        value: u32,
    },
    /// No figure ("k.A.", left blank, or a text the platform cannot read
    /// as one number).
    NotAvailable,
}

impl FigureValue {
    /// The number a computation may use, and whether it is exact: ranges
    /// and missing figures give none.
    pub fn point(&self) -> Option<(u32, bool)> {
        match self {
            Self::Exact { value } => Some((*value, true)),
            Self::Estimate { value } => Some((*value, false)),
            Self::Range { .. } | Self::NotAvailable => None,
        }
    }

    /// The lowest and highest number the figure allows, for ranges of
    /// case counts across cantons.
    pub fn bounds(&self) -> Option<(u32, u32)> {
        match self {
            Self::Exact { value } | Self::Estimate { value } => Some((*value, *value)),
            Self::Range { low, high } => Some((*low, *high)),
            Self::NotAvailable => None,
        }
    }

    pub fn as_str(&self) -> &'static str {
        match self {
            Self::Exact { .. } => "exact",
            Self::Range { .. } => "range",
            Self::Estimate { .. } => "estimate",
            Self::NotAvailable => "not_available",
        }
    }
}

/// A figure with the text it was read from (empty when entered as a number).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Figure {
    pub value: FigureValue,
    pub as_written: FreeText,
}

/// Texts that say "no figure" in the panorama's languages.
const NOT_AVAILABLE: [&str; 8] = [
    "k.a.",
    "k. a.",
    "k.a",
    "keine angabe",
    "n.d.",
    "n.c.",
    "-",
    "",
];

/// Words that make a number approximate. Longer ones first, so "ca." is
/// not read as "ca" followed by a stray dot.
const APPROXIMATE: [&str; 10] = [
    "ungefähr",
    "environ",
    "approx.",
    "circa",
    "etwa",
    "rund",
    "env.",
    "ca.",
    "ca",
    "~",
];

impl Figure {
    pub fn new(value: FigureValue) -> Self {
        Self {
            value,
            as_written: FreeText::default(),
        }
    }

    pub fn not_available() -> Self {
        Self::new(FigureValue::NotAvailable)
    }

    /// Reads a figure as a canton wrote it: "540" is exact, "ca. 20 Fälle
    /// pro Jahr" an estimate, "80 – 100" a range, "k.A." not available.
    /// A text with a second number the reading cannot place ("rund 100
    /// Meldungen; ca. 20 davon …") is not available: the text is kept and
    /// a person decides, the platform does not guess.
    pub fn read(as_written: FreeText) -> Self {
        let value = read_value(as_written.as_str());
        Self { value, as_written }
    }
}

fn read_value(text: &str) -> FigureValue {
    let lower = text.trim().to_lowercase();
    if NOT_AVAILABLE.contains(&lower.as_str()) {
        return FigureValue::NotAvailable;
    }
    let (approximate, rest) = APPROXIMATE
        .iter()
        .find_map(|word| lower.strip_prefix(word).map(|rest| (true, rest)))
        .unwrap_or((false, lower.as_str()));
    let Some((first, rest)) = leading_number(rest.trim_start()) else {
        return FigureValue::NotAvailable;
    };
    let after_dash = rest
        .trim_start()
        .strip_prefix(['-', '–', '—'])
        .map(str::trim_start);
    let (value, rest) = match after_dash.and_then(leading_number) {
        Some((high, rest)) if high >= first => (FigureValue::Range { low: first, high }, rest),
        Some(_) => return FigureValue::NotAvailable,
        None if approximate => (FigureValue::Estimate { value: first }, rest),
        None => (FigureValue::Exact { value: first }, rest),
    };
    if rest.chars().any(|c| c.is_ascii_digit()) {
        return FigureValue::NotAvailable;
    }
    value
}

/// The number at the start of `text` (Swiss thousands separators allowed)
/// and what follows it.
fn leading_number(text: &str) -> Option<(u32, &str)> {
    let mut end = 0;
    let mut digits = String::new();
    for (index, c) in text.char_indices() {
        if c.is_ascii_digit() {
            digits.push(c);
            end = index + c.len_utf8();
        } else if matches!(c, '\'' | '’') && !digits.is_empty() {
            continue;
        } else {
            break;
        }
    }
    let number = digits.parse().ok()?;
    Some((number, &text[end..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> FigureValue {
        Figure::read(FreeText::parse(text).unwrap()).value
    }

    #[test]
    fn figures_are_read_as_the_cantons_wrote_them() {
        assert_eq!(read("540"), FigureValue::Exact { value: 540 });
        assert_eq!(read("1'074"), FigureValue::Exact { value: 1074 });
        assert_eq!(
            read("Ca. 20 Fälle pro Jahr (OW u. NW)"),
            FigureValue::Estimate { value: 20 }
        );
        assert_eq!(read("rund 540"), FigureValue::Estimate { value: 540 });
        assert_eq!(
            read("environ 106 par année"),
            FigureValue::Estimate { value: 106 }
        );
        assert_eq!(
            read("80 – 100 Fälle pro Jahr"),
            FigureValue::Range { low: 80, high: 100 }
        );
        assert_eq!(
            read("200-400 Fälle pro Jahr"),
            FigureValue::Range {
                low: 200,
                high: 400
            }
        );
        assert_eq!(read("65-85"), FigureValue::Range { low: 65, high: 85 });
    }

    #[test]
    fn what_cannot_be_read_as_one_number_is_not_available() {
        assert_eq!(read("k.A."), FigureValue::NotAvailable);
        assert_eq!(read(""), FigureValue::NotAvailable);
        assert_eq!(read("keine"), FigureValue::NotAvailable);
        assert_eq!(
            read("rund 100 Meldungen; ca. 20 davon IIZ-Case-Management-Fälle"),
            FigureValue::NotAvailable
        );
        assert_eq!(
            read("1182 par année (en 2017/18)"),
            FigureValue::NotAvailable
        );
        assert_eq!(read("400-200"), FigureValue::NotAvailable);
    }

    #[test]
    fn the_text_is_kept_beside_the_value() {
        let figure = Figure::read(FreeText::parse("ca. 300").unwrap());
        assert_eq!(figure.as_written.as_str(), "ca. 300");
        assert_eq!(figure.value.point(), Some((300, false)));
        assert_eq!(
            serde_json::to_value(figure.value).unwrap(),
            serde_json::json!({ "kind": "estimate", "value": 300 })
        );
    }
}
