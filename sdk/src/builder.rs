//! Client settings: the runtime's builder, with Plivo's seam and defaults.

use crate::vendor::PLIVO;
use crate::{Client, Error, RetryPolicy};
use std::time::Duration;

/// Settings for a [`Client`]; start from [`Client::builder`].
///
/// Defaults: Plivo's PHLO host, a 60 s call and 20 s attempt timeout, a
/// 5 s connect timeout, idle connections closed after 15 s, the default
/// [`RetryPolicy`], a 1 MiB response limit and `plivo-rust/<version>` as
/// user agent.
#[must_use]
pub struct ClientBuilder {
    inner: postman_runtime::ClientBuilder,
}

impl ClientBuilder {
    /// Settings with defaults for the given credentials.
    pub fn new(auth_id: impl Into<String>, auth_token: impl Into<String>) -> Self {
        ClientBuilder {
            inner: postman_runtime::ClientBuilder::new(&PLIVO, auth_id, auth_token),
        }
    }

    /// Settings with credentials from `PLIVO_AUTH_ID` and `PLIVO_AUTH_TOKEN`.
    ///
    /// # Errors
    ///
    /// Fails when either variable is unset or not Unicode.
    pub fn from_env() -> Result<Self, Error> {
        Ok(ClientBuilder {
            inner: postman_runtime::ClientBuilder::from_env(&PLIVO)?,
        })
    }

    /// The mock's builder, which already holds its base URL and credentials.
    #[cfg(feature = "mock")]
    pub(crate) fn from_runtime(inner: postman_runtime::ClientBuilder) -> Self {
        ClientBuilder { inner }
    }

    fn map(
        self,
        set: impl FnOnce(postman_runtime::ClientBuilder) -> postman_runtime::ClientBuilder,
    ) -> Self {
        ClientBuilder {
            inner: set(self.inner),
        }
    }

    /// Sends the main host's requests (the PHLO API's,
    /// `https://phlorunner.plivo.com`) to `url` instead; for a proxy or a
    /// regional endpoint. Plain `http` is accepted only for loopback hosts.
    ///
    /// For a local mock or a recording proxy, use
    /// [`ClientBuilder::base_url_for_all_hosts`]: a client with a loopback
    /// base URL refuses to build while another of Plivo's hosts
    /// ([`crate::HOSTS`]) is left at its production URL.
    pub fn base_url(self, url: impl Into<String>) -> Self {
        self.map(|b| b.base_url(url))
    }

    /// Sends the requests of every Plivo host ([`crate::HOSTS`]) to `url`,
    /// each with its own path: how a client is pointed at a mock
    /// (the mock's `MockServer::client_builder` does it) or a recording
    /// proxy, so that no call can reach Plivo. A host set by name
    /// ([`ClientBuilder::host`]) still wins for its own operations. See
    /// [`postman_runtime::ClientBuilder::base_url_for_all_hosts`].
    pub fn base_url_for_all_hosts(self, url: impl Into<String>) -> Self {
        self.map(|b| b.base_url_for_all_hosts(url))
    }

    /// Sends the operations of the host called `name` (a name of
    /// [`crate::HOSTS`], such as `https://phlorunner.plivo.com`) to `url`;
    /// checked as the base URL is, and an unknown name is refused when the
    /// client is built.
    pub fn host(self, name: impl Into<String>, url: impl Into<String>) -> Self {
        self.map(|b| b.host(name, url))
    }

    /// Limits a whole call, retries and the waits between them included
    /// (default 60 s). No retry is started that would end past it.
    pub fn timeout(self, timeout: Duration) -> Self {
        self.map(|b| b.timeout(timeout))
    }

    /// Limits one attempt, from connecting to the end of the response body
    /// (default 20 s).
    pub fn attempt_timeout(self, timeout: Duration) -> Self {
        self.map(|b| b.attempt_timeout(timeout))
    }

    /// Limits opening a connection (default 5 s).
    pub fn connect_timeout(self, timeout: Duration) -> Self {
        self.map(|b| b.connect_timeout(timeout))
    }

    /// Closes connections left idle this long instead of reusing them
    /// (default 15 s). Keep it below the idle timeout of every proxy and load
    /// balancer between the client and the API: a request sent on a
    /// connection the other end is closing fails with an unknown outcome.
    pub fn pool_idle_timeout(self, timeout: Duration) -> Self {
        self.map(|b| b.pool_idle_timeout(timeout))
    }

    /// When failed calls are tried again; see [`RetryPolicy`] for the rules
    /// and [`RetryPolicy::none`] to turn retries off.
    pub fn retry(self, policy: RetryPolicy) -> Self {
        self.map(|b| b.retry(policy))
    }

    /// Refuses response bodies longer than `bytes` (default 1 MiB).
    pub fn max_response_bytes(self, bytes: usize) -> Self {
        self.map(|b| b.max_response_bytes(bytes))
    }

    /// Replaces the `User-Agent` header (default `plivo-rust/<version>`).
    pub fn user_agent(self, user_agent: impl Into<String>) -> Self {
        self.map(|b| b.user_agent(user_agent))
    }

    /// Builds the HTTP client from the caller's own reqwest `builder` (its
    /// pool, proxy and TLS settings), finished with redirects off whatever
    /// it says: a redirect to another host would carry headers that reqwest
    /// does not drop. Its connect timeout, pool idle timeout and proxies
    /// then apply instead of this builder's, and so does its reading of the
    /// proxy variables: give it `.no_proxy()` for a plain-http loopback
    /// base, or the credentials may go in clear text to a proxy.
    pub fn http_client(self, builder: reqwest::ClientBuilder) -> Self {
        self.map(|b| b.http_client(builder))
    }

    /// Checks the settings and builds the client.
    ///
    /// # Errors
    ///
    /// [`crate::ErrorKind::InvalidInput`] for invalid credentials, base URL or
    /// user agent; [`crate::ErrorKind::Transport`] when the HTTP client cannot
    /// be set up.
    pub fn build(self) -> Result<Client, Error> {
        self.inner.build().map(Client::from_runtime)
    }
}

/// The runtime's builder never shows the token.
impl std::fmt::Debug for ClientBuilder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(&self.inner, f)
    }
}
