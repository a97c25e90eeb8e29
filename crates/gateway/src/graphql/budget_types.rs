//! GraphQL type of the Fachstelle's budgets.

use std::sync::Arc;

use async_graphql::{ID, Object, SimpleObject};
use chrono::{DateTime, Utc};
use iiz_projections::BudgetView;

use super::shared_types::id;

#[derive(Debug, Clone, SimpleObject)]
pub struct YearReportInfo {
    pub year: i32,
    /// Swiss francs spent in the year.
    pub spent: u64,
    pub narrative: String,
    pub reported_at: DateTime<Utc>,
    /// The STG's note, once taken.
    pub note: Option<String>,
}

/// A budget: the read model, held once; each field resolves from it.
#[derive(Debug, Clone)]
pub struct Budget(Arc<BudgetView>);

impl From<BudgetView> for Budget {
    fn from(view: BudgetView) -> Self {
        Self(Arc::new(view))
    }
}

/// The Fachstelle's four-year operating budget.
#[Object]
impl Budget {
    async fn id(&self) -> ID {
        id(self.0.id)
    }

    async fn first_year(&self) -> i32 {
        self.0.first_year
    }

    async fn last_year(&self) -> i32 {
        self.0.last_year
    }

    /// Swiss francs over the four years.
    async fn total(&self) -> u64 {
        self.0.total
    }

    /// What each funding office pays.
    async fn share(&self) -> u64 {
        self.0.share
    }

    /// The funding offices (BSV, SBFI, SECO, SEM).
    async fn offices(&self) -> Vec<&str> {
        self.0.offices.iter().map(|office| office.code()).collect()
    }

    async fn purpose(&self) -> &str {
        self.0.purpose.as_str()
    }

    /// Spent according to the yearly reports so far.
    async fn spent(&self) -> u64 {
        self.0.spent()
    }

    async fn reports(&self) -> Vec<YearReportInfo> {
        self.0
            .reports
            .iter()
            .map(|report| YearReportInfo {
                year: report.year,
                spent: report.spent,
                narrative: report.narrative.as_str().to_owned(),
                reported_at: report.reported_at,
                note: report.note.as_ref().map(|note| note.as_str().to_owned()),
            })
            .collect()
    }
}
