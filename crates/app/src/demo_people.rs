//! Demo people: invented, clearly fictitious officials with sign-in
//! accounts, seated in the national bodies. Loaded through the real
//! commands; loading again changes nothing.

use chrono::NaiveDate;
use iiz_domain::body::{Body, BodyCommand, BodyError};
use iiz_domain::person::PersonError;
use iiz_domain::{
    BodyRole, CantonCode, Email, Institution, Language, PersonCommand, PersonId, PersonName,
    TenantId, TenantRole,
};
use iiz_store::EventMetadata;
use uuid::Uuid;

use crate::people::NewPerson;
use crate::tenants::{body_stream, seeded_body_id};
use crate::{App, AppError};

/// Demo people get ids derived from their e-mail, so a second load finds them.
const DEMO_NAMESPACE: Uuid = Uuid::from_u128(0x3a9e_61d2_7b04_4f8c_b1e5_0c7d_92a4_e613);

/// The password of every demo login; printed by `iiz serve --demo`.
pub const DEMO_PASSWORD: &str = "iiz-demo-2026!";

/// A login printed for people trying the platform.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoLogin {
    pub email: String,
    pub password: String,
    pub who: String,
}

struct DemoPerson {
    name: &'static str,
    email: &'static str,
    home: &'static str,
    language: Language,
    roles: &'static [(&'static str, TenantRole)],
    platform_admin: bool,
    /// Seats: national body short name, role, institution.
    seats: &'static [(&'static str, BodyRole, &'static str)],
    who: &'static str,
}

const PEOPLE: &[DemoPerson] = &[
    DemoPerson {
        name: "Anna Beispiel",
        email: "anna.beispiel@zh.demo.iiz.invalid",
        home: "ZH",
        language: Language::De,
        roles: &[("ZH", TenantRole::Coordinator)],
        platform_admin: false,
        seats: &[],
        who: "cantonal IIZ coordinator of Zurich",
    },
    DemoPerson {
        name: "Luc Exemple",
        email: "luc.exemple@ge.demo.iiz.invalid",
        home: "GE",
        language: Language::Fr,
        roles: &[("GE", TenantRole::Coordinator)],
        platform_admin: false,
        seats: &[],
        who: "cantonal IIZ coordinator of Geneva",
    },
    DemoPerson {
        name: "Petra Muster",
        email: "petra.muster@fachstelle.demo.iiz.invalid",
        home: "CH",
        language: Language::De,
        roles: &[("CH", TenantRole::Office)],
        platform_admin: false,
        seats: &[("Fachstelle", BodyRole::Member, "SECO")],
        who: "member of the national Fachstelle",
    },
    DemoPerson {
        name: "Marco Esempio",
        email: "marco.esempio@stg.demo.iiz.invalid",
        home: "CH",
        language: Language::It,
        roles: &[("CH", TenantRole::Member)],
        platform_admin: false,
        seats: &[("STG", BodyRole::Member, "SEM")],
        who: "member of the STG",
    },
    DemoPerson {
        name: "Beatrice Fittizia",
        email: "beatrice.fittizia@stg.demo.iiz.invalid",
        home: "CH",
        language: Language::It,
        roles: &[("CH", TenantRole::Chair)],
        platform_admin: false,
        seats: &[("STG", BodyRole::Chair, "BSV")],
        who: "chair of the STG",
    },
    DemoPerson {
        name: "Jonas Platzhalter",
        email: "jonas.platzhalter@ekg.demo.iiz.invalid",
        home: "CH",
        language: Language::De,
        roles: &[("CH", TenantRole::Member)],
        platform_admin: false,
        seats: &[("EKG", BodyRole::Member, "IVSK")],
        who: "member of the EKG",
    },
    DemoPerson {
        name: "Sofia Admin",
        email: "admin@demo.iiz.invalid",
        home: "CH",
        language: Language::De,
        roles: &[("CH", TenantRole::TenantAdmin)],
        platform_admin: true,
        seats: &[],
        who: "platform administrator",
    },
];

fn invalid(error: impl std::fmt::Display) -> AppError {
    AppError::Validation(error.to_string())
}

fn tenant(code: &str) -> Result<TenantId, AppError> {
    match code {
        "CH" => Ok(TenantId::National),
        code => CantonCode::parse(code)
            .map(TenantId::Canton)
            .map_err(invalid),
    }
}

/// Refusals that mean "already done" on a second load.
fn already(error: &AppError, messages: &[String]) -> bool {
    matches!(error, AppError::Domain { message, .. } if messages.contains(message))
}

impl App {
    /// Registers the demo people with their roles, seats and passwords.
    pub(crate) async fn load_demo_people(&self, actor: &str) -> Result<Vec<DemoLogin>, AppError> {
        let since = NaiveDate::from_ymd_opt(2024, 1, 1).ok_or_else(|| invalid("seed date"))?;
        let mut logins = Vec::new();
        for demo in PEOPLE {
            let id = PersonId::from_uuid(Uuid::new_v5(&DEMO_NAMESPACE, demo.email.as_bytes()));
            let home = tenant(demo.home)?;
            let email = Email::parse(demo.email).map_err(invalid)?;
            let person = NewPerson {
                id,
                home,
                name: PersonName::parse(demo.name).map_err(invalid)?,
                email: email.clone(),
                language: demo.language,
            };
            match self.register_person(person, actor).await {
                Ok(_) => {}
                Err(error) if already(&error, &[PersonError::AlreadyRegistered.to_string()]) => {}
                Err(error) => return Err(error),
            }
            for (code, role) in demo.roles {
                let tenant = tenant(code)?;
                let command = PersonCommand::GrantTenantRole {
                    tenant,
                    role: *role,
                };
                let held = PersonError::RoleAlreadyHeld {
                    tenant,
                    role: *role,
                }
                .to_string();
                match self.person_command(id, command, actor).await {
                    Ok(_) => {}
                    Err(error) if already(&error, &[held]) => {}
                    Err(error) => return Err(error),
                }
            }
            if demo.platform_admin {
                match self
                    .person_command(id, PersonCommand::GrantPlatformAdmin, actor)
                    .await
                {
                    Ok(_) => {}
                    Err(error)
                        if already(&error, &[PersonError::AlreadyPlatformAdmin.to_string()]) => {}
                    Err(error) => return Err(error),
                }
            }
            for (body, role, institution) in demo.seats {
                let body_id = seeded_body_id(TenantId::National, body);
                let command = BodyCommand::AdmitMember {
                    person: id,
                    role: *role,
                    institution: Institution::parse(institution).map_err(invalid)?,
                    from: since,
                };
                match self
                    .execute::<Body>(
                        body_stream(TenantId::National, body_id),
                        command,
                        EventMetadata::new(actor),
                    )
                    .await
                {
                    Ok(_) => {}
                    Err(error) if already(&error, &[BodyError::AlreadyMember(id).to_string()]) => {}
                    Err(error) => return Err(error),
                }
            }
            self.set_password(id, email.as_str(), DEMO_PASSWORD).await?;
            logins.push(DemoLogin {
                email: demo.email.to_owned(),
                password: DEMO_PASSWORD.to_owned(),
                who: demo.who.to_owned(),
            });
        }
        Ok(logins)
    }
}
