//! A spec of several files is one API: collections in order, each with its
//! own auth and variables, overlays merged, every problem naming its file.

use postman_codegen::{Options, Source, Spec, generate_spec};

const SCHEMA: &str = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json";

/// A collection whose items go to `{{host}}`, set to `host`, under `auth`.
fn collection(name: &str, host: &str, auth: &str, items: &str) -> String {
    format!(
        r#"{{"info": {{"name": "{name}", "schema": "{SCHEMA}"}},
            "auth": {auth},
            "variable": [{{"key": "host", "value": "{host}"}}],
            "item": {items}}}"#
    )
}

fn get(folder: &str, name: &str, path: &str) -> String {
    format!(
        r#"{{"name": "{folder}", "item": [{{"name": "{name}",
            "request": {{"method": "GET", "url": "{{{{host}}}}/{path}"}}}}]}}"#
    )
}

const BASIC: &str = r#"{"type": "basic", "basic": [{"key": "username", "value": "{{user}}"}, {"key": "password", "value": "{{pass}}"}]}"#;
const BEARER: &str = r#"{"type": "bearer", "bearer": [{"key": "token", "value": "{{token}}"}]}"#;

fn two() -> (String, String) {
    (
        collection(
            "First",
            "https://one.example.com",
            BASIC,
            &format!("[{}]", get("Orders", "List orders", "orders")),
        ),
        collection(
            "Second",
            "https://two.example.com",
            BEARER,
            &format!("[{}]", get("Users", "List users", "users")),
        ),
    )
}

fn spec<'a>(collections: &[(&'a str, &'a str)], overlays: &[(&'a str, &'a str)]) -> Spec<'a> {
    let source = |&(name, text): &(&'a str, &'a str)| Source { name, text };
    Spec {
        collections: collections.iter().map(source).collect(),
        overlays: overlays.iter().map(source).collect(),
    }
}

