//! The home page's "due answers and reports": for a coordinator, the
//! recommendations addressed to their canton whose answer or next
//! implementation report is due, soonest first, with the due day.

use iiz_app::recommendations::today;
use iiz_domain::{Party, TenantRole};

use super::labels;
use crate::web::errors::WebError;
use crate::web::format;
use crate::web::home::Waiting;
use crate::web::visitor::Visitor;

/// How many due items the home page lists.
const LISTED: usize = 10;

/// What the visitor's cantons owe, soonest first (empty for everyone who
/// coordinates no canton).
pub async fn due_answers_and_reports(visitor: &Visitor) -> Result<Vec<Waiting>, WebError> {
    let Some(principal) = visitor.principal() else {
        return Ok(Vec::new());
    };
    let tr = visitor.tr;
    let mut due = Vec::new();
    for (tenant, _) in principal
        .roles
        .iter()
        .filter(|(tenant, role)| *role == TenantRole::Coordinator && !tenant.is_national())
    {
        let overview = visitor
            .caller()
            .addressee_overview(Party::Tenant(*tenant), today())
            .await
            .map_err(|error| visitor.fail(error))?;
        for (summary, tracked) in overview.entries {
            let Some(next) = tracked.due else {
                continue;
            };
            let mut detail = format!(
                "{}: {}",
                labels::party(overview.addressee),
                labels::due(tr, next.kind, format::date(next.on))
            );
            if next.overdue {
                detail = format!("{detail} ({})", tr.t("recommendations-overdue"));
            }
            due.push((
                next.on,
                Waiting {
                    href: super::href(summary.id),
                    label: summary.title,
                    detail,
                },
            ));
        }
    }
    due.sort_by_key(|(on, _)| *on);
    Ok(due.into_iter().take(LISTED).map(|(_, item)| item).collect())
}
