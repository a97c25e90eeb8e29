//! The demo recommendations written in German, other than the one to all
//! cantons: data exchange (answers a Zurich concern and supersedes the old
//! power of attorney), early reporting at the transition to vocational
//! training (amended), employers (a draft) and earnings from interim work
//! (adopted, not yet published). Texts are invented but follow the
//! interfaces the IIZ works on.

use iiz_domain::Language;
use iiz_domain::recommendation::Acceptance::{Accepted, PartlyAccepted};
use iiz_domain::recommendation::ImplementationStatus::{Implemented, InProgress, Planned};
use iiz_domain::recommendation::RecommendationSource::{
    EkgProposal, NeedsAnalysis, StgDecisionOnConcern,
};
use iiz_domain::recommendation::ReportingRhythm::{HalfYearly, Yearly};

use super::{
    ANNA, Act, Amendment, CLAIRE, Carry, DemoRecommendation, HANS, LUC, NICOLE, Progress, RETO,
    SABINE, URS,
};

const DE: Language = Language::De;
const FR: Language = Language::Fr;

const DATA_EXCHANGE_CONCERN: Carry = Carry {
    drafter: ANNA,
    office: RETO,
    body_member: SABINE,
    step_note: "Die Trägerschaft unterstützt eine national abgestimmte Einwilligung; AWA und Sozialkonferenz tragen die Eingabe mit.",
    accept_note: "Zur Prüfung an das EKG; betrifft Datenschutz und Schweigepflicht der ALV.",
    ekg_rationale: "Eine einheitliche Einwilligung ist nur mit SECO, SODK und SKOS zu erreichen; das EKG beantragt eine Empfehlung.",
    stg_decision: "STG-Beschluss 2026/09: Empfehlung zur standardisierten Einwilligung für den Datenaustausch zwischen Sozialdiensten und RAV.",
    stg_rationale: "Die fallweise Vollmacht verzögert die Zusammenarbeit, ohne den Schutz der Betroffenen zu verbessern.",
};

const TRANSITION_V2: Amendment = Amendment {
    text: "Das STG empfiehlt den Kantonen, Jugendliche, die am Ende der obligatorischen Schule weder eine Lehrstelle noch eine Übergangslösung haben, bis Ende August der kantonalen Anlaufstelle Case Management Berufsbildung zu melden. Die Schulen erhalten dafür ein einfaches Meldeverfahren mit Einwilligung der Jugendlichen und ihrer Eltern. Die Anlaufstelle nimmt innert 30 Tagen Kontakt auf.",
    translation: Some((
        FR,
        "Signalement précoce des jeunes sans solution de formation",
        "Le comité de pilotage recommande aux cantons de signaler au case management Formation professionnelle, d'ici à fin août, les jeunes qui terminent l'école obligatoire sans place d'apprentissage ni solution transitoire. Les écoles disposent d'une procédure simple, avec le consentement des jeunes et de leurs parents. Le service prend contact dans les 30 jours.",
    )),
    add: &["GE", "VD"],
    answer_due: "2026-03-31",
    decision: "STG-Beschluss 2025/11",
    summary: "Version 2 nimmt die Kantone Genf und Waadt auf und liegt neu auch auf Französisch vor. Die Meldefrist wird von Ende Juni auf Ende August verschoben, weil viele Lehrverträge erst im Sommer abgeschlossen werden; neu nimmt die Anlaufstelle innert 30 Tagen Kontakt auf. Die Antwortfrist für die neuen Adressaten läuft bis Ende März 2026.",
};

