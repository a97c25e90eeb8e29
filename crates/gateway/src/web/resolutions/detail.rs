//! `GET /resolutions/{id}` and the answer, close and withdraw forms.

use askama::Template;
use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::Response;
use iiz_domain::ResolutionId;
use iiz_domain::meeting::Propagation;
use iiz_domain::resolution::{Outcome, Vote};
use iiz_domain::text::FreeText;
use iiz_projections::ResolutionView;
use serde::Deserialize;

use crate::web::errors::{Failure, WebError};
use crate::web::format;
use crate::web::forms::{FormErrors, Posted, done};
use crate::web::meetings::names::Names;
use crate::web::meetings::subjects::{SubjectLink, subject};
use crate::web::meetings::words::{self, tkey};
use crate::web::page::{Chrome, render};
use crate::web::visitor::Visitor;

#[derive(Debug, Clone, Default, Deserialize)]
pub struct AnswerForm {
    #[serde(default)]
    pub vote: String,
    #[serde(default)]
    pub comment: String,
}

#[derive(Debug, Clone, Default, Deserialize)]
pub struct WithdrawForm {
    #[serde(default)]
    pub reason: String,
}

#[derive(Debug, Clone)]
pub struct VoterRow {
    pub name: String,
    pub answer: String,
    pub comment: String,
    pub when: String,
}

#[derive(Debug, Clone)]
pub struct Step {
    pub when: String,
    pub who: String,
    pub what: String,
    pub why: String,
}

#[derive(Template)]
#[template(path = "resolutions/detail.html")]
pub struct ResolutionPage {
    pub chrome: Chrome,
    pub id: String,
    pub label: String,
    pub body: String,
    pub body_href: String,
    pub subject: SubjectLink,
    pub decision: String,
    pub rationale: String,
    pub effect: Option<String>,
    pub deadline: String,
    pub status: String,
    pub badge: &'static str,
    pub proposed: String,
    pub outcome: Option<String>,
    pub carried_out: Option<String>,
    pub voters: Vec<VoterRow>,
    pub steps: Vec<Step>,
    /// The visitor votes and the resolution is open: the answer form shows.
    pub answering: bool,
    /// The visitor may conduct it (the app decides on submission).
    pub conducting: bool,
    pub votes: Vec<(String, String)>,
    pub form: AnswerForm,
    pub errors: FormErrors,
}

const VOTES: [(&str, Vote); 3] = [
    ("yes", Vote::Yes),
    ("no", Vote::No),
    ("abstain", Vote::Abstain),
];

fn resolution_id(id: &str, visitor: &Visitor) -> Result<ResolutionId, WebError> {
    ResolutionId::parse(id).map_err(|_| visitor.refuse(Failure::NotFound))
}

async fn resolution(visitor: &Visitor, id: &str) -> Result<ResolutionView, WebError> {
    visitor.signed_in()?;
    visitor
        .caller()
        .resolution(resolution_id(id, visitor)?)
        .await
        .map_err(|error| visitor.fail(error))
}

fn vote_value(vote: Vote) -> &'static str {
    VOTES
        .iter()
        .find(|(_, known)| *known == vote)
        .map_or("", |(value, _)| value)
}

