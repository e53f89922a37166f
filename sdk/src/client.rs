//! The client: configuration shared by every call, and the one place where a
//! request is sent.

use crate::credentials::Credentials;
use crate::runtime::{Auth, Operation, PathPart, Request, Response, check_segment, push_encoded};
use crate::{ClientBuilder, Error, ErrorKind};
use bytes::Bytes;
use reqwest::StatusCode;
use reqwest::header::{ACCEPT, CONTENT_TYPE, HeaderName, HeaderValue, USER_AGENT};
use std::fmt;
use std::sync::Arc;

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
    /// order of [`Operation::params`]. Generated methods call this; it is
    /// public for sending a hand-built request.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidInput`] when a parameter is missing, empty or a dot
    /// segment (`.` or `..`).
    pub fn request(&self, operation: &'static Operation, args: &[&str]) -> Result<Request, Error> {
        let invalid = |e: Error| e.in_operation(operation.name);
        if args.len() != operation.params.len() {
            return Err(invalid(Error::invalid(
                "path parameters",
                format!("expected {}, got {}", operation.params.len(), args.len()),
            )));
        }
        let mut path = String::with_capacity(64);
        for part in operation.path {
            match *part {
                PathPart::Literal(text) => path.push_str(text),
                PathPart::Param(i) => {
                    let (name, value) = match (operation.params.get(i), args.get(i)) {
                        (Some(name), Some(value)) => (*name, *value),
                        _ => {
                            return Err(invalid(Error::invalid(
                                "path",
                                "parameter index out of range",
                            )));
                        }
                    };
                    check_segment(name, value).map_err(invalid)?;
                    push_encoded(&mut path, value);
                }
                PathPart::Username => push_encoded(&mut path, &self.inner.credentials.auth_id),
                PathPart::Password => push_encoded(&mut path, self.inner.credentials.auth_token()),
            }
        }
        Request::new(operation, path)
    }

    /// Sends `request` and returns the response when its status is 2xx.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Transport`] when the request cannot be sent or the
    /// response read; [`ErrorKind::Api`] for any other status, with Plivo's
    /// `api_id` and message when the body carries them and the raw body always.
    pub async fn execute(&self, request: Request) -> Result<Response, Error> {
        let operation = request.operation;
        let fail = |e: Error| e.in_operation(operation.name);
        let url = format!("{}{}", self.inner.base_url, request.path_and_query);
        let url = reqwest::Url::parse(&url)
            .map_err(|e| fail(Error::invalid("url", format!("`{url}` is not a URL: {e}"))))?;
        let mut builder = self
            .inner
            .http
            .request(operation.method.clone(), url)
            .header(ACCEPT, HeaderValue::from_static("application/json"))
            .header(USER_AGENT, self.inner.user_agent.clone());
        if operation.auth == Auth::Basic {
            builder = builder.header(
                reqwest::header::AUTHORIZATION,
                self.inner.credentials.header.clone(),
            );
        }
        for (name, value) in &request.headers {
            let name = HeaderName::try_from(*name)
                .map_err(|_| fail(Error::invalid(*name, "is not a valid header name")))?;
            let value = HeaderValue::try_from(value.as_str())
                .map_err(|_| fail(Error::invalid(name.as_str(), "is not a valid header value")))?;
            builder = builder.header(name, value);
        }
        if let Some(body) = request.body {
            builder = builder
                .header(CONTENT_TYPE, HeaderValue::from_static("application/json"))
                .body(body);
        }
        let response = builder
            .send()
            .await
            .map_err(|e| fail(Error::transport(e)))?;
        let status = response.status();
        let body = response
            .bytes()
            .await
            .map_err(|e| fail(Error::transport(e)))?;
        if status.is_success() {
            Ok(Response {
                operation,
                status,
                body,
            })
        } else {
            Err(fail(api_error(status, body)))
        }
    }
}

/// An error from a non-2xx answer: Plivo's `{"api_id", "error"}` when the body
/// has it, the raw body always.
fn api_error(status: StatusCode, body: Bytes) -> Error {
    #[derive(serde::Deserialize)]
    struct Body {
        api_id: Option<String>,
        error: Option<serde_json::Value>,
        message: Option<String>,
    }
    let parsed = serde_json::from_slice::<Body>(&body).ok();
    let api_id = parsed.as_ref().and_then(|b| b.api_id.clone());
    let message = parsed.and_then(|b| {
        let error = match b.error {
            Some(serde_json::Value::String(s)) => Some(s),
            Some(serde_json::Value::Null) | None => None,
            Some(other) => Some(other.to_string()),
        };
        error
            .filter(|s| !s.is_empty())
            .or(b.message.filter(|s| !s.is_empty()))
    });
    Error::new(ErrorKind::Api {
        status,
        api_id,
        message,
        body,
    })
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("base_url", &self.inner.base_url)
            .field("credentials", &self.inner.credentials)
            .finish_non_exhaustive()
    }
}
