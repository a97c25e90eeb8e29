//! Reading circular resolutions, as one caller may: like the body's
//! meetings (the national bodies' in the open, a canton's inside it).

use iiz_domain::body::{Body, ResolutionRules};
use iiz_domain::{BodyId, ResolutionId};
use iiz_projections::{RESOLUTIONS, ResolutionView};
use iiz_store::{DocFilter, DocQuery};
use serde_json::Value;

use crate::authz::meeting::sees_meetings_of;
use crate::authz::{Denied, Operation, Target};
use crate::tenants::body_stream;
use crate::{AppError, Caller, Page};

impl Caller<'_> {
    /// A resolution, or `NOT_FOUND` when the caller may not see it.
    pub async fn resolution(&self, id: ResolutionId) -> Result<ResolutionView, AppError> {
        let view = self
            .app()
            .resolution_view(id)
            .await?
            .ok_or(AppError::Denied(Denied::NotFound))?;
        self.check_operation(Operation::ShowResolution, Target::tenant(view.tenant))?;
        Ok(view)
    }

    /// A body's resolutions: the open ones first (by deadline), then the
    /// others, newest first.
    pub async fn resolutions(
        &self,
        body: BodyId,
        first: usize,
        after: Option<&str>,
    ) -> Result<Page<ResolutionView>, AppError> {
        let view = self.body(body).await?;
        self.check_operation(Operation::ListResolutions, Target::tenant(view.tenant))?;
        let query = DocQuery {
            collection: RESOLUTIONS.to_owned(),
            filters: vec![DocFilter::Eq(
                "body".to_owned(),
                Value::String(body.to_string()),
            )],
            limit: first,
            ..DocQuery::default()
        };
        self.app().page(query, after).await
    }

    /// The open resolutions that await the caller's answer, soonest
    /// deadline first.
    pub async fn resolutions_awaiting_me(&self) -> Result<Vec<ResolutionView>, AppError> {
        let principal = self
            .principal()
            .ok_or(AppError::Denied(Denied::Unauthenticated))?;
        self.check_operation(Operation::ListResolutions, Target::platform())?;
        let waiting: Vec<ResolutionView> = self
            .app()
            .all_docs(
                RESOLUTIONS,
                vec![DocFilter::Contains(
                    "awaiting".to_owned(),
                    Value::String(principal.person.to_string()),
                )],
            )
            .await?;
        Ok(waiting
            .into_iter()
            .filter(|view| sees_meetings_of(principal, view.tenant))
            .collect())
    }

    /// How a body decides by circular resolution: as it set, or the
    /// platform's default (body data, public like the body).
    pub async fn resolution_rules(&self, body: BodyId) -> Result<ResolutionRules, AppError> {
        let view = self.body(body).await?;
        self.check_operation(Operation::ShowBody, Target::tenant(view.tenant))?;
        let (state, _) = self
            .app()
            .load::<Body>(&body_stream(view.tenant, body))
            .await?;
        Ok(state.resolution_rules())
    }
}
