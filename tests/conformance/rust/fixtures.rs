//! `fixtures`: each canned response of the official SDKs parsed into the
//! response type of its operation, through the call its case builds.
//!
//! IN is a JSON list of `{"id", "case", "body"}` (the harness maps each
//! fixture to its operation by method and path, and the operation to one
//! of its cases); OUT lists, per fixture, whether it parsed (serde's error
//! if not) and the keys our type leaves undeclared or untyped.

use crate::args::Args;
use crate::cases::load;
use crate::{AUTH_ID, AUTH_TOKEN, ops};
use plivo::Client;
use serde::Deserialize;
use serde_json::{Value, json};
use std::collections::BTreeMap;
use std::path::Path;

#[derive(Debug, Deserialize)]
struct Fixture {
    id: String,
    case: String,
    body: Value,
}

/// Parses every fixture of `input`; the result file.
pub fn parse_all(cases_dir: &Path, input: &Path) -> Result<Value, String> {
    let text = std::fs::read_to_string(input).map_err(|e| format!("{}: {e}", input.display()))?;
    let fixtures: Vec<Fixture> = serde_json::from_str(&text).map_err(|e| e.to_string())?;
    let args: BTreeMap<String, (String, Value)> = load(cases_dir)?
        .into_iter()
        .flat_map(|t| t.cases)
        .map(|c| (c.id, (c.item, c.args)))
        .collect();
    // Never sent: the calls are only built, for their response types.
    let client = Client::builder(AUTH_ID, AUTH_TOKEN)
        .base_url_for_all_hosts("http://127.0.0.1:9")
        .build()
        .map_err(|e| e.to_string())?;
    let results = fixtures
        .iter()
        .map(|fixture| one(&client, &args, fixture))
        .collect();
    Ok(Value::Array(results))
}

fn one(client: &Client, args: &BTreeMap<String, (String, Value)>, fixture: &Fixture) -> Value {
    let built = match (ops::find(&fixture.case), args.get(&fixture.case)) {
        (Some(build), Some((_, case_args))) => {
            build(client, &Args::new(&fixture.case, case_args.clone()))
        }
        _ => Err(format!("no case {}", fixture.case)),
    };
    let item = args.get(&fixture.case).map(|(item, _)| item.as_str());
    let parsed = built.and_then(|call| call.probe(&fixture.body).map_err(|e| e.to_string()));
    match parsed {
        Ok(probe) => json!({
            "id": fixture.id, "case": fixture.case, "item": item, "parsed": true,
            "undeclared": probe.undeclared, "untyped": probe.untyped,
        }),
        Err(error) => json!({
            "id": fixture.id, "case": fixture.case, "item": item, "parsed": false,
            "error": error,
        }),
    }
}