async fn show_page(
    visitor: &Visitor,
    view: ResolutionView,
    form: Option<AnswerForm>,
    errors: FormErrors,
    status: StatusCode,
) -> Result<Response, WebError> {
    let principal = visitor.signed_in()?;
    let tr = visitor.tr;
    let caller = visitor.caller();
    let body = caller
        .body(view.body)
        .await
        .map_err(|error| visitor.fail(error))?;
    let mut people = view.voters.clone();
    people.push(view.proposed_by);
    people.extend(
        view.closed_by
            .iter()
            .chain(view.withdrawal.iter().map(|w| &w.actor))
            .filter_map(|actor| crate::web::meetings::names::person_of(actor)),
    );
    let names = Names::of(visitor, people).await?;
    let voters = view
        .voters
        .iter()
        .map(|voter| match view.answer_of(*voter) {
            Some(answer) => VoterRow {
                name: names.person(*voter),
                answer: tr.t(words::vote(answer.vote)),
                comment: answer.comment.clone().unwrap_or_default(),
                when: format::date_time(answer.at),
            },
            None => VoterRow {
                name: names.person(*voter),
                answer: tr.t("resolutions-no-answer"),
                comment: String::new(),
                when: String::new(),
            },
        })
        .collect();
    let mut steps = vec![Step {
        when: format::date_time(view.proposed_at),
        who: names.person(view.proposed_by),
        what: tr.t("resolutions-event-proposed"),
        why: view.rationale.clone(),
    }];
    for answer in &view.answers {
        steps.push(Step {
            when: format::date_time(answer.at),
            who: names.person(answer.voter),
            what: tr.t1(
                "resolutions-event-answered",
                "vote",
                tr.t(words::vote(answer.vote)),
            ),
            why: answer.comment.clone().unwrap_or_default(),
        });
    }
    if let (Some(at), Some(outcome)) = (view.closed_at, &view.outcome) {
        steps.push(Step {
            when: format::date_time(at),
            who: view
                .closed_by
                .as_deref()
                .map_or_else(|| tr.t("meetings-platform"), |actor| names.actor(actor)),
            what: tr.t("resolutions-event-closed"),
            why: match outcome {
                Outcome::Carried => String::new(),
                Outcome::NotCarried { reason } => reason.clone(),
            },
        });
    }
    if let Some(withdrawal) = &view.withdrawal {
        steps.push(Step {
            when: format::date_time(withdrawal.at),
            who: names.actor(&withdrawal.actor),
            what: tr.t("resolutions-event-withdrawn"),
            why: withdrawal.reason.clone(),
        });
    }
    let outcome = view.outcome.as_ref().map(|outcome| {
        let tally = view.tally.unwrap_or_default();
        tr.args(
            match outcome {
                Outcome::Carried => tkey("resolutions-outcome-carried"),
                Outcome::NotCarried { .. } => tkey("resolutions-outcome-not-carried"),
            },
            &[
                ("yes", tally.yes.to_string()),
                ("no", tally.no.to_string()),
                ("abstain", tally.abstain.to_string()),
                ("missing", tally.missing.to_string()),
            ],
        )
    });
    let carried_out = view
        .propagation
        .as_ref()
        .map(|propagation| match propagation {
            Propagation::Applied => tr.t("meetings-carried-out"),
            Propagation::Refused { reason } => {
                format!("{} {reason}", tr.t("meetings-refused-by-subject"))
            }
        });
    let (status_key, badge) = words::resolution_status(view.status);
    let votes_here = view.open && view.voters.contains(&principal.person);
    let form = form.unwrap_or_else(|| AnswerForm {
        vote: view
            .answer_of(principal.person)
            .map(|answer| vote_value(answer.vote).to_owned())
            .unwrap_or_default(),
        comment: String::new(),
    });
    let chrome = Chrome::new(visitor, "bodies", view.title.clone())
        .await?
        .crumb("/bodies", tr.t("bodies-title"))
        .crumb(
            format!("/bodies/{}", body.id),
            body.names.best(tr.language).to_owned(),
        );
    let page = ResolutionPage {
        chrome,
        id: view.id.to_string(),
        label: view.label.clone(),
        body: body.names.best(tr.language).to_owned(),
        body_href: format!("/bodies/{}", body.id),
        subject: subject(visitor, &view.subject).await?,
        decision: view.decision.clone(),
        rationale: view.rationale.clone(),
        effect: view.effect.as_ref().map(|effect| words::effect(tr, effect)),
        deadline: format::date_time(view.deadline),
        status: tr.t(status_key),
        badge,
        proposed: tr.args(
            tkey("resolutions-proposed-by"),
            &[
                ("who", names.person(view.proposed_by)),
                ("when", format::date_time(view.proposed_at)),
            ],
        ),
        outcome,
        carried_out,
        voters,
        steps,
        answering: votes_here,
        conducting: view.open
            && (view.proposed_by == principal.person
                || iiz_app::authz::meeting::runs_meetings_of(principal, view.tenant)),
        votes: VOTES
            .iter()
            .map(|(value, vote)| ((*value).to_owned(), tr.t(words::vote(*vote))))
            .collect(),
        form,
        errors,
    };
    render(&page, visitor, status)
}

