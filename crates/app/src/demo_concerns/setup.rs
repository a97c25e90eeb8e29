//! What the demo concerns need first: the cantonal routes of Zurich and
//! Solothurn and the regional network Espace Mittelland of Bern and
//! Solothurn.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use iiz_domain::concern::{RouteStep, StepActor, StepKind};
use iiz_domain::tenant::Tenant;
use iiz_domain::text::LocalizedName;
use iiz_domain::{CantonCode, Language, NetworkCommand, NetworkId, TenantRole, Title};
use iiz_projections::{BODIES, BodyView, NETWORKS, NetworkStatus, NetworkView};
use uuid::Uuid;

use super::{Cast, HANS, MARTIN, URS, Who, invalid, tenant};
use crate::demo_people::demo_person_id;
use crate::tenants::{seeded_body_id, tenant_stream};
use crate::{App, AppError};

/// The demo network's id never changes, so a second load finds it.
const NETWORK_NAMESPACE: Uuid = Uuid::from_u128(0x7c41_0e9b_52d3_4a6f_9e18_d2b0_64c7_a95f);

/// A route step as demo data: label, the seeded body that acts (else the
/// role), and what it does.
type Step = (&'static str, Option<&'static str>, TenantRole, StepKind);

fn network_id() -> NetworkId {
    NetworkId::from_uuid(Uuid::new_v5(&NETWORK_NAMESPACE, b"espace-mittelland"))
}

impl App {
    /// Defines a canton's route through its coordinator, unless the canton
    /// has defined one already.
    pub(super) async fn define_demo_route(
        &self,
        cast: &Cast,
        canton: &str,
        coordinator: Who,
        steps: &[Step],
    ) -> Result<(), AppError> {
        let tenant = tenant(canton)?;
        let (state, _) = self.load::<Tenant>(&tenant_stream(tenant)).await?;
        if state.id().is_none() || state.concern_route().version > 0 {
            return Ok(());
        }
        let mut route = Vec::new();
        for (label, body, role, kind) in steps {
            let mut actor = StepActor::Role(*role);
            if let Some(name) = body {
                let id = seeded_body_id(tenant, name);
                let view = self.typed_doc::<BodyView>(BODIES, &id.to_string()).await?;
                if view.is_some_and(|view| view.active) {
                    actor = StepActor::Body(id);
                }
            }
            route.push(RouteStep {
                label: Title::parse(label).map_err(invalid)?,
                actor,
                kind: *kind,
            });
        }
        cast.caller(self, coordinator)?
            .define_concern_route(tenant, route)
            .await?;
        Ok(())
    }

    /// Bern and Solothurn form the network Espace Mittelland by their
    /// coordinators' agreement and delegate its coordinator (a person of
    /// Bern), who then sits in the EKG; `None` when a canton of it is in
    /// another network. The demo has coordinators of these two cantons
    /// only, so the network has just them.
    pub(super) async fn form_demo_network(
        &self,
        cast: &Cast,
    ) -> Result<Option<NetworkId>, AppError> {
        let id = network_id();
        let bern = cast.caller(self, HANS)?;
        let solothurn = cast.caller(self, URS)?;
        let (be, so) = (canton("BE")?, canton("SO")?);
        let existing = self
            .typed_doc::<NetworkView>(NETWORKS, &id.to_string())
            .await?;
        if existing.is_none() {
            let names = LocalizedName::parse([
                (Language::De, "Espace Mittelland".to_owned()),
                (Language::Fr, "Espace Mittelland".to_owned()),
            ])
            .map_err(invalid)?;
            let command = NetworkCommand::Propose {
                id,
                names,
                cantons: vec![be, so],
                by: be,
            };
            if let Err(error) = bern.network_command(command).await {
                tracing::warn!(%error, "demo network not proposed; concerns are not consolidated");
                return Ok(None);
            }
        }
        if existing
            .as_ref()
            .is_none_or(|view| view.status == NetworkStatus::Proposed)
        {
            let agree = NetworkCommand::AnswerProposal {
                id,
                canton: so,
                agree: true,
            };
            solothurn.network_command(agree).await?;
        }
        if existing.is_none_or(|view| view.coordinator.is_none()) {
            let from = NaiveDate::from_ymd_opt(2025, 1, 1).ok_or_else(|| invalid("date"))?;
            let propose = NetworkCommand::ProposeCoordinator {
                id,
                person: demo_person_id(MARTIN),
                from,
                by: be,
                person_cantons: BTreeSet::new(),
            };
            bern.network_command(propose).await?;
            let agree = NetworkCommand::AnswerCoordinator {
                id,
                by: so,
                agree: true,
            };
            solothurn.network_command(agree).await?;
        }
        Ok(Some(id))
    }
}

fn canton(code: &str) -> Result<CantonCode, AppError> {
    CantonCode::parse(code).map_err(invalid)
}

/// Zurich: the Geschäftsstelle checks, the Trägerschaft of the IIZ network
/// discusses.
pub(super) fn zh_route() -> Vec<Step> {
    vec![
        (
            "Prüfung durch die IIZ-Geschäftsstelle",
            None,
            TenantRole::Office,
            StepKind::Approves,
        ),
        (
            "Beratung in der Trägerschaft IIZ-Netzwerk",
            Some("Trägerschaft IIZ-Netzwerk Kanton Zürich"),
            TenantRole::Member,
            StepKind::Discusses,
        ),
    ]
}

/// Solothurn: the Geschäftsstelle checks, the IIZ-EKG and the IIZ-Leitung
/// approve (each a role step if its body was not seeded).
pub(super) fn so_route() -> Vec<Step> {
    vec![
        (
            "Prüfung durch die IIZ-Geschäftsstelle",
            None,
            TenantRole::Office,
            StepKind::Approves,
        ),
        (
            "Genehmigung durch das IIZ-EKG",
            Some("IIZ-Entwicklungs- und Koordinationsgremium"),
            TenantRole::Member,
            StepKind::Approves,
        ),
        (
            "Genehmigung durch die IIZ-Leitung",
            Some("IIZ-Leitung"),
            TenantRole::Chair,
            StepKind::Approves,
        ),
    ]
}
