//! Read models: named projections over the event log.
//!
//! A projection is synchronous code over documents ([`iiz_store::DocSet`]):
//! it names the documents an event touches and changes them in memory; the
//! store does the IO. The same projection runs
//! - *inline*, inside the transaction of every append (read-your-writes for
//!   the API), through the [`Projections`] registry, and
//! - in a *rebuild*, replaying the whole log into a new generation of the
//!   read models that is switched in when it has caught up ([`rebuild()`]),
//!   which `iiz replay` runs and `iiz serve` runs (one instance for all) when
//!   a projection's version changed, while the live generation serves.

mod body_directory;
mod body_members;
mod concerns;
mod docs;
mod meetings;
mod network_directory;
mod panorama;
mod people_directory;
mod projects;
mod rebuild;
mod recommendations;
mod resolutions;
mod steering;
mod tenant_directory;
#[cfg(test)]
mod testing;
mod working_groups;

use std::sync::Arc;

use iiz_store::{DocKey, DocSet, InlineProjector, ProjectionError, RecordedEvent};

pub use body_directory::{BODIES, BodyDirectory, BodyView};
pub use body_members::{BODY_MEMBERS, BodyMembers, BodyMembersView, Seat};
pub use concerns::{
    ANSWER_QUEUE, Answer, CONCERN_NOTES, CONCERN_STATS, CONCERN_TOTALS, CONCERNS, ConcernNotes,
    ConcernRegister, ConcernStatistics, ConcernStats, ConcernTotals, ConcernView, EKG_QUEUE,
    Endorsement, FollowUpView, INTAKE_QUEUE, QueueEntry, STG_QUEUE, TenantTotals, TimelineEntry,
    queue_of, time_key,
};
pub use docs::{decode, get_typed, put_searchable, put_typed};
pub use meetings::{
    ApprovalView, CalendarEntry, ItemMinutes, ItemView, MEETING_CALENDAR, MEETINGS, MeetingCounts,
    MeetingRegister, MeetingStatus, MeetingView, MeetingYear, Revision, RevisionKind, Sending,
    local_key, meeting_year,
};
pub use network_directory::{
    CoordinatorProposal, Delegation, JoinRequest, NETWORKS, NetworkDirectory, NetworkStatus,
    NetworkView,
};
pub use panorama::{
    AnswerStatus, CANTON_PROFILES, CantonAnswerView, CorrectionView, FIGURE_REVISIONS,
    FiguresRevisionView, FiguresView, KEY_FIGURES, PANORAMA_ROUNDS, PANORAMA_SNAPSHOTS,
    PROFILE_REVISIONS, PanoramaRegister, ProfileRevisionView, ProfileView, RevisionEntry,
    RoundView, SnapshotSection, SnapshotView, canton_year_id, revision_id,
};
pub use people_directory::{ERASED_NAME, PEOPLE, PeopleDirectory, PersonView, RoleGrant};
pub use projects::{
    MilestoneStatus, MilestoneView, PROJECTS, ProjectRegister, ProjectResult, ProjectView, Replan,
};
pub use rebuild::{
    RebuildError, RebuildProgress, RebuildReport, Staleness, rebuild, rebuild_if_stale, staleness,
};
pub use recommendations::{
    AddresseeFigures, AddresseeItem, Adoption, AnswerEntry, Distribution, DueItem, DueKind,
    FlagView, FlaggedItem, HistoryEntry, MonitoringDashboard, MonitoringDigest, MonitoringPolicy,
    MonitoringRow, OLDEST_OPEN, OpenFlag, OpenItem, PriorityMark, RECOMMENDATION_DIGESTS,
    RECOMMENDATION_INDEX, RECOMMENDATION_ITEMS, RECOMMENDATION_MONITORING, RECOMMENDATIONS,
    RatePoint, RecommendationRegister, RecommendationSummary, RecommendationView, ReportEntry,
    Resolution, StatusPoint, VersionEntry, due_next, item_key, long_outstanding_on, overdue,
    recommendation_figures,
};
pub use resolutions::{
    RESOLUTIONS, ResolutionAnswer, ResolutionRegister, ResolutionStatus, ResolutionView, Withdrawal,
};
pub use steering::{
    ActionFieldView, BUDGETS, BudgetRegister, BudgetView, CHAIRS, ChairRegister, ChairTerm,
    ChairView, FocusAreaPlan, PROGRAMMES, ProgrammeClosure, ProgrammeProject, ProgrammeRegister,
    ProgrammeView, YearReport,
};
pub use tenant_directory::{TENANTS, TenantDirectory, TenantView};
pub use working_groups::{
    Dissolution, GroupMember, GroupResult, ProgressEntry, WORKING_GROUPS, WorkingGroupRegister,
    WorkingGroupView,
};

