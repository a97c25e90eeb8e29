//! The demo concerns written in German: Zurich, Solothurn, Bern and the
//! SKOS. Texts are invented but follow the interfaces the IIZ works on:
//! ALV/RAV, IV, Sozialhilfe, Berufsbildung and Migration. A concern named
//! by a later one's story comes first.

use iiz_domain::concern::AffectedInstitution::{AlvRav, BbBslb, Iv, Mig, Sh};
use iiz_domain::concern::CommentVisibility::Internal;
use iiz_domain::concern::{Channel, ReturnReason, StepOutcome, StgOutcome};
use iiz_domain::{Language, Partner};

use super::{
    ANNA, Act, DemoConcern, Ekg, HANS, JONAS, NADIA, NICOLE, PETRA, RETO, ROLF, SABINE, URS,
};

const DE: Language = Language::De;

pub(super) const CONCERNS: &[DemoConcern] = &[
    DemoConcern {
        key: "zh-ausgesteuerte",
        origin: "ZH",
        by: ANNA,
        on_behalf_of: None,
        language: DE,
        title: "Ausgesteuerte zwischen RAV und Sozialhilfe",
        description: "Wer bei der Arbeitslosenversicherung ausgesteuert wird, verliert mit dem Wechsel in die Sozialhilfe meist auch die Begleitung durch das RAV. Die Sozialdienste klären die Arbeitsmarktfähigkeit von vorn ab, bereits vereinbarte Massnahmen brechen ab. Im Kanton Zürich betrifft das jedes Jahr mehrere tausend Personen.",
        why_not_cantonal: "Die Bezugsdauer und der Zugang zu arbeitsmarktlichen Massnahmen nach der Aussteuerung sind im AVIG geregelt; eine Weiterführung der RAV-Begleitung braucht eine Lösung mit dem SECO und den Kantonen gemeinsam.",
        institutions: &[AlvRav, Sh],
        focus_area: "labour_market_integration",
        acts: &[
            Act::StartRoute,
            Act::Step(
                RETO,
                StepOutcome::Approved,
                "Interinstitutionell relevant, Unterlagen vollständig.",
            ),
            Act::Step(
                SABINE,
                StepOutcome::Discussed,
                "Die Trägerschaft des IIZ-Netzwerks unterstützt die Eingabe; AWA und Sozialamt liefern die Fallzahlen 2025 nach.",
            ),
            Act::Endorse(
                HANS,
                None,
                "Im Kanton Bern zeigt sich beim Übergang in die Sozialhilfe dasselbe Muster.",
            ),
            Act::Endorse(
                NICOLE,
                Some(Partner::Skos),
                "Für die Sozialhilfe ist das eine der wichtigsten Schnittstellen.",
            ),
            Act::Submit(Channel::ViaFachstelle),
            Act::Accept("Breit abgestützt (ZH, BE, SKOS); zur Prüfung an das EKG."),
            Act::Examine(
                Ekg::Propose(StgOutcome::Recommendation),
                "Das EKG beantragt dem STG eine Empfehlung zur Übergabe der Dossiers zwischen RAV und Sozialdiensten.",
            ),
        ],
    },
    DemoConcern {
        key: "zh-doppelte-abklaerungen",
        origin: "ZH",
        by: ANNA,
        on_behalf_of: None,
        language: DE,
        title: "Doppelte Abklärungen IV und RAV",
        description: "Stellensuchende mit gesundheitlichen Einschränkungen werden parallel von der IV-Stelle und vom RAV abgeklärt. Beide Stellen erheben dieselben Angaben zu Gesundheit, Ausbildung und Arbeitsfähigkeit, ohne die Ergebnisse auszutauschen. Für die Betroffenen heisst das Wartezeiten und widersprüchliche Auflagen.",
        why_not_cantonal: "Der Datenaustausch zwischen IV und ALV richtet sich nach Bundesrecht (ATSG, IVG, AVIG); ein gemeinsames Abklärungsinstrument müsste mit BSV und SECO vereinbart werden.",
        institutions: &[AlvRav, Iv],
        focus_area: "professionalisation",
        acts: &[
            Act::StartRoute,
            Act::Step(RETO, StepOutcome::Approved, "Relevanz bestätigt."),
            Act::Step(
                SABINE,
                StepOutcome::Discussed,
                "Die IV-Stelle SVA Zürich und das AWA tragen die Eingabe mit.",
            ),
            Act::Endorse(
                JONAS,
                Some(Partner::Ivsk),
                "Die IV-Stellen-Konferenz unterstützt ein gemeinsames Abklärungsinstrument.",
            ),
            Act::Submit(Channel::ViaFachstelle),
            Act::Accept("Zur Prüfung an das EKG."),
            Act::Examine(
                Ekg::Propose(StgOutcome::Project),
                "Ein gemeinsames Instrument soll zuerst in einem Pilotprojekt erprobt werden.",
            ),
            Act::Decide(
                StgOutcome::Project,
                "STG-Beschluss 2026/04: Pilotprojekt «Gemeinsame Erstabklärung IV–RAV» in drei Kantonen, Leitung BSV und SECO.",
                "Der Nutzen eines gemeinsamen Instruments ist zuerst zu belegen.",
            ),
            Act::Answer(
                "Das STG hat ein Pilotprojekt «Gemeinsame Erstabklärung IV–RAV» beschlossen. Die Fachstelle lädt den Kanton Zürich ein, sich als Pilotkanton zu melden; die Ergebnisse werden 2027 veröffentlicht.",
            ),
        ],
    },
    DemoConcern {
        key: "zh-datenaustausch",
        origin: "ZH",
        by: ANNA,
        on_behalf_of: None,
        language: DE,
        title: "Datenaustausch zwischen Sozialdiensten und RAV",
        description: "Sozialdienste und RAV dürfen Angaben zu gemeinsam betreuten Personen nur mit einer Vollmacht austauschen, die bei jedem Fall neu eingeholt wird. Eine standardisierte, zeitlich befristete Einwilligung würde die Zusammenarbeit vereinfachen.",
        why_not_cantonal: "Die Schweigepflicht der ALV-Durchführungsstellen ist im AVIG geregelt; eine einheitliche Einwilligung müsste national abgestimmt werden.",
        institutions: &[AlvRav, Sh],
        focus_area: "professionalisation",
        acts: &[
            Act::StartRoute,
            Act::Step(
                RETO,
                StepOutcome::Approved,
                "Zur Beratung in der Trägerschaft des IIZ-Netzwerks traktandiert.",
            ),
        ],
    },
    DemoConcern {
        key: "ch-antrag-daten",
        origin: "CH",
        by: PETRA,
        on_behalf_of: None,
        language: DE,
        title: "Antrag: einheitliche Einwilligung für den Datenaustausch",
        description: "Die Fachstelle beantragt dem STG eine national einheitliche, befristete Einwilligung, mit der RAV, IV-Stellen und Sozialdienste Angaben zu gemeinsam betreuten Personen austauschen dürfen.",
        why_not_cantonal: "Die Schweigepflichten von ALV und IV sind bundesrechtlich geregelt.",
        institutions: &[AlvRav, Iv, Sh],
        focus_area: "professionalisation",
        acts: &[
            Act::Submit(Channel::ViaFachstelle),
            Act::BringToStg("Strategische Frage der Zusammenarbeit: direkt an das STG."),
            Act::ReferToEkg("Wie beurteilt die EKG die Umsetzbarkeit in den Kantonen?"),
        ],
    },
    DemoConcern {
        key: "zh-fallfuehrung",
        origin: "ZH",
        by: ANNA,
        on_behalf_of: None,
        language: DE,
        title: "Fallführung bei Mehrfachbezug von Leistungen",
        description: "Bei Personen, die gleichzeitig Leistungen der ALV, der IV und der Sozialhilfe beziehen, ist oft unklar, wer den Fall führt. Es fehlt eine Regel, welche Stelle koordiniert.",
        why_not_cantonal: "Die Zuständigkeiten der Sozialversicherungen sind bundesrechtlich geregelt.",
        institutions: &[AlvRav, Iv, Sh],
        focus_area: "professionalisation",
        acts: &[
            Act::StartRoute,
            Act::Step(
                RETO,
                StepOutcome::Returned,
                "Bitte die betroffenen Fallzahlen und die beteiligten Stellen ergänzen.",
            ),
            Act::Comment(
                RETO,
                "ZH",
                "Fallzahlen beim Sozialamt angefragt; Antwort bis Ende Monat.",
                Internal,
            ),
        ],
    },
    DemoConcern {
        key: "so-massnahmen",
        origin: "SO",
        by: URS,
        on_behalf_of: None,
        language: DE,
        title: "Arbeitsmarktliche Massnahmen für Sozialhilfebeziehende",
        description: "Sozialhilfebeziehende ohne Anspruch auf ALV-Leistungen haben nur beschränkt Zugang zu arbeitsmarktlichen Massnahmen. Die Sozialregionen finanzieren eigene Angebote, die oft dieselben Inhalte haben wie die Kurse der RAV.",
        why_not_cantonal: "Die Öffnung der arbeitsmarktlichen Massnahmen für Nichtleistungsbeziehende ist im AVIG geregelt und betrifft die Finanzierung durch den ALV-Fonds.",
        institutions: &[AlvRav, Sh],
        focus_area: "labour_market_integration",
        acts: &[
            Act::StartRoute,
            Act::Step(
                NADIA,
                StepOutcome::Approved,
                "Relevant für die IIZ; zur Genehmigung an das IIZ-EKG.",
            ),
        ],
    },
    DemoConcern {
        key: "be-nachholbildung",
        origin: "BE",
        by: HANS,
        on_behalf_of: None,
        language: DE,
        title: "Sozialhilfe und Stipendien bei der Nachholbildung Erwachsener",
        description: "Erwachsene ohne Berufsabschluss, die eine Nachholbildung beginnen, fallen zwischen Sozialhilfe und Stipendien: Die Sozialhilfe verweist auf die Stipendien, die Stipendien decken den Lebensunterhalt einer Familie nicht. Viele brechen die Ausbildung deshalb ab.",
        why_not_cantonal: "Die Abstimmung von Stipendien und Sozialhilfe betrifft die Empfehlungen von EDK und SKOS; eine Lösung nur im Kanton Bern verschiebt das Problem an die Kantonsgrenze.",
        institutions: &[BbBslb, Sh],
        focus_area: "labour_market_integration",
        acts: &[
            Act::StartRoute,
            Act::Endorse(
                URS,
                None,
                "Im Kanton Solothurn stellt sich dieselbe Frage bei der Nachholbildung.",
            ),
        ],
    },
    DemoConcern {
        key: "so-coaching",
        origin: "SO",
        by: URS,
        on_behalf_of: None,
        language: DE,
        title: "Coaching für junge Erwachsene ohne Lehrabschluss",
        description: "Junge Erwachsene zwischen 18 und 25 Jahren ohne Lehrabschluss werden von der Berufsberatung, dem RAV und der Sozialhilfe begleitet, aber niemand führt das Coaching über den Lehrbeginn hinaus. Lehrabbrüche im ersten Jahr sind häufig.",
        why_not_cantonal: "Case Management Berufsbildung endet mit dem Eintritt in die Lehre; eine Verlängerung braucht die Abstimmung mit SBFI und SBBK.",
        institutions: &[BbBslb, AlvRav, Sh],
        focus_area: "labour_market_integration",
        acts: &[
            Act::StartRoute,
            Act::Step(NADIA, StepOutcome::Approved, "Unterlagen vollständig."),
            Act::Step(
                ROLF,
                StepOutcome::Approved,
                "Das IIZ-EKG genehmigt die Eingabe.",
            ),
            Act::Step(
                NADIA,
                StepOutcome::Approved,
                "Die IIZ-Leitung hat an ihrer Sitzung vom März zugestimmt.",
            ),
            Act::Consolidate(
                &["be-nachholbildung"],
                "Im Netzwerk Espace Mittelland mit dem Berner Anliegen zur Nachholbildung gebündelt.",
            ),
            Act::Submit(Channel::ViaFachstelle),
        ],
    },
    DemoConcern {
        key: "so-invol",
        origin: "SO",
        by: URS,
        on_behalf_of: None,
        language: DE,
        title: "Finanzierung der Integrationsvorlehre nach dem Pilot",
        description: "Die Integrationsvorlehre (INVOL) für Geflüchtete und vorläufig Aufgenommene läuft als Pilot aus. Unklar ist, wer die Plätze danach finanziert: Migration, Berufsbildung oder Sozialhilfe.",
        why_not_cantonal: "Die Integrationspauschale des Bundes deckt die Vorlehre nur teilweise.",
        institutions: &[Mig, BbBslb],
        focus_area: "labour_market_integration",
        acts: &[
            Act::StartRoute,
            Act::Step(
                NADIA,
                StepOutcome::Approved,
                "Relevant; zur Genehmigung an das IIZ-EKG.",
            ),
            Act::Resolve(
                "Der Regierungsrat hat die Finanzierung der Integrationsvorlehre ab dem Schuljahr 2026/27 kantonal gesichert; eine nationale Eingabe ist nicht mehr nötig.",
            ),
        ],
    },
    DemoConcern {
        key: "be-diplome",
        origin: "BE",
        by: HANS,
        on_behalf_of: None,
        language: DE,
        title: "Anerkennung ausländischer Diplome bei vorläufig Aufgenommenen",
        description: "Vorläufig Aufgenommene mit ausländischen Berufsdiplomen arbeiten oft weit unter ihrer Qualifikation. Die Anerkennungsverfahren sind langwierig, und RAV wie Sozialdienste kennen sie kaum.",
        why_not_cantonal: "Die Anerkennung ausländischer Diplome ist Sache des Bundes (SBFI) und der Berufsverbände.",
        institutions: &[Mig, AlvRav, BbBslb],
        focus_area: "labour_market_integration",
        acts: &[
            Act::Submit(Channel::ViaFachstelle),
            Act::Return(
                ReturnReason::NeedsInformation,
                "Das Anliegen ist relevant, aber noch zu allgemein formuliert.",
                "Welche Berufe und wie viele Personen sind betroffen? Welche Stellen (SBFI, Berufsberatung, Migrationsdienst) wurden bereits einbezogen?",
            ),
        ],
    },
    DemoConcern {
        key: "be-jobcoaching",
        origin: "BE",
        by: HANS,
        on_behalf_of: None,
        language: DE,
        title: "Doppelspurigkeiten bei Job-Coaching-Angeboten",
        description: "IV, RAV und Sozialdienste finanzieren Job-Coaching bei denselben Anbietern mit unterschiedlichen Tarifen und Berichtspflichten.",
        why_not_cantonal: "Die Tarife der IV-Massnahmen werden national verhandelt.",
        institutions: &[Iv, AlvRav, Sh],
        focus_area: "professionalisation",
        acts: &[
            Act::StartRoute,
            Act::Withdraw(
                "Das Thema wird im kantonalen IIZ-Netzwerk bearbeitet; eine nationale Eingabe ist nicht mehr nötig.",
            ),
        ],
    },
    DemoConcern {
        key: "skos-zwischenverdienst",
        origin: "CH",
        by: NICOLE,
        on_behalf_of: Some(Partner::Skos),
        language: DE,
        title: "Zwischenverdienst: Anrechnung in Sozialhilfe und Arbeitslosenversicherung",
        description: "Ein Zwischenverdienst wird in der Arbeitslosenversicherung und in der Sozialhilfe unterschiedlich angerechnet. Wer gleichzeitig Taggelder und Sozialhilfe bezieht, hat am Ende des Monats mit Zwischenverdienst manchmal weniger als ohne.",
        why_not_cantonal: "Die Anrechnungsregeln stehen im AVIG und in den SKOS-Richtlinien; nur eine gemeinsame Empfehlung beseitigt den Fehlanreiz.",
        institutions: &[AlvRav, Sh],
        focus_area: "labour_market_integration",
        acts: &[
            Act::Submit(Channel::DirectToEkg),
            Act::Examine(
                Ekg::Propose(StgOutcome::Recommendation),
                "Das EKG beantragt eine gemeinsame Empfehlung von SODK und SECO.",
            ),
            Act::Decide(
                StgOutcome::Recommendation,
                "STG-Beschluss 2026/07: Empfehlung an SODK und SECO zur abgestimmten Anrechnung von Zwischenverdiensten.",
                "Die unterschiedliche Anrechnung setzt Fehlanreize.",
            ),
        ],
    },
];
