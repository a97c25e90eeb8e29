//! The demo's working groups: one national, mandated by the EKG through the
//! Fachstelle, with members from three tenants and a progress report; one
//! of Solothurn's IIZ-EKG with the approval of the IIZ-Leitung.

use chrono::NaiveDate;
use iiz_domain::TenantId;
use iiz_domain::working_group::{GroupRole, Mandate, WorkingGroupCommand};
use iiz_domain::{CantonCode, PersonId};

use super::texts_de::{CANTONAL_GROUP, MandateText, NATIONAL_GROUP, NATIONAL_PROGRESS};
use super::{invalid, minus_days, plus_days, text, title};
use crate::demo_cast::{CLAIRE, Cast, JONAS, NADIA, NICOLE, PETRA, ROLF, URS, Who};
use crate::demo_people::demo_person_id;
use crate::tenants::seeded_body_id;
use crate::working_groups::NewWorkingGroup;
use crate::{App, AppError};

/// The STG's chair in the demo (BSV).
pub(super) const BEATRICE: Who = "beatrice.fittizia@stg.demo.iiz.invalid";

/// Everyone the demo steering needs besides the Fachstelle and the STG.
pub(super) const CAST: [Who; 5] = [CLAIRE, NADIA, ROLF, URS, BEATRICE];

fn mandate(fields: MandateText, until: NaiveDate) -> Result<Mandate, AppError> {
    let [
        name,
        question,
        goal,
        output,
        composition,
        communication,
        financing,
        resources,
    ] = fields;
    Ok(Mandate {
        title: title(name)?,
        question: text(question)?,
        goal: text(goal)?,
        output: text(output)?,
        composition: text(composition)?,
        communication: text(communication)?,
        financing: text(financing)?,
        resources: text(resources)?,
        until,
        concerns: std::collections::BTreeSet::new(),
    })
}

fn person(who: Who) -> PersonId {
    demo_person_id(who)
}

impl App {
    /// Mandates and staffs the two demo groups; returns how many.
    pub(super) async fn demo_working_groups(
        &self,
        cast: &Cast,
        today: NaiveDate,
        start: NaiveDate,
    ) -> Result<usize, AppError> {
        let fachstelle = cast.caller(self, PETRA)?;
        let until = plus_days(start, 3 * 365)?;
        let national = NewWorkingGroup {
            mandated_by: seeded_body_id(TenantId::National, "EKG"),
            approved_by: None,
            mandate: mandate(NATIONAL_GROUP, until)?,
            on: minus_days(today, 200)?,
        };
        let (id, _) = fachstelle.mandate_working_group(national).await?;
        let members = [
            (JONAS, GroupRole::Lead),
            (NICOLE, GroupRole::Member),
            (URS, GroupRole::Member),
            (CLAIRE, GroupRole::Member),
        ];
        for (who, role) in members {
            fachstelle.join_working_group(id, person(who), role).await?;
        }
        let progress = WorkingGroupCommand::ReportProgress {
            text: text(NATIONAL_PROGRESS)?,
            on: minus_days(today, 30)?,
        };
        cast.caller(self, JONAS)?
            .working_group_command(id, progress)
            .await?;

        let so = TenantId::Canton(CantonCode::parse("SO").map_err(invalid)?);
        let office = cast.caller(self, NADIA)?;
        let cantonal = NewWorkingGroup {
            mandated_by: seeded_body_id(so, "IIZ-Entwicklungs- und Koordinationsgremium"),
            approved_by: Some(seeded_body_id(so, "IIZ-Leitung")),
            mandate: mandate(CANTONAL_GROUP, plus_days(today, 300)?)?,
            on: minus_days(today, 100)?,
        };
        let (id, _) = office.mandate_working_group(cantonal).await?;
        for (who, role) in [(ROLF, GroupRole::Lead), (URS, GroupRole::Member)] {
            office.join_working_group(id, person(who), role).await?;
        }
        Ok(2)
    }
}
