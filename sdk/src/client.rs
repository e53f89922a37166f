//! The PHLO client: the runtime's client, with Plivo's credentials and
//! defaults, and the generated resource handles hanging off it.

use crate::ClientBuilder;
use crate::runtime::{Error, Operation, Request, Response};
use std::fmt;
use std::future::Future;

/// A client for the PHLO API.
///
/// Cheap to clone: clones share one connection pool and configuration. The
/// API's operations hang off it as resource handles, for example
/// `client.phlo(phlo_id).multi_party_call(node_id).add_user(&request)`.
#[derive(Clone)]
pub struct Client {
    inner: postman_runtime::Client,
}

impl Client {
    pub(crate) fn from_runtime(inner: postman_runtime::Client) -> Self {
        Client { inner }
    }

    /// A client with default settings for the given Auth ID and Auth Token.
    ///
    /// # Errors
    ///
    /// Fails when a credential is empty or holds control characters, the
    /// Auth ID is not of the shape Plivo issues, or the HTTP client cannot
    /// be set up.
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
        self.inner.base_url()
    }

    /// The Auth ID this client authenticates as.
    pub fn auth_id(&self) -> &str {
        self.inner.username()
    }

    /// Builds a request for `operation` with its path parameters, in the
    /// order of [`Operation::fields`]. Generated methods call this; it is
    /// public for sending a hand-built request.
    ///
    /// # Errors
    ///
    /// [`crate::ErrorKind::InvalidInput`] when a parameter is missing, empty, a
    /// dot segment (`.` or `..`), or not in the format the spec requires.
    pub fn request<S: AsRef<str>>(
        &self,
        operation: &'static Operation,
        args: &[S],
    ) -> Result<Request, Error> {
        self.inner.request(operation, args)
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
    ///
    /// The future borrows nothing: it can be spawned or joined with others.
    pub fn execute(
        &self,
        request: Request,
    ) -> impl Future<Output = Result<Response, Error>> + Send + 'static {
        self.inner.execute(request)
    }
}

/// The generated code's way in: its handles hold the runtime's client.
impl AsRef<postman_runtime::Client> for Client {
    fn as_ref(&self) -> &postman_runtime::Client {
        &self.inner
    }
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.inner, f)
    }
}
