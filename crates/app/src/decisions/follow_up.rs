//! What an STG decision on a concern creates or links (IIZ 3.0, 2.1, 3.1,
//! 3.2): a decision "project" registers a project or links one, "working
//! group" mandates one naming the concern or links an existing mandate,
//! "new action field" adds it to the work programme current on the
//! decision's day. Each step is carried out after the concern's decision
//! with a key derived from the decision's own, so carrying the decision
//! out again creates nothing twice; the concern then records the link.

use chrono::NaiveDate;
use iiz_domain::concern::StgOutcome;
use iiz_domain::follow_up::{FollowUp, FollowUpLink};
use iiz_domain::ids::{ProgrammeId, ProjectId, WorkingGroupId};
use iiz_domain::programme::{ProgrammeCommand, ProgrammeEvent, WorkProgrammes};
use iiz_domain::project::{Project, ProjectCommand};
use iiz_domain::working_group::{WorkingGroup, WorkingGroupCommand};
use iiz_domain::{
    Aggregate, ConceptRule, ConcernCommand, ConcernId, DomainEvent, ErrorKind, TenantId, Title,
};
use iiz_projections::{
    PROGRAMMES, PROJECTS, ProgrammeView, ProjectView, WORKING_GROUPS, WorkingGroupView,
};
use iiz_store::{EventMetadata, RecordedEvent};

use crate::steering::{programme_stream, project_stream};
use crate::tenants::seeded_body_id;
use crate::working_groups::working_group_stream;
use crate::{App, AppError, Executed};

/// A follow-up checked against the platform's state, ready to carry out.
#[derive(Debug, Clone)]
pub(crate) enum Prepared {
    /// Links what exists already.
    Link(FollowUpLink, Title),
    Create(FollowUp),
    /// An action field for this programme.
    AddActionField(ProgrammeId, FollowUp),
}

fn effects(message: String) -> AppError {
    AppError::governance(
        ConceptRule::StgDecisionEffects,
        ErrorKind::Validation,
        message,
    )
}

/// The key of one step of a decision's follow-up.
fn keyed(metadata: &EventMetadata, step: &str) -> EventMetadata {
    let mut metadata = metadata.clone();
    metadata.idempotency_key = metadata
        .idempotency_key
        .map(|key| format!("{key}:follow-up:{step}"));
    metadata
}

fn first_event(executed: &Executed) -> Result<&RecordedEvent, AppError> {
    executed
        .events
        .first()
        .ok_or_else(|| AppError::Internal("a follow-up step recorded nothing".to_owned()))
}

impl App {
    /// Checks a decision's follow-up before the decision is carried out:
    /// it must match the outcome, and what it links must exist (a
    /// programme must be current for a new action field).
    pub(crate) async fn prepare_follow_up(
        &self,
        outcome: StgOutcome,
        follow_up: &FollowUp,
        on: NaiveDate,
    ) -> Result<Prepared, AppError> {
        follow_up.check(outcome).map_err(AppError::domain)?;
        Ok(match follow_up {
            FollowUp::LinkProject { project } => {
                let view = self
                    .typed_doc::<ProjectView>(PROJECTS, &project.to_string())
                    .await?
                    .ok_or_else(|| effects(format!("project {project} does not exist")))?;
                Prepared::Link(FollowUpLink::Project { project: *project }, view.title)
            }
            FollowUp::LinkWorkingGroup { working_group } => {
                let view = self
                    .typed_doc::<WorkingGroupView>(WORKING_GROUPS, &working_group.to_string())
                    .await?
                    .filter(|view| view.active)
                    .ok_or_else(|| {
                        effects(format!(
                            "working group {working_group} is no active mandate"
                        ))
                    })?;
                Prepared::Link(
                    FollowUpLink::WorkingGroup {
                        working_group: *working_group,
                    },
                    view.mandate.title,
                )
            }
            FollowUp::AddActionField { .. } => {
                let programmes: Vec<ProgrammeView> = self.all_docs(PROGRAMMES, Vec::new()).await?;
                let current = programmes
                    .into_iter()
                    .find(|programme| programme.runs_on(on) && programme.closure.is_none())
                    .ok_or_else(|| {
                        effects(format!(
                            "no work programme is current on {on}: a new action field is added to the current one, so the STG adopts a programme first"
                        ))
                    })?;
                Prepared::AddActionField(current.id, follow_up.clone())
            }
            FollowUp::RegisterProject { .. } | FollowUp::MandateWorkingGroup { .. } => {
                Prepared::Create(follow_up.clone())
            }
        })
    }

    /// Creates what the follow-up creates and links it on the concern.
    pub(crate) async fn carry_out_follow_up(
        &self,
        concern: ConcernId,
        prepared: Prepared,
        on: NaiveDate,
        metadata: &EventMetadata,
    ) -> Result<(), AppError> {
        let (link, title) = match prepared {
            Prepared::Link(link, title) => (link, title),
            Prepared::Create(FollowUp::RegisterProject {
                title,
                focus_area,
                project,
            }) => {
                let id = ProjectId::new();
                let command = ProjectCommand::Register {
                    id,
                    title: title.clone(),
                    focus_area,
                    kind: *project,
                };
                let executed = self
                    .execute::<Project>(project_stream(id), command, keyed(metadata, "create"))
                    .await?;
                // Carried out again: the project first registered.
                let project = ProjectId::parse(&first_event(&executed)?.stream.stream_id)
                    .map_err(|error| AppError::Internal(format!("project id: {error}")))?;
                (FollowUpLink::Project { project }, title)
            }
            Prepared::Create(FollowUp::MandateWorkingGroup { mut mandate }) => {
                mandate.concerns.insert(concern);
                let title = mandate.title.clone();
                let id = WorkingGroupId::new();
                let command = WorkingGroupCommand::Mandate {
                    id,
                    mandated_by: seeded_body_id(TenantId::National, "STG"),
                    approved_by: None,
                    mandate,
                    on,
                };
                let executed = self
                    .execute::<WorkingGroup>(
                        working_group_stream(TenantId::National, id),
                        command,
                        keyed(metadata, "create"),
                    )
                    .await?;
                let working_group = WorkingGroupId::parse(
                    &first_event(&executed)?.stream.stream_id,
                )
                .map_err(|error| AppError::Internal(format!("working group id: {error}")))?;
                (FollowUpLink::WorkingGroup { working_group }, title)
            }
            Prepared::AddActionField(programme, FollowUp::AddActionField { field }) => {
                let title = field.title.clone();
                let command = ProgrammeCommand::AddActionField { programme, field };
                let executed = self
                    .execute::<WorkProgrammes>(
                        programme_stream(),
                        command,
                        keyed(metadata, "create"),
                    )
                    .await?;
                let recorded = first_event(&executed)?;
                let event = <WorkProgrammes as Aggregate>::Event::decode(
                    &recorded.event_type,
                    recorded.payload.clone(),
                )?;
                let ProgrammeEvent::ActionFieldAdded { number, .. } = event else {
                    return Err(AppError::Internal(format!(
                        "adding an action field recorded {}",
                        event.event_type()
                    )));
                };
                (FollowUpLink::ActionField { programme, number }, title)
            }
            Prepared::Create(other) | Prepared::AddActionField(_, other) => {
                return Err(AppError::Internal(format!(
                    "follow-up {} prepared as something else",
                    other.as_str()
                )));
            }
        };
        let command = ConcernCommand::LinkFollowUp { link, title };
        self.concern_step(concern, command, keyed(metadata, "link"))
            .await
    }
}
