//! One file's text as JSON: JSON or YAML, told apart by the file's name,
//! else by its text.

use crate::error::{Error, ErrorKind, Location};
use crate::read::openapi::yaml;
use serde_json::Value;

/// Whether `name` or `text` is an OpenAPI document rather than a
/// collection: YAML, or JSON whose top level has an `openapi` member.
pub(crate) fn is_openapi(name: &str, text: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    if lower.ends_with(".yaml") || lower.ends_with(".yml") {
        return true;
    }
    text.contains("\"openapi\"")
        && serde_json::from_str::<Value>(text).is_ok_and(|v| v.get("openapi").is_some())
}

/// The value of one file, JSON or YAML by its name (else by its text).
pub(crate) fn parse(name: &str, text: &str) -> Result<Value, Error> {
    let lower = name.to_ascii_lowercase();
    let json = lower.ends_with(".json")
        || (!lower.ends_with(".yaml")
            && !lower.ends_with(".yml")
            && text.trim_start().starts_with('{'));
    if json {
        serde_json::from_str(text)
            .map_err(|e| Error::json(Location::file(name), "the document", &e))
    } else {
        yaml::to_json(text)
            .map_err(|m| Error::new(Location::file(name), ErrorKind::UnexpectedFormat(m)))
    }
}
