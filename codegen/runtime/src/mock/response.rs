//! What the mock answers instead of the spec's example, for the next calls
//! of an operation: a status, a delay, a connection reset.

use std::time::Duration;

/// An answer to give instead of the spec's example, or a fault to inject:
/// a status of your choosing ([`status`](Self::status)), the example after
/// a delay ([`example`](Self::example) with [`delay`](Self::delay)), or a
/// connection reset once the request has been read ([`reset`](Self::reset)).
///
/// ```
/// use postman_runtime::mock::MockResponse;
/// use std::time::Duration;
///
/// // Rate limited: the client should wait a second and retry.
/// let limited = MockResponse::status(429).header("Retry-After", "1");
/// // The normal answer, slowly.
/// let slow = MockResponse::example().delay(Duration::from_millis(200));
/// // The request arrives, the answer never does: did the call happen?
/// let lost = MockResponse::reset();
/// # let _ = (limited, slow, lost);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MockResponse {
    /// `None`: the status of the spec's example.
    pub(super) status: Option<u16>,
    pub(super) headers: Vec<(String, String)>,
    /// `None`: the body of the spec's example.
    pub(super) body: Option<String>,
    pub(super) delay: Duration,
    pub(super) reset: bool,
}

impl MockResponse {
    /// An answer with `status` and an empty body.
    pub fn status(status: u16) -> Self {
        MockResponse {
            status: Some(status),
            body: Some(String::new()),
            ..MockResponse::example()
        }
    }

    /// The answer the mock would give anyway (the request's checks, then
    /// the spec's example): a base for [`delay`](Self::delay) or
    /// [`header`](Self::header).
    pub fn example() -> Self {
        MockResponse {
            status: None,
            headers: Vec::new(),
            body: None,
            delay: Duration::ZERO,
            reset: false,
        }
    }

    /// No answer: once the request has been read in full (and recorded,
    /// with status 0), the connection is reset. The client cannot know
    /// whether the call was acted on.
    pub fn reset() -> Self {
        MockResponse {
            reset: true,
            ..MockResponse::example()
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
        self.body = Some(body.into());
        self
    }

    /// Waits this long after reading the request before answering (or
    /// resetting): latency, or with a client timeout shorter than it, an
    /// answer that never comes in time.
    #[must_use]
    pub fn delay(mut self, delay: Duration) -> Self {
        self.delay = delay;
        self
    }
}
