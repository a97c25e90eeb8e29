//! The shape of the workspace: dependencies point one way, the domain
//! stays free of IO, GraphQL's modules import each other one way and the
//! web pages never reach into GraphQL.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;
use std::process::Command;

mod imports;

use imports::{import_circle, module_files, named_modules};

/// Lower layers first; a crate may only depend on crates before it.
const LAYERS: &[&str] = &[
    "iiz-domain",
    "iiz-store",
    "iiz-projections",
    "iiz-app",
    "iiz-notifier",
    "iiz-gateway",
    "iiz",
];

/// What the domain must never see.
const IO_CRATES: &[&str] = &[
    "sqlx",
    "axum",
    "tokio",
    "async-graphql",
    "async-nats",
    "reqwest",
];

fn normal_dependencies() -> HashMap<String, Vec<String>> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let output = Command::new(cargo)
        .args([
            "metadata",
            "--format-version",
            "1",
            "--no-deps",
            "--offline",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let metadata: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    metadata["packages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|package| {
            let dependencies = package["dependencies"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|dependency| dependency["kind"].is_null())
                .map(|dependency| dependency["name"].as_str().unwrap().to_owned())
                .collect();
            (package["name"].as_str().unwrap().to_owned(), dependencies)
        })
        .collect()
}

#[test]
fn dependencies_point_down_the_layers() {
    let packages = normal_dependencies();
    for (layer, name) in LAYERS.iter().enumerate() {
        let dependencies = packages
            .get(*name)
            .unwrap_or_else(|| panic!("{name} is missing"));
        for dependency in dependencies {
            if let Some(position) = LAYERS.iter().position(|l| l == dependency) {
                assert!(
                    position < layer,
                    "{name} depends on {dependency}, a layer above it"
                );
            }
        }
    }
}

#[test]
fn the_domain_does_no_io() {
    let packages = normal_dependencies();
    let domain = &packages["iiz-domain"];
    for io in IO_CRATES {
        assert!(
            !domain.iter().any(|d| d == io),
            "iiz-domain depends on {io}"
        );
    }
}

/// The top-level modules of `crate_dir/src` each (non-test) file imports
/// through `crate::…`.
fn module_imports(crate_dir: &Path) -> BTreeMap<String, BTreeSet<String>> {
    let mut imports: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let src = crate_dir.join("src");
    let mut pending = vec![src.clone()];
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                pending.push(path);
                continue;
            }
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            let is_test = name.starts_with("tests")
                || name.ends_with("_tests.rs")
                || name == "proptests.rs"
                || name == "testing.rs";
            if !name.ends_with(".rs") || is_test || name == "lib.rs" {
                continue;
            }
            let relative = path.strip_prefix(&src).unwrap();
            let module = relative
                .components()
                .next()
                .unwrap()
                .as_os_str()
                .to_string_lossy()
                .trim_end_matches(".rs")
                .to_owned();
            let text = std::fs::read_to_string(&path).unwrap();
            // Unit tests at the end of a file may import anything.
            let code = text.split("#[cfg(test)]").next().unwrap_or_default();
            let found = imports.entry(module.clone()).or_default();
            for (index, _) in code.match_indices("crate::") {
                let rest = &code[index + "crate::".len()..];
                let mut targets = Vec::new();
                if let Some(group) = rest.strip_prefix('{') {
                    let group = &group[..group.find('}').unwrap_or(group.len())];
                    targets.extend(
                        group
                            .split(',')
                            .filter_map(|part| part.trim().split("::").next().map(str::to_owned)),
                    );
                } else {
                    let end = rest
                        .find(|c: char| !(c.is_alphanumeric() || c == '_'))
                        .unwrap_or(rest.len());
                    targets.push(rest[..end].to_owned());
                }
                found.extend(
                    targets
                        .into_iter()
                        .filter(|target| !target.is_empty() && *target != module),
                );
            }
        }
    }
    imports
}

