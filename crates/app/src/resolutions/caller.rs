//! Circular resolutions as one caller conducts and answers them.

use std::collections::BTreeSet;

use chrono::{DateTime, Datelike, Utc};
use iiz_domain::body::{Body, BodyKind};
use iiz_domain::decision::{DecisionEffect, ItemSubject};
use iiz_domain::error::ErrorKind;
use iiz_domain::resolution::{Proposal, Resolution, ResolutionCommand, Vote};
use iiz_domain::text::FreeText;
use iiz_domain::{BodyId, ConceptRule, ResolutionId, Title};
use iiz_projections::{BODY_MEMBERS, BodyMembersView, BodyView, RESOLUTIONS, ResolutionView};
use iiz_store::DocFilter;
use serde_json::Value;

use super::{resolution_label, resolution_stream};
use crate::authz::resolution::{Conduct, Standing, conducts};
use crate::authz::seats::SeatPower;
use crate::authz::{Denied, Operation, Principal, Target};
use crate::decisions::deciding_body;
use crate::meetings::is_national;
use crate::tenants::body_stream;
use crate::{AppError, Caller, Executed};

/// A circular resolution to propose.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewResolution {
    pub body: BodyId,
    pub subject: ItemSubject,
    pub effect: Option<DecisionEffect>,
    pub title: Title,
    /// What is decided if it is carried.
    pub decision: FreeText,
    pub rationale: FreeText,
    pub deadline: DateTime<Utc>,
}

