//! The body that arrived against the one the item describes, by meaning:
//! JSON by value, form fields by name and value (a repeated key's values in
//! order), multipart parts one by one (name, file name, content type,
//! content), a file body's content, raw text exactly, GraphQL's query and
//! variables.

use super::multipart;
use super::reader::{Body, Described, Part, PartValue};
use postman_codegen::looks_like_credential;
use serde_json::Value;
use wiremock::Request;

/// What example calls send for every file, which items only name by path:
/// the generator's stand-in (`example_calls::UPLOAD_CONTENT`). So a file
/// body or file part is checked for this content, under the file name the
/// item saved it with (Postman sends a file under the last piece of its
/// path), with the content type the item gives, if any.
const UPLOAD_CONTENT: &str = "example file content";

/// Allowed: the only difference is that the item's JSON has `null`
/// members the request leaves out. A typed request holds an optional field
/// as `Option`, which has no "sent as null" apart from "not sent".
pub const NULLS_LEFT_OUT: &str = "body: the item's null members left out";

/// Allowed: the body matches the item's with its `{{variables}}` kept as
/// written. Postman sends their values (in published collections, mostly
/// empty); example values keep the placeholder, which tells a reader of
/// the docs what goes there.
pub const VARIABLES_AS_WRITTEN: &str = "body: {{variables}} kept as written";

/// Allowed: nothing was sent for a body declared JSON that is not JSON even
/// read leniently. The generator keeps such an operation, its body untyped
/// (a free-form JSON object) with a warning naming the item and position;
/// the item's text is no JSON object, so the example has none to send.
pub const BROKEN_JSON_UNSENT: &str = "body: text declared JSON that is none, not sent";

/// Allowed: the body matches the item's once the values of fields named
/// like credentials are left out of both. The generator shows none of
/// them from a spec (docs/generator.md, "What the generator reads and writes"): a placeholder of the same
/// type stands in.
pub const CREDENTIALS_WITHHELD: &str = "body: values of credential-named fields withheld";

/// How what `r` carries differs from the body `d` describes, if it does;
/// an allowed difference as one of the constants above.
pub fn check(d: &Described, r: &Request) -> Option<String> {
    let got = String::from_utf8_lossy(&r.body);
    let content_type = r
        .headers
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let sent = Sent {
        content_type,
        body: &r.body,
    };
    let problem = match verdict(&d.body, &sent, false) {
        Verdict::Same => return None,
        Verdict::Allowed(what) => return Some(format!("{what}: {got:.200}")),
        Verdict::Differs(problem) => problem,
    };
    let written = d.written.as_ref().unwrap_or(&d.body);
    if [&d.body, written].iter().any(|want| {
        matches!(
            verdict(want, &sent, true),
            Verdict::Same | Verdict::Allowed(NULLS_LEFT_OUT)
        )
    }) {
        return Some(format!("{CREDENTIALS_WITHHELD}: {got:.200}"));
    }
    match d.written.as_ref().map(|w| verdict(w, &sent, false)) {
        Some(Verdict::Same | Verdict::Allowed(NULLS_LEFT_OUT)) => {
            Some(format!("{VARIABLES_AS_WRITTEN}: {got:.200}"))
        }
        _ => Some(format!("body {got:.200} != {problem}")),
    }
}

/// A request's body and its content type.
struct Sent<'a> {
    content_type: &'a str,
    body: &'a [u8],
}

