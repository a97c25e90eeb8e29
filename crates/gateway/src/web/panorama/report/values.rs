//! A canton's published answers as text, in the words of the language it
//! is shown in (the canton's, for its section). Figures keep their kind:
//! an exact number, a range "80–100", an estimate "ca. 540" or "k.A.",
//! with the text the canton wrote beside it when it says more. Nothing
//! is rounded, averaged or filled in.

use std::collections::BTreeMap;

use iiz_domain::canton_profile::{
    BodyLink, CaseDefinition, Challenges, LegalBasis, Office, ProcessDocumentation,
};
use iiz_domain::key_figures::{Figure, FigureValue};
use iiz_domain::panorama::NamedInstitution;
use iiz_domain::text::Title;
use iiz_domain::{BodyId, CantonCode};
use iiz_projections::BodyView;

use super::labels;
use crate::web::format;
use crate::web::i18n::Tr;

/// A figure as shown: its kind (for styling and tests), the value in the
/// kind's notation, and the canton's text where it adds something.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FigureText {
    pub kind: &'static str,
    pub shown: String,
    pub as_written: Option<String>,
}

impl FigureText {
    /// The figure in one line: `80–100 („80 – 100 Fälle pro Jahr")`.
    pub fn line(&self) -> String {
        match &self.as_written {
            Some(text) => format!("{} („{text}“)", self.shown),
            None => self.shown.clone(),
        }
    }
}

pub fn figure(tr: Tr, figure: &Figure) -> FigureText {
    let number = |value: u32| format::number(u64::from(value), tr.language);
    let shown = match figure.value {
        FigureValue::Exact { value } => number(value),
        FigureValue::Range { low, high } => format!("{}–{}", number(low), number(high)),
        FigureValue::Estimate { value } => {
            tr.t1("panorama-report-estimate", "value", number(value))
        }
        FigureValue::NotAvailable => tr.t("panorama-report-not-available"),
    };
    let written = figure.as_written.as_str();
    FigureText {
        kind: figure.value.as_str(),
        as_written: (!written.is_empty() && written != shown).then(|| written.to_owned()),
        shown,
    }
}

/// Names of the bodies a panorama links, in the language asked for.
#[derive(Debug, Clone, Default)]
pub struct BodyNames(pub BTreeMap<BodyId, BodyView>);

impl BodyNames {
    pub fn name(&self, tr: Tr, id: BodyId) -> String {
        self.0.get(&id).map_or_else(
            || tr.t("panorama-report-unknown-body"),
            |body| body.names.best(tr.language).to_owned(),
        )
    }
}

/// "nicht angegeben" where a part lists nothing, so an empty answer is
/// visible as such.
fn or_not_stated(tr: Tr, lines: Vec<String>) -> Vec<String> {
    if lines.is_empty() {
        vec![tr.t("panorama-report-not-stated")]
    } else {
        lines
    }
}

fn quoted(text: &str) -> String {
    format!("„{text}“")
}

pub fn institution(tr: Tr, institution: &NamedInstitution) -> String {
    format!(
        "{} ({})",
        institution.name,
        labels::institution(tr, institution.kind)
    )
}

