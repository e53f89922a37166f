//! Example JSON as people write it, read: comments dropped and
//! `{{variables}}` filled in before parsing, and slips with only one
//! possible meaning (a trailing comma, text cut after a complete value)
//! repaired, with a warning that says where.

use crate::error::{Error, Location, Warning};
use crate::read::url;
use crate::read::{jsonc, lenient};
use serde_json::Value;
use std::collections::BTreeMap;

/// `text` read as JSON. A repair adds a warning to `notes`; text that
/// cannot be read even leniently is an error with the strict parser's line
/// and column.
pub(super) fn parse_json(
    file: &str,
    display: &str,
    what: &str,
    text: &str,
    vars: &BTreeMap<String, String>,
    notes: &mut Vec<Warning>,
) -> Result<Value, Error> {
    let cleaned = jsonc::clean(text, &|name| url::resolve(&format!("{{{{{name}}}}}"), vars));
    let strict = match serde_json::from_str(&cleaned) {
        Ok(value) => return Ok(value),
        Err(e) => Error::json(Location::item(file, display), what, &e),
    };
    let repaired = lenient::repair(&cleaned, true)
        .and_then(|r| Some((serde_json::from_str(&r.text).ok()?, r.notes)));
    match repaired {
        Some((value, repairs)) => {
            notes.push(Warning::kept(
                strict.location.clone(),
                format!("read leniently: {}; {}", strict.kind, repairs.join("; ")),
            ));
            Ok(value)
        }
        None => Err(strict),
    }
}
