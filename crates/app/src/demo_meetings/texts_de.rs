//! The demo meetings as data, in time order: the EKG and the STG meet four
//! times in the demo year, the STG's last meeting jointly with the EKG; the
//! first meetings of the next year are planned. Texts in German; places and
//! links are fictitious. Years are written as placeholders that
//! [`super::DemoYears::fill`] replaces: `{year}` (the demo year, `{year-1}`,
//! `{year+1}`) and `{next}` (the year of the planned meetings, `{next-1}`).

/// A demo meeting and what is minuted.
#[derive(Debug)]
pub(super) struct DemoMeeting {
    pub(super) title: &'static str,
    /// An STG meeting (else the EKG's).
    pub(super) stg: bool,
    /// Joint with the EKG (the STG's year-end meeting).
    pub(super) joint: bool,
    /// The year's last meeting of its body, which carries a concern on.
    pub(super) year_end: bool,
    pub(super) starts_at: &'static str,
    pub(super) ends_at: &'static str,
    pub(super) place: &'static str,
    pub(super) online: Option<&'static str>,
    /// Free items for discussion: title and the office's note.
    pub(super) items: &'static [(&'static str, &'static str)],
    /// The office's note on the concern item.
    pub(super) concern_note: &'static str,
    /// The minutes' note on the concern item.
    pub(super) concern_minutes: &'static str,
    pub(super) decision: &'static str,
    pub(super) rationale: &'static str,
    /// An item added after the agenda went out: title and reason.
    pub(super) revision: Option<(&'static str, &'static str)>,
    /// A future meeting whose agenda went out already.
    pub(super) send_ahead: bool,
}

/// The EKG's year-end meeting, before which a concern is triaged for it.
pub(super) const YEAR_END_EKG: &str = "EKG-Sitzung 4/{year}";

const BERN: &str = "Bern, Holzikofenweg 36 (SECO)";
const ONLINE: Option<&str> = Some("https://meet.example.ch/iiz-demo");

const EKG: DemoMeeting = DemoMeeting {
    title: "",
    stg: false,
    joint: false,
    year_end: false,
    starts_at: "",
    ends_at: "",
    place: BERN,
    online: ONLINE,
    items: &[],
    concern_note: "Die Fachstelle beantragt, das Anliegen wie vorgeschlagen weiterzuführen.",
    concern_minutes: "Die EKG bespricht das Anliegen und folgt dem Antrag der Fachstelle.",
    decision: "Die EKG bestätigt das Vorgehen gemäss Antrag der Fachstelle.",
    rationale: "Das Anliegen betrifft mehrere Kantone und Partner.",
    revision: None,
    send_ahead: false,
};

const STG: DemoMeeting = DemoMeeting {
    stg: true,
    concern_minutes: "Das STG bespricht den Antrag der EKG.",
    decision: "Das STG folgt dem Antrag der EKG.",
    rationale: "Breit abgestützt und von nationaler Tragweite.",
    ..EKG
};

pub(super) const MEETINGS: &[DemoMeeting] = &[
    DemoMeeting {
        title: "EKG-Sitzung 1/{year}",
        starts_at: "{year}-02-24 09:30",
        ends_at: "{year}-02-24 12:30",
        items: &[(
            "Jahresplanung {year}",
            "Termine und Schwerpunkte der EKG für {year}.",
        )],
        ..EKG
    },
    DemoMeeting {
        title: "STG-Sitzung 1/{year}",
        starts_at: "{year}-03-17 14:00",
        ends_at: "{year}-03-17 16:30",
        items: &[(
            "Jahresbericht {year-1} der Fachstelle",
            "Bericht und Rechnung {year-1}.",
        )],
        ..STG
    },
    DemoMeeting {
        title: "EKG-Sitzung 2/{year}",
        starts_at: "{year}-05-19 09:30",
        ends_at: "{year}-05-19 12:30",
        items: &[(
            "Monitoring der Empfehlungen",
            "Stand der Antworten und Umsetzungsberichte der Kantone.",
        )],
        ..EKG
    },
    DemoMeeting {
        title: "STG-Sitzung 2/{year}",
        starts_at: "{year}-06-16 14:00",
        ends_at: "{year}-06-16 16:30",
        items: &[("Monitoring der Empfehlungen", "Bericht der EKG an das STG.")],
        ..STG
    },
    DemoMeeting {
        title: "EKG-Sitzung 3/{year}",
        starts_at: "{year}-08-25 09:30",
        ends_at: "{year}-08-25 12:30",
        online: None,
        items: &[(
            "Austausch mit den regionalen Netzwerken",
            "Berichte der Koordinatorinnen und Koordinatoren.",
        )],
        ..EKG
    },
    DemoMeeting {
        title: "STG-Sitzung 3/{year}",
        starts_at: "{year}-09-15 14:00",
        ends_at: "{year}-09-15 16:30",
        items: &[(
            "Budget der Fachstelle {year+1}",
            "Voranschlag zuhanden des STG.",
        )],
        ..STG
    },
    DemoMeeting {
        title: YEAR_END_EKG,
        year_end: true,
        starts_at: "{year}-11-10 09:30",
        ends_at: "{year}-11-10 12:30",
        items: &[(
            "Vorbereitung der gemeinsamen Sitzung mit dem STG",
            "Anträge an das STG.",
        )],
        concern_note: "Die Fachstelle beantragt, dem STG ein IIZ-Projekt vorzuschlagen.",
        concern_minutes: "Die EKG bespricht das Anliegen und schlägt dem STG ein Projekt vor.",
        decision: "Die EKG schlägt dem STG ein IIZ-Projekt vor.",
        revision: Some((
            "Kurzinformation Arbeitsprogramm",
            "Auf Wunsch des Vorsitzes nachgetragen",
        )),
        ..EKG
    },
    DemoMeeting {
        title: "STG-Sitzung 4/{year} (gemeinsam mit der EKG)",
        joint: true,
        year_end: true,
        starts_at: "{year}-11-26 13:30",
        ends_at: "{year}-11-26 17:00",
        items: &[(
            "Rückblick und Ausblick",
            "Gemeinsame Jahresbilanz von STG und EKG.",
        )],
        concern_note: "Die EKG beantragt dem STG ein Projekt.",
        concern_minutes: "STG und EKG besprechen den Antrag; das STG entscheidet.",
        decision: "Das STG beschliesst ein IIZ-Projekt zum Anliegen.",
        ..STG
    },
    DemoMeeting {
        title: "EKG-Sitzung 1/{next}",
        starts_at: "{next}-02-23 09:30",
        ends_at: "{next}-02-23 12:30",
        items: &[(
            "Jahresplanung {next}",
            "Termine und Schwerpunkte der EKG für {next}.",
        )],
        send_ahead: true,
        ..EKG
    },
    DemoMeeting {
        title: "STG-Sitzung 1/{next}",
        starts_at: "{next}-03-16 14:00",
        ends_at: "{next}-03-16 16:30",
        items: &[(
            "Jahresbericht {next-1} der Fachstelle",
            "Bericht und Rechnung {next-1}.",
        )],
        ..STG
    },
];
