//! The `plivo` crate has one cargo feature per group of the spec, and the
//! spec's groups are its files: a group added to `spec/` without its
//! feature (or the reverse) would be built by nobody, or gate nothing.

use super::{members, metadata, root};
use std::collections::BTreeSet;

#[test]
fn the_features_of_plivo_are_the_groups_of_the_spec() {
    let groups: BTreeSet<&str> = plivo_spec::GROUPS.iter().map(|g| g.name).collect();
    let metadata = metadata();
    let plivo = members(&metadata)
        .into_iter()
        .find(|p| p["name"] == "plivo")
        .expect("the plivo package");
    let features = plivo["features"].as_object().expect("features");
    // A feature that enables nothing else is a group's gate.
    let gates: BTreeSet<&str> = features
        .iter()
        .filter(|(_, enables)| enables.as_array().is_some_and(|e| e.is_empty()))
        .map(|(name, _)| name.as_str())
        .collect();
    assert_eq!(gates, groups);
    let full: BTreeSet<&str> = features["full"]
        .as_array()
        .expect("a `full` feature")
        .iter()
        .filter_map(|f| f.as_str())
        .collect();
    assert_eq!(full, groups, "`full` enables every group");
    let default: Vec<&str> = features["default"]
        .as_array()
        .expect("default features")
        .iter()
        .filter_map(|f| f.as_str())
        .collect();
    assert!(default.contains(&"full"), "{default:?}");
}

#[test]
fn every_spec_file_belongs_to_a_group() {
    let mut files: Vec<String> = std::fs::read_dir(root().join("spec"))
        .expect("spec/")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".postman_collection.json") || n.ends_with(".overlay.json"))
        .collect();
    files.sort();
    let mut listed: Vec<String> = plivo_spec::GROUPS
        .iter()
        .flat_map(|g| [g.collection.name, g.overlay.name])
        .map(|name| name.trim_start_matches("spec/").to_owned())
        .collect();
    listed.sort();
    assert_eq!(files, listed);
    for group in plivo_spec::GROUPS {
        assert!(
            group
                .collection
                .name
                .ends_with(&format!("/{}.postman_collection.json", group.name)),
            "{}",
            group.name
        );
    }
}
