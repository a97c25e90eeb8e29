//! What the inbox and webhook tests share: principals, refusals read, and
//! notifications written as the notifier writes them.

use chrono::Utc;
use iiz_app::authz::{Denied, Principal};
use iiz_app::outbound::NotificationKind;
use iiz_app::{App, AppError};
use iiz_domain::error::ErrorKind;
use iiz_domain::{CantonCode, PersonId, TenantId, TenantRole};
use iiz_store::{EmailDelivery, NewEmail, NewNotification, NotificationBatch};
use uuid::Uuid;

pub fn canton(code: &str) -> TenantId {
    TenantId::Canton(CantonCode::parse(code).unwrap())
}

pub fn someone(tenant: TenantId, role: TenantRole) -> Principal {
    Principal {
        person: PersonId::new(),
        home: tenant,
        roles: [(tenant, role)].into(),
        platform_admin: false,
        scope: None,
        language: iiz_domain::Language::De,
    }
}

pub fn denied<T: std::fmt::Debug>(result: Result<T, AppError>) -> Denied {
    match result {
        Err(AppError::Denied(denied)) => denied,
        other => panic!("expected a refusal, got {other:?}"),
    }
}

pub fn kind<T: std::fmt::Debug>(result: Result<T, AppError>) -> ErrorKind {
    match result {
        Err(error) => error.kind().unwrap_or_else(|| panic!("{error:?}")),
        Ok(value) => panic!("expected a refusal, got {value:?}"),
    }
}

/// Writes one notification to `person`, with an e-mail to `to` if given.
pub async fn notify(app: &App, person: &Principal, title: &str, to: Option<&str>) -> Uuid {
    let item = NewNotification {
        event_id: Uuid::now_v7(),
        recipient: person.person.to_string(),
        tenant: person.home.as_str().to_owned(),
        kind: NotificationKind::ConcernDecided.as_str().to_owned(),
        subject_type: "concern".to_owned(),
        subject_id: "c-1".to_owned(),
        title: title.to_owned(),
        body: "Die STG hat entschieden.".to_owned(),
        link: "/concerns/c-1".to_owned(),
        email: to.map(|to| NewEmail {
            to: to.to_owned(),
            subject: title.to_owned(),
            text: "Die STG hat entschieden.".to_owned(),
            html: None,
            calendar: None,
            delivery: EmailDelivery::Immediately,
        }),
    };
    let batch = NotificationBatch {
        reminder: None,
        items: vec![item],
    };
    let written = app
        .store()
        .record_notifications(&batch, Utc::now())
        .await
        .unwrap();
    written[0].id
}
