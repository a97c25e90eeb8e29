//! The shape of the workspace: dependencies point one way, and the domain
//! stays free of IO.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;
use std::process::Command;

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
