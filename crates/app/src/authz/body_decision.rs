//! Who records a decision a body took as a body (IIZ 3.0, 2.1–2.3): the
//! EKG's examination and the STG's decision of a concern; the adoption,
//! amendment, supersession and closing of a recommendation; the acceptance
//! of a project result; the noting of a working group's result; the
//! adoption of a work programme.
//!
//! The body takes such a decision in a meeting (its minutes) or by circular
//! resolution. The step is then recorded by the body's secretariat, which
//! prepares the body's business: the national Fachstelle for the STG and
//! the EKG (`Office` in the national tenant, 2.3), a canton's office or
//! coordinator for the canton's bodies. No member, chair or guest records
//! it alone, and the app checks that the decision named exists
//! ([`crate::App::verify_basis`]).
//!
//! Platform administrators run the platform, not the IIZ business: they
//! hold no rights here beyond their roles.

use iiz_domain::error::ErrorKind;
use iiz_domain::{ConceptRule, TenantId, TenantRole};

use super::working_group::prepares_for;
use super::{Denied, Principal};
use crate::AppError;

/// Whether the caller is the secretariat of the bodies of `tenant`.
pub fn is_secretariat(principal: &Principal, tenant: TenantId) -> bool {
    match tenant {
        TenantId::National => principal.holds(TenantId::National, TenantRole::Office),
        TenantId::Canton(_) => prepares_for(principal, tenant),
    }
}

/// Decides whether `principal` may record a decision of a body of `tenant`.
pub fn authorize_body_decision(
    principal: Option<&Principal>,
    tenant: TenantId,
) -> Result<(), Denied> {
    let Some(principal) = principal else {
        return Err(Denied::Unauthenticated);
    };
    if is_secretariat(principal, tenant) {
        Ok(())
    } else {
        Err(Denied::Forbidden)
    }
}

/// A refusal of a body's decision step, naming the concept's rule: the
/// caller is signed in but is not the body's secretariat.
pub(crate) fn refused_as_body(denied: Denied, step: &str) -> AppError {
    match denied {
        Denied::Forbidden => AppError::governance(
            ConceptRule::BodyDecidesAsBody,
            ErrorKind::Forbidden,
            format!(
                "{step} is the body's decision: its secretariat records it as decided in a \
                 meeting or by circular resolution, no single member, chair or guest takes it"
            ),
        ),
        other => AppError::Denied(other),
    }
}

/// [`refused_as_body`] for a result of the authorization rules.
pub(crate) fn as_body(result: Result<(), Denied>, step: &str) -> Result<(), AppError> {
    result.map_err(|denied| refused_as_body(denied, step))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::authz::concern_tests::{person, zh};

    /// Columns: national office (the secretariat), national tenant admin,
    /// national member (an STG or EKG member), national chair, national
    /// observer (a guest), ZH office, ZH coordinator, ZH member, platform
    /// admin, anonymous.
    fn row(tenant: TenantId) -> String {
        let national = TenantId::National;
        let mut admin = person(&[]);
        admin.platform_admin = true;
        let callers = [
            Some(person(&[(national, TenantRole::Office)])),
            Some(person(&[(national, TenantRole::TenantAdmin)])),
            Some(person(&[(national, TenantRole::Member)])),
            Some(person(&[(national, TenantRole::Chair)])),
            Some(person(&[(national, TenantRole::Observer)])),
            Some(person(&[(zh(), TenantRole::Office)])),
            Some(person(&[(zh(), TenantRole::Coordinator)])),
            Some(person(&[(zh(), TenantRole::Member)])),
            Some(admin),
            None,
        ];
        callers
            .iter()
            .map(|principal| {
                crate::authz::tests::outcome(authorize_body_decision(principal.as_ref(), tenant))
            })
            .collect()
    }

    #[test]
    fn only_the_secretariat_records_a_bodys_decision() {
        // A single member, the chair or a guest never takes the body's
        // decision; the platform admin holds no IIZ rights.
        assert_eq!(row(TenantId::National), "AFFFFFFFFU");
        assert_eq!(row(zh()), "FFFFFAAFFU");
    }

    #[test]
    fn the_refusal_names_the_rule() {
        let refused = refused_as_body(Denied::Forbidden, "the STG's decision");
        assert_eq!(refused.rule(), Some(ConceptRule::BodyDecidesAsBody));
        assert_eq!(refused.kind(), Some(ErrorKind::Forbidden));
        assert!(matches!(
            refused_as_body(Denied::Unauthenticated, "x"),
            AppError::Denied(Denied::Unauthenticated)
        ));
    }
}
