//! The decisions a body step on a concern can rest on, to choose from
//! instead of typing ids: the items about this concern in the minutes of
//! the EKG's or the STG's meetings, and their carried circular resolutions.

use iiz_app::meetings::MeetingFilter;
use iiz_app::tenants::seeded_body_id;
use iiz_app::{AppError, Caller};
use iiz_domain::decision::ItemSubject;
use iiz_domain::{ConcernId, TenantId};
use iiz_projections::ResolutionStatus;

use super::Choice;
use crate::web::i18n::Tr;

/// How many meetings and resolutions of a body are looked through: far
/// more than a national body holds in a programme period.
const LOOKED_THROUGH: usize = 200;

/// The decisions of the EKG and of the STG about one concern.
#[derive(Debug, Clone, Default)]
pub struct DecisionChoices {
    pub ekg: Vec<Choice>,
    pub stg: Vec<Choice>,
}

/// The value a chosen meeting item sends (`meeting:<id>:<item>`).
pub fn meeting_value(meeting: &str, item: u32) -> String {
    format!("meeting:{meeting}:{item}")
}

/// The value a chosen resolution sends (`resolution:<id>`).
pub fn resolution_value(resolution: &str) -> String {
    format!("resolution:{resolution}")
}

async fn of_body(
    caller: &Caller<'_>,
    tr: Tr,
    name: &str,
    concern: ConcernId,
) -> Result<Vec<Choice>, AppError> {
    let body = seeded_body_id(TenantId::National, name);
    let subject = ItemSubject::Concern(concern);
    let mut choices = vec![Choice {
        value: String::new(),
        label: tr.t("concerns-basis-typed"),
        selected: false,
    }];
    let filter = MeetingFilter {
        body,
        from: None,
        until: None,
    };
    let meetings = match caller.meetings(&filter, LOOKED_THROUGH, None).await {
        Ok(page) => page.items,
        // A body whose meetings the person may not list offers none.
        Err(AppError::Denied(_)) => return Ok(choices),
        Err(error) => return Err(error),
    };
    for meeting in meetings.iter().rev() {
        for item in &meeting.items {
            let decided = item
                .minutes
                .as_ref()
                .is_some_and(|minutes| minutes.decision.is_some());
            if item.item.subject == subject && decided && !item.withdrawn {
                choices.push(Choice {
                    value: meeting_value(&meeting.id.to_string(), item.number),
                    label: tr.args(
                        "concerns-basis-meeting-item",
                        &[
                            ("meeting", meeting.title.clone()),
                            (
                                "date",
                                meeting.slot.starts_at.format("%d.%m.%Y").to_string(),
                            ),
                            ("item", item.number.to_string()),
                            ("title", item.item.title.as_str().to_owned()),
                        ],
                    ),
                    selected: false,
                });
            }
        }
    }
    let resolutions = match caller.resolutions(body, LOOKED_THROUGH, None).await {
        Ok(page) => page.items,
        Err(AppError::Denied(_)) => Vec::new(),
        Err(error) => return Err(error),
    };
    for resolution in resolutions
        .iter()
        .filter(|resolution| resolution.subject == subject)
        .filter(|resolution| resolution.status == ResolutionStatus::Carried)
    {
        choices.push(Choice {
            value: resolution_value(&resolution.id.to_string()),
            label: tr.args(
                "concerns-basis-resolution-item",
                &[
                    ("label", resolution.label.clone()),
                    ("title", resolution.title.clone()),
                ],
            ),
            selected: false,
        });
    }
    Ok(choices)
}

/// The decisions about `concern`, for the forms that need one.
pub async fn decision_choices(
    caller: &Caller<'_>,
    tr: Tr,
    concern: ConcernId,
    ekg: bool,
    stg: bool,
) -> Result<DecisionChoices, AppError> {
    Ok(DecisionChoices {
        ekg: if ekg {
            of_body(caller, tr, "EKG", concern).await?
        } else {
            Vec::new()
        },
        stg: if stg {
            of_body(caller, tr, "STG", concern).await?
        } else {
            Vec::new()
        },
    })
}
