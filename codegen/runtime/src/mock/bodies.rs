//! Reading a request body as its operation's kind declares it: the content
//! type checked against the operation's own, the body parsed into what the
//! recording keeps and the field checks read.
//!
//! | kind | content types accepted | recorded as |
//! |---|---|---|
//! | JSON (or none) | `application/json`, `application/*+json`, the operation's own | the JSON |
//! | form | `application/x-www-form-urlencoded`, the operation's own | an object of strings (arrays for repeated keys) |
//! | multipart | `multipart/form-data` with a boundary | an object: text parts as strings, file parts as `{"filename", "content_type", "size"}` |
//! | text | the operation's type (parameters such as `charset` aside) | a string |
//! | file | any | nothing parsed (the bytes are kept) |
//! | GraphQL | as JSON; a string `query` is required | the JSON |
//!
//! An empty body is accepted with any content type, or none, for every kind.
//!
//! A JSON or multipart operation also takes a form, and a JSON or form
//! operation a multipart body, read as its fields as those kinds are
//! (`as_form`): an API's own SDKs send some operations that way, and the
//! API reads them (docs/mock.md, "Tolerances").

use super::multipart;
use super::query::pairs;
use crate::MockProblem;
use crate::operation::{BodyKind, Operation};
use serde_json::{Map, Value};

/// The content type an operation's kind wants, for a 415's message.
#[derive(Debug, PartialEq, Eq, Clone, Copy)]
pub(super) enum Expected {
    /// JSON: worded as [`MockProblem::NotJson`].
    Json,
    /// Another type.
    Other(&'static str),
}

/// Whether `op` takes a body with `content_type`; an empty body needs no
/// particular one.
pub(super) fn accepts(op: &Operation, content_type: Option<&str>, empty: bool) -> bool {
    if empty {
        return true;
    }
    let Some(content_type) = content_type else {
        return op.body_kind == BodyKind::File;
    };
    let given = essence(content_type);
    let declared = op.content_type.map(essence);
    if declared.as_deref() == Some(given.as_str()) && op.body_kind != BodyKind::Multipart {
        return true;
    }
    match op.body_kind {
        _ if as_form(op, Some(content_type)).is_some() => true,
        BodyKind::Json => is_json(&given),
        BodyKind::GraphQl => is_json(&given),
        BodyKind::Form => given == "application/x-www-form-urlencoded",
        BodyKind::Multipart => {
            given == "multipart/form-data" && multipart::boundary(content_type).is_some()
        }
        BodyKind::Text(text) => given == essence(text),
        // The upload's own type, whatever it is.
        BodyKind::File => true,
    }
}

/// What a 415 for `op` names.
pub(super) fn expected(op: &Operation) -> Expected {
    match op.body_kind {
        BodyKind::Form => Expected::Other("application/x-www-form-urlencoded"),
        BodyKind::Multipart => Expected::Other("multipart/form-data"),
        BodyKind::Text(text) => Expected::Other(text),
        _ => match op.content_type {
            Some(declared) if !is_json(&essence(declared)) => Expected::Other(declared),
            _ => Expected::Json,
        },
    }
}

/// The body of `op` as recorded, once its content type is accepted:
/// `None` for an empty body or a file. `Err`: a body that does not read as
/// its kind (400).
pub(super) fn read(
    op: &Operation,
    content_type: Option<&str>,
    bytes: &[u8],
) -> Result<Option<Value>, MockProblem<'static>> {
    let kind = as_form(op, content_type).unwrap_or(op.body_kind);
    if bytes.is_empty() && kind != BodyKind::Multipart {
        return Ok(None);
    }
    let text = || String::from_utf8_lossy(bytes).into_owned();
    match kind {
        BodyKind::Form => Ok(Some(object(pairs(&text())))),
        BodyKind::Multipart => multipart_object(content_type, bytes).map(Some),
        BodyKind::Text(_) => Ok(Some(Value::String(text()))),
        BodyKind::File => Ok(None),
        BodyKind::GraphQl => {
            let body = json(bytes)?;
            match body.get("query") {
                Some(Value::String(_)) => Ok(Some(body)),
                _ => Err(MockProblem::Missing("query")),
            }
        }
        _ => json(bytes).map(Some),
    }
}

/// The kind a body sent as another field-carrying kind is read as: the
/// official SDKs of one API were seen to send uploads as multipart to
/// operations documented as JSON, and an update with no file as a
/// urlencoded form to a multipart one, and the API to read their fields
/// (docs/mock.md, "Tolerances"). `None`: the operation's own kind, or a
/// kind with no fields (text, file, GraphQL).
fn as_form(op: &Operation, content_type: Option<&str>) -> Option<BodyKind> {
    let content_type = content_type?;
    let fields = [BodyKind::Json, BodyKind::Form, BodyKind::Multipart];
    if !fields.contains(&op.body_kind) {
        return None;
    }
    let kind = match essence(content_type).as_str() {
        "application/x-www-form-urlencoded" => BodyKind::Form,
        "multipart/form-data" if multipart::boundary(content_type).is_some() => BodyKind::Multipart,
        _ => return None,
    };
    (kind != op.body_kind).then_some(kind)
}