pub(super) const RECOMMENDATIONS: &[DemoRecommendation] = &[
    DemoRecommendation {
        key: "datenaustausch",
        title: "Standardisierte Einwilligung für den Datenaustausch zwischen Sozialdiensten und RAV",
        text: "Das STG empfiehlt den Kantonen, für gemeinsam betreute Personen eine standardisierte, auf zwei Jahre befristete Einwilligung zum Datenaustausch zwischen Sozialdiensten und RAV einzuführen. SECO und SODK stellen dafür bis Mitte 2027 ein gemeinsames Musterformular mit Merkblatt in drei Sprachen bereit; die SKOS nimmt es in ihre Praxishilfen auf.",
        language: DE,
        translation: Some((
            FR,
            "Consentement standardisé pour l'échange de données entre services sociaux et ORP",
            "Le comité de pilotage recommande aux cantons d'introduire, pour les personnes suivies conjointement, un consentement standardisé et limité à deux ans pour l'échange de données entre services sociaux et ORP. Le SECO et la CDAS mettent à disposition d'ici mi-2027 un formulaire type commun et une notice en trois langues ; la CSIAS l'intègre à ses aides pratiques.",
        )),
        rationale: "Heute muss die Vollmacht bei jedem Fall neu eingeholt werden (Eingabe des Kantons Zürich im Seismograf). Das Sozialversicherungsrecht erlaubt den Austausch mit Einwilligung; ein einheitliches Formular schafft Rechtssicherheit und spart den Fachpersonen Zeit.",
        source: StgDecisionOnConcern,
        concerns: &[("ZH", "Datenaustausch zwischen Sozialdiensten und RAV")],
        carry: Some(&DATA_EXCHANGE_CONCERN),
        projects: &[],
        documents: &[(
            "Merkblatt Datenschutz in der IIZ (Entwurf)",
            "https://fachstelle.demo.iiz.invalid/dokumente/merkblatt-datenschutz-iiz.pdf",
        )],
        focus_area: Some("professionalisation"),
        all_cantons: false,
        addressees: &["SECO", "SODK", "SKOS", "ZH", "BE", "SO", "GE", "VD"],
        answer_due: "2027-03-31",
        rhythm: HalfYearly,
        acts: &[
            Act::Adopt("STG-Beschluss 2026/09", "2026-09-10"),
            Act::Publish("2026-10-01"),
            Act::Answer(
                NICOLE,
                "SKOS",
                Accepted,
                "Die SKOS nimmt das Musterformular in die Praxishilfen zu den SKOS-Richtlinien auf.",
            ),
            Act::Report(
                NICOLE,
                "SKOS",
                Progress {
                    from: "2026-10-01",
                    to: "2026-11-15",
                    status: Planned,
                    percent: None,
                    narrative: "Die Kommission Richtlinien und Praxis hat die Ergänzung der Praxishilfe für die Revision 2027 traktandiert.",
                    evidence: &[],
                },
            ),
            Act::Answer(
                ANNA,
                "ZH",
                Accepted,
                "Zürich führt die Einwilligung mit dem Musterformular ein, sobald es vorliegt.",
            ),
            Act::Answer(
                LUC,
                "GE",
                PartlyAccepted,
                "Genève applique déjà un consentement cantonal ; le formulaire type sera repris pour les personnes suivies conjointement par l'OCE et l'Hospice général, le consentement cantonal reste valable pour les autres situations.",
            ),
        ],
    },
    DemoRecommendation {
        key: "uebergang-i",
        title: "Frühzeitige Meldung von Jugendlichen ohne Anschlusslösung",
        text: "Das STG empfiehlt den Kantonen, Jugendliche, die am Ende der obligatorischen Schule weder eine Lehrstelle noch eine Übergangslösung haben, bis Ende Juni der kantonalen Anlaufstelle Case Management Berufsbildung zu melden. Die Schulen erhalten dafür ein einfaches Meldeverfahren mit Einwilligung der Jugendlichen und ihrer Eltern.",
        language: DE,
        translation: None,
        rationale: "Jugendliche ohne Anschlusslösung verschwinden aus dem Blick der Berufsberatung und erscheinen einige Jahre später in der Sozialhilfe. Kantone mit einer frühen Meldung erreichen die meisten dieser Jugendlichen noch im selben Sommer.",
        source: NeedsAnalysis,
        concerns: &[],
        carry: None,
        projects: &["Bedarfsanalyse Übergang I 2024"],
        documents: &[(
            "Bedarfsanalyse Übergang I, Schlussbericht",
            "https://fachstelle.demo.iiz.invalid/dokumente/bedarfsanalyse-uebergang-i-2024.pdf",
        )],
        focus_area: Some("labour_market_integration"),
        all_cantons: false,
        addressees: &["ZH", "BE", "SO", "SBBK"],
        answer_due: "2025-06-30",
        rhythm: HalfYearly,
        acts: &[
            Act::Adopt("STG-Beschluss 2025/02", "2025-02-26"),
            Act::Publish("2025-03-14"),
            Act::Answer(
                HANS,
                "BE",
                Accepted,
                "Bern führt die Meldung über das Case Management Berufsbildung ein.",
            ),
            Act::Answer(
                URS,
                "SO",
                PartlyAccepted,
                "Solothurn meldet Jugendliche ohne jede Anschlusslösung; wer ein Motivationssemester besucht, bleibt bei der Berufsberatung.",
            ),
            Act::Report(
                HANS,
                "BE",
                Progress {
                    from: "2025-03-14",
                    to: "2025-06-30",
                    status: Planned,
                    percent: None,
                    narrative: "Das Meldeformular ist mit den Schulleitungen abgestimmt; die Meldung startet mit dem Schuljahr 2025/26.",
                    evidence: &[],
                },
            ),
            Act::Report(
                URS,
                "SO",
                Progress {
                    from: "2025-03-14",
                    to: "2025-08-31",
                    status: InProgress,
                    percent: Some(30),
                    narrative: "Zwei von fünf Schulkreisen melden bereits; die übrigen folgen nach der Schulung der Klassenlehrpersonen.",
                    evidence: &[],
                },
            ),
            Act::Amend(&TRANSITION_V2),
            Act::Report(
                HANS,
                "BE",
                Progress {
                    from: "2025-07-01",
                    to: "2025-12-31",
                    status: InProgress,
                    percent: Some(50),
                    narrative: "Im Sommer 2025 wurden 312 Jugendliche gemeldet; 244 hatten bis Ende Oktober eine Anschlusslösung. Die Meldung aus den Privatschulen fehlt noch.",
                    evidence: &[(
                        "Auswertung Meldungen Sommer 2025",
                        "https://be.demo.iiz.invalid/iiz/auswertung-meldungen-2025.pdf",
                    )],
                },
            ),
            Act::Answer(
                LUC,
                "GE",
                Accepted,
                "Genève intègre le signalement dans le dispositif de formation obligatoire jusqu'à 18 ans.",
            ),
            Act::Report(
                LUC,
                "GE",
                Progress {
                    from: "2025-09-01",
                    to: "2026-02-28",
                    status: InProgress,
                    percent: Some(70),
                    narrative: "Les cycles d'orientation signalent les jeunes sans solution depuis la rentrée 2025 ; le délai de prise de contact de 30 jours est respecté dans neuf cas sur dix.",
                    evidence: &[],
                },
            ),
            Act::Answer(
                CLAIRE,
                "VD",
                PartlyAccepted,
                "Le canton de Vaud signale les jeunes via la Transition 1 ; le délai de fin août est repris, mais la prise de contact se fait dans les 45 jours faute de ressources.",
            ),
        ],
    },
    DemoRecommendation {
        key: "vollmacht-2022",
        title: "Mustervollmacht für den Informationsaustausch in der IIZ",
        text: "Das STG empfiehlt den Kantonen, für den Informationsaustausch zwischen den IIZ-Partnern die Mustervollmacht der nationalen IIZ zu verwenden. Die Vollmacht gilt für einen Fall und wird bei jeder neuen Anmeldung eingeholt.",
        language: DE,
        translation: None,
        rationale: "Die Kantone verwenden Dutzende verschiedener Vollmachten, von denen viele den Anforderungen des Datenschutzes nicht genügen.",
        source: NeedsAnalysis,
        concerns: &[],
        carry: None,
        projects: &[],
        documents: &[(
            "Mustervollmacht IIZ 2022",
            "https://fachstelle.demo.iiz.invalid/dokumente/mustervollmacht-iiz-2022.pdf",
        )],
        focus_area: Some("professionalisation"),
        all_cantons: false,
        addressees: &["ZH", "BE", "SO", "GE", "VD"],
        answer_due: "2022-12-31",
        rhythm: Yearly,
        acts: &[
            Act::Adopt("STG-Beschluss 2022/03", "2022-05-18"),
            Act::Publish("2022-06-01"),
            Act::Answer(
                ANNA,
                "ZH",
                Accepted,
                "Zürich ersetzt die Vollmachten der Gemeinden durch die Mustervollmacht.",
            ),
            Act::Report(
                ANNA,
                "ZH",
                Progress {
                    from: "2022-06-01",
                    to: "2022-12-31",
                    status: Implemented,
                    percent: Some(100),
                    narrative: "Alle Sozialdienste und RAV verwenden seit November 2022 die Mustervollmacht.",
                    evidence: &[],
                },
            ),
            Act::Answer(
                HANS,
                "BE",
                Accepted,
                "Bern übernimmt die Mustervollmacht in die Weisung zur IIZ.",
            ),
            Act::Report(
                HANS,
                "BE",
                Progress {
                    from: "2022-06-01",
                    to: "2023-05-31",
                    status: InProgress,
                    percent: Some(70),
                    narrative: "Die Weisung ist angepasst; die IV-Stelle verlangt für ihre Abklärungen weiterhin eine eigene Vollmacht.",
                    evidence: &[],
                },
            ),
            Act::Answer(
                CLAIRE,
                "VD",
                PartlyAccepted,
                "Vaud reprend la procuration type pour les ORP et les centres sociaux régionaux, pas pour l'office AI.",
            ),
            Act::Supersede(
                "datenaustausch",
                "Die fallweise Vollmacht hat sich nicht bewährt: Sie muss bei jeder Anmeldung neu eingeholt werden. Die Empfehlung zur standardisierten, befristeten Einwilligung (STG-Beschluss 2026/09) ersetzt sie.",
            ),
        ],
    },
    DemoRecommendation {
        key: "arbeitgebende",
        title: "Eine gemeinsame Anlaufstelle für Arbeitgebende",
        text: "Das STG empfiehlt den Kantonen, für Arbeitgebende eine gemeinsame Anlaufstelle von RAV, IV-Stelle und Sozialdiensten zu bezeichnen, die Stellenmeldungen, Einarbeitungszuschüsse und Job-Coaching aus einer Hand vermittelt.",
        language: DE,
        translation: None,
        rationale: "Betriebe, die Stellensuchende mit Unterstützungsbedarf einstellen, werden von bis zu fünf Stellen kontaktiert. Das EKG schlägt vor, die Arbeitgeberkontakte der IIZ-Partner pro Kanton zu bündeln.",
        source: EkgProposal,
        concerns: &[],
        carry: None,
        projects: &[],
        documents: &[],
        focus_area: Some("key_actors"),
        all_cantons: false,
        addressees: &["ZH", "BE", "GE", "SECO", "IVSK"],
        answer_due: "2027-09-30",
        rhythm: Yearly,
        acts: &[],
    },
    DemoRecommendation {
        key: "zwischenverdienst",
        title: "Abgestimmte Anrechnung von Zwischenverdiensten",
        text: "Das STG empfiehlt SODK und SECO, die Anrechnung von Zwischenverdiensten in Sozialhilfe und Arbeitslosenversicherung aufeinander abzustimmen: Ein Zwischenverdienst soll sich für Personen, die gleichzeitig Taggelder und Sozialhilfe beziehen, in jedem Fall lohnen. Die SKOS prüft einen Einkommensfreibetrag, der die Differenzzahlungen der Arbeitslosenversicherung berücksichtigt; die Kantone passen ihre Richtlinien nach der Revision an.",
        language: DE,
        translation: Some((
            FR,
            "Prise en compte coordonnée du gain intermédiaire",
            "Le comité de pilotage recommande à la CDAS et au SECO de coordonner la prise en compte du gain intermédiaire dans l'aide sociale et l'assurance-chômage : un gain intermédiaire doit toujours être avantageux pour les personnes qui perçoivent à la fois des indemnités journalières et l'aide sociale. La CSIAS examine une franchise sur le revenu qui tient compte des indemnités compensatoires de l'assurance-chômage ; les cantons adaptent leurs directives après la révision.",
        )),
        rationale: "Eingabe der SKOS im Seismograf: Wer Taggelder und Sozialhilfe bezieht, hat am Ende des Monats mit Zwischenverdienst manchmal weniger als ohne. Das EKG beantragte eine gemeinsame Empfehlung von SODK und SECO.",
        source: StgDecisionOnConcern,
        concerns: &[(
            "CH",
            "Zwischenverdienst: Anrechnung in Sozialhilfe und Arbeitslosenversicherung",
        )],
        carry: None,
        projects: &[],
        documents: &[],
        focus_area: Some("labour_market_integration"),
        all_cantons: false,
        addressees: &["SODK", "SECO", "SKOS", "ZH", "BE", "GE", "VD"],
        answer_due: "2027-06-30",
        rhythm: Yearly,
        acts: &[Act::Adopt("STG-Beschluss 2026/07", "2026-07-01")],
    },
];