#[derive(Debug, PartialEq)]
enum Verdict {
    Same,
    Allowed(&'static str),
    /// What was wanted.
    Differs(String),
}

/// `want` against `r`; with `blank`, the values of fields named like
/// credentials left out of both.
fn verdict(want: &Body, r: &Sent<'_>, blank: bool) -> Verdict {
    let got = String::from_utf8_lossy(r.body);
    let json = |v: &Value| if blank { blanked(v) } else { v.clone() };
    let pairs = |list: Vec<(String, String)>| {
        list.into_iter()
            .map(|(k, v)| {
                let v = if blank && credential_key(&k) {
                    String::new()
                } else {
                    v
                };
                (k, v)
            })
            .collect::<Vec<_>>()
    };
    let differs = |same: bool, wanted: &dyn Fn() -> String| {
        if same {
            Verdict::Same
        } else {
            Verdict::Differs(wanted())
        }
    };
    match want {
        Body::None => differs(r.body.is_empty(), &|| "no body".to_owned()),
        Body::Json(v) => {
            // Numbers by value: a decimal field sends `2` as `2.0`.
            let sent = serde_json::from_slice::<Value>(r.body)
                .ok()
                .map(|s| numbers_as_floats(&json(&s)));
            let v = &numbers_as_floats(&json(v));
            if sent.as_ref() == Some(v) {
                Verdict::Same
            } else if sent.is_some() && sent == without_nulls(v) {
                Verdict::Allowed(NULLS_LEFT_OUT)
            } else {
                Verdict::Differs(format!("{v:.200}"))
            }
        }
        Body::Text(t) => differs(got == *t, &|| format!("text {t:.200?}")),
        Body::BrokenJson(_) if r.body.is_empty() => Verdict::Allowed(BROKEN_JSON_UNSENT),
        Body::BrokenJson(t) => differs(got == *t, &|| format!("text {t:.200?}")),
        Body::Form(want_pairs) => {
            let sent = in_key_order(pairs(form_pairs(r.body)));
            let wanted = in_key_order(pairs(want_pairs.clone()));
            differs(sent == wanted, &|| format!("form {wanted:.200?}"))
        }
        Body::Multipart(parts) => match multipart::parse(r.content_type, r.body) {
            Ok(sent) => parts_differ(parts, &sent, blank).map_or(Verdict::Same, Verdict::Differs),
            Err(e) => Verdict::Differs(format!("multipart that does not parse: {e}")),
        },
        Body::File => differs(got == UPLOAD_CONTENT, &|| {
            format!("file {UPLOAD_CONTENT:?}")
        }),
        Body::GraphQl { query, variables } => {
            let v: Value = serde_json::from_slice(r.body).unwrap_or_default();
            let same = v.get("query").and_then(|q| q.as_str()) == Some(query.as_str())
                && (variables.is_null()
                    || v.get("variables").map(json).as_ref() == Some(&json(variables)));
            differs(same, &|| format!("graphql {query:.100?} {variables:.100}"))
        }
    }
}

/// The first way the parts sent differ from those wanted, in order; with
/// `blank`, whatever a credential-named text part holds.
fn parts_differ(want: &[Part], sent: &[multipart::Part], blank: bool) -> Option<String> {
    if want.len() != sent.len() {
        let names: Vec<&str> = sent.iter().map(|p| p.name.as_str()).collect();
        return Some(format!("parts {want:?} (sent {names:?})"));
    }
    want.iter().zip(sent).find_map(|(w, s)| {
        let same = w.name == s.name
            && match &w.value {
                PartValue::Text(text) => {
                    s.file_name.is_none()
                        && (s.content == text.as_bytes() || blank && looks_like_credential(&w.name))
                }
                PartValue::File {
                    file_name,
                    content_type,
                } => {
                    s.content == UPLOAD_CONTENT.as_bytes()
                        // A file part always has a name, or servers read it
                        // as text; the item names it only when it saved one.
                        && s.file_name.is_some()
                        && (file_name.is_none() || s.file_name == *file_name)
                        && (content_type.is_none() || s.content_type == *content_type)
                }
            };
        (!same).then(|| format!("part {w:?} (sent {s:?})"))
    })
}

/// `v` with the value of every member named like a credential, at any
/// depth, one marker (`null` stays: it may be left out, as any other).
fn blanked(v: &Value) -> Value {
    match v {
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(k, v)| {
                    let v = if !looks_like_credential(k) {
                        blanked(v)
                    } else if v.is_null() {
                        Value::Null
                    } else {
                        Value::from("withheld")
                    };
                    (k.clone(), v)
                })
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(blanked).collect()),
        other => other.clone(),
    }
}

/// Whether a form key names a credential: itself, or a name in its
/// brackets (`auth[token]`), as the generator nests them.
fn credential_key(key: &str) -> bool {
    key.split(['[', ']']).any(looks_like_credential)
}

/// `v` without its objects' `null` members, at any depth (`None` for
/// `null` itself: an array keeps its `null` items, whose place counts).
fn without_nulls(v: &Value) -> Option<Value> {
    match v {
        Value::Null => None,
        Value::Object(map) => Some(Value::Object(
            map.iter()
                .filter_map(|(k, v)| Some((k.clone(), without_nulls(v)?)))
                .collect(),
        )),
        Value::Array(items) => Some(Value::Array(
            items
                .iter()
                .map(|v| without_nulls(v).unwrap_or(Value::Null))
                .collect(),
        )),
        other => Some(other.clone()),
    }
}

/// `v` with every number as a float, so that `2` and `2.0` compare equal.
fn numbers_as_floats(v: &serde_json::Value) -> serde_json::Value {
    use serde_json::Value;
    match v {
        Value::Number(n) => n
            .as_f64()
            .and_then(serde_json::Number::from_f64)
            .map_or_else(|| v.clone(), Value::Number),
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(k, v)| (k.clone(), numbers_as_floats(v)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(numbers_as_floats).collect()),
        other => other.clone(),
    }
}

/// Pairs ordered by key only: keys may come in any order, but a repeated
/// key's values keep theirs (`tag=a&tag=b` is a list, in order).
fn in_key_order(mut pairs: Vec<(String, String)>) -> Vec<(String, String)> {
    pairs.sort_by(|a, b| a.0.cmp(&b.0));
    pairs
}

