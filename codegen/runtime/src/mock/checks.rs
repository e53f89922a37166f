//! The request checks the mock makes; what they find is worded by the
//! vendor ([`crate::Vendor::mock_message`]).

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
        body.and_then(|b| b.get(*key)) == Some(&expected)
    })
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
                let value = body
                    .and_then(|b| b.get(field.name))
                    .filter(|v| !v.is_null());
                let Some(value) = value else {
                    if field.required {
                        return Err(vendor.mock_message(&MockProblem::Missing(field.name)));
                    }
                    continue;
                };
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
    Ok(())
}

fn valid(vendor: &dyn Vendor, name: &str, format: Format, value: &str) -> Result<(), String> {
    vendor
        .check_format(format.name(), value)
        .map_err(|_| vendor.mock_message(&MockProblem::Invalid(name)))
}