/// A circle among the modules, if there is one.
fn circle(imports: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        module: &str,
        imports: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(start) = path.iter().position(|m| m == module) {
            let mut found = path[start..].to_vec();
            found.push(module.to_owned());
            return Some(found);
        }
        if done.contains(module) {
            return None;
        }
        path.push(module.to_owned());
        for next in imports.get(module).into_iter().flatten() {
            if let Some(found) = visit(next, imports, path, done) {
                return Some(found);
            }
        }
        path.pop();
        done.insert(module.to_owned());
        None
    }
    let mut done = BTreeSet::new();
    imports
        .keys()
        .find_map(|module| visit(module, imports, &mut Vec::new(), &mut done))
}

/// Modules of the domain import each other one way (the concern and the
/// meeting once imported each other): a leaf module holds what two
/// aggregates share.
#[test]
fn the_domain_modules_import_each_other_one_way() {
    let domain = Path::new(env!("CARGO_MANIFEST_DIR")).join("../crates/domain");
    let imports = module_imports(&domain);
    assert!(imports.contains_key("concern") && imports.contains_key("meeting"));
    assert!(
        imports["meeting"].contains("decision"),
        "the parser sees the imports: {imports:?}"
    );
    if let Some(found) = circle(&imports) {
        panic!("the domain's modules import each other in a circle: {found:?}");
    }
}

fn gateway_src() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../crates/gateway/src")
}

/// Roots import areas, never the reverse: no GraphQL type module imports
/// a query or mutation module, queries and mutations do not import each
/// other, and argument helpers live in a leaf every module may import.
#[test]
fn the_graphql_modules_import_each_other_one_way() {
    let files = module_files(&gateway_src().join("graphql"));
    let named = named_modules(&files, "crate::graphql::");
    let query = &named[&vec!["query_concerns".to_owned()]];
    assert!(
        query.contains(&vec!["args".to_owned(), "caller".to_owned()]),
        "the parser sees the imports: {query:?}"
    );
    if let Some(found) = import_circle(&files, "graphql") {
        panic!("GraphQL modules import each other in a circle: {found}");
    }
}

/// The circle check finds a circle closed through `super::`, a grouped
/// `crate::graphql::{…}` import and an item of a `mod.rs`.
#[test]
fn the_import_circle_check_sees_circles() {
    let file = |code: &str, is_mod_rs| (code.to_owned(), is_mod_rs);
    let mut files = BTreeMap::from([
        (
            vec![],
            file("mod types;\nmod query;\npub fn helper() {}", true),
        ),
        (vec!["types".to_owned()], file("use super::helper;", false)),
        (
            vec!["query".to_owned()],
            file("use super::types::Concern;", false),
        ),
    ]);
    assert!(import_circle(&files, "graphql").is_some_and(|found| found.contains("types")));
    files.insert(
        vec!["types".to_owned()],
        file("use crate::graphql::{query::first};", false),
    );
    assert!(import_circle(&files, "graphql").is_some());
    files.insert(vec!["types".to_owned()], file("use iiz_app::App;", false));
    assert_eq!(import_circle(&files, "graphql"), None);
}

/// Web pages sit beside GraphQL and never reach into it (the `web`
/// module may not exist yet; then there is nothing to check).
#[test]
fn the_web_pages_do_not_import_graphql() {
    let files: BTreeMap<_, _> = module_files(&gateway_src().join("web"))
        .into_iter()
        .map(|(module, file)| {
            (
                std::iter::once("web".to_owned()).chain(module).collect(),
                file,
            )
        })
        .collect();
    for (module, targets) in named_modules(&files, "crate::") {
        let (code, _) = &files[&module];
        let names_graphql = code.contains("crate::graphql") || code.contains("graphql::");
        let imports_graphql = targets
            .iter()
            .any(|path| path.first().is_some_and(|first| first == "graphql"));
        assert!(
            !names_graphql && !imports_graphql,
            "{} reaches into the GraphQL module",
            module.join("/")
        );
    }
}