fn cantons(codes: impl IntoIterator<Item = CantonCode>) -> String {
    codes
        .into_iter()
        .map(|code| code.to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

/// One line per body: its name, level, place and members.
pub fn bodies(tr: Tr, links: &[BodyLink], names: &BodyNames) -> Vec<String> {
    let lines = links
        .iter()
        .map(|link| {
            let mut parts = vec![format!(
                "{} ({})",
                names.name(tr, link.body),
                labels::body_level(tr, link.level)
            )];
            if let Some(above) = link.above {
                parts.push(tr.t1("panorama-report-below", "body", names.name(tr, above)));
            }
            if !link.beside.is_empty() {
                let beside: Vec<String> =
                    link.beside.iter().map(|id| names.name(tr, *id)).collect();
                parts.push(tr.t1("panorama-report-beside", "bodies", beside.join(", ")));
            }
            if !link.shared_with.is_empty() {
                let shared = cantons(link.shared_with.iter().copied());
                parts.push(tr.t1("panorama-report-shared-with", "cantons", shared));
            }
            if !link.institutions.is_empty() {
                let members: Vec<String> = link
                    .institutions
                    .iter()
                    .map(|member| institution(tr, member))
                    .collect();
                parts.push(tr.t1("panorama-report-members", "members", members.join(", ")));
            }
            if !link.note.is_empty() {
                parts.push(link.note.as_str().to_owned());
            }
            parts.join("; ")
        })
        .collect();
    or_not_stated(tr, lines)
}

pub fn office(tr: Tr, office: Option<&Office>, names: &BodyNames) -> Vec<String> {
    let Some(office) = office else {
        return vec![tr.t("panorama-report-no-office")];
    };
    let mut line = labels::office_kind(tr, office.kind);
    if let Some(body) = office.body {
        line = format!("{line} – {}", names.name(tr, body));
    }
    let mut lines = vec![line];
    if let Some(attached) = &office.attached_to {
        lines.push(tr.t1(
            "panorama-report-attached-to",
            "institution",
            institution(tr, attached),
        ));
    }
    lines
}

pub fn coordinator(tr: Tr, seat: Option<&NamedInstitution>) -> Vec<String> {
    or_not_stated(
        tr,
        seat.map(|seat| institution(tr, seat)).into_iter().collect(),
    )
}

pub fn process(tr: Tr, process: &ProcessDocumentation) -> Vec<String> {
    let mut lines = vec![labels::documented(tr, process.documented)];
    if !process.forms.is_empty() {
        let forms: Vec<String> = process
            .forms
            .iter()
            .map(|form| labels::process_form(tr, *form))
            .collect();
        lines.push(forms.join(", "));
    }
    if !process.as_written.is_empty() {
        lines.push(quoted(process.as_written.as_str()));
    }
    lines
}

pub fn case_definition(tr: Tr, case: &CaseDefinition) -> Vec<String> {
    let mut lines = Vec::new();
    if let Some(minimum) = case.minimum_institutions {
        lines.push(tr.t1(
            "panorama-report-minimum-institutions",
            "count",
            minimum.to_string(),
        ));
    }
    if !case.criteria.is_empty() {
        let criteria: Vec<String> = case
            .criteria
            .iter()
            .map(|criterion| labels::criterion(tr, *criterion))
            .collect();
        lines.push(criteria.join(", "));
    }
    if !case.as_written.is_empty() {
        lines.push(quoted(case.as_written.as_str()));
    }
    or_not_stated(tr, lines)
}

pub fn legal_bases(tr: Tr, bases: &[LegalBasis]) -> Vec<String> {
    let lines = bases
        .iter()
        .map(|basis| {
            format!(
                "{} ({})",
                basis.citation,
                labels::legal_basis_kind(tr, basis.kind)
            )
        })
        .collect();
    or_not_stated(tr, lines)
}

pub fn federal(tr: Tr, references: &[Title]) -> Vec<String> {
    or_not_stated(tr, references.iter().map(ToString::to_string).collect())
}

pub fn challenges(tr: Tr, challenges: &Challenges) -> Vec<String> {
    let mut lines: Vec<String> = challenges
        .items
        .iter()
        .map(|item| {
            format!(
                "{}: {}",
                labels::challenge(tr, item.category),
                item.text.as_str()
            )
        })
        .collect();
    if !challenges.note.is_empty() {
        lines.push(challenges.note.as_str().to_owned());
    }
    or_not_stated(tr, lines)
}

/// The case totals by year: `2019: 80–100`.
pub fn cases_total(tr: Tr, totals: &BTreeMap<String, Figure>) -> Vec<String> {
    let lines = totals
        .iter()
        .map(|(year, total)| format!("{year}: {}", figure(tr, total).line()))
        .collect();
    or_not_stated(tr, lines)
}

#[cfg(test)]
mod tests {
    use iiz_domain::Language;
    use iiz_domain::text::FreeText;

    use super::*;

    fn read(text: &str) -> Figure {
        Figure::read(FreeText::parse(text).unwrap())
    }

    #[test]
    fn figures_keep_their_kind_in_every_language() {
        let de = Tr::new(Language::De);
        let fr = Tr::new(Language::Fr);
        let range = figure(de, &read("80 – 100 Fälle pro Jahr"));
        assert_eq!(range.kind, "range");
        assert_eq!(range.shown, "80–100");
        assert_eq!(range.as_written.as_deref(), Some("80 – 100 Fälle pro Jahr"));
        let estimate = figure(fr, &read("environ 106"));
        assert_eq!(estimate.kind, "estimate");
        assert_eq!(estimate.shown, "env. 106");
        let missing = figure(de, &read("k.A."));
        assert_eq!(missing.kind, "not_available");
        assert_eq!(missing.shown, "k.A.");
        assert_eq!(missing.as_written, None, "the same text is not repeated");
        assert_eq!(figure(fr, &Figure::not_available()).shown, "n.d.");
        let exact = figure(de, &Figure::new(FigureValue::Exact { value: 1182 }));
        assert_eq!(exact.line(), "1’182");
    }
}
