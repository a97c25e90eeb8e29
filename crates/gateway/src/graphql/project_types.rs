//! GraphQL type of a project, its milestones judged on a given day.

use std::sync::Arc;

use async_graphql::{Enum, ID, Object, SimpleObject};
use chrono::NaiveDate;
use iiz_domain::project::ProjectKind;
use iiz_domain::text::FreeText;
use iiz_projections::{MilestoneStatus, MilestoneView, ProjectView};

use super::recommendation_enums::focus_id;
use super::shared_types::{AttachmentLink, Party, id, links};

/// Where a milestone stands on the day asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
#[graphql(remote = "MilestoneStatus")]
pub enum MilestoneStatusValue {
    Planned,
    Reached,
    Late,
}

/// Steered by the national IIZ, or listed for information.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
pub enum ProjectKindValue {
    Iiz,
    Associated,
}

#[derive(Debug, Clone, SimpleObject)]
pub struct ReplanInfo {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub reason: String,
}

#[derive(Debug, Clone, SimpleObject)]
pub struct Milestone {
    pub number: u32,
    pub title: String,
    pub due: NaiveDate,
    pub reached_on: Option<NaiveDate>,
    /// On the project's `asOf`.
    pub status: MilestoneStatusValue,
    /// Due before the project's `asOf` and not reached.
    pub late: bool,
    pub replans: Vec<ReplanInfo>,
    /// The EKG's notes.
    pub notes: Vec<String>,
}

fn milestone(view: &MilestoneView, as_of: NaiveDate) -> Milestone {
    let status = view.status_on(as_of);
    Milestone {
        number: view.number,
        title: view.title.as_str().to_owned(),
        due: view.due,
        reached_on: view.reached_on,
        status: status.into(),
        late: status == MilestoneStatus::Late,
        replans: view
            .replans
            .iter()
            .map(|replan| ReplanInfo {
                from: replan.from,
                to: replan.to,
                reason: replan.reason.as_str().to_owned(),
            })
            .collect(),
        notes: view.notes.iter().map(|n| n.as_str().to_owned()).collect(),
    }
}

/// A partner's declared funding.
#[derive(Debug, Clone, SimpleObject)]
pub struct FundingInfo {
    pub party: Party,
    /// Swiss francs.
    pub amount: u64,
}

#[derive(Debug, Clone, SimpleObject)]
pub struct ProjectResultInfo {
    pub summary: String,
    pub documents: Vec<AttachmentLink>,
    /// The STG's decision, once accepted.
    pub accepted: Option<String>,
}

/// A project: the read model, held once, and the day its milestones are
/// judged on; each field resolves from them.
#[derive(Debug, Clone)]
pub struct Project {
    view: Arc<ProjectView>,
    as_of: NaiveDate,
}

impl Project {
    pub fn of(view: ProjectView, as_of: NaiveDate) -> Self {
        Self {
            view: Arc::new(view),
            as_of,
        }
    }

    /// A text only an IIZ project carries.
    fn iiz_text(
        &self,
        text: impl Fn(&iiz_domain::project::IizProject) -> &FreeText,
    ) -> Option<&str> {
        match &self.view.kind {
            ProjectKind::Iiz(iiz) => Some(text(iiz).as_str()),
            ProjectKind::Associated { .. } => None,
        }
    }
}

/// A project, with its milestones judged on `asOf`.
#[Object]
impl Project {
    async fn id(&self) -> ID {
        id(self.view.id)
    }

    async fn title(&self) -> &str {
        self.view.title.as_str()
    }

    async fn focus_area(&self) -> Option<ID> {
        self.view.focus_area.as_ref().map(focus_id)
    }

    async fn kind(&self) -> ProjectKindValue {
        match self.view.kind {
            ProjectKind::Iiz(_) => ProjectKindValue::Iiz,
            ProjectKind::Associated { .. } => ProjectKindValue::Associated,
        }
    }

    /// The lead partner (IIZ projects) or the owner (associated ones).
    async fn lead(&self) -> Party {
        match &self.view.kind {
            ProjectKind::Iiz(iiz) => (&iiz.lead).into(),
            ProjectKind::Associated { owner, .. } => owner.into(),
        }
    }

    async fn funding(&self) -> Vec<FundingInfo> {
        match &self.view.kind {
            ProjectKind::Iiz(iiz) => iiz
                .funding
                .iter()
                .map(|(party, amount)| FundingInfo {
                    party: party.into(),
                    amount: *amount,
                })
                .collect(),
            ProjectKind::Associated { .. } => Vec::new(),
        }
    }

    /// Associated projects: what the project is about.
    async fn summary(&self) -> Option<&str> {
        match &self.view.kind {
            ProjectKind::Associated { summary, .. } => Some(summary.as_str()),
            ProjectKind::Iiz(_) => None,
        }
    }

    async fn resources(&self) -> Option<&str> {
        self.iiz_text(|iiz| &iiz.resources)
    }

    async fn question(&self) -> Option<&str> {
        self.iiz_text(|iiz| &iiz.question)
    }

    async fn goal(&self) -> Option<&str> {
        self.iiz_text(|iiz| &iiz.goal)
    }

    async fn output(&self) -> Option<&str> {
        self.iiz_text(|iiz| &iiz.output)
    }

    async fn process(&self) -> Option<&str> {
        self.iiz_text(|iiz| &iiz.process)
    }

    /// The project group.
    async fn group(&self) -> Option<&str> {
        self.iiz_text(|iiz| &iiz.group)
    }

    async fn communication(&self) -> Option<&str> {
        self.iiz_text(|iiz| &iiz.communication)
    }

    async fn as_of(&self) -> NaiveDate {
        self.as_of
    }

    async fn milestones(&self) -> Vec<Milestone> {
        self.view
            .milestones
            .iter()
            .map(|m| milestone(m, self.as_of))
            .collect()
    }

    /// How many milestones are late on `asOf`.
    async fn late_milestones(&self) -> usize {
        self.view.late_on(self.as_of).count()
    }

    async fn result(&self) -> Option<ProjectResultInfo> {
        self.view.result.as_ref().map(|result| ProjectResultInfo {
            summary: result.summary.as_str().to_owned(),
            documents: links(&result.documents),
            accepted: result
                .accepted
                .as_ref()
                .map(|text| text.as_str().to_owned()),
        })
    }

    async fn closed(&self) -> bool {
        self.view.closed
    }
}
