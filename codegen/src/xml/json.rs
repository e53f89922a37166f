//! Reading members of the table's JSON objects, and the error for a
//! member of the wrong shape.

use crate::error::{Error, ErrorKind, Location};
use serde_json::{Map, Value};

/// A string member, if present and text.
pub(crate) fn string(object: &Map<String, Value>, key: &str) -> Option<String> {
    object.get(key).and_then(Value::as_str).map(str::to_owned)
}

/// An integer member, if present and a whole number.
pub(crate) fn integer(object: &Map<String, Value>, key: &str) -> Option<i64> {
    object.get(key).and_then(Value::as_i64)
}

/// A shape error at `item` (or the file).
pub(crate) fn shape(file: &str, item: Option<&str>, message: &str) -> Error {
    let location = match item {
        Some(item) => Location::item(file, item),
        None => Location::file(file),
    };
    Error::new(location, ErrorKind::UnexpectedFormat(message.to_owned()))
}
