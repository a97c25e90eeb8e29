//! GraphQL types of working groups and of the chairs of the bodies.

use std::sync::Arc;

use async_graphql::{Enum, ID, Object, SimpleObject};
use chrono::NaiveDate;
use iiz_domain::chair::ChairRule;
use iiz_domain::working_group::GroupRole;
use iiz_projections::{ChairTerm, ChairView, WorkingGroupView};

use super::decision_types::DecisionReferenceInfo;
use super::shared_types::{AttachmentLink, Party, id, links};

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

/// A working group: the read model, held once; each field resolves from it.
#[derive(Debug, Clone)]
pub struct WorkingGroup(Arc<WorkingGroupView>);

impl From<WorkingGroupView> for WorkingGroup {
    fn from(view: WorkingGroupView) -> Self {
        Self(Arc::new(view))
    }
}

/// A working group with its mandate (the national concept's template).
#[Object]
impl WorkingGroup {
    async fn id(&self) -> ID {
        id(self.0.id)
    }

    /// The mandating body's tenant.
    async fn tenant(&self) -> ID {
        ID(self.0.tenant.as_str().to_owned())
    }

    async fn mandated_by(&self) -> ID {
        id(self.0.mandated_by)
    }

    /// The body above that approved the mandate.
    async fn approved_by(&self) -> Option<ID> {
        self.0.approved_by.map(id)
    }

    async fn mandated_on(&self) -> NaiveDate {
        self.0.mandated_on
    }

    async fn title(&self) -> &str {
        self.0.mandate.title.as_str()
    }

    /// Situation and question.
    async fn question(&self) -> &str {
        self.0.mandate.question.as_str()
    }

    async fn goal(&self) -> &str {
        self.0.mandate.goal.as_str()
    }

    /// Output and process.
    async fn output(&self) -> &str {
        self.0.mandate.output.as_str()
    }

    async fn composition(&self) -> &str {
        self.0.mandate.composition.as_str()
    }

    async fn communication(&self) -> &str {
        self.0.mandate.communication.as_str()
    }

    async fn financing(&self) -> &str {
        self.0.mandate.financing.as_str()
    }

    async fn resources(&self) -> &str {
        self.0.mandate.resources.as_str()
    }

    /// The mandate ends on this day.
    async fn until(&self) -> NaiveDate {
        self.0.mandate.until
    }

    /// The concerns the EKG gave to this group.
    async fn concerns(&self) -> Vec<ID> {
        self.0.mandate.concerns.iter().map(id).collect()
    }

    async fn lead(&self) -> Option<ID> {
        self.0.lead().map(id)
    }

    async fn members(&self) -> Vec<GroupMemberInfo> {
        self.0
            .members
            .iter()
            .map(|member| GroupMemberInfo {
                person: id(member.person),
                tenant: ID(member.tenant.as_str().to_owned()),
                role: member.role.into(),
            })
            .collect()
    }

    async fn progress(&self) -> Vec<ProgressInfo> {
        self.0
            .progress
            .iter()
            .map(|entry| ProgressInfo {
                text: entry.text.as_str().to_owned(),
                on: entry.on,
            })
            .collect()
    }

    async fn result(&self) -> Option<GroupResultInfo> {
        self.0.result.as_ref().map(|result| GroupResultInfo {
            summary: result.summary.as_str().to_owned(),
            documents: links(&result.documents),
            on: result.on,
            decision: result
                .decision
                .as_ref()
                .map(|text| text.as_str().to_owned()),
            next_steps: result
                .next_steps
                .as_ref()
                .map(|text| text.as_str().to_owned()),
        })
    }

    async fn dissolution(&self) -> Option<DissolutionInfo> {
        self.0.dissolution.as_ref().map(|end| DissolutionInfo {
            reason: end.reason.as_str().to_owned(),
            on: end.on,
        })
    }

    async fn active(&self) -> bool {
        self.0.active
    }
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
