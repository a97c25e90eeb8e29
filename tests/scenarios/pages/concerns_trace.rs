//! The trace of a concern across aggregates, as a coordinator reads it:
//! the meeting whose minutes decided it, the recommendation it led to and
//! each addressee's acceptance and implementation.

use iiz_tests::pages::Browser;
use iiz_tests::{Backend, spawn_app};

use super::concerns::{ANNA, signed_in};
use crate::on_both_backends;

/// The path of the concern titled `title`, found through the list's search.
async fn find(browser: &Browser, words: &str, title: &str) -> String {
    let query = format!("/concerns?text={}", words.replace(' ', "+"));
    let list = browser.get(&query).await.unwrap();
    let titles = list.texts("table.concern-list tbody th a").unwrap();
    let links = list.attrs("table.concern-list tbody th a", "href").unwrap();
    let index = titles
        .iter()
        .position(|found| found == title)
        .unwrap_or_else(|| panic!("{title} not in {titles:?}"));
    links[index].clone()
}

async fn the_trace_follows_decisions_to_each_addressee(backend: Backend) {
    let Some(app) = spawn_app(backend, true).await.unwrap() else {
        return;
    };
    let anna = signed_in(&app, ANNA).await;
    // Decided by the STG in a meeting: the trace links the meeting.
    let decided = find(
        &anna,
        "Doppelte Abklärungen",
        "Doppelte Abklärungen IV und RAV",
    )
    .await;
    let page = anna.get(&decided).await.unwrap();
    assert!(
        page.has(".trace a[href^='/meetings/']").unwrap(),
        "{}",
        page.html
    );
    assert!(page.has("#concern-answer").unwrap());
    assert!(!page.has("#concern-actions").unwrap());
    // Answered by a published recommendation: each addressee's status.
    let answered = find(
        &anna,
        "Datenaustausch Sozialdiensten",
        "Datenaustausch zwischen Sozialdiensten und RAV",
    )
    .await;
    let page = anna.get(&answered).await.unwrap();
    assert!(
        page.has(".trace a[href^='/recommendations/']").unwrap(),
        "{}",
        page.html
    );
    assert!(
        page.texts(".trace table tbody th")
            .unwrap()
            .contains(&"ZH".to_owned())
    );
    // Every step says who and when; no text key is left untranslated.
    let bylines = page.texts(".timeline .when").unwrap();
    assert!(bylines.iter().all(|by| by.contains(", ")));
    assert!(!page.html.contains("concerns-"));
}

on_both_backends!(the_trace_follows_decisions_to_each_addressee);
