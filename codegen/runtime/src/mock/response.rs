//! What the mock answers instead of the spec's example, for the next calls
//! of an operation: a status, a delay, a connection reset.
//!
//! A test tool, it refuses what no server could send (a status outside
//! 200..=599, a header that is not one) with a panic naming the value, as
//! an unknown operation name is: a test must not pass on a fault that was
//! never injected. [`MockResponse::try_status`] returns the error instead,
//! for a status that comes from outside the code (the `plivo-mock` flags).

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

/// The statuses the mock answers with: a final answer's. 1xx are interim
/// responses that an answer follows; hyper cannot send one as the answer.
pub const ANSWER_STATUSES: std::ops::RangeInclusive<u16> = 200..=599;

/// A status the mock cannot answer with ([`MockResponse::try_status`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvalidStatus(pub u16);

impl std::fmt::Display for InvalidStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "status {} is not one the mock can answer with: give 200..=599 \
             (1xx are interim responses, not answers)",
            self.0
        )
    }
}

impl std::error::Error for InvalidStatus {}

impl MockResponse {
    /// An answer with `status` and an empty body.
    ///
    /// # Panics
    ///
    /// When `status` is outside 200..=599 ([`ANSWER_STATUSES`]), naming it;
    /// see [`try_status`](Self::try_status).
    #[track_caller]
    pub fn status(status: u16) -> Self {
        match MockResponse::try_status(status) {
            Ok(response) => response,
            Err(invalid) => panic!("{invalid}"),
        }
    }

    /// As [`status`](Self::status), with an error instead of a panic.
    ///
    /// # Errors
    ///
    /// When `status` is outside 200..=599.
    pub fn try_status(status: u16) -> Result<Self, InvalidStatus> {
        if !ANSWER_STATUSES.contains(&status) {
            return Err(InvalidStatus(status));
        }
        Ok(MockResponse {
            status: Some(status),
            body: Some(String::new()),
            ..MockResponse::example()
        })
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
    ///
    /// # Panics
    ///
    /// When `name` is not a header name or `value` not a header value
    /// (a control character, say), naming them.
    #[must_use]
    #[track_caller]
    pub fn header(mut self, name: &str, value: &str) -> Self {
        if hyper::header::HeaderName::try_from(name).is_err() {
            panic!("{name:?} is not a header name");
        }
        if hyper::header::HeaderValue::try_from(value).is_err() {
            panic!("{value:?} is not a value of header {name}");
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[should_panic(expected = "status 0")]
    fn a_status_no_server_could_answer_with_is_refused() {
        let _ = MockResponse::status(0);
    }

    #[test]
    fn statuses_are_checked_at_both_ends() {
        for bad in [0, 100, 199, 600, 999, u16::MAX] {
            let err = MockResponse::try_status(bad).unwrap_err();
            assert!(err.to_string().contains(&format!("status {bad} ")), "{err}");
        }
        for good in [200, 429, 599] {
            assert_eq!(MockResponse::try_status(good).unwrap().status, Some(good));
        }
    }

    #[test]
    #[should_panic(expected = "is not a value of header Retry-After")]
    fn a_header_no_server_could_send_is_refused() {
        let _ = MockResponse::status(429).header("Retry-After", "1\n2");
    }
}
