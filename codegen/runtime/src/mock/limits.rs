//! How much of the mock one client can take: time, connections, bytes.

use std::time::Duration;

/// Bounds that keep the mock responsive, and its memory flat, whatever its
/// clients do: silent or slow connections, floods, large bodies, runs of
/// millions of requests. The defaults suit tests and local use;
/// [`super::MockServer::bind`] takes others.
///
/// | limit | default | when reached |
/// |---|---|---|
/// | [`header_read_timeout`](Self::with_header_read_timeout) | 10 s | connection closed |
/// | [`body_read_timeout`](Self::with_body_read_timeout) | 10 s | 408, connection closed |
/// | [`idle_timeout`](Self::with_idle_timeout) | 30 s | connection closed |
/// | [`max_connections`](Self::with_max_connections) | 256 | the oldest connection that never sent a byte makes room; else further connections wait |
/// | [`max_body_bytes`](Self::with_max_body_bytes) | 1 MiB | 413 |
/// | [`max_recorded`](Self::with_max_recorded) | 10 000 requests | later requests counted, not kept |
/// | [`max_recorded_bytes`](Self::with_max_recorded_bytes) | 16 MiB | later requests counted, not kept |
///
/// ```
/// use postman_runtime::mock::MockLimits;
/// use std::time::Duration;
///
/// let limits = MockLimits::default()
///     .with_header_read_timeout(Duration::from_secs(2))
///     .with_max_connections(16);
/// # let _ = limits;
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MockLimits {
    pub(super) header_read_timeout: Duration,
    pub(super) body_read_timeout: Duration,
    pub(super) idle_timeout: Duration,
    pub(super) max_connections: usize,
    pub(super) max_body_bytes: usize,
    pub(super) max_recorded: usize,
    pub(super) max_recorded_bytes: usize,
}

impl Default for MockLimits {
    fn default() -> Self {
        MockLimits {
            header_read_timeout: Duration::from_secs(10),
            body_read_timeout: Duration::from_secs(10),
            idle_timeout: Duration::from_secs(30),
            max_connections: 256,
            max_body_bytes: 1 << 20,
            max_recorded: 10_000,
            max_recorded_bytes: 16 << 20,
        }
    }
}

impl MockLimits {
    /// How long a request's head (request line and headers) may take to
    /// arrive, counted from when the mock starts waiting for it: on a new
    /// connection, or after the previous answer on a kept-alive one (so it
    /// is also how long an unused kept-alive connection stays open). A
    /// client sending its head byte by byte does not extend it.
    #[must_use]
    pub fn with_header_read_timeout(mut self, timeout: Duration) -> Self {
        self.header_read_timeout = timeout;
        self
    }

    /// How long a request's body may take to arrive once its head has.
    #[must_use]
    pub fn with_body_read_timeout(mut self, timeout: Duration) -> Self {
        self.body_read_timeout = timeout;
        self
    }

    /// How long a connection may go without a byte moving either way
    /// (a stalled body, a client that does not read its answers).
    #[must_use]
    pub fn with_idle_timeout(mut self, timeout: Duration) -> Self {
        self.idle_timeout = timeout;
        self
    }

    /// How many connections are served at once (at least 1). At the cap,
    /// a newcomer takes the place of the oldest connection that has never
    /// sent a byte (closed: it lost no request); when every connection has
    /// sent something, further connections wait in the listen queue until
    /// one closes, rather than using up file descriptors.
    #[must_use]
    pub fn with_max_connections(mut self, connections: usize) -> Self {
        self.max_connections = connections.max(1);
        self
    }

    /// The largest request body answered; larger ones get 413.
    #[must_use]
    pub fn with_max_body_bytes(mut self, bytes: usize) -> Self {
        self.max_body_bytes = bytes;
        self
    }

    /// How many requests [`super::MockServer::requests`] keeps: the first
    /// ones; later ones are only counted
    /// ([`super::MockServer::dropped_requests`]). 0 keeps none.
    #[must_use]
    pub fn with_max_recorded(mut self, requests: usize) -> Self {
        self.max_recorded = requests;
        self
    }

    /// How much memory the kept requests may take, estimated from their
    /// method, path, headers and parsed body; past it, as past
    /// [`with_max_recorded`](Self::with_max_recorded).
    #[must_use]
    pub fn with_max_recorded_bytes(mut self, bytes: usize) -> Self {
        self.max_recorded_bytes = bytes;
        self
    }
}
