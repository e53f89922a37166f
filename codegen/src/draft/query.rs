//! Query parameters with the type their example shows: `limit=10` is an
//! integer, `expand=true` a boolean, `{{page}}` whatever the collection
//! variable holds. A disabled parameter is optional.

use crate::draft::shape::Shape;
use crate::read::overlay::OperationOverlay;
use crate::read::postman::KeyValue;
use crate::read::url;
use serde_json::Value;
use std::collections::BTreeMap;

/// One query parameter as an operation takes it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct QueryParam {
    pub key: String,
    /// The example value, typed; `None` when the spec gives none.
    pub example: Option<Value>,
    pub shape: Shape,
    /// Disabled in the spec: sent only when the caller gives it.
    pub optional: bool,
    /// The key appears more than once.
    pub repeated: bool,
}

/// The query parameters of `query`, in order, each typed from its example.
pub(crate) fn query_params(query: &[KeyValue], vars: &BTreeMap<String, String>) -> Vec<QueryParam> {
    query
        .iter()
        .map(|kv| {
            let example = kv
                .value
                .as_deref()
                .filter(|v| !v.is_empty())
                .map(|v| typed(v, vars));
            QueryParam {
                key: kv.key.clone(),
                shape: example.as_ref().map_or_else(Shape::unknown, Shape::of),
                example,
                optional: kv.disabled,
                repeated: query.iter().filter(|q| q.key == kv.key).count() > 1,
            }
        })
        .collect()
}

/// The query parameters the overlay makes constants (`fields.<key>.constant`
/// on a key the query has): taken out of `query`, since callers never pass
/// them, and returned in the overlay's order. A constant that contradicts
/// the value the spec writes is the overlay's mistake.
pub(crate) fn take_constants(
    overlay: Option<&OperationOverlay>,
    query: &mut Vec<KeyValue>,
) -> Result<Vec<(String, Value)>, String> {
    let mut out = Vec::new();
    let Some(o) = overlay else { return Ok(out) };
    for (key, field) in &o.fields {
        let Some(value) = &field.constant else {
            continue;
        };
        let Some(seen) = query.iter().find(|q| q.key == *key) else {
            continue;
        };
        let text = match value {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        if let Some(written) = seen
            .value
            .as_deref()
            .filter(|v| !v.is_empty() && !seen.disabled)
            && written != text
        {
            return Err(format!(
                "query parameter `{key}` is `{written}` in the spec, but the overlay makes it the constant `{text}`"
            ));
        }
        query.retain(|q| q.key != *key);
        out.push((key.clone(), value.clone()));
    }
    Ok(out)
}

/// A query value as JSON: a number or boolean when it reads as one, else
/// the text. A value that is one `{{variable}}` takes the variable's value.
fn typed(text: &str, vars: &BTreeMap<String, String>) -> Value {
    let resolved = url::resolve(text, vars).unwrap_or_else(|| text.to_owned());
    match serde_json::from_str::<Value>(resolved.trim()) {
        Ok(v @ (Value::Number(_) | Value::Bool(_))) => v,
        _ => Value::String(resolved),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::shape::Kind;

    fn kv(key: &str, value: Option<&str>, disabled: bool) -> KeyValue {
        KeyValue {
            key: key.into(),
            value: value.map(str::to_owned),
            description: String::new(),
            disabled,
        }
    }

    #[test]
    fn examples_give_the_type() {
        let vars = [("page".to_owned(), "2".to_owned())].into_iter().collect();
        let params = query_params(
            &[
                kv("limit", Some("10"), false),
                kv("ratio", Some("0.5"), false),
                kv("expand", Some("true"), false),
                kv("name", Some("ann"), false),
                kv("zip", Some("007"), false),
                kv("page", Some("{{page}}"), false),
                kv("cursor", Some("{{unset}}"), false),
                kv("flag", None, false),
            ],
            &vars,
        );
        let kinds: Vec<&Kind> = params.iter().map(|p| &p.shape.kind).collect();
        assert_eq!(
            kinds,
            [
                &Kind::Int,
                &Kind::Float,
                &Kind::Bool,
                &Kind::String,
                &Kind::String,
                &Kind::Int,
                &Kind::String,
                &Kind::Unknown
            ]
        );
        assert_eq!(params[4].example, Some(Value::String("007".into())));
    }

    #[test]
    fn disabled_params_are_optional_and_repeats_are_marked() {
        let params = query_params(
            &[
                kv("ids", Some("1"), false),
                kv("ids", Some("2"), false),
                kv("starting_after", Some("x"), true),
            ],
            &BTreeMap::new(),
        );
        assert!(params[0].repeated && params[1].repeated && !params[2].repeated);
        assert!(!params[0].optional && params[2].optional);
    }
}
