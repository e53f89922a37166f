//! A request as a value: built from an operation, inspectable, then sent.

use super::operation::{Constant, FieldLocation, Operation};
use super::validate::check;
use crate::Error;
use bytes::Bytes;
use serde::Serialize;

/// One call of an operation, ready to send with [`crate::Client::execute`].
///
/// Built by [`crate::Client::request`], which checks and encodes the path
/// parameters; the body is serialized once, so sending it again (a retry)
/// costs no re-encoding.
#[derive(Debug, Clone)]
pub struct Request {
    pub(crate) operation: &'static Operation,
    /// The path and query, percent-encoded, without the base URL.
    pub(crate) path_and_query: String,
    pub(crate) has_query: bool,
    pub(crate) headers: Vec<(&'static str, String)>,
    pub(crate) body: Option<Bytes>,
}

impl Request {
    pub(crate) fn new(operation: &'static Operation, path: String) -> Result<Self, Error> {
        // An operation whose body is nothing but constants still sends them.
        let body = if operation.constants.is_empty() {
            None
        } else {
            Some(serialize(operation, &Constants(operation.constants))?)
        };
        Ok(Request {
            operation,
            path_and_query: path,
            has_query: false,
            headers: Vec::new(),
            body,
        })
    }

    /// The operation this request calls.
    pub fn operation(&self) -> &'static Operation {
        self.operation
    }

    /// The encoded path and query, such as `/v1/phlo/p1/multi_party_call/n1`.
    pub fn path_and_query(&self) -> &str {
        &self.path_and_query
    }

    /// The JSON body, if the request has one.
    pub fn body(&self) -> Option<&[u8]> {
        self.body.as_deref()
    }

    /// Adds a query parameter; `None` adds nothing.
    pub fn query(mut self, key: &'static str, value: Option<&str>) -> Self {
        if let Some(value) = value {
            self.push_query(key, value);
        }
        self
    }

    /// Adds a query parameter once per value.
    pub fn query_all(mut self, key: &'static str, values: &[String]) -> Self {
        for value in values {
            self.push_query(key, value);
        }
        self
    }

    /// Adds a header; `None` adds nothing.
    pub fn header(mut self, name: &'static str, value: Option<&str>) -> Self {
        if let Some(value) = value {
            self.headers.push((name, value.to_owned()));
        }
        self
    }

    /// Adds a header once per value.
    pub fn header_all(mut self, name: &'static str, values: &[String]) -> Self {
        for value in values {
            self.headers.push((name, value.clone()));
        }
        self
    }

    /// Sets the JSON body; the operation's constant fields are added to it.
    ///
    /// # Errors
    ///
    /// Fails when the body cannot be serialized as JSON (a map with
    /// non-string keys, a non-finite float), or when constants must be added
    /// to a body that is not a JSON object.
    pub fn json<B: Serialize + ?Sized>(mut self, body: &B) -> Result<Self, Error> {
        check_body(self.operation, body)?;
        let bytes = if self.operation.constants.is_empty() {
            serialize(self.operation, body)?
        } else {
            let merged = WithConstants {
                constants: Constants(self.operation.constants),
                body,
            };
            serialize(self.operation, &merged)?
        };
        self.body = Some(bytes);
        Ok(self)
    }

    fn push_query(&mut self, key: &str, value: &str) {
        self.path_and_query
            .push(if self.has_query { '&' } else { '?' });
        self.has_query = true;
        push_query_component(&mut self.path_and_query, key);
        self.path_and_query.push('=');
        push_query_component(&mut self.path_and_query, value);
    }
}

/// Checks the body fields that have a format. Only operations with such
/// fields pay for the extra look at the body.
fn check_body<B: Serialize + ?Sized>(operation: &Operation, body: &B) -> Result<(), Error> {
    let mut checked = operation
        .fields
        .iter()
        .filter(|f| f.location == FieldLocation::Body)
        .filter_map(|f| Some((f.name, f.format?)))
        .peekable();
    if checked.peek().is_none() {
        return Ok(());
    }
    let value = serde_json::to_value(body)
        .map_err(|e| Error::invalid("body", e.to_string()).in_operation(operation.name))?;
    for (name, format) in checked {
        match value.get(name) {
            Some(serde_json::Value::String(text)) => {
                check(name, format, text).map_err(|e| e.in_operation(operation.name))?;
            }
            Some(serde_json::Value::Null) | None => {}
            Some(_) => {
                return Err(Error::invalid(name, "must be a string").in_operation(operation.name));
            }
        }
    }
    Ok(())
}

fn serialize<B: Serialize + ?Sized>(operation: &Operation, body: &B) -> Result<Bytes, Error> {
    serde_json::to_vec(body)
        .map(Bytes::from)
        .map_err(|e| Error::invalid("body", e.to_string()).in_operation(operation.name))
}

/// Percent-encodes everything but unreserved characters, as form encoding
/// of query strings expects (`+` and `&` in values stay data).
fn push_query_component(out: &mut String, text: &str) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(byte));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(byte >> 4)]));
            out.push(char::from(HEX[usize::from(byte & 0x0f)]));
        }
    }
}

/// Constant fields, serialized as a JSON object.
struct Constants(&'static [(&'static str, Constant)]);

impl Serialize for Constants {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (key, value) in self.0 {
            map.serialize_entry(key, value)?;
        }
        map.end()
    }
}

/// The caller's body with the operation's constants in front.
#[derive(Serialize)]
struct WithConstants<'a, B: ?Sized> {
    #[serde(flatten)]
    constants: Constants,
    #[serde(flatten)]
    body: &'a B,
}
