//! The declared minimum Rust version holds for the whole graph. Only one
//! toolchain (newer) is installed here, so what can be checked is checked:
//! clippy's `incompatible_msrv` catches a standard-library API newer than
//! the declared version in CI, and this test catches a dependency (after a
//! `cargo update`, say) that declares a newer minimum than ours, and a crate
//! of the workspace that does not declare the shared version at all.

use super::{members, metadata};

/// `1.88` or `1.88.0` as comparable numbers.
fn version(text: &str) -> Vec<u64> {
    let mut parts: Vec<u64> = text
        .split('.')
        .map(|p| p.parse().unwrap_or_else(|_| panic!("bad version {text}")))
        .collect();
    parts.resize(3, 0);
    parts
}

#[test]
fn every_crate_declares_the_workspace_msrv_and_no_dependency_needs_more() {
    let metadata = metadata();
    let members = members(&metadata);
    let ours = members[0]["rust_version"]
        .as_str()
        .expect("the workspace declares rust-version");
    for member in &members {
        assert_eq!(
            member["rust_version"].as_str(),
            Some(ours),
            "{} must inherit rust-version from the workspace",
            member["name"]
        );
    }
    let too_new: Vec<String> = metadata["packages"]
        .as_array()
        .expect("packages")
        .iter()
        .filter_map(|p| {
            let needs = p["rust_version"].as_str()?;
            (version(needs) > version(ours))
                .then(|| format!("{} {} needs {needs}", p["name"], p["version"]))
        })
        .collect();
    assert!(too_new.is_empty(), "MSRV is {ours}, but: {too_new:?}");
}
