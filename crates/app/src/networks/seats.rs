//! The process that gives a network's delegate a voting seat in the
//! national EKG (institution: the network's name), ends a replaced
//! delegate's seat, and ends the seat of a network whose cantons all left.
//!
//! Crash safety, as for a meeting's decisions (`meetings::process`): the
//! delegation is recorded first, and the registry shows the seat as pending
//! until `EkgSeatRecorded`. The body commands carry idempotency keys made of
//! the network, the number of seat changes recorded before and the person,
//! so running the change again after a crash (at the network's next step,
//! or in [`App::resume_network_seats`] at start) returns the first outcome
//! instead of admitting or removing twice.

use iiz_domain::body::{Body, BodyCommand, BodyError};
use iiz_domain::network::SeatChange;
use iiz_domain::{
    BodyRole, Institution, Language, NetworkCommand, NetworkError, NetworkId, NetworkRegistry,
    TenantId,
};
use iiz_projections::{BODIES, BodyView};
use iiz_store::EventMetadata;

use super::network_registry_stream;
use crate::tenants::{body_stream, seeded_body_id};
use crate::{App, AppError};

/// How often a seat change is retried when the delegation changed while it
/// was being put in place.
const ATTEMPTS: usize = 3;

fn seat_key(network: NetworkId, change: &SeatChange, step: &str) -> String {
    format!("network:{network}:seat:{}:{step}", change.sequence)
}

impl App {
    /// Puts the EKG seat of the network's delegate in place if it is
    /// pending. A refusal of the EKG (no EKG, a date before it existed) is
    /// logged and leaves the seat pending; faults of the platform are
    /// returned.
    pub(crate) async fn settle_ekg_seat(
        &self,
        network: NetworkId,
        actor: &str,
    ) -> Result<(), AppError> {
        for _ in 0..ATTEMPTS {
            let (registry, _) = self
                .load::<NetworkRegistry>(&network_registry_stream())
                .await?;
            let Some(held) = registry.network(network) else {
                return Ok(());
            };
            let Some(change) = held.pending_seat_change() else {
                return Ok(());
            };
            let name = held.names().best(Language::De).to_owned();
            let Some(admitted) = self.change_ekg_seat(network, &name, &change, actor).await? else {
                return Ok(());
            };
            let record = NetworkCommand::RecordEkgSeat {
                id: network,
                delegate: change.admit.map(|delegation| delegation.person),
                admitted,
            };
            match self
                .execute::<NetworkRegistry>(
                    network_registry_stream(),
                    record,
                    EventMetadata::new(actor),
                )
                .await
            {
                Ok(_) => {
                    tracing::info!(%network, ?change, "EKG seat of the network's delegate in place");
                    return Ok(());
                }
                // The delegation changed meanwhile: take the new change.
                Err(error) if error.refusal() == Some(&NetworkError::SeatOutdated(network)) => {}
                Err(error) => return Err(error),
            }
        }
        Ok(())
    }

    /// Ends and admits the seats of `change`; returns whether the network
    /// admitted its delegate (false: they already sat in the EKG), or none
    /// when the EKG refused.
    async fn change_ekg_seat(
        &self,
        network: NetworkId,
        name: &str,
        change: &SeatChange,
        actor: &str,
    ) -> Result<Option<bool>, AppError> {
        let ekg = seeded_body_id(TenantId::National, "EKG");
        if self
            .typed_doc::<BodyView>(BODIES, &ekg.to_string())
            .await?
            .is_none()
        {
            tracing::warn!(%network, "no national EKG to seat the network's delegate in");
            return Ok(None);
        }
        let stream = body_stream(TenantId::National, ekg);
        if let Some((person, on)) = change.end {
            let metadata = EventMetadata::new(actor).with_idempotency_key(seat_key(
                network,
                change,
                &format!("end:{person}"),
            ));
            let remove = BodyCommand::RemoveMember { person, on };
            match self.execute::<Body>(stream.clone(), remove, metadata).await {
                Ok(_) => {}
                // Someone ended the seat by hand: nothing left to end.
                Err(error) if error.refusal() == Some(&BodyError::NotAMember(person)) => {}
                Err(error @ AppError::Domain { .. }) => {
                    tracing::warn!(%network, %error, "the EKG refused to end the seat");
                    return Ok(None);
                }
                Err(error) => return Err(error),
            }
        }
        let Some(delegation) = change.admit else {
            return Ok(Some(false));
        };
        let institution: String = name.chars().take(120).collect();
        let admit = BodyCommand::AdmitMember {
            person: delegation.person,
            role: BodyRole::Member,
            institution: Institution::parse(&institution)
                .map_err(|error| AppError::invalid(error.to_string()))?,
            from: delegation.from,
        };
        let metadata = EventMetadata::new(actor).with_idempotency_key(seat_key(
            network,
            change,
            &format!("admit:{}", delegation.person),
        ));
        match self.execute::<Body>(stream, admit, metadata).await {
            Ok(_) => Ok(Some(true)),
            // Already seated (in this or another role): the seat is not the
            // network's to end later.
            Err(error) if error.refusal() == Some(&BodyError::AlreadyMember(delegation.person)) => {
                Ok(Some(false))
            }
            Err(error @ AppError::Domain { .. }) => {
                tracing::warn!(%network, %error, "the EKG refused the network's delegate");
                Ok(None)
            }
            Err(error) => Err(error),
        }
    }

    /// Completes every network's pending EKG seat (a crash between the
    /// delegation and the seat). `iiz serve` runs it at start; it is safe to
    /// run at any time. Returns how many networks had a pending seat.
    pub async fn resume_network_seats(&self) -> Result<usize, AppError> {
        let (registry, _) = self
            .load::<NetworkRegistry>(&network_registry_stream())
            .await?;
        let pending: Vec<NetworkId> = registry
            .networks()
            .filter(|(_, network)| network.pending_seat_change().is_some())
            .map(|(id, _)| id)
            .collect();
        for network in &pending {
            self.settle_ekg_seat(*network, "system:network-seats")
                .await?;
        }
        Ok(pending.len())
    }
}
