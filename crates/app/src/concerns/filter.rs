//! Finding concerns: filtered lists, the work queues, full-text search and
//! the similar concerns suggested for merging.

use chrono::NaiveDate;
use iiz_domain::concern::{AffectedInstitution, ConcernStage};
use iiz_domain::{NetworkId, TenantId};
use iiz_projections::{ANSWER_QUEUE, CONCERNS, ConcernView, EKG_QUEUE, INTAKE_QUEUE, STG_QUEUE};
use iiz_store::{DocFilter, DocQuery, SimilarQuery};
use serde_json::Value;

use crate::AppError;
use crate::authz::Principal;
use crate::authz::concern::concern_tenants;

/// What a list of concerns is narrowed to. Every field is optional.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ConcernFilter {
    pub stage: Option<ConcernStage>,
    pub origin: Option<TenantId>,
    pub network: Option<NetworkId>,
    pub institution: Option<AffectedInstitution>,
    pub focus_area: Option<String>,
    /// Words to find in title, description and reasons (de/fr/it).
    pub text: Option<String>,
    pub drafted_from: Option<NaiveDate>,
    pub drafted_until: Option<NaiveDate>,
    pub submitted_from: Option<NaiveDate>,
    pub submitted_until: Option<NaiveDate>,
}

/// The work queues, oldest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConcernQueue {
    /// The Fachstelle's intake: submitted, not yet triaged.
    Intake,
    /// Before the EKG.
    Ekg,
    /// Before the STG.
    Stg,
    /// Decided; the official answer is due.
    AnswerDue,
}

impl ConcernQueue {
    pub(super) fn collection(self) -> &'static str {
        match self {
            Self::Intake => INTAKE_QUEUE,
            Self::Ekg => EKG_QUEUE,
            Self::Stg => STG_QUEUE,
            Self::AnswerDue => ANSWER_QUEUE,
        }
    }
}

/// A concern that reads like another one, with how closely.
#[derive(Debug, Clone, PartialEq)]
pub struct SimilarConcern {
    pub concern: ConcernView,
    /// Higher is closer; comparable within one answer only.
    pub score: f32,
}

/// Concerns visible to the caller: every shared one and the internal ones
/// of the tenant they work in. A caller with roles in several tenants sees
/// the internal ones of the tenant the filter names, else of their first.
pub(super) fn visibility(principal: &Principal, filter_origin: Option<TenantId>) -> Option<String> {
    let tenants = concern_tenants(principal);
    let tenant = filter_origin
        .filter(|origin| tenants.contains(origin))
        .or_else(|| tenants.contains(&principal.home).then_some(principal.home))
        .or_else(|| tenants.first().copied());
    // No tenant: an id no document has, so only shared ones match.
    Some(tenant.map_or_else(String::new, |tenant| tenant.as_str().to_owned()))
}

fn day(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

/// The day after, so that "until" includes the whole day.
fn day_after(date: NaiveDate) -> Result<String, AppError> {
    date.succ_opt()
        .map(day)
        .ok_or_else(|| AppError::invalid(format!("{date} is out of range")))
}

impl ConcernFilter {
    pub(super) fn filters(&self) -> Result<Vec<DocFilter>, AppError> {
        let mut filters = Vec::new();
        let text = |value: &str| Value::String(value.to_owned());
        if let Some(stage) = self.stage {
            filters.push(DocFilter::Eq("stage".into(), text(stage.as_str())));
        }
        if let Some(origin) = self.origin {
            filters.push(DocFilter::Eq("origin".into(), text(origin.as_str())));
        }
        if let Some(network) = self.network {
            filters.push(DocFilter::Contains(
                "networks".into(),
                Value::String(network.to_string()),
            ));
        }
        if let Some(institution) = self.institution {
            filters.push(DocFilter::Contains(
                "institutions".into(),
                text(institution.as_str()),
            ));
        }
        if let Some(area) = &self.focus_area {
            filters.push(DocFilter::Eq("focus_area".into(), text(area)));
        }
        for (field, from, until) in [
            ("drafted_at", self.drafted_from, self.drafted_until),
            ("submitted_at", self.submitted_from, self.submitted_until),
        ] {
            if let Some(from) = from {
                filters.push(DocFilter::AtLeast(field.into(), day(from)));
            }
            if let Some(until) = until {
                filters.push(DocFilter::Below(field.into(), day_after(until)?));
            }
        }
        Ok(filters)
    }

    /// The query for one page, newest first.
    pub(super) fn query(&self, principal: &Principal, limit: usize) -> Result<DocQuery, AppError> {
        Ok(DocQuery {
            collection: CONCERNS.to_owned(),
            tenant: visibility(principal, self.origin),
            include_shared: true,
            filters: self.filters()?,
            text: self.text.clone().filter(|text| !text.trim().is_empty()),
            descending: true,
            limit,
            ..DocQuery::default()
        })
    }
}

/// How many words of a concern look for similar ones: the longest are the
/// most telling, and each word more makes the search broader and slower.
const SIMILARITY_WORDS: usize = 12;

/// The most telling words of a concern: its longest distinct ones.
fn telling_words(view: &ConcernView) -> String {
    let text = format!("{} {}", view.title, view.description);
    let mut words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| word.chars().count() >= 3)
        .map(str::to_lowercase)
        .collect();
    words.sort_by(|a, b| b.chars().count().cmp(&a.chars().count()).then(a.cmp(b)));
    words.dedup();
    words.truncate(SIMILARITY_WORDS);
    words.join(" ")
}

/// The query for concerns that read like `view`, among the shared ones.
pub(super) fn similar_query(view: &ConcernView, limit: usize) -> SimilarQuery {
    SimilarQuery {
        collection: CONCERNS.to_owned(),
        text: telling_words(view),
        tenant: Some(String::new()),
        include_shared: true,
        exclude_ids: vec![view.id.to_string()],
        filters: Vec::new(),
        limit,
    }
}

/// Whether a concern is a candidate to merge with: before the national
/// bodies and not ended.
pub(super) fn mergeable(view: &ConcernView) -> bool {
    view.stage.is_national() && view.stage != ConcernStage::Decided
}
