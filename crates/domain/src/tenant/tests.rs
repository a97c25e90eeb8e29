use super::*;
use crate::testing::given;

fn zh() -> TenantId {
    TenantId::parse("ZH").unwrap()
}

fn names(de: &str) -> LocalizedName {
    LocalizedName::parse([(Language::De, de.to_owned())]).unwrap()
}

fn registered() -> TenantEvent {
    TenantEvent::Registered {
        id: zh(),
        names: names("Zürich"),
        official_languages: vec![Language::De],
    }
}

#[test]
fn a_new_tenant_is_registered() {
    given::<Tenant>([])
        .when(TenantCommand::Register {
            id: zh(),
            names: names("Zürich"),
            official_languages: vec![Language::De, Language::De],
        })
        .then([registered()]);
}

#[test]
fn registering_the_same_tenant_again_changes_nothing() {
    given::<Tenant>([registered()])
        .when(TenantCommand::Register {
            id: zh(),
            names: names("Zürich"),
            official_languages: vec![Language::De],
        })
        .then([]);
}

#[test]
fn registering_with_other_data_is_refused() {
    given::<Tenant>([registered()])
        .when(TenantCommand::Register {
            id: zh(),
            names: names("Zuerich"),
            official_languages: vec![Language::De],
        })
        .then_err(TenantError::AlreadyRegistered(zh()));
}

#[test]
fn a_tenant_needs_a_name_in_each_official_language() {
    given::<Tenant>([])
        .when(TenantCommand::Register {
            id: TenantId::parse("BE").unwrap(),
            names: names("Bern"),
            official_languages: vec![Language::De, Language::Fr],
        })
        .then_err(TenantError::MissingOfficialLanguage(Language::Fr));
    given::<Tenant>([])
        .when(TenantCommand::Register {
            id: zh(),
            names: names("Zürich"),
            official_languages: vec![],
        })
        .then_err(TenantError::NoOfficialLanguage);
}

#[test]
fn renaming_records_only_real_changes() {
    given::<Tenant>([registered()])
        .when(TenantCommand::Rename {
            names: names("Kanton Zürich"),
        })
        .then([TenantEvent::Renamed {
            names: names("Kanton Zürich"),
        }]);
    given::<Tenant>([registered()])
        .when(TenantCommand::Rename {
            names: names("Zürich"),
        })
        .then([]);
    given::<Tenant>([])
        .when(TenantCommand::Rename {
            names: names("Zürich"),
        })
        .then_err(TenantError::NotRegistered);
}

#[test]
fn events_round_trip_through_their_stored_form() {
    let event = registered();
    let (event_type, payload) = event.encode().unwrap();
    assert_eq!(event_type, "Registered");
    assert_eq!(payload["id"], "ZH");
    assert_eq!(TenantEvent::decode(event_type, payload).unwrap(), event);
    assert!(TenantEvent::decode("Registered", serde_json::json!({"id": "XX"})).is_err());
}

#[test]
fn romansh_is_an_official_language_without_a_required_name() {
    let names = LocalizedName::parse([
        (Language::De, "Graubünden".to_owned()),
        (Language::It, "Grigioni".to_owned()),
    ])
    .unwrap();
    let gr = TenantId::parse("GR").unwrap();
    given::<Tenant>([])
        .when(TenantCommand::Register {
            id: gr,
            names: names.clone(),
            official_languages: vec![Language::De, Language::Rm, Language::It],
        })
        .then([TenantEvent::Registered {
            id: gr,
            names,
            official_languages: vec![Language::De, Language::It, Language::Rm],
        }]);
}

fn office_check() -> Vec<RouteStep> {
    use crate::concern::{StepActor, StepKind};
    use crate::roles::TenantRole;
    vec![RouteStep {
        label: crate::text::Title::parse("Prüfung Geschäftsstelle").unwrap(),
        actor: StepActor::Role(TenantRole::Office),
        kind: StepKind::Approves,
    }]
}

#[test]
fn a_tenant_defines_its_concern_route_in_versions() {
    given::<Tenant>([registered()])
        .when(TenantCommand::DefineConcernRoute {
            steps: office_check(),
        })
        .then([TenantEvent::ConcernRouteDefined {
            version: 1,
            steps: office_check(),
        }]);
    let defined = [
        registered(),
        TenantEvent::ConcernRouteDefined {
            version: 1,
            steps: office_check(),
        },
    ];
    given::<Tenant>(defined.clone())
        .when(TenantCommand::DefineConcernRoute {
            steps: office_check(),
        })
        .then([]);
    given::<Tenant>(defined.clone())
        .when(TenantCommand::DefineConcernRoute { steps: vec![] })
        .then([TenantEvent::ConcernRouteDefined {
            version: 2,
            steps: vec![],
        }]);
    let tenant = Tenant::replay(&defined);
    assert_eq!(tenant.concern_route().version, 1);
    assert_eq!(
        Tenant::replay(&[registered()]).concern_route(),
        RouteSnapshot::default()
    );
}

#[test]
fn a_route_is_bounded_and_needs_a_registered_tenant() {
    given::<Tenant>([registered()])
        .when(TenantCommand::DefineConcernRoute {
            steps: vec![office_check()[0].clone(); MAX_ROUTE_STEPS + 1],
        })
        .then_err(TenantError::RouteTooLong {
            given: MAX_ROUTE_STEPS + 1,
            max: MAX_ROUTE_STEPS,
        });
    given::<Tenant>([])
        .when(TenantCommand::DefineConcernRoute { steps: vec![] })
        .then_err(TenantError::NotRegistered);
}
