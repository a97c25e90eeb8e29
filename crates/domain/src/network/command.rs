//! What callers ask of the network registry and what it records.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::DomainEvent;
use crate::ids::{CantonCode, NetworkId, PersonId};
use crate::text::LocalizedName;

/// Every command names the canton whose coordinator takes the step (`by`,
/// `canton`): the cantons run their networks (IIZ 3.0, chapter 5, point 3).
/// The app checks that the caller is that canton's coordinator; the
/// registry checks the canton's place in the network.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NetworkCommand {
    /// A canton proposes a network with its founding cantons, its own among
    /// them. It is formed once every other founding canton agreed.
    Propose {
        id: NetworkId,
        names: LocalizedName,
        cantons: Vec<CantonCode>,
        by: CantonCode,
    },
    /// A founding canton agrees to (or declines) a proposed network.
    AnswerProposal {
        id: NetworkId,
        canton: CantonCode,
        agree: bool,
    },
    /// A member canton renames its network (`by` none: an operator's
    /// repair).
    Rename {
        id: NetworkId,
        names: LocalizedName,
        by: Option<CantonCode>,
    },
    /// A canton asks to join a network; it joins once every member canton
    /// agreed.
    RequestToJoin {
        id: NetworkId,
        canton: CantonCode,
    },
    /// A member canton (`by`) agrees to (or declines) `canton` joining.
    AnswerJoin {
        id: NetworkId,
        canton: CantonCode,
        by: CantonCode,
        agree: bool,
    },
    /// A canton leaves a network by its own decision; a network whose
    /// cantons all left has ended.
    Leave {
        id: NetworkId,
        canton: CantonCode,
        on: NaiveDate,
    },
    /// A member canton proposes the coordinator the network delegates to
    /// the national EKG from `from`. `person_cantons` are the cantons the
    /// person belongs to, their home or a canton where they hold the
    /// coordinator role (the app knows both): the network delegates a
    /// person of one of its cantons.
    ProposeCoordinator {
        id: NetworkId,
        person: PersonId,
        from: NaiveDate,
        by: CantonCode,
        person_cantons: BTreeSet<CantonCode>,
    },
    /// A member canton agrees to (or declines) the proposed coordinator;
    /// the delegation takes effect once every member canton agreed.
    AnswerCoordinator {
        id: NetworkId,
        by: CantonCode,
        agree: bool,
    },
    /// The app records that the national EKG's seats now match the
    /// network's delegation (see [`super::Network::pending_seat_change`]).
    RecordEkgSeat {
        id: NetworkId,
        delegate: Option<PersonId>,
        admitted: bool,
    },
    /// Repairs by the platform's operators: form a network, assign or
    /// release a canton and delegate a coordinator without the cantons'
    /// agreement. Before the cantons ran their networks, the Fachstelle
    /// did this; stored logs hold such events.
    Form {
        id: NetworkId,
        names: LocalizedName,
        cantons: Vec<CantonCode>,
    },
    AssignCanton {
        id: NetworkId,
        canton: CantonCode,
    },
    ReleaseCanton {
        id: NetworkId,
        canton: CantonCode,
    },
    /// Records who represents the network in the national EKG from `from`;
    /// the EKG seat itself is a membership of that body.
    DelegateCoordinator {
        id: NetworkId,
        person: PersonId,
        from: NaiveDate,
    },
}

/// Stored events: variants and their fields are never renamed or removed,
/// new ones are added at the end.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "type", content = "data")]
pub enum NetworkEvent {
    /// `cantons` is sorted and free of duplicates.
    Formed {
        id: NetworkId,
        names: LocalizedName,
        cantons: Vec<CantonCode>,
    },
    Renamed {
        id: NetworkId,
        names: LocalizedName,
    },
    CantonAssigned {
        id: NetworkId,
        canton: CantonCode,
    },
    CantonReleased {
        id: NetworkId,
        canton: CantonCode,
    },
    CoordinatorDelegated {
        id: NetworkId,
        person: PersonId,
        from: NaiveDate,
    },
    /// `cantons` is sorted and free of duplicates; `by` is among them and
    /// agrees by proposing.
    Proposed {
        id: NetworkId,
        names: LocalizedName,
        cantons: Vec<CantonCode>,
        by: CantonCode,
    },
    /// A declined proposal is closed: its network is never formed.
    ProposalAnswered {
        id: NetworkId,
        canton: CantonCode,
        agree: bool,
    },
    JoinRequested {
        id: NetworkId,
        canton: CantonCode,
    },
    /// A declined request is closed; the canton may ask again.
    JoinAnswered {
        id: NetworkId,
        canton: CantonCode,
        by: CantonCode,
        agree: bool,
    },
    CantonLeft {
        id: NetworkId,
        canton: CantonCode,
        on: NaiveDate,
    },
    /// `by` agrees by proposing.
    CoordinatorProposed {
        id: NetworkId,
        person: PersonId,
        from: NaiveDate,
        by: CantonCode,
    },
    /// A declined proposal is closed.
    CoordinatorAnswered {
        id: NetworkId,
        by: CantonCode,
        agree: bool,
    },
    /// The EKG seat of the network's delegate is in place (`delegate`
    /// none: the network holds no seat). `admitted` is false when the
    /// person already sat in the EKG: their seat is not the network's to
    /// end.
    EkgSeatRecorded {
        id: NetworkId,
        delegate: Option<PersonId>,
        admitted: bool,
    },
}

impl NetworkEvent {
    /// The network the event is about.
    pub fn network(&self) -> NetworkId {
        match self {
            Self::Formed { id, .. }
            | Self::Renamed { id, .. }
            | Self::CantonAssigned { id, .. }
            | Self::CantonReleased { id, .. }
            | Self::CoordinatorDelegated { id, .. }
            | Self::Proposed { id, .. }
            | Self::ProposalAnswered { id, .. }
            | Self::JoinRequested { id, .. }
            | Self::JoinAnswered { id, .. }
            | Self::CantonLeft { id, .. }
            | Self::CoordinatorProposed { id, .. }
            | Self::CoordinatorAnswered { id, .. }
            | Self::EkgSeatRecorded { id, .. } => *id,
        }
    }
}

impl DomainEvent for NetworkEvent {
    fn event_type(&self) -> &'static str {
        match self {
            Self::Formed { .. } => "Formed",
            Self::Renamed { .. } => "Renamed",
            Self::CantonAssigned { .. } => "CantonAssigned",
            Self::CantonReleased { .. } => "CantonReleased",
            Self::CoordinatorDelegated { .. } => "CoordinatorDelegated",
            Self::Proposed { .. } => "Proposed",
            Self::ProposalAnswered { .. } => "ProposalAnswered",
            Self::JoinRequested { .. } => "JoinRequested",
            Self::JoinAnswered { .. } => "JoinAnswered",
            Self::CantonLeft { .. } => "CantonLeft",
            Self::CoordinatorProposed { .. } => "CoordinatorProposed",
            Self::CoordinatorAnswered { .. } => "CoordinatorAnswered",
            Self::EkgSeatRecorded { .. } => "EkgSeatRecorded",
        }
    }
}
