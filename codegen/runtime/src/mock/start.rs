//! Starting a mock: on a free loopback port or a given address, with the
//! credentials it accepts and its limits.

use super::MockServer;
use super::accept;
use super::connection;
use super::credentials::MockCredentials;
use super::limits::MockLimits;
use super::state::{MockApi, State};
use crate::credentials::Credentials;
use std::net::SocketAddr;
use std::sync::Arc;

impl MockServer {
    /// Starts a mock of `api` on a free port of 127.0.0.1 that accepts any
    /// credential of the kind each operation's scheme asks for (see
    /// [`MockCredentials`]), within the default limits.
    ///
    /// # Errors
    ///
    /// Fails when no port can be bound.
    pub async fn start(api: MockApi) -> std::io::Result<Self> {
        Self::start_with_credentials(api, MockCredentials::default()).await
    }

    /// As [`start`](Self::start), accepting `credentials`.
    ///
    /// # Errors
    ///
    /// Fails when no port can be bound, or a Basic pair is not one a client
    /// of the API would accept.
    pub async fn start_with_credentials(
        api: MockApi,
        credentials: MockCredentials,
    ) -> std::io::Result<Self> {
        let addr = ([127, 0, 0, 1], 0).into();
        Self::bind_with_credentials(api, addr, credentials, MockLimits::default()).await
    }

    /// Starts a mock of `api` on `addr` that accepts Basic auth with
    /// `username` and `password` (and any credential of another kind: see
    /// [`MockCredentials`]).
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
        let credentials = MockCredentials::basic(username, password);
        Self::bind_with_credentials(api, addr, credentials, limits).await
    }

    /// Starts a mock of `api` on `addr` that accepts `credentials`, within
    /// `limits`.
    ///
    /// # Errors
    ///
    /// Fails when the address cannot be bound, or a Basic pair is not one a
    /// client of the API would accept.
    pub async fn bind_with_credentials(
        api: MockApi,
        addr: SocketAddr,
        credentials: MockCredentials,
        limits: MockLimits,
    ) -> std::io::Result<Self> {
        let basic = match &credentials.basic {
            Some((user, password)) => Some(
                Credentials::new(api.vendor, user.clone(), password.clone()).map_err(|e| {
                    std::io::Error::new(std::io::ErrorKind::InvalidInput, e.to_string())
                })?,
            ),
            None => None,
        };
        let listener = tokio::net::TcpListener::bind(addr).await?;
        let addr = listener.local_addr()?;
        let state = Arc::new(State::new(api, credentials, basic, limits, addr.port()));
        let max_connections = state.limits.max_connections;
        let serving = Arc::clone(&state);
        let task = tokio::spawn(accept::accept_loop(
            listener,
            max_connections,
            move |s, first| connection::serve(s, Arc::clone(&serving), first),
        ));
        Ok(MockServer { addr, state, task })
    }
}
