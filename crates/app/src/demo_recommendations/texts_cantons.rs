//! The demo recommendation to all 26 cantons, published two years ago: the
//! cantons that have demo people answered (every kind of answer) and report
//! over 2024 and 2025, one up to full implementation and shared; the
//! others never answered and are overdue. The EKG flags one of them and the
//! recommendation as a whole; the STG makes another a priority.

use iiz_domain::Language;
use iiz_domain::recommendation::Acceptance::{Accepted, NotAccepted, NotRelevant, PartlyAccepted};
use iiz_domain::recommendation::ImplementationStatus::{Implemented, InProgress, Planned};
use iiz_domain::recommendation::RecommendationSource::Study;
use iiz_domain::recommendation::ReportingRhythm::Yearly;

use super::{
    ANNA, Act, CLAIRE, DemoRecommendation, HANS, JONAS, LUC, NADIA, NICOLE, Progress, URS,
};

pub(super) const RECOMMENDATIONS: &[DemoRecommendation] = &[DemoRecommendation {
    key: "fallfuehrung",
    title: "Klare Fallführung bei Mehrfachbetreuung: eine federführende Stelle pro Person",
    text: "Das STG empfiehlt den Kantonen, für Personen, die gleichzeitig von mehreren Stellen (RAV, IV-Stelle, Sozialdienst, Berufsberatung) betreut werden, verbindlich eine fallführende Stelle zu bestimmen. Die Kantone regeln in einer Vereinbarung der beteiligten Stellen, nach welchen Kriterien die Fallführung zugeteilt wird, wie die übrigen Stellen informiert werden und wie gemeinsame Ziele festgehalten werden.",
    language: Language::De,
    translation: Some((
        Language::Fr,
        "Une gestion de cas claire en cas de suivi multiple : un service responsable par personne",
        "Le comité de pilotage recommande aux cantons de désigner de manière contraignante un service responsable de la gestion du cas pour les personnes suivies simultanément par plusieurs services (ORP, office AI, service social, orientation professionnelle). Les cantons règlent dans une convention entre les services concernés les critères d'attribution, l'information des autres services et la fixation d'objectifs communs.",
    )),
    rationale: "Die Evaluation der nationalen IIZ 2023 zeigt, dass Doppelspurigkeiten und widersprüchliche Auflagen vor allem dort entstehen, wo die Fallführung nicht geregelt ist. Kantone mit einer klaren Regel verkürzen den Weg in den Arbeitsmarkt messbar.",
    source: Study,
    concerns: &[],
    carry: None,
    projects: &["Evaluation der nationalen IIZ 2023"],
    documents: &[(
        "Evaluation der nationalen IIZ 2023, Schlussbericht",
        "https://fachstelle.demo.iiz.invalid/dokumente/evaluation-nationale-iiz-2023.pdf",
    )],
    focus_area: Some("professionalisation"),
    all_cantons: true,
    addressees: &["IVSK"],
    answer_due: "2024-12-31",
    rhythm: Yearly,
    acts: &[
        Act::Adopt("STG-Beschluss 2024/05", "2024-05-22"),
        Act::Publish("2024-06-15"),
        Act::Answer(
            ANNA,
            "ZH",
            Accepted,
            "Zürich verankert die Fallführung in der Vereinbarung des kantonalen IIZ-Netzwerks.",
        ),
        Act::Report(
            ANNA,
            "ZH",
            Progress {
                from: "2024-06-15",
                to: "2024-12-31",
                status: Planned,
                percent: Some(10),
                narrative: "Der Entwurf der Vereinbarung zwischen AWA, SVA Zürich und Sozialkonferenz ist in der Vernehmlassung.",
                evidence: &[(
                    "Entwurf Vereinbarung Fallführung IIZ Zürich",
                    "https://zh.demo.iiz.invalid/iiz/entwurf-vereinbarung-fallfuehrung.pdf",
                )],
            },
        ),
        Act::Report(
            ANNA,
            "ZH",
            Progress {
                from: "2025-01-01",
                to: "2025-06-30",
                status: InProgress,
                percent: Some(40),
                narrative: "Die Vereinbarung ist seit März 2025 unterzeichnet; die Schulung der Fachpersonen läuft in vier von zehn Regionen.",
                evidence: &[],
            },
        ),
        Act::Report(
            ANNA,
            "ZH",
            Progress {
                from: "2025-07-01",
                to: "2025-12-31",
                status: Implemented,
                percent: Some(100),
                narrative: "In allen Regionen ist die Fallführung geregelt. Die gemeinsame Falldokumentation zeigt für 2025 eine federführende Stelle in 96 % der Mehrfachfälle; Doppelabklärungen sind um rund ein Drittel zurückgegangen.",
                evidence: &[
                    (
                        "Vereinbarung Fallführung IIZ Zürich (unterzeichnet)",
                        "https://zh.demo.iiz.invalid/iiz/vereinbarung-fallfuehrung-2025.pdf",
                    ),
                    (
                        "Auswertung Falldokumentation 2025",
                        "https://zh.demo.iiz.invalid/iiz/auswertung-fallfuehrung-2025.pdf",
                    ),
                ],
            },
        ),
        Act::Share(ANNA, "ZH"),
        Act::Answer(
            URS,
            "SO",
            Accepted,
            "Solothurn regelt die Fallführung im Rahmen der IIZ-Strategie 2025–2028.",
        ),
        Act::Report(
            NADIA,
            "SO",
            Progress {
                from: "2024-06-15",
                to: "2024-12-31",
                status: Planned,
                percent: None,
                narrative: "Die IIZ-Leitung hat die Fallführung als Massnahme in die Strategie 2025–2028 aufgenommen.",
                evidence: &[],
            },
        ),
        Act::Report(
            NADIA,
            "SO",
            Progress {
                from: "2025-01-01",
                to: "2025-12-31",
                status: InProgress,
                percent: Some(40),
                narrative: "Die Kriterien für die Zuteilung sind festgelegt; die Vereinbarung mit der IV-Stelle ist in Verhandlung.",
                evidence: &[(
                    "IIZ-Strategie Solothurn 2025–2028",
                    "https://so.demo.iiz.invalid/iiz/strategie-2025-2028.pdf",
                )],
            },
        ),
        Act::Answer(
            HANS,
            "BE",
            PartlyAccepted,
            "Bern bestimmt eine fallführende Stelle für Personen mit Sozialhilfe und ALV-Taggeldern; die IV-Stelle bleibt aussen vor, bis das Pilotprojekt Erstabklärung ausgewertet ist.",
        ),
        Act::Report(
            HANS,
            "BE",
            Progress {
                from: "2024-07-01",
                to: "2024-12-31",
                status: InProgress,
                percent: Some(25),
                narrative: "Die Sozialdienste der Städte Bern und Biel wenden die Regel an; die regionalen Sozialdienste folgen.",
                evidence: &[],
            },
        ),
        Act::Report(
            HANS,
            "BE",
            Progress {
                from: "2025-01-01",
                to: "2025-12-31",
                status: InProgress,
                percent: Some(60),
                narrative: "Zwei Drittel der Sozialdienste wenden die Regel an. Der Einbezug der IV-Stelle wird nach der Auswertung des Pilotprojekts 2026 entschieden.",
                evidence: &[],
            },
        ),
        Act::Answer(
            LUC,
            "GE",
            Accepted,
            "Genève désigne déjà un service référent depuis la réforme de la CII de 2019 ; la recommandation confirme la pratique.",
        ),
        Act::Report(
            LUC,
            "GE",
            Progress {
                from: "2024-06-15",
                to: "2024-12-31",
                status: Implemented,
                percent: Some(100),
                narrative: "Un service référent est désigné pour chaque situation suivie par plusieurs services ; la directive CII a été mise à jour en octobre 2024.",
                evidence: &[(
                    "Directive CII genevoise, version octobre 2024",
                    "https://ge.demo.iiz.invalid/cii/directive-service-referent-2024.pdf",
                )],
            },
        ),
        Act::Answer(
            CLAIRE,
            "VD",
            NotAccepted,
            "Le canton de Vaud a choisi un modèle sans service référent unique : les situations complexes sont traitées dans les conférences de cas de la CII vaudoise, qui fixent des objectifs communs et répartissent les tâches. Ce modèle a fait ses preuves et sera maintenu.",
        ),
        Act::Answer(
            JONAS,
            "IVSK",
            NotRelevant,
            "Die IV-Stellen-Konferenz regelt keine kantonale Fallführung; sie informiert die IV-Stellen über die kantonalen Vereinbarungen und empfiehlt ihnen, sich daran zu beteiligen.",
        ),
        Act::Flag(
            JONAS,
            Some("TI"),
            "Der Kanton Tessin hat trotz zweier Erinnerungen nicht geantwortet; das EKG schlägt ein Gespräch mit der kantonalen IIZ-Koordination vor.",
        ),
        Act::Flag(
            NICOLE,
            None,
            "Fast zwei Jahre nach Ablauf der Antwortfrist fehlen die Antworten der meisten Kantone. Das EKG beantragt, die Empfehlung an der nächsten nationalen IIZ-Tagung zu thematisieren und die Kantone direkt anzuschreiben.",
        ),
        Act::Prioritize(
            "AG",
            "Das STG bittet den Kanton Aargau um eine Antwort bis zur Sitzung im März 2027; die Fallführung ist Teil seines laufenden IIZ-Projekts.",
        ),
    ],
}];
