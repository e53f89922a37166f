//! The request checks the mock makes; what they find is worded by the
//! vendor ([`crate::Vendor::mock_message`]).
//!
//! A body is read as its kind records it (`bodies`): a form's or a
//! multipart body's values are strings, so a constant or an enum value is
//! compared as text there; a form field nested with brackets
//! (`address[city]`) is present when any of its keys is.

use crate::operation::{FieldLocation, Format, Operation};
use crate::{MockProblem, Vendor};
use serde_json::Value;

/// The operation among `candidates` (same URL and method) that `body`
/// selects through its constant fields, or the message explaining why none
/// does.
pub(super) fn select(
    vendor: &dyn Vendor,
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
    Err(vendor.mock_message(&match body.and_then(|b| b.get(key)) {
        None => MockProblem::Missing(key),
        Some(_) => MockProblem::Invalid(key),
    }))
}

fn constants_match(op: &Operation, body: Option<&Value>) -> bool {
    op.constants.iter().all(|(key, constant)| {
        let expected = serde_json::to_value(constant).unwrap_or(Value::Null);
        match body.and_then(|b| b.get(*key)) {
            // A form carries every value as text.
            Some(Value::String(text)) if !expected.is_string() => {
                text.as_str() == expected.to_string().as_str()
            }
            found => found == Some(&expected),
        }
    })
}

/// The value of the top-level field `name`: its key, or for a form field
/// nested with brackets, the first of its keys (`name[...]`).
fn field<'a>(body: Option<&'a Value>, name: &str) -> Option<&'a Value> {
    let object = body?.as_object()?;
    let value = object.get(name).or_else(|| {
        object
            .iter()
            .find(|(key, _)| {
                key.strip_prefix(name)
                    .is_some_and(|rest| rest.starts_with('['))
            })
            .map(|(_, value)| value)
    });
    value.filter(|v| !v.is_null())
}

/// The first problem with the arguments of `op`, as the vendor words it.
pub(super) fn arguments(
    vendor: &dyn Vendor,
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
                    valid(vendor, field.name, format, value)?;
                }
            }
            FieldLocation::Body => {
                let Some(value) = self::field(body, field.name) else {
                    if field.required {
                        return Err(vendor.mock_message(&MockProblem::Missing(field.name)));
                    }
                    continue;
                };
                // A repeated form key holds an array: each value is checked.
                let values = match value {
                    Value::Array(items) if !items.is_empty() => items.iter().collect(),
                    other => vec![other],
                };
                for value in values {
                    let text = value.as_str();
                    let listed =
                        field.values.is_empty() || text.is_some_and(|t| field.values.contains(&t));
                    if !listed {
                        return Err(vendor.mock_message(&MockProblem::Invalid(field.name)));
                    }
                    if let Some(format) = field.format {
                        valid(vendor, field.name, format, text.unwrap_or_default())?;
                    }
                }
            }
        }
    }
    Ok(())
}

fn valid(vendor: &dyn Vendor, name: &str, format: Format, value: &str) -> Result<(), String> {
    vendor
        .check_format(format.name(), value)
        .map_err(|_| vendor.mock_message(&MockProblem::Invalid(name)))
}
