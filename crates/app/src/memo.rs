//! What one request learns about its caller, kept for the rest of that
//! request. A list of 100 concerns with `allowedActions` asks for the
//! caller's standing (seats in the STG and EKG, coordinated networks) 100
//! times; each answer reads the same read models, so the first one is kept
//! and the others wait for it.
//!
//! A kept standing is only reused while this process has appended nothing
//! since it was read: a request that changes seats (or a batch whose second
//! operation acts after the first changed them) reads them again, so a
//! memo never lets a caller act on seats it no longer holds.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use iiz_store::EventStore;
use tokio::sync::Mutex;

use iiz_domain::PersonId;

use crate::authz::Principal;
use crate::authz::concern::Standing;
use crate::{App, AppError};

/// The per-request memo a protocol adapter hands to [`App::caller_with`].
#[derive(Debug, Default)]
pub struct RequestMemo {
    /// The standing, with the append generation it was read at and whose
    /// it is.
    standing: Mutex<Option<Kept>>,
}

impl RequestMemo {
    pub fn new() -> Self {
        Self::default()
    }
}

#[derive(Debug)]
struct Kept {
    generation: u64,
    person: Option<PersonId>,
    standing: Standing,
}

/// How often the standing was read from the read models (not from a memo):
/// the `/metrics` counter that shows lists no longer read it per item.
#[derive(Debug, Clone, Default)]
pub struct StandingLoads(Arc<AtomicU64>);

impl StandingLoads {
    pub fn get(&self) -> u64 {
        self.0.load(Ordering::Relaxed)
    }

    pub(crate) fn count(&self) {
        self.0.fetch_add(1, Ordering::Relaxed);
    }
}

impl App {
    /// The standing of `principal`, from `memo` when it holds one read
    /// since this process last appended.
    pub(crate) async fn remembered_standing(
        &self,
        principal: Option<&Principal>,
        memo: Option<&RequestMemo>,
    ) -> Result<Standing, AppError> {
        let Some(memo) = memo else {
            return self.standing(principal).await;
        };
        // Held while reading, so that concurrent resolvers of one request
        // wait for the first read instead of each reading again.
        let mut kept = memo.standing.lock().await;
        let generation = *self.store().notifier().watch().borrow();
        let person = principal.map(|principal| principal.person);
        if let Some(found) = kept.as_ref()
            && found.generation == generation
            && found.person == person
        {
            return Ok(found.standing.clone());
        }
        let standing = self.standing(principal).await?;
        *kept = Some(Kept {
            generation,
            person,
            standing: standing.clone(),
        });
        Ok(standing)
    }
}
