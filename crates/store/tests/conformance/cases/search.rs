//! Full-text search: what a text query finds, similar documents, and the
//! index following every write of a document.

use iiz_store::{
    Backend, Doc, DocKey, DocQuery, DocWrite, EventStore, SearchLanguage, SearchText, SimilarQuery,
    Store,
};
use serde_json::json;

use crate::support::{ids, listed, put_docs};

fn searchable(
    collection: &str,
    id: &str,
    tenant: Option<&str>,
    language: SearchLanguage,
    text: &str,
) -> Doc {
    Doc::new(
        DocKey::new(collection, id),
        tenant.map(str::to_owned),
        id,
        json!({ "open": id != "e" }),
    )
    .with_search(SearchText::new(language, text))
}

fn text_query(collection: &str, text: &str) -> DocQuery {
    DocQuery {
        collection: collection.to_owned(),
        text: Some(text.to_owned()),
        limit: 100,
        ..DocQuery::default()
    }
}

async fn found(store: &Store, collection: &str, text: &str) -> Vec<String> {
    listed(store, &text_query(collection, text)).await
}

pub async fn text_search_finds_words_in_any_language(store: &Store) {
    use SearchLanguage::{De, Fr, It, Simple};
    let docs = vec![
        searchable(
            "concerns",
            "de",
            Some("ZH"),
            De,
            "Die Arbeitslosenversicherung unterstützt die Integration von Flüchtlingen in Zürich.",
        ),
        searchable(
            "concerns",
            "fr",
            Some("GE"),
            Fr,
            "Les écoles publiques de Genève manquent d'enseignants.",
        ),
        searchable(
            "concerns",
            "it",
            Some("TI"),
            It,
            "Le scuole pubbliche della città di Lugano.",
        ),
        searchable(
            "concerns",
            "plain",
            None,
            Simple,
            "Velostation Bahnhof Oerlikon",
        ),
        searchable("concerns", "zh2", Some("ZH"), De, "Velo am Bahnhof Zürich"),
        Doc::new(
            DocKey::new("concerns", "none"),
            Some("ZH".to_owned()),
            "none",
            json!({ "text": "Zürich Velo Integration" }),
        ),
        searchable("other", "x", Some("ZH"), De, "Integration in Zürich"),
    ];
    put_docs(store, docs.clone()).await;
    for doc in &docs {
        assert_eq!(store.doc(&doc.key).await.unwrap().as_ref(), Some(doc));
    }
    let cases: &[(&str, &[&str])] = &[
        ("arbeitslosenversicherung", &["de"]),
        ("INTEGRATION zürich", &["de"]),
        ("integration zurich", &["de"]),
        ("Zürich", &["de", "zh2"]),
        ("ecoles geneve", &["fr"]),
        ("Genève, écoles!", &["fr"]),
        ("école publique", &["fr"]),
        ("citta lugano", &["it"]),
        ("città", &["it"]),
        ("scuole pubbliche", &["it"]),
        // Prefixes: of a stem on PostgreSQL, of a word on SQLite.
        ("arbeitslos", &["de"]),
        ("Integr", &["de"]),
        ("Flüchtling", &["de"]),
        ("velo", &["plain", "zh2"]),
        ("velostation oerlikon", &["plain"]),
        // Every word must match, in one document.
        ("integration genève", &[]),
        ("lugano zürich", &[]),
        ("enseignants zürich", &[]),
    ];
    for (text, expected) in cases {
        assert_eq!(found(store, "concerns", text).await, *expected, "{text}");
    }
    if store.backend() == Backend::Postgres {
        // Stemming: inflected forms find each other, not only prefixes.
        for (text, expected) in [
            ("Arbeitslosenversicherungen", "de"),
            ("Integrationen", "de"),
            ("l'école publique", "fr"),
            ("scuola pubblica", "it"),
        ] {
            assert_eq!(found(store, "concerns", text).await, [expected], "{text}");
        }
    }
    let scoped = |tenant: &str, include_shared: bool| DocQuery {
        tenant: Some(tenant.to_owned()),
        include_shared,
        ..text_query("concerns", "velo")
    };
    assert_eq!(listed(store, &scoped("ZH", true)).await, ["plain", "zh2"]);
    assert_eq!(listed(store, &scoped("ZH", false)).await, ["zh2"]);
    assert_eq!(listed(store, &scoped("GE", true)).await, ["plain"]);
    let mut backwards = DocQuery {
        descending: true,
        limit: 1,
        ..scoped("ZH", true)
    };
    let first = store.docs(&backwards).await.unwrap();
    assert_eq!(ids(&first), ["zh2"]);
    backwards.after = Some((first[0].sort_key.clone(), first[0].key.id.clone()));
    assert_eq!(listed(store, &backwards).await, ["plain"]);
}

