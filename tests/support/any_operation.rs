//! A request for any operation, built from its descriptor alone, so that a
//! test covering every operation follows `plivo::operations::ALL` and needs
//! no edit when the spec gains an operation.

use plivo::Client;
use plivo::runtime::{Field, FieldLocation, Operation, Request};
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
    match body(op) {
        Some(body) => request.json(&body).expect("a JSON object encodes"),
        None => request,
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
