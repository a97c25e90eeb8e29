//! The schemas of the texts say what their parsers say: a string validates
//! exactly when it is what the type writes, i.e. when parsing it gives it
//! back unchanged (parsing trims, and lowercases e-mail addresses).

use iiz_domain::text::{FreeText, LocalizedName};
use iiz_domain::{Email, Institution, Language, Link, PersonName, Title};
use schemars::JsonSchema;
use schemars::generate::SchemaSettings;
use serde_json::{Value, json};

fn validator<T: JsonSchema>() -> jsonschema::Validator {
    let schema = SchemaSettings::draft2020_12()
        .for_serialize()
        .into_generator()
        .into_root_schema_for::<T>();
    jsonschema::validator_for(schema.as_value()).unwrap()
}

/// Strings at the edges of the rules: blanks and spaces around, control
/// characters and line breaks inside, Unicode spaces, lengths.
fn samples() -> Vec<String> {
    let mut samples: Vec<String> = [
        "",
        " ",
        "a",
        "Zürich",
        " a",
        "a ",
        "a  b",
        "a\tb",
        "a\nb",
        "a\u{85}b",
        "a\u{7f}b",
        "\u{a0}a",
        "a\u{3000}",
        "\u{2028}a",
        "\u{feff}a",
        "a\u{200b}",
        "Genève\u{fe0f}",
        "line one\nline two",
        "\ttab",
        "A@B.CH",
        "a@b.ch",
        "a b@c.ch",
        "a@b",
        "a@.ch",
        "a@b.",
        "a@@b.ch",
        "a@b..ch",
        "x@y.z",
        "https://example.ch/a?b=c",
        "http://x",
        "https://",
        "https://a b",
        "ftp://example.ch",
        "https://a\u{a0}b",
    ]
    .map(str::to_owned)
    .into();
    for length in [120, 121, 200, 201, 254, 255, 2000, 2001] {
        samples.push("x".repeat(length));
        samples.push(format!("{}@b.ch", "a".repeat(length - 5)));
        samples.push(format!("https://{}", "a".repeat(length - 8)));
    }
    samples
}

fn agree<T: JsonSchema>(
    name: &str,
    writes: impl Fn(&str) -> Option<String>,
    to_json: fn(&str) -> Value,
) {
    let validator = validator::<T>();
    let disagreements: Vec<String> = samples()
        .into_iter()
        .filter(|sample| {
            let written = writes(sample).is_some_and(|text| text == *sample);
            written != validator.is_valid(&to_json(sample))
        })
        .map(|sample| format!("{sample:?}"))
        .collect();
    assert!(
        disagreements.is_empty(),
        "the schema of {name} and its parser disagree on {disagreements:?}"
    );
}

fn string(sample: &str) -> Value {
    json!(sample)
}

#[test]
fn text_schemas_admit_exactly_what_the_types_write() {
    agree::<Title>("Title", |s| Some(Title::parse(s).ok()?.to_string()), string);
    agree::<PersonName>(
        "PersonName",
        |s| Some(PersonName::parse(s).ok()?.to_string()),
        string,
    );
    agree::<Institution>(
        "Institution",
        |s| Some(Institution::parse(s).ok()?.to_string()),
        string,
    );
    agree::<Link>("Link", |s| Some(Link::parse(s).ok()?.to_string()), string);
    agree::<Email>("Email", |s| Some(Email::parse(s).ok()?.to_string()), string);
    agree::<FreeText>(
        "FreeText",
        |s| Some(FreeText::parse(s).ok()?.as_str().to_owned()),
        string,
    );
    agree::<LocalizedName>(
        "LocalizedName",
        |s| {
            let name = LocalizedName::parse([(Language::Fr, s.to_owned())]).ok()?;
            Some(name.get(Language::Fr)?.to_owned())
        },
        |sample| json!({ "fr": sample }),
    );
}
