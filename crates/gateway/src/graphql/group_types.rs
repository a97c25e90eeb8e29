//! GraphQL types of working groups and of the chairs of the bodies.

use async_graphql::{Enum, ID, SimpleObject};
use chrono::NaiveDate;
use iiz_domain::chair::ChairRule;
use iiz_domain::working_group::GroupRole;
use iiz_projections::{ChairTerm, ChairView, WorkingGroupView};

use super::concern_types::{AttachmentLink, Party};
use super::meeting_types::DecisionReferenceInfo;

/// A member's part in a working group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
#[graphql(remote = "GroupRole")]
pub enum GroupRoleValue {
    Lead,
    Member,
}

/// A member of a working group, from whichever tenant.
#[derive(Debug, Clone, SimpleObject)]
pub struct GroupMemberInfo {
    pub person: ID,
    /// The tenant the member takes part for.
    pub tenant: ID,
    pub role: GroupRoleValue,
}

/// A progress report of a group.
#[derive(Debug, Clone, SimpleObject)]
pub struct ProgressInfo {
    pub text: String,
    pub on: NaiveDate,
}

/// A group's result and what the mandating body decided on it.
#[derive(Debug, Clone, SimpleObject)]
pub struct GroupResultInfo {
    pub summary: String,
    pub documents: Vec<AttachmentLink>,
    pub on: NaiveDate,
    /// Set once the mandating body took note.
    pub decision: Option<String>,
    pub next_steps: Option<String>,
}

/// How a group ended.
#[derive(Debug, Clone, SimpleObject)]
pub struct DissolutionInfo {
    pub reason: String,
    pub on: NaiveDate,
}

/// A working group with its mandate (the national concept's template).
#[derive(Debug, Clone, SimpleObject)]
pub struct WorkingGroup {
    pub id: ID,
    /// The mandating body's tenant.
    pub tenant: ID,
    pub mandated_by: ID,
    /// The body above that approved the mandate.
    pub approved_by: Option<ID>,
    pub mandated_on: NaiveDate,
    pub title: String,
    /// Situation and question.
    pub question: String,
    pub goal: String,
    /// Output and process.
    pub output: String,
    pub composition: String,
    pub communication: String,
    pub financing: String,
    pub resources: String,
    /// The mandate ends on this day.
    pub until: NaiveDate,
    /// The concerns the EKG gave to this group.
    pub concerns: Vec<ID>,
    pub lead: Option<ID>,
    pub members: Vec<GroupMemberInfo>,
    pub progress: Vec<ProgressInfo>,
    pub result: Option<GroupResultInfo>,
    pub dissolution: Option<DissolutionInfo>,
    pub active: bool,
}

impl From<WorkingGroupView> for WorkingGroup {
    fn from(view: WorkingGroupView) -> Self {
        let lead = view.lead().map(|person| ID(person.to_string()));
        let mandate = view.mandate;
        Self {
            id: ID(view.id.to_string()),
            tenant: ID(view.tenant.as_str().to_owned()),
            mandated_by: ID(view.mandated_by.to_string()),
            approved_by: view.approved_by.map(|body| ID(body.to_string())),
            mandated_on: view.mandated_on,
            title: mandate.title.as_str().to_owned(),
            question: mandate.question.as_str().to_owned(),
            goal: mandate.goal.as_str().to_owned(),
            output: mandate.output.as_str().to_owned(),
            composition: mandate.composition.as_str().to_owned(),
            communication: mandate.communication.as_str().to_owned(),
            financing: mandate.financing.as_str().to_owned(),
            resources: mandate.resources.as_str().to_owned(),
            until: mandate.until,
            concerns: mandate
                .concerns
                .iter()
                .map(|id| ID(id.to_string()))
                .collect(),
            lead,
            members: view
                .members
                .into_iter()
                .map(|member| GroupMemberInfo {
                    person: ID(member.person.to_string()),
                    tenant: ID(member.tenant.as_str().to_owned()),
                    role: member.role.into(),
                })
                .collect(),
            progress: view
                .progress
                .into_iter()
                .map(|entry| ProgressInfo {
                    text: entry.text.as_str().to_owned(),
                    on: entry.on,
                })
                .collect(),
            result: view.result.map(|result| GroupResultInfo {
                summary: result.summary.as_str().to_owned(),
                documents: links(&result.documents),
                on: result.on,
                decision: result.decision.map(|text| text.as_str().to_owned()),
                next_steps: result.next_steps.map(|text| text.as_str().to_owned()),
            }),
            dissolution: view.dissolution.map(|end| DissolutionInfo {
                reason: end.reason.as_str().to_owned(),
                on: end.on,
            }),
            active: view.active,
        }
    }
}

