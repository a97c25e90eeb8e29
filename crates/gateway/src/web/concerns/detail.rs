//! `GET /concerns/{id}`: a concern's facts and content, its way as steps,
//! its full timeline (who, when, what, why), its trace across the bodies'
//! decisions and recommendations, the official answer, and the forms of
//! the steps the person may take.

use std::collections::BTreeMap;

use askama::Template;
use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::Response;
use iiz_domain::ConcernId;
use iiz_domain::concern::ConcernStage;
use iiz_projections::ConcernView;

use super::basis_choices::{DecisionChoices, decision_choices};
use super::detail_forms::{ActionForms, Failed};
use super::facts::{Fact, facts};
use super::labels::{
    REGULAR_WAY, StageBadge, position, recorded_outcome, stage_badge, stage_key, timeline_kind,
};
use super::trace::{Trace, trace};
use super::{Choice, concern_id, concern_path};
use crate::web::errors::WebError;
use crate::web::format;
use crate::web::forms::FormErrors;
use crate::web::i18n::Tr;
use crate::web::page::{Chrome, render};
use crate::web::visitor::Visitor;

/// One step of a way: done, current or still ahead.
#[derive(Debug, Clone)]
pub struct WayStep {
    pub label: String,
    pub done: bool,
    pub current: bool,
}

/// One step of the timeline: who, when, what, why.
#[derive(Debug, Clone)]
pub struct TimelineItem {
    /// Who acted and when.
    pub byline: String,
    pub what: String,
    pub outcome: Option<String>,
    pub subject: Option<String>,
    /// The concern the step names (merged into, absorbed).
    pub subject_href: Option<String>,
    pub detail: Option<String>,
    pub text: Option<String>,
    pub basis: Option<(String, String)>,
}

/// The official answer.
#[derive(Debug, Clone)]
pub struct AnswerItem {
    pub text: String,
    /// Who answered, when, and to whom.
    pub byline: String,
}

#[derive(Template)]
#[template(path = "concerns/detail.html")]
pub struct ConcernPage {
    pub chrome: Chrome,
    pub id: String,
    pub path: String,
    pub stage: StageBadge,
    pub facts: Vec<Fact>,
    pub description: String,
    pub why_not_cantonal: String,
    pub attachments: Vec<(String, String)>,
    pub route: Vec<WayStep>,
    pub way: Vec<WayStep>,
    pub timeline: Vec<TimelineItem>,
    pub trace: Trace,
    pub answer: Option<AnswerItem>,
    pub forms: ActionForms,
    /// The decisions the body steps' forms offer.
    pub decisions: DecisionChoices,
    pub errors: FormErrors,
    /// Where a step's form sends the person after it succeeded.
    pub back: String,
}

impl ConcernPage {
    /// The error of the basis fields of the form `prefix`.
    pub fn basis_error(&self, prefix: &str) -> Option<&str> {
        self.errors.at(&format!("{prefix}_basis"))
    }

    /// The decisions the form `prefix` may rest on, the typed one chosen:
    /// the EKG's for its examination and assessment, else the STG's.
    pub fn decision_options(&self, prefix: &str) -> Vec<Choice> {
        let options = match prefix {
            "examine" | "assess" => &self.decisions.ekg,
            _ => &self.decisions.stg,
        };
        let chosen = self.forms.typed.of_form(prefix, "decision");
        options
            .iter()
            .map(|option| Choice {
                selected: option.value == chosen,
                ..option.clone()
            })
            .collect()
    }
}

/// `GET /concerns/{id}`.
pub async fn page(visitor: Visitor, Path(id): Path<String>) -> Result<Response, WebError> {
    visitor.signed_in()?;
    let id = concern_id(&visitor, &id)?;
    render_page(&visitor, id, Failed::default(), StatusCode::OK).await
}

