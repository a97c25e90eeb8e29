//! What one request may send and cost (issue 15, "Requests and
//! resources"): the body limit on every route, checked before anything is
//! read or authenticated; query cost that follows the work (pages, the
//! similarity search, tracking, aliases, batches); the caller's standing
//! read once per request however long the list.

use iiz_app::demo::DEMO_PASSWORD;
use iiz_tests::{As, Backend, TestApp, error_code, spawn_app};
use serde_json::{Value, json};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

use crate::graphql::ZH;

crate::on_both_backends!(
    a_body_over_the_limit_is_refused_before_any_work,
    costly_queries_are_refused_with_query_too_complex,
    the_callers_standing_is_read_once_per_request,
    a_page_reads_the_callers_standing_once
);

const PETRA: &str = "petra.muster@fachstelle.demo.iiz.invalid";
const FIVE_MB: usize = 5 * 1024 * 1024;

/// Sends `head` (request line and headers, without the blank line) and
/// then as much of `body` as the server takes; returns the status line.
async fn raw(app: &TestApp, head: &str, body: &[u8]) -> String {
    let address = app.server.address;
    let mut stream = tokio::net::TcpStream::connect(address).await.unwrap();
    stream
        .write_all(format!("{head}\r\nhost: {address}\r\nconnection: close\r\n\r\n").as_bytes())
        .await
        .unwrap();
    // A server that refuses early closes the connection: writing may fail.
    for chunk in body.chunks(64 * 1024) {
        if stream.write_all(chunk).await.is_err() {
            break;
        }
    }
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer).await;
    let answer = String::from_utf8_lossy(&answer);
    answer.lines().next().unwrap_or_default().to_owned()
}

async fn a_body_over_the_limit_is_refused_before_any_work(backend: Backend) {
    let Some(app) = spawn_app(backend, true).await.unwrap() else {
        return;
    };
    let padding = "x".repeat(FIVE_MB);
    let huge_query = format!("{{ me {{ id }} }} #{padding}");
    let huge = serde_json::to_vec(&json!({ "query": huge_query })).unwrap();

    // JSON to /graphql, anonymous and with a token the server does not
    // know: 413 both times, so the limit comes before authentication
    // (which would answer 401 to the unknown token). The server answers
    // without reading the body and closes: a client that insists on
    // sending all of it sees a broken pipe, so the requests go raw.
    let post = |path: &str, content_type: &str, extra: &str, length: usize| {
        format!(
            "POST {path} HTTP/1.1\r\ncontent-type: {content_type}\r\ncontent-length: {length}{extra}"
        )
    };
    for extra in ["", "\r\nauthorization: Bearer not-a-token"] {
        let head = post("/graphql", "application/json", extra, huge.len());
        let status = raw(&app, &head, &huge).await;
        assert!(status.contains(" 413 "), "{extra}: {status}");
    }
    // Multipart (GraphQL uploads) and a web form.
    let boundary = "iizboundary";
    let multipart = format!(
        "--{boundary}\r\ncontent-disposition: form-data; name=\"operations\"\r\n\r\n{}\r\n--{boundary}--\r\n",
        String::from_utf8_lossy(&huge)
    );
    let head = post(
        "/graphql",
        &format!("multipart/form-data; boundary={boundary}"),
        "",
        multipart.len(),
    );
    let status = raw(&app, &head, multipart.as_bytes()).await;
    assert!(status.contains(" 413 "), "multipart: {status}");
    let form = format!("email={padding}&password=x");
    let head = post(
        "/signin",
        "application/x-www-form-urlencoded",
        "",
        form.len(),
    );
    let status = raw(&app, &head, form.as_bytes()).await;
    assert!(status.contains(" 413 "), "web form: {status}");

    // Before any work: the server answers a declared 5 MB body without
    // waiting for a byte of it.
    let status = raw(
        &app,
        &format!(
            "POST /graphql HTTP/1.1\r\ncontent-type: application/json\r\ncontent-length: {FIVE_MB}"
        ),
        b"",
    )
    .await;
    assert!(status.contains(" 413 "), "{status}");
    // A chunked body (no declared length) is cut off at the limit.
    let mut chunked = Vec::new();
    for piece in huge.chunks(64 * 1024) {
        chunked.extend_from_slice(format!("{:x}\r\n", piece.len()).as_bytes());
        chunked.extend_from_slice(piece);
        chunked.extend_from_slice(b"\r\n");
    }
    chunked.extend_from_slice(b"0\r\n\r\n");
    let status = raw(
        &app,
        "POST /graphql HTTP/1.1\r\ncontent-type: application/json\r\ntransfer-encoding: chunked",
        &chunked,
    )
    .await;
    assert!(status.contains(" 413 "), "chunked: {status}");

    // Requests within the limit still work.
    let zh = app.sign_in(ZH, DEMO_PASSWORD).await.unwrap();
    let (status, body) = app
        .graphql(As::Session(&zh), "{ me { id } }", json!({}))
        .await
        .unwrap();
    assert_eq!(status, 200, "{body}");
    assert!(body["data"]["me"]["id"].is_string(), "{body}");
}

/// A request that must be refused as too costly, before it runs.
async fn too_complex(app: &TestApp, who: As<'_>, query: &str) -> Value {
    let (_, body) = app.graphql(who, query, json!({})).await.unwrap();
    assert_eq!(
        error_code(&body),
        Some("QUERY_TOO_COMPLEX"),
        "{query}\n→ {body}"
    );
    assert!(body["data"].is_null(), "nothing ran: {body}");
    let extensions = &body["errors"][0]["extensions"];
    assert!(
        extensions["cost"].as_i64().unwrap() > extensions["maxCost"].as_i64().unwrap(),
        "{body}"
    );
    body
}

