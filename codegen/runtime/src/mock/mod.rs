//! A local stand-in for any generated API, served from its operation
//! descriptors (enable the `mock` feature).
//!
//! It serves every operation it is given: a new operation in the spec is
//! served with no code written for it. Each call is checked the way the
//! descriptors describe it, and answered with the spec's example response:
//!
//! | request | answer |
//! |---|---|
//! | no or wrong Basic auth (for an operation that takes it) | 401 |
//! | unknown path | 404 |
//! | known path, wrong method | 405 |
//! | a required field missing | 400 |
//! | a value outside an enum, a format or a constant | 400 |
//! | otherwise | the example's status and body |
//!
//! Error bodies and their wording are the vendor's
//! ([`Vendor::mock_error_body`], [`Vendor::mock_message`]). A body must be
//! declared `Content-Type: application/json` (else 415) and be well-formed
//! (else 400). The server records the requests it answers (the first 10 000,
//! without the bodies of refused ones), and can be told to answer the next
//! calls of an operation with a status of your choosing (429 with
//! `Retry-After`, 500, ...) to test error handling.
//!
//! Whatever its clients do, it stays responsive and its memory flat:
//! connections, timeouts, body size and what is recorded are bounded by
//! [`MockLimits`].
//!
//! ```
//! use postman_runtime::mock::{MockApi, MockLimits, MockServer};
//! use postman_runtime::{Auth, Example, Method, Operation, PathPart, Vendor};
//!
//! #[derive(Debug)]
//! struct Acme;
//! impl Vendor for Acme {
//!     fn name(&self) -> &'static str {
//!         "acme"
//!     }
//! }
//! static ACME: Acme = Acme;
//! static PING: Operation = Operation::new("ping", Method::GET, &[PathPart::Literal("/ping")])
//!     .idempotent(true)
//!     .auth(Auth::Basic)
//!     .examples(&[Example::new("Pong", 200, r#"{"pong": true}"#)]);
//!
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), Box<dyn std::error::Error>> {
//! static ALL: &[&Operation] = &[&PING];
//! let api = MockApi::new(&ACME, ALL);
//! let addr = ([127, 0, 0, 1], 0).into();
//! let mock = MockServer::bind(api, addr, "user", "secret", MockLimits::default()).await?;
//! let client = mock.client_builder().build()?;
//! let request = client.request(&PING, &[] as &[&str])?;
//! let pong: serde_json::Value = client.execute(request).await?.json()?;
//! assert_eq!(pong["pong"], true);
//! assert_eq!(mock.requests().len(), 1);
//! # Ok(())
//! # }
//! ```

mod accept;
mod checks;
mod connection;
#[cfg(test)]
mod flood_test;
mod http;
mod limits;
mod record;
mod routing;

pub use limits::MockLimits;

use crate::credentials::Credentials;
use crate::{ClientBuilder, Operation, Vendor};
use reqwest::header::HeaderValue;
use std::net::SocketAddr;
use std::sync::atomic::AtomicU64;
use std::sync::{Arc, Mutex, MutexGuard};

/// What the mock serves: a vendor's API and its operations.
#[derive(Debug, Clone, Copy)]
pub struct MockApi {
    vendor: &'static dyn Vendor,
    operations: &'static [&'static Operation],
}

impl MockApi {
    /// The API of `vendor`, with these operations (the generated
    /// `operations::ALL`).
    pub fn new(vendor: &'static dyn Vendor, operations: &'static [&'static Operation]) -> Self {
        MockApi { vendor, operations }
    }
}

/// A mock server; it stops when dropped.
#[derive(Debug)]
pub struct MockServer {
    addr: SocketAddr,
    state: Arc<State>,
    task: tokio::task::JoinHandle<()>,
}

/// A request the mock received.
#[derive(Debug, Clone, PartialEq)]
pub struct RecordedRequest {
    /// The operation it was routed to, if any.
    pub operation: Option<&'static str>,
    /// The HTTP method.
    pub method: String,
    /// The path as sent, percent-encoding included.
    pub path: String,
    /// The JSON body, if there was one and it parsed.
    pub body: Option<serde_json::Value>,
    /// The status the mock answered with.
    pub status: u16,
}

/// An answer to give instead of the spec's example.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MockResponse {
    status: u16,
    headers: Vec<(String, String)>,
    body: String,
}