/// The page of concern `id`, with a refused step's form as it was typed.
pub async fn render_page(
    visitor: &Visitor,
    id: ConcernId,
    failed: Failed,
    status: StatusCode,
) -> Result<Response, WebError> {
    let tr = visitor.tr;
    let caller = visitor.caller();
    let fail = |error| visitor.fail(error);
    let view = caller.concern(id).await.map_err(fail)?;
    let allowed = caller.concern_actions(&view).await.map_err(fail)?;
    let mut names = caller.actor_names(&view).await.map_err(fail)?;
    for name in names.values_mut() {
        *name = format::person_name(tr, std::mem::take(name));
    }
    let trace = trace(&caller, tr, &view).await.map_err(fail)?;
    let mut forms = ActionForms::new(tr, &view, &allowed);
    let decisions = decision_choices(
        &caller,
        tr,
        id,
        forms.examine || forms.assess,
        forms.decide || forms.refer,
    )
    .await
    .map_err(fail)?;
    forms.failed = failed.form.to_owned();
    forms.typed = failed.typed;
    let who = |actor: &str| actor_name(tr, &names, actor);
    let timeline = view
        .timeline
        .iter()
        .rev()
        .map(|entry| TimelineItem {
            byline: tr.args(
                "concerns-timeline-by",
                &[
                    ("who", who(&entry.actor)),
                    ("when", format::date_time(entry.at)),
                ],
            ),
            what: timeline_kind(tr, &entry.kind),
            outcome: entry
                .outcome
                .as_deref()
                .map(|value| recorded_outcome(tr, value)),
            subject: shown_subject(entry),
            subject_href: match entry.kind.as_str() {
                "merged_into" | "absorbed" => entry
                    .subject
                    .as_deref()
                    .and_then(|subject| ConcernId::parse(subject).ok())
                    .map(concern_path),
                _ => None,
            },
            detail: entry
                .detail
                .as_deref()
                .map(|value| recorded_outcome_or_text(tr, &entry.kind, value)),
            text: entry.text.clone(),
            basis: entry.decided_by.as_ref().map(|basis| {
                let href = match basis.source {
                    iiz_domain::basis::DecisionSource::Meeting { meeting, .. } => {
                        format!("/meetings/{meeting}")
                    }
                    iiz_domain::basis::DecisionSource::Resolution { resolution } => {
                        format!("/resolutions/{resolution}")
                    }
                };
                (href, basis.label.as_str().to_owned())
            }),
        })
        .collect();
    let answer = view.answer.as_ref().map(|answer| AnswerItem {
        text: answer.text.clone(),
        byline: tr.args(
            "concerns-answer-by",
            &[
                ("who", who(&answer.actor)),
                ("when", format::date_time(answer.at)),
                (
                    "recipients",
                    answer
                        .recipients
                        .iter()
                        .map(ToString::to_string)
                        .collect::<Vec<_>>()
                        .join(", "),
                ),
            ],
        ),
    });
    let path = concern_path(id);
    // A focus area is a key of the work programme: people read its title.
    let focus_title = match &view.focus_area {
        Some(key) => visitor
            .caller()
            .programme_focus(None)
            .await
            .map_err(|error| visitor.fail(error))?
            .and_then(|programme| {
                programme
                    .focus_areas
                    .iter()
                    .find(|plan| plan.focus_area.as_str() == key.as_str())
                    .map(|plan| plan.title.as_str().to_owned())
            }),
        None => None,
    };
    let chrome = Chrome::new(visitor, "concerns", view.title.clone())
        .await?
        .crumb("/concerns", tr.t("concerns-list-title"));
    let page = ConcernPage {
        chrome,
        stage: stage_badge(tr, view.stage),
        facts: facts(tr, &view, focus_title),
        description: view.description.clone(),
        why_not_cantonal: view.why_not_cantonal.clone(),
        attachments: view
            .attachments
            .iter()
            .map(|attachment| {
                (
                    attachment.title.as_str().to_owned(),
                    attachment.link.as_str().to_owned(),
                )
            })
            .collect(),
        route: route_steps(&view),
        way: way(tr, view.stage),
        timeline,
        trace,
        answer,
        forms,
        decisions,
        errors: failed.errors,
        back: path.clone(),
        path,
        id: id.to_string(),
    };
    render(&page, visitor, status)
}

/// A person's name, or what acted when no person did.
fn actor_name(tr: Tr, names: &BTreeMap<String, String>, actor: &str) -> String {
    match names.get(actor) {
        Some(name) => name.clone(),
        None if actor.starts_with("person:") => tr.t("concerns-actor-unknown"),
        None => tr.t("concerns-actor-platform"),
    }
}

/// What a step names, unless it is an id (a network, a working group's
/// mandate, a linked item, another concern): those are no words for people.
fn shown_subject(entry: &iiz_projections::TimelineEntry) -> Option<String> {
    match entry.kind.as_str() {
        "merged_into" | "absorbed" | "consolidated" | "examined" | "follow_up_linked" => None,
        _ => entry.subject.clone(),
    }
}

/// An EKG proposal names the STG outcome it proposes; other details are text.
fn recorded_outcome_or_text(tr: Tr, kind: &str, value: &str) -> String {
    if kind == "examined" && !value.contains(' ') {
        recorded_outcome(tr, value)
    } else {
        value.to_owned()
    }
}

/// The concern's cantonal route, each step done, current or ahead.
fn route_steps(view: &ConcernView) -> Vec<WayStep> {
    let passed = match view.stage {
        ConcernStage::Draft | ConcernStage::ReturnedToOrigin => 0,
        ConcernStage::InCantonalRoute => view.current_step.unwrap_or(0),
        _ if view.stage.is_internal() => 0,
        _ => view.route.steps.len(),
    };
    view.route
        .steps
        .iter()
        .enumerate()
        .map(|(index, step)| WayStep {
            label: step.label.as_str().to_owned(),
            done: index < passed,
            current: view.stage == ConcernStage::InCantonalRoute && index == passed,
        })
        .collect()
}

/// The regular way of a concern, with where this one is; a concern that
/// ended early shows its end as the last step.
fn way(tr: Tr, stage: ConcernStage) -> Vec<WayStep> {
    let at = position(stage);
    REGULAR_WAY
        .iter()
        .enumerate()
        .map(|(index, regular)| {
            let shown = if index == at { stage } else { *regular };
            WayStep {
                label: tr.t(stage_key(shown)),
                done: index < at || (index == at && stage.is_final()),
                current: index == at,
            }
        })
        .collect()
}
