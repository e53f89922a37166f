//! A request as a value: built from an operation, inspectable, then sent.

mod bodies;
mod page;

use crate::body::JsonObject;
use crate::operation::Operation;
use crate::path::push_percent;
use crate::payload::Payload;
use crate::{Error, Vendor};
use bytes::Bytes;
use reqwest::header::HeaderValue;
use serde::Serialize;

/// One call of an operation, ready to send with [`crate::Client::execute`].
///
/// Built by [`crate::Client::request`], which checks and encodes the path
/// parameters; the body (JSON, a form, multipart parts, text, a file or a
/// GraphQL query; see the setters below) is encoded once, so sending it
/// again (a retry) costs no re-encoding. A body with a streamed
/// [`crate::Upload`] is read as it is sent, so such a request is never
/// retried. Its `Debug` shows neither path nor body: they can
/// hold phone numbers, and a spec may put a credential in a path.
#[derive(Clone)]
pub struct Request {
    /// Checks the formats of the body's fields, for [`JsonObject`].
    vendor: &'static dyn Vendor,
    operation: &'static Operation,
    /// The path and query, percent-encoded, without the base URL.
    path_and_query: String,
    has_query: bool,
    headers: Vec<(&'static str, String)>,
    body: Option<Payload>,
}

impl Request {
    pub(crate) fn new(
        vendor: &'static dyn Vendor,
        operation: &'static Operation,
        path: String,
    ) -> Self {
        Request {
            vendor,
            operation,
            path_and_query: path,
            has_query: false,
            headers: Vec::new(),
            body: None,
        }
    }

    /// The operation this request calls.
    pub fn operation(&self) -> &'static Operation {
        self.operation
    }

    /// The encoded path and query, such as `/v1/phlo/p1/multi_party_call/n1`.
    pub fn path_and_query(&self) -> &str {
        &self.path_and_query
    }

    /// The body, if the request has one held in memory (a streamed upload
    /// is not: it is read as the request is sent).
    pub fn body(&self) -> Option<&[u8]> {
        self.body.as_ref()?.as_bytes().map(|b| &b[..])
    }

    /// The body's content type, if the request has a body.
    pub fn content_type(&self) -> Option<&str> {
        self.body.as_ref()?.content_type.to_str().ok()
    }

    /// Whether a failed attempt may be sent again: false once the body
    /// streams an upload, which can be read only once.
    pub fn is_replayable(&self) -> bool {
        self.body.as_ref().is_none_or(Payload::is_replayable)
    }

    /// The content type and body of one attempt.
    pub(crate) fn http_body(&self) -> Option<(HeaderValue, reqwest::Body)> {
        let body = self.body.as_ref()?;
        Some((body.content_type.clone(), body.http_body()))
    }

    pub(crate) fn headers(&self) -> &[(&'static str, String)] {
        &self.headers
    }

    /// The `Accept` header: the operation's own, else `application/json`
    /// (also for a hand-built descriptor whose value no header can carry).
    pub(crate) fn accept(&self) -> HeaderValue {
        declared(self.operation.accept, JSON)
    }

    /// The content type of a body whose kind defaults to `default`: the
    /// operation's own, where it declares one.
    pub(crate) fn body_type(&self, default: HeaderValue) -> HeaderValue {
        declared(self.operation.content_type, default)
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

    /// Sets the body to `body` serialized as JSON, exactly as `serde_json`
    /// writes it: nothing is added or checked. For an object body that must
    /// carry the operation's constants, or fields with a format, use
    /// [`Request::json_object`].
    ///
    /// # Errors
    ///
    /// Fails when the body cannot be serialized as JSON (a map with
    /// non-string keys, for example).
    pub fn json<B: Serialize + ?Sized>(mut self, body: &B) -> Result<Self, Error> {
        let mut bytes = Vec::with_capacity(128);
        serde_json::to_writer(&mut bytes, body)
            .map_err(|e| Error::invalid("body", e.to_string()).in_operation(self.operation.name))?;
        self.body = Some(Payload::bytes(self.body_type(JSON), Bytes::from(bytes)));
        Ok(self)
    }

    /// Sets the body to the JSON object that `write` writes, field by field:
    /// generated methods write the operation's constants, then the caller's
    /// body through its [`crate::WriteJson`] implementation, which checks the
    /// formats of its fields.
    ///
    /// ```
    /// # use postman_runtime::{Client, Method, Operation, PathPart, Vendor, WriteJson};
    /// # #[derive(Debug)] struct Acme;
    /// # impl Vendor for Acme { fn name(&self) -> &'static str { "acme" } }
    /// # static ACME: Acme = Acme;
    /// static PLACE: Operation =
    ///     Operation::new("place", Method::POST, &[PathPart::Literal("/orders")]);
    /// let client = Client::builder(&ACME, "user", "secret")
    ///     .base_url("https://api.acme.example")
    ///     .build()?;
    /// let extra = serde_json::json!({"note": "fragile"});
    /// let request = client.request(&PLACE, &[] as &[&str])?.json_object(|object| {
    ///     object.field("action", "place")?;
    ///     object.field("count", &2)?;
    ///     extra.as_object().into_iter().try_for_each(|map| map.write_json(object))
    /// })?;
    /// assert_eq!(
    ///     request.body(),
    ///     Some(&br#"{"action":"place","count":2,"note":"fragile"}"#[..])
    /// );
    /// # Ok::<(), postman_runtime::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// What `write` returns, with the operation's name added.
    pub fn json_object<F>(mut self, write: F) -> Result<Self, Error>
    where
        F: FnOnce(&mut JsonObject<'_>) -> Result<(), Error>,
    {
        let mut bytes = Vec::with_capacity(128);
        bytes.push(b'{');
        write(&mut JsonObject::new(self.vendor, &mut bytes))
            .map_err(|e| e.in_operation(self.operation.name))?;
        bytes.push(b'}');
        self.body = Some(Payload::bytes(self.body_type(JSON), Bytes::from(bytes)));
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
            .field("body_bytes", &self.body().map(<[u8]>::len))
            .finish_non_exhaustive()
    }
}

/// `value` as a header value, else `default`.
fn declared(value: Option<&'static str>, default: HeaderValue) -> HeaderValue {
    // `from_static` neither copies nor allocates, as `from_str` does on
    // every call; it panics on what `is_header_text` refuses first.
    match value {
        Some(v) if is_header_text(v) => HeaderValue::from_static(v),
        _ => default,
    }
}

/// The usual content types, checked once at compile time rather than per
/// request.
pub(crate) const JSON: HeaderValue = HeaderValue::from_static("application/json");
pub(crate) const FORM: HeaderValue = HeaderValue::from_static("application/x-www-form-urlencoded");

/// Whether `HeaderValue::from_static` takes `text`: visible ASCII, spaces
/// and tabs.
fn is_header_text(text: &str) -> bool {
    text.bytes()
        .all(|b| b == b'\t' || (b' '..=b'~').contains(&b))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_declared_type_is_sent_as_declared_and_a_bad_one_never_panics() {
        assert_eq!(declared(Some("text/csv"), JSON), "text/csv");
        assert_eq!(declared(None, JSON), "application/json");
        for bad in ["text/csv\r\nX-Evil: 1", "text/\u{e9}", "a\u{7f}"] {
            assert_eq!(declared(Some(bad), JSON), "application/json");
        }
        assert_eq!(declared(Some("a;\tb=c"), FORM), "a;\tb=c");
    }
}
