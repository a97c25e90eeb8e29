//! No page text may be missing in any language: every key used in the
//! templates and handlers exists in de, fr and it, and every language has
//! the same keys.

use std::collections::BTreeSet;
use std::path::Path;

use fluent_bundle::FluentResource;
use fluent_syntax::ast::Entry;

use super::*;

fn keys_of(source: &str) -> BTreeSet<String> {
    let resource = match FluentResource::try_new(source.to_owned()) {
        Ok(resource) => resource,
        Err((_, errors)) => panic!("does not parse: {errors:?}"),
    };
    resource
        .entries()
        .filter_map(|entry| match entry {
            Entry::Message(message) => Some(message.id.name.to_owned()),
            _ => None,
        })
        .collect()
}

fn defined(language: usize) -> BTreeSet<String> {
    SOURCES
        .iter()
        .flat_map(|(_, sources)| keys_of(sources[language]))
        .collect()
}

/// Keys the code asks for: `t("key")`, `t1("key"`, `args("key"` and
/// `key: "…"`-style constants named `*_KEY`… kept simple: every string
/// literal passed to one of the translating methods.
fn used() -> BTreeSet<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut keys = BTreeSet::new();
    let mut files = Vec::new();
    collect(&root.join("templates"), &mut files);
    collect(&root.join("src/web"), &mut files);
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap_or_default();
        for call in ["t(\"", "t1(\"", "args(\"", "tkey(\""] {
            for (index, _) in text.match_indices(call) {
                let rest = &text[index + call.len()..];
                let preceded = text[..index].chars().last();
                // `.t("` or ` t("` but not `format!("…t("`: the method call
                // or the template helper.
                if !matches!(preceded, Some('.' | ' ' | '(' | '{')) {
                    continue;
                }
                if let Some(end) = rest.find('"') {
                    let key = &rest[..end];
                    if !key.is_empty() && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
                    {
                        keys.insert(key.to_owned());
                    }
                }
            }
        }
    }
    keys
}

fn collect(dir: &Path, files: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, files);
        } else if path
            .extension()
            .is_some_and(|ext| ext == "html" || ext == "rs")
            && !path.to_string_lossy().ends_with("_tests.rs")
        {
            files.push(path);
        }
    }
}

#[test]
fn every_language_has_the_same_keys() {
    let german = defined(0);
    for (language, tag) in [(1, "fr"), (2, "it")] {
        let other = defined(language);
        let missing: Vec<_> = german.difference(&other).collect();
        let extra: Vec<_> = other.difference(&german).collect();
        assert!(missing.is_empty(), "missing in {tag}: {missing:?}");
        assert!(extra.is_empty(), "only in {tag}, not in de: {extra:?}");
    }
}

#[test]
fn every_key_the_pages_use_exists() {
    let german = defined(0);
    let used = used();
    assert!(used.len() > 20, "the scan finds the keys: {used:?}");
    let missing: Vec<_> = used.difference(&german).collect();
    assert!(missing.is_empty(), "used but not defined: {missing:?}");
}

#[test]
fn every_file_parses_without_overlap() {
    for language in 0..3 {
        let mut seen = BTreeSet::new();
        for (area, sources) in SOURCES {
            for key in keys_of(sources[language]) {
                assert!(
                    seen.insert(key.clone()),
                    "{key} twice ({area}, {})",
                    TAGS[language]
                );
            }
        }
    }
}

#[test]
fn texts_format_in_each_language() {
    assert_eq!(Tr::new(Language::De).t("nav-home"), "Übersicht");
    assert_eq!(Tr::new(Language::Fr).t("nav-home"), "Aperçu");
    assert_eq!(Tr::new(Language::It).t("nav-home"), "Panoramica");
    assert_eq!(Tr::new(Language::Rm).lang(), "de");
    assert_eq!(Tr::new(Language::De).t("no-such-key"), "no-such-key");
}