async fn costly_queries_are_refused_with_query_too_complex(backend: Backend) {
    let Some(app) = spawn_app(backend, true).await.unwrap() else {
        return;
    };
    let petra = app.sign_in(PETRA, DEMO_PASSWORD).await.unwrap();
    let who = As::Session(&petra);

    // Similarity below similarity: every level runs a search per item.
    too_complex(
        &app,
        who,
        "{ concerns(first: 500) { edges { node { similarConcerns { concern { \
         similarConcerns { concern { similarConcerns { concern { id } } } } } } } } } }",
    )
    .await;
    // 50 aliased pages of 100 concerns with timeline and actions.
    let aliased: String = (0..50)
        .map(|n| {
            format!(
                "a{n}: concerns(first: 100) {{ edges {{ node {{ id title timeline {{ kind actor at }} allowedActions }} }} }} "
            )
        })
        .collect();
    too_complex(&app, who, &format!("{{ {aliased} }}")).await;
    // Tracking per recommendation, 500 of them.
    too_complex(
        &app,
        who,
        "{ recommendations(first: 500) { edges { node { id tracking { overdueCount addressees { recommendation percent } } } } } }",
    )
    .await;

    // One such page, as a client would ask for it, passes.
    let (status, page) = app
        .graphql(
            who,
            "{ concerns(first: 100) { edges { node { id title timeline { kind actor at } allowedActions } } } }",
            json!({}),
        )
        .await
        .unwrap();
    assert!(status == 200 && page["errors"].is_null(), "{page}");
    assert!(
        !page["data"]["concerns"]["edges"]
            .as_array()
            .unwrap()
            .is_empty()
    );

    // The operations of one batch share the budget: 1 501 each, so the
    // fourth goes over 5 000 and is refused, the first three run.
    let one = json!({ "query": "{ concerns(first: 100) { edges { node { id title timeline { kind } } } } }" });
    let batch: Vec<Value> = (0..5).map(|_| one.clone()).collect();
    let answers: Vec<Value> = app
        .http
        .post(format!("{}/graphql", app.base_url))
        .header("cookie", &petra.cookie)
        .json(&batch)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let codes: Vec<Option<&str>> = answers.iter().map(error_code).collect();
    assert_eq!(
        codes,
        [
            None,
            None,
            None,
            Some("QUERY_TOO_COMPLEX"),
            Some("QUERY_TOO_COMPLEX")
        ],
        "{answers:?}"
    );
}

/// The `iiz_standing_loads` gauge of `/metrics`.
async fn standing_loads(app: &TestApp) -> u64 {
    let metrics = app.get("/metrics").await.unwrap().text().await.unwrap();
    metrics
        .lines()
        .find_map(|line| line.strip_prefix("iiz_standing_loads "))
        .and_then(|value| value.trim().parse().ok())
        .unwrap_or_else(|| panic!("no iiz_standing_loads in {metrics}"))
}

async fn the_callers_standing_is_read_once_per_request(backend: Backend) {
    let Some(app) = spawn_app(backend, true).await.unwrap() else {
        return;
    };
    let petra = app.sign_in(PETRA, DEMO_PASSWORD).await.unwrap();
    let list = "{ concerns(first: 100) { edges { node { id allowedActions } } } \
                recommendations(first: 100) { edges { node { id allowedActions } } } }";
    for _ in 0..2 {
        let before = standing_loads(&app).await;
        let (_, body) = app
            .graphql(As::Session(&petra), list, json!({}))
            .await
            .unwrap();
        assert!(body["errors"].is_null(), "{body}");
        let concerns = body["data"]["concerns"]["edges"].as_array().unwrap().len();
        let recommendations = body["data"]["recommendations"]["edges"]
            .as_array()
            .unwrap()
            .len();
        // Read per item, the standing would be read this many times.
        assert!(concerns + recommendations > 2, "{body}");
        assert_eq!(
            standing_loads(&app).await - before,
            1,
            "{concerns} concerns and {recommendations} recommendations"
        );
    }
}

/// The pages keep the standing for the request too: a concern's page asks
/// for the concern, its actions, its timeline and its similar concerns,
/// each of which needs the caller's standing.
async fn a_page_reads_the_callers_standing_once(backend: Backend) {
    let Some(app) = spawn_app(backend, true).await.unwrap() else {
        return;
    };
    let browser = iiz_tests::pages::Browser::new(&app).unwrap();
    browser.sign_in(PETRA, DEMO_PASSWORD).await.unwrap();
    let list = browser.get("/concerns").await.unwrap();
    let concern = list
        .links()
        .unwrap()
        .into_iter()
        .find(|link| link.len() == "/concerns/".len() + 36 && link.starts_with("/concerns/"))
        .unwrap_or_else(|| panic!("no concern on {}", list.html));
    let recommendations = browser.get("/recommendations").await.unwrap();
    let recommendation = recommendations
        .links()
        .unwrap()
        .into_iter()
        .find(|link| {
            link.len() == "/recommendations/".len() + 36 && link.starts_with("/recommendations/")
        })
        .unwrap_or_else(|| panic!("no recommendation on {}", recommendations.html));
    for path in [
        concern.as_str(),
        recommendation.as_str(),
        "/queue",
        "/concerns",
    ] {
        let before = standing_loads(&app).await;
        let page = browser.get(path).await.unwrap();
        assert_eq!(page.status, 200, "{path}");
        let loads = standing_loads(&app).await - before;
        assert!(loads <= 1, "{path} read the standing {loads} times");
    }
}
