//! What one request may cost. async-graphql computes a query's complexity
//! from each field's cost before anything runs; the costs here make that
//! number follow the work:
//!
//! - a field costs 1 plus what is selected below it;
//! - a page (`first`) costs its size times what each item selects
//!   ([`page_cost`]), so `concerns(first: 500)` weighs 500 items;
//! - a field that reads the store per item (the similarity search, a
//!   recommendation's tracking, a timeline's names, the caller's actions)
//!   costs [`STORE_READ`] plus, for lists of known length, that length times
//!   what each item selects;
//! - aliases and fragments count every time they select a field, and the
//!   operations of one batch share one budget ([`PerRequest`]).
//!
//! A query over the budget is refused before it runs with
//! `QUERY_TOO_COMPLEX`, saying what it cost and what is allowed.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use async_graphql::extensions::{Extension, ExtensionContext, ExtensionFactory, NextValidation};
use async_graphql::{ErrorExtensionValues, ServerError, ValidationResult};
use iiz_app::{MAX_PAGE, RequestMemo};

use super::error::Code;

/// Items per page when the client does not say.
pub const DEFAULT_PAGE: usize = 50;
/// The cost of a field that reads the store for each object it resolves on.
pub const STORE_READ: usize = 10;
/// How many similar concerns one `similarConcerns` returns.
pub const SIMILAR_RESULTS: usize = 5;

/// The limits on one request's query, from configuration.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QueryLimits {
    /// Most cost (see the module) one request may have, all operations of a
    /// batch together.
    pub max_complexity: usize,
    /// Deepest selection accepted (a Relay page of bodies is 5 levels).
    pub max_depth: usize,
}

impl Default for QueryLimits {
    fn default() -> Self {
        Self {
            max_complexity: 5_000,
            max_depth: 12,
        }
    }
}

/// The number of items a page holds: `first`, or the default; a value out
/// of range costs the most a page may hold (the resolver refuses it).
pub fn page_size(first: Option<i32>) -> usize {
    match first {
        None => DEFAULT_PAGE,
        Some(n) => usize::try_from(n)
            .ok()
            .filter(|n| (1..=MAX_PAGE).contains(n))
            .unwrap_or(MAX_PAGE),
    }
}

/// The cost of a page: each of its items costs what it selects.
pub fn page_cost(first: Option<i32>, child_complexity: usize) -> usize {
    page_size(first)
        .saturating_mul(child_complexity)
        .saturating_add(1)
}

/// The cost of a field that reads the store once and returns `items`
/// objects, each costing what it selects.
pub fn read_cost(items: usize, child_complexity: usize) -> usize {
    items
        .saturating_mul(child_complexity)
        .saturating_add(STORE_READ)
}

/// What the operations of one HTTP request share: the memo of the caller's
/// standing and the budget already spent by earlier operations of a batch.
#[derive(Debug, Clone, Default)]
pub struct PerRequest {
    pub memo: Arc<RequestMemo>,
    spent: Arc<AtomicUsize>,
}

impl PerRequest {
    pub fn new() -> Self {
        Self::default()
    }
}

/// The schema extension that refuses queries over [`QueryLimits::max_complexity`].
#[derive(Debug, Clone, Copy)]
pub struct ComplexityLimit {
    pub max: usize,
}

impl ExtensionFactory for ComplexityLimit {
    fn create(&self) -> Arc<dyn Extension> {
        Arc::new(*self)
    }
}

#[async_graphql::async_trait::async_trait]
impl Extension for ComplexityLimit {
    async fn validation(
        &self,
        ctx: &ExtensionContext<'_>,
        next: NextValidation<'_>,
    ) -> Result<ValidationResult, Vec<ServerError>> {
        let result = next.run(ctx).await?;
        // The operations of a batch run one after the other, so reading
        // and then adding is exact; a refused operation spends nothing.
        let spent = ctx.data_opt::<PerRequest>().map(|request| &request.spent);
        let before = spent.map_or(0, |spent| spent.load(Ordering::Relaxed));
        if before.saturating_add(result.complexity) > self.max {
            return Err(vec![too_complex(result.complexity, before, self.max)]);
        }
        if let Some(spent) = spent {
            spent.fetch_add(result.complexity, Ordering::Relaxed);
        }
        Ok(result)
    }
}

fn too_complex(cost: usize, before: usize, max: usize) -> ServerError {
    let message = if before == 0 {
        format!(
            "the query costs {cost}, more than the {max} one request may cost: ask for \
             fewer items (first), fewer fields or fewer aliases"
        )
    } else {
        format!(
            "the query costs {cost} and the batch's earlier operations {before}, more than \
             the {max} one request may cost: send fewer operations at once"
        )
    };
    let mut error = ServerError::new(message, None);
    let mut extensions = ErrorExtensionValues::default();
    extensions.set("code", Code::QueryTooComplex.as_str());
    extensions.set(
        "cost",
        i64::try_from(cost.saturating_add(before)).unwrap_or(i64::MAX),
    );
    extensions.set("maxCost", i64::try_from(max).unwrap_or(i64::MAX));
    error.extensions = Some(extensions);
    error
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_costs_its_size_times_its_items() {
        assert_eq!(page_cost(Some(100), 3), 301);
        assert_eq!(page_cost(None, 3), DEFAULT_PAGE * 3 + 1);
        // Out of range: refused by the resolver, priced as the largest page.
        assert_eq!(page_cost(Some(0), 2), MAX_PAGE * 2 + 1);
        assert_eq!(page_cost(Some(-5), 2), MAX_PAGE * 2 + 1);
        assert_eq!(read_cost(SIMILAR_RESULTS, 2), STORE_READ + 10);
    }
}