pub async fn garbage_text_queries_are_no_errors(store: &Store) {
    put_docs(
        store,
        vec![
            searchable("c", "a", None, SearchLanguage::De, "Velo und Zug"),
            Doc::new(DocKey::new("c", "b"), None, "b", json!({})),
        ],
    )
    .await;
    for text in ["", "   ", "'&|!*:(", "\"\"", "*", "()", "-", "😀 🚲", "<->"] {
        assert_eq!(found(store, "c", text).await, ["a", "b"], "{text:?}");
    }
    let long_word = "x".repeat(10_000);
    let many_words = "velo ".repeat(1_000);
    let odd = [
        "\"unbalanced",
        "NEAR(velo zug)",
        "velo:* & zug",
        "text:velo",
        "-velo",
        "^velo",
        "AND OR NOT",
        "velo OR",
        "'velo' | !zug",
        "\u{0345}\u{0345}\u{0345}",
        "e\u{0301}cole",
        "東京 ٣ ß",
        "a\\b",
        long_word.as_str(),
        many_words.as_str(),
    ];
    for text in odd {
        store.docs(&text_query("c", text)).await.unwrap();
        let similar = SimilarQuery {
            collection: "c".to_owned(),
            text: text.to_owned(),
            limit: 10,
            ..SimilarQuery::default()
        };
        store.similar_docs(&similar).await.unwrap();
    }
    assert_eq!(found(store, "c", "-velo").await, ["a"]);
    assert_eq!(found(store, "c", many_words.as_str()).await, ["a"]);
}

fn similar(text: &str, tenant: Option<&str>, include_shared: bool) -> SimilarQuery {
    SimilarQuery {
        collection: "similar".to_owned(),
        text: text.to_owned(),
        tenant: tenant.map(str::to_owned),
        include_shared,
        limit: 10,
        ..SimilarQuery::default()
    }
}

async fn similar_ids(store: &Store, query: &SimilarQuery) -> Vec<String> {
    let found = store.similar_docs(query).await.unwrap();
    assert!(
        found.windows(2).all(|pair| pair[0].1 >= pair[1].1),
        "best first: {found:?}"
    );
    found.into_iter().map(|(doc, _)| doc.key.id).collect()
}

pub async fn similar_documents_rank_the_closest_first(store: &Store) {
    use SearchLanguage::{De, Fr};
    let crossing = "Die Kreuzung beim Schulhaus ist gefährlich für Velofahrer und Kinder";
    put_docs(
        store,
        vec![
            searchable("similar", "a", Some("ZH"), De, crossing),
            searchable(
                "similar",
                "b",
                Some("ZH"),
                De,
                "Beleuchtung an der Kreuzung fehlt",
            ),
            searchable(
                "similar",
                "c",
                Some("ZH"),
                De,
                "Steuererklärung Frist verlängern",
            ),
            searchable(
                "similar",
                "d",
                Some("GE"),
                Fr,
                "Le carrefour près de l'école est dangereux pour les cyclistes",
            ),
            searchable(
                "similar",
                "e",
                None,
                De,
                "Gefährliche Kreuzung: Velofahrer beim Schulhaus gefährdet",
            ),
            searchable("similar", "f", Some("BE"), De, crossing),
            searchable("elsewhere", "g", Some("ZH"), De, crossing),
        ],
    )
    .await;
    let text = "Gefährliche Kreuzung beim Schulhaus für Velofahrer";
    assert_eq!(
        similar_ids(store, &similar(text, Some("ZH"), false)).await,
        ["a", "b"]
    );
    let with_shared = similar_ids(store, &similar(text, Some("ZH"), true)).await;
    assert_eq!(with_shared.len(), 3, "{with_shared:?}");
    assert_eq!(with_shared[2], "b", "{with_shared:?}");
    let excluded = SimilarQuery {
        exclude_ids: vec!["a".to_owned(), "zz".to_owned()],
        ..similar(text, Some("ZH"), true)
    };
    assert_eq!(similar_ids(store, &excluded).await, ["e", "b"]);
    let open = SimilarQuery {
        filters: vec![iiz_store::DocFilter::Eq("open".to_owned(), json!(true))],
        ..similar(text, Some("ZH"), true)
    };
    assert_eq!(similar_ids(store, &open).await, ["a", "b"]);
    let everywhere = similar_ids(store, &similar(text, None, false)).await;
    assert_eq!(everywhere.len(), 4, "{everywhere:?}");
    assert_eq!(everywhere[3], "b", "{everywhere:?}");
    let one = SimilarQuery {
        limit: 1,
        ..similar(text, Some("ZH"), false)
    };
    assert_eq!(similar_ids(store, &one).await, ["a"]);
    let french = "Carrefour dangereux devant l'ecole, les cyclistes ont peur";
    assert_eq!(
        similar_ids(store, &similar(french, Some("GE"), true)).await,
        ["d"]
    );
    assert!(
        similar_ids(store, &similar("a b de", None, false))
            .await
            .is_empty(),
        "no word long enough to compare"
    );
}

