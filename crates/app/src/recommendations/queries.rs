//! Reading recommendations and their monitoring, as one caller may.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;
use iiz_domain::recommendation::{FocusArea, RecommendationStage};
use iiz_domain::{Party, RecommendationId};
use iiz_projections::{
    AddresseeItem, Distribution, DueItem, MonitoringDashboard, MonitoringPolicy, MonitoringRow,
    RECOMMENDATIONS, RecommendationSummary, RecommendationView, recommendation_figures,
};
use iiz_store::{DocFilter, DocQuery};
use serde_json::Value;

use super::{Due, due_of};
use crate::authz::recommendation::{monitors_nationally, sees_item, sees_recommendation};
use crate::authz::{Denied, Operation, Principal, Target};
use crate::{AppError, Caller, Page};

/// Which recommendations to list.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RecommendationFilter {
    pub stage: Option<RecommendationStage>,
    pub focus_area: Option<FocusArea>,
    pub addressee: Option<Party>,
    /// Words to find in title, text and rationale, in every language.
    pub text: Option<String>,
}

/// An addressee's item as the caller may read it.
#[derive(Debug, Clone, PartialEq)]
pub struct TrackedItem {
    pub item: AddresseeItem,
    pub row: MonitoringRow,
    pub due: Option<Due>,
}

/// A recommendation's monitoring: the figures over all its addressees, and
/// the items the caller may read.
#[derive(Debug, Clone, PartialEq)]
pub struct RecommendationTracking {
    pub as_of: NaiveDate,
    pub distribution: Distribution,
    /// How many addressees are overdue (everyone sees the count).
    pub overdue_count: usize,
    /// Who is overdue: for the national bodies, else the caller's own.
    pub overdue: Vec<DueItem>,
    pub items: Vec<TrackedItem>,
}

/// Every recommendation addressed to one party, soonest due first.
#[derive(Debug, Clone, PartialEq)]
pub struct AddresseeOverview {
    pub addressee: Party,
    pub as_of: NaiveDate,
    pub entries: Vec<(RecommendationSummary, TrackedItem)>,
}

fn stage_value(stage: RecommendationStage) -> Value {
    Value::String(stage.as_str().to_owned())
}

