//! The German texts of the demo's working groups, projects and work
//! programme: modest, plausible, about no real person.

/// A mandate's fields, as in the national concept's template: title,
/// situation and question, goal, output and process, composition,
/// communication, financing, resources.
pub(super) type MandateText = [&'static str; 8];

pub(super) const NATIONAL_GROUP: MandateText = [
    "AG Schnittstelle Arbeitslosenversicherung–Sozialhilfe",
    "Personen, die ausgesteuert werden, durchlaufen beim Übertritt vom RAV in die Sozialhilfe oft zweimal dieselben Abklärungen. Wie lässt sich der Übergang so gestalten, dass Informationen mit Einwilligung der Person weitergegeben werden?",
    "Ein gemeinsamer Ablauf für den Übertritt, den die Kantone übernehmen können.",
    "Bericht mit Ablaufskizze und Empfehlungsentwurf an das EKG; vier Sitzungen, eine Anhörung von drei Kantonen.",
    "Je eine Vertretung der RAV, der Sozialdienste, der IV-Stellen und der Berufsberatung; Fachstelle als Sekretariat.",
    "Zwischenstand an jeder EKG-Sitzung; Schlussbericht über die Fachstelle.",
    "Keine eigenen Mittel; Reisekosten tragen die entsendenden Stellen.",
    "Etwa drei Arbeitstage je Mitglied und Jahr.",
];

pub(super) const NATIONAL_PROGRESS: &str = "Zwei Sitzungen durchgeführt. Die Abläufe in vier Kantonen sind erhoben; die Doppelspurigkeiten betreffen vor allem die Erfassung der Ausbildung und der gesundheitlichen Situation.";

pub(super) const CANTONAL_GROUP: MandateText = [
    "Fachgruppe Junge Erwachsene ohne Anschlusslösung",
    "Junge Erwachsene ohne Anschlusslösung nach der Schule werden im Kanton von mehreren Stellen betreut, ohne dass eine Stelle den Fall führt.",
    "Klare Fallführung zwischen Berufsberatung, Sozialregionen und RAV.",
    "Vorschlag zur Fallführung an das IIZ-EKG; drei Sitzungen.",
    "Amt für Berufs-, Mittel- und Hochschulen, Sozialregionen, Amt für Wirtschaft und Arbeit.",
    "Über die IIZ-Geschäftsstelle.",
    "Im Rahmen der ordentlichen Budgets der Ämter.",
    "Je zwei Arbeitstage pro Mitglied.",
];

/// The programme's focus areas: the three of the 2017 decision, as the
/// concept words them (3.1). Key, title, description, goal for the period.
pub(super) const FOCUS_AREAS: [(&str, &str, &str, &str); 3] = [
    (
        "professionalisation",
        "Professionalisierung der Koordination und Zusammenarbeit",
        "Professionalisierung der Koordination und Zusammenarbeit sowie Aufzeigen von guten Beispielen eines wirkungsvollen Massnahmeneinsatzes.",
        "Die Zusammenarbeit in den Kantonen wird verbindlicher geregelt; gute Praxis wird geteilt.",
    ),
    (
        "labour_market_integration",
        "Bildungs- und Arbeitsmarktintegration",
        "Verstärkung der Bildungs- und Arbeitsmarktintegration bei den gefährdeten Zielgruppen der IIZ-Partner.",
        "Übergänge zwischen den Systemen verlaufen ohne doppelte Abklärungen.",
    ),
    (
        "key_actors",
        "Zusammenarbeit mit zentralen Akteuren",
        "Sensibilisierung und Verstärkung der Zusammenarbeit mit zentralen Akteuren in den IIZ-Bereichen.",
        "Arbeitgebende kennen eine Anlaufstelle für Fragen zur Integration.",
    ),
];

/// Action fields: focus area, title, description.
pub(super) const ACTION_FIELDS: [(&str, &str, &str); 5] = [
    (
        "professionalisation",
        "Gemeinsame Fallführung",
        "Regeln, wer einen Fall mit mehreren Stellen führt und wie Informationen fliessen.",
    ),
    (
        "professionalisation",
        "Austausch guter Praxis",
        "Jährliche Tagung und Sammlung von Beispielen aus den Kantonen.",
    ),
    (
        "labour_market_integration",
        "Übergang RAV–Sozialhilfe",
        "Aussteuerung ohne Unterbruch in der Begleitung.",
    ),
    (
        "labour_market_integration",
        "Geflüchtete und vorläufig Aufgenommene",
        "Abstimmung mit der Integrationsagenda Schweiz.",
    ),
    (
        "key_actors",
        "Arbeitgebende",
        "Eine gemeinsame Ansprache der Arbeitgebenden durch die IIZ-Partner.",
    ),
];

/// An IIZ project: title, focus area, action field, lead, funding (party,
/// francs), resources, question, goal, output, process, group,
/// communication.
pub(super) struct IizText {
    pub(super) title: &'static str,
    pub(super) focus_area: &'static str,
    pub(super) action_field: u32,
    pub(super) lead: &'static str,
    pub(super) funding: &'static [(&'static str, u64)],
    pub(super) texts: [&'static str; 7],
    /// Milestones: title, whether reached.
    pub(super) milestones: [&'static str; 3],
}

pub(super) const IIZ_PROJECTS: [IizText; 2] = [
    IizText {
        title: "Pilot Gemeinsame Erstabklärung RAV–IV",
        focus_area: "labour_market_integration",
        action_field: 3,
        lead: "SECO",
        funding: &[("SECO", 150_000), ("BSV", 150_000)],
        texts: [
            "0,6 Stellen Projektleitung, externe Evaluation",
            "Wirkt eine gemeinsame Erstabklärung von RAV und IV-Stelle bei Personen mit gesundheitlichen Einschränkungen?",
            "Pilot in drei Kantonen mit je 40 Fällen",
            "Evaluationsbericht mit Empfehlung an das STG",
            "Konzept, Pilot über zwölf Monate, Evaluation",
            "SECO, BSV, drei Pilotkantone, IVSK, VSAA",
            "Zwischenbericht an das EKG, Tagung zum Abschluss",
        ],
        milestones: [
            "Konzept verabschiedet",
            "Pilotkantone bestimmt",
            "Zwischenbericht an das EKG",
        ],
    },
    IizText {
        title: "Leitfaden Fallführung in der IIZ",
        focus_area: "professionalisation",
        action_field: 1,
        lead: "BSV",
        funding: &[("BSV", 60_000), ("SBFI", 20_000)],
        texts: [
            "0,2 Stellen in der Fachstelle",
            "Welche Regeln zur Fallführung haben sich in den Kantonen bewährt?",
            "Ein Leitfaden für die Kantone",
            "Leitfaden mit Beispielen aus den Kantonen",
            "Umfrage, zwei Workshops, Redaktion",
            "BSV, SBFI, Fachstelle, fünf Kantone",
            "Publikation auf der Website, Vorstellung an der Tagung",
        ],
        milestones: [
            "Umfrage ausgewertet",
            "Workshops durchgeführt",
            "Leitfaden publiziert",
        ],
    },
];

/// Associated projects: title, focus area, action field, owner, summary.
pub(super) const ASSOCIATED_PROJECTS: [(&str, &str, u32, &str, &str); 2] = [
    (
        "Integrationsagenda Schweiz: Potenzialabklärung",
        "labour_market_integration",
        4,
        "SEM",
        "Das SEM berichtet dem EKG jährlich über die Potenzialabklärung bei Geflüchteten.",
    ),
    (
        "Berufsabschluss für Erwachsene",
        "key_actors",
        5,
        "SBFI",
        "Projekt des SBFI mit den Kantonen; die IIZ wird informiert, wo Arbeitgebende betroffen sind.",
    ),
];

/// Where a project goes in the programme: focus area and action field.
pub(super) type Link = (&'static str, u32);
