//! A local stand-in for Plivo's PHLO API, built from the same spec as the
//! client (enable the `mock` feature): the runtime's spec-driven mock
//! ([`postman_runtime::mock`]), serving [`crate::operations::ALL`] with
//! Plivo's credentials, error shape and wording.
//!
//! Each call is checked the way the spec describes it, and answered with
//! the spec's example response:
//!
//! | request | answer |
//! |---|---|
//! | no or wrong Basic auth | 401 |
//! | unknown path | 404 |
//! | known path, wrong method | 405 |
//! | a required field missing | 400 `to is a mandatory param.` |
//! | a value outside an enum, a bad phone number, a wrong constant | 400 `Invalid value provided for role.` |
//! | otherwise | the example's status and body |
//!
//! Errors have Plivo's shape, `{"api_id": "...", "error": "..."}`. A body
//! must be declared `Content-Type: application/json` (else 415) and be
//! well-formed (else 400). The server records the requests it answers (the
//! first 10 000, without the bodies of refused ones), and can be told to
//! answer the next calls of an operation with a status of your choosing (429
//! with `Retry-After`, 500, ...) to test your own error handling.
//!
//! Whatever its clients do, it stays responsive and its memory flat:
//! connections, timeouts, body size and what is recorded are bounded by
//! [`MockLimits`].
//!
//! ```
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), Box<dyn std::error::Error>> {
//! use plivo::mock::{MockResponse, MockServer};
//!
//! let mock = MockServer::start().await?;
//! let client = mock.client()?;
//! mock.respond_next("hold", 1, MockResponse::plivo_error(500, "try again"));
//! let member = client.phlo("p").multi_party_call("n").member("+14155551234");
//! assert!(member.hold().await.is_err());
//! assert!(member.hold().await.is_ok());
//! assert_eq!(mock.requests().len(), 2);
//! # Ok(())
//! # }
//! ```

use crate::vendor::{AUTH_ID_VAR, PLIVO};
use crate::{Client, ClientBuilder, Error};
use postman_runtime::mock::MockApi;
pub use postman_runtime::mock::{MockLimits, RecordedRequest};
use std::net::SocketAddr;

/// A mock server on 127.0.0.1; it stops when dropped.
#[derive(Debug)]
pub struct MockServer {
    inner: postman_runtime::mock::MockServer,
}

/// An answer to give instead of the spec's example.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MockResponse {
    inner: postman_runtime::mock::MockResponse,
}

impl MockResponse {
    /// An answer with `status` and an empty body.
    pub fn status(status: u16) -> Self {
        MockResponse {
            inner: postman_runtime::mock::MockResponse::status(status),
        }
    }

    /// An answer with Plivo's error shape: `{"api_id": ..., "error": message}`.
    pub fn plivo_error(status: u16, message: &str) -> Self {
        let body =
            serde_json::json!({"api_id": "00000000-0000-4000-8000-000000000000", "error": message});
        MockResponse::status(status)
            .header("content-type", "application/json")
            .body(body.to_string())
    }

    /// Adds a header, such as `Retry-After: 1`.
    #[must_use]
    pub fn header(self, name: &str, value: &str) -> Self {
        MockResponse {
            inner: self.inner.header(name, value),
        }
    }

    /// Sets the body.
    #[must_use]
    pub fn body(self, body: impl Into<String>) -> Self {
        MockResponse {
            inner: self.inner.body(body),
        }
    }
}

impl MockServer {
    /// The Auth ID [`MockServer::start`] accepts.
    pub const AUTH_ID: &'static str = "MAMOCKMOCKMOCKMOCK00";
    /// The Auth Token [`MockServer::start`] accepts.
    pub const AUTH_TOKEN: &'static str = "mock-auth-token";

    /// Starts a mock on a free port of 127.0.0.1 that accepts
    /// [`MockServer::AUTH_ID`] and [`MockServer::AUTH_TOKEN`].
    ///
    /// # Errors
    ///
    /// Fails when no port can be bound.
    pub async fn start() -> std::io::Result<Self> {
        Self::start_with(MockLimits::default()).await
    }

    /// As [`MockServer::start`], within `limits` instead of the defaults.
    ///
    /// # Errors
    ///
    /// Fails when no port can be bound.
    pub async fn start_with(limits: MockLimits) -> std::io::Result<Self> {
        let addr = ([127, 0, 0, 1], 0).into();
        Self::bind_with(addr, Self::AUTH_ID, Self::AUTH_TOKEN, limits).await
    }

    /// Starts a mock on `addr` that accepts the given credentials.
    ///
    /// # Errors
    ///
    /// Fails when the address cannot be bound or the credentials are not
    /// ones a client would accept.
    pub async fn bind(addr: SocketAddr, auth_id: &str, auth_token: &str) -> std::io::Result<Self> {
        Self::bind_with(addr, auth_id, auth_token, MockLimits::default()).await
    }

    /// As [`MockServer::bind`], within `limits` instead of the defaults.
    ///
    /// # Errors
    ///
    /// As [`MockServer::bind`].
    pub async fn bind_with(
        addr: SocketAddr,
        auth_id: &str,
        auth_token: &str,
        limits: MockLimits,
    ) -> std::io::Result<Self> {
        let api = MockApi::new(&PLIVO, crate::operations::ALL);
        let inner =
            postman_runtime::mock::MockServer::bind(api, addr, auth_id, auth_token, limits).await?;
        Ok(MockServer { inner })
    }

    /// `http://127.0.0.1:<port>`: the base URL to give a client.
    pub fn base_url(&self) -> String {
        self.inner.base_url()
    }

    /// A client with the mock's base URL and credentials.
    ///
    /// # Errors
    ///
    /// As [`crate::ClientBuilder::build`].
    pub fn client(&self) -> Result<Client, Error> {
        ClientBuilder::from_runtime(self.inner.client_builder()).build()
    }

    /// The requests answered so far, in order, up to the recording limits
    /// of [`MockLimits`] (the first 10 000 by default). The body is kept
    /// only for requests that passed routing, authentication and the
    /// content-type check.
    pub fn requests(&self) -> Vec<RecordedRequest> {
        self.inner.requests()
    }

    /// How many requests were answered but not kept by
    /// [`MockServer::requests`], the recording limits being reached.
    pub fn dropped_requests(&self) -> u64 {
        self.inner.dropped_requests()
    }

    /// Answers the next `times` calls of `operation` (a name such as
    /// `add_user`, see [`crate::runtime::Operation::name`]) with `response`
    /// instead of the spec's example, after the auth check.
    pub fn respond_next(&self, operation: &str, times: usize, response: MockResponse) {
        self.inner.respond_next(operation, times, response.inner);
    }
}

/// A client for Plivo's API when `PLIVO_AUTH_ID` is set (with
/// `PLIVO_AUTH_TOKEN`; `PLIVO_BASE_URL` overrides the base), else for a
/// mock started here, returned beside it. For examples and first steps that
/// must work with no account.
///
/// # Errors
///
/// Fails when the credentials or base URL are not valid, or the mock cannot
/// start.
pub async fn client_from_env_or_mock()
-> Result<(Client, Option<MockServer>), Box<dyn std::error::Error + Send + Sync>> {
    if std::env::var_os(AUTH_ID_VAR).is_none() {
        let mock = MockServer::start().await?;
        let client = mock.client()?;
        return Ok((client, Some(mock)));
    }
    let mut builder = ClientBuilder::from_env()?;
    if let Ok(base) = std::env::var("PLIVO_BASE_URL") {
        builder = builder.base_url(base);
    }
    Ok((builder.build()?, None))
}
