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
use iiz_projections::BODIES;
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
        // The head of the Fachstelle attends the STG without a vote (IIZ
        // 3.0, 2.1) and records the bodies' decisions as their secretariat.
        seats: &[
            ("Fachstelle", BodyRole::Member, "SECO"),
            ("STG", BodyRole::Guest, "Fachstelle IIZ"),
        ],
        who: "head of the national Fachstelle (guest in the STG, no vote)",
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
    DemoPerson {
        name: "Reto Vorlage",
        email: "reto.vorlage@zh.demo.iiz.invalid",
        home: "ZH",
        language: Language::De,
        roles: &[("ZH", TenantRole::Office)],
        platform_admin: false,
        seats: &[],
        who: "IIZ office (Geschäftsstelle) of Zurich",
    },
    DemoPerson {
        name: "Sabine Beleg",
        email: "sabine.beleg@zh.demo.iiz.invalid",
        home: "ZH",
        language: Language::De,
        roles: &[("ZH", TenantRole::Member)],
        platform_admin: false,
        seats: &[],
        who: "member of the Trägerschaft IIZ-Netzwerk, Zurich",
    },
    DemoPerson {
        name: "Urs Vorbild",
        email: "urs.vorbild@so.demo.iiz.invalid",
        home: "SO",
        language: Language::De,
        roles: &[("SO", TenantRole::Coordinator)],
        platform_admin: false,
        seats: &[],
        who: "cantonal IIZ coordinator of Solothurn",
    },
    DemoPerson {
        name: "Nadia Entwurf",
        email: "nadia.entwurf@so.demo.iiz.invalid",
        home: "SO",
        language: Language::De,
        roles: &[("SO", TenantRole::Office)],
        platform_admin: false,
        seats: &[],
        who: "IIZ-Geschäftsstelle of Solothurn",
    },
    DemoPerson {
        name: "Rolf Schema",
        email: "rolf.schema@so.demo.iiz.invalid",
        home: "SO",
        language: Language::De,
        roles: &[("SO", TenantRole::Member)],
        platform_admin: false,
        seats: &[],
        who: "member of the IIZ-EKG of Solothurn",
    },
    DemoPerson {
        name: "Hans Probe",
        email: "hans.probe@be.demo.iiz.invalid",
        home: "BE",
        language: Language::De,
        roles: &[("BE", TenantRole::Coordinator)],
        platform_admin: false,
        seats: &[],
        who: "cantonal IIZ coordinator of Bern",
    },
    DemoPerson {
        name: "Claire Modèle",
        email: "claire.modele@vd.demo.iiz.invalid",
        home: "VD",
        language: Language::Fr,
        roles: &[("VD", TenantRole::Coordinator)],
        platform_admin: false,
        seats: &[],
        who: "cantonal IIZ coordinator of Vaud",
    },
    DemoPerson {
        name: "Nicole Gabarit",
        email: "nicole.gabarit@skos.demo.iiz.invalid",
        home: "CH",
        language: Language::De,
        roles: &[("CH", TenantRole::Member)],
        platform_admin: false,
        // The EKG's chair (SKOS, see the demo chair terms) attends the STG
        // without a vote (IIZ 3.0, 2.1).
        seats: &[
            ("EKG", BodyRole::Chair, "SKOS"),
            ("STG", BodyRole::Guest, "SKOS"),
        ],
        who: "SKOS delegate and chair of the EKG (guest in the STG, no vote)",
    },
    DemoPerson {
        name: "Martin Raster",
        email: "martin.raster@netz.demo.iiz.invalid",
        home: "BE",
        language: Language::De,
        roles: &[],
        platform_admin: false,
        seats: &[],
        who: "coordinator of the network Espace Mittelland",
    },
];

/// Seats in cantonal bodies that concern routes name: e-mail, canton,
/// seeded body, role, institution.
const CANTONAL_SEATS: &[(&str, &str, &str, BodyRole, &str)] = &[
    (
        "sabine.beleg@zh.demo.iiz.invalid",
        "ZH",
        "Trägerschaft IIZ-Netzwerk Kanton Zürich",
        BodyRole::Member,
        "Kantonales Sozialamt",
    ),
    (
        "rolf.schema@so.demo.iiz.invalid",
        "SO",
        "IIZ-Entwicklungs- und Koordinationsgremium",
        BodyRole::Member,
        "Amt für Wirtschaft und Arbeit",
    ),
];

/// The id of a demo person, derived from their e-mail.
pub(crate) fn demo_person_id(email: &str) -> PersonId {
    PersonId::from_uuid(Uuid::new_v5(&DEMO_NAMESPACE, email.as_bytes()))
}

fn invalid(error: impl std::fmt::Display) -> AppError {
    AppError::invalid(error.to_string())
}

fn tenant(code: &str) -> Result<TenantId, AppError> {
    match code {
        "CH" => Ok(TenantId::National),
        code => CantonCode::parse(code)
            .map(TenantId::Canton)
            .map_err(invalid),
    }
}

impl App {
    /// Registers the demo people with their roles, seats and passwords.
    pub(crate) async fn load_demo_people(&self, actor: &str) -> Result<Vec<DemoLogin>, AppError> {
        let since = NaiveDate::from_ymd_opt(2024, 1, 1).ok_or_else(|| invalid("seed date"))?;
        let mut logins = Vec::new();
        for demo in PEOPLE {
            let id = demo_person_id(demo.email);
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
                Err(error) if matches!(error.refusal(), Some(PersonError::AlreadyRegistered)) => {}
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
                };
                match self.person_command(id, command, actor).await {
                    Ok(_) => {}
                    Err(error) if error.refusal() == Some(&held) => {}
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
                        if matches!(error.refusal(), Some(PersonError::AlreadyPlatformAdmin)) => {}
                    Err(error) => return Err(error),
                }
            }
            for (body, role, institution) in demo.seats {
                let seat = (*role, *institution);
                self.admit_demo_seat(TenantId::National, body, id, seat, since, actor)
                    .await?;
            }
            self.set_password(id, email.as_str(), DEMO_PASSWORD).await?;
            logins.push(DemoLogin {
                email: demo.email.to_owned(),
                password: DEMO_PASSWORD.to_owned(),
                who: demo.who.to_owned(),
            });
        }
        for (email, canton, body, role, institution) in CANTONAL_SEATS {
            let seat = (*role, *institution);
            let person = demo_person_id(email);
            self.admit_demo_seat(tenant(canton)?, body, person, seat, since, actor)
                .await?;
        }
        Ok(logins)
    }

    /// Seats a demo person in a seeded body, unless seated already or the
    /// body was not seeded.
    async fn admit_demo_seat(
        &self,
        tenant: TenantId,
        body: &str,
        person: PersonId,
        (role, institution): (BodyRole, &str),
        since: NaiveDate,
        actor: &str,
    ) -> Result<(), AppError> {
        let body_id = seeded_body_id(tenant, body);
        if self
            .typed_doc::<serde_json::Value>(BODIES, &body_id.to_string())
            .await?
            .is_none()
        {
            tracing::warn!(%tenant, body, "demo seat skipped: the body was not seeded");
            return Ok(());
        }
        let command = BodyCommand::AdmitMember {
            person,
            role,
            institution: Institution::parse(institution).map_err(invalid)?,
            from: since,
        };
        match self
            .execute::<Body>(
                body_stream(tenant, body_id),
                command,
                EventMetadata::new(actor),
            )
            .await
        {
            Ok(_) => Ok(()),
            Err(error) if error.refusal() == Some(&BodyError::AlreadyMember(person)) => Ok(()),
            Err(error) => Err(error),
        }
    }
}
