//! A local stand-in for Plivo's PHLO API, built from the same spec as the
//! client (enable the `mock` feature): the runtime's spec-driven mock
//! ([`postman_runtime::mock`]), serving [`crate::operations::ALL`] with
//! Plivo's credentials, error shape and wording.
//!
//! Each call is checked the way the spec describes it, and answered with
//! the spec's example response (faults and expectations below):
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
//! first 10 000, with their headers, without the bodies of refused ones).
//!
//! As a test tool:
//!
//! - [`MockServer::respond_next`] scripts the next calls of an operation:
//!   a status ([`MockResponse::status`], [`MockResponse::plivo_error`], a
//!   429 with `Retry-After`), latency ([`MockResponse::delay`] on any
//!   answer, [`MockResponse::example`] included), or a connection reset
//!   once the request is read ([`MockResponse::reset`]);
//! - [`MockServer::expect`] states how often an operation should be
//!   called, checked by [`MockServer::verify`] and when the server drops;
//! - an operation name the mock does not serve is a panic listing those it
//!   does (or an error from [`MockServer::try_respond_next`]). The names are
//!   those of [`crate::operations`] (`operations::ADD_USER.name` is
//!   `"add_user"`) and of the README's operations table.
//!
//! Whatever its clients do, it stays responsive and its memory flat:
//! connections, timeouts, body size and what is recorded are bounded by
//! [`MockLimits`].
//!
//! Its client ([`MockServer::client`], [`MockServer::client_builder`])
//! sends every Plivo host to the mock
//! ([`crate::ClientBuilder::base_url_for_all_hosts`]): no call it makes can
//! reach Plivo.
//!
//! ```
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), Box<dyn std::error::Error>> {
//! use plivo::mock::{MockResponse, MockServer};
//!
//! let mock = MockServer::start().await?;
//! let client = mock.client()?;
//! mock.respond_next("hold", 1, MockResponse::plivo_error(500, "try again"));
//! mock.expect(plivo::operations::HOLD.name).times(2);
//! let member = client.phlo("p").multi_party_call("n").member("+14155551234");
//! assert!(member.hold().await.is_err());
//! assert!(member.hold().await.is_ok());
//! assert_eq!(mock.requests().len(), 2);
//! mock.verify();
//! # Ok(())
//! # }
//! ```

use crate::vendor::{AUTH_ID_VAR, PLIVO};
use crate::{Client, ClientBuilder, Error};
use postman_runtime::mock::MockApi;
pub use postman_runtime::mock::{
    CallbackError, CallbackReply, Expectation, InvalidStatus, MockCallback, MockLimits,
    RecordedHeaders, RecordedQuery, RecordedRequest, UnknownOperation,
};
use std::net::SocketAddr;
use std::time::Duration;

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
    ///
    /// # Panics
    ///
    /// When `status` is outside 200..=599, naming it: a test must not pass
    /// on a fault the mock could not give (see
    /// [`MockResponse::try_status`]).
    #[track_caller]
    pub fn status(status: u16) -> Self {
        MockResponse {
            inner: postman_runtime::mock::MockResponse::status(status),
        }
    }

    /// As [`MockResponse::status`], with an error instead of a panic.
    ///
    /// # Errors
    ///
    /// When `status` is outside 200..=599.
    pub fn try_status(status: u16) -> Result<Self, InvalidStatus> {
        postman_runtime::mock::MockResponse::try_status(status).map(|inner| MockResponse { inner })
    }

    /// The answer the mock would give anyway (the request's checks, then
    /// the spec's example): a base for [`MockResponse::delay`].
    pub fn example() -> Self {
        MockResponse {
            inner: postman_runtime::mock::MockResponse::example(),
        }
    }

    /// No answer: once the request has been read (and recorded, with
    /// status 0), the connection is reset. The client cannot know whether
    /// the call was acted on ([`crate::Delivery::Unknown`]).
    pub fn reset() -> Self {
        MockResponse {
            inner: postman_runtime::mock::MockResponse::reset(),
        }
    }

    /// Waits this long after reading the request before answering (or
    /// resetting).
    #[must_use]
    pub fn delay(self, delay: Duration) -> Self {
        MockResponse {
            inner: self.inner.delay(delay),
        }
    }

    /// An answer with Plivo's error shape: `{"api_id": ..., "error": message}`.
    ///
    /// # Panics
    ///
    /// As [`MockResponse::status`].
    #[track_caller]
    pub fn plivo_error(status: u16, message: &str) -> Self {
        let body =
            serde_json::json!({"api_id": "00000000-0000-4000-8000-000000000000", "error": message});
        MockResponse::status(status)
            .header("content-type", "application/json")
            .body(body.to_string())
    }

    /// Adds a header, such as `Retry-After: 1`.
    ///
    /// # Panics
    ///
    /// When `name` or `value` cannot be a header's, naming them.
    #[must_use]
    #[track_caller]
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
        let api = MockApi::new(&PLIVO, crate::operations::ALL)
            .callback_signer(&crate::signature::mock_signer::PLIVO_V3);
        let inner =
            postman_runtime::mock::MockServer::bind(api, addr, auth_id, auth_token, limits).await?;
        Ok(MockServer { inner })
    }

    /// `http://127.0.0.1:<port>`: the base URL to give a client.
    pub fn base_url(&self) -> String {
        self.inner.base_url()
    }

    /// A client with the mock's credentials, every Plivo host sent to the
    /// mock: no call it makes can reach Plivo.
    ///
    /// # Errors
    ///
    /// As [`crate::ClientBuilder::build`].
    pub fn client(&self) -> Result<Client, Error> {
        self.client_builder().build()
    }

    /// The settings of [`MockServer::client`], to change others (retries,
    /// timeouts) before building: the mock's credentials, and every host
    /// sent to the mock ([`ClientBuilder::base_url_for_all_hosts`]).
    pub fn client_builder(&self) -> ClientBuilder {
        ClientBuilder::from_runtime(self.inner.client_builder())
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
    /// `add_user`: `plivo::operations::ADD_USER.name`; the README's
    /// operations table lists them all) with `response` instead of the
    /// spec's example, after the auth check.
    ///
    /// # Panics
    ///
    /// When there is no such operation; the message lists the names.
    #[track_caller]
    pub fn respond_next(&self, operation: &str, times: usize, response: MockResponse) {
        self.inner.respond_next(operation, times, response.inner);
    }

    /// As [`MockServer::respond_next`], with an error instead of a panic
    /// for an unknown operation.
    ///
    /// # Errors
    ///
    /// When there is no operation named `operation`.
    pub fn try_respond_next(
        &self,
        operation: &str,
        times: usize,
        response: MockResponse,
    ) -> Result<(), UnknownOperation> {
        self.inner
            .try_respond_next(operation, times, response.inner)
    }

    /// Expects `operation` to be called: at least once unless narrowed
    /// (`mock.expect("add_user").times(1)`, `.at_least(n)`, `.at_most(n)`,
    /// `.between(1..=3)`). Checked by [`MockServer::verify`], and when the
    /// server is dropped (unless the test is already panicking).
    ///
    /// # Panics
    ///
    /// When there is no such operation; the message lists the names.
    #[track_caller]
    pub fn expect(&self, operation: &str) -> Expectation<'_> {
        self.inner.expect(operation)
    }

    /// Checks every [`MockServer::expect`]ation now.
    ///
    /// # Panics
    ///
    /// When one is not met, with a summary of the unmet ones and of the
    /// calls received.
    #[track_caller]
    pub fn verify(&self) {
        self.inner.verify();
    }

    /// How many calls were routed to `operation` so far, whatever the
    /// answer, recorded or not.
    pub fn calls(&self, operation: &str) -> u64 {
        self.inner.calls(operation)
    }

    /// Makes the listing of `operation` (one that pages) hold `count`
    /// items, served a page at a time as each request's `limit` and
    /// `offset` ask. Without it, a listing holds two pages and a half of
    /// its default page size.
    ///
    /// # Panics
    ///
    /// When the mock has no such operation (the message lists the names it
    /// has), or the operation does not page.
    #[track_caller]
    pub fn items(&self, operation: &str, count: usize) {
        self.inner.items(operation, count);
    }

    /// Sends `callback` to your server on loopback as Plivo would call
    /// your answer or status URL: a form `POST` (or a `GET`), signed with
    /// `X-Plivo-Signature-V3` (and `-Ma-V3`) and a fresh
    /// `X-Plivo-Signature-V3-Nonce`, keyed with the mock's Auth Token
    /// ([`MockServer::AUTH_TOKEN`]); returns your server's answer. See the
    /// `callback_server` example.
    ///
    /// # Errors
    ///
    /// When the URL is not plain `http` to loopback (nothing is sent
    /// elsewhere), or your server does not answer within 10 seconds.
    pub async fn send_callback(
        &self,
        callback: &MockCallback,
    ) -> Result<CallbackReply, CallbackError> {
        self.inner.send_callback(callback).await
    }
}

/// A client for Plivo's API when `PLIVO_AUTH_ID` is set (with
/// `PLIVO_AUTH_TOKEN`; `PLIVO_BASE_URL` sends every host there, such as a
/// `plivo-mock` or a recording proxy), else for a mock started here,
/// returned beside it. For examples and first steps that must work with no
/// account.
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
        builder = builder.base_url_for_all_hosts(base);
    }
    Ok((builder.build()?, None))
}
