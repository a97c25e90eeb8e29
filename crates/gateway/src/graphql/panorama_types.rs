//! GraphQL types of canton profiles and key figures. Each holds its read
//! model once and resolves fields from it. A profile's content is also
//! given whole as `JSON` in the shape of the published event contract
//! (`schema/events/canton_profile.Opened.json`, `ProfileContent`), so a
//! client reads every field without the API mirroring each nested type.

use std::sync::Arc;

use async_graphql::{ID, Json, Object, SimpleObject};
use chrono::NaiveDate;
use iiz_domain::canton_profile::ProfileContent;
use iiz_domain::key_figures::{Figure, FigureReport, FigureValue};
use iiz_domain::panorama::Actor;
use iiz_projections::{
    CorrectionView, FiguresView, ProfileRevisionView, ProfileView, RevisionEntry,
};

use super::panorama_enums::{
    DocumentedValue, FigureKind, ImplementationTypeValue, InstitutionKindValue, OfficeKindValue,
    ProfileSection,
};
use super::shared_types::id;
use super::types::Language;

/// Who acted, and for which tenant (the canton, or `CH` for the Fachstelle).
#[derive(Debug, Clone, SimpleObject)]
pub struct PanoramaActor {
    pub person: ID,
    pub tenant: ID,
}

impl From<&Actor> for PanoramaActor {
    fn from(actor: &Actor) -> Self {
        Self {
            person: id(actor.person),
            tenant: ID(actor.tenant.as_str().to_owned()),
        }
    }
}

/// The parts of a profile the national figures count, typed; the rest is in `content`.
#[derive(Debug, Clone, SimpleObject)]
pub struct ProfileSummary {
    pub language: Language,
    pub implementation_type: ImplementationTypeValue,
    pub office: Option<OfficeKindValue>,
    pub coordinator_at: Option<InstitutionKindValue>,
    pub documented_process: DocumentedValue,
    /// The linked bodies' ids.
    pub bodies: Vec<ID>,
}

fn summary(content: &ProfileContent) -> ProfileSummary {
    let structure = &content.structure;
    ProfileSummary {
        language: content.language.into(),
        implementation_type: structure.implementation_type.into(),
        office: structure.office.as_ref().map(|office| office.kind.into()),
        coordinator_at: structure
            .coordinator_at
            .as_ref()
            .map(|institution| institution.kind.into()),
        documented_process: content.practice.process.documented.into(),
        bodies: structure.bodies.iter().map(|link| id(link.body)).collect(),
    }
}

/// One visible change of a profile.
#[derive(Debug, Clone, SimpleObject)]
pub struct ProfileRevisionEntry {
    pub revision: u32,
    /// The part changed; none for the opening.
    pub section: Option<ProfileSection>,
    pub note: String,
    /// The Fachstelle's proposal this revision confirmed.
    pub proposal: Option<u32>,
    pub actor: PanoramaActor,
    pub on: NaiveDate,
}

impl From<&RevisionEntry> for ProfileRevisionEntry {
    fn from(entry: &RevisionEntry) -> Self {
        Self {
            revision: entry.revision,
            section: entry.section.map(Into::into),
            note: entry.note.as_str().to_owned(),
            proposal: entry.proposal,
            actor: (&entry.actor).into(),
            on: entry.on,
        }
    }
}

/// A correction the Fachstelle proposed that the canton has not answered.
#[derive(Debug, Clone, SimpleObject)]
pub struct ProfileCorrection {
    pub proposal: u32,
    pub section: ProfileSection,
    /// The proposed part, in the shape of `SectionChange`'s `content`.
    pub content: Json<serde_json::Value>,
    /// The revision it was proposed on.
    pub based_on: u32,
    pub reason: String,
    pub actor: PanoramaActor,
    pub on: NaiveDate,
}

impl From<&CorrectionView> for ProfileCorrection {
    fn from(correction: &CorrectionView) -> Self {
        let content = serde_json::to_value(&correction.change)
            .ok()
            .and_then(|change| change.get("content").cloned())
            .unwrap_or_default();
        Self {
            proposal: correction.proposal,
            section: correction.change.section().into(),
            content: Json(content),
            based_on: correction.based_on,
            reason: correction.reason.as_str().to_owned(),
            actor: (&correction.actor).into(),
            on: correction.on,
        }
    }
}

/// A canton's current profile for one year.
#[derive(Debug, Clone)]
pub struct CantonProfileInfo(Arc<ProfileView>);

impl From<ProfileView> for CantonProfileInfo {
    fn from(view: ProfileView) -> Self {
        Self(Arc::new(view))
    }
}

/// A canton's IIZ profile for a year of validity, kept by the canton.
#[Object(name = "CantonProfile")]
impl CantonProfileInfo {
    async fn canton(&self) -> ID {
        ID(self.0.canton.as_str().to_owned())
    }

    async fn year(&self) -> u16 {
        self.0.year.get()
    }

    /// 1 when opened, one more with each revision.
    async fn revision(&self) -> u32 {
        self.0.revision
    }

    async fn last_change(&self) -> NaiveDate {
        self.0.last_change
    }

    async fn summary(&self) -> ProfileSummary {
        summary(&self.0.content)
    }

