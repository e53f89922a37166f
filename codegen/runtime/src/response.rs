//! A successful response, decoded into what the operation returns.

use crate::operation::Operation;
use crate::{Delivery, Error, ErrorKind};
use crate::{Headers, StatusCode};
use bytes::Bytes;
use serde::de::DeserializeOwned;

/// A 2xx response, body read in full.
#[derive(Debug, Clone)]
pub struct Response {
    pub(crate) operation: &'static Operation,
    pub(crate) status: StatusCode,
    pub(crate) headers: Headers,
    pub(crate) body: Bytes,
    /// Attempts the call took, retries included: a body that then fails to
    /// decode reports them all.
    pub(crate) attempts: u32,
}

impl Response {
    /// The HTTP status.
    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// The headers.
    pub fn headers(&self) -> &Headers {
        &self.headers
    }

    /// The body exactly as received.
    pub fn body(&self) -> &[u8] {
        &self.body
    }

    /// Decodes the JSON body.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Decode`], with the status and the raw body, when the body
    /// is not JSON of type `T`.
    pub fn json<T: DeserializeOwned>(self) -> Result<T, Error> {
        serde_json::from_slice(&self.body).map_err(|e| self.decode_error(e.to_string()))
    }

    /// Decodes any JSON; an empty body is `null`.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Decode`] when the body is not JSON.
    pub fn json_or_null(self) -> Result<serde_json::Value, Error> {
        if self.body.iter().all(u8::is_ascii_whitespace) {
            return Ok(serde_json::Value::Null);
        }
        self.json()
    }

    /// Accepts the response whatever its body.
    ///
    /// # Errors
    ///
    /// Never; the signature matches the other decoders.
    pub fn empty(self) -> Result<(), Error> {
        Ok(())
    }

    /// The body as bytes, whatever it holds: for a response the spec asks
    /// for in a type that is neither JSON nor text (`application/pdf`,
    /// `image/png`).
    ///
    /// # Errors
    ///
    /// Never; the signature matches the other decoders.
    pub fn bytes(self) -> Result<Vec<u8>, Error> {
        Ok(self.body.to_vec())
    }

    /// The body as text.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Decode`] when the body is not UTF-8.
    pub fn text(self) -> Result<String, Error> {
        match std::str::from_utf8(&self.body) {
            Ok(text) => Ok(text.to_owned()),
            Err(e) => Err(self.decode_error(format!("body is not UTF-8: {e}"))),
        }
    }

    fn decode_error(&self, reason: String) -> Error {
        Error::new(ErrorKind::Decode {
            status: self.status,
            reason,
            body: self.body.clone(),
        })
        .after_attempts(self.attempts, Delivery::Processed)
        .in_operation(self.operation.name)
    }
}
