//! Circular resolutions (Zirkularbeschluss): a body decides between its
//! meetings in writing. The secretariat or the chair proposes
//! ([`caller`]), each voting member answers within the deadline, the
//! resolution closes carried or not by the body's own rules (the concept
//! is silent on circular resolutions: `iiz_domain::body::ResolutionRules`,
//! set per body), and a carried resolution's effect is carried out on its
//! subject like a meeting's decision ([`process`]). A step that is a
//! body's decision can name a carried resolution as its basis
//! ([`App::resolution_basis`]).

mod caller;
mod process;
mod queries;

use iiz_domain::basis::DecisionReference;
use iiz_domain::body::BodyKind;
use iiz_domain::decision::ItemSubject;
use iiz_domain::resolution::Resolution;
use iiz_domain::{Aggregate, Language, ResolutionId, TenantId, Title};
use iiz_projections::{BodyView, RESOLUTIONS, ResolutionStatus, ResolutionView};
use iiz_store::StreamRef;

use crate::meetings::is_national;
use crate::{App, AppError};

pub use caller::NewResolution;
pub use process::resolution_propagation_key;

/// The stream of a resolution, in the tenant of its body.
pub fn resolution_stream(tenant: TenantId, id: ResolutionId) -> StreamRef {
    StreamRef::new(tenant.as_str(), Resolution::STREAM_TYPE, id.to_string())
}

/// The short name a body is cited by: the abbreviation its German name
/// ends with in brackets ("… (STG)"), or the name.
fn short_name(body: &BodyView) -> String {
    let name = body.names.best(Language::De).trim();
    name.strip_suffix(')')
        .and_then(|rest| rest.rsplit_once('('))
        .map(|(_, short)| short.trim().to_owned())
        .filter(|short| !short.is_empty())
        .unwrap_or_else(|| name.to_owned())
}

/// How a resolution is cited: "Zirkularbeschluss STG 3/2026", numbered per
/// body and year.
pub(crate) fn resolution_label(
    body: &BodyView,
    number: usize,
    year: i32,
) -> Result<Title, AppError> {
    let full = format!("Zirkularbeschluss {} {number}/{year}", short_name(body));
    let cut: String = full.chars().take(Title::MAX_CHARS).collect();
    Title::parse(&cut).map_err(|error| AppError::Internal(format!("resolution label: {error}")))
}

impl App {
    pub(crate) async fn resolution_view(
        &self,
        id: ResolutionId,
    ) -> Result<Option<ResolutionView>, AppError> {
        self.typed_doc(RESOLUTIONS, &id.to_string()).await
    }

    /// Checks that `resolution` is a carried circular resolution of the
    /// national body of `kind` on `subject`, and returns how it is cited.
    pub(crate) async fn resolution_basis(
        &self,
        resolution: ResolutionId,
        kind: BodyKind,
        subject: &ItemSubject,
    ) -> Result<DecisionReference, AppError> {
        let view = self.resolution_view(resolution).await?.ok_or_else(|| {
            AppError::invalid(format!("circular resolution {resolution} does not exist"))
        })?;
        let body = self.body_view(view.body).await?;
        if !body.is_some_and(|body| is_national(&body, kind)) {
            return Err(AppError::invalid(format!(
                "«{}» is not a circular resolution of the body that takes this decision",
                view.label
            )));
        }
        if &view.subject != subject {
            return Err(AppError::invalid(format!(
                "«{}» is about something else",
                view.label
            )));
        }
        if view.status != ResolutionStatus::Carried {
            return Err(AppError::invalid(format!(
                "«{}» was not carried",
                view.label
            )));
        }
        let label = Title::parse(&view.label)
            .map_err(|error| AppError::Internal(format!("resolution label: {error}")))?;
        Ok(DecisionReference::resolution(resolution, label))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_body_is_cited_by_its_abbreviation() {
        let body: BodyView = serde_json::from_value(serde_json::json!({
            "id": "01930000-0000-7000-8000-000000000001",
            "tenant": "CH",
            "kind": "steering",
            "names": {"de": "Nationales IIZ-Steuerungsgremium (STG)"},
            "mandate": "",
            "parent": null,
            "active_from": "2017-01-01",
            "active_to": null,
            "dissolution_reason": null,
            "active": true,
            "version": 1
        }))
        .unwrap();
        assert_eq!(
            resolution_label(&body, 3, 2026).unwrap().as_str(),
            "Zirkularbeschluss STG 3/2026"
        );
    }
}
