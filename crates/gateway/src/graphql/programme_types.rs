//! GraphQL types of projects (milestones late on a given day), work
//! programmes and the Fachstelle's budgets.

use async_graphql::{ComplexObject, Context, Enum, ID, Result, SimpleObject};
use chrono::{DateTime, NaiveDate, Utc};
use iiz_domain::ids::ProjectId;
use iiz_domain::project::ProjectKind;
use iiz_projections::{BudgetView, MilestoneStatus, MilestoneView, ProgrammeView, ProjectView};

use super::concern_types::{AttachmentLink, Party};
use super::group_types::{ChairTermInfo, links};
use super::mutation::caller;
use super::recommendation_types::focus_id;

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

/// A project, with its milestones judged on `asOf`.
#[derive(Debug, Clone, SimpleObject)]
pub struct Project {
    pub id: ID,
    pub title: String,
    pub focus_area: Option<ID>,
    pub kind: ProjectKindValue,
    /// The lead partner (IIZ projects) or the owner (associated ones).
    pub lead: Party,
    pub funding: Vec<FundingInfo>,
    /// Associated projects: what the project is about.
    pub summary: Option<String>,
    pub resources: Option<String>,
    pub question: Option<String>,
    pub goal: Option<String>,
    pub output: Option<String>,
    pub process: Option<String>,
    /// The project group.
    pub group: Option<String>,
    pub communication: Option<String>,
    pub as_of: NaiveDate,
    pub milestones: Vec<Milestone>,
    /// How many milestones are late on `asOf`.
    pub late_milestones: usize,
    pub result: Option<ProjectResultInfo>,
    pub closed: bool,
}

fn some(text: &iiz_domain::text::FreeText) -> Option<String> {
    Some(text.as_str().to_owned())
}

impl Project {
    pub fn of(view: ProjectView, as_of: NaiveDate) -> Self {
        let late_milestones = view.late_on(as_of).count();
        let mut project = Self {
            id: ID(view.id.to_string()),
            title: view.title.as_str().to_owned(),
            focus_area: view.focus_area.as_ref().map(focus_id),
            kind: ProjectKindValue::Associated,
            lead: Party {
                kind: String::new(),
                code: String::new(),
            },
            funding: Vec::new(),
            summary: None,
            resources: None,
            question: None,
            goal: None,
            output: None,
            process: None,
            group: None,
            communication: None,
            as_of,
            milestones: view
                .milestones
                .iter()
                .map(|m| milestone(m, as_of))
                .collect(),
            late_milestones,
            result: view.result.map(|result| ProjectResultInfo {
                summary: result.summary.as_str().to_owned(),
                documents: links(&result.documents),
                accepted: result.accepted.map(|text| text.as_str().to_owned()),
            }),
            closed: view.closed,
        };
        match &view.kind {
            ProjectKind::Iiz(iiz) => {
                project.kind = ProjectKindValue::Iiz;
                project.lead = (&iiz.lead).into();
                project.funding = iiz
                    .funding
                    .iter()
                    .map(|(party, amount)| FundingInfo {
                        party: party.into(),
                        amount: *amount,
                    })
                    .collect();
                project.resources = some(&iiz.resources);
                project.question = some(&iiz.question);
                project.goal = some(&iiz.goal);
                project.output = some(&iiz.output);
                project.process = some(&iiz.process);
                project.group = some(&iiz.group);
                project.communication = some(&iiz.communication);
            }
            ProjectKind::Associated { owner, summary } => {
                project.lead = owner.into();
                project.summary = some(summary);
            }
        }
        project
    }
}

#[derive(Debug, Clone, SimpleObject)]
pub struct EkgConsultationInfo {
    pub on: NaiveDate,
    pub reference: String,
    pub statement: String,
}

#[derive(Debug, Clone, SimpleObject)]
pub struct ActionFieldInfo {
    pub number: u32,
    pub focus_area: ID,
    pub title: String,
    pub description: String,
}

/// A focus area as the programme defines it, with its goal for the period.
#[derive(Debug, Clone, SimpleObject)]
pub struct FocusAreaPlanInfo {
    /// Its key, which recommendations, concerns and projects name.
    pub focus_area: ID,
    pub title: String,
    pub description: String,
    pub goal: String,
}

/// A project of the programme.
#[derive(Debug, Clone, SimpleObject)]
#[graphql(complex)]
pub struct ProgrammeProjectInfo {
    pub project_id: ID,
    pub focus_area: ID,
    pub action_field: Option<u32>,
    /// Why it was taken out of the programme, if it was.
    pub unlinked_reason: Option<String>,
}

#[ComplexObject]
impl ProgrammeProjectInfo {
    /// The project, its milestones judged on `asOf` (default today).
    async fn project(&self, ctx: &Context<'_>, as_of: Option<NaiveDate>) -> Result<Project> {
        let (caller, request, _) = caller(ctx)?;
        let id = ProjectId::parse(self.project_id.as_str())
            .map_err(|error| super::invalid(error.to_string()))?;
        let view = caller
            .project(id)
            .await
            .map_err(|error| request.error(error))?;
        Ok(Project::of(
            view,
            as_of.unwrap_or_else(iiz_app::recommendations::today),
        ))
    }
}

