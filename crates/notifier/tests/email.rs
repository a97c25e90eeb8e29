//! E-mails through a real SMTP server process (aiosmtpd) on loopback, and
//! as `.eml` files in the embedded default. The clock is passed in, so the
//! backoff between attempts is tested without waiting for it.
#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    clippy::panic,
    reason = "test code: a failed step must fail the test"
)]

#[path = "rules/demo.rs"]
mod demo;

use std::collections::BTreeMap;
use std::time::Duration;

use chrono::{DateTime, TimeDelta, Utc};
use demo::Demo;
use iiz_notifier::digest::{Digests, latest_due_day};
use iiz_notifier::email::{DispatchReport, Dispatcher, run};
use iiz_notifier::testing::{Received, SmtpServer};
use iiz_notifier::{MailTransport, NotifierSettings, SmtpTls};
use iiz_store::Preference;

fn over_smtp(settings: &NotifierSettings, port: u16) -> NotifierSettings {
    let mut settings = settings.clone();
    settings.mail.transport = MailTransport::Smtp {
        host: "127.0.0.1".to_owned(),
        port,
        tls: SmtpTls::None,
        username: None,
        password: None,
    };
    settings
}

/// Sends until nothing more is due at `now`; the rounds' sums.
async fn send_all(dispatcher: &Dispatcher, now: DateTime<Utc>) -> DispatchReport {
    let mut total = DispatchReport::default();
    loop {
        let round = dispatcher.send_due(now).await.expect("dispatch");
        total.claimed += round.claimed;
        total.sent += round.sent;
        total.deferred += round.deferred;
        total.rejected += round.rejected;
        if round.claimed == 0 {
            return total;
        }
    }
}

/// Triage of a concern (to Anna, Hans, Luc and Nicole) and an EKG agenda
/// (to Jonas, Martin and Nicole): seven e-mails, three with invitations.
async fn notify(demo: &Demo) -> usize {
    let concern = demo.concern("Ausgesteuerte zwischen RAV und Sozialhilfe");
    let meeting = demo.meeting("EKG-Sitzung 2/2026");
    demo.handle(&demo.event("concern", &concern, "Accepted"))
        .await;
    demo.handle(&demo.event("meeting", &meeting, "AgendaSent"))
        .await;
    7
}

/// The received messages by recipient address, each Message-ID once.
fn by_recipient(received: &[Received]) -> BTreeMap<String, Vec<Received>> {
    let mut ids: Vec<&str> = received
        .iter()
        .map(|message| message.message_id.as_str())
        .collect();
    ids.sort_unstable();
    let before = ids.len();
    ids.dedup();
    assert_eq!(ids.len(), before, "a message arrived twice");
    let mut map: BTreeMap<String, Vec<Received>> = BTreeMap::new();
    for message in received {
        for to in &message.to {
            map.entry(to.clone()).or_default().push(message.clone());
        }
    }
    map
}

#[tokio::test]
async fn emails_arrive_once_each_in_the_recipients_language_with_their_parts() {
    let Some(mut server) = SmtpServer::prepare(&[]) else {
        return;
    };
    server.start();
    let demo = Demo::load().await;
    let expected = notify(&demo).await;
    let dispatcher =
        Dispatcher::new(demo.app.clone(), &over_smtp(&demo.settings, server.port)).expect("smtp");
    let report = send_all(&dispatcher, Utc::now()).await;
    assert_eq!(report.sent, expected);
    // Nothing is sent twice, however often the dispatcher looks.
    let later = send_all(&dispatcher, Utc::now() + TimeDelta::hours(2)).await;
    assert_eq!(later, DispatchReport::default());

    let received = by_recipient(&server.received());
    assert_eq!(received.values().map(Vec::len).sum::<usize>(), expected);
    let luc = &received["luc.exemple@ge.demo.iiz.invalid"][0];
    assert_eq!(
        luc.subject,
        "CII : le Bureau national a accepté « Ausgesteuerte zwischen RAV und Sozialhilfe »"
    );
    assert!(luc.from.contains("noreply@iiz.localhost"));
    assert!(luc.message_id.ends_with("@iiz>"), "{}", luc.message_id);
    let text = &luc.part("text/plain").expect("a plain-text part").body;
    assert!(text.contains("Le Bureau national CII a accepté"), "{text}");
    assert!(
        text.contains("Sur la plateforme : https://iiz.example/concerns/"),
        "{text}"
    );
    assert!(luc.part("text/calendar").is_none());

    let jonas = &received["jonas.platzhalter@ekg.demo.iiz.invalid"][0];
    assert!(
        jonas.subject.starts_with("IIZ: Einladung "),
        "{}",
        jonas.subject
    );
    assert!(jonas.content_type.starts_with("multipart/alternative"));
    let invitation = jonas.part("text/calendar").expect("an invitation");
    // The server's parser quotes the parameters.
    assert!(
        invitation
            .content_type
            .replace('"', "")
            .contains("method=REQUEST"),
        "{}",
        invitation.content_type
    );
    assert!(invitation.body.contains("METHOD:REQUEST"));
    assert!(invitation.body.contains("UID:meeting-"));
    assert!(jonas.part("text/plain").is_some());
    // Nicole hears of both.
    assert_eq!(received["nicole.gabarit@skos.demo.iiz.invalid"].len(), 2);
}

