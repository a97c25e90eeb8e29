//! `GET /recommendations/{id}`: the text and its basis, the facts, every
//! addressee's acceptance, status and history, the full timeline, the
//! trace across aggregates, and the forms the visitor may use now. A
//! refused form comes back on this page with what was typed.

use askama::Template;
use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::Response;
use iiz_app::recommendations::today;
use iiz_domain::RecommendationId;
use iiz_domain::recommendation::{Acceptance, ImplementationStatus, RecommendationAction};
use iiz_projections::DueKind;

use super::decide::DecisionForm;
use super::facts::{self, Fact};
use super::labels::{self, Badge};
use super::respond::{AnswerForm, ReportForm};
use super::trace::{self, Link, Names, Step, Trace};
use crate::web::errors::WebError;
use crate::web::forms::FormErrors;
use crate::web::page::{Chrome, render};
use crate::web::{format, visitor::Visitor};

/// The forms of the page, as typed (after a refusal) or as offered.
#[derive(Debug, Default)]
pub struct Forms {
    pub answer: AnswerForm,
    pub answer_errors: FormErrors,
    pub report: ReportForm,
    pub report_errors: FormErrors,
    pub decision: DecisionForm,
    pub decision_errors: FormErrors,
}

/// One row of the addressee table.
#[derive(Debug, Clone)]
pub struct AddresseeRow {
    pub party: String,
    /// Whether the visitor reads this addressee's item.
    pub visible: bool,
    /// Whether the recommendation went out (items exist from then on).
    pub sent: bool,
    pub acceptance: Option<Badge>,
    pub status: Option<Badge>,
    pub percent: String,
    pub last_report: String,
    pub due: String,
    pub overdue: bool,
    pub priority: bool,
    pub history: Vec<Step>,
}

#[derive(Template)]
#[template(path = "recommendations/detail.html")]
pub struct DetailPage {
    pub chrome: Chrome,
    pub id: String,
    pub stage: Badge,
    pub text: String,
    /// The language of `text` (the original's when not translated).
    pub text_lang: &'static str,
    pub rationale: String,
    pub facts: Vec<Fact>,
    pub adopted_by: Option<Link>,
    pub superseded_by: Option<Link>,
    pub basis_concerns: Vec<Link>,
    pub projects: Vec<String>,
    pub documents: Vec<Link>,
    pub addressees: Vec<AddresseeRow>,
    pub counts: Vec<Fact>,
    pub timeline: Vec<Step>,
    pub trace: Trace,
    pub can_edit: bool,
    pub can_amend: bool,
    pub can_publish: bool,
    /// The STG decisions the visitor may record now (value, label).
    pub decision_kinds: Vec<(String, String)>,
    /// The addressees the visitor answers for, when answering is open.
    pub answer_parties: Vec<(String, String)>,
    pub report_parties: Vec<(String, String)>,
    pub answer_due: String,
    pub report_due: String,
    pub acceptances: Vec<(String, String)>,
    pub statuses: Vec<(String, String)>,
    pub forms: Forms,
}

/// `GET /recommendations/{id}`.
pub async fn page(visitor: Visitor, Path(id): Path<String>) -> Result<Response, WebError> {
    visitor.signed_in()?;
    let id = super::recommendation_id(&visitor, &id)?;
    show_with(&visitor, id, None, StatusCode::OK).await
}

