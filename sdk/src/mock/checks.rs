//! The request checks the mock makes, answered in Plivo's wording:
//! `to is a mandatory param.`, `Invalid value provided for role.`

use crate::runtime::{FieldLocation, Format, Operation, check};
use serde_json::Value;

/// The operation among `candidates` (same URL and method) that `body`
/// selects through its constant fields, or the message explaining why none
/// does.
pub(super) fn select(
    candidates: &[&'static Operation],
    body: Option<&Value>,
) -> Result<&'static Operation, String> {
    if let Some(op) = candidates.iter().find(|op| constants_match(op, body)) {
        return Ok(op);
    }
    // Name the constant field that is missing or wrong.
    let key = candidates
        .iter()
        .flat_map(|op| op.constants.iter().map(|(k, _)| *k))
        .next()
        .unwrap_or("body");
    Err(match body.and_then(|b| b.get(key)) {
        None => format!("{key} is a mandatory param."),
        Some(_) => format!("Invalid value provided for {key}."),
    })
}

fn constants_match(op: &Operation, body: Option<&Value>) -> bool {
    op.constants.iter().all(|(key, constant)| {
        let expected = serde_json::to_value(constant).unwrap_or(Value::Null);
        body.and_then(|b| b.get(*key)) == Some(&expected)
    })
}

/// The first problem with the arguments of `op`, as Plivo words it.
pub(super) fn arguments(
    op: &Operation,
    args: &[String],
    body: Option<&Value>,
) -> Result<(), String> {
    let mut path_args = args.iter();
    for field in op.fields {
        match field.location {
            FieldLocation::Path => {
                let value = path_args.next().map(String::as_str).unwrap_or_default();
                if let Some(format) = field.format {
                    valid(field.name, format, value)?;
                }
            }
            FieldLocation::Body => {
                let value = body
                    .and_then(|b| b.get(field.name))
                    .filter(|v| !v.is_null());
                let Some(value) = value else {
                    if field.required {
                        return Err(format!("{} is a mandatory param.", field.name));
                    }
                    continue;
                };
                let text = value.as_str();
                let listed =
                    field.values.is_empty() || text.is_some_and(|t| field.values.contains(&t));
                if !listed {
                    return Err(format!("Invalid value provided for {}.", field.name));
                }
                if let Some(format) = field.format {
                    valid(field.name, format, text.unwrap_or_default())?;
                }
            }
        }
    }
    Ok(())
}

fn valid(name: &str, format: Format, value: &str) -> Result<(), String> {
    check(name, format, value).map_err(|_| format!("Invalid value provided for {name}."))
}
