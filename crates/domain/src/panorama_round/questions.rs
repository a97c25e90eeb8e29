//! The questions a round asks, as data. The default is the 2020 survey's
//! set (Kurzbefragung der kantonalen IIZ-Koordinator*innen, March 2020),
//! one question per section of the annex, in German and French as the
//! survey asked them.

use std::collections::BTreeSet;
use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::error::RoundError;
use crate::ids::Language;
use crate::text::LocalizedName;

/// A question's stable key (`case_count`), so answers and exports compare
/// across rounds even when the wording changes.
#[derive(
    Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(try_from = "String", into = "String")]
pub struct QuestionKey(String);

impl QuestionKey {
    pub const MAX_CHARS: usize = 40;

    /// Lowercase ASCII letters, digits and underscores, starting with a letter.
    pub fn parse(input: &str) -> Result<Self, RoundError> {
        let key = input.trim();
        let valid = key.len() <= Self::MAX_CHARS
            && key.starts_with(|c: char| c.is_ascii_lowercase())
            && key
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
        if valid {
            Ok(Self(key.to_owned()))
        } else {
            Err(RoundError::InvalidQuestionKey(input.to_owned()))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for QuestionKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for QuestionKey {
    type Error = RoundError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<QuestionKey> for String {
    fn from(value: QuestionKey) -> Self {
        value.0
    }
}

/// Which part of the canton's data a question is answered in.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum QuestionTopic {
    Structure,
    Practice,
    Challenges,
    Figures,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Question {
    pub key: QuestionKey,
    pub topic: QuestionTopic,
    pub prompt: LocalizedName,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct QuestionSet {
    pub questions: Vec<Question>,
}

/// The 2020 survey: key, topic, German and French prompt.
const SURVEY_2020: [(&str, QuestionTopic, &str, &str); 7] = [
    (
        "strategic_organisation",
        QuestionTopic::Structure,
        "Strategische Organisation: Welche Gremien steuern die IIZ, wer ist darin vertreten?",
        "Organisation stratégique : quels organes pilotent la CII, qui y est représenté ?",
    ),
    (
        "operational_organisation",
        QuestionTopic::Structure,
        "Operative Organisation: Gibt es eine Geschäfts-, Fach- oder Koordinationsstelle, wo ist sie angesiedelt?",
        "Organisation opérationnelle : existe-t-il un secrétariat ou un bureau CII, où est-il rattaché ?",
    ),
    (
        "documented_process",
        QuestionTopic::Practice,
        "Gibt es einen dokumentierten IIZ-Prozess? In welcher Form?",
        "Existe-t-il un processus CII documenté ? Sous quelle forme ?",
    ),
    (
        "legal_basis",
        QuestionTopic::Practice,
        "Auf welchen rechtlichen Grundlagen beruht die IIZ im Kanton?",
        "Sur quelles bases légales repose la CII dans le canton ?",
    ),
    (
        "case_count",
        QuestionTopic::Figures,
        "Wie viele IIZ-Fälle gibt es pro Jahr?",
        "Combien de cas CII y a-t-il par année ?",
    ),
    (
        "case_definition",
        QuestionTopic::Practice,
        "Ab wann gilt ein Fall als IIZ-Fall (Kriterien)?",
        "À partir de quand un cas est-il un cas CII (critères) ?",
    ),
    (
        "challenges",
        QuestionTopic::Challenges,
        "Welches sind die aktuellen Herausforderungen der IIZ im Kanton?",
        "Quels sont les défis actuels de la CII dans le canton ?",
    ),
];

impl QuestionSet {
    pub const MAX_QUESTIONS: usize = 40;

    /// The 2020 survey's questions, the default for a new round.
    pub fn survey_2020() -> Self {
        let questions = SURVEY_2020
            .iter()
            .filter_map(|(key, topic, de, fr)| {
                Some(Question {
                    key: QuestionKey::parse(key).ok()?,
                    topic: *topic,
                    prompt: LocalizedName::parse([
                        (Language::De, (*de).to_owned()),
                        (Language::Fr, (*fr).to_owned()),
                    ])
                    .ok()?,
                })
            })
            .collect();
        Self { questions }
    }

    pub fn check(&self) -> Result<(), RoundError> {
        if self.questions.is_empty() {
            return Err(RoundError::NoQuestions);
        }
        if self.questions.len() > Self::MAX_QUESTIONS {
            return Err(RoundError::TooManyQuestions {
                max: Self::MAX_QUESTIONS,
            });
        }
        let mut keys = BTreeSet::new();
        for question in &self.questions {
            if !keys.insert(&question.key) {
                return Err(RoundError::QuestionTwice(question.key.clone()));
            }
        }
        Ok(())
    }
}

impl Default for QuestionSet {
    fn default() -> Self {
        Self::survey_2020()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_2020_survey_is_the_default_and_every_question_is_bilingual() {
        let set = QuestionSet::default();
        assert_eq!(set.questions.len(), SURVEY_2020.len());
        assert_eq!(set.check(), Ok(()));
        for question in &set.questions {
            assert!(question.prompt.get(Language::De).is_some());
            assert!(question.prompt.get(Language::Fr).is_some());
        }
    }

    #[test]
    fn keys_are_slugs() {
        assert!(QuestionKey::parse("case_count").is_ok());
        for bad in ["", "Case", "1st", "case-count", &"x".repeat(41)] {
            assert!(QuestionKey::parse(bad).is_err(), "{bad}");
        }
    }
}