pub async fn search_text_follows_its_document(store: &Store) {
    let key = DocKey::new("notes", "n1");
    let plain = |id: &str| {
        Doc::new(
            DocKey::new("notes", id),
            Some("ZH".to_owned()),
            id,
            json!({}),
        )
    };
    let with =
        |id: &str, text: &str| plain(id).with_search(SearchText::new(SearchLanguage::Fr, text));
    let similar_notes = |text: &str| SimilarQuery {
        collection: "notes".to_owned(),
        text: text.to_owned(),
        limit: 10,
        ..SimilarQuery::default()
    };
    put_docs(store, vec![with("n1", "Vélo électrique")]).await;
    assert_eq!(
        store.doc(&key).await.unwrap(),
        Some(with("n1", "Vélo électrique"))
    );
    assert_eq!(found(store, "notes", "velo").await, ["n1"]);
    put_docs(store, vec![with("n1", "Voiture rouge")]).await;
    assert!(found(store, "notes", "velo").await.is_empty(), "replaced");
    assert_eq!(found(store, "notes", "voiture").await, ["n1"]);
    assert_eq!(
        store
            .similar_docs(&similar_notes("voiture"))
            .await
            .unwrap()
            .len(),
        1
    );
    put_docs(store, vec![plain("n1")]).await;
    assert_eq!(store.doc(&key).await.unwrap(), Some(plain("n1")));
    assert!(found(store, "notes", "voiture").await.is_empty(), "cleared");
    assert!(
        store
            .similar_docs(&similar_notes("voiture"))
            .await
            .unwrap()
            .is_empty()
    );
    put_docs(store, vec![with("n1", "Train de nuit")]).await;
    assert_eq!(found(store, "notes", "train").await, ["n1"]);
    store
        .commit_projection(vec![DocWrite::Delete(key.clone())], &[])
        .await
        .unwrap();
    assert!(found(store, "notes", "train").await.is_empty(), "deleted");
    // A document written again under the key inherits nothing.
    put_docs(store, vec![plain("n1")]).await;
    assert!(
        found(store, "notes", "train").await.is_empty(),
        "not revived"
    );

    put_docs(
        store,
        vec![with("n1", "Bateau"), with("n2", "Bateau à voile")],
    )
    .await;
    assert_eq!(found(store, "notes", "bateau").await, ["n1", "n2"]);
    // A new generation without them: the search index is the new one's.
    let lock = store.lock_rebuild().await.unwrap();
    store.create_next_read_models(&lock).await.unwrap();
    store.index_next_read_models(&lock).await.unwrap();
    let after = store.head().await.unwrap();
    store
        .switch_read_models(&lock, after, &mut |_| Ok(Vec::new()), &[])
        .await
        .unwrap();
    lock.release().await;
    assert!(found(store, "notes", "bateau").await.is_empty(), "switched");
    put_docs(store, vec![plain("n1"), plain("n2")]).await;
    assert!(found(store, "notes", "bateau").await.is_empty(), "rebuilt");
    assert!(
        store
            .similar_docs(&similar_notes("bateau voile"))
            .await
            .unwrap()
            .is_empty()
    );
}

pub async fn a_searched_page_follows_tenant_and_sort_key(store: &Store) {
    let doc = |id: &str, tenant: &str, sort_key: &str| {
        Doc::new(
            DocKey::new("notes", id),
            Some(tenant.to_owned()),
            sort_key,
            json!({}),
        )
        .with_search(SearchText::new(SearchLanguage::De, "Bahnhof Olten"))
    };
    put_docs(
        store,
        vec![
            doc("n1", "ZH", "1"),
            doc("n2", "ZH", "2"),
            doc("n3", "BE", "3"),
        ],
    )
    .await;
    let page =
        |tenant: &str, descending: bool, after: Option<(&str, &str)>, limit: usize| DocQuery {
            collection: "notes".to_owned(),
            tenant: Some(tenant.to_owned()),
            text: Some("bahnhof".to_owned()),
            descending,
            after: after.map(|(sort_key, id)| (sort_key.to_owned(), id.to_owned())),
            limit,
            ..DocQuery::default()
        };
    assert_eq!(
        listed(store, &page("ZH", false, None, 10)).await,
        ["n1", "n2"]
    );
    assert_eq!(
        listed(store, &page("ZH", true, None, 10)).await,
        ["n2", "n1"]
    );
    assert_eq!(
        listed(store, &page("ZH", false, Some(("1", "n1")), 10)).await,
        ["n2"]
    );
    // Moved to another tenant and place, the same text: listed there.
    put_docs(store, vec![doc("n1", "BE", "9")]).await;
    assert_eq!(listed(store, &page("ZH", false, None, 10)).await, ["n2"]);
    assert_eq!(
        listed(store, &page("BE", false, None, 10)).await,
        ["n3", "n1"]
    );
    put_docs(store, vec![doc("n1", "BE", "0")]).await;
    assert_eq!(listed(store, &page("BE", false, None, 1)).await, ["n1"]);
}
