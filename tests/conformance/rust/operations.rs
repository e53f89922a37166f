//! Our operations as JSON (`plivo::operations::ALL`): what the recorder
//! routes requests by and answers with, and what the fixture check maps
//! the SDKs' canned responses to.

use plivo::runtime::{Constant, Host, Operation, PathPart};
use serde_json::{Value, json};

/// Every operation of the generated client, and its hosts.
pub fn dump() -> Value {
    let hosts: Vec<Value> = plivo::HOSTS.iter().map(|h| json!(host_url(h))).collect();
    let operations: Vec<Value> = plivo::operations::ALL
        .iter()
        .map(|op| operation(op))
        .collect();
    json!({"hosts": hosts, "operations": operations})
}

/// The URL a host is known by: its default, else its name; an operation
/// on the main host ([`Host::MAIN`]) names the one `plivo::HOSTS` marks.
pub fn host_url(host: &Host) -> &'static str {
    let host = match host.main {
        true => plivo::HOSTS.iter().find(|h| h.main).unwrap_or(host),
        false => host,
    };
    host.default_url.unwrap_or(host.name)
}

fn operation(op: &Operation) -> Value {
    let path: Vec<Value> = op
        .path
        .iter()
        .map(|part| match part {
            PathPart::Literal(text) => json!({"literal": text}),
            PathPart::Param(i) => json!({"param": op.fields.get(*i).map(|f| f.name)}),
            PathPart::Username => json!({"username": true}),
            PathPart::Password => json!({"password": true}),
            _ => json!({"unknown": format!("{part:?}")}),
        })
        .collect();
    let constants: Vec<Value> = op
        .constants
        .iter()
        .map(|(name, value)| json!([name, constant(value)]))
        .collect();
    let query_constants: Vec<Value> = op
        .query_constants
        .iter()
        .map(|(name, value)| json!([name, value]))
        .collect();
    let examples: Vec<Value> = op
        .examples
        .iter()
        .map(|e| json!({"name": e.name, "status": e.status, "body": e.body}))
        .collect();
    json!({
        "name": op.name,
        "item": op.item,
        "method": op.method.as_str(),
        "host": host_url(&op.host),
        "path": path,
        "constants": constants,
        "query_constants": query_constants,
        "examples": examples,
    })
}

fn constant(value: &Constant) -> Value {
    serde_json::to_value(value).unwrap_or(Value::Null)
}
