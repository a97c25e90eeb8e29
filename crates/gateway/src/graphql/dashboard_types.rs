//! GraphQL types of the national monitoring dashboard.

use async_graphql::{ID, SimpleObject};
use chrono::{DateTime, NaiveDate, Utc};
use iiz_projections::{AddresseeFigures, FlaggedItem, MonitoringDashboard, OpenItem};

use super::monitoring_types::{DistributionInfo, DueItemInfo};
use super::recommendation_enums::*;
use super::shared_types::Party;

/// Figures of one addressee or focus area.
#[derive(Debug, Clone, SimpleObject)]
pub struct GroupFigures {
    /// The addressee (`ZH`, `SODK`) or focus area (`key_actors`, `none`).
    pub key: String,
    pub distribution: DistributionInfo,
    pub overdue: u64,
}

impl From<&AddresseeFigures> for GroupFigures {
    fn from(figures: &AddresseeFigures) -> Self {
        Self {
            key: figures.key.clone(),
            distribution: (&figures.distribution).into(),
            overdue: figures.overdue,
        }
    }
}

/// The implementation rate at the end of one day.
#[derive(Debug, Clone, SimpleObject)]
pub struct RatePointInfo {
    pub on: NaiveDate,
    pub committed: u64,
    pub implemented: u64,
    pub implementation_rate: Option<f64>,
}

/// An item still open.
#[derive(Debug, Clone, SimpleObject)]
pub struct OpenItemInfo {
    pub recommendation: ID,
    pub title: String,
    pub addressee: Party,
    pub published_on: Option<NaiveDate>,
    pub acceptance: Option<AcceptanceValue>,
    pub committed_on: Option<NaiveDate>,
    pub status: Option<ImplementationStatusValue>,
    pub priority: bool,
}

impl From<&OpenItem> for OpenItemInfo {
    fn from(item: &OpenItem) -> Self {
        Self {
            recommendation: ID(item.recommendation.to_string()),
            title: item.title.clone(),
            addressee: (&item.addressee).into(),
            published_on: item.published_on,
            acceptance: item.acceptance.map(Into::into),
            committed_on: item.committed_on,
            status: item.status.map(Into::into),
            priority: item.priority,
        }
    }
}

/// An open flag of the EKG.
#[derive(Debug, Clone, SimpleObject)]
pub struct FlaggedItemInfo {
    pub recommendation: ID,
    pub title: String,
    /// None when the whole recommendation is flagged.
    pub addressee: Option<Party>,
    pub flag: u32,
    pub note: String,
    pub since: DateTime<Utc>,
}

impl From<&FlaggedItem> for FlaggedItemInfo {
    fn from(item: &FlaggedItem) -> Self {
        Self {
            recommendation: ID(item.recommendation.to_string()),
            title: item.title.clone(),
            addressee: item.addressee.as_ref().map(Into::into),
            flag: item.flag,
            note: item.note.clone(),
            since: item.since,
        }
    }
}

/// The national dashboard of the STG, EKG and Fachstelle.
#[derive(Debug, Clone, SimpleObject)]
pub struct MonitoringDashboardInfo {
    pub as_of: NaiveDate,
    pub long_outstanding_years: u32,
    /// Published recommendations, monitored now.
    pub open_recommendations: u64,
    /// Published and closed ones, whose items the figures count.
    pub monitored_recommendations: u64,
    pub distribution: DistributionInfo,
    /// Quarter ends (year ends beyond ten years) up to `asOf`, then `asOf`.
    pub over_time: Vec<RatePointInfo>,
    pub by_addressee: Vec<GroupFigures>,
    pub by_focus_area: Vec<GroupFigures>,
    /// Most overdue first.
    pub overdue: Vec<DueItemInfo>,
    /// Accepted at least `longOutstandingYears` ago, not implemented.
    pub long_outstanding: Vec<OpenItemInfo>,
    /// The ten items open longest.
    pub oldest_open: Vec<OpenItemInfo>,
    pub flagged: Vec<FlaggedItemInfo>,
    pub priority: Vec<OpenItemInfo>,
}

impl From<&MonitoringDashboard> for MonitoringDashboardInfo {
    fn from(dashboard: &MonitoringDashboard) -> Self {
        Self {
            as_of: dashboard.as_of,
            long_outstanding_years: dashboard.policy.long_outstanding_years,
            open_recommendations: dashboard.open_recommendations,
            monitored_recommendations: dashboard.monitored_recommendations,
            distribution: (&dashboard.distribution).into(),
            over_time: dashboard
                .over_time
                .iter()
                .map(|point| RatePointInfo {
                    on: point.on,
                    committed: point.committed,
                    implemented: point.implemented,
                    #[allow(clippy::cast_precision_loss)]
                    implementation_rate: (point.committed > 0)
                        .then(|| point.implemented as f64 / point.committed as f64),
                })
                .collect(),
            by_addressee: dashboard.by_addressee.iter().map(Into::into).collect(),
            by_focus_area: dashboard.by_focus_area.iter().map(Into::into).collect(),
            overdue: dashboard.overdue.iter().map(Into::into).collect(),
            long_outstanding: dashboard.long_outstanding.iter().map(Into::into).collect(),
            oldest_open: dashboard.oldest_open.iter().map(Into::into).collect(),
            flagged: dashboard.flagged.iter().map(Into::into).collect(),
            priority: dashboard.priority.iter().map(Into::into).collect(),
        }
    }
}