impl Caller<'_> {
    fn signed_in(&self) -> Result<&Principal, AppError> {
        self.principal()
            .ok_or(AppError::Denied(Denied::Unauthenticated))
    }

    /// Recommendations the caller may see, newest first.
    pub async fn recommendations(
        &self,
        filter: &RecommendationFilter,
        first: usize,
        after: Option<&str>,
    ) -> Result<Page<RecommendationView>, AppError> {
        self.check_operation(Operation::ListRecommendations, Target::platform())?;
        let principal = self.signed_in()?;
        let standing = self.standing().await?;
        let mut filters = Vec::new();
        if !monitors_nationally(principal, &standing) {
            filters.push(DocFilter::Eq("public".to_owned(), Value::Bool(true)));
        }
        if let Some(stage) = filter.stage {
            filters.push(DocFilter::Eq("stage".to_owned(), stage_value(stage)));
        }
        if let Some(focus) = &filter.focus_area {
            filters.push(DocFilter::Eq(
                "focus_area".to_owned(),
                Value::String(focus.as_str().to_owned()),
            ));
        }
        if let Some(party) = filter.addressee {
            filters.push(DocFilter::Contains(
                "addressee_keys".to_owned(),
                Value::String(party.to_string()),
            ));
        }
        let query = DocQuery {
            collection: RECOMMENDATIONS.to_owned(),
            filters,
            text: filter.text.clone(),
            descending: true,
            limit: first,
            ..DocQuery::default()
        };
        self.app().page(query, after).await
    }

    /// A recommendation, or `NOT_FOUND` when the caller may not see it.
    pub async fn recommendation(
        &self,
        id: RecommendationId,
    ) -> Result<RecommendationView, AppError> {
        self.check_operation(Operation::ShowRecommendation, Target::platform())?;
        let principal = self.signed_in()?;
        let view = self
            .app()
            .typed_doc::<RecommendationView>(RECOMMENDATIONS, &id.to_string())
            .await?
            .ok_or(AppError::Denied(Denied::NotFound))?;
        let standing = self.standing().await?;
        if !sees_recommendation(Some(principal), &standing, view.stage) {
            return Err(AppError::Denied(Denied::NotFound));
        }
        Ok(view)
    }

    /// The monitoring of one recommendation on `as_of`.
    pub async fn recommendation_tracking(
        &self,
        id: RecommendationId,
        as_of: NaiveDate,
    ) -> Result<RecommendationTracking, AppError> {
        let view = self.recommendation(id).await?;
        let principal = self.signed_in()?;
        let standing = self.standing().await?;
        let summary = RecommendationSummary::of(&view);
        let rows = self.app().monitoring_rows(Some(id), None).await?;
        let (distribution, late) = recommendation_figures(&summary, &rows, as_of);
        let national = monitors_nationally(principal, &standing);
        let overdue_count = late.len();
        let overdue = late
            .into_iter()
            .filter(|item| national || sees_item(principal, &standing, item.addressee, false))
            .collect();
        let mut full: HashMap<Party, AddresseeItem> = self
            .app()
            .addressee_items(Some(id), None)
            .await?
            .into_iter()
            .map(|item| (item.addressee, item))
            .collect();
        let mut items = Vec::new();
        for row in rows {
            if !sees_item(principal, &standing, row.addressee, row.shareable) {
                continue;
            }
            let Some(item) = full.remove(&row.addressee) else {
                continue;
            };
            let due = due_of(&summary, &row, as_of);
            items.push(TrackedItem { item, row, due });
        }
        Ok(RecommendationTracking {
            as_of,
            distribution,
            overdue_count,
            overdue,
            items,
        })
    }

    /// The names of the people who took the steps of a recommendation and
    /// of the items the caller reads. As for concerns, officials act in
    /// their official capacity and the concept makes transparency of
    /// decisions a goal: the name (never the e-mail or roles) is shown.
    pub async fn recommendation_actor_names(
        &self,
        view: &RecommendationView,
        items: &[TrackedItem],
    ) -> Result<BTreeMap<String, String>, AppError> {
        // Authorizes reading the recommendation (a draft is NOT_FOUND
        // outside the national bodies); `items` are what the caller read.
        self.recommendation(view.id).await?;
        let mut actors: Vec<&str> = view
            .history
            .iter()
            .map(|entry| entry.actor.as_str())
            .collect();
        for tracked in items {
            actors.extend(tracked.item.answers.iter().map(|answer| answer.by.as_str()));
            actors.extend(tracked.item.reports.iter().map(|report| report.by.as_str()));
        }
        let mut names = BTreeMap::new();
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

    /// "My canton": every published recommendation addressed to `party`,
    /// with what is due next, soonest first. For those who speak for it
    /// and the national bodies.
    pub async fn addressee_overview(
        &self,
        party: Party,
        as_of: NaiveDate,
    ) -> Result<AddresseeOverview, AppError> {
        self.check_operation(Operation::ShowRecommendationMonitoring, Target::platform())?;
        let principal = self.signed_in()?;
        let standing = self.standing().await?;
        if !sees_item(principal, &standing, party, false) {
            return Err(AppError::Denied(Denied::Forbidden));
        }
        let rows = self.app().monitoring_rows(None, Some(party)).await?;
        let data = self.app().monitoring_data().await?;
        let summaries: HashMap<RecommendationId, &RecommendationSummary> = data
            .summaries
            .iter()
            .map(|summary| (summary.id, summary))
            .collect();
        let mut full: HashMap<RecommendationId, AddresseeItem> = self
            .app()
            .addressee_items(None, Some(party))
            .await?
            .into_iter()
            .map(|item| (item.recommendation, item))
            .collect();
        let mut entries = Vec::new();
        for row in rows {
            let Some(summary) = summaries.get(&row.recommendation).copied() else {
                continue;
            };
            if !summary.stage.was_published() {
                continue;
            }
            let Some(item) = full.remove(&row.recommendation) else {
                continue;
            };
            let due = due_of(summary, &row, as_of);
            entries.push((summary.clone(), TrackedItem { item, row, due }));
        }
        entries.sort_by_key(|(summary, tracked)| {
            (
                tracked.due.map_or(NaiveDate::MAX, |due| due.on),
                summary.published_on,
                summary.id,
            )
        });
        Ok(AddresseeOverview {
            addressee: party,
            as_of,
            entries,
        })
    }

    /// The national dashboard: for the Fachstelle and the STG and EKG.
    pub async fn recommendation_dashboard(
        &self,
        as_of: NaiveDate,
        policy: MonitoringPolicy,
    ) -> Result<MonitoringDashboard, AppError> {
        self.check_operation(Operation::ShowRecommendationMonitoring, Target::platform())?;
        let principal = self.signed_in()?;
        let standing = self.standing().await?;
        if !monitors_nationally(principal, &standing) {
            return Err(AppError::Denied(Denied::Forbidden));
        }
        let data = self.app().monitoring_data().await?;
        Ok(MonitoringDashboard::compute(
            &data.summaries,
            &data.rows,
            as_of,
            policy,
        ))
    }
}
