//! Checks on the repository itself rather than on the SDK's behaviour: what
//! the published packages carry and which toolchain they promise.

mod licences;
mod msrv;
mod readmes;

use std::path::{Path, PathBuf};

/// The workspace root (this crate lives in `tests/`).
fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tests/ has a parent")
        .to_path_buf()
}

/// The folders of the crates published to crates.io.
const PUBLISHED: [&str; 4] = ["spec", "codegen", "codegen/runtime", "sdk"];

/// `cargo metadata` of the workspace, as the lock file pins it: every
/// package of the graph (dependencies on every platform included) with its
/// manifest's fields.
fn metadata() -> serde_json::Value {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let output = std::process::Command::new(cargo)
        .args(["metadata", "--format-version", "1", "--locked", "--offline"])
        .current_dir(root())
        .output()
        .expect("cargo runs");
    assert!(
        output.status.success(),
        "cargo metadata failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("cargo metadata prints JSON")
}

/// The workspace's own packages (member manifests), by name.
fn members(metadata: &serde_json::Value) -> Vec<&serde_json::Value> {
    let ids = metadata["workspace_members"].as_array().expect("members");
    metadata["packages"]
        .as_array()
        .expect("packages")
        .iter()
        .filter(|p| ids.contains(&p["id"]))
        .collect()
}
