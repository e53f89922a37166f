//! Responses a request parameter switches, declared once for the whole
//! spec (`response_variants` in an overlay): when a request carries the
//! parameter, the API answers another way, as the saved example of that
//! name shows (an API that acknowledges at once and calls a URL back).
//!
//! ```json
//! "response_variants": [{
//!   "example": "Asynchronous request",
//!   "params": ["callback_url", "callback_method"],
//!   "suffix": "async",
//!   "params_type": "AsyncCallback",
//!   "type_name": "AsyncAccepted"
//! }]
//! ```
//!
//! Every operation with a saved example of that name keeps it out of its
//! own response type; one that takes the first parameter also gets a
//! second method (`hangup_async`) that takes the parameters (as
//! `params_type`) and returns `type_name`, while the first method takes
//! them no more.

use serde_json::Value;

/// One declared variant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ResponseVariant {
    /// The name of the saved examples that show the other answer.
    pub example: String,
    /// The parameters that go with it; the first one switches.
    pub params: Vec<String>,
    /// Added to the method's name, after `_`.
    pub suffix: String,
    /// The struct of the parameters.
    pub params_type: String,
    /// The type of the other answer.
    pub type_name: String,
}

/// Reads the `response_variants` array.
pub(crate) fn read(value: &Value) -> Result<Vec<ResponseVariant>, String> {
    let what = "`response_variants`";
    let Value::Array(list) = value else {
        return Err(format!("{what} must be an array"));
    };
    let mut out = Vec::new();
    for (n, entry) in list.iter().enumerate() {
        let here = format!("{what}[{n}]");
        let Value::Object(obj) = entry else {
            return Err(format!("{here} must be an object"));
        };
        const KEYS: &[&str] = &["example", "params", "suffix", "params_type", "type_name"];
        if let Some(key) = obj.keys().find(|k| !KEYS.contains(&k.as_str())) {
            return Err(format!(
                "{here} has unknown key `{key}` (allowed: {})",
                KEYS.join(", ")
            ));
        }
        let text = |key: &str| -> Result<String, String> {
            obj.get(key)
                .and_then(Value::as_str)
                .filter(|s| !s.trim().is_empty())
                .map(str::to_owned)
                .ok_or_else(|| format!("{here} needs `{key}`, a string"))
        };
        let params: Vec<String> = match obj.get("params") {
            Some(Value::Array(items)) if !items.is_empty() => items
                .iter()
                .map(|v| v.as_str().map(str::to_owned))
                .collect::<Option<_>>()
                .ok_or_else(|| format!("{here}.params must hold strings"))?,
            _ => return Err(format!("{here} needs `params`, a non-empty array")),
        };
        let variant = ResponseVariant {
            example: text("example")?,
            params,
            suffix: text("suffix")?,
            params_type: text("params_type")?,
            type_name: text("type_name")?,
        };
        if out
            .iter()
            .any(|v: &ResponseVariant| v.example == variant.example)
        {
            return Err(format!(
                "{here}: the example `{}` is declared twice",
                variant.example
            ));
        }
        out.push(variant);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn reads_a_variant_and_refuses_what_it_lacks() {
        let v = read(
            &json!([{"example": "Async", "params": ["cb", "cb_method"], "suffix": "async",
            "params_type": "Callback", "type_name": "Accepted"}]),
        )
        .unwrap();
        assert_eq!(v[0].params, ["cb", "cb_method"]);
        assert!(
            read(&json!([{"example": "Async"}]))
                .unwrap_err()
                .contains("params")
        );
        assert!(
            read(
                &json!([{"example": "Async", "params": ["x"], "suffix": "a", "params_type": "P",
            "type_name": "T", "extra": 1}])
            )
            .unwrap_err()
            .contains("`extra`")
        );
    }
}
