//! Focus areas as the work programmes define them: which programme's focus
//! is in force, and the check that a recommendation, concern or project
//! names a focus area (and action field) that programme has.

use chrono::NaiveDate;
use iiz_domain::ConceptRule;
use iiz_domain::ErrorKind;
use iiz_domain::ids::ProgrammeId;
use iiz_domain::programme::FocusArea;
use iiz_projections::{PROGRAMMES, ProgrammeView};

use crate::authz::{Denied, Operation, Target};
use crate::{App, AppError, Caller};

/// The programme whose focus is in force on `day`: the one running then,
/// else the last one that started before (the STG reviews the focus at
/// each programme, so it stays until the next is adopted).
fn in_force(programmes: Vec<ProgrammeView>, day: NaiveDate) -> Option<ProgrammeView> {
    programmes
        .into_iter()
        .filter(|programme| programme.from <= day)
        .max_by_key(|programme| programme.from)
}

impl App {
    /// The programme whose focus areas are in force on `day`.
    pub(crate) async fn programme_in_force(
        &self,
        day: NaiveDate,
    ) -> Result<Option<ProgrammeView>, AppError> {
        let programmes: Vec<ProgrammeView> = self.all_docs(PROGRAMMES, Vec::new()).await?;
        Ok(in_force(programmes, day))
    }

    /// Refuses a focus area (or action field) the programme in force today
    /// does not define, naming the keys it does.
    pub(crate) async fn check_focus_area(
        &self,
        focus_area: &FocusArea,
        action_field: Option<u32>,
    ) -> Result<(), AppError> {
        let programme = self.programme_in_force(self.clock().today()).await?;
        let Some(programme) = programme else {
            return Err(AppError::governance(
                ConceptRule::WorkProgrammeByStg,
                ErrorKind::Validation,
                format!(
                    "the focus area '{focus_area}' is unknown: no work programme is in force, \
                     and focus areas come from the STG's work programme (known keys: none)"
                ),
            ));
        };
        if !programme.has_focus_area(focus_area) {
            return Err(AppError::governance(
                ConceptRule::WorkProgrammeByStg,
                ErrorKind::Validation,
                format!(
                    "the focus area '{focus_area}' is not one of the work programme in force \
                     (from {}); known keys: {}",
                    programme.from,
                    programme.focus_area_keys().join(", ")
                ),
            ));
        }
        if let Some(number) = action_field
            && !programme
                .action_fields
                .iter()
                .any(|field| field.number == number && &field.focus_area == focus_area)
        {
            return Err(AppError::governance(
                ConceptRule::WorkProgrammeByStg,
                ErrorKind::Validation,
                format!(
                    "the work programme in force has no action field {number} under the focus area '{focus_area}'"
                ),
            ));
        }
        Ok(())
    }

    /// [`Self::check_focus_area`] for an optional one.
    pub(crate) async fn check_optional_focus_area(
        &self,
        focus_area: Option<&FocusArea>,
    ) -> Result<(), AppError> {
        match focus_area {
            Some(focus_area) => self.check_focus_area(focus_area, None).await,
            None => Ok(()),
        }
    }
}

impl Caller<'_> {
    /// The focus areas and action fields of a programme, or of the one in
    /// force today; `None` when there is none.
    pub async fn programme_focus(
        &self,
        programme: Option<ProgrammeId>,
    ) -> Result<Option<ProgrammeView>, AppError> {
        self.check_operation(Operation::ShowWorkProgramme, Target::platform())?;
        match programme {
            Some(id) => self
                .work_programme(id)
                .await
                .map(Some)
                .or_else(|error| match error {
                    AppError::Denied(Denied::NotFound) => Ok(None),
                    error => Err(error),
                }),
            None => {
                self.app()
                    .programme_in_force(self.app().clock().today())
                    .await
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn programme(from: &str) -> ProgrammeView {
        let from: NaiveDate = from.parse().unwrap();
        serde_json::from_value(serde_json::json!({
            "id": ProgrammeId::new(),
            "from": from,
            "until": from,
            "adopted_on": from,
            "decision": "STG",
            "consultation": { "on": from, "reference": "EKG", "statement": "Ja" },
            "focus_areas": [],
            "action_fields": [],
            "projects": [],
            "closure": null
        }))
        .unwrap()
    }

    #[test]
    fn the_last_programme_started_stays_in_force_until_the_next() {
        let day = |value: &str| value.parse::<NaiveDate>().unwrap();
        let programmes = vec![programme("2023-01-01"), programme("2025-01-01")];
        let found = in_force(programmes.clone(), day("2027-06-01")).unwrap();
        assert_eq!(found.from, day("2025-01-01"));
        let found = in_force(programmes.clone(), day("2024-06-01")).unwrap();
        assert_eq!(found.from, day("2023-01-01"));
        assert!(in_force(programmes, day("2022-06-01")).is_none());
    }
}
