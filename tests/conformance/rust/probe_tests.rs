//! The probe on types shaped like the generated ones: a flattened `extra`
//! map, optional fields, a field read as any JSON, lists of objects.

use super::{Probe, probe};
use serde::Deserialize;
use serde_json::{Map, Value, json};
use std::collections::BTreeSet;

#[derive(Deserialize)]
#[allow(dead_code)]
struct List {
    api_id: String,
    meta: Meta,
    objects: Vec<Item>,
    #[serde(flatten)]
    extra: Map<String, Value>,
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct Meta {
    limit: i64,
    next: Option<String>,
    #[serde(flatten)]
    extra: Map<String, Value>,
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct Item {
    name: String,
    #[serde(default)]
    alias: Option<String>,
    details: Value,
    #[serde(flatten)]
    extra: Map<String, Value>,
}

/// No flattened map: an unknown key is skipped, not kept.
#[derive(Deserialize)]
#[allow(dead_code)]
struct Closed {
    name: String,
}

fn set(paths: &[&str]) -> BTreeSet<String> {
    paths.iter().map(|p| (*p).to_owned()).collect()
}

#[test]
fn a_body_with_only_declared_keys_leaves_nothing_undeclared() {
    let body = json!({
        "api_id": "a",
        "meta": {"limit": 20, "next": null},
        "objects": [{"name": "n", "alias": "x", "details": {"k": 1}}]
    });
    let found = probe::<List>(&body).unwrap();
    assert_eq!(found.undeclared, set(&[]));
    assert_eq!(found.untyped, set(&["objects[].details"]));
}

#[test]
fn undeclared_keys_are_found_at_every_depth_once_per_path() {
    let body = json!({
        "api_id": "a",
        "new_top": true,
        "meta": {"limit": 20, "next": null, "total_count": 3},
        "objects": [
            {"name": "n", "details": 1, "region": "US"},
            {"name": "m", "details": 2, "region": "GB", "nested": {"deep": 1}}
        ]
    });
    let found = probe::<List>(&body).unwrap();
    assert_eq!(
        found,
        Probe {
            undeclared: set(&[
                "meta.total_count",
                "new_top",
                "objects[].nested",
                "objects[].region"
            ]),
            untyped: set(&["objects[].details"]),
        }
    );
}

#[test]
fn a_type_without_a_flattened_map_reports_the_keys_it_skips() {
    let found = probe::<Closed>(&json!({"name": "n", "other": [1, 2]})).unwrap();
    assert_eq!(found.undeclared, set(&["other"]));
}

#[test]
fn a_body_that_does_not_parse_is_serdes_error() {
    let error = probe::<List>(&json!({"api_id": "a", "objects": []})).unwrap_err();
    assert!(
        error.to_string().contains("missing field `meta`"),
        "{error}"
    );
    let error = probe::<Meta>(&json!({"limit": "twenty"})).unwrap_err();
    assert!(error.to_string().contains("invalid type"), "{error}");
}

#[test]
fn an_error_names_where_it_is() {
    let body = json!({"api_id": "a", "meta": {"limit": 20}, "objects": [{"name": "n", "details": 1}, {"name": null, "details": 1}]});
    let error = probe::<List>(&body).unwrap_err().to_string();
    assert!(
        error.starts_with("at `objects[].name`: invalid type: null"),
        "{error}"
    );
    let error = probe::<List>(&json!({"api_id": "a", "meta": {}, "objects": []}))
        .unwrap_err()
        .to_string();
    assert!(
        error.starts_with("at `meta`: missing field `limit`"),
        "{error}"
    );
}

#[test]
fn a_body_read_as_any_json_is_untyped_as_a_whole() {
    let found = probe::<Value>(&json!({"a": 1})).unwrap();
    assert_eq!(found.untyped, set(&["(the whole body)"]));
    assert!(found.undeclared.is_empty());
}
