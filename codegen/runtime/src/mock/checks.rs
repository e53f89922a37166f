//! The request checks the mock makes; what they find is worded by the
//! vendor ([`crate::Vendor::mock_message`]).
//!
//! A body is read as its kind records it (`bodies`): a form's or a
//! multipart body's values are strings, so a constant or an enum value is
//! compared as text there; a form field nested with brackets
//! (`address[city]`) is present when any of its keys is.

use crate::operation::{Example, FieldLocation, Format, Operation};
use crate::{MockProblem, Vendor};
use serde_json::Value;

/// The operation among `candidates` (same URL and method) that `body` and
/// `query` select through their constants (the one matching the most, when
/// an operation without constants shares the URL), or the message
/// explaining why none does.
pub(super) fn select(
    vendor: &dyn Vendor,
    candidates: &[&'static Operation],
    query: &str,
    body: Option<&Value>,
) -> Result<&'static Operation, String> {
    let query = query_pairs(query);
    let best = candidates
        .iter()
        .filter(|op| constants_match(op, body) && query_matches(op, &query))
        // The first of the most specific: `max_by_key` would take the last.
        .fold(None::<&&'static Operation>, |best, op| match best {
            Some(b) if specificity(b) >= specificity(op) => Some(b),
            _ => Some(op),
        });
    if let Some(op) = best {
        return Ok(op);
    }
    // Every candidate wants a query constant the query does not carry.
    if candidates.iter().all(|op| !query_matches(op, &query))
        && let Some((key, _)) = candidates.iter().flat_map(|op| op.query_constants).next()
    {
        return Err(
            vendor.mock_message(&if query.iter().any(|(k, _)| k == key) {
                MockProblem::Invalid(key)
            } else {
                MockProblem::Missing(key)
            }),
        );
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

/// The example that answers a request: the first success one whose `when`
/// parameter the request carries (in its body or query), else the first
/// plain success one.
pub(super) fn answer<'o>(
    op: &'o Operation,
    query: &str,
    body: Option<&Value>,
) -> Option<&'o Example> {
    let query = query_pairs(query);
    let carries = |param: &str| {
        body.and_then(|b| b.get(param))
            .is_some_and(|v| !v.is_null())
            || query.iter().any(|(k, _)| k == param)
    };
    let success = |e: &&Example| (200..300).contains(&e.status);
    op.examples
        .iter()
        .filter(success)
        .find(|e| e.when.is_some_and(carries))
        .or_else(|| {
            op.examples
                .iter()
                .filter(success)
                .find(|e| e.when.is_none())
        })
}

/// How many constants an operation is selected by.
fn specificity(op: &Operation) -> usize {
    op.constants.len() + op.query_constants.len()
}

/// The query's (or a URL-encoded form's) pairs, decoded (`+` is a space).
pub(super) fn query_pairs(query: &str) -> Vec<(String, String)> {
    super::query::RecordedQuery::parse(query)
        .iter()
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect()
}

fn query_matches(op: &Operation, query: &[(String, String)]) -> bool {
    op.query_constants
        .iter()
        .all(|(key, value)| query.iter().any(|(k, v)| k == key && v == value))
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
///
/// A body field is read from the body, else from the query (`query`,
/// percent-encoded): the SDKs of one API send the parameters of a DELETE
/// either way. A scalar is read as its text (`20` and `"20"` alike), and an
/// empty string is no value, as an SDK sends `""` for an optional field
/// it was not given (docs/mock.md, "Tolerances").
pub(super) fn arguments(
    vendor: &dyn Vendor,
    op: &Operation,
    args: &[String],
    body: Option<&Value>,
    query: &str,
) -> Result<(), String> {
    let query = query_pairs(query);
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
                // From the body, else the query; "" is no value.
                let in_query = || {
                    let (_, value) = query.iter().find(|(k, _)| k == field.name)?;
                    Some(Value::String(value.clone()))
                };
                let value = self::field(body, field.name).cloned().or_else(in_query);
                let Some(value) = value.filter(|v| v != "") else {
                    if field.required {
                        return Err(vendor.mock_message(&MockProblem::Missing(field.name)));
                    }
                    continue;
                };
                // A repeated form key holds an array: each value is checked.
                let values = match &value {
                    Value::Array(items) if !items.is_empty() => items.iter().collect(),
                    other => vec![other],
                };
                for value in values {
                    let text = scalar_text(value);
                    let listed = field.values.is_empty()
                        || text.as_deref().is_some_and(|t| field.values.contains(&t));
                    if !listed {
                        return Err(vendor.mock_message(&MockProblem::Invalid(field.name)));
                    }
                    if let Some(format) = field.format {
                        let text = text.as_deref().unwrap_or_default();
                        valid(vendor, field.name, format, text)?;
                    }
                }
            }
        }
    }
    Ok(())
}