    /// The whole profile (`ProfileContent` of the event contracts).
    async fn content(&self) -> Json<ProfileContent> {
        Json(self.0.content.clone())
    }

    /// Every revision with who made it and when, oldest first.
    async fn revisions(&self) -> Vec<ProfileRevisionEntry> {
        self.0.revisions.iter().map(Into::into).collect()
    }

    /// Corrections proposed by the Fachstelle and not yet answered.
    async fn pending_corrections(&self) -> Vec<ProfileCorrection> {
        self.0.pending.iter().map(Into::into).collect()
    }
}

/// A profile as it stood at one revision.
#[derive(Debug, Clone)]
pub struct ProfileAtRevision(Arc<ProfileRevisionView>);

impl From<ProfileRevisionView> for ProfileAtRevision {
    fn from(view: ProfileRevisionView) -> Self {
        Self(Arc::new(view))
    }
}

/// A canton's profile as it stood at one revision: what a round names.
#[Object(name = "CantonProfileRevision")]
impl ProfileAtRevision {
    async fn canton(&self) -> ID {
        ID(self.0.canton.as_str().to_owned())
    }

    async fn year(&self) -> u16 {
        self.0.year.get()
    }

    async fn revision(&self) -> u32 {
        self.0.revision
    }

    async fn actor(&self) -> PanoramaActor {
        (&self.0.actor).into()
    }

    async fn on(&self) -> NaiveDate {
        self.0.on
    }

    async fn summary(&self) -> ProfileSummary {
        summary(&self.0.content)
    }

    async fn content(&self) -> Json<ProfileContent> {
        Json(self.0.content.clone())
    }
}

/// A figure as the canton gave it: exact, a range, an estimate or not
/// available, with the text as written. Never turned into another kind.
#[derive(Debug, Clone, SimpleObject)]
pub struct FigureInfo {
    pub kind: FigureKind,
    /// The number of an exact figure or an estimate.
    pub value: Option<u32>,
    pub low: Option<u32>,
    pub high: Option<u32>,
    pub as_written: String,
}

impl From<&Figure> for FigureInfo {
    fn from(figure: &Figure) -> Self {
        let (kind, value, low, high) = match figure.value {
            FigureValue::Exact { value } => (FigureKind::Exact, Some(value), None, None),
            FigureValue::Range { low, high } => (FigureKind::Range, None, Some(low), Some(high)),
            FigureValue::Estimate { value } => (FigureKind::Estimate, Some(value), None, None),
            FigureValue::NotAvailable => (FigureKind::NotAvailable, None, None, None),
        };
        Self {
            kind,
            value,
            low,
            high,
            as_written: figure.as_written.as_str().to_owned(),
        }
    }
}

#[derive(Debug, Clone, SimpleObject)]
pub struct LeadFigure {
    pub lead: InstitutionKindValue,
    pub figure: FigureInfo,
}

#[derive(Debug, Clone, SimpleObject)]
pub struct LabelledFigureInfo {
    pub label: String,
    pub figure: FigureInfo,
}

/// A canton's figures report for one year.
#[derive(Debug, Clone, SimpleObject)]
pub struct FigureReportInfo {
    pub cases_total: FigureInfo,
    pub cases_by_lead: Vec<LeadFigure>,
    pub registered_unemployed: Option<FigureInfo>,
    /// Further counts as written; never used in national figures.
    pub other: Vec<LabelledFigureInfo>,
    pub note: String,
}

impl From<&FigureReport> for FigureReportInfo {
    fn from(report: &FigureReport) -> Self {
        Self {
            cases_total: (&report.cases_total).into(),
            cases_by_lead: report
                .cases_by_lead
                .iter()
                .map(|(lead, figure)| LeadFigure {
                    lead: (*lead).into(),
                    figure: figure.into(),
                })
                .collect(),
            registered_unemployed: report.registered_unemployed.as_ref().map(Into::into),
            other: report
                .other
                .iter()
                .map(|labelled| LabelledFigureInfo {
                    label: labelled.label.as_str().to_owned(),
                    figure: (&labelled.figure).into(),
                })
                .collect(),
            note: report.note.as_str().to_owned(),
        }
    }
}

/// A canton's figures for one year, as last reported or at one revision.
#[derive(Debug, Clone)]
pub struct KeyFiguresInfo(Arc<FiguresView>);

impl From<FiguresView> for KeyFiguresInfo {
    fn from(view: FiguresView) -> Self {
        Self(Arc::new(view))
    }
}

/// The key figures a canton reported for a calendar year.
#[Object(name = "KeyFigures")]
impl KeyFiguresInfo {
    async fn canton(&self) -> ID {
        ID(self.0.canton.as_str().to_owned())
    }

    /// The year the figures are about.
    async fn year(&self) -> u16 {
        self.0.year.get()
    }

    /// 1 for the first report, one more with each correction.
    async fn revision(&self) -> u32 {
        self.0.revision
    }

    async fn figures(&self) -> FigureReportInfo {
        (&self.0.figures).into()
    }

    async fn actor(&self) -> PanoramaActor {
        (&self.0.actor).into()
    }

    async fn on(&self) -> NaiveDate {
        self.0.on
    }
}
