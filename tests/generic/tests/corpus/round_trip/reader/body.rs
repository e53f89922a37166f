//! An item's body as Postman sends it (variables resolved, comments in JSON
//! dropped), and as written, its `{{variables}}` kept.

use super::{Body, Part, PartValue, list, text};
use serde_json::Value;
use std::collections::BTreeMap;

/// `text` with the collection's variables put in, as Postman sends a body:
/// one the collection does not define stays as written.
fn substitute(text: &str, vars: &BTreeMap<String, String>) -> String {
    let mut out = text.to_owned();
    for (k, v) in vars {
        out = out.replace(&format!("{{{{{k}}}}}"), v);
    }
    out
}

/// The body Postman sends: variables the collection defines resolved (in
/// raw text too), comments in JSON dropped (a server reads none).
pub(super) fn body_of(body: Option<&Value>, vars: &BTreeMap<String, String>) -> Body {
    let Some(body) = body.filter(|b| !b.is_null()) else {
        return Body::None;
    };
    if body.get("disabled").and_then(Value::as_bool) == Some(true) {
        return Body::None;
    }
    match text(body.get("mode")).unwrap_or_default().as_str() {
        "raw" => {
            let raw = substitute(&text(body.get("raw")).unwrap_or_default(), vars);
            if raw.trim().is_empty() {
                return Body::None;
            }
            let language = body
                .pointer("/options/raw/language")
                .and_then(Value::as_str);
            match serde_json::from_str(&without_comments(&raw)) {
                Ok(v) => Body::Json(v),
                Err(_) if language == Some("json") => Body::BrokenJson(raw),
                Err(_) => Body::Text(raw),
            }
        }
        // An enabled field with no value is still sent: `key=`.
        "urlencoded" => Body::Form(
            list(body.get("urlencoded"))
                .iter()
                .filter(|e| e.get("disabled").and_then(Value::as_bool) != Some(true))
                .filter_map(|e| {
                    let value = text(e.get("value")).unwrap_or_default();
                    Some((text(e.get("key"))?, substitute(&value, vars)))
                })
                .collect(),
        ),
        "formdata" => Body::Multipart(
            list(body.get("formdata"))
                .iter()
                .filter(|p| p.get("disabled").and_then(Value::as_bool) != Some(true))
                .filter_map(|p| {
                    let value = if text(p.get("type")).as_deref() == Some("file") {
                        PartValue::File {
                            file_name: text(p.get("src"))
                                .and_then(|src| src.rsplit(['/', '\\']).next().map(str::to_owned))
                                .filter(|name| !name.is_empty()),
                            content_type: text(p.get("contentType")).filter(|t| !t.is_empty()),
                        }
                    } else {
                        PartValue::Text(substitute(&text(p.get("value")).unwrap_or_default(), vars))
                    };
                    Some(Part {
                        name: text(p.get("key"))?,
                        value,
                    })
                })
                .collect(),
        ),
        "file" => Body::File,
        "graphql" => {
            let g = body.get("graphql").cloned().unwrap_or(Value::Null);
            let variables = match g.get("variables") {
                Some(Value::String(s)) => serde_json::from_str(s).unwrap_or(Value::Null),
                Some(v) => v.clone(),
                None => Value::Null,
            };
            Body::GraphQl {
                query: text(g.get("query")).unwrap_or_default(),
                variables,
            }
        }
        _ => Body::None,
    }
}

/// `body` with its `{{variables}}` kept as written, when it has any: in
/// JSON, a bare one (`"n": {{count}}`) is read as the collection's value
/// when that is a JSON value, else as `null`, since nothing else reads.
pub(super) fn written_body(body: Option<&Value>, vars: &BTreeMap<String, String>) -> Option<Body> {
    let b = body?;
    if !b.to_string().contains("{{") {
        return None;
    }
    match text(b.get("mode")).as_deref() {
        Some("raw") => {
            let raw = text(b.get("raw")).unwrap_or_default();
            let json = bare_placeholders(&without_comments(&raw), vars);
            serde_json::from_str(&json).ok().map(Body::Json)
        }
        Some("urlencoded" | "formdata") => Some(body_of(body, &BTreeMap::new())),
        _ => None,
    }
}

/// `text` with each `{{name}}` outside strings replaced by its value in
/// `vars` if that is JSON, else by `null`.
fn bare_placeholders(text: &str, vars: &BTreeMap<String, String>) -> String {
    outside_strings(text, |rest| {
        let (name, tail) = rest.strip_prefix("{{")?.split_once("}}")?;
        let value = vars
            .get(name.trim())
            .filter(|v| serde_json::from_str::<Value>(v).is_ok());
        Some((value.map_or("null", String::as_str).to_owned(), tail))
    })
}

/// `text` with `//` and `/* */` comments outside strings removed.
fn without_comments(text: &str) -> String {
    outside_strings(text, |rest| {
        if let Some(after) = rest.strip_prefix("//") {
            return Some((
                String::new(),
                &after[after.find('\n').unwrap_or(after.len())..],
            ));
        }
        let after = rest.strip_prefix("/*")?;
        Some((String::new(), after.split_once("*/").map_or("", |(_, a)| a)))
    })
}

/// `text` copied, except where `replace`, asked at each place outside a
/// JSON string, gives what to write instead and the text after it.
fn outside_strings<'a>(
    text: &'a str,
    mut replace: impl FnMut(&'a str) -> Option<(String, &'a str)>,
) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    let mut in_string = false;
    while let Some(c) = rest.chars().next() {
        if !in_string && let Some((with, after)) = replace(rest) {
            out.push_str(&with);
            rest = after;
            continue;
        }
        if c == '"' {
            in_string = !in_string;
        } else if c == '\\' && in_string {
            // The escaped character, whatever it is, stays in the string.
            let escaped: String = rest.chars().take(2).collect();
            out.push_str(&escaped);
            rest = &rest[escaped.len()..];
            continue;
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_as_people_write_it() {
        let text =
            "{\"a\": \"//x /*y*/ \\\"{{v}}\\\"\", // note\n \"n\": {{n}}, /* c */ \"m\": {{m}}}";
        assert_eq!(
            without_comments(text),
            "{\"a\": \"//x /*y*/ \\\"{{v}}\\\"\", \n \"n\": {{n}},  \"m\": {{m}}}"
        );
        let vars = BTreeMap::from([("n".to_owned(), "7".to_owned())]);
        let read: Value =
            serde_json::from_str(&bare_placeholders(&without_comments(text), &vars)).expect("JSON");
        assert_eq!(
            read,
            serde_json::json!({"a": "//x /*y*/ \"{{v}}\"", "n": 7, "m": null})
        );
    }
}