/// Document links as the API shows them.
pub(super) fn links(documents: &[iiz_domain::concern::Attachment]) -> Vec<AttachmentLink> {
    documents
        .iter()
        .map(|document| AttachmentLink {
            title: document.title.as_str().to_owned(),
            link: document.link.as_str().to_owned(),
        })
        .collect()
}

/// How a body's chair changes hands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
pub enum ChairRuleKind {
    /// Among a set of offices, each term for a fixed number of years, in
    /// any order that does not repeat the current office.
    Rotation,
    /// The body chooses the office freely (stored records from before).
    Free,
    /// The body chooses its chair and deputy by its decision, each term for
    /// a fixed number of years.
    Elected,
}

/// A body's chair rule.
#[derive(Debug, Clone, SimpleObject)]
pub struct ChairRuleInfo {
    pub kind: ChairRuleKind,
    /// The offices of a rotation, in order.
    pub offices: Vec<Party>,
    /// The length of a rotation's or an elected chair's terms.
    pub years: Option<u32>,
    /// The longest term under a free rule, if limited.
    pub max_years: Option<u32>,
}

/// One chair term.
#[derive(Debug, Clone, SimpleObject)]
pub struct ChairTermInfo {
    pub number: u32,
    pub office: Party,
    pub person: Option<ID>,
    pub from: NaiveDate,
    /// The term's last day.
    pub until: NaiveDate,
    /// The deputy's office, when recorded.
    pub deputy: Option<Party>,
    pub deputy_person: Option<ID>,
    /// The body's decision that chose the term (an elected chair).
    pub decided_by: Option<DecisionReferenceInfo>,
    /// Recorded as it happened, outside the body's rule.
    pub past_record: bool,
}

impl From<&ChairTerm> for ChairTermInfo {
    fn from(term: &ChairTerm) -> Self {
        Self {
            number: term.number,
            office: (&term.office).into(),
            person: term.person.map(|person| ID(person.to_string())),
            from: term.from,
            until: term.until,
            deputy: term.deputy.as_ref().map(Into::into),
            deputy_person: term.deputy_person.map(|person| ID(person.to_string())),
            decided_by: term.decided_by.as_ref().map(Into::into),
            past_record: term.past,
        }
    }
}

/// Who chairs a body on `asOf`, who chaired it before, and every term
/// recorded (planned ones included).
#[derive(Debug, Clone, SimpleObject)]
pub struct ChairHistory {
    pub body: ID,
    pub rule: ChairRuleInfo,
    pub as_of: NaiveDate,
    pub current: Option<ChairTermInfo>,
    /// Ended before `asOf`, most recent first.
    pub past: Vec<ChairTermInfo>,
    /// Every term, oldest first.
    pub terms: Vec<ChairTermInfo>,
}

impl ChairHistory {
    pub fn of(view: &ChairView, as_of: NaiveDate) -> Self {
        let rule = match &view.rule {
            ChairRule::Rotation { offices, years } => ChairRuleInfo {
                kind: ChairRuleKind::Rotation,
                offices: offices.iter().map(Into::into).collect(),
                years: Some(*years),
                max_years: None,
            },
            ChairRule::Elected { years } => ChairRuleInfo {
                kind: ChairRuleKind::Elected,
                offices: Vec::new(),
                years: Some(*years),
                max_years: None,
            },
            ChairRule::Free { max_years } => ChairRuleInfo {
                kind: ChairRuleKind::Free,
                offices: Vec::new(),
                years: None,
                max_years: *max_years,
            },
        };
        Self {
            body: ID(view.body.to_string()),
            rule,
            as_of,
            current: view.current_on(as_of).map(Into::into),
            past: view.past_on(as_of).map(Into::into).collect(),
            terms: view.terms.iter().map(Into::into).collect(),
        }
    }
}
