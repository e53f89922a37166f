//! Checks on the repository itself rather than on the SDK's behaviour: what
//! the published packages carry and which toolchain they promise.

mod coverage;
mod features;
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
/// package this machine's platform builds, with its manifest's fields.
///
/// Filtered to the host platform because `--offline` can read only what is
/// in the local cache, and a first build downloads the host's packages
/// alone: without the filter this test passed only on a machine whose cache
/// some earlier run had filled with every platform's packages.
fn metadata() -> serde_json::Value {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let host = host_triple(&cargo);
    let output = std::process::Command::new(cargo)
        .args(["metadata", "--format-version", "1", "--locked", "--offline"])
        .args(["--filter-platform", &host])
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

/// The platform the compiler builds for by default (`rustc -vV`'s `host:`).
fn host_triple(cargo: &str) -> String {
    // The rustc beside the cargo running the tests, as cargo itself would pick.
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| {
        Path::new(cargo)
            .with_file_name("rustc")
            .to_string_lossy()
            .into_owned()
    });
    let output = std::process::Command::new(&rustc)
        .arg("-vV")
        .output()
        .or_else(|_| std::process::Command::new("rustc").arg("-vV").output())
        .expect("rustc runs");
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .find_map(|line| line.strip_prefix("host: "))
        .expect("rustc -vV names the host")
        .to_owned()
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
