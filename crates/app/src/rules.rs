//! The rules of the national concept in the words people read: German,
//! French and Italian Fluent texts (`locales/<lang>/rules.ftl`), embedded
//! in the binary. A refusal that applies a [`ConceptRule`] is shown with
//! its rule in the caller's language; the English message stays for logs
//! and as the refusal's detail. Romansh speakers read German.

use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use iiz_domain::{ConceptRule, Language};
use unic_langid::LanguageIdentifier;

const SOURCES: [(&str, &str); 3] = [
    ("de-CH", include_str!("../locales/de/rules.ftl")),
    ("fr-CH", include_str!("../locales/fr/rules.ftl")),
    ("it-CH", include_str!("../locales/it/rules.ftl")),
];

type Bundle = FluentBundle<FluentResource>;

fn bundles() -> &'static [Option<Bundle>; 3] {
    static BUNDLES: OnceLock<[Option<Bundle>; 3]> = OnceLock::new();
    BUNDLES.get_or_init(|| SOURCES.map(|(tag, source)| bundle(tag, source)))
}

fn bundle(tag: &str, source: &str) -> Option<Bundle> {
    let language: LanguageIdentifier = tag.parse().ok()?;
    let resource = match FluentResource::try_new(source.to_owned()) {
        Ok(resource) => resource,
        Err((_, errors)) => {
            tracing::error!(tag, ?errors, "rule texts do not parse");
            return None;
        }
    };
    let mut bundle = FluentBundle::new_concurrent(vec![language]);
    bundle.set_use_isolating(false);
    bundle.add_resource(resource).ok()?;
    Some(bundle)
}

fn index(language: Language) -> usize {
    match language {
        Language::De | Language::Rm => 0,
        Language::Fr => 1,
        Language::It => 2,
    }
}

fn format(bundle: &Bundle, id: &str, args: Option<&FluentArgs<'_>>) -> Option<String> {
    let pattern = bundle.get_message(id)?.value()?;
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, args, &mut errors);
    errors.is_empty().then(|| text.into_owned())
}

/// The rule as people read it in `language`, with its source.
pub fn rule_text(rule: ConceptRule, language: Language) -> String {
    let fallback = || format!("{} ({})", rule.id(), rule.source());
    let Some(bundle) = &bundles()[index(language)] else {
        return fallback();
    };
    let source = if rule.source() == "body rules" {
        format(bundle, "source-body-rules", None).unwrap_or_else(|| rule.source().to_owned())
    } else {
        // "IIZ 3.0" is the concept's name in every language the
        // Confederation publishes it in ("CII 3.0" in French and Italian).
        match language {
            Language::Fr | Language::It => rule.source().replace("IIZ", "CII"),
            Language::De | Language::Rm => rule.source().to_owned(),
        }
    };
    let mut args = FluentArgs::new();
    args.set("source", source);
    format(bundle, &format!("rule-{}", rule.id()), Some(&args)).unwrap_or_else(fallback)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_has_its_text_in_every_language() {
        for (index, (tag, _)) in SOURCES.iter().enumerate() {
            let bundle = bundles()[index].as_ref().unwrap();
            for rule in ConceptRule::ALL {
                let id = format!("rule-{}", rule.id());
                assert!(bundle.has_message(&id), "{tag} lacks {id}");
            }
            assert!(bundle.has_message("source-body-rules"), "{tag}");
        }
    }

    #[test]
    fn the_text_names_the_section_of_the_concept() {
        let german = rule_text(ConceptRule::StgChairRotation, Language::De);
        assert!(german.contains("alle zwei Jahre"), "{german}");
        assert!(german.ends_with("(IIZ 3.0, 2.1)."), "{german}");
        let french = rule_text(ConceptRule::StgChairRotation, Language::Fr);
        assert!(french.contains("(CII 3.0, 2.1)"), "{french}");
        let italian = rule_text(ConceptRule::CircularResolutionRules, Language::It);
        assert!(italian.contains("regole dell'organo"), "{italian}");
        assert_eq!(
            rule_text(ConceptRule::NetworksByCantons, Language::Rm),
            rule_text(ConceptRule::NetworksByCantons, Language::De)
        );
    }
}
