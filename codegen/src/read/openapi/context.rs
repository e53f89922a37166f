//! Where an operation is written, for the modules that read its parts.

use crate::error::Location;
use crate::read::openapi::refs::Documents;
use serde_json::Value;

/// Where an operation is written.
pub(crate) struct Context<'a> {
    pub docs: &'a Documents,
    pub root: &'a Value,
    pub file: &'a str,
    pub path: &'a str,
    pub method: &'a str,
    pub path_item: &'a Value,
    pub op: &'a Value,
    /// The main server's path, when it is relative (`/api/v3`).
    pub prefix: Option<&'a str>,
    pub here: &'a Location,
}