impl Caller<'_> {
    fn resolution_principal(&self) -> Result<&Principal, AppError> {
        self.principal()
            .ok_or(AppError::Denied(Denied::Unauthenticated))
    }

    /// Whether the caller chairs the body of `tenant` and may use the seat
    /// ([`SeatPower`]: a token only through a role that carries it).
    async fn holds_chair_of(
        &self,
        principal: &Principal,
        body: BodyId,
        tenant: iiz_domain::TenantId,
    ) -> Result<bool, AppError> {
        if !principal.may_use(SeatPower::BodySeat(tenant)) {
            return Ok(false);
        }
        Ok(self
            .app()
            .current_seat(principal.person, body)
            .await?
            .is_some_and(|seat| seat.role == iiz_domain::BodyRole::Chair))
    }

    /// Proposes a circular resolution to the body's voting members.
    pub async fn propose_resolution(
        &self,
        new: NewResolution,
    ) -> Result<(ResolutionId, Executed), AppError> {
        let body = self.body(new.body).await?;
        self.check_operation(Operation::ProposeResolution, Target::tenant(body.tenant))?;
        let principal = self.resolution_principal()?;
        let standing = Standing {
            chairs: self.holds_chair_of(principal, body.id, body.tenant).await?,
            proposed: false,
        };
        conducts(principal, body.tenant, Conduct::Propose, standing).map_err(AppError::Denied)?;
        if !body.active {
            return Err(AppError::invalid(format!(
                "body {} is dissolved and no longer decides",
                body.id
            )));
        }
        if let Some(effect) = &new.effect {
            check_deciding_body(&body, effect)?;
        }
        self.require_subject(&new.subject).await?;
        let (state, _) = self
            .app()
            .load::<Body>(&body_stream(body.tenant, body.id))
            .await?;
        let now = self.app().clock().now();
        let id = ResolutionId::new();
        let proposal = Proposal {
            id,
            body: body.id,
            label: self.next_label(&body, now.year()).await?,
            subject: new.subject,
            effect: new.effect,
            title: new.title,
            decision: new.decision,
            rationale: new.rationale,
            deadline: new.deadline,
            rules: state.resolution_rules(),
            voters: self.voters(body.id).await?,
            proposed_by: principal.person,
            now,
        };
        let executed = self
            .app()
            .execute::<Resolution>(
                resolution_stream(body.tenant, id),
                ResolutionCommand::Propose(Box::new(proposal)),
                self.event_metadata()?,
            )
            .await?;
        Ok((id, executed))
    }

    /// The caller answers as a voter; a second answer before the deadline
    /// replaces the first.
    pub async fn answer_resolution(
        &self,
        id: ResolutionId,
        vote: Vote,
        comment: Option<FreeText>,
    ) -> Result<Executed, AppError> {
        let view = self.resolution(id).await?;
        self.check_operation(Operation::AnswerResolution, Target::tenant(view.tenant))?;
        let principal = self.resolution_principal()?;
        // Voting is a seat's power: a token votes only through a role
        // that carries the seat.
        if !principal.may_use(SeatPower::BodySeat(view.tenant)) {
            return Err(AppError::Denied(Denied::Forbidden));
        }
        let command = ResolutionCommand::Answer {
            voter: principal.person,
            vote,
            comment,
            now: self.app().clock().now(),
        };
        self.app()
            .execute::<Resolution>(
                resolution_stream(view.tenant, id),
                command,
                self.event_metadata()?,
            )
            .await
    }

    /// Closes a resolution at or after its deadline (earlier once every
    /// voter answered) and carries out its effect when it is carried.
    pub async fn close_resolution(&self, id: ResolutionId) -> Result<Executed, AppError> {
        let view = self
            .conduct(id, Operation::CloseResolution, Conduct::Close)
            .await?;
        // A close that was recorded but not carried out (a crash) is
        // completed first; closing again then reports the state.
        if view.pending_propagation {
            self.app().propagate_resolution(id).await?;
        }
        let command = ResolutionCommand::Close {
            now: self.app().clock().now(),
        };
        let executed = self
            .app()
            .execute::<Resolution>(
                resolution_stream(view.tenant, id),
                command,
                self.event_metadata()?,
            )
            .await?;
        self.app().propagate_resolution(id).await?;
        Ok(executed)
    }

    /// Withdraws an open resolution, with the reason.
    pub async fn withdraw_resolution(
        &self,
        id: ResolutionId,
        reason: FreeText,
    ) -> Result<Executed, AppError> {
        let view = self
            .conduct(id, Operation::WithdrawResolution, Conduct::Withdraw)
            .await?;
        let command = ResolutionCommand::Withdraw {
            reason,
            now: self.app().clock().now(),
        };
        self.app()
            .execute::<Resolution>(
                resolution_stream(view.tenant, id),
                command,
                self.event_metadata()?,
            )
            .await
    }

    async fn conduct(
        &self,
        id: ResolutionId,
        operation: Operation,
        step: Conduct,
    ) -> Result<ResolutionView, AppError> {
        let view = self.resolution(id).await?;
        self.check_operation(operation, Target::tenant(view.tenant))?;
        let principal = self.resolution_principal()?;
        let standing = Standing {
            chairs: self
                .holds_chair_of(principal, view.body, view.tenant)
                .await?,
            proposed: view.proposed_by == principal.person,
        };
        conducts(principal, view.tenant, step, standing).map_err(AppError::Denied)?;
        Ok(view)
    }

    /// The people with a voting seat in the body now (guests attend, they
    /// do not vote).
    async fn voters(&self, body: BodyId) -> Result<BTreeSet<iiz_domain::PersonId>, AppError> {
        let members: Option<BodyMembersView> = self
            .app()
            .typed_doc(BODY_MEMBERS, &body.to_string())
            .await?;
        Ok(members
            .iter()
            .flat_map(|members| members.current())
            .filter(|seat| seat.role.votes())
            .map(|seat| seat.person)
            .collect())
    }

    /// The next number of the body's resolutions of `year`. Two proposals
    /// at the same moment may get the same number; the label is a citation,
    /// the id identifies.
    async fn next_label(&self, body: &BodyView, year: i32) -> Result<Title, AppError> {
        let filters = vec![
            DocFilter::Eq("body".to_owned(), Value::String(body.id.to_string())),
            DocFilter::Eq("year".to_owned(), Value::from(year)),
        ];
        let earlier: Vec<Value> = self.app().all_docs(RESOLUTIONS, filters).await?;
        resolution_label(body, earlier.len() + 1, year)
    }

    /// A resolution names a concern, recommendation, project or working
    /// group that exists; a concern the caller may not see counts as missing.
    async fn require_subject(&self, subject: &ItemSubject) -> Result<(), AppError> {
        let (collection, what, id) = match subject {
            ItemSubject::Concern(id) => {
                if self.visible_concern(*id).await?.is_none() {
                    return Err(missing(&format!("concern {id}")));
                }
                return Ok(());
            }
            ItemSubject::Recommendation(id) => (
                iiz_projections::RECOMMENDATIONS,
                "recommendation",
                id.to_string(),
            ),
            ItemSubject::Project(id) => (iiz_projections::PROJECTS, "project", id.to_string()),
            ItemSubject::WorkingGroup(id) => (
                iiz_projections::WORKING_GROUPS,
                "working group",
                id.to_string(),
            ),
            ItemSubject::ChairElection(id) => (iiz_projections::BODIES, "body", id.to_string()),
            // A work programme is adopted by the decision: it need not exist.
            ItemSubject::Free | ItemSubject::Report(_) | ItemSubject::WorkProgramme(_) => {
                return Ok(());
            }
        };
        let found = self.app().typed_doc::<Value>(collection, &id).await?;
        match found {
            Some(_) => Ok(()),
            None => Err(missing(&format!("{what} {id}"))),
        }
    }
}

fn missing(what: &str) -> AppError {
    AppError::invalid(format!(
        "the resolution refers to {what}, which does not exist"
    ))
}

/// The effect is a step of this body: the national EKG examines concerns,
/// the national STG decides them and adopts recommendations.
fn check_deciding_body(body: &BodyView, effect: &DecisionEffect) -> Result<(), AppError> {
    let (kind, who): (BodyKind, &str) = deciding_body(effect);
    if is_national(body, kind) {
        return Ok(());
    }
    Err(AppError::governance(
        ConceptRule::BodyDecidesAsBody,
        ErrorKind::Validation,
        format!(
            "a decision to {} is taken by {who}, which this body is not",
            effect.as_str()
        ),
    ))
}