#[tokio::test]
async fn while_the_server_is_down_emails_wait_and_arrive_once_when_it_is_back() {
    let Some(mut server) = SmtpServer::prepare(&[]) else {
        return;
    };
    let demo = Demo::load().await;
    let concern = demo.concern("Ausgesteuerte zwischen RAV und Sozialhilfe");
    demo.handle(&demo.event("concern", &concern, "Accepted"))
        .await;
    let dispatcher =
        Dispatcher::new(demo.app.clone(), &over_smtp(&demo.settings, server.port)).expect("smtp");

    // Not started: every e-mail waits 30 seconds after its first attempt.
    let start = Utc::now();
    let down = send_all(&dispatcher, start).await;
    assert_eq!((down.sent, down.deferred), (0, 4));
    let early = send_all(&dispatcher, start + TimeDelta::seconds(20)).await;
    assert_eq!(early.claimed, 0, "nothing is tried before the backoff ends");
    let still_down = send_all(&dispatcher, start + TimeDelta::seconds(31)).await;
    assert_eq!(still_down.deferred, 4);
    // The second wait is a minute.
    assert_eq!(
        send_all(&dispatcher, start + TimeDelta::seconds(80))
            .await
            .claimed,
        0
    );

    server.start();
    let up = send_all(&dispatcher, start + TimeDelta::seconds(92)).await;
    assert_eq!(up.sent, 4);

    // Killed while more is waiting: those wait too, and arrive once.
    let meeting = demo.meeting("EKG-Sitzung 2/2026");
    demo.handle(&demo.event("meeting", &meeting, "AgendaSent"))
        .await;
    server.kill();
    let again = Utc::now() + TimeDelta::seconds(100);
    let killed = send_all(&dispatcher, again).await;
    assert_eq!((killed.sent, killed.deferred), (0, 3));
    server.start();
    let back = send_all(&dispatcher, again + TimeDelta::seconds(31)).await;
    assert_eq!(back.sent, 3);
    assert_eq!(
        send_all(&dispatcher, again + TimeDelta::hours(3))
            .await
            .claimed,
        0
    );

    let received = by_recipient(&server.received());
    assert_eq!(received.values().map(Vec::len).sum::<usize>(), 7);
}

#[tokio::test]
async fn a_permanently_refused_address_is_listed_for_the_tenant_admin() {
    let Some(mut server) = SmtpServer::prepare(&["hans.probe@be.demo.iiz.invalid"]) else {
        return;
    };
    server.start();
    let demo = Demo::load().await;
    let concern = demo.concern("Ausgesteuerte zwischen RAV und Sozialhilfe");
    demo.handle(&demo.event("concern", &concern, "Accepted"))
        .await;
    let dispatcher =
        Dispatcher::new(demo.app.clone(), &over_smtp(&demo.settings, server.port)).expect("smtp");
    let report = send_all(&dispatcher, Utc::now()).await;
    assert_eq!((report.sent, report.rejected), (3, 1));
    // Never tried again.
    assert_eq!(
        send_all(&dispatcher, Utc::now() + TimeDelta::days(2))
            .await
            .claimed,
        0
    );

    let store = demo.app.store();
    let rejected = store.rejected_emails("BE").await.expect("rejected");
    assert_eq!(rejected.len(), 1);
    assert_eq!(rejected[0].to, "hans.probe@be.demo.iiz.invalid");
    assert_eq!(rejected[0].recipient, demo.person("hans").id.to_string());
    assert!(rejected[0].error.contains("550"), "{}", rejected[0].error);
    assert!(
        store
            .rejected_emails("ZH")
            .await
            .expect("rejected")
            .is_empty()
    );
    assert!(!by_recipient(&server.received()).contains_key("hans.probe@be.demo.iiz.invalid"));
}

