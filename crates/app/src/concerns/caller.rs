//! Concerns as one caller may use them.

use iiz_domain::concern::{ConcernAction, RouteStep, StepActor};
use iiz_domain::focus::{ConcernFocus, FocusArea};
use iiz_domain::tenant::{Tenant, TenantCommand};
use iiz_domain::{Concern, ConcernCommand, ConcernId, Party, TenantId};
use iiz_projections::{
    BODIES, BodyView, CONCERN_NOTES, CONCERN_TOTALS, ConcernNotes, ConcernStatistics,
    ConcernTotals, ConcernView, QueueEntry, TenantTotals,
};
use iiz_store::{DocQuery, EventStore};

use super::body_steps::{DECIDE, EXAMINE};
use super::filter::{ConcernFilter, ConcernQueue, SimilarConcern, similar_query};
use super::steps::{act_of, allowed_for, current_step, default_endorser};
use super::{NewConcern, concern_stream, scope_of};
use crate::authz::body_decision::as_body;
use crate::authz::concern::{ConcernAct, ConcernScope, authorize_concern, may_draft, sees_concern};
use crate::authz::{Denied, Operation, Target};
use crate::tenants::tenant_stream;
use crate::{AppError, Caller, Executed, Page};

/// How many similar concerns are suggested.
const SIMILAR: usize = 5;