fn json(bytes: &[u8]) -> Result<Value, MockProblem<'static>> {
    serde_json::from_slice(bytes).map_err(|_| MockProblem::MalformedJson)
}

/// Pairs as an object: one string per key, an array for a repeated key.
fn object(pairs: Vec<(String, String)>) -> Value {
    let mut map = Map::new();
    for (key, value) in pairs {
        add(&mut map, key, Value::String(value));
    }
    Value::Object(map)
}

fn add(map: &mut Map<String, Value>, key: String, value: Value) {
    match map.get_mut(&key) {
        None => {
            map.insert(key, value);
        }
        Some(Value::Array(values)) => values.push(value),
        Some(first) => {
            let first = first.take();
            map.insert(key, Value::Array(vec![first, value]));
        }
    }
}

fn multipart_object(
    content_type: Option<&str>,
    bytes: &[u8],
) -> Result<Value, MockProblem<'static>> {
    let malformed = MockProblem::MalformedBody;
    let Some(boundary) = content_type.and_then(multipart::boundary) else {
        // An empty body without a type: no parts.
        return if bytes.is_empty() {
            Ok(Value::Object(Map::new()))
        } else {
            Err(malformed)
        };
    };
    let parts = multipart::parse(bytes, &boundary).ok_or(malformed)?;
    let mut map = Map::new();
    for part in parts {
        let value = match part.file_name {
            None => Value::String(String::from_utf8_lossy(&part.body).into_owned()),
            Some(file_name) => serde_json::json!({
                "filename": file_name,
                "content_type": part.content_type,
                "size": part.body.len(),
            }),
        };
        add(&mut map, part.name, value);
    }
    Ok(Value::Object(map))
}

/// A content type without its parameters, in lower case.
pub(super) fn essence(content_type: &str) -> String {
    content_type
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase()
}

/// `application/json` or a JSON type of its own (`application/*+json`).
fn is_json(essence: &str) -> bool {
    essence == "application/json"
        || essence
            .strip_prefix("application/")
            .is_some_and(|sub| sub.ends_with("+json"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Method;
    use serde_json::json;

    const fn op(kind: BodyKind) -> Operation {
        Operation::new("op", Method::POST, &[]).body_kind(kind)
    }

    #[test]
    fn json_bodies_under_any_json_type() {
        let json = op(BodyKind::Json);
        for t in [
            "application/json",
            "Application/JSON; charset=utf-8",
            "application/merge-patch+json",
            "application/vnd.api+json; ext=bulk",
        ] {
            assert!(accepts(&json, Some(t), false), "{t}");
        }
        for t in ["text/json+plain", "text/plain", "multipart/form-data"] {
            assert!(!accepts(&json, Some(t), false), "{t}");
        }
        assert!(!accepts(&json, None, false));
        assert!(accepts(&json, None, true));
    }

    #[test]
    fn each_kind_takes_its_own_type_and_the_operation_s() {
        let form = op(BodyKind::Form);
        assert!(accepts(
            &form,
            Some("application/x-www-form-urlencoded"),
            false
        ));
        assert!(!accepts(&form, Some("application/json"), false));
        let declared = op(BodyKind::Form).content_type("application/vnd.acme-form");
        assert!(accepts(&declared, Some("application/vnd.acme-form"), false));
        let multipart = op(BodyKind::Multipart);
        assert!(accepts(
            &multipart,
            Some("multipart/form-data; boundary=b"),
            false
        ));
        assert!(!accepts(&multipart, Some("multipart/form-data"), false));
        let xml = op(BodyKind::Text("application/xml"));
        assert!(accepts(&xml, Some("application/xml; charset=utf-8"), false));
        assert!(!accepts(&xml, Some("text/plain"), false));
        assert_eq!(expected(&xml), Expected::Other("application/xml"));
        assert!(accepts(&op(BodyKind::File), Some("image/png"), false));
        assert!(accepts(&op(BodyKind::File), None, false));
        assert_eq!(expected(&op(BodyKind::GraphQl)), Expected::Json);
    }

    #[test]
    fn bodies_are_recorded_as_their_kind_reads() {
        let form = read(
            &op(BodyKind::Form),
            None,
            b"a=1&tag=x&tag=y+z&addr%5Bcity%5D=Oslo",
        );
        assert_eq!(
            form,
            Ok(Some(
                json!({"a": "1", "tag": ["x", "y z"], "addr[city]": "Oslo"})
            ))
        );
        let text = read(&op(BodyKind::Text("text/csv")), None, b"a,b\n1,2");
        assert_eq!(text, Ok(Some(json!("a,b\n1,2"))));
        assert_eq!(read(&op(BodyKind::File), None, b"\x89PNG"), Ok(None));
        let graphql = op(BodyKind::GraphQl);
        assert_eq!(
            read(&graphql, None, br#"{"variables": {}}"#),
            Err(MockProblem::Missing("query"))
        );
        let multipart = read(
            &op(BodyKind::Multipart),
            Some("multipart/form-data; boundary=b"),
            b"--b\r\nContent-Disposition: form-data; name=\"f\"; filename=\"a.txt\"\r\n\r\nhi\r\n--b--\r\n",
        );
        assert_eq!(
            multipart,
            Ok(Some(
                json!({"f": {"filename": "a.txt", "content_type": null, "size": 2}})
            ))
        );
    }
}