impl MockResponse {
    /// An answer with `status` and an empty body.
    pub fn status(status: u16) -> Self {
        MockResponse {
            status,
            headers: Vec::new(),
            body: String::new(),
        }
    }

    /// Adds a header, such as `Retry-After: 1`.
    #[must_use]
    pub fn header(mut self, name: &str, value: &str) -> Self {
        self.headers.push((name.to_owned(), value.to_owned()));
        self
    }

    /// Sets the body.
    #[must_use]
    pub fn body(mut self, body: impl Into<String>) -> Self {
        self.body = body.into();
        self
    }
}

#[derive(Debug)]
struct State {
    api: MockApi,
    credentials: Credentials,
    limits: MockLimits,
    scripted: Mutex<Vec<Scripted>>,
    recorded: Mutex<record::Recording>,
    /// Feeds the request ids of answers.
    ids: AtomicU64,
}

#[derive(Debug)]
struct Scripted {
    operation: String,
    remaining: usize,
    response: MockResponse,
}

impl MockServer {
    /// Starts a mock of `api` on `addr` that accepts the given credentials.
    ///
    /// # Errors
    ///
    /// Fails when the address cannot be bound or the credentials are not
    /// ones a client of the API would accept.
    pub async fn bind(
        api: MockApi,
        addr: SocketAddr,
        username: &str,
        password: &str,
        limits: MockLimits,
    ) -> std::io::Result<Self> {
        let credentials = Credentials::new(api.vendor, username.to_owned(), password.to_owned())
            .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidInput, e.to_string()))?;
        let listener = tokio::net::TcpListener::bind(addr).await?;
        let addr = listener.local_addr()?;
        let state = Arc::new(State::new(api, credentials, limits, addr.port()));
        let max_connections = state.limits.max_connections;
        let serving = Arc::clone(&state);
        let task = tokio::spawn(accept::accept_loop(listener, max_connections, move |s| {
            connection::serve(s, Arc::clone(&serving))
        }));
        Ok(MockServer { addr, state, task })
    }

    /// `http://127.0.0.1:<port>`: the base URL to give a client.
    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// A client builder with the mock's vendor, base URL and credentials.
    pub fn client_builder(&self) -> ClientBuilder {
        ClientBuilder::new(
            self.state.api.vendor,
            self.state.credentials.username(),
            self.state.credentials.password(),
        )
        .base_url(self.base_url())
    }

    /// The requests answered so far, in order, up to the recording limits
    /// of [`MockLimits`] (the first 10 000 by default). The body is kept
    /// only for requests that passed routing, authentication and the
    /// content-type check.
    pub fn requests(&self) -> Vec<RecordedRequest> {
        lock(&self.state.recorded).kept().to_vec()
    }

    /// How many requests were answered but not kept by
    /// [`MockServer::requests`], the recording limits being reached.
    pub fn dropped_requests(&self) -> u64 {
        lock(&self.state.recorded).dropped()
    }

    /// Answers the next `times` calls of `operation` (a name such as
    /// `add_user`, see [`crate::Operation::name`]) with `response`
    /// instead of the spec's example, after the auth check.
    pub fn respond_next(&self, operation: &str, times: usize, response: MockResponse) {
        lock(&self.state.scripted).push(Scripted {
            operation: operation.to_owned(),
            remaining: times,
            response,
        });
    }
}

impl Drop for MockServer {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// A poisoned lock still holds usable data: a panicking test thread must
/// not take the mock down with it.
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

impl State {
    /// `seed` feeds the request ids, so that two mocks give different ones.
    fn new(api: MockApi, credentials: Credentials, limits: MockLimits, seed: u16) -> Self {
        State {
            api,
            credentials,
            recorded: Mutex::new(record::Recording::new(
                limits.max_recorded,
                limits.max_recorded_bytes,
            )),
            limits,
            scripted: Mutex::new(Vec::new()),
            ids: AtomicU64::new(u64::from(seed)),
        }
    }

    fn expected_auth(&self) -> &HeaderValue {
        self.credentials.header()
    }
}
