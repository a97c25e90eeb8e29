//! Inputs of the panorama's mutations, parsed into domain values: a
//! profile part arrives as `JSON` in the shape of the event contracts
//! (`SectionChange`'s `content`), a figures report as typed fields. Input
//! that does not parse is a `VALIDATION` error naming the field.

use std::collections::BTreeMap;

use async_graphql::{ErrorExtensions, ID, InputObject, Json, Result};
use iiz_domain::canton_profile::{ProfileContent, SectionChange};
use iiz_domain::key_figures::{Figure, FigureReport, FigureValue, LabelledFigure};
use iiz_domain::text::{FreeText, Title};
use serde_json::{Value, json};

use crate::graphql::args::invalid;
use crate::graphql::panorama_enums::{FigureKind, InstitutionKindValue, ProfileSection};

/// A `VALIDATION` error with the input field in `extensions.field`.
fn invalid_at(field: &'static str, message: impl Into<String>) -> async_graphql::Error {
    invalid(message).extend_with(|_, extensions| extensions.set("field", field))
}

/// One part of a profile from its JSON.
pub fn section_change(section: ProfileSection, content: Json<Value>) -> Result<SectionChange> {
    let name = match section {
        ProfileSection::Structure => "structure",
        ProfileSection::Practice => "practice",
        ProfileSection::Challenges => "challenges",
    };
    serde_json::from_value(json!({ "section": name, "content": content.0 }))
        .map_err(|error| invalid_at("content", format!("the {name} does not read: {error}")))
}

/// A whole profile from its JSON.
pub fn profile_content(content: Json<Value>) -> Result<ProfileContent> {
    serde_json::from_value(content.0)
        .map_err(|error| invalid_at("content", format!("the profile does not read: {error}")))
}

/// A figure: the numbers its kind needs, and the text as written.
#[derive(Debug, Clone, InputObject)]
pub struct FigureInput {
    pub kind: FigureKind,
    /// The number of an exact figure or an estimate.
    pub value: Option<u32>,
    pub low: Option<u32>,
    pub high: Option<u32>,
    #[graphql(default)]
    pub as_written: String,
}

#[derive(Debug, Clone, InputObject)]
pub struct LeadFigureInput {
    pub lead: InstitutionKindValue,
    pub figure: FigureInput,
}

#[derive(Debug, Clone, InputObject)]
pub struct LabelledFigureInput {
    pub label: String,
    pub figure: FigureInput,
}

/// A canton's figures for one year.
#[derive(Debug, Clone, InputObject)]
pub struct FigureReportInput {
    pub cases_total: FigureInput,
    #[graphql(default)]
    pub cases_by_lead: Vec<LeadFigureInput>,
    pub registered_unemployed: Option<FigureInput>,
    #[graphql(default)]
    pub other: Vec<LabelledFigureInput>,
    #[graphql(default)]
    pub note: String,
}

fn figure(field: &'static str, input: FigureInput) -> Result<Figure> {
    let missing = |what: &str| invalid_at(field, format!("a {what} figure needs its number"));
    let value = match input.kind {
        FigureKind::Exact => FigureValue::Exact {
            value: input.value.ok_or_else(|| missing("exact"))?,
        },
        FigureKind::Estimate => FigureValue::Estimate {
            value: input.value.ok_or_else(|| missing("estimated"))?,
        },
        FigureKind::Range => {
            let (Some(low), Some(high)) = (input.low, input.high) else {
                return Err(invalid_at(field, "a range needs low and high"));
            };
            if low > high {
                return Err(invalid_at(field, "a range's low is above its high"));
            }
            FigureValue::Range { low, high }
        }
        FigureKind::NotAvailable => FigureValue::NotAvailable,
    };
    let as_written =
        FreeText::parse(input.as_written).map_err(|error| invalid_at(field, error.to_string()))?;
    Ok(Figure { value, as_written })
}

/// The report from its input; leads named twice are refused.
pub fn figure_report(input: FigureReportInput) -> Result<FigureReport> {
    let mut by_lead = BTreeMap::new();
    for lead in input.cases_by_lead {
        let kind = lead.lead.into();
        if by_lead
            .insert(kind, figure("casesByLead", lead.figure)?)
            .is_some()
        {
            return Err(invalid_at(
                "casesByLead",
                "a lead institution is named twice",
            ));
        }
    }
    let other = input
        .other
        .into_iter()
        .map(|labelled| {
            Ok(LabelledFigure {
                label: Title::parse(&labelled.label)
                    .map_err(|error| invalid_at("other", error.to_string()))?,
                figure: figure("other", labelled.figure)?,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    if other.len() > FigureReport::MAX_OTHER {
        return Err(invalid_at("other", "too many further counts"));
    }
    Ok(FigureReport {
        cases_total: figure("casesTotal", input.cases_total)?,
        cases_by_lead: by_lead,
        registered_unemployed: input
            .registered_unemployed
            .map(|unemployed| figure("registeredUnemployed", unemployed))
            .transpose()?,
        other,
        note: FreeText::parse(input.note).map_err(|error| invalid_at("note", error.to_string()))?,
    })
}

/// The cantons a round addresses; empty for the configured default.
pub fn addressed(
    cantons: Option<Vec<ID>>,
) -> Result<std::collections::BTreeSet<iiz_domain::CantonCode>> {
    crate::graphql::args::canton_set(&cantons.unwrap_or_default())
}