impl Caller<'_> {
    fn require_principal(&self) -> Result<&crate::authz::Principal, AppError> {
        self.principal()
            .ok_or(AppError::Denied(Denied::Unauthenticated))
    }

    /// Defines the route concerns take inside `tenant` from now on.
    pub async fn define_concern_route(
        &self,
        tenant: TenantId,
        steps: Vec<RouteStep>,
    ) -> Result<Executed, AppError> {
        self.check_operation(Operation::DefineConcernRoute, Target::tenant(tenant))?;
        for step in &steps {
            if let StepActor::Body(body) = step.actor {
                let view = self
                    .app()
                    .typed_doc::<BodyView>(BODIES, &body.to_string())
                    .await?;
                if !view.is_some_and(|view| view.tenant == tenant && view.active) {
                    return Err(AppError::invalid(format!(
                        "step '{}' names body {body}, which is no active body of {tenant}",
                        step.label
                    )));
                }
            }
        }
        self.app()
            .execute::<Tenant>(
                tenant_stream(tenant),
                TenantCommand::DefineConcernRoute { steps },
                self.event_metadata()?,
            )
            .await
    }

    /// Drafts a concern on the route its tenant has now.
    pub async fn draft_concern(&self, new: NewConcern) -> Result<(ConcernId, Executed), AppError> {
        self.check_operation(Operation::DraftConcern, Target::tenant(new.origin))?;
        let standing = self.standing().await?;
        may_draft(self.principal(), &standing, new.origin, new.on_behalf_of)?;
        let (tenant, _) = self
            .app()
            .load::<Tenant>(&tenant_stream(new.origin))
            .await?;
        if tenant.id().is_none() {
            return Err(AppError::invalid(format!(
                "tenant {} is not registered",
                new.origin
            )));
        }
        self.app()
            .check_optional_focus_area(new.content.focus_area.as_ref().and_then(ConcernFocus::area))
            .await?;
        let id = ConcernId::new();
        let command = ConcernCommand::Draft {
            id,
            origin: new.origin,
            on_behalf_of: new.on_behalf_of,
            content: new.content,
            route: tenant.concern_route(),
        };
        let executed = self
            .app()
            .execute::<Concern>(
                concern_stream(new.origin, id),
                command,
                self.event_metadata()?,
            )
            .await?;
        Ok((id, executed))
    }

    /// A concern, or `NOT_FOUND` when the caller may not see it.
    pub async fn concern(&self, id: ConcernId) -> Result<ConcernView, AppError> {
        self.check_operation(Operation::ShowConcern, Target::platform())?;
        let view = self
            .app()
            .concern_view(id)
            .await?
            .ok_or(AppError::Denied(Denied::NotFound))?;
        if !sees_concern(self.principal(), &scope_of(&view)) {
            return Err(AppError::Denied(Denied::NotFound));
        }
        Ok(view)
    }

    /// The internal comments, for the originating tenant only.
    pub async fn concern_notes(&self, view: &ConcernView) -> Result<ConcernNotes, AppError> {
        let principal = self.require_principal()?;
        let empty = ConcernNotes {
            concern: view.id,
            origin: view.origin,
            comments: Vec::new(),
        };
        if principal.roles_in(view.origin).is_empty() {
            return Ok(empty);
        }
        Ok(self
            .app()
            .typed_doc(CONCERN_NOTES, &view.id.to_string())
            .await?
            .unwrap_or(empty))
    }

    /// The next steps the caller may take on the concern.
    pub async fn concern_actions(
        &self,
        view: &ConcernView,
    ) -> Result<Vec<ConcernAction>, AppError> {
        let principal = self.require_principal()?;
        let mut standing = self.standing().await?;
        if let Some(StepActor::Body(body)) = current_step(view).map(|step| step.actor) {
            standing = self
                .app()
                .with_body_seat(principal, standing, body, view.origin)
                .await?;
        }
        Ok(allowed_for(Some(principal), &standing, view))
    }

    /// Takes one step on a concern. `Endorse` without a party uses the first
    /// one the caller speaks for; merging goes through [`Self::merge_concern`].
    pub async fn concern_command(
        &self,
        id: ConcernId,
        command: ConcernCommand,
    ) -> Result<Executed, AppError> {
        self.check_operation(Operation::ActOnConcern, Target::platform())?;
        let view = self.concern(id).await?;
        if let ConcernCommand::MergeInto { into, rationale } = command {
            return self.merge_concern(id, into, rationale).await;
        }
        let principal = self.require_principal()?;
        let mut standing = self.standing().await?;
        let act = act_of(&command, &view)?;
        if let ConcernAct::RecordStep(step) = act
            && let StepActor::Body(body) = step.actor
        {
            standing = self
                .app()
                .with_body_seat(principal, standing, body, view.origin)
                .await?;
        }
        let authorized = authorize_concern(Some(principal), &standing, act, &scope_of(&view));
        match act {
            ConcernAct::Examine => as_body(authorized, EXAMINE)?,
            ConcernAct::Decide => as_body(authorized, DECIDE)?,
            _ => authorized?,
        }
        if let ConcernCommand::Edit { content } = &command {
            let area = content.focus_area.as_ref().and_then(ConcernFocus::area);
            // A focus area it already has stays, even if a later programme
            // dropped it.
            if area.map(FocusArea::as_str) != view.focus_area.as_deref() {
                self.app().check_optional_focus_area(area).await?;
            }
        }
        let command = self.concern_with_checked_basis(id, command).await?;
        self.app()
            .execute::<Concern>(
                concern_stream(view.origin, id),
                command,
                self.event_metadata()?,
            )
            .await
    }

    /// The party the caller endorses for when the client does not say.
    pub async fn default_endorser(&self, id: ConcernId) -> Result<Party, AppError> {
        let principal = self.require_principal()?;
        let view = self.concern(id).await?;
        let standing = self.standing().await?;
        default_endorser(principal, &standing, &view).ok_or(AppError::Denied(Denied::Forbidden))
    }

    /// Concerns the caller may see, newest first.
    pub async fn concerns(
        &self,
        filter: &ConcernFilter,
        first: usize,
        after: Option<&str>,
    ) -> Result<Page<ConcernView>, AppError> {
        self.check_operation(Operation::ListConcerns, Target::platform())?;
        let principal = self.require_principal()?;
        let query = filter.query(principal, first)?;
        self.app().page(query, after).await
    }

    /// A work queue, oldest first. Queued concerns are all shared.
    pub async fn concern_queue(
        &self,
        queue: ConcernQueue,
        first: usize,
        after: Option<&str>,
    ) -> Result<Page<QueueEntry>, AppError> {
        self.check_operation(Operation::ListConcerns, Target::platform())?;
        self.require_principal()?;
        let query = DocQuery {
            collection: queue.collection().to_owned(),
            limit: first,
            ..DocQuery::default()
        };
        self.app().page(query, after).await
    }

    /// Shared concerns that read like this one: suggested to its submitter
    /// and to the Fachstelle for merging.
    pub async fn similar_concerns(&self, id: ConcernId) -> Result<Vec<SimilarConcern>, AppError> {
        let view = self.concern(id).await?;
        let found = self
            .app()
            .store()
            .similar_docs(&similar_query(&view, SIMILAR * 4))
            .await?;
        let mut similar = Vec::new();
        for (doc, score) in found {
            let concern: ConcernView = serde_json::from_value(doc.body)
                .map_err(|error| AppError::Internal(format!("concern document: {error}")))?;
            if concern.shared && !concern.stage.is_final() && similar.len() < SIMILAR {
                similar.push(SimilarConcern { concern, score });
            }
        }
        Ok(similar)
    }

    /// The names of the people who took the steps of a concern the caller
    /// sees. Officials act in their official capacity and the concept makes
    /// transparency of decisions a goal, so the name (never the e-mail or
    /// roles) is shown with each step, even to other tenants.
    pub async fn actor_names(
        &self,
        view: &ConcernView,
    ) -> Result<std::collections::BTreeMap<String, String>, AppError> {
        let principal = self.require_principal()?;
        if !sees_concern(Some(principal), &scope_of(view)) {
            return Err(AppError::Denied(Denied::NotFound));
        }
        let mut names = std::collections::BTreeMap::new();
        let actors = view
            .timeline
            .iter()
            .map(|entry| entry.actor.as_str())
            .chain(view.endorsements.iter().map(|e| e.actor.as_str()));
        for actor in actors {
            if names.contains_key(actor) {
                continue;
            }
            let person = actor
                .strip_prefix("person:")
                .and_then(|id| iiz_domain::PersonId::parse(id).ok());
            if let Some(person) = person
                && let Some(found) = self.app().person_view(person).await?
            {
                names.insert(actor.to_owned(), found.name);
            }
        }
        Ok(names)
    }

    /// Counts per stage, tenant and year, and the time to answer: every
    /// tenant's shared concerns, and the others only of the tenants whose
    /// concerns the caller sees (as [`sees_concern`] decides for one).
    pub async fn concern_statistics(&self) -> Result<ConcernStatistics, AppError> {
        self.check_operation(Operation::ShowConcernStatistics, Target::platform())?;
        let principal = self.require_principal()?;
        // One document per originating tenant: 27 at most.
        let docs = self
            .app()
            .store()
            .docs(&DocQuery {
                collection: CONCERN_TOTALS.to_owned(),
                limit: 100,
                ..DocQuery::default()
            })
            .await?;
        let totals = docs
            .into_iter()
            .map(|doc| {
                let malformed = |error: String| {
                    AppError::Internal(format!("{CONCERN_TOTALS}/{}: {error}", doc.key.id))
                };
                let tenant = TenantId::parse(&doc.key.id).map_err(|e| malformed(e.to_string()))?;
                let counts = serde_json::from_value::<TenantTotals>(doc.body.clone())
                    .map_err(|e| malformed(e.to_string()))?;
                Ok((tenant, counts))
            })
            .collect::<Result<ConcernTotals, AppError>>()?;
        Ok(totals.visible(|origin| {
            let internal = ConcernScope {
                origin,
                on_behalf_of: None,
                shared: false,
            };
            sees_concern(Some(principal), &internal)
        }))
    }

    /// A concern as a reference in something the caller writes (an agenda
    /// item, a resolution, a recommendation's basis): `None` both when it
    /// does not exist and when the caller may not see it, so the answer
    /// never tells a draft of another tenant from a wrong id.
    pub async fn visible_concern(&self, id: ConcernId) -> Result<Option<ConcernView>, AppError> {
        let view = self.app().concern_view(id).await?;
        Ok(view.filter(|view| sees_concern(self.principal(), &scope_of(view))))
    }
}
