//! A local stand-in for any generated API, served from its operation
//! descriptors (enable the `mock` feature).
//!
//! It serves every operation it is given: a new operation in the spec is
//! served with no code written for it. Each call is checked the way the
//! descriptors describe it, and answered with the spec's example response:
//!
//! | request | answer |
//! |---|---|
//! | unknown path | 404 |
//! | known path, wrong method | 405 |
//! | no or wrong credential for the operation's own scheme | 401, with the scheme's `WWW-Authenticate` challenge |
//! | a body not of the operation's content type | 415 |
//! | a body that does not read as its kind (bad JSON, broken multipart framing, GraphQL without `query`) | 400 |
//! | a required field missing | 400 |
//! | a value outside an enum, a format or a constant | 400 |
//! | a listing that pages ([`Operation::pagination`](crate::Operation::pagination)): a limit or offset the API refuses | 400 |
//! | a listing that pages: otherwise | the page asked for (below) |
//! | otherwise | the example's status and body |
//!
//! Each operation is checked against its own scheme ([`crate::Auth`]):
//! Basic, bearer, OAuth 2.0 (header or query), an API key in a header or
//! the query, each compared with [`MockCredentials`] (or, for a kind not
//! given, required only to be present); a signing scheme (`awsv4`, `hawk`,
//! `digest`, ...) must bring an `Authorization` header of its own form, its
//! signature unchecked. A bearer API is never asked for a user name.
//!
//! Every body mode is accepted as its operation declares it
//! ([`crate::BodyKind`], [`crate::Operation::content_type`]): JSON, a
//! urlencoded form, multipart parts, raw text of the item's type, a file of
//! any type, GraphQL; required fields are checked in forms and multipart
//! bodies too. The answer is the first successful example, or the one a
//! request names with `x-mock-response-name` (or `x-mock-response-code`),
//! as Postman's mock servers do.
//! A listing that pages holds more items than its example: copies of the
//! example's items, each copy with identifiers of its own (a field named
//! `id` or ending in `_id`, `Id` or `uuid`; a UUID stays one), two pages
//! and a half of the default page size unless a test says how many
//! ([`MockServer::items`]). Each request gets the page its limit and
//! offset ask for, with the next and previous links (paths under the
//! request's own path, its other query parameters kept; `null` past the
//! ends), the total, and its limit and offset filled in where the
//! descriptor says. The same request always gets the same page.
//!
//! Error bodies and their wording are the vendor's
//! ([`Vendor::mock_error_body`](crate::Vendor::mock_error_body),
//! [`Vendor::mock_message`](crate::Vendor::mock_message)).
//!
//! It accepts what an API's own SDKs send, as the API does (docs/mock.md,
//! "Tolerances"): a path with or without its trailing slash, and with
//! repeated slashes; a form or multipart body to a JSON operation, read as
//! its fields; a body field in the query (a DELETE's parameters travel
//! either way); a number or boolean where the spec has its text; an empty
//! string for an optional field. The server records the requests it
//! answers (the first 10 000, with their query strings, headers and
//! bodies, without the bodies of refused ones).
//!
//! As a test tool, it scripts faults for the next calls of an operation
//! ([`MockServer::respond_next`] with a [`MockResponse`]: a status such as
//! 429 with `Retry-After` or 503, latency, a connection reset once the
//! request is read), checks how often each operation was called and with
//! what request ([`MockServer::expect`]: query, headers, body, or a test of
//! your own; [`MockServer::verify`], and on drop), and refuses an operation
//! name it does not serve ([`MockServer::operation_names`] lists them).
//!
//! Whatever its clients do, it stays responsive and its memory flat:
//! connections, timeouts, body size and what is recorded are bounded by
//! [`MockLimits`]; connections that never send a byte give their slot up
//! to a newcomer.
//!
//! A client from [`MockServer::client_builder`] sends every host of the API
//! to the mock ([`ClientBuilder::base_url_for_all_hosts`]): each operation
//! arrives with its own path, which the mock routes by, and none can leave
//! loopback. Operations that share a method and path are told apart by the
//! query values their descriptors give ([`crate::Operation::query`]), then
//! by their constant fields, else the first listed answers.
//!
//! ```
//! use postman_runtime::mock::{MockApi, MockCredentials, MockServer};
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
//!     .auth(Auth::Bearer)
//!     .examples(&[Example::new("Pong", 200, r#"{"pong": true}"#)]);
//!
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), Box<dyn std::error::Error>> {
//! static ALL: &[&Operation] = &[&PING];
//! let credentials = MockCredentials::default().with_bearer_token("fake-token");
//! let mock = MockServer::start_with_credentials(MockApi::new(&ACME, ALL), credentials).await?;
//! let client = mock.client_builder().build()?;
//! let request = client.request(&PING, &[] as &[&str])?;
//! let pong: serde_json::Value = client.execute(request).await?.json()?;
//! assert_eq!(pong["pong"], true);
//! assert_eq!(mock.requests()[0].headers.get("authorization"), Some("Bearer fake-token"));
//! # Ok(())
//! # }
//! ```

mod accept;
mod answer;
mod auth;
mod bodies;
#[cfg(test)]
mod bodies_test;
mod callback;
#[cfg(test)]
mod callback_test;
mod checks;
mod connection;
mod credentials;
mod decide;
mod distinct;
mod expect;
#[cfg(test)]
mod flood_test;
mod headers;
mod http;
mod limits;
mod lock;
mod matchers;
mod multipart;
mod paging;
#[cfg(test)]
mod paging_test;
mod query;
mod record;
mod response;
mod routing;
mod start;
mod state;
mod unknown;

pub use callback::{CallbackError, CallbackReply, CallbackSigner, MockCallback};
pub use credentials::MockCredentials;
pub use expect::Expectation;
pub use headers::RecordedHeaders;
pub use limits::MockLimits;
pub use query::RecordedQuery;
pub use record::RecordedRequest;
pub use response::{ANSWER_STATUSES, InvalidStatus, MockResponse};
pub use state::MockApi;
pub use unknown::UnknownOperation;

use crate::ClientBuilder;
use lock::lock;
use state::{Scripted, State};
use std::net::SocketAddr;
use std::sync::Arc;

/// A mock server; it stops when dropped.
#[derive(Debug)]
pub struct MockServer {
    addr: SocketAddr,
    state: Arc<State>,
    task: tokio::task::JoinHandle<()>,
}

impl MockServer {
    /// `http://127.0.0.1:<port>`: the base URL to give a client.
    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// A client builder with the mock's vendor and credentials, every host
    /// of the API sent to the mock
    /// ([`ClientBuilder::base_url_for_all_hosts`]): each operation arrives
    /// with its own path, which is how the mock routes it, and none can
    /// reach the host the spec gives it.
    ///
    /// It holds each credential the mock fixes, and a stand-in for each
    /// kind the mock only checks the presence of, when an operation's
    /// scheme needs it. A signing scheme needs the caller's own
    /// [`ClientBuilder::signer`].
    pub fn client_builder(&self) -> ClientBuilder {
        let api = &self.state.api;
        self.state
            .credentials
            .client_builder(api.vendor, api.operations)
            .base_url_for_all_hosts(self.base_url())
    }

    /// The credentials the mock accepts.
    pub fn credentials(&self) -> &MockCredentials {
        &self.state.credentials
    }

    /// The requests answered so far, in order, up to the recording limits
    /// of [`MockLimits`] (the first 10 000 by default), with their query
    /// strings and headers. The body is kept only for requests that passed
    /// routing, authentication and the content-type check.
    pub fn requests(&self) -> Vec<RecordedRequest> {
        lock(&self.state.recorded).kept().to_vec()
    }

    /// How many requests were answered but not kept by
    /// [`MockServer::requests`], the recording limits being reached.
    pub fn dropped_requests(&self) -> u64 {
        lock(&self.state.recorded).dropped()
    }

    /// Answers the next `times` calls of `operation` (a name such as
    /// `add_user`: [`crate::Operation::name`], or see
    /// [`operation_names`](Self::operation_names)) with `response` instead
    /// of the spec's example, after the auth check.
    ///
    /// # Panics
    ///
    /// When the mock has no such operation (the message lists the names it
    /// has): a misspelt name must not let a test pass without its fault.
    #[track_caller]
    pub fn respond_next(&self, operation: &str, times: usize, response: MockResponse) {
        if let Err(unknown) = self.try_respond_next(operation, times, response) {
            panic!("{unknown}");
        }
    }

    /// As [`respond_next`](Self::respond_next), with an error instead of a
    /// panic for an unknown operation.
    ///
    /// # Errors
    ///
    /// When the mock has no operation named `operation`.
    pub fn try_respond_next(
        &self,
        operation: &str,
        times: usize,
        response: MockResponse,
    ) -> Result<(), UnknownOperation> {
        let operation = self.state.known(operation)?;
        lock(&self.state.scripted).push(Scripted {
            operation: operation.to_owned(),
            remaining: times,
            response,
        });
        Ok(())
    }

    /// Makes the listing of `operation` (one whose descriptor pages:
    /// [`crate::Operation::pagination`]) hold `count` items, served a page
    /// at a time. Without it, a listing holds two pages and a half of its
    /// default page size.
    ///
    /// # Panics
    ///
    /// When the mock has no such operation (the message lists the names it
    /// has), or the operation does not page.
    #[track_caller]
    pub fn items(&self, operation: &str, count: usize) {
        let name = match self.state.known(operation) {
            Ok(name) => name,
            Err(unknown) => panic!("{unknown}"),
        };
        let pages = self
            .state
            .api
            .operations
            .iter()
            .any(|op| op.name == name && op.pagination.is_some());
        assert!(
            pages,
            "operation `{name}` does not page: its descriptor has no pagination"
        );
        let mut items = lock(&self.state.items);
        items.retain(|(op, _)| *op != name);
        items.push((name, count));
    }

    /// Expects `operation` to be called: at least once, unless narrowed
    /// (`mock.expect("add_user").times(1)`), counting only the calls whose
    /// request passes the expectation's tests, if given
    /// (`.with_query("page", "2")`, `.with_header(..)`,
    /// `.with_json_body(..)`, `.matching(|request| ..)`). Checked by
    /// [`verify`](Self::verify), and when the server is dropped; a failure
    /// names the closest call received.
    ///
    /// # Panics
    ///
    /// When the mock has no such operation (the message lists the names it
    /// has).
    #[track_caller]
    pub fn expect(&self, operation: &str) -> Expectation<'_> {
        let operation = match self.state.known(operation) {
            Ok(operation) => operation,
            Err(unknown) => panic!("{unknown}"),
        };
        let mut expected = lock(&self.state.expected);
        expected.push(expect::Expected::at_least_once(operation));
        Expectation::new(
            &self.state.expected,
            &self.state.recorded,
            expected.len() - 1,
        )
    }

    /// How many calls were routed to `operation` so far, whatever the
    /// answer, recorded or not.
    pub fn calls(&self, operation: &str) -> u64 {
        lock(&self.state.calls).of(operation)
    }

    /// Checks every [`expect`](Self::expect)ation against the calls made.
    ///
    /// # Panics
    ///
    /// When one is not met, with a summary of each unmet one and of the
    /// calls received.
    #[track_caller]
    pub fn verify(&self) {
        if let Some(report) = self.state.unmet() {
            panic!("{report}");
        }
    }

    /// Sends `callback` to a server under test on loopback, with the
    /// headers of the API's [`CallbackSigner`] keyed with the mock's
    /// secret (its Basic password, else its API key, else its token), as
    /// the vendor would call a webhook; returns the answer.
    ///
    /// # Errors
    ///
    /// When the URL is not plain `http` to loopback (nothing is sent
    /// elsewhere), the signer fails, or the server does not answer within
    /// 10 seconds.
    pub async fn send_callback(
        &self,
        callback: &MockCallback,
    ) -> Result<CallbackReply, CallbackError> {
        let secret = self.state.credentials.callback_secret();
        callback::send(self.state.api.signer, secret, callback).await
    }

    /// The names of the operations served, in the order given.
    pub fn operation_names(&self) -> Vec<&'static str> {
        self.state.api.operations.iter().map(|op| op.name).collect()
    }
}

impl Drop for MockServer {
    fn drop(&mut self) {
        self.task.abort();
        // A second panic while unwinding would abort the test run and hide
        // the first failure.
        if !std::thread::panicking()
            && let Some(report) = self.state.unmet()
        {
            panic!("{report}");
        }
    }
}
