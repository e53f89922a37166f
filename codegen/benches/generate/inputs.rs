//! The bench's inputs: synthetic collections that grow in one direction
//! each, and one large real-world collection made of corpus collections.

use serde_json::{Value, json};
use std::path::Path;

/// One request whose path holds `n` parameters.
pub fn deep_path(n: usize) -> Value {
    let path: Vec<String> = (0..n).map(|i| format!("{{p{i}}}")).collect();
    envelope(vec![json!({
        "name": "Deep",
        "request": {"method": "GET", "url": format!("https://api.example.com/{}", path.join("/"))}
    })])
}

/// `n` requests all named alike, on different paths.
pub fn same_names(n: usize) -> Value {
    envelope(
        (0..n)
            .map(|i| {
                json!({
                    "name": "Same",
                    "request": {"method": "GET", "url": format!("https://api.example.com/things{i}")}
                })
            })
            .collect(),
    )
}

/// A v2.1 collection of `items`.
pub fn envelope(items: Vec<Value>) -> Value {
    json!({
        "info": {"name": "Synthetic", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
        "item": items
    })
}

/// A collection of `n` requests in folders of 100, each with a path
/// parameter, a JSON body, an argument table and an example response.
pub fn synthetic(n: usize) -> Value {
    let folders: Vec<Value> = (0..n.div_ceil(100))
        .map(|f| {
            let items: Vec<Value> = (f * 100..((f + 1) * 100).min(n))
                .map(|i| {
                    let body = json!({"name": format!("n{i}"), "count": i, "tags": ["a"], "nested": {"on": true}});
                    json!({
                        "name": format!("Operation {i}"),
                        "request": {
                            "method": if i % 3 == 0 { "GET" } else { "POST" },
                            "url": format!("https://api.example.com/v1/group{f}/{{item_id}}/op{i}"),
                            "body": if i % 3 == 0 { Value::Null } else { json!({"mode": "raw", "raw": body.to_string(), "options": {"raw": {"language": "json"}}}) },
                            "description": format!("Operation number {i}.\n\n| Argument | Description | Required |\n|---|---|---|\n| name | The name. | Required |\n| count | How many. | Optional |")
                        },
                        "response": [{"name": "ok", "code": 200, "body": json!({"id": format!("x{i}"), "created": "2020-01-01", "detail": {"n": i}}).to_string()}]
                    })
                })
                .collect();
            json!({"name": format!("Folder {f}"), "item": items})
        })
        .collect();
    json!({
        "info": {"name": "Synthetic", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
        "item": folders
    })
}

/// The corpus collections `names` (file stems) in one collection, each a
/// top-level folder named after it that keeps its auth (so its requests
/// inherit what they did), with all their variables; `None` when one is
/// missing. Deterministic: the same files give the same text.
pub fn merged(dir: &Path, names: &[&str]) -> Option<Value> {
    let mut folders = Vec::new();
    let mut variables = Vec::new();
    for name in names {
        let text = std::fs::read_to_string(dir.join(format!("{name}.postman.json"))).ok()?;
        let mut root: Value = serde_json::from_str(&text).ok()?;
        let take = |key: &str, root: &mut Value| root.get_mut(key).map(Value::take);
        if let Some(Value::Array(vars)) = take("variable", &mut root) {
            variables.extend(vars);
        }
        let mut folder = json!({"name": folder_name(name), "item": take("item", &mut root)});
        if let Some(auth) = take("auth", &mut root) {
            folder["auth"] = auth;
        }
        folders.push(folder);
    }
    let mut all = envelope(folders);
    all["info"]["name"] = json!(names.join(" + "));
    all["variable"] = Value::Array(variables);
    Some(all)
}

/// `stripe` as `Stripe`: the folder a `--folder` case chooses.
pub fn folder_name(stem: &str) -> String {
    let mut chars = stem.chars();
    chars
        .next()
        .map(|c| c.to_ascii_uppercase().to_string() + chars.as_str())
        .unwrap_or_default()
}

/// How many requests (items that are not folders) `collection` holds.
pub fn requests(collection: &Value) -> usize {
    fn count(items: &[Value]) -> usize {
        items
            .iter()
            .map(|item| match item.get("item").and_then(Value::as_array) {
                Some(children) => count(children),
                None => usize::from(item.get("request").is_some()),
            })
            .sum()
    }
    collection
        .get("item")
        .and_then(Value::as_array)
        .map_or(0, |items| count(items))
}
