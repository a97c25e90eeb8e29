//! The forms of the steps on a concern's page: exactly the steps
//! `concern_actions` allows the person, what was typed into one of them
//! when it was refused, and its errors.

use std::collections::BTreeMap;

use iiz_domain::concern::ConcernAction;
use iiz_projections::ConcernView;

use super::labels::{
    RETURN_REASONS, STG_OUTCOMES, return_reason_key, step_outcome_key, step_outcome_value,
    stg_outcome_key,
};
use crate::web::forms::FormErrors;
use crate::web::i18n::Tr;

/// What was posted by a step's form, by field name.
#[derive(Debug, Clone, Default)]
pub struct Typed(BTreeMap<String, String>);

impl Typed {
    pub fn of(mut fields: BTreeMap<String, String>) -> Self {
        fields.remove("_csrf");
        Self(fields)
    }

    /// The value of `name` as typed, or empty.
    pub fn get(&self, name: &str) -> &str {
        self.0.get(name).map_or("", String::as_str)
    }

    /// The value of field `suffix` of the form `prefix` (`examine_item`).
    pub fn of_form(&self, prefix: &str, suffix: &str) -> &str {
        self.get(&format!("{prefix}_{suffix}"))
    }

    /// Whether a select's option is the one typed.
    pub fn chose(&self, name: &str, option: &str) -> bool {
        self.get(name) == option
    }
}

/// The form of the route step the concern waits at.
#[derive(Debug, Clone)]
pub struct StepForm {
    pub index: usize,
    pub label: String,
    pub outcomes: Vec<(String, String)>,
}

/// The step forms of a concern's page.
#[derive(Debug, Clone, Default)]
pub struct ActionForms {
    pub edit: bool,
    pub start_route: bool,
    pub record_step: Option<StepForm>,
    pub resolve: bool,
    pub withdraw: bool,
    pub endorse: bool,
    pub submit: bool,
    pub triage: bool,
    pub merge: bool,
    pub bring_to_stg: bool,
    pub answer: bool,
    pub examine: bool,
    pub decide: bool,
    pub refer: bool,
    pub assess: bool,
    pub return_reasons: Vec<(String, String)>,
    pub stg_outcomes: Vec<(String, String)>,
    pub ekg_outcomes: Vec<(String, String)>,
    /// The form that was refused (its name), with what was typed.
    pub failed: String,
    pub typed: Typed,
}

impl ActionForms {
    pub fn new(tr: Tr, view: &ConcernView, allowed: &[ConcernAction]) -> Self {
        let may = |action| allowed.contains(&action);
        let record_step = may(ConcernAction::RecordStep)
            .then(|| {
                let index = view.current_step?;
                let step = view.route.step(index)?;
                Some(StepForm {
                    index,
                    label: step.label.as_str().to_owned(),
                    outcomes: step
                        .kind
                        .outcomes()
                        .iter()
                        .map(|outcome| {
                            (
                                step_outcome_value(*outcome).to_owned(),
                                tr.t(step_outcome_key(*outcome)),
                            )
                        })
                        .collect(),
                })
            })
            .flatten();
        Self {
            edit: may(ConcernAction::Edit),
            start_route: may(ConcernAction::StartRoute),
            record_step,
            resolve: may(ConcernAction::ResolveLocally),
            withdraw: may(ConcernAction::Withdraw),
            endorse: may(ConcernAction::Endorse),
            submit: may(ConcernAction::Submit),
            triage: may(ConcernAction::Triage),
            merge: may(ConcernAction::Merge),
            bring_to_stg: may(ConcernAction::BringToStg),
            answer: may(ConcernAction::Answer),
            examine: may(ConcernAction::Examine),
            decide: may(ConcernAction::Decide),
            refer: may(ConcernAction::ReferToEkg),
            assess: may(ConcernAction::Assess),
            return_reasons: RETURN_REASONS
                .iter()
                .map(|(reason, value)| ((*value).to_owned(), tr.t(return_reason_key(*reason))))
                .collect(),
            stg_outcomes: STG_OUTCOMES
                .iter()
                .map(|(outcome, value)| ((*value).to_owned(), tr.t(stg_outcome_key(*outcome))))
                .collect(),
            ekg_outcomes: [
                ("handle_in_ekg", tr.t("concerns-outcome-handle-in-ekg")),
                (
                    "give_to_working_group",
                    tr.t("concerns-outcome-give-to-working-group"),
                ),
                ("propose_to_stg", tr.t("concerns-outcome-propose-to-stg")),
                (
                    "close_with_answer",
                    tr.t("concerns-outcome-close-with-answer"),
                ),
            ]
            .into_iter()
            .map(|(value, label)| (value.to_owned(), label))
            .collect(),
            failed: String::new(),
            typed: Typed::default(),
        }
    }

    /// Whether any step is open to the person.
    pub fn any(&self) -> bool {
        self.edit
            || self.start_route
            || self.record_step.is_some()
            || self.resolve
            || self.withdraw
            || self.endorse
            || self.submit
            || self.triage
            || self.merge
            || self.bring_to_stg
            || self.answer
            || self.examine
            || self.decide
            || self.refer
            || self.assess
    }

    /// Whether `form` is the one refused (its errors show above it).
    pub fn refused(&self, form: &str) -> bool {
        self.failed == form
    }
}

/// A refused step: which form, what was typed, the errors.
#[derive(Debug, Clone, Default)]
pub struct Failed {
    pub form: &'static str,
    pub typed: Typed,
    pub errors: FormErrors,
}
