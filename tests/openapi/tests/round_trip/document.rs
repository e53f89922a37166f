//! The document as the round trip reads it, on its own (not through the
//! generator): its operations with their method, path template, operation
//! id, query parameters and body media types. `$ref`s to parameters, path
//! items and request bodies are followed, in the same file or another.

use serde_json::Value;
use std::path::{Path, PathBuf};

/// One documented operation.
#[derive(Debug)]
pub struct Documented {
    pub method: String,
    /// Path segments, `{name}` for a parameter.
    pub segments: Vec<String>,
    pub id: Option<String>,
    /// Query parameters, the path key's own (`?beta=true`) included.
    pub query: Vec<String>,
    pub media: Vec<String>,
}

/// A file's value, JSON or YAML.
fn load(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).expect("a document file");
    if path.extension().is_some_and(|e| e == "json") {
        serde_json::from_str(&text).expect("JSON")
    } else {
        let docs = yaml_rust2::YamlLoader::load_from_str(&text).expect("YAML");
        docs.into_iter().next().map_or(Value::Null, yaml)
    }
}

fn yaml(y: yaml_rust2::Yaml) -> Value {
    use yaml_rust2::Yaml;
    match y {
        Yaml::Real(r) => r
            .parse::<f64>()
            .map_or(Value::String(r), |f| serde_json::json!(f)),
        Yaml::Integer(i) => Value::from(i),
        Yaml::String(s) => Value::String(s),
        Yaml::Boolean(b) => Value::Bool(b),
        Yaml::Array(a) => Value::Array(a.into_iter().map(yaml).collect()),
        Yaml::Hash(h) => Value::Object(
            h.into_iter()
                .map(|(k, v)| {
                    let key = match k {
                        Yaml::String(s) | Yaml::Real(s) => s,
                        Yaml::Integer(i) => i.to_string(),
                        other => format!("{other:?}"),
                    };
                    (key, yaml(v))
                })
                .collect(),
        ),
        _ => Value::Null,
    }
}

/// `value` with its `$ref`s followed, and the file it is in.
fn follow(file: &Path, value: &Value) -> (PathBuf, Value) {
    let mut file = file.to_owned();
    let mut value = value.clone();
    for _ in 0..16 {
        let Some(reference) = value.get("$ref").and_then(Value::as_str).map(str::to_owned) else {
            break;
        };
        let (path, pointer) = reference.split_once('#').unwrap_or((&reference, ""));
        if !path.is_empty() {
            file = file.parent().unwrap_or(Path::new(".")).join(path);
        }
        let root = load(&file);
        value = root.pointer(pointer).cloned().unwrap_or(Value::Null);
    }
    (file, value)
}

/// Every operation of the document whose entry file is `entry`.
pub fn operations(entry: &Path) -> Vec<Documented> {
    let root = load(entry);
    let mut out = Vec::new();
    // A key of a security scheme in the query is as documented as a parameter.
    let keys: Vec<String> = root
        .pointer("/components/securitySchemes")
        .and_then(Value::as_object)
        .into_iter()
        .flat_map(|s| s.values())
        .filter(|s| s.get("in").and_then(Value::as_str) == Some("query"))
        .filter_map(|s| s.get("name").and_then(Value::as_str).map(str::to_owned))
        .collect();
    let paths = root
        .get("paths")
        .and_then(Value::as_object)
        .cloned()
        .unwrap_or_default();
    for (key, item) in paths {
        let (file, item) = follow(entry, &item);
        let (template, fixed) = key.split_once('?').unwrap_or((&key, ""));
        let shared = item.get("parameters").cloned().unwrap_or(Value::Null);
        for method in [
            "get", "put", "post", "delete", "options", "head", "patch", "trace",
        ] {
            let Some(op) = item.get(method) else { continue };
            let mut query: Vec<String> = keys.clone();
            query.extend(
                fixed
                    .split('&')
                    .filter_map(|p| p.split('=').next())
                    .filter(|k| !k.is_empty())
                    .map(str::to_owned),
            );
            for list in [&shared, op.get("parameters").unwrap_or(&Value::Null)] {
                for p in list.as_array().into_iter().flatten() {
                    let (_, p) = follow(&file, p);
                    if p.get("in").and_then(Value::as_str) == Some("query") {
                        query.extend(p.get("name").and_then(Value::as_str).map(str::to_owned));
                    }
                }
            }
            let media = match op.get("requestBody") {
                Some(body) => {
                    let (_, body) = follow(&file, body);
                    body.get("content")
                        .and_then(Value::as_object)
                        .map(|c| c.keys().cloned().collect())
                        .unwrap_or_default()
                }
                None => Vec::new(),
            };
            out.push(Documented {
                method: method.to_uppercase(),
                segments: template
                    .split('/')
                    .filter(|s| !s.is_empty())
                    .map(str::to_owned)
                    .collect(),
                id: op
                    .get("operationId")
                    .and_then(Value::as_str)
                    .map(str::to_owned),
                query,
                media,
            });
        }
    }
    out
}

/// Whether `segments` (a request's path, after the server's own) is `doc`'s.
pub fn matches(doc: &Documented, segments: &[&str]) -> bool {
    doc.segments.len() == segments.len()
        && doc
            .segments
            .iter()
            .zip(segments)
            .all(|(t, s)| match t.find('{') {
                None => t == s,
                Some(open) => {
                    let close = t.rfind('}').map_or(t.len(), |c| c + 1);
                    !s.is_empty() && s.starts_with(&t[..open]) && s.ends_with(&t[close..])
                }
            })
}