/// The page with `forms` as typed (or as offered when `None`).
pub async fn show_with(
    visitor: &Visitor,
    id: RecommendationId,
    forms: Option<Forms>,
    status: StatusCode,
) -> Result<Response, WebError> {
    let tr = visitor.tr;
    let caller = visitor.caller();
    let fail = |error| visitor.fail(error);
    let view = caller.recommendation(id).await.map_err(fail)?;
    let tracking = caller
        .recommendation_tracking(id, today())
        .await
        .map_err(fail)?;
    let actions = caller.recommendation_actions(&view).await.map_err(fail)?;
    let mine = caller.addressees_i_speak_for(&view).await.map_err(fail)?;
    let mut names = caller
        .recommendation_actor_names(&view, &tracking.items)
        .await
        .map_err(fail)?;
    for name in names.values_mut() {
        *name = format::person_name(visitor.tr, std::mem::take(name));
    }
    let mut concerns = Vec::new();
    for concern in &view.basis.concerns {
        // A concern the visitor may not read stays out of the trace.
        match caller.concern(*concern).await {
            Ok(found) => concerns.push(found),
            Err(iiz_app::AppError::Denied(_)) => {}
            Err(error) => return Err(fail(error)),
        }
    }
    let names = Names { tr, names: &names };
    let addressees: Vec<AddresseeRow> = view
        .addressees
        .iter()
        .map(|party| {
            let tracked = tracking
                .items
                .iter()
                .find(|tracked| tracked.item.addressee == *party);
            match tracked {
                Some(tracked) => AddresseeRow {
                    party: labels::party(*party),
                    visible: true,
                    sent: true,
                    acceptance: tracked.row.acceptance.map(|a| labels::acceptance(tr, a)),
                    status: tracked.row.status.map(|s| labels::status(tr, s)),
                    percent: tracked
                        .row
                        .percent
                        .map(|p| format::percent(u64::from(p), 100, tr.language))
                        .unwrap_or_default(),
                    last_report: tracked
                        .row
                        .last_reported_on
                        .map(format::date)
                        .unwrap_or_default(),
                    due: tracked
                        .due
                        .map(|due| labels::due(tr, due.kind, format::date(due.on)))
                        .unwrap_or_default(),
                    overdue: tracked.due.is_some_and(|due| due.overdue),
                    priority: tracked.row.priority,
                    history: trace::item_steps(&names, tracked),
                },
                None => AddresseeRow {
                    party: labels::party(*party),
                    visible: false,
                    sent: view.stage.was_published(),
                    acceptance: None,
                    status: None,
                    percent: String::new(),
                    last_report: String::new(),
                    due: String::new(),
                    overdue: false,
                    priority: false,
                    history: Vec::new(),
                },
            }
        })
        .collect();
    let due_of = |kind: DueKind| {
        tracking
            .items
            .iter()
            .filter(|tracked| mine.contains(&tracked.item.addressee))
            .filter_map(|tracked| tracked.due)
            .find(|due| due.kind == kind)
            .map(|due| format::date(due.on))
    };
    let answer_due =
        due_of(DueKind::Answer).unwrap_or_else(|| format::date(view.schedule.answer_due));
    let report_due = due_of(DueKind::Report).unwrap_or_default();
    let allowed = |action| actions.contains(&action);
    let party_options: Vec<(String, String)> = mine
        .iter()
        .map(|party| (labels::party(*party), labels::party(*party)))
        .collect();
    let decision_kinds = [
        (
            RecommendationAction::Adopt,
            "adopt",
            "recommendations-decision-adopt",
        ),
        (
            RecommendationAction::Supersede,
            "supersede",
            "recommendations-decision-supersede",
        ),
        (
            RecommendationAction::Close,
            "close",
            "recommendations-decision-close",
        ),
    ]
    .into_iter()
    .filter(|(action, _, _)| allowed(*action))
    .map(|(_, value, key)| (value.to_owned(), tr.t(key)))
    .collect();
    let mut forms = forms.unwrap_or_default();
    if forms.report.period_to.is_empty() {
        forms.report.period_to = today().to_string();
    }
    if forms.report.period_from.is_empty() {
        forms.report.period_from = view.published_on.unwrap_or_else(today).to_string();
    }
    if forms.decision.decided_on.is_empty() {
        forms.decision.decided_on = today().to_string();
    }
    let translated = view.translations.get(&tr.language);
    let title = translated.map_or_else(|| view.title.clone(), |t| t.title.as_str().to_owned());
    let (text, text_lang) = match translated {
        Some(translation) => (translation.text.as_str().to_owned(), tr.lang()),
        None => (view.text.clone(), view.language.as_str()),
    };
    let facts = facts::of(tr, &view);
    let counts = facts::counts(tr, &tracking);
    let chrome = Chrome::new(visitor, "recommendations", title)
        .await?
        .crumb("/recommendations", tr.t("recommendations-title"));
    let page = DetailPage {
        id: id.to_string(),
        stage: labels::stage(tr, view.stage),
        text,
        text_lang,
        rationale: view.rationale.clone(),
        facts,
        adopted_by: view
            .adoption
            .as_ref()
            .and_then(|adoption| adoption.decided_by.as_ref())
            .map(trace::decision_link),
        superseded_by: view.superseded_by.map(|by| Link {
            href: super::href(by),
            label: tr.t("recommendations-successor"),
        }),
        basis_concerns: concerns
            .iter()
            .map(|concern| Link {
                href: format!("/concerns/{}", concern.id),
                label: concern.title.clone(),
            })
            .collect(),
        projects: view
            .basis
            .projects
            .iter()
            .map(|project| project.as_str().to_owned())
            .collect(),
        documents: view
            .basis
            .documents
            .iter()
            .map(|document| Link {
                href: document.link.as_str().to_owned(),
                label: document.title.as_str().to_owned(),
            })
            .collect(),
        addressees,
        counts,
        timeline: trace::timeline(&names, &view, &tracking.items),
        trace: trace::trace(tr, &view, &concerns, &tracking.items),
        can_edit: allowed(RecommendationAction::Edit),
        can_amend: allowed(RecommendationAction::Amend),
        can_publish: allowed(RecommendationAction::Publish),
        decision_kinds,
        answer_parties: if allowed(RecommendationAction::Answer) {
            party_options.clone()
        } else {
            Vec::new()
        },
        report_parties: if allowed(RecommendationAction::Report) {
            party_options
        } else {
            Vec::new()
        },
        answer_due,
        report_due,
        acceptances: Acceptance::ALL
            .into_iter()
            .map(|a| (a.as_str().to_owned(), labels::acceptance(tr, a).label))
            .collect(),
        statuses: ImplementationStatus::ALL
            .into_iter()
            .map(|s| (s.as_str().to_owned(), labels::status(tr, s).label))
            .collect(),
        forms,
        chrome,
    };
    render(&page, visitor, status)
}
