//! Every string of the pages in German, French and Italian: Fluent files
//! per language and page area (`locales/<lang>/<area>.ftl`), embedded in
//! the binary. Romansh speakers read German, as in the rest of the
//! platform. A missing key shows the key and is logged; the tests make
//! sure none is missing.

use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use iiz_domain::Language;
use unic_langid::LanguageIdentifier;

/// Declares the page areas' translation files once for every language.
macro_rules! areas {
    ($($area:literal),* $(,)?) => {
        /// `(area, [de, fr, it])` sources.
        pub(crate) const SOURCES: &[(&str, [&str; 3])] = &[$(
            ($area, [
                include_str!(concat!("../../locales/de/", $area, ".ftl")),
                include_str!(concat!("../../locales/fr/", $area, ".ftl")),
                include_str!(concat!("../../locales/it/", $area, ".ftl")),
            ]),
        )*];
    };
}

areas!(
    "web",
    "concerns",
    "recommendations",
    "meetings",
    "admin",
    "charts",
    "privacy",
    "account",
    "panorama",
    "panorama_report"
);

const TAGS: [&str; 3] = ["de-CH", "fr-CH", "it-CH"];

type Bundle = FluentBundle<FluentResource>;

fn bundles() -> &'static [Bundle; 3] {
    static BUNDLES: OnceLock<[Bundle; 3]> = OnceLock::new();
    BUNDLES.get_or_init(|| [0, 1, 2].map(bundle))
}

fn bundle(index: usize) -> Bundle {
    let language: LanguageIdentifier = TAGS[index].parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![language]);
    // Isolation marks would end up inside attributes and titles.
    bundle.set_use_isolating(false);
    for (area, sources) in SOURCES {
        match FluentResource::try_new(sources[index].to_owned()) {
            Ok(resource) => {
                if let Err(errors) = bundle.add_resource(resource) {
                    tracing::error!(area, tag = TAGS[index], ?errors, "page texts overlap");
                }
            }
            Err((_, errors)) => {
                tracing::error!(area, tag = TAGS[index], ?errors, "page texts do not parse");
            }
        }
    }
    bundle
}

/// The languages the pages offer, in the order of the language switcher.
pub const OFFERED: [Language; 3] = [Language::De, Language::Fr, Language::It];

/// Translates the pages' texts into one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tr {
    pub language: Language,
}

impl Tr {
    pub fn new(language: Language) -> Self {
        Self { language }
    }

    fn index(self) -> usize {
        match self.language {
            Language::De | Language::Rm => 0,
            Language::Fr => 1,
            Language::It => 2,
        }
    }

    /// The `lang` attribute of the page.
    pub fn lang(&self) -> &'static str {
        ["de", "fr", "it"][self.index()]
    }

    /// The text of `key`.
    pub fn t(&self, key: &str) -> String {
        self.format(key, None)
    }

    /// The text of `key` with one argument (a count, a name, a date).
    pub fn t1<'a>(&self, key: &str, name: &str, value: impl Into<FluentValue<'a>>) -> String {
        let mut args = FluentArgs::new();
        args.set(name.to_owned(), value.into());
        self.format(key, Some(&args))
    }

    /// The text of `key` with several arguments.
    pub fn args(&self, key: &str, values: &[(&str, String)]) -> String {
        let mut args = FluentArgs::new();
        for (name, value) in values {
            args.set((*name).to_owned(), FluentValue::from(value.clone()));
        }
        self.format(key, Some(&args))
    }

    /// Whether a text exists for `key` (for optional per-value texts).
    pub fn has(&self, key: &str) -> bool {
        bundles()[self.index()].has_message(key)
    }

    fn format(&self, key: &str, args: Option<&FluentArgs<'_>>) -> String {
        let bundle = &bundles()[self.index()];
        let Some(pattern) = bundle.get_message(key).and_then(|message| message.value()) else {
            tracing::error!(key, lang = self.lang(), "page text missing");
            return key.to_owned();
        };
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, args, &mut errors);
        if !errors.is_empty() {
            tracing::error!(key, lang = self.lang(), ?errors, "page text did not format");
        }
        text.into_owned()
    }
}

#[cfg(test)]
#[path = "i18n_tests.rs"]
mod tests;
