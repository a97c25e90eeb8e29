//! The step a decision takes on its subject, as a form chooses it: the
//! minutes of an item and a circular resolution offer the same effects
//! (the app carries them out with the subject's own rules).

use iiz_domain::concern::{EkgOutcome, StgOutcome};
use iiz_domain::decision::DecisionEffect;
use iiz_domain::text::FreeText;

use super::words::{self, tkey};
use crate::web::forms::FormErrors;
use crate::web::i18n::Tr;

/// The effect fields of a form, as typed.
#[derive(Debug, Clone, Default)]
pub(in crate::web) struct EffectForm {
    /// `""` (none), `examine`, `decide`, `adopt`, `refer_to_ekg`, `assess`.
    pub effect: String,
    /// For `examine`: `handle_in_ekg`, `give_to_working_group`,
    /// `propose_to_stg`, `close_with_answer`.
    pub ekg_outcome: String,
    /// For `decide`, and for `examine` with `propose_to_stg`.
    pub stg_outcome: String,
    pub working_group: String,
    pub answer: String,
    pub question: String,
}

/// The effects a form offers.
pub(in crate::web) fn effect_options(tr: Tr) -> Vec<(String, String)> {
    [
        ("", tkey("meetings-effect-none")),
        ("examine", tkey("meetings-effect-kind-examine")),
        ("decide", tkey("meetings-effect-kind-decide")),
        ("adopt", tkey("meetings-effect-adopt")),
        ("refer_to_ekg", tkey("meetings-effect-refer-to-ekg")),
        ("assess", tkey("meetings-effect-assess")),
    ]
    .into_iter()
    .map(|(value, key)| (value.to_owned(), tr.t(key)))
    .collect()
}

pub(in crate::web) fn ekg_options(tr: Tr) -> Vec<(String, String)> {
    [
        ("", tkey("meetings-choose")),
        ("handle_in_ekg", tkey("meetings-ekg-handle")),
        ("give_to_working_group", tkey("meetings-ekg-working-group")),
        ("propose_to_stg", tkey("meetings-ekg-propose")),
        ("close_with_answer", tkey("meetings-ekg-close")),
    ]
    .into_iter()
    .map(|(value, key)| (value.to_owned(), tr.t(key)))
    .collect()
}

const STG_OUTCOMES: [(&str, StgOutcome); 5] = [
    ("recommendation", StgOutcome::Recommendation),
    ("project", StgOutcome::Project),
    ("working_group", StgOutcome::WorkingGroup),
    ("new_action_field", StgOutcome::NewActionField),
    ("declined", StgOutcome::Declined),
];

pub(in crate::web) fn stg_options(tr: Tr) -> Vec<(String, String)> {
    let mut options = vec![(String::new(), tr.t("meetings-choose"))];
    options.extend(
        STG_OUTCOMES
            .iter()
            .map(|(value, outcome)| ((*value).to_owned(), tr.t(words::stg_outcome(*outcome)))),
    );
    options
}

fn stg(value: &str) -> Option<StgOutcome> {
    STG_OUTCOMES
        .iter()
        .find(|(name, _)| *name == value)
        .map(|(_, outcome)| *outcome)
}

/// A free text of the form, its error at `field`.
pub(in crate::web) fn free_text(
    tr: Tr,
    field: &str,
    text: &str,
    errors: &mut FormErrors,
) -> FreeText {
    match FreeText::parse(text) {
        Ok(text) => text,
        Err(_) => {
            errors.add(field, tr.t("meetings-error-too-long"));
            FreeText::default()
        }
    }
}

/// A required free text: empty is an error at `field`.
pub(in crate::web) fn required_text(
    tr: Tr,
    field: &str,
    text: &str,
    errors: &mut FormErrors,
) -> FreeText {
    let parsed = free_text(tr, field, text, errors);
    if text.trim().is_empty() {
        errors.add(field, tr.t("meetings-error-required"));
    }
    parsed
}

/// The effect the form chose (none when `effect` is empty); what is
/// missing or unknown is an error at its field.
pub(in crate::web) fn parse(
    tr: Tr,
    form: &EffectForm,
    errors: &mut FormErrors,
) -> Option<DecisionEffect> {
    let choose = tr.t("meetings-error-choose");
    let stg_outcome = |errors: &mut FormErrors| {
        let outcome = stg(&form.stg_outcome);
        if outcome.is_none() {
            errors.add("stg_outcome", choose.clone());
        }
        outcome
    };
    match form.effect.as_str() {
        "" => None,
        "adopt" => Some(DecisionEffect::Adopt),
        "assess" => Some(DecisionEffect::Assess),
        "refer_to_ekg" => Some(DecisionEffect::ReferToEkg {
            question: required_text(tr, "question", &form.question, errors),
        }),
        "decide" => stg_outcome(errors).map(|outcome| DecisionEffect::Decide {
            outcome,
            follow_up: None,
        }),
        "examine" => {
            let outcome = match form.ekg_outcome.as_str() {
                "handle_in_ekg" => Some(EkgOutcome::HandleInEkg),
                "give_to_working_group" => Some(EkgOutcome::GiveToWorkingGroup {
                    working_group: required_text(tr, "working_group", &form.working_group, errors),
                    mandate: None,
                }),
                "propose_to_stg" => {
                    stg_outcome(errors).map(|proposal| EkgOutcome::ProposeToStg { proposal })
                }
                "close_with_answer" => Some(EkgOutcome::CloseWithAnswer {
                    answer: required_text(tr, "answer", &form.answer, errors),
                }),
                _ => {
                    errors.add("ekg_outcome", choose.clone());
                    None
                }
            };
            outcome.map(|outcome| DecisionEffect::Examine { outcome })
        }
        _ => {
            errors.add("effect", choose);
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use iiz_domain::Language;

    use super::*;

    fn parsed(form: EffectForm) -> (Option<DecisionEffect>, FormErrors) {
        let mut errors = FormErrors::none();
        let effect = parse(Tr::new(Language::De), &form, &mut errors);
        (effect, errors)
    }

    #[test]
    fn an_ekg_proposal_to_the_stg_names_the_outcome() {
        let (effect, errors) = parsed(EffectForm {
            effect: "examine".to_owned(),
            ekg_outcome: "propose_to_stg".to_owned(),
            stg_outcome: "recommendation".to_owned(),
            ..EffectForm::default()
        });
        assert!(errors.is_empty());
        assert_eq!(
            effect,
            Some(DecisionEffect::Examine {
                outcome: EkgOutcome::ProposeToStg {
                    proposal: StgOutcome::Recommendation
                }
            })
        );
    }

    #[test]
    fn what_an_effect_misses_is_an_error_at_its_field() {
        let (_, errors) = parsed(EffectForm {
            effect: "examine".to_owned(),
            ekg_outcome: "give_to_working_group".to_owned(),
            ..EffectForm::default()
        });
        assert!(errors.failed("working_group"));
        let (_, errors) = parsed(EffectForm {
            effect: "decide".to_owned(),
            ..EffectForm::default()
        });
        assert!(errors.failed("stg_outcome"));
        let (effect, errors) = parsed(EffectForm::default());
        assert!(effect.is_none() && errors.is_empty());
    }
}
