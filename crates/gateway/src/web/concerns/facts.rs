//! The facts of a concern as its page lists them: where it comes from,
//! where it stands, who supports it, what the bodies said, where it went.

use iiz_projections::ConcernView;

use super::concern_path;
use super::labels::{institution_key, stage_key};
use crate::web::format;
use crate::web::i18n::Tr;

/// A fact about the concern, with a link when it names another page.
#[derive(Debug, Clone)]
pub struct Fact {
    pub label: String,
    pub value: String,
    pub href: Option<String>,
}

pub fn facts(tr: Tr, view: &ConcernView, focus_title: Option<String>) -> Vec<Fact> {
    let fact = |key: &str, value: String| Fact {
        label: tr.t(key),
        value,
        href: None,
    };
    let mut facts = vec![
        fact("concerns-field-origin", view.origin.as_str().to_owned()),
        fact("concerns-field-stage", tr.t(stage_key(view.stage))),
        fact(
            "concerns-field-language",
            view.language.as_str().to_uppercase(),
        ),
        fact("concerns-field-drafted", format::date_time(view.drafted_at)),
        fact("concerns-field-updated", format::date_time(view.updated_at)),
    ];
    if let Some(partner) = view.on_behalf_of {
        facts.push(fact("concerns-field-on-behalf-of", partner.to_string()));
    }
    if let Some(submitted) = view.submitted_at {
        facts.push(fact(
            "concerns-field-submitted",
            format::date_time(submitted),
        ));
    }
    let focus = focus_title
        .or_else(|| view.focus_area.clone())
        .or_else(|| view.focus_area_note.clone())
        .unwrap_or_else(|| tr.t("concerns-focus-none"));
    facts.push(fact("concerns-field-focus-area", focus));
    let institutions = view
        .institutions
        .iter()
        .map(|institution| tr.t(institution_key(*institution)))
        .collect::<Vec<_>>();
    if !institutions.is_empty() {
        facts.push(fact("concerns-field-institutions", institutions.join(", ")));
    }
    let parties = |parties: Vec<String>| parties.join(", ");
    facts.push(fact(
        "concerns-field-submitters",
        parties(view.submitters.iter().map(ToString::to_string).collect()),
    ));
    if !view.endorsements.is_empty() {
        facts.push(fact(
            "concerns-field-endorsed-by",
            parties(
                view.endorsements
                    .iter()
                    .map(|endorsement| endorsement.by.to_string())
                    .collect(),
            ),
        ));
    }
    if let Some(proposal) = view.ekg_proposal {
        facts.push(fact(
            "concerns-field-ekg-proposal",
            tr.t(super::labels::stg_outcome_key(proposal)),
        ));
    }
    if let Some(question) = &view.ekg_question {
        facts.push(fact("concerns-field-ekg-question", question.clone()));
    }
    if let Some(assessment) = &view.ekg_assessment {
        facts.push(fact("concerns-field-ekg-assessment", assessment.clone()));
    }
    if let Some(into) = view.merged_into {
        facts.push(Fact {
            href: Some(concern_path(into)),
            ..fact("concerns-field-merged-into", tr.t("concerns-open-concern"))
        });
    }
    for absorbed in &view.absorbed {
        facts.push(Fact {
            href: Some(concern_path(*absorbed)),
            ..fact("concerns-field-absorbed", tr.t("concerns-open-concern"))
        });
    }
    facts
}
