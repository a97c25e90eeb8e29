//! The cells and tables of the panorama exports. Typed, so the JSON
//! keeps numbers, flags and lists while the CSV writes them as text
//! (lists joined with ` | `, docs/panorama.md "Exports").

use serde_json::Value;

/// One cell of an export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(u64),
    Flag(bool),
    List(Vec<String>),
}

impl Cell {
    pub fn text(value: impl Into<String>) -> Self {
        let value = value.into();
        if value.is_empty() {
            Self::Empty
        } else {
            Self::Text(value)
        }
    }

    pub fn number(value: Option<u32>) -> Self {
        value.map_or(Self::Empty, |value| Self::Number(u64::from(value)))
    }

    /// The cell as a CSV field.
    pub fn csv(&self) -> String {
        match self {
            Self::Empty => String::new(),
            Self::Text(text) => text.clone(),
            Self::Number(value) => value.to_string(),
            Self::Flag(flag) => flag.to_string(),
            Self::List(items) => items.join(" | "),
        }
    }

    /// The cell as a JSON value.
    pub fn json(&self) -> Value {
        match self {
            Self::Empty => Value::Null,
            Self::Text(text) => Value::from(text.as_str()),
            Self::Number(value) => Value::from(*value),
            Self::Flag(flag) => Value::from(*flag),
            Self::List(items) => Value::from(items.clone()),
        }
    }
}

/// An export's columns and rows, one cell per column.
#[derive(Debug, Clone)]
pub struct Table {
    pub columns: &'static [&'static str],
    pub rows: Vec<Vec<Cell>>,
}

/// The serialised (snake case) name of a unit enum of the domain.
pub fn slug<T: serde::Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(Value::String(name)) => name,
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_text_in_csv_and_typed_in_json() {
        let list = Cell::List(vec!["AWA".to_owned(), "IV-Stelle".to_owned()]);
        assert_eq!(list.csv(), "AWA | IV-Stelle");
        assert_eq!(list.json(), serde_json::json!(["AWA", "IV-Stelle"]));
        assert_eq!(Cell::text(""), Cell::Empty);
        assert_eq!(Cell::Empty.json(), Value::Null);
        assert_eq!(Cell::number(Some(7)).json(), serde_json::json!(7));
        assert_eq!(Cell::Flag(true).csv(), "true");
    }
}
