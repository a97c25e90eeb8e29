//! The cantonal route: the ordered steps a concern passes inside its tenant
//! before it may leave it. Each tenant defines its own as data, because the
//! cantons differ (the panorama's types 1–4); a concern keeps the route
//! version it started with.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::ids::BodyId;
use crate::roles::TenantRole;
use crate::text::Title;

/// Who acts at a step: a body of the tenant or the holders of a role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", content = "id", rename_all = "snake_case")]
pub enum StepActor {
    Body(BodyId),
    Role(TenantRole),
}

/// What the acting body or role does with the concern (OParl's roles of a
/// consultation).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum StepKind {
    /// Decides whether the concern goes on: approves or returns it.
    Approves,
    /// Deliberates and records the discussion; the concern goes on.
    Discusses,
    /// Is informed; the concern goes on.
    TakesNote,
}

/// One step of a route.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct RouteStep {
    /// What the step is called in the canton ("Prüfung Geschäftsstelle").
    pub label: Title,
    pub actor: StepActor,
    pub kind: StepKind,
}

/// The outcome recorded for the current step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum StepOutcome {
    /// The step approves (or, for an office check, finds it relevant).
    Approved,
    Discussed,
    Noted,
    /// Sent back to the author with a reason; the concern is a draft again.
    Returned,
}

impl StepKind {
    /// The outcomes a step of this kind may record.
    pub fn outcomes(&self) -> &'static [StepOutcome] {
        match self {
            Self::Approves => &[StepOutcome::Approved, StepOutcome::Returned],
            Self::Discusses => &[StepOutcome::Discussed, StepOutcome::Returned],
            Self::TakesNote => &[StepOutcome::Noted],
        }
    }
}

/// Most cantons need two or three steps; a limit keeps a route readable.
pub const MAX_ROUTE_STEPS: usize = 8;

/// A tenant's route as a concern starts it: the version and its steps. The
/// default (no steps) lets the coordinator submit directly, as in cantons
/// without IIZ bodies.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
pub struct RouteSnapshot {
    /// 0 for the default route, then 1, 2, … for each definition.
    pub version: u32,
    pub steps: Vec<RouteStep>,
}

impl RouteSnapshot {
    pub fn step(&self, index: usize) -> Option<&RouteStep> {
        self.steps.get(index)
    }

    pub fn is_direct(&self) -> bool {
        self.steps.is_empty()
    }
}
