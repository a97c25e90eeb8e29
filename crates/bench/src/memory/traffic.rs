//! What the memory section asks of the server: sign-ins through GraphQL's
//! `signIn`, and a mixed load of clients drafting and commenting concerns
//! (GraphQL mutations) next to clients reading the list pages.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use iiz_app::demo::DEMO_PASSWORD;
use serde_json::{Value, json};

const SIGN_IN: &str = "mutation($email: String!, $password: String!) { signIn(email: $email, password: $password) { csrfToken } }";
const DRAFT: &str = "mutation($input: DraftConcernInput!) { draftConcern(input: $input) { id } }";
const COMMENT: &str = "mutation($id: ID!, $text: String!) { commentOnConcern(id: $id, text: $text, visibility: SHARED) { id } }";
/// Who drafts and comments: the Zurich office.
pub const WRITER: &str = "anna.beispiel@zh.demo.iiz.invalid";
/// Who reads the lists: the Fachstelle's office, who has every page.
pub const READER: &str = "petra.muster@fachstelle.demo.iiz.invalid";
/// What the readers request in turn.
pub const PAGES: [&str; 3] = ["/concerns", "/queue", "/monitoring"];
/// Comments on each drafted concern.
const COMMENTS_PER_DRAFT: usize = 2;

/// A signed-in session.
#[derive(Debug, Clone)]
pub struct Session {
    cookie: String,
    csrf: String,
}

/// Signs in with the demo password through GraphQL's `signIn`.
pub async fn sign_in(client: &reqwest::Client, base: &str, email: &str) -> anyhow::Result<Session> {
    let response = client
        .post(format!("{base}/graphql"))
        .json(&json!({
            "query": SIGN_IN,
            "variables": { "email": email, "password": DEMO_PASSWORD },
        }))
        .send()
        .await
        .context("signIn")?;
    let cookie = response
        .headers()
        .get("set-cookie")
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.split(';').next())
        .map(str::to_owned);
    let body: Value = response.json().await.context("signIn's answer")?;
    let (Some(cookie), Some(csrf)) = (cookie, body["data"]["signIn"]["csrfToken"].as_str()) else {
        bail!("signIn as {email} failed: {body}");
    };
    Ok(Session {
        cookie,
        csrf: csrf.to_owned(),
    })
}

/// `count` sign-ins by `clients` concurrent clients, the logins in turn;
/// answers how long they took.
pub async fn sign_ins(
    base: &str,
    logins: &[String],
    count: usize,
    clients: usize,
) -> anyhow::Result<Duration> {
    if logins.is_empty() {
        bail!("iiz serve --demo printed no demo logins");
    }
    let next = Arc::new(AtomicUsize::new(0));
    let logins = Arc::new(logins.to_vec());
    let client = reqwest::Client::new();
    let started = Instant::now();
    let tasks: Vec<_> = (0..clients)
        .map(|_| {
            let (next, logins, client) = (next.clone(), logins.clone(), client.clone());
            let base = base.to_owned();
            tokio::spawn(async move {
                loop {
                    let index = next.fetch_add(1, Ordering::Relaxed);
                    if index >= count {
                        return anyhow::Ok(());
                    }
                    sign_in(&client, &base, &logins[index % logins.len()]).await?;
                }
            })
        })
        .collect();
    for task in tasks {
        task.await.context("a sign-in client panicked")??;
    }
    Ok(started.elapsed())
}

/// What the mixed load did.
#[derive(Debug, Default, Clone, Copy)]
pub struct Done {
    pub drafts: usize,
    pub comments: usize,
    pub pages: usize,
}

/// `writers` clients drafting concerns and commenting on them and
/// `readers` clients requesting [`PAGES`] in turn, for `duration`.
pub async fn mixed_load(
    base: &str,
    writers: usize,
    readers: usize,
    duration: Duration,
) -> anyhow::Result<Done> {
    let client = reqwest::Client::new();
    let writer = sign_in(&client, base, WRITER).await?;
    let reader = sign_in(&client, base, READER).await?;
    let until = Instant::now() + duration;
    let mut writing = Vec::new();
    for number in 0..writers {
        let (client, session, base) = (client.clone(), writer.clone(), base.to_owned());
        writing.push(tokio::spawn(async move {
            write(&client, &base, &session, number, until).await
        }));
    }
    let mut reading = Vec::new();
    for number in 0..readers {
        let (client, session, base) = (client.clone(), reader.clone(), base.to_owned());
        reading.push(tokio::spawn(async move {
            read(&client, &base, &session, number, until).await
        }));
    }
    let mut done = Done::default();
    for task in writing {
        let (drafts, comments) = task.await.context("a writing client panicked")??;
        done.drafts += drafts;
        done.comments += comments;
    }
    for task in reading {
        done.pages += task.await.context("a reading client panicked")??;
    }
    Ok(done)
}

/// Drafts a concern in Zurich and comments on it, over and over.
async fn write(
    client: &reqwest::Client,
    base: &str,
    session: &Session,
    number: usize,
    until: Instant,
) -> anyhow::Result<(usize, usize)> {
    let (mut drafts, mut comments) = (0, 0);
    while Instant::now() < until {
        let input = json!({ "input": { "tenant": "ZH", "content": {
            "title": format!("Lastprobe {number}-{drafts}: Lehrabbrüche früher erkennen"),
            "description": "Lehrabbrüche bei IV-Versicherten werden zu spät erkannt; \
                            RAV, IV-Stelle und Berufsbildung erfahren es je einzeln.",
            "language": "DE"
        }}});
        let data = graphql(client, base, session, DRAFT, input).await?;
        let id = data["draftConcern"]["id"]
            .as_str()
            .with_context(|| format!("draftConcern answered {data}"))?
            .to_owned();
        drafts += 1;
        for round in 0..COMMENTS_PER_DRAFT {
            let text = format!("Ergänzung {round}: die Fallzahlen des Kantons liegen bei.");
            graphql(
                client,
                base,
                session,
                COMMENT,
                json!({ "id": id, "text": text }),
            )
            .await?;
            comments += 1;
        }
    }
    Ok((drafts, comments))
}

/// Requests the list pages in turn, reading each whole.
async fn read(
    client: &reqwest::Client,
    base: &str,
    session: &Session,
    number: usize,
    until: Instant,
) -> anyhow::Result<usize> {
    let mut pages = 0;
    while Instant::now() < until {
        let path = PAGES[(number + pages) % PAGES.len()];
        let response = client
            .get(format!("{base}{path}"))
            .header("cookie", &session.cookie)
            .send()
            .await
            .with_context(|| format!("GET {path}"))?;
        let status = response.status();
        if status != reqwest::StatusCode::OK {
            bail!("GET {path} answered {status}");
        }
        response.bytes().await?;
        pages += 1;
    }
    Ok(pages)
}

/// A GraphQL request with the session's cookie and CSRF token that must
/// succeed; answers `data`.
async fn graphql(
    client: &reqwest::Client,
    base: &str,
    session: &Session,
    query: &str,
    variables: Value,
) -> anyhow::Result<Value> {
    let body: Value = client
        .post(format!("{base}/graphql"))
        .header("cookie", &session.cookie)
        .header("x-csrf-token", &session.csrf)
        .json(&json!({ "query": query, "variables": variables }))
        .send()
        .await
        .context("GraphQL request")?
        .json()
        .await
        .context("GraphQL answer")?;
    if !body["errors"].is_null() {
        bail!("GraphQL answered errors: {}", body["errors"]);
    }
    Ok(body["data"].clone())
}