/// `GET /resolutions/{id}`.
pub async fn page(visitor: Visitor, Path(id): Path<String>) -> Result<Response, WebError> {
    let view = resolution(&visitor, &id).await?;
    show_page(&visitor, view, None, FormErrors::none(), StatusCode::OK).await
}

/// `POST /resolutions/{id}/answer`: a voting member answers (again).
pub async fn answer(
    Path(id): Path<String>,
    posted: Posted<AnswerForm>,
) -> Result<Response, WebError> {
    let Posted { visitor, form } = posted;
    let view = resolution(&visitor, &id).await?;
    let tr = visitor.tr;
    let unprocessable = StatusCode::UNPROCESSABLE_ENTITY;
    let mut errors = FormErrors::none();
    let vote = VOTES
        .iter()
        .find(|(value, _)| *value == form.vote)
        .map(|(_, vote)| *vote);
    if vote.is_none() {
        errors.add("vote", tr.t("resolutions-error-vote"));
    }
    let comment = match form.comment.trim() {
        "" => None,
        text => match FreeText::parse(text) {
            Ok(text) => Some(text),
            Err(_) => {
                errors.add("comment", tr.t("meetings-error-too-long"));
                None
            }
        },
    };
    let Some(vote) = vote.filter(|_| errors.is_empty()) else {
        return show_page(&visitor, view, Some(form), errors, unprocessable).await;
    };
    match visitor
        .caller()
        .answer_resolution(view.id, vote, comment)
        .await
    {
        Ok(_) => Ok(done(
            &format!("/resolutions/{}", view.id),
            tkey("resolutions-notice-answered"),
        )),
        Err(error) => {
            let errors = FormErrors::of(error, &visitor, &["vote", "comment"])?;
            show_page(&visitor, view, Some(form), errors, unprocessable).await
        }
    }
}

/// `POST /resolutions/{id}/close`.
pub async fn close(
    Path(id): Path<String>,
    posted: Posted<WithdrawForm>,
) -> Result<Response, WebError> {
    let Posted { visitor, .. } = posted;
    let view = resolution(&visitor, &id).await?;
    visitor
        .caller()
        .close_resolution(view.id)
        .await
        .map_err(|error| visitor.fail(error))?;
    Ok(done(
        &format!("/resolutions/{}", view.id),
        tkey("resolutions-notice-closed"),
    ))
}

/// `POST /resolutions/{id}/withdraw`, with the reason.
pub async fn withdraw(
    Path(id): Path<String>,
    posted: Posted<WithdrawForm>,
) -> Result<Response, WebError> {
    let Posted { visitor, form } = posted;
    let view = resolution(&visitor, &id).await?;
    let reason = FreeText::parse(&form.reason)
        .ok()
        .filter(|reason| !reason.as_str().is_empty());
    let Some(reason) = reason else {
        let errors = FormErrors::field("reason", visitor.tr.t("meetings-error-required"));
        return show_page(
            &visitor,
            view,
            None,
            errors,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    };
    visitor
        .caller()
        .withdraw_resolution(view.id, reason)
        .await
        .map_err(|error| visitor.fail(error))?;
    Ok(done(
        &format!("/resolutions/{}", view.id),
        tkey("resolutions-notice-withdrawn"),
    ))
}
