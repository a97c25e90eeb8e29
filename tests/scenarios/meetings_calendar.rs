//! The meeting calendars of the scenario in `meetings.rs`: the body's and
//! the person's iCalendar feeds, read with an independent parser, and a
//! calendar program's subscription with a token.

use std::io::BufReader;

use iiz_app::meetings::{ics::swiss_to_utc, swiss_today};
use iiz_tests::{As, Session, TestApp};
use serde_json::json;

use crate::requests::ok;

/// The meetings the scenario created, by id.
pub(super) struct Meetings<'a> {
    pub ekg: &'a str,
    pub ekg_meeting: &'a str,
    pub joint: &'a str,
    pub cancelled: &'a str,
}

pub(super) async fn feeds_parse(
    app: &TestApp,
    luc: &Session,
    jonas: &Session,
    meetings: Meetings<'_>,
) {
    // The EKG's feed parses with an independent iCalendar parser.
    let path = format!("/calendar/bodies/{}.ics", meetings.ekg);
    assert_eq!(app.get_as(&path, As::Anonymous).await.unwrap().0, 401);
    let (status, feed) = app.get_as(&path, As::Session(luc)).await.unwrap();
    assert_eq!(status, 200, "{feed}");
    let calendar = ical::IcalParser::new(BufReader::new(feed.as_bytes()))
        .next()
        .unwrap()
        .unwrap();
    let event = |id: &str| {
        let uid = format!("meeting-{id}@iiz.platform");
        calendar
            .events
            .iter()
            .find(|event| {
                event
                    .properties
                    .iter()
                    .any(|p| p.name == "UID" && p.value.as_deref() == Some(uid.as_str()))
            })
            .unwrap_or_else(|| panic!("no event {uid} in {feed}"))
    };
    let value = |event: &ical::parser::ical::component::IcalEvent, name: &str| {
        event
            .properties
            .iter()
            .find(|p| p.name == name)
            .and_then(|p| p.value.clone())
            .unwrap_or_default()
    };
    let ekg_event = event(meetings.ekg_meeting);
    let start = swiss_to_utc(swiss_today().and_hms_opt(8, 0, 0).unwrap());
    assert_eq!(
        value(ekg_event, "DTSTART"),
        start.format("%Y%m%dT%H%M%SZ").to_string()
    );
    assert_eq!(value(ekg_event, "SEQUENCE"), "1");
    assert_eq!(value(ekg_event, "STATUS"), "CONFIRMED");
    assert_eq!(value(ekg_event, "LOCATION"), "Bern\\, Holzikofenweg 36");
    assert_eq!(value(ekg_event, "URL"), "https://meet.example.ch/iiz");
    assert!(value(ekg_event, "DESCRIPTION").contains("Aussteuerung: Nachtrag"));
    assert_eq!(
        value(event(meetings.joint), "SUMMARY"),
        "STG-Sitzung 4/2026"
    );
    assert_eq!(value(event(meetings.cancelled), "STATUS"), "CANCELLED");
    // Jonas sits in the EKG: his own feed has the meetings too.
    let (status, mine) = app
        .get_as("/calendar/me.ics", As::Session(jonas))
        .await
        .unwrap();
    assert_eq!(status, 200);
    assert!(
        mine.contains(&format!("meeting-{}@iiz.platform", meetings.joint)),
        "{mine}"
    );
    calendar_programs_subscribe_with_a_token(app, luc, &path, &feed).await;
}

/// Calendar programs cannot send a bearer header: they subscribe with HTTP
/// Basic authentication, an API token as the password, and are asked for
/// it when they come without.
async fn calendar_programs_subscribe_with_a_token(
    app: &TestApp,
    luc: &Session,
    path: &str,
    feed: &str,
) {
    let create = "mutation { createApiToken(name: \"Kalender\", tenant: \"GE\", roles: [COORDINATOR]) { secret } }";
    let created = ok(app, luc, create, json!({})).await;
    let secret = created["createApiToken"]["secret"].as_str().unwrap();
    let url = format!("{}{path}", app.base_url);
    let basic = |password: &str| app.http.get(&url).basic_auth("luc", Some(password)).send();
    let subscribed = basic(secret).await.unwrap();
    assert_eq!(subscribed.status(), 200);
    let body = subscribed.text().await.unwrap();
    let uids = |text: &str| -> Vec<String> {
        text.lines()
            .filter(|line| line.starts_with("UID:"))
            .map(str::to_owned)
            .collect()
    };
    assert_eq!(uids(&body), uids(feed));
    for refused in [
        basic("iiz_falsch").await.unwrap(),
        app.get(path).await.unwrap(),
    ] {
        assert_eq!(refused.status(), 401);
        assert_eq!(
            refused.headers()["www-authenticate"],
            "Basic realm=\"IIZ calendar\", charset=\"UTF-8\""
        );
    }
}
