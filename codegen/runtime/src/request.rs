//! A request as a value: built from an operation, inspectable, then sent.

use crate::operation::{FieldLocation, Format, Operation};
use crate::path::push_percent;
use crate::probe;
use crate::{Error, Vendor};
use bytes::Bytes;
use serde::Serialize;

/// One call of an operation, ready to send with [`crate::Client::execute`].
///
/// Built by [`crate::Client::request`], which checks and encodes the path
/// parameters; the body is serialized once, so sending it again (a retry)
/// costs no re-encoding. Its `Debug` shows neither path nor body: they can
/// hold phone numbers, and a spec may put a credential in a path.
#[derive(Clone)]
pub struct Request {
    /// Checks the formats of the body's fields.
    vendor: &'static dyn Vendor,
    operation: &'static Operation,
    /// The path and query, percent-encoded, without the base URL.
    path_and_query: String,
    has_query: bool,
    headers: Vec<(&'static str, String)>,
    body: Option<Bytes>,
}

impl Request {
    pub(crate) fn new(
        vendor: &'static dyn Vendor,
        operation: &'static Operation,
        path: String,
    ) -> Result<Self, Error> {
        // An operation whose body is nothing but constants still sends them;
        // one that takes a body gets them from `json`, which writes them anyway.
        let takes_body = operation
            .fields
            .iter()
            .any(|f| f.location == FieldLocation::Body);
        let body = if operation.constants.is_empty() || takes_body {
            None
        } else {
            let mut bytes = Vec::with_capacity(64);
            let written = write_constants(&mut bytes, operation)
                .map_err(|e| Error::invalid("body", e.to_string()).in_operation(operation.name))?;
            bytes.push(b'}');
            written.map(|_| Bytes::from(bytes))
        };
        Ok(Request {
            vendor,
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

    pub(crate) fn body_bytes(&self) -> Option<&Bytes> {
        self.body.as_ref()
    }

    pub(crate) fn headers(&self) -> &[(&'static str, String)] {
        &self.headers
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
        let operation = self.operation;
        check_formats(self.vendor, operation, body)?;
        let invalid = |reason: String| Error::invalid("body", reason).in_operation(operation.name);
        let mut bytes = Vec::with_capacity(128);
        let start = write_constants(&mut bytes, operation).map_err(|e| invalid(e.to_string()))?;
        serde_json::to_writer(&mut bytes, body).map_err(|e| invalid(e.to_string()))?;
        if let Some(start) = start {
            join_constants(&mut bytes, start).map_err(|()| {
                invalid("must be a JSON object to carry the operation's constant fields".into())
            })?;
        }
        self.body = Some(Bytes::from(bytes));
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

impl std::fmt::Debug for Request {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Request")
            .field("operation", &self.operation.name)
            .field("headers", &self.headers.len())
            .field("body_bytes", &self.body.as_ref().map(Bytes::len))
            .finish_non_exhaustive()
    }
}

/// Checks the top-level body fields that have a format, reading them
/// through `Serialize` before anything is written.
fn check_formats<B: Serialize + ?Sized>(
    vendor: &dyn Vendor,
    operation: &Operation,
    body: &B,
) -> Result<(), Error> {
    let format_of = |key: &str| {
        operation
            .fields
            .iter()
            .find(|f| f.location == FieldLocation::Body && f.name == key)
            .and_then(|f| Some((f.name, f.format?)))
    };
    if !operation
        .fields
        .iter()
        .any(|f| f.location == FieldLocation::Body && f.format.is_some())
    {
        return Ok(());
    }
    probe::string_fields(
        body,
        &|key| format_of(key).is_some(),
        &mut |key, text| match format_of(key) {
            Some((name, format)) => check_format(vendor, name, format, text),
            None => Ok(()),
        },
    )
    .map_err(|e| e.in_operation(operation.name))
}

/// Checks `value` of `field` against `format`, as the vendor defines it.
pub(crate) fn check_format(
    vendor: &dyn Vendor,
    field: &str,
    format: Format,
    value: &str,
) -> Result<(), Error> {
    vendor
        .check_format(format.name(), value)
        .map_err(|reason| Error::invalid(field, reason))
}

/// Writes `{` and the operation's constant fields (`{"action":"call"`), and
/// returns where the body will start; `None` when there are no constants.
fn write_constants(out: &mut Vec<u8>, operation: &Operation) -> serde_json::Result<Option<usize>> {
    if operation.constants.is_empty() {
        return Ok(None);
    }
    out.push(b'{');
    for (i, (key, value)) in operation.constants.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        serde_json::to_writer(&mut *out, key)?;
        out.push(b':');
        serde_json::to_writer(&mut *out, value)?;
    }
    Ok(Some(out.len()))
}

/// Joins the constants written before `start` with the object serialized
/// after it: `{"action":"call"` + `{"to":..}` becomes `{"action":"call","to":..}`.
fn join_constants(out: &mut Vec<u8>, start: usize) -> Result<(), ()> {
    match out.get(start..) {
        Some(b"{}") => {
            out.truncate(start);
            out.push(b'}');
            Ok(())
        }
        Some([b'{', ..]) => {
            out[start] = b',';
            Ok(())
        }
        _ => Err(()),
    }
}

/// Percent-encodes everything but unreserved characters, as form encoding
/// of query strings expects (`+` and `&` in values stay data).
fn push_query_component(out: &mut String, text: &str) {
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(byte));
        } else {
            push_percent(out, byte);
        }
    }
}
