//! Who may take which step on a concern (see the rules in `concern`).

use std::collections::{BTreeMap, BTreeSet};

use iiz_domain::concern::{CommentVisibility, RouteStep, StepActor, StepKind};
use iiz_domain::{BodyId, CantonCode, NetworkId, Partner, Party, PersonId, TenantId, TenantRole};

use super::concern::*;
use super::*;

pub(super) fn zh() -> TenantId {
    TenantId::Canton(CantonCode::parse("ZH").unwrap())
}

pub(super) fn ge() -> TenantId {
    TenantId::Canton(CantonCode::parse("GE").unwrap())
}

pub(super) fn person(roles: &[(TenantId, TenantRole)]) -> Principal {
    Principal {
        person: PersonId::new(),
        home: roles
            .first()
            .map_or(TenantId::National, |(tenant, _)| *tenant),
        roles: roles.iter().copied().collect(),
        platform_admin: false,
        scope: None,
        language: iiz_domain::Language::De,
    }
}

fn draft() -> ConcernScope {
    ConcernScope {
        origin: zh(),
        on_behalf_of: None,
        shared: false,
    }
}

fn shared() -> ConcernScope {
    ConcernScope {
        shared: true,
        ..draft()
    }
}

fn body() -> BodyId {
    BodyId::from_uuid(uuid::Uuid::from_u128(3))
}

fn step(actor: StepActor) -> RouteStep {
    RouteStep {
        label: iiz_domain::Title::parse("Schritt").unwrap(),
        actor,
        kind: StepKind::Approves,
    }
}

fn may(
    principal: &Principal,
    standing: &Standing,
    act: ConcernAct<'_>,
    scope: &ConcernScope,
) -> Result<(), Denied> {
    authorize_concern(Some(principal), standing, act, scope)
}

#[test]
fn drafts_exist_only_inside_their_tenant() {
    let none = Standing::default();
    let geneva = person(&[(ge(), TenantRole::Coordinator)]);
    let office = person(&[(TenantId::National, TenantRole::Office)]);
    for outsider in [&geneva, &office] {
        assert_eq!(
            may(outsider, &none, ConcernAct::NationalOffice, &draft()),
            Err(Denied::NotFound)
        );
        assert!(!sees_concern(Some(outsider), &draft()));
        assert!(sees_concern(Some(outsider), &shared()));
    }
    let observer = person(&[(zh(), TenantRole::Observer)]);
    assert!(sees_concern(Some(&observer), &draft()));
    assert_eq!(
        may(&observer, &none, ConcernAct::Originate, &draft()),
        Err(Denied::Forbidden)
    );
    assert_eq!(
        authorize_concern(None, &none, ConcernAct::Originate, &shared()),
        Err(Denied::Unauthenticated)
    );
}

#[test]
fn the_originator_is_the_tenants_coordinator_or_office() {
    let none = Standing::default();
    for role in [TenantRole::Coordinator, TenantRole::Office] {
        assert_eq!(
            may(
                &person(&[(zh(), role)]),
                &none,
                ConcernAct::Originate,
                &draft()
            ),
            Ok(())
        );
    }
    for role in [
        TenantRole::Member,
        TenantRole::Chair,
        TenantRole::TenantAdmin,
    ] {
        assert_eq!(
            may(
                &person(&[(zh(), role)]),
                &none,
                ConcernAct::Originate,
                &draft()
            ),
            Err(Denied::Forbidden)
        );
    }
    let skos = ConcernScope {
        origin: TenantId::National,
        on_behalf_of: Some(Partner::Skos),
        shared: false,
    };
    let delegate = person(&[(TenantId::National, TenantRole::Member)]);
    let standing = Standing {
        partners: BTreeSet::from([Partner::Skos]),
        ..Standing::default()
    };
    assert_eq!(
        may(&delegate, &standing, ConcernAct::Originate, &skos),
        Ok(())
    );
    assert_eq!(
        may_draft(
            Some(&delegate),
            &standing,
            TenantId::National,
            Some(Partner::Skos)
        ),
        Ok(())
    );
    assert_eq!(
        may_draft(Some(&delegate), &standing, zh(), Some(Partner::Skos)),
        Err(Denied::Forbidden)
    );
    assert_eq!(
        may_draft(
            Some(&delegate),
            &Standing::default(),
            TenantId::National,
            Some(Partner::Kid)
        ),
        Err(Denied::Forbidden)
    );
}

#[test]
fn a_route_step_belongs_to_its_role_its_body_or_the_office() {
    let none = Standing::default();
    let by_role = step(StepActor::Role(TenantRole::Chair));
    let by_body = step(StepActor::Body(body()));
    let chair = person(&[(zh(), TenantRole::Chair)]);
    let member = person(&[(zh(), TenantRole::Member)]);
    let office = person(&[(zh(), TenantRole::Office)]);
    assert_eq!(
        may(&chair, &none, ConcernAct::RecordStep(&by_role), &draft()),
        Ok(())
    );
    assert_eq!(
        may(&member, &none, ConcernAct::RecordStep(&by_role), &draft()),
        Err(Denied::Forbidden)
    );
    let seated = Standing {
        bodies: BTreeSet::from([body()]),
        ..Standing::default()
    };
    assert_eq!(
        may(&member, &seated, ConcernAct::RecordStep(&by_body), &draft()),
        Ok(())
    );
    assert_eq!(
        may(&member, &none, ConcernAct::RecordStep(&by_body), &draft()),
        Err(Denied::Forbidden)
    );
    assert_eq!(
        may(&office, &none, ConcernAct::RecordStep(&by_body), &draft()),
        Ok(())
    );
}