/// `a=b&c=d` read as pairs, `+` and `%XX` decoded (so bracket keys read as
/// written: `items%5B0%5D` is `items[0]`).
fn form_pairs(body: &[u8]) -> Vec<(String, String)> {
    String::from_utf8_lossy(body)
        .split('&')
        .filter(|s| !s.is_empty())
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            (
                super::percent_decode(&k.replace('+', " ")),
                super::percent_decode(&v.replace('+', " ")),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sent<'a>(content_type: &'a str, body: &'a str) -> Sent<'a> {
        Sent {
            content_type,
            body: body.as_bytes(),
        }
    }

    fn pairs(list: &[(&str, &str)]) -> Body {
        Body::Form(
            list.iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                .collect(),
        )
    }

    #[test]
    fn an_item_without_a_body_wants_none_sent() {
        assert_eq!(verdict(&Body::None, &sent("", ""), false), Verdict::Same);
        assert!(matches!(
            verdict(&Body::None, &sent("application/json", "{}"), false),
            Verdict::Differs(_)
        ));
    }

    #[test]
    fn form_keys_in_any_order_a_repeated_keys_values_in_theirs() {
        let want = pairs(&[("a[0]", "x y"), ("tag", "1"), ("tag", "2"), ("e", "")]);
        let form = "application/x-www-form-urlencoded";
        let same = sent(form, "tag=1&e=&a%5B0%5D=x+y&tag=2");
        assert_eq!(verdict(&want, &same, false), Verdict::Same);
        let swapped = sent(form, "a%5B0%5D=x+y&tag=2&tag=1&e=");
        assert!(matches!(
            verdict(&want, &swapped, false),
            Verdict::Differs(_)
        ));
        let missing = sent(form, "a%5B0%5D=x+y&tag=1&tag=2");
        assert!(matches!(
            verdict(&want, &missing, false),
            Verdict::Differs(_)
        ));
    }

    #[test]
    fn parts_compare_name_file_name_content_type_and_content() {
        let want = Body::Multipart(vec![
            Part {
                name: "purpose".into(),
                value: PartValue::Text("x".into()),
            },
            Part {
                name: "file".into(),
                value: PartValue::File {
                    file_name: Some("r.pdf".into()),
                    content_type: Some("application/pdf".into()),
                },
            },
        ]);
        let body = |file_name: &str, content: &str| {
            format!(
                "--B\r\nContent-Disposition: form-data; name=\"purpose\"\r\n\r\nx\r\n\
                 --B\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{file_name}\"\r\n\
                 Content-Type: application/pdf\r\n\r\n{content}\r\n--B--\r\n"
            )
        };
        let content_type = "multipart/form-data; boundary=B";
        let right = body("r.pdf", UPLOAD_CONTENT);
        assert_eq!(
            verdict(&want, &sent(content_type, &right), false),
            Verdict::Same
        );
        for wrong in [body("file", UPLOAD_CONTENT), body("r.pdf", "other")] {
            let v = verdict(&want, &sent(content_type, &wrong), false);
            assert!(matches!(v, Verdict::Differs(_)), "{wrong}");
        }
        // The same bytes under another boundary do not parse.
        let other = verdict(
            &want,
            &sent("multipart/form-data; boundary=C", &right),
            false,
        );
        assert!(matches!(other, Verdict::Differs(_)));
    }

    /// The generator shows a credential's value as a placeholder: only
    /// that value may differ, and only when asked.
    #[test]
    fn credential_values_may_differ_only_when_blanked() {
        let want = Body::Json(serde_json::json!({"user": "u", "auth": {"password": "p"}}));
        let json = "application/json";
        let placeholder = sent(json, r#"{"user": "u", "auth": {"password": "<auth>"}}"#);
        assert!(matches!(
            verdict(&want, &placeholder, false),
            Verdict::Differs(_)
        ));
        assert_eq!(verdict(&want, &placeholder, true), Verdict::Same);
        let other = sent(json, r#"{"user": "v", "auth": {"password": "<auth>"}}"#);
        assert!(matches!(verdict(&want, &other, true), Verdict::Differs(_)));
        let form = pairs(&[("id", "1"), ("auth[token]", "t")]);
        let ct = "application/x-www-form-urlencoded";
        assert_eq!(
            verdict(&form, &sent(ct, "id=1&auth%5Btoken%5D=%3Cauth%3E"), true),
            Verdict::Same
        );
        assert!(matches!(
            verdict(&form, &sent(ct, "id=2&auth%5Btoken%5D=%3Cauth%3E"), true),
            Verdict::Differs(_)
        ));
    }

    #[test]
    fn a_file_body_holds_the_stand_in_and_json_compares_by_value() {
        assert_eq!(
            verdict(&Body::File, &sent("", UPLOAD_CONTENT), false),
            Verdict::Same
        );
        assert!(matches!(
            verdict(&Body::File, &sent("", ""), false),
            Verdict::Differs(_)
        ));
        let want = Body::Json(serde_json::json!({"a": 1, "b": null}));
        let json = "application/json";
        assert_eq!(
            verdict(&want, &sent(json, r#"{ "b": null, "a": 1 }"#), false),
            Verdict::Same
        );
        assert_eq!(
            verdict(&want, &sent(json, r#"{"a": 1}"#), false),
            Verdict::Allowed(NULLS_LEFT_OUT)
        );
        assert!(matches!(
            verdict(&want, &sent(json, r#"{"a": 2}"#), false),
            Verdict::Differs(_)
        ));
        // A number is its value, however it is written.
        assert_eq!(
            verdict(&want, &sent(json, r#"{"a": 1.0, "b": null}"#), false),
            Verdict::Same
        );
    }
}
