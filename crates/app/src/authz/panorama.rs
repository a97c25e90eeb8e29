//! Who may do what with canton profiles, key figures and panorama rounds
//! (issue 16, docs/panorama.md). The national concept gives the national
//! IIZ no power to instruct the cantons (IIZ 3.0, 1.1 and 3.3) and makes
//! the Fachstelle the national hub of information (2.3): a canton keeps
//! its own profile and figures and answers rounds for itself; the
//! Fachstelle proposes corrections and runs the rounds; published
//! panoramas are read by everyone signed in (transparency, IIZ 3.0, 1.2).
//!
//! Which roles inside a tenant act is not in the concept: it is the
//! configurable [`PanoramaRules`] (`panorama.*` settings), decided here as
//! data, never as branches per role. The domain checks the actor's tenant
//! again as an invariant.

use std::collections::BTreeSet;

use iiz_domain::{CantonCode, TenantId, TenantRole};
use serde::Deserialize;

use super::{Denied, Principal};

/// The configurable rules of the panorama (`[panorama]` in the
/// configuration; the defaults are docs/panorama.md's proposal).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PanoramaRules {
    /// Roles of a canton that revise its profile, report its figures,
    /// answer rounds and confirm or reject corrections
    /// (`panorama.canton_editor_roles`).
    pub canton_editor_roles: BTreeSet<TenantRole>,
    /// Roles of the national tenant that propose corrections and run the
    /// rounds (`panorama.fachstelle_roles`).
    pub fachstelle_roles: BTreeSet<TenantRole>,
    /// Roles of a canton that read its unpublished profiles, figures and
    /// round progress (`panorama.readers.canton_roles`).
    pub canton_reader_roles: BTreeSet<TenantRole>,
    /// Roles of the national tenant that read every canton's unpublished
    /// data and every round's progress (`panorama.readers.national_roles`).
    pub national_reader_roles: BTreeSet<TenantRole>,
    /// Days a round gives the cantons to answer (`panorama.answer_days`).
    pub answer_days: u32,
    /// Cantons a round addresses when the Fachstelle names none
    /// (`panorama.default_cantons`); empty means all 26.
    pub default_cantons: BTreeSet<CantonCode>,
}

impl Default for PanoramaRules {
    fn default() -> Self {
        use TenantRole::*;
        Self {
            canton_editor_roles: BTreeSet::from([Coordinator, Office, TenantAdmin]),
            fachstelle_roles: BTreeSet::from([Office, Coordinator, TenantAdmin]),
            canton_reader_roles: TenantRole::ALL.into_iter().collect(),
            national_reader_roles: BTreeSet::from([Office, Coordinator, TenantAdmin]),
            answer_days: 60,
            default_cantons: BTreeSet::new(),
        }
    }
}

/// A step on the panorama, with the canton it concerns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PanoramaAct {
    /// Reading a canton's unpublished profile, figures or round answer.
    ReadCanton(CantonCode),
    /// Opening and revising a profile, reporting figures, answering a
    /// round, confirming or rejecting a correction: the canton's own.
    EditCanton(CantonCode),
    /// Proposing or withdrawing a correction of a canton's profile.
    ProposeCorrection,
    /// Opening, closing, reopening and publishing a round.
    RunRound,
    /// Reading a published panorama.
    ReadPublished,
}

impl PanoramaRules {
    fn holds_any(principal: &Principal, tenant: TenantId, roles: &BTreeSet<TenantRole>) -> bool {
        roles.iter().any(|role| principal.holds(tenant, *role))
    }

    /// Whether `principal` reads the unpublished data of `canton`.
    pub fn reads(&self, principal: &Principal, canton: CantonCode) -> bool {
        principal.acts_as_platform_admin()
            || Self::holds_any(
                principal,
                TenantId::Canton(canton),
                &self.canton_reader_roles,
            )
            || Self::holds_any(principal, TenantId::National, &self.national_reader_roles)
    }

    fn is_fachstelle(&self, principal: &Principal) -> bool {
        Self::holds_any(principal, TenantId::National, &self.fachstelle_roles)
    }

