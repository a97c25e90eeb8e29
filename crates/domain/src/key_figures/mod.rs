//! A canton's key figures for one calendar year: IIZ cases in total and per
//! lead institution, and optionally the registered unemployed, so that the
//! share of potential IIZ cases can be computed. One stream per canton and
//! year the figures are about (`BL-2019`).
//!
//! Its own aggregate, not part of the profile: figures are about a past
//! year and arrive on their own rhythm (the 2020 panorama carried counts
//! for 2016–2019 beside a profile valid in 2020), a canton corrects a count
//! without touching its structure, and a round refers to the profile's and
//! the figures' revisions separately.

mod error;
#[cfg(test)]
mod tests;
mod value;

use std::collections::BTreeMap;

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub use error::FiguresError;
pub use value::{Figure, FigureValue};

use crate::ids::{CantonCode, TenantId};
use crate::panorama_terms::{Actor, InstitutionKind, Year};
use crate::text::{FreeText, Title};
use crate::{Aggregate, DomainEvent};

/// What a canton reports for a year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct FigureReport {
    pub cases_total: Figure,
    /// Cases by the institution that leads them. The sum need not equal the
    /// total: cantons count leads and totals differently (BL counts RAV and
    /// IV cases separately, TG adds people in ALV structures).
    pub cases_by_lead: BTreeMap<InstitutionKind, Figure>,
    pub registered_unemployed: Option<Figure>,
    /// Further counts the canton gives (by scheme, by pair of institutions,
    /// new registrations), kept as written and never used in the national
    /// figures: they count different things in every canton.
    pub other: Vec<LabelledFigure>,
    /// What the figures count, in the canton's words.
    pub note: FreeText,
}

/// A count with the canton's label for it ("Medval", "SH-IV").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct LabelledFigure {
    pub label: Title,
    pub figure: Figure,
}

/// Whether a computed share rests on exact figures only or on at least one
/// estimate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ShareBasis {
    Exact,
    Estimated,
}

/// IIZ cases as a share of the registered unemployed, in basis points
/// (1/100 of a percent), so that it compares and stores without rounding
/// surprises.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct PotentialShare {
    pub cases: u32,
    pub unemployed: u32,
    pub basis_points: u32,
    pub basis: ShareBasis,
}

/// Why no share is computed for a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum NoShare {
    /// The canton reported no number of registered unemployed.
    NoUnemployedFigure,
    /// A figure is a range or not available: no single number to divide.
    NotAPoint,
    /// Zero registered unemployed: the share is undefined.
    NoUnemployed,
}

impl FigureReport {
    /// The most further counts one report carries; the 2020 answers give
    /// at most four.
    pub const MAX_OTHER: usize = 20;

    /// The share of potential IIZ cases, only from exact or estimated
    /// figures; a range or a missing figure gives none, never a midpoint.
    pub fn potential_share(&self) -> Result<PotentialShare, NoShare> {
        let unemployed = self
            .registered_unemployed
            .as_ref()
            .ok_or(NoShare::NoUnemployedFigure)?;
        let (cases, cases_exact) = self.cases_total.value.point().ok_or(NoShare::NotAPoint)?;
        let (unemployed, unemployed_exact) = unemployed.value.point().ok_or(NoShare::NotAPoint)?;
        if unemployed == 0 {
            return Err(NoShare::NoUnemployed);
        }
        let scaled = u64::from(cases) * 10_000;
        let half = u64::from(unemployed) / 2;
        let basis_points = (scaled + half) / u64::from(unemployed);
        Ok(PotentialShare {
            cases,
            unemployed,
            basis_points: u32::try_from(basis_points).unwrap_or(u32::MAX),
            basis: if cases_exact && unemployed_exact {
                ShareBasis::Exact
            } else {
                ShareBasis::Estimated
            },
        })
    }

    fn figures(&self) -> impl Iterator<Item = &Figure> {
        std::iter::once(&self.cases_total)
            .chain(self.cases_by_lead.values())
            .chain(self.registered_unemployed.iter())
            .chain(self.other.iter().map(|labelled| &labelled.figure))
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FiguresCommand {
    /// Reports the year's figures, or reports them again corrected.
    Report {
        canton: CantonCode,
        year: Year,
        figures: FigureReport,
        actor: Actor,
        on: NaiveDate,
    },
}

/// Stored events: variants and their fields are never renamed or removed,
/// new ones are added at the end.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "type", content = "data")]
pub enum FiguresEvent {
    /// Revision 1 is the first report, each later one a correction.
    Reported {
        canton: CantonCode,
        year: Year,
        revision: u32,
        figures: FigureReport,
        actor: Actor,
        on: NaiveDate,
    },
}

impl DomainEvent for FiguresEvent {
    fn event_type(&self) -> &'static str {
        match self {
            Self::Reported { .. } => "Reported",
        }
    }
}

/// State of a key figures stream.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KeyFigures {
    reported: Option<Reported>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Reported {
    canton: CantonCode,
    year: Year,
    revision: u32,
    figures: FigureReport,
    on: NaiveDate,
}

impl KeyFigures {
    /// The stream id of a canton's figures for a year.
    pub fn stream_id(canton: CantonCode, year: Year) -> String {
        format!("{canton}-{year}")
    }

    pub fn figures(&self) -> Option<&FigureReport> {
        self.reported.as_ref().map(|state| &state.figures)
    }

    /// 0 before the first report.
    pub fn revision(&self) -> u32 {
        self.reported.as_ref().map_or(0, |state| state.revision)
    }
}

impl Aggregate for KeyFigures {
    const STREAM_TYPE: &'static str = "key_figures";
    type Command = FiguresCommand;
    type Event = FiguresEvent;
    type Error = FiguresError;

    fn decide(&self, command: FiguresCommand) -> Result<Vec<FiguresEvent>, FiguresError> {
        let FiguresCommand::Report {
            canton,
            year,
            figures,
            actor,
            on,
        } = command;
        match actor.tenant {
            TenantId::Canton(code) if code == canton => {}
            TenantId::National => return Err(FiguresError::CantonReports(canton)),
            TenantId::Canton(_) => return Err(FiguresError::NotTheCanton(canton)),
        }
        if figures.other.len() > FigureReport::MAX_OTHER {
            return Err(FiguresError::TooManyFigures {
                max: FigureReport::MAX_OTHER,
            });
        }
        if let Some(reversed) = figures.figures().find_map(|figure| match figure.value {
            FigureValue::Range { low, high } if low > high => Some((low, high)),
            _ => None,
        }) {
            return Err(FiguresError::RangeReversed {
                low: reversed.0,
                high: reversed.1,
            });
        }
        let revision = match &self.reported {
            None => 1,
            Some(state) => {
                if (state.canton, state.year) != (canton, year) {
                    return Err(FiguresError::OtherStream {
                        canton: state.canton,
                        year: state.year,
                    });
                }
                if on < state.on {
                    return Err(FiguresError::DateBeforeLastReport {
                        last: state.on,
                        date: on,
                    });
                }
                if state.figures == figures {
                    return Ok(vec![]);
                }
                state.revision + 1
            }
        };
        Ok(vec![FiguresEvent::Reported {
            canton,
            year,
            revision,
            figures,
            actor,
            on,
        }])
    }

    fn evolve(mut self, event: &FiguresEvent) -> Self {
        let FiguresEvent::Reported {
            canton,
            year,
            revision,
            figures,
            on,
            ..
        } = event;
        self.reported = Some(Reported {
            canton: *canton,
            year: *year,
            revision: *revision,
            figures: figures.clone(),
            on: *on,
        });
        self
    }
}
