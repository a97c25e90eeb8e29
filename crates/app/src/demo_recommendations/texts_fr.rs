//! The demo recommendation written in French: joint further training of
//! the IIZ professionals in French-speaking Switzerland, implemented by
//! Geneva and Vaud and closed by the STG with a final assessment.

use iiz_domain::Language;
use iiz_domain::recommendation::Acceptance::{Accepted, PartlyAccepted};
use iiz_domain::recommendation::ImplementationStatus::{Implemented, InProgress};
use iiz_domain::recommendation::RecommendationSource::ProjectResult;
use iiz_domain::recommendation::ReportingRhythm::Yearly;

use super::{Act, CLAIRE, DemoRecommendation, JONAS, LUC, Progress};

pub(super) const RECOMMENDATIONS: &[DemoRecommendation] = &[DemoRecommendation {
    key: "formation-continue",
    title: "Formation continue commune des professionnel·le·s de la CII",
    text: "Le comité de pilotage recommande aux cantons romands et aux offices AI de proposer chaque année une journée de formation continue commune aux collaboratrices et collaborateurs des ORP, des offices AI, des services sociaux et de l'orientation professionnelle. Les contenus portent sur les bases légales des autres institutions, l'échange de données et la conduite des conférences de cas.",
    language: Language::Fr,
    translation: Some((
        Language::De,
        "Gemeinsame Weiterbildung der IIZ-Fachpersonen",
        "Das STG empfiehlt den Westschweizer Kantonen und den IV-Stellen, den Mitarbeitenden der RAV, der IV-Stellen, der Sozialdienste und der Berufsberatung jährlich einen gemeinsamen Weiterbildungstag anzubieten. Inhalte sind die rechtlichen Grundlagen der anderen Institutionen, der Datenaustausch und die Leitung von Fallkonferenzen.",
    )),
    rationale: "Les professionnel·le·s connaissent mal les prestations et les contraintes des autres institutions. Le projet pilote romand a montré que des formations communes réduisent les transferts inutiles et rendent les conférences de cas plus efficaces.",
    source: ProjectResult,
    concerns: &[],
    carry: None,
    projects: &["Projet pilote « Formation CII romande » 2021–2022"],
    documents: &[(
        "Rapport final du projet pilote Formation CII romande",
        "https://fachstelle.demo.iiz.invalid/documents/formation-cii-romande-rapport-final.pdf",
    )],
    focus_area: Some("professionalisation"),
    all_cantons: false,
    addressees: &["GE", "VD", "NE", "IVSK"],
    answer_due: "2023-06-30",
    rhythm: Yearly,
    acts: &[
        Act::Adopt("STG-Beschluss 2023/01", "2023-01-25"),
        Act::Publish("2023-02-15"),
        Act::Answer(
            LUC,
            "GE",
            Accepted,
            "Genève organise la journée commune avec l'OCE, l'office AI et l'Hospice général dès l'automne 2023.",
        ),
        Act::Report(
            LUC,
            "GE",
            Progress {
                from: "2023-02-15",
                to: "2023-12-31",
                status: Implemented,
                percent: Some(100),
                narrative: "Deux journées communes ont réuni 240 participant·e·s en octobre et novembre 2023 ; la journée est inscrite au programme annuel de formation.",
                evidence: &[(
                    "Programme de la journée CII 2023",
                    "https://ge.demo.iiz.invalid/cii/journee-formation-2023.pdf",
                )],
            },
        ),
        Act::Answer(
            CLAIRE,
            "VD",
            Accepted,
            "Vaud intègre la journée commune au programme de formation de la CII vaudoise.",
        ),
        Act::Report(
            CLAIRE,
            "VD",
            Progress {
                from: "2023-02-15",
                to: "2023-12-31",
                status: InProgress,
                percent: Some(50),
                narrative: "Une première journée a eu lieu pour les régions Lausanne et Riviera ; les autres régions suivront en 2024.",
                evidence: &[],
            },
        ),
        Act::Report(
            CLAIRE,
            "VD",
            Progress {
                from: "2024-01-01",
                to: "2024-12-31",
                status: Implemented,
                percent: Some(100),
                narrative: "Toutes les régions ont organisé leur journée commune ; le financement est assuré par le budget de la CII vaudoise.",
                evidence: &[],
            },
        ),
        Act::Answer(
            JONAS,
            "IVSK",
            PartlyAccepted,
            "Die IV-Stellen-Konferenz empfiehlt den IV-Stellen der Westschweiz die Teilnahme, kann sie aber nicht verpflichten.",
        ),
        Act::Report(
            JONAS,
            "IVSK",
            Progress {
                from: "2023-02-15",
                to: "2024-12-31",
                status: Implemented,
                percent: Some(100),
                narrative: "Alle IV-Stellen der Westschweiz haben 2023 und 2024 Mitarbeitende an die gemeinsamen Weiterbildungstage entsandt.",
                evidence: &[],
            },
        ),
        Act::Close(
            "Bilan final : la formation commune est établie à Genève et dans le canton de Vaud et sera désormais financée par les budgets cantonaux de la CII ; les offices AI romands y participent. Neuchâtel n'a pas répondu ; le thème est repris dans la recommandation sur la gestion de cas.",
        ),
    ],
}];
