//! What a caller may do with a canton's panorama data, asked of the same
//! rules that decide the steps, so pages show exactly the forms of the
//! steps the caller may take and never decide a rule themselves.

use iiz_domain::{CantonCode, TenantId};

use crate::Caller;
use crate::authz::Operation;
use crate::authz::panorama::PanoramaAct;

/// What a caller may do with one canton's profiles, figures and answers.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PanoramaPermissions {
    /// Reads the canton's unpublished profiles, figures and answer.
    pub read: bool,
    /// Opens and revises its profiles, reports its figures, answers its
    /// rounds, confirms or rejects corrections.
    pub edit: bool,
    /// Proposes and withdraws corrections (the Fachstelle).
    pub propose: bool,
}

impl Caller<'_> {
    /// What the caller may do with `canton`'s panorama data.
    pub fn panorama_permissions(&self, canton: CantonCode) -> PanoramaPermissions {
        let tenant = TenantId::Canton(canton);
        PanoramaPermissions {
            read: self
                .panorama_check(
                    Operation::ShowCantonProfile,
                    tenant,
                    PanoramaAct::ReadCanton(canton),
                )
                .is_ok(),
            edit: self
                .panorama_check(
                    Operation::ReviseCantonProfile,
                    tenant,
                    PanoramaAct::EditCanton(canton),
                )
                .is_ok(),
            propose: self
                .panorama_check(
                    Operation::ProposeProfileCorrection,
                    tenant,
                    PanoramaAct::ProposeCorrection,
                )
                .is_ok(),
        }
    }

    /// Whether the caller opens, closes, reopens and publishes rounds.
    pub fn runs_panorama_rounds(&self) -> bool {
        self.panorama_check(
            Operation::RunPanoramaRound,
            TenantId::National,
            PanoramaAct::RunRound,
        )
        .is_ok()
    }

    /// The cantons whose unpublished panorama data the caller reads: its
    /// own, or all of them for the national readers.
    pub fn panorama_cantons(&self) -> Vec<CantonCode> {
        CantonCode::all()
            .filter(|canton| self.panorama_permissions(*canton).read)
            .collect()
    }
}
