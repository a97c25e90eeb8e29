//! A Seismograf concern (Anliegen): raised in a canton (or by a conference or
//! the national tenant), it passes the tenant's own route, may be
//! consolidated in the regional network and endorsed by others, goes up to
//! the Fachstelle, the EKG and the STG, and always comes back with an
//! official answer to everyone who submitted or endorsed it.
//!
//! The workflow is a graph ([`allowed_actions`]); a refused step names the
//! stage and what it allows. Who may take a step is decided in `app`.

mod command;
mod content;
mod decide;
mod error;
mod outcome;
mod paths;
#[cfg(test)]
mod proptests;
mod route;
mod stage;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_national;
#[cfg(test)]
mod tests_paths;

use std::collections::BTreeSet;

pub use command::{ConcernCommand, ConcernEvent};
pub use content::{AffectedInstitution, Attachment, ConcernContent, MAX_ATTACHMENTS, MissingField};
pub use error::ConcernError;
pub use outcome::{Channel, CommentVisibility, EkgOutcome, ReturnReason, StgOutcome};
pub use route::{MAX_ROUTE_STEPS, RouteSnapshot, RouteStep, StepActor, StepKind, StepOutcome};
pub use stage::{ConcernAction, ConcernStage, allowed_actions};

use crate::Aggregate;
use crate::follow_up::FollowUpLink;
use crate::ids::{ConcernId, NetworkId, TenantId};
use crate::partner::{Partner, Party};

/// State of a concern stream.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Concern {
    drafted: Option<State>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct State {
    id: ConcernId,
    origin: TenantId,
    on_behalf_of: Option<Partner>,
    content: ConcernContent,
    route: RouteSnapshot,
    stage: ConcernStage,
    /// The current route step while in the cantonal route.
    step: usize,
    networks: BTreeSet<NetworkId>,
    /// The originator and the originators of every concern merged into it.
    submitters: BTreeSet<Party>,
    /// Other parties' support; never a submitter.
    endorsers: BTreeSet<Party>,
    absorbed: BTreeSet<ConcernId>,
    merged_into: Option<ConcernId>,
    recipients: BTreeSet<Party>,
    /// The STG's last decision, which the answer must follow.
    decided: Option<StgOutcome>,
    /// What the STG's decision created or linked, which the answer names.
    follow_ups: Vec<FollowUpLink>,
}

impl State {
    /// The party a concern is submitted by: the conference it was drafted
    /// for, or else its tenant.
    fn originator(&self) -> Party {
        self.on_behalf_of
            .map_or(Party::Tenant(self.origin), Party::Partner)
    }
}

impl Concern {
    pub fn exists(&self) -> bool {
        self.drafted.is_some()
    }

    pub fn id(&self) -> Option<ConcernId> {
        self.drafted.as_ref().map(|state| state.id)
    }

    pub fn origin(&self) -> Option<TenantId> {
        self.drafted.as_ref().map(|state| state.origin)
    }

    pub fn stage(&self) -> Option<ConcernStage> {
        self.drafted.as_ref().map(|state| state.stage)
    }

    pub fn content(&self) -> Option<&ConcernContent> {
        self.drafted.as_ref().map(|state| &state.content)
    }

    /// The route step waiting for its outcome, while in the cantonal route.
    pub fn current_step(&self) -> Option<(usize, &RouteStep)> {
        let state = self.drafted.as_ref()?;
        if state.stage != ConcernStage::InCantonalRoute {
            return None;
        }
        state.route.step(state.step).map(|step| (state.step, step))
    }

    pub fn submitters(&self) -> BTreeSet<Party> {
        self.drafted
            .as_ref()
            .map(|state| state.submitters.clone())
            .unwrap_or_default()
    }

    pub fn endorsers(&self) -> BTreeSet<Party> {
        self.drafted
            .as_ref()
            .map(|state| state.endorsers.clone())
            .unwrap_or_default()
    }

    /// The STG's last decision on the concern.
    pub fn stg_decision(&self) -> Option<StgOutcome> {
        self.drafted.as_ref().and_then(|state| state.decided)
    }

    /// What the STG's decision created or linked.
    pub fn follow_ups(&self) -> &[FollowUpLink] {
        self.drafted
            .as_ref()
            .map_or(&[], |state| state.follow_ups.as_slice())
    }

    pub fn merged_into(&self) -> Option<ConcernId> {
        self.drafted.as_ref().and_then(|state| state.merged_into)
    }

    /// The actions the workflow allows now (whoever the caller is).
    pub fn allowed_actions(&self) -> Vec<ConcernAction> {
        self.drafted.as_ref().map_or_else(Vec::new, |state| {
            allowed_actions(state.stage, state.route.is_direct())
        })
    }
}

impl Aggregate for Concern {
    const STREAM_TYPE: &'static str = "concern";
    type Command = ConcernCommand;
    type Event = ConcernEvent;
    type Error = ConcernError;

    fn decide(&self, command: ConcernCommand) -> Result<Vec<ConcernEvent>, ConcernError> {
        match (command, &self.drafted) {
            (
                ConcernCommand::Draft {
                    id,
                    origin,
                    on_behalf_of,
                    content,
                    route,
                },
                None,
            ) => {
                decide::check_content(&content, false)?;
                Ok(vec![ConcernEvent::Drafted {
                    id,
                    origin,
                    on_behalf_of,
                    content,
                    route,
                }])
            }
            (ConcernCommand::Draft { .. }, Some(_)) => Err(ConcernError::AlreadyDrafted),
            (_, None) => Err(ConcernError::NotDrafted),
            (command, Some(state)) => state.decide(command),
        }
    }

    fn evolve(mut self, event: &ConcernEvent) -> Self {
        if let ConcernEvent::Drafted {
            id,
            origin,
            on_behalf_of,
            content,
            route,
        } = event
        {
            let mut state = State {
                id: *id,
                origin: *origin,
                on_behalf_of: *on_behalf_of,
                content: content.clone(),
                route: route.clone(),
                stage: ConcernStage::Draft,
                step: 0,
                networks: BTreeSet::new(),
                submitters: BTreeSet::new(),
                endorsers: BTreeSet::new(),
                absorbed: BTreeSet::new(),
                merged_into: None,
                recipients: BTreeSet::new(),
                decided: None,
                follow_ups: Vec::new(),
            };
            state.submitters.insert(state.originator());
            self.drafted = Some(state);
        } else if let Some(state) = self.drafted.as_mut() {
            state.evolve(event);
        }
        self
    }
}