#[tokio::test]
async fn the_embedded_default_writes_readable_eml_files() {
    let demo = Demo::load().await;
    let expected = notify(&demo).await;
    let MailTransport::Files { dir } = demo.settings.mail.transport.clone() else {
        panic!("the embedded default writes files");
    };
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let dispatcher = tokio::spawn(run(demo.app.clone(), demo.settings.clone(), async {
        stopped.await.ok();
    }));
    // Only whole messages: a message being written has a hidden name.
    let files = |dir: &std::path::Path| -> Vec<std::path::PathBuf> {
        std::fs::read_dir(dir)
            .map(|entries| {
                entries
                    .filter_map(Result::ok)
                    .map(|entry| entry.path())
                    .filter(|path| path.extension().is_some_and(|ext| ext == "eml"))
                    .collect()
            })
            .unwrap_or_default()
    };
    let deadline = std::time::Instant::now() + Duration::from_secs(20);
    while files(&dir).len() < expected {
        assert!(
            std::time::Instant::now() < deadline,
            "e-mails were not written"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    stop.send(()).expect("running");
    tokio::time::timeout(Duration::from_secs(5), dispatcher)
        .await
        .expect("stops promptly")
        .expect("no panic")
        .expect("no fault");

    let written = files(&dir);
    assert_eq!(written.len(), expected, "{written:?}");
    let mut invitations = 0;
    for path in &written {
        let name = path
            .file_name()
            .and_then(|name| name.to_str())
            .expect("name");
        let id = name.strip_suffix(".eml").expect("an .eml file");
        let text = std::fs::read_to_string(path).expect("readable text");
        assert!(text.contains(&format!("Message-ID: <{id}@iiz>")), "{text}");
        assert!(text.contains("Subject: "));
        assert!(
            text.contains("From: IIZ-Plattform <noreply@iiz.localhost>"),
            "{text}"
        );
        if text.contains("text/calendar; method=REQUEST") {
            invitations += 1;
        }
    }
    assert_eq!(invitations, 3);
}

#[tokio::test]
async fn a_daily_digest_bundles_the_held_emails_once() {
    let Some(mut server) = SmtpServer::prepare(&[]) else {
        return;
    };
    server.start();
    let demo = Demo::load().await;
    let store = demo.app.store();
    let luc = demo.person("luc").id.to_string();
    for kind in ["concern_triaged", "agenda"] {
        store
            .set_preference(&luc, kind, Preference::DailyDigest)
            .await
            .expect("preference");
    }
    let concern = demo.concern("Ausgesteuerte zwischen RAV und Sozialhilfe");
    let merged = demo.concern("Chômeurs en fin de droits entre ORP et aide sociale");
    demo.handle(&demo.event("concern", &concern, "Accepted"))
        .await;
    demo.handle(&demo.event("concern", &merged, "MergedInto"))
        .await;
    assert_eq!(store.held_emails(&luc).await.expect("held").len(), 2);

    let digests = Digests::new(demo.app.clone(), &demo.settings).expect("digests");
    let now = Utc::now();
    let day = latest_due_day(now, demo.settings.digest_hour);
    assert_eq!(digests.send(day, now).await.expect("digest"), 1);
    // A restart on the same day writes no second digest.
    assert_eq!(digests.send(day, now).await.expect("digest"), 0);
    assert!(store.held_emails(&luc).await.expect("held").is_empty());

    let dispatcher =
        Dispatcher::new(demo.app.clone(), &over_smtp(&demo.settings, server.port)).expect("smtp");
    send_all(&dispatcher, now).await;
    let received = by_recipient(&server.received());
    let to_luc = &received["luc.exemple@ge.demo.iiz.invalid"];
    assert_eq!(to_luc.len(), 1, "only the digest");
    let digest = &to_luc[0];
    assert!(
        digest.subject.starts_with("CII : 2 notifications du "),
        "{}",
        digest.subject
    );
    let text = &digest.part("text/plain").expect("text").body;
    assert!(text.starts_with("Bonjour Luc Exemple,"), "{text}");
    assert!(text.contains("Le Bureau national CII a accepté"), "{text}");
    assert!(text.contains("Le Bureau national CII a regroupé"), "{text}");
}
