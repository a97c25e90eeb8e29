//! The shape of the workspace: dependencies point one way, and the domain
//! stays free of IO.

use std::collections::HashMap;
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
