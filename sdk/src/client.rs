//! The client: configuration shared by every call, and the one place where a
//! request is sent.

use crate::credentials::Credentials;
use crate::retry::{Jitter, RetryPolicy};
use crate::runtime::{
    FieldLocation, Operation, PathPart, Request, Response, check, check_segment, push_encoded,
};
use crate::transport;
use crate::{ClientBuilder, Error};
use reqwest::header::HeaderValue;
use std::fmt;
use std::sync::Arc;
use std::time::Duration;

/// A client for the PHLO API.
///
/// Cheap to clone: clones share one connection pool and configuration. The
/// API's operations hang off it as resource handles, for example
/// `client.phlo(phlo_id).multi_party_call(node_id).add_user(&request)`.
#[derive(Clone)]
pub struct Client {
    pub(crate) inner: Arc<Inner>,
}

pub(crate) struct Inner {
    pub(crate) http: reqwest::Client,
    /// Scheme, host and optional path prefix, without a trailing `/`.
    pub(crate) base_url: String,
    pub(crate) credentials: Credentials,
    pub(crate) user_agent: HeaderValue,
    pub(crate) retry: RetryPolicy,
    pub(crate) jitter: Jitter,
    /// Limit for a whole call, retries and waits included.
    pub(crate) timeout: Duration,
    /// Limit for one attempt, from connecting to the end of the body.
    pub(crate) attempt_timeout: Duration,
    pub(crate) max_response_bytes: usize,
}

impl Client {
    /// A client with default settings for the given Auth ID and Auth Token.
    ///
    /// # Errors
    ///
    /// Fails when a credential is empty or holds control characters, or the
    /// HTTP client cannot be set up.
    pub fn new(auth_id: impl Into<String>, auth_token: impl Into<String>) -> Result<Self, Error> {
        ClientBuilder::new(auth_id, auth_token).build()
    }

    /// A client with credentials from `PLIVO_AUTH_ID` and `PLIVO_AUTH_TOKEN`.
    ///
    /// # Errors
    ///
    /// Fails when either variable is unset or not valid, as [`Client::new`] does.
    pub fn from_env() -> Result<Self, Error> {
        ClientBuilder::from_env()?.build()
    }

    /// A builder to set the base URL, timeouts, user agent or HTTP client.
    pub fn builder(auth_id: impl Into<String>, auth_token: impl Into<String>) -> ClientBuilder {
        ClientBuilder::new(auth_id, auth_token)
    }

    /// The base URL every request goes to.
    pub fn base_url(&self) -> &str {
        &self.inner.base_url
    }

    /// The Auth ID this client authenticates as.
    pub fn auth_id(&self) -> &str {
        &self.inner.credentials.auth_id
    }

    /// Builds a request for `operation` with its path parameters, in the
    /// order of [`Operation::fields`]. Generated methods call this; it is
    /// public for sending a hand-built request.
    ///
    /// # Errors
    ///
    /// [`crate::ErrorKind::InvalidInput`] when a parameter is missing, empty, a
    /// dot segment (`.` or `..`), or not in the format the spec requires.
    pub fn request(&self, operation: &'static Operation, args: &[&str]) -> Result<Request, Error> {
        let invalid = |e: Error| e.in_operation(operation.name);
        let params = operation
            .fields
            .iter()
            .take_while(|f| f.location == FieldLocation::Path)
            .count();
        if args.len() != params {
            return Err(invalid(Error::invalid(
                "path parameters",
                format!("expected {params}, got {}", args.len()),
            )));
        }
        // Room for the literals and the arguments, so the path grows once.
        let literals: usize = operation
            .path
            .iter()
            .map(|part| match part {
                PathPart::Literal(text) => text.len(),
                _ => 0,
            })
            .sum();
        let arguments: usize = args.iter().map(|a| a.len()).sum();
        let mut path = String::with_capacity(literals + arguments + 32);
        for part in operation.path {
            match *part {
                PathPart::Literal(text) => path.push_str(text),
                PathPart::Param(i) => {
                    let (field, value) = match (operation.fields.get(i), args.get(i)) {
                        (Some(field), Some(value)) => (field, *value),
                        _ => {
                            return Err(invalid(Error::invalid(
                                "path",
                                "parameter index out of range",
                            )));
                        }
                    };
                    check_segment(field.name, value).map_err(invalid)?;
                    if let Some(format) = field.format {
                        check(field.name, format, value).map_err(invalid)?;
                    }
                    push_encoded(&mut path, value);
                }
                PathPart::Username => push_encoded(&mut path, &self.inner.credentials.auth_id),
                PathPart::Password => push_encoded(&mut path, self.inner.credentials.auth_token()),
            }
        }
        // Appended to the base URL, a path that does not start with `/` could
        // turn the base's host into user info (`https://base` + `@other.host`).
        if !path.starts_with('/') {
            path.insert(0, '/');
        }
        Request::new(operation, path)
    }

    /// Sends `request` and returns the response when its status is 2xx,
    /// retrying as the client's [`crate::RetryPolicy`] allows.
    ///
    /// # Errors
    ///
    /// [`crate::ErrorKind::Transport`] when the request cannot be sent or the
    /// response read; [`crate::ErrorKind::Api`] for any other status, with
    /// Plivo's `api_id` and message when the body carries them and the raw
    /// body always; [`crate::ErrorKind::ResponseTooLarge`] and
    /// [`crate::ErrorKind::Timeout`] at the configured limits. Each says how
    /// many attempts were made and whether the request may have been acted on
    /// ([`crate::Error::delivery`]).
    pub async fn execute(&self, request: Request) -> Result<Response, Error> {
        transport::execute(&self.inner, request).await
    }
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("base_url", &self.inner.base_url)
            .field("credentials", &self.inner.credentials)
            .field("retry", &self.inner.retry)
            .field("timeout", &self.inner.timeout)
            .field("attempt_timeout", &self.inner.attempt_timeout)
            .finish_non_exhaustive()
    }
}