#[derive(Debug, Clone, SimpleObject)]
pub struct ProgrammeClosureInfo {
    pub on: NaiveDate,
    pub report: String,
}

/// The STG's two-year work programme.
#[derive(Debug, Clone, SimpleObject)]
#[graphql(complex)]
pub struct WorkProgramme {
    pub id: ID,
    pub from: NaiveDate,
    /// The last day of the two years.
    pub until: NaiveDate,
    pub adopted_on: NaiveDate,
    pub decision: String,
    pub consultation: EkgConsultationInfo,
    pub focus_areas: Vec<FocusAreaPlanInfo>,
    pub action_fields: Vec<ActionFieldInfo>,
    /// Linked projects, and those taken out with the reason.
    pub projects: Vec<ProgrammeProjectInfo>,
    pub closure: Option<ProgrammeClosureInfo>,
}

impl From<ProgrammeView> for WorkProgramme {
    fn from(view: ProgrammeView) -> Self {
        Self {
            id: ID(view.id.to_string()),
            from: view.from,
            until: view.until,
            adopted_on: view.adopted_on,
            decision: view.decision.as_str().to_owned(),
            consultation: EkgConsultationInfo {
                on: view.consultation.on,
                reference: view.consultation.reference.as_str().to_owned(),
                statement: view.consultation.statement.as_str().to_owned(),
            },
            focus_areas: view
                .focus_areas
                .iter()
                .map(|plan| FocusAreaPlanInfo {
                    focus_area: focus_id(&plan.focus_area),
                    title: plan.title.as_str().to_owned(),
                    description: plan.description.as_str().to_owned(),
                    goal: plan.goal.as_str().to_owned(),
                })
                .collect(),
            action_fields: view
                .action_fields
                .iter()
                .map(|field| ActionFieldInfo {
                    number: field.number,
                    focus_area: focus_id(&field.focus_area),
                    title: field.title.as_str().to_owned(),
                    description: field.description.as_str().to_owned(),
                })
                .collect(),
            projects: view
                .projects
                .iter()
                .map(|link| ProgrammeProjectInfo {
                    project_id: ID(link.project.to_string()),
                    focus_area: focus_id(&link.focus_area),
                    action_field: link.action_field,
                    unlinked_reason: link.unlinked.as_ref().map(|r| r.as_str().to_owned()),
                })
                .collect(),
            closure: view.closure.map(|closure| ProgrammeClosureInfo {
                on: closure.on,
                report: closure.report.as_str().to_owned(),
            }),
        }
    }
}

#[derive(Debug, Clone, SimpleObject)]
pub struct YearReportInfo {
    pub year: i32,
    /// Swiss francs spent in the year.
    pub spent: u64,
    pub narrative: String,
    pub reported_at: DateTime<Utc>,
    /// The STG's note, once taken.
    pub note: Option<String>,
}

/// The Fachstelle's four-year operating budget.
#[derive(Debug, Clone, SimpleObject)]
pub struct Budget {
    pub id: ID,
    pub first_year: i32,
    pub last_year: i32,
    /// Swiss francs over the four years.
    pub total: u64,
    /// What each funding office pays.
    pub share: u64,
    /// The funding offices (BSV, SBFI, SECO, SEM).
    pub offices: Vec<String>,
    pub purpose: String,
    /// Spent according to the yearly reports so far.
    pub spent: u64,
    pub reports: Vec<YearReportInfo>,
}

impl From<BudgetView> for Budget {
    fn from(view: BudgetView) -> Self {
        Self {
            id: ID(view.id.to_string()),
            first_year: view.first_year,
            last_year: view.last_year,
            total: view.total,
            share: view.share,
            offices: view.offices.iter().map(|o| o.code().to_owned()).collect(),
            purpose: view.purpose.as_str().to_owned(),
            spent: view.spent(),
            reports: view
                .reports
                .into_iter()
                .map(|report| YearReportInfo {
                    year: report.year,
                    spent: report.spent,
                    narrative: report.narrative.as_str().to_owned(),
                    reported_at: report.reported_at,
                    note: report.note.map(|note| note.as_str().to_owned()),
                })
                .collect(),
        }
    }
}

#[ComplexObject]
impl WorkProgramme {
    /// The STG chair term the programme starts under (programmes are
    /// adopted at chair changes); null when the STG's chairs are not
    /// recorded for its first day.
    async fn chair(&self, ctx: &Context<'_>) -> Result<Option<ChairTermInfo>> {
        let (caller, request, _) = caller(ctx)?;
        let term = caller
            .stg_chair_on(self.from)
            .await
            .map_err(|error| request.error(error))?;
        Ok(term.as_ref().map(Into::into))
    }
}
