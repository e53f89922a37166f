//! Example JSON as people write it, read: comments dropped and
//! `{{variables}}` filled in before parsing.

use crate::error::{Error, Location};
use crate::read::jsonc;
use crate::read::url;
use serde_json::Value;
use std::collections::BTreeMap;

pub(super) fn parse_json(
    file: &str,
    display: &str,
    what: &str,
    text: &str,
    vars: &BTreeMap<String, String>,
) -> Result<Value, Error> {
    let cleaned = jsonc::clean(text, &|name| url::resolve(&format!("{{{{{name}}}}}"), vars));
    serde_json::from_str(&cleaned).map_err(|e| Error::json(Location::item(file, display), what, &e))
}
