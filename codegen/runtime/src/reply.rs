//! A decoded body with the response it came in.

use crate::{Headers, StatusCode};
use std::ops::Deref;

/// What a call's [`crate::Call::with_response`] gives: the decoded body, and
/// the status, headers and request id of the 2xx response it came in.
///
/// Derefs to the body, so `reply.field` reads like the plain call's value.
#[derive(Debug, Clone)]
pub struct Reply<T> {
    pub(crate) status: StatusCode,
    pub(crate) headers: Headers,
    pub(crate) request_id: Option<String>,
    pub(crate) body: T,
}

impl<T> Reply<T> {
    /// The HTTP status (2xx).
    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// The response's headers.
    pub fn headers(&self) -> &Headers {
        &self.headers
    }

    /// The API's id for this request: the header the vendor names
    /// ([`crate::Vendor::request_id_header`]) when the response has it, else
    /// the top-level body field it names ([`crate::Vendor::request_id_field`]).
    pub fn request_id(&self) -> Option<&str> {
        self.request_id.as_deref()
    }

    /// The decoded body.
    pub fn body(&self) -> &T {
        &self.body
    }

    /// The decoded body, the rest dropped.
    pub fn into_body(self) -> T {
        self.body
    }

    /// The decoded body and the headers, taken apart.
    pub fn into_parts(self) -> (T, Headers) {
        (self.body, self.headers)
    }
}

impl<T> Deref for Reply<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.body
    }
}

/// The request id of a response: the vendor's header, else its body field.
pub(crate) fn request_id(
    vendor: &dyn crate::Vendor,
    headers: &Headers,
    body: &[u8],
) -> Option<String> {
    if let Some(id) = vendor.request_id_header().and_then(|h| headers.get(h)) {
        return Some(id.to_owned());
    }
    let field = vendor.request_id_field()?;
    match serde_json::from_slice(body) {
        Ok(serde_json::Value::Object(mut map)) => match map.remove(field) {
            Some(serde_json::Value::String(id)) => Some(id),
            _ => None,
        },
        _ => None,
    }
}
