//! The Fachstelle's budgets with their yearly reports.

use chrono::{DateTime, Utc};
use iiz_domain::budget::BudgetEvent;
use iiz_domain::ids::BudgetId;
use iiz_domain::partner::Partner;
use iiz_domain::text::FreeText;
use iiz_store::{DocKey, DocSet, ProjectionError, RecordedEvent};
use serde::{Deserialize, Serialize};

use crate::{Projection, decode, get_typed, put_typed};

/// Collection of [`BudgetView`], keyed by id.
pub const BUDGETS: &str = "budgets";

/// A year's report of the budget's use, and the STG's note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct YearReport {
    pub year: i32,
    pub spent: u64,
    pub narrative: FreeText,
    pub reported_at: DateTime<Utc>,
    pub note: Option<FreeText>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BudgetView {
    pub id: BudgetId,
    pub first_year: i32,
    pub last_year: i32,
    pub total: u64,
    /// What each funding office pays.
    pub share: u64,
    pub offices: Vec<Partner>,
    pub purpose: FreeText,
    /// By year.
    pub reports: Vec<YearReport>,
}

impl BudgetView {
    /// What the yearly reports say was spent so far.
    pub fn spent(&self) -> u64 {
        self.reports.iter().map(|report| report.spent).sum()
    }

    /// Whether `year` is one of the budget's.
    pub fn covers(&self, year: i32) -> bool {
        (self.first_year..=self.last_year).contains(&year)
    }
}

#[derive(Debug, Clone, Copy, Default)]
pub struct BudgetRegister;

fn key(event: &RecordedEvent) -> DocKey {
    DocKey::new(BUDGETS, &event.stream.stream_id)
}

impl Projection for BudgetRegister {
    fn name(&self) -> &'static str {
        "budget_register"
    }

    fn version(&self) -> i32 {
        1
    }

    fn collections(&self) -> &'static [&'static str] {
        &[BUDGETS]
    }

    fn handles(&self, stream_type: &str) -> bool {
        stream_type == "budget"
    }

    fn keys(&self, event: &RecordedEvent) -> Result<Vec<DocKey>, ProjectionError> {
        Ok(vec![key(event)])
    }

    fn apply(&self, docs: &mut DocSet, event: &RecordedEvent) -> Result<(), ProjectionError> {
        let key = key(event);
        let view = match decode::<BudgetEvent>(event)? {
            BudgetEvent::Planned {
                id,
                first_year,
                last_year,
                total,
                share,
                offices,
                purpose,
            } => BudgetView {
                id,
                first_year,
                last_year,
                total,
                share,
                offices,
                purpose,
                reports: Vec::new(),
            },
            change => {
                let mut view = get_typed::<BudgetView>(docs, &key)?.ok_or_else(|| {
                    ProjectionError::Malformed {
                        key: key.clone(),
                        reason: "a budget that was never planned".to_owned(),
                    }
                })?;
                match change {
                    BudgetEvent::Planned { .. } => {}
                    BudgetEvent::YearReported {
                        year,
                        spent,
                        narrative,
                    } => {
                        view.reports.push(YearReport {
                            year,
                            spent,
                            narrative,
                            reported_at: event.recorded_at,
                            note: None,
                        });
                        view.reports.sort_by_key(|report| report.year);
                    }
                    BudgetEvent::ReportNoted { year, note } => {
                        if let Some(report) = view.reports.iter_mut().find(|r| r.year == year) {
                            report.note = Some(note);
                        }
                    }
                }
                view
            }
        };
        let sort = format!("{:04}", view.first_year);
        put_typed(docs, key, None, sort, &view)
    }
}