/// One read model.
pub trait Projection: Send + Sync + std::fmt::Debug {
    /// Unique name; also the name of its checkpoint.
    fn name(&self) -> &'static str;

    /// Bumped whenever the documents' shape or meaning changes, which makes
    /// the next start rebuild the projection from the log.
    fn version(&self) -> i32;

    /// The collections the projection owns (and a rebuild empties).
    fn collections(&self) -> &'static [&'static str];

    /// Whether events of this stream type concern the projection.
    fn handles(&self, stream_type: &str) -> bool;

    /// The documents `apply` will read or write for this event.
    fn keys(&self, event: &RecordedEvent) -> Result<Vec<DocKey>, ProjectionError>;

    /// Applies one event.
    fn apply(&self, docs: &mut DocSet, event: &RecordedEvent) -> Result<(), ProjectionError>;
}

/// Every projection of the platform, run together.
#[derive(Debug, Clone)]
pub struct Projections {
    all: Vec<Arc<dyn Projection>>,
}

impl Projections {
    pub fn new(all: Vec<Arc<dyn Projection>>) -> Self {
        Self { all }
    }

    /// The platform's read models.
    pub fn platform() -> Self {
        Self::new(vec![
            Arc::new(TenantDirectory),
            Arc::new(BodyDirectory),
            Arc::new(BodyMembers),
            Arc::new(PeopleDirectory),
            Arc::new(NetworkDirectory),
            Arc::new(ConcernRegister),
            Arc::new(ConcernStats),
            Arc::new(RecommendationRegister),
            Arc::new(MeetingRegister),
            Arc::new(ResolutionRegister),
            Arc::new(WorkingGroupRegister),
            Arc::new(ProjectRegister),
            Arc::new(ProgrammeRegister),
            Arc::new(ChairRegister),
            Arc::new(BudgetRegister),
            Arc::new(PanoramaRegister),
        ])
    }

    pub fn iter(&self) -> impl Iterator<Item = &Arc<dyn Projection>> {
        self.all.iter()
    }

    /// Every collection of every projection.
    pub fn collections(&self) -> Vec<&'static str> {
        self.all
            .iter()
            .flat_map(|p| p.collections().iter().copied())
            .collect()
    }
}

impl InlineProjector for Projections {
    fn handles(&self, stream_type: &str) -> bool {
        self.all
            .iter()
            .any(|projection| projection.handles(stream_type))
    }

    fn keys(&self, events: &[RecordedEvent]) -> Result<Vec<DocKey>, ProjectionError> {
        let mut keys = Vec::new();
        for event in events {
            for projection in &self.all {
                if projection.handles(&event.stream.stream_type) {
                    keys.extend(projection.keys(event)?);
                }
            }
        }
        keys.sort();
        keys.dedup();
        Ok(keys)
    }

    fn apply(&self, docs: &mut DocSet, events: &[RecordedEvent]) -> Result<(), ProjectionError> {
        for event in events {
            for projection in &self.all {
                if projection.handles(&event.stream.stream_type) {
                    projection.apply(docs, event)?;
                }
            }
        }
        Ok(())
    }
}
