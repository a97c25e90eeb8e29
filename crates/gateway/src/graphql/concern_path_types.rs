//! GraphQL types of what an STG decision on a concern created or linked:
//! a project, a working group, an action field of the work programme.

use async_graphql::{Enum, ID, SimpleObject};
use iiz_domain::follow_up::FollowUpLink;
use iiz_projections::FollowUpView;

/// What kind of item a decision created or linked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Enum)]
pub enum FollowUpKind {
    Project,
    WorkingGroup,
    ActionField,
}

/// A project, working group or action field an STG decision created or
/// linked.
#[derive(Debug, Clone, SimpleObject)]
pub struct FollowUpInfo {
    pub kind: FollowUpKind,
    /// The project or working group; the programme of an action field.
    pub id: ID,
    /// The action field's number in its programme.
    pub number: Option<u32>,
    pub title: String,
}

fn info(link: &FollowUpLink, title: String) -> FollowUpInfo {
    let (kind, id, number) = match link {
        FollowUpLink::Project { project } => (FollowUpKind::Project, project.to_string(), None),
        FollowUpLink::WorkingGroup { working_group } => {
            (FollowUpKind::WorkingGroup, working_group.to_string(), None)
        }
        FollowUpLink::ActionField { programme, number } => (
            FollowUpKind::ActionField,
            programme.to_string(),
            Some(*number),
        ),
    };
    FollowUpInfo {
        kind,
        id: ID(id),
        number,
        title,
    }
}

impl From<&FollowUpView> for FollowUpInfo {
    fn from(view: &FollowUpView) -> Self {
        info(&view.link, view.title.clone())
    }
}

/// The links an answer names, with the titles the concern recorded.
pub(super) fn follow_ups(links: &[FollowUpLink], known: &[FollowUpView]) -> Vec<FollowUpInfo> {
    links
        .iter()
        .map(|link| {
            let title = known
                .iter()
                .find(|view| view.link == *link)
                .map(|view| view.title.clone())
                .unwrap_or_default();
            info(link, title)
        })
        .collect()
}
