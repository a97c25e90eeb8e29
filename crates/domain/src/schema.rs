//! JSON Schemas of the types whose serde form is written by hand: the
//! published event contracts (`schema/events/`) are derived from the event
//! types, so these must say exactly what serde writes and what the types
//! accept when they parse.
//!
//! The patterns are valid both as ECMA-262 (what JSON Schema prescribes)
//! and as Rust `regex`, and mirror the parsers: `str::trim` removes the
//! Unicode `White_Space` characters, `char::is_control` finds `Cc`.

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};

use crate::ids::{CANTON_CODES, CantonCode, NATIONAL, TenantId};

/// Trimmed, without control characters, not empty: a name, a title.
pub(crate) const SINGLE_LINE: &str = r"^[^\u0000-\u001F\u007F-\u009F \u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000](?:[^\u0000-\u001F\u007F-\u009F]*[^\u0000-\u001F\u007F-\u009F \u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000])?$";

/// Trimmed, possibly empty, line breaks allowed: free text.
pub(crate) const TRIMMED: &str = r"^(?:[^\t-\r \u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000](?:[\s\S]*[^\t-\r \u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000])?)?$";

/// One '@' between a local part and a dotted domain, no spaces, no control
/// characters, no capitals (addresses are lowercased).
pub(crate) const EMAIL: &str = r"^[^@A-Z\u0000-\u0020\u007F-\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]+@[^@.A-Z\u0000-\u0020\u007F-\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000][^@A-Z\u0000-\u0020\u007F-\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]*\.[^@A-Z\u0000-\u0020\u007F-\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]*[^@.A-Z\u0000-\u0020\u007F-\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]$";

/// An absolute http(s) address without spaces or control characters.
pub(crate) const LINK: &str =
    r"^https?://[^\u0000-\u0020\u007F-\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]+$";

impl JsonSchema for CantonCode {
    fn schema_name() -> Cow<'static, str> {
        "CantonCode".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "An official canton abbreviation.",
            "type": "string",
            "enum": CANTON_CODES,
        })
    }
}

impl JsonSchema for TenantId {
    fn schema_name() -> Cow<'static, str> {
        "TenantId".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        let codes: Vec<&str> = std::iter::once(NATIONAL).chain(CANTON_CODES).collect();
        json_schema!({
            "description": "A tenant: the national IIZ (CH) or a canton by its abbreviation.",
            "type": "string",
            "enum": codes,
        })
    }
}
