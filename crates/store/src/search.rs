//! Full-text search over documents: the text a document is found by, and
//! the words taken from what a user typed.
//!
//! User input never reaches a query language as written: only its words
//! (runs of letters and digits) do, quoted by each backend, so no input can
//! make a search fail.

use serde::{Deserialize, Serialize};

/// The language a search text is written in. It chooses how words are
/// reduced to their stems on PostgreSQL (SQLite has no stemmer and matches
/// prefixes instead).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SearchLanguage {
    De,
    Fr,
    It,
    /// No stemming, no stop words: names, codes, mixed or unknown language.
    Simple,
}

impl SearchLanguage {
    /// Every language, in a fixed order.
    pub const ALL: [Self; 4] = [Self::De, Self::Fr, Self::It, Self::Simple];

    /// The lowercase code (`"de"`, `"fr"`, `"it"`, `"simple"`), as stored.
    pub fn code(self) -> &'static str {
        match self {
            Self::De => "de",
            Self::Fr => "fr",
            Self::It => "it",
            Self::Simple => "simple",
        }
    }

    /// The language of a code written by [`SearchLanguage::code`].
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|language| language.code() == code)
    }
}

/// The text a document is found by, and its language.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct SearchText {
    pub language: SearchLanguage,
    pub text: String,
}

impl SearchText {
    pub fn new(language: SearchLanguage, text: impl Into<String>) -> Self {
        Self {
            language,
            text: text.into(),
        }
    }
}

/// Most words of a text query that are searched for; the rest are ignored.
const MAX_QUERY_WORDS: usize = 16;

/// Most words of a text that similar documents are looked up by.
const MAX_SIMILAR_WORDS: usize = 32;

/// Shortest word (in characters) that counts for similarity.
const MIN_SIMILAR_WORD: usize = 3;

/// Longest word kept (in characters): longer runs are cut, and the cut word
/// still matches as a prefix.
const MAX_WORD: usize = 64;

/// The distinct words of a user's query, lowercased, in the order typed (at
/// most [`MAX_QUERY_WORDS`]). Empty when the input has no letter or digit.
pub(crate) fn query_words(text: &str) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    for word in split(text) {
        if words.len() == MAX_QUERY_WORDS {
            break;
        }
        if !words.contains(&word) {
            words.push(word);
        }
    }
    words
}

/// The words a text is compared by for similarity: distinct, at least
/// [`MIN_SIMILAR_WORD`] characters, the [`MAX_SIMILAR_WORDS`] longest (long
/// words carry the meaning; short ones are mostly stop words).
pub(crate) fn similar_words(text: &str) -> Vec<String> {
    let mut words: Vec<String> = split(text)
        .filter(|word| word.chars().count() >= MIN_SIMILAR_WORD)
        .collect();
    words.sort_by(|a, b| {
        b.chars()
            .count()
            .cmp(&a.chars().count())
            .then_with(|| a.cmp(b))
    });
    words.dedup();
    words.truncate(MAX_SIMILAR_WORDS);
    words
}

fn split(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(|word| {
            word.chars()
                .take(MAX_WORD)
                .collect::<String>()
                .to_lowercase()
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_words_are_the_letter_and_digit_runs() {
        assert_eq!(
            query_words("Schulhaus, «Zürich»-Nord 2024; schulhaus"),
            vec!["schulhaus", "zürich", "nord", "2024"]
        );
        assert!(query_words("'&|!*:(").is_empty());
        assert!(query_words("").is_empty());
        assert_eq!(query_words(&"a ".repeat(100)), vec!["a"]);
        let many: String = (0..40).map(|n| format!("w{n} ")).collect();
        assert_eq!(query_words(&many).len(), MAX_QUERY_WORDS);
    }

    #[test]
    fn similar_words_prefer_long_distinct_words() {
        assert_eq!(
            similar_words("Die Schule in der Stadt, die Schule!"),
            vec!["schule", "stadt", "der", "die"]
        );
        let many: String = (0..100).map(|n| format!("word{n:03} ")).collect();
        assert_eq!(similar_words(&many).len(), MAX_SIMILAR_WORDS);
        assert!(similar_words("a b c de").is_empty());
    }

    #[test]
    fn languages_round_trip_through_their_codes() {
        for language in SearchLanguage::ALL {
            assert_eq!(SearchLanguage::from_code(language.code()), Some(language));
            assert_eq!(
                serde_json::to_value(language).unwrap(),
                serde_json::Value::from(language.code())
            );
        }
        assert_eq!(SearchLanguage::from_code("en"), None);
    }
}