#[test]
fn each_collection_keeps_its_own_variables_and_auth() {
    let (a, b) = two();
    let out = generate_spec(
        &spec(
            &[
                ("a.postman_collection.json", &a),
                ("b.postman_collection.json", &b),
            ],
            &[],
        ),
        &Options::default(),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.operations, 2);
    // One host per collection, each from its own `{{host}}`; the first
    // collection's first item gives the main one.
    assert!(
        out.code
            .contains(r#"rt::Host::main("host", Some("https://one.example.com"))"#),
        "{}",
        out.code
    );
    assert!(out.code.contains(r#"Some("https://two.example.com")"#));
    // Basic for the first file's item, bearer for the second's.
    let descriptors = &out.code[out.code.find("pub mod operations").unwrap()..];
    let orders = &descriptors[descriptors.find("pub static ORDERS_GET").unwrap()..];
    let users = &descriptors[descriptors.find("pub static USERS_GET").unwrap()..];
    assert!(orders.len() > users.len(), "items keep the files' order");
    assert!(
        orders[..orders.find(';').unwrap()].contains("Basic"),
        "{orders}"
    );
    assert!(
        users[..users.find(';').unwrap()].contains("Bearer"),
        "{users}"
    );
    assert!(
        out.code
            .contains("(a.postman_collection.json, b.postman_collection.json)")
    );
}

#[test]
fn overlays_merge_and_each_names_its_items() {
    let (a, b) = two();
    let oa = r#"{"params": {"id": {"example": "1"}}, "operations": [{"item": ["Orders", "List orders"], "name": "all_orders"}]}"#;
    let ob = r#"{"params": {"id": {"example": "1"}}, "operations": [{"item": ["Users", "List users"], "name": "all_users"}]}"#;
    let out = generate_spec(
        &spec(
            &[
                ("a.postman_collection.json", &a),
                ("b.postman_collection.json", &b),
            ],
            &[("a.overlay.json", oa), ("b.overlay.json", ob)],
        ),
        &Options::default(),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert!(out.code.contains("pub fn all_orders"));
    assert!(out.code.contains("pub fn all_users"));
}

#[test]
fn problems_name_the_file_they_are_in() {
    let (a, b) = two();
    // The second overlay disagrees on a param and names an item no file has;
    // the second collection holds an item with no URL.
    let broken_b = b.replace(r#""url": "{{host}}/users""#, r#""url": 7"#);
    let oa = r#"{"params": {"id": {"example": "1"}}}"#;
    let ob = r#"{"params": {"id": {"example": "2"}}}"#;
    let err = generate_spec(
        &spec(
            &[
                ("a.postman_collection.json", &a),
                ("b.postman_collection.json", &broken_b),
            ],
            &[("a.overlay.json", oa), ("b.overlay.json", ob)],
        ),
        &Options::default(),
    )
    .unwrap_err();
    let shown: Vec<String> = err.iter().map(ToString::to_string).collect();
    assert!(
        shown.iter().any(|e| e.starts_with("b.overlay.json: ")
            && e.contains("`params.id`")
            && e.contains("a.overlay.json")),
        "{shown:?}"
    );
    let oc = r#"{"operations": [{"item": ["Users", "Nope"], "name": "x"}]}"#;
    let err = generate_spec(
        &spec(
            &[
                ("a.postman_collection.json", &a),
                ("b.postman_collection.json", &broken_b),
            ],
            &[("a.overlay.json", "{}"), ("c.overlay.json", oc)],
        ),
        &Options::default(),
    )
    .unwrap_err();
    let shown: Vec<String> = err.iter().map(ToString::to_string).collect();
    assert!(
        shown
            .iter()
            .any(|e| e.starts_with("c.overlay.json: ") && e.contains("Users / Nope")),
        "{shown:?}"
    );
    assert!(
        shown
            .iter()
            .any(|e| e.starts_with("b.postman_collection.json: item \"Users / List users\"")),
        "{shown:?}"
    );
}

#[test]
fn a_chosen_folder_may_be_in_any_collection() {
    let (a, b) = two();
    let files = [
        ("a.postman_collection.json", a.as_str()),
        ("b.postman_collection.json", b.as_str()),
    ];
    let out = generate_spec(
        &spec(&files, &[]),
        &Options::default().with_folders(["Users"]),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(out.operations, 1);
    let err = generate_spec(
        &spec(&files, &[]),
        &Options::default().with_folders(["Nope"]),
    )
    .unwrap_err();
    assert!(
        err.to_string()
            .contains("top-level folders: `Orders`, `Users`"),
        "{err}"
    );
}

/// Each collection's items are gated by its feature; what two features use
/// is gated by either; what a collection without a feature uses is always
/// compiled; and names are the same with features or without.
#[test]
fn features_gate_items_and_never_rename_them() {
    let shared = r#"{"name": "Get thing", "request": {"method": "GET", "url": "{{host}}/things/{id}"},
        "response": [{"name": "ok", "code": 200, "body": "{\"id\": \"t1\", \"size\": 2}"}]}"#;
    let a = collection(
        "A",
        "https://api.example.com",
        BASIC,
        &format!(
            r#"[{{"name": "Things", "item": [{shared}]}}, {{"name": "Orders", "item": [{{"name": "List", "request": {{"method": "GET", "url": "{{{{host}}}}/orders"}},
            "response": [{{"name": "ok", "code": 200, "body": "{{\"n\": 1}}"}}]}}]}}]"#
        ),
    );
    let b = collection(
        "B",
        "https://api.example.com",
        BASIC,
        r#"[{"name": "Widgets", "item": [{"name": "Get widget", "request": {"method": "GET", "url": "{{host}}/widgets/{id}"},
            "response": [{"name": "ok", "code": 200, "body": "{\"id\": \"t1\", \"size\": 2}"}]}]}]"#,
    );
    let c = collection(
        "C",
        "https://api.example.com",
        BASIC,
        &format!("[{}]", get("Pings", "Ping", "ping")),
    );
    let files = [
        ("a.postman_collection.json", a.as_str()),
        ("b.postman_collection.json", b.as_str()),
        ("c.postman_collection.json", c.as_str()),
    ];
    let plain = generate_spec(&spec(&files, &[]), &Options::default())
        .unwrap()
        .code;
    let options = Options::default()
        .with_feature("a.postman_collection.json", "alpha")
        .with_feature("b.postman_collection.json", "beta");
    let gated = generate_spec(&spec(&files, &[]), &options).unwrap().code;
    // The item before each line that names it: its attributes.
    let cfg_of = |needle: &str| -> String {
        let at = gated
            .find(needle)
            .unwrap_or_else(|| panic!("no {needle} in\n{gated}"));
        let before = &gated[..at];
        let start = before.rfind("\n\n").map_or(0, |i| i + 2);
        before[start..]
            .lines()
            .filter(|l| l.trim_start().starts_with("#[cfg"))
            .collect::<Vec<_>>()
            .join(" ")
    };
    assert_eq!(
        cfg_of("pub struct OrdersHandle"),
        r#"#[cfg(feature = "alpha")]"#
    );
    assert_eq!(
        cfg_of("pub struct WidgetHandle"),
        r#"#[cfg(feature = "beta")]"#
    );
    assert_eq!(cfg_of("pub struct PingHandle"), "");
    // One shape, one type: the response both features read.
    assert_eq!(
        cfg_of("pub struct ThingGetResponse"),
        r#"#[cfg(any(feature = "alpha", feature = "beta"))]"#
    );
    assert!(
        gated.contains("#[cfg(feature = \"beta\")]\n        &WIDGET_GET,"),
        "{gated}"
    );
    assert!(gated.contains("\n        &PING_GET,"), "{gated}");
    // Names do not depend on features: without the attributes, the same module.
    let stripped: String = gated
        .lines()
        .filter(|l| !l.trim_start().starts_with("#[cfg("))
        .collect::<Vec<_>>()
        .join("\n");
    let names = |code: &str| -> Vec<String> {
        code.split(|c: char| !c.is_alphanumeric() && c != '_')
            .filter(|w| {
                w.ends_with("Handle")
                    || w.ends_with("Response")
                    || w.chars().all(|c| c.is_ascii_uppercase() || c == '_') && w.len() > 3
            })
            .map(str::to_owned)
            .collect()
    };
    assert_eq!(names(&stripped), names(&plain));
}
