//! A request for any operation, built from its descriptor alone, so that a
//! test covering every operation follows `plivo::operations::ALL` and needs
//! no edit when the spec gains an operation.

use plivo::Client;
use plivo::runtime::{BodyKind, Field, FieldLocation, Operation, Pagination, Request};
use serde_json::{Map, Value};

/// A value `field` accepts: its first allowed value, a phone number where
/// the spec asks for one, else an id-like string. Only strings: the mock
/// checks presence, allowed values and formats, not JSON types.
pub fn value_for(field: &Field) -> &'static str {
    if let Some(value) = field.values.first() {
        return value;
    }
    match field.format.map(|f| f.name()) {
        Some("phone-or-sip") => "+14152225555",
        _ => "e564a84a-7910-4447-b16f-65c541dd552c",
    }
}

/// The path parameters' values, in call order.
pub fn path_values(op: &Operation) -> Vec<&'static str> {
    op.fields
        .iter()
        .filter(|f| f.location == FieldLocation::Path)
        .map(value_for)
        .collect()
}

/// The JSON body: the operation's constants and a value for each required
/// field; `None` when it has neither (a GET, or a run with no variables).
pub fn body(op: &Operation) -> Option<Map<String, Value>> {
    let mut body = Map::new();
    for (name, constant) in op.constants {
        body.insert((*name).into(), serde_json::to_value(constant).ok()?);
    }
    for field in op.fields {
        if field.location == FieldLocation::Body && field.required {
            body.insert(field.name.into(), value_for(field).into());
        }
    }
    (!body.is_empty()).then_some(body)
}

/// A valid request for `op` on `client`, with its constant query parameters.
pub fn request(client: &Client, op: &'static Operation) -> Request {
    let mut request = client
        .request(op, &path_values(op))
        .unwrap_or_else(|e| panic!("{}: {e}", op.name));
    for (key, value) in op.query_constants {
        request = request.query(key, Some(value));
    }
    match (body(op), op.body_kind) {
        // An upload's required fields, each as a text part: the mock checks
        // that they are there, not what they hold.
        (Some(body), BodyKind::Multipart) => request
            .multipart(|parts| {
                for (name, value) in &body {
                    let text = value
                        .as_str()
                        .map_or_else(|| value.to_string(), str::to_owned);
                    parts.text(name, &text)?;
                }
                Ok(())
            })
            .expect("text parts encode"),
        (Some(body), _) => request.json(&body).expect("a JSON object encodes"),
        (None, _) => request,
    }
}

/// The spec's first example answer of `op`, as JSON; `Null` for an empty
/// one (a 204).
pub fn example(op: &Operation) -> Value {
    let example = op.examples.first().expect("the spec documents an example");
    if example.body.is_empty() {
        return Value::Null;
    }
    serde_json::from_str(example.body).expect("the example is JSON")
}

/// `answer` with the places a listing's pages differ in taken out (the
/// items, the links, the total and the page's own limit and offset): what
/// stays is the spec's example, page or not. The items served, and whether
/// a next link is there, are the caller's to check.
pub fn outside_paging(op: &Operation, answer: &Value) -> Value {
    let mut answer = answer.clone();
    let Some(Pagination::Offset(paging)) = op.pagination else {
        return answer;
    };
    let places = [Some(paging.items), Some(paging.next), paging.previous]
        .into_iter()
        .chain([paging.total, paging.limit_echo, paging.offset_echo]);
    for place in places.flatten() {
        remove(&mut answer, place);
    }
    answer
}

fn remove(value: &mut Value, place: &[&str]) {
    match place {
        [] => {}
        [last] => {
            if let Some(object) = value.as_object_mut() {
                object.remove(*last);
            }
        }
        [first, rest @ ..] => {
            if let Some(inner) = value.get_mut(*first) {
                remove(inner, rest);
            }
        }
    }
}