#[test]
fn networks_consolidate_their_cantons_and_parties_endorse_for_themselves() {
    let network = NetworkId::new();
    let coordinator = person(&[(ge(), TenantRole::Coordinator)]);
    let of_zh = Standing {
        networks: BTreeMap::from([(network, BTreeSet::from([CantonCode::parse("ZH").unwrap()]))]),
        ..Standing::default()
    };
    assert_eq!(
        may(
            &coordinator,
            &of_zh,
            ConcernAct::Consolidate(network),
            &shared()
        ),
        Ok(())
    );
    assert_eq!(
        may(
            &coordinator,
            &of_zh,
            ConcernAct::Consolidate(NetworkId::new()),
            &shared()
        ),
        Err(Denied::Forbidden)
    );
    let none = Standing::default();
    assert_eq!(
        may(
            &coordinator,
            &none,
            ConcernAct::Endorse(Party::Tenant(ge())),
            &shared()
        ),
        Ok(())
    );
    assert_eq!(
        may(
            &coordinator,
            &none,
            ConcernAct::Endorse(Party::Tenant(TenantId::Canton(
                CantonCode::parse("BE").unwrap()
            ))),
            &shared()
        ),
        Err(Denied::Forbidden)
    );
    assert_eq!(
        may(
            &coordinator,
            &none,
            ConcernAct::Endorse(Party::Partner(Partner::Skos)),
            &shared()
        ),
        Err(Denied::Forbidden)
    );
    let skos = Standing {
        partners: BTreeSet::from([Partner::Skos]),
        ..Standing::default()
    };
    assert_eq!(
        endorsing_parties(&coordinator, &skos),
        vec![Party::Tenant(ge()), Party::Partner(Partner::Skos)]
    );
}

#[test]
fn the_national_steps_belong_to_the_fachstelle_and_the_bodies_decide_as_bodies() {
    let office = person(&[(TenantId::National, TenantRole::Office)]);
    let national_admin = person(&[(TenantId::National, TenantRole::TenantAdmin)]);
    let national_member = person(&[(TenantId::National, TenantRole::Member)]);
    let chair = person(&[(TenantId::National, TenantRole::Chair)]);
    let none = Standing::default();
    // A voting seat in each body, and a guest seat in the STG.
    let voting = Standing {
        ekg_member: true,
        ekg_votes: true,
        stg_member: true,
        stg_votes: true,
        ..Standing::default()
    };
    let guest = Standing {
        stg_member: true,
        ..Standing::default()
    };
    for act in [
        ConcernAct::NationalOffice,
        ConcernAct::Examine,
        ConcernAct::Decide,
    ] {
        assert_eq!(may(&office, &none, act, &shared()), Ok(()));
        assert_eq!(
            may(&national_member, &none, act, &shared()),
            Err(Denied::Forbidden)
        );
    }
    // The EKG examines and the STG decides as bodies: a single member, the
    // chair or a guest never records it, only the secretariat (the
    // Fachstelle, with the decision it records; checked by the app).
    for (who, standing) in [
        (&national_member, &voting),
        (&chair, &voting),
        (&national_member, &guest),
        (&national_admin, &none),
    ] {
        for act in [ConcernAct::Examine, ConcernAct::Decide] {
            assert_eq!(
                may(who, standing, act, &shared()),
                Err(Denied::Forbidden),
                "{act:?}"
            );
        }
    }
    assert_eq!(
        may(
            &national_member,
            &voting,
            ConcernAct::NationalOffice,
            &shared()
        ),
        Err(Denied::Forbidden)
    );
    let mut admin = person(&[]);
    admin.platform_admin = true;
    assert_eq!(
        may(&admin, &none, ConcernAct::Decide, &shared()),
        Err(Denied::Forbidden)
    );
}

#[test]
fn comments_come_from_active_roles_of_the_tenant_spoken_for() {
    let none = Standing::default();
    let member = person(&[(ge(), TenantRole::Member)]);
    let observer = person(&[(ge(), TenantRole::Observer)]);
    let act = ConcernAct::Comment(ge(), CommentVisibility::Shared);
    assert_eq!(may(&member, &none, act, &shared()), Ok(()));
    assert_eq!(
        may(&observer, &none, act, &shared()),
        Err(Denied::Forbidden)
    );
    assert_eq!(
        may(
            &member,
            &none,
            ConcernAct::Comment(zh(), CommentVisibility::Shared),
            &shared()
        ),
        Err(Denied::Forbidden)
    );
}