/// A string, number or boolean as text; `None` for anything else.
fn scalar_text(value: &Value) -> Option<String> {
    match value {
        Value::String(text) => Some(text.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

fn valid(vendor: &dyn Vendor, name: &str, format: Format, value: &str) -> Result<(), String> {
    vendor
        .check_format(format.name(), value)
        .map_err(|_| vendor.mock_message(&MockProblem::Invalid(name)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::operation::{Example, Method, PathPart};
    use crate::test_vendor::TEST;

    const PATH: &[PathPart] = &[PathPart::Literal("/calls/")];
    static ALL_CALLS: Operation = Operation::new("list", Method::GET, PATH);
    static LIVE: Operation =
        Operation::new("list_live", Method::GET, PATH).query_constants(&[("status", "live")]);
    static QUEUED: Operation =
        Operation::new("list_queued", Method::GET, PATH).query_constants(&[("status", "queued")]);

    static CREATE: Operation = Operation::new("create", Method::DELETE, PATH).fields(&[
        crate::operation::Field::body("kind")
            .required()
            .values(&["a", "5"]),
        crate::operation::Field::body("note").values(&["x"]),
    ]);

    fn checked(body: Option<Value>, query: &str) -> Result<(), String> {
        arguments(&TEST, &CREATE, &[], body.as_ref(), query)
    }

    /// Before, a field in the query, a number for `"5"` and `""` for an
    /// optional field were each refused.
    #[test]
    fn body_fields_are_read_as_the_sdks_send_them() {
        use serde_json::json;
        assert_eq!(checked(Some(json!({"kind": "a"})), ""), Ok(()));
        assert_eq!(checked(None, "kind=a"), Ok(()));
        assert_eq!(checked(Some(json!("")), "kind=5&note=x"), Ok(()));
        assert_eq!(checked(Some(json!({"kind": 5})), ""), Ok(()));
        assert_eq!(checked(Some(json!({"kind": "a", "note": ""})), ""), Ok(()));
        // Still strict: missing, empty when required, outside the enum.
        assert!(checked(None, "").is_err());
        assert!(checked(Some(json!({"kind": ""})), "").is_err());
        assert!(checked(Some(json!({"kind": "b"})), "").is_err());
        assert!(checked(Some(json!({"kind": ["a", "b"]})), "").is_err());
        assert!(checked(Some(json!({"kind": {"a": 1}})), "").is_err());
        assert!(checked(None, "kind=a&note=y").is_err());
    }

    static HANGUP: Operation = Operation::new("hangup", Method::DELETE, PATH).examples(&[
        Example::new("done", 204, ""),
        Example::new("accepted", 202, r#"{"message": "async"}"#).when("callback_url"),
    ]);

    /// A request carrying a variant's parameter gets the variant's answer;
    /// before, the first success example answered every request.
    #[test]
    fn a_parameter_selects_its_answer() {
        let name = |query: &str, body: Option<Value>| {
            answer(&HANGUP, query, body.as_ref()).map(|e| e.name)
        };
        assert_eq!(name("", None), Some("done"));
        assert_eq!(
            name("", Some(serde_json::json!({"callback_url": "https://x"}))),
            Some("accepted")
        );
        assert_eq!(name("callback_url=https%3A%2F%2Fx", None), Some("accepted"));
        assert_eq!(
            name("", Some(serde_json::json!({"callback_url": null}))),
            Some("done")
        );
    }

    fn picked(query: &str) -> Result<&'static str, String> {
        select(&TEST, &[&ALL_CALLS, &LIVE, &QUEUED], query, None).map(|op| op.name)
    }

    /// A query constant selects its operation, the plain one takes the
    /// rest; before, the first candidate took every request.
    #[test]
    fn query_constants_select_the_operation() {
        assert_eq!(picked("status=live"), Ok("list_live"));
        assert_eq!(picked("limit=5&status=queued"), Ok("list_queued"));
        assert_eq!(picked(""), Ok("list"));
        assert_eq!(picked("status=ended"), Ok("list"));
        let only_live = select(&TEST, &[&LIVE, &QUEUED], "", None);
        assert!(only_live.is_err(), "{only_live:?}");
    }
}