    /// Decides whether `principal` may take `act`. Another canton's
    /// unpublished data does not exist for the caller (`NotFound`), so a
    /// refusal never tells what a canton is working on.
    pub fn authorize(&self, principal: Option<&Principal>, act: PanoramaAct) -> Result<(), Denied> {
        let Some(principal) = principal else {
            return Err(Denied::Unauthenticated);
        };
        if principal.acts_as_platform_admin() {
            return Ok(());
        }
        let allowed = match act {
            PanoramaAct::ReadPublished => true,
            PanoramaAct::ReadCanton(canton) => {
                return if self.reads(principal, canton) {
                    Ok(())
                } else {
                    Err(Denied::NotFound)
                };
            }
            PanoramaAct::EditCanton(canton) => {
                if !self.reads(principal, canton) {
                    return Err(Denied::NotFound);
                }
                Self::holds_any(
                    principal,
                    TenantId::Canton(canton),
                    &self.canton_editor_roles,
                )
            }
            PanoramaAct::ProposeCorrection | PanoramaAct::RunRound => self.is_fachstelle(principal),
        };
        if allowed {
            Ok(())
        } else {
            Err(Denied::Forbidden)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use iiz_domain::PersonId;

    fn canton(code: &str) -> CantonCode {
        CantonCode::parse(code).unwrap()
    }

    fn person(roles: &[(TenantId, TenantRole)]) -> Principal {
        Principal {
            person: PersonId::new(),
            home: roles[0].0,
            roles: roles.iter().copied().collect(),
            platform_admin: false,
            scope: None,
            language: iiz_domain::Language::De,
        }
    }

    #[test]
    fn a_canton_edits_its_own_profile_and_another_canton_does_not_see_it() {
        let rules = PanoramaRules::default();
        let zh = TenantId::Canton(canton("ZH"));
        let ge = TenantId::Canton(canton("GE"));
        let coordinator = person(&[(zh, TenantRole::Coordinator)]);
        let member = person(&[(zh, TenantRole::Member)]);
        let geneva = person(&[(ge, TenantRole::Coordinator)]);
        let edit = PanoramaAct::EditCanton(canton("ZH"));
        assert_eq!(rules.authorize(Some(&coordinator), edit), Ok(()));
        assert_eq!(rules.authorize(Some(&member), edit), Err(Denied::Forbidden));
        assert_eq!(rules.authorize(Some(&geneva), edit), Err(Denied::NotFound));
        assert_eq!(
            rules.authorize(Some(&geneva), PanoramaAct::ReadCanton(canton("ZH"))),
            Err(Denied::NotFound)
        );
        assert_eq!(
            rules.authorize(Some(&geneva), PanoramaAct::ReadPublished),
            Ok(())
        );
        assert_eq!(
            rules.authorize(None, PanoramaAct::ReadPublished),
            Err(Denied::Unauthenticated)
        );
    }

    #[test]
    fn the_fachstelle_runs_rounds_and_reads_but_does_not_edit() {
        let rules = PanoramaRules::default();
        let office = person(&[(TenantId::National, TenantRole::Office)]);
        let stg = person(&[(TenantId::National, TenantRole::Member)]);
        assert_eq!(
            rules.authorize(Some(&office), PanoramaAct::RunRound),
            Ok(())
        );
        assert_eq!(
            rules.authorize(Some(&office), PanoramaAct::ProposeCorrection),
            Ok(())
        );
        assert_eq!(
            rules.authorize(Some(&office), PanoramaAct::ReadCanton(canton("GE"))),
            Ok(())
        );
        assert_eq!(
            rules.authorize(Some(&office), PanoramaAct::EditCanton(canton("GE"))),
            Err(Denied::Forbidden)
        );
        assert_eq!(
            rules.authorize(Some(&stg), PanoramaAct::RunRound),
            Err(Denied::Forbidden)
        );
    }

    #[test]
    fn the_rules_are_data() {
        let rules = PanoramaRules {
            canton_editor_roles: BTreeSet::from([TenantRole::Coordinator]),
            ..PanoramaRules::default()
        };
        let zh = TenantId::Canton(canton("ZH"));
        let office = person(&[(zh, TenantRole::Office)]);
        assert_eq!(
            rules.authorize(Some(&office), PanoramaAct::EditCanton(canton("ZH"))),
            Err(Denied::Forbidden)
        );
        assert_eq!(
            PanoramaRules::default()
                .authorize(Some(&office), PanoramaAct::EditCanton(canton("ZH"))),
            Ok(())
        );
    }
}
