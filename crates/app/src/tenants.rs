//! Tenants and their bodies: bootstrapping the 27 tenants from the canton
//! catalogue and establishing bodies, all through [`App::execute`].

use chrono::NaiveDate;
use iiz_domain::body::{Body, BodyCommand, BodyKind};
use iiz_domain::error::ErrorKind;
use iiz_domain::tenant::{Tenant, TenantCommand};
use iiz_domain::text::{FreeText, LocalizedName};
use iiz_domain::{Aggregate, BodyId, Language, TenantId};
use iiz_store::{EventMetadata, StreamRef};
use uuid::Uuid;

use crate::catalog::CantonCatalog;
use crate::{App, AppError, Executed};

/// Seeded bodies get ids derived from tenant and name, so seeding twice
/// addresses the same streams.
const SEED_NAMESPACE: Uuid = Uuid::from_u128(0x6f1c_2b0e_5a47_4c1d_9a3e_1f2d_3c4b_5a69);

/// What a bootstrap did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct BootstrapReport {
    pub tenants_registered: usize,
    pub tenants_unchanged: usize,
}

/// A body to establish.
#[derive(Debug, Clone, PartialEq)]
pub struct NewBody {
    pub id: BodyId,
    pub tenant: TenantId,
    pub kind: BodyKind,
    pub names: LocalizedName,
    pub mandate: FreeText,
    pub parent: Option<BodyId>,
    pub active_from: NaiveDate,
}

pub fn tenant_stream(id: TenantId) -> StreamRef {
    StreamRef::new(id.as_str(), Tenant::STREAM_TYPE, id.as_str())
}

pub fn body_stream(tenant: TenantId, id: BodyId) -> StreamRef {
    StreamRef::new(tenant.as_str(), Body::STREAM_TYPE, id.to_string())
}

/// The id a seeded body of `tenant` named `name` always gets.
pub fn seeded_body_id(tenant: TenantId, name: &str) -> BodyId {
    BodyId::from_uuid(Uuid::new_v5(
        &SEED_NAMESPACE,
        format!("{tenant}/{name}").as_bytes(),
    ))
}

fn text(value: &str) -> Result<FreeText, AppError> {
    FreeText::parse(value).map_err(|error| AppError::invalid(error.to_string()))
}

fn name(entries: &[(Language, &str)]) -> Result<LocalizedName, AppError> {
    LocalizedName::parse(
        entries
            .iter()
            .map(|(language, text)| (*language, (*text).to_owned())),
    )
    .map_err(|error| AppError::invalid(error.to_string()))
}

impl App {
    /// Registers the national tenant and the 26 cantons. Safe to run again:
    /// tenants already registered with the same data are left alone.
    pub async fn bootstrap_tenants(
        &self,
        catalog: &CantonCatalog,
        actor: &str,
    ) -> Result<BootstrapReport, AppError> {
        let mut report = BootstrapReport::default();
        let national = TenantCommand::Register {
            id: TenantId::National,
            names: name(&[
                (Language::De, "Nationale IIZ"),
                (Language::Fr, "CII nationale"),
                (Language::It, "CII nazionale"),
            ])?,
            official_languages: vec![Language::De, Language::Fr, Language::It],
        };
        let commands = std::iter::once((TenantId::National, national)).chain(
            catalog
                .cantons
                .iter()
                .map(|canton| (TenantId::Canton(canton.code), canton.register_command())),
        );
        for (id, command) in commands {
            let executed = self
                .execute::<Tenant>(tenant_stream(id), command, EventMetadata::new(actor))
                .await?;
            if executed.events.is_empty() {
                report.tenants_unchanged += 1;
            } else {
                report.tenants_registered += 1;
            }
        }
        Ok(report)
    }

    /// Establishes a body in a registered tenant.
    pub async fn establish_body(&self, body: NewBody, actor: &str) -> Result<Executed, AppError> {
        let (tenant, _) = self.load::<Tenant>(&tenant_stream(body.tenant)).await?;
        if tenant.id().is_none() {
            return Err(AppError::refused(
                ErrorKind::NotFound,
                format!("tenant {} is not registered", body.tenant),
            ));
        }
        if let Some(parent) = body.parent {
            let (parent_state, version) =
                self.load::<Body>(&body_stream(body.tenant, parent)).await?;
            if version == 0 || parent_state == Body::default() {
                return Err(AppError::refused(
                    ErrorKind::NotFound,
                    format!(
                        "parent body {parent} does not exist in tenant {}",
                        body.tenant
                    ),
                ));
            }
        }
        let command = BodyCommand::Establish {
            id: body.id,
            tenant: body.tenant,
            kind: body.kind,
            names: body.names,
            mandate: body.mandate,
            parent: body.parent,
            active_from: body.active_from,
        };
        self.execute::<Body>(
            body_stream(body.tenant, body.id),
            command,
            EventMetadata::new(actor),
        )
        .await
    }

    /// Establishes a seeded body unless it exists already.
    pub(crate) async fn seed_body(&self, body: NewBody, actor: &str) -> Result<bool, AppError> {
        match self.establish_body(body, actor).await {
            Ok(_) => Ok(true),
            Err(AppError::Domain {
                kind: ErrorKind::AlreadyExists,
                ..
            }) => Ok(false),
            Err(error) => Err(error),
        }
    }

    /// The STG, the EKG and the Fachstelle of the national tenant, as the
    /// implementation concept of 29 March 2017 set them up.
    pub async fn seed_national_bodies(&self, actor: &str) -> Result<usize, AppError> {
        let since = NaiveDate::from_ymd_opt(2017, 3, 29)
            .ok_or_else(|| AppError::invalid("invalid seed date".to_owned()))?;
        let bodies = [
            (
                "STG",
                BodyKind::Steering,
                [
                    (Language::De, "Nationales IIZ-Steuerungsgremium (STG)"),
                    (Language::Fr, "Comité national de pilotage CII"),
                    (Language::It, "Comitato nazionale di direzione CII"),
                ],
                "Entscheidet über Schwerpunkte, das zweijährige Arbeitsprogramm, Empfehlungen, Projekte und \
                 Arbeitsgruppen und überwacht deren Umsetzung. Vorsitz rotiert alle zwei Jahre zwischen BSV, \
                 SBFI, SECO und SEM.",
            ),
            (
                "EKG",
                BodyKind::ExpertCoordination,
                [
                    (Language::De, "Entwicklungs- und Koordinationsgremium (EKG)"),
                    (Language::Fr, "Organe de développement et de coordination"),
                    (Language::It, "Organo di sviluppo e di coordinamento"),
                ],
                "Prüft Anliegen, stellt Anträge an das STG, verbreitet Empfehlungen und meldet \
                 Handlungsbedarf aus dem Monitoring frühzeitig.",
            ),
            (
                "Fachstelle",
                BodyKind::Office,
                [
                    (Language::De, "Nationale IIZ-Fachstelle"),
                    (Language::Fr, "Bureau national CII"),
                    (Language::It, "Ufficio nazionale CII"),
                ],
                "Einzige Eingangsstelle für Anliegen; bereitet die Geschäfte von STG und EKG vor, führt die \
                 Sitzungen und kommuniziert.",
            ),
        ];
        let mut established = 0;
        for (short, kind, names, mandate) in bodies {
            let body = NewBody {
                id: seeded_body_id(TenantId::National, short),
                tenant: TenantId::National,
                kind,
                names: name(&names)?,
                mandate: text(mandate)?,
                parent: None,
                active_from: since,
            };
            established += usize::from(self.seed_body(body, actor).await?);
        }
        Ok(established)
    }
}
