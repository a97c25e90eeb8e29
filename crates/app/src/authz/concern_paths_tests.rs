//! Who takes the paths of 2.1 beside the regular one: the Fachstelle
//! brings concerns and requests to the STG and, as the bodies'
//! secretariat, records the STG's referral and the EKG's assessment; a
//! member of the STG or EKG alone never does.

use iiz_domain::{TenantId, TenantRole};

use super::concern::*;
use super::concern_tests::{person, zh};
use super::*;

fn shared() -> ConcernScope {
    ConcernScope {
        origin: zh(),
        on_behalf_of: None,
        shared: true,
    }
}

#[test]
fn only_the_fachstelle_brings_a_concern_straight_to_the_stg() {
    let office = person(&[(TenantId::National, TenantRole::Office)]);
    let coordinator = person(&[(zh(), TenantRole::Coordinator)]);
    let member = person(&[(TenantId::National, TenantRole::Member)]);
    let stg = Standing {
        stg_member: true,
        ..Standing::default()
    };
    let none = Standing::default();
    let act = ConcernAct::BringToStg;
    assert_eq!(
        authorize_concern(Some(&office), &none, act, &shared()),
        Ok(())
    );
    assert_eq!(
        authorize_concern(Some(&coordinator), &none, act, &shared()),
        Err(Denied::Forbidden)
    );
    assert_eq!(
        authorize_concern(Some(&member), &stg, act, &shared()),
        Err(Denied::Forbidden)
    );
}

#[test]
fn referral_and_assessment_are_recorded_by_the_secretariat_not_by_a_member() {
    let office = person(&[(TenantId::National, TenantRole::Office)]);
    let member = person(&[(TenantId::National, TenantRole::Member)]);
    let both = Standing {
        stg_member: true,
        ekg_member: true,
        ..Standing::default()
    };
    for act in [ConcernAct::RecordReferral, ConcernAct::RecordAssessment] {
        assert_eq!(
            authorize_concern(Some(&office), &Standing::default(), act, &shared()),
            Ok(())
        );
        assert_eq!(
            authorize_concern(Some(&member), &both, act, &shared()),
            Err(Denied::Forbidden)
        );
        assert_eq!(
            authorize_concern(None, &both, act, &shared()),
            Err(Denied::Unauthenticated)
        );
    }
}
