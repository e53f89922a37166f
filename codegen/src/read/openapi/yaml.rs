//! YAML read as the JSON it stands for: OpenAPI documents are one or the
//! other, and everything after reading sees JSON only.
//!
//! Mapping keys that are not text (`200:` in a `responses` map) become their
//! text; a key written twice keeps its last value, as JSON readers do. The
//! parser expands aliases, so the size of the result is bounded here: a
//! document of a few aliases must not grow without end.

use serde_json::{Map, Number, Value};
use yaml_rust2::{Yaml, YamlLoader};

/// At most this many values in one document, after aliases are expanded.
const MAX_NODES: usize = 20_000_000;
/// At most this deep (objects and arrays within each other).
const MAX_DEPTH: usize = 256;

/// The JSON value of the first YAML document in `text`.
pub(crate) fn to_json(text: &str) -> Result<Value, String> {
    let docs = YamlLoader::load_from_str(text).map_err(|e| format!("not YAML: {e}"))?;
    let Some(doc) = docs.into_iter().next() else {
        return Ok(Value::Null);
    };
    let mut budget = MAX_NODES;
    convert(doc, 0, &mut budget)
}

fn convert(yaml: Yaml, depth: usize, budget: &mut usize) -> Result<Value, String> {
    if depth > MAX_DEPTH {
        return Err(format!("nested deeper than {MAX_DEPTH} levels"));
    }
    *budget = budget
        .checked_sub(1)
        .ok_or_else(|| format!("more than {MAX_NODES} values (aliases expanded)"))?;
    Ok(match yaml {
        Yaml::Null | Yaml::BadValue | Yaml::Alias(_) => Value::Null,
        Yaml::Boolean(b) => Value::Bool(b),
        Yaml::Integer(i) => Value::Number(i.into()),
        Yaml::Real(text) => real(&text),
        Yaml::String(s) => Value::String(s),
        Yaml::Array(items) => Value::Array(
            items
                .into_iter()
                .map(|item| convert(item, depth + 1, budget))
                .collect::<Result<_, _>>()?,
        ),
        Yaml::Hash(hash) => {
            let mut map = Map::new();
            for (key, value) in hash {
                map.insert(key_text(key), convert(value, depth + 1, budget)?);
            }
            Value::Object(map)
        }
    })
}

/// A float as JSON: a number when it has a finite value, else its text
/// (JSON has no infinity).
fn real(text: &str) -> Value {
    text.parse::<f64>()
        .ok()
        .and_then(Number::from_f64)
        .map_or_else(|| Value::String(text.to_owned()), Value::Number)
}

fn key_text(key: Yaml) -> String {
    match key {
        Yaml::String(s) | Yaml::Real(s) => s,
        Yaml::Integer(i) => i.to_string(),
        Yaml::Boolean(b) => b.to_string(),
        Yaml::Null => "null".to_owned(),
        // A key that is itself a list or map has no JSON form; it keeps a
        // name that says so rather than failing the document.
        _ => "?".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn yaml_reads_as_json_with_text_keys_in_order() {
        let text = "openapi: 3.1.0\npaths:\n  /a:\n    get:\n      responses:\n        200:\n          description: ok\n        default: {description: err}\nx: [1, 2.5, true, ~, 'y']\n";
        let value = to_json(text).unwrap();
        assert_eq!(
            value,
            json!({"openapi": "3.1.0", "paths": {"/a": {"get": {"responses": {
                "200": {"description": "ok"}, "default": {"description": "err"}}}}},
                "x": [1, 2.5, true, null, "y"]})
        );
        let keys: Vec<&String> = value["paths"]["/a"]["get"]["responses"]
            .as_object()
            .unwrap()
            .keys()
            .collect();
        assert_eq!(keys, ["200", "default"]);
    }

    #[test]
    fn bad_or_too_deep_yaml_is_an_error_not_a_panic() {
        assert!(to_json("a: [1, 2").is_err());
        let deep = format!("{}1{}", "[".repeat(300), "]".repeat(300));
        assert!(to_json(&deep).is_err());
    }
}
