//! The one error type of every call.

mod page_link;

use crate::{StatusCode, TransportError};
use bytes::Bytes;
pub use page_link::PageLinkProblem;
use std::fmt;

/// Why a call failed, and what is known about it.
///
/// Its one-line `Display` names the operation and what happened, for example
/// `get_item: HTTP 404 Not Found: no such item (request_id 5b1c...)`, the id
/// under the name the vendor gives it ([`crate::Vendor::request_id_field`]).
/// Match on [`Error::kind`] to tell the cases apart; the accessors give the
/// status, the API's request id and message, the raw body where there is one, how many
/// attempts were made, and whether the request may have been acted on
/// ([`Error::delivery`]), so a caller can reconcile before trying again.
pub struct Error {
    inner: Box<Inner>,
}

struct Inner {
    kind: ErrorKind,
    operation: Option<&'static str>,
    attempts: u32,
    delivery: Delivery,
    /// What `Display` calls the request id: the vendor's name for it.
    request_id_label: &'static str,
}

/// Whether a failed request may have been acted on by the service.
///
/// Ordered from least to most worrying, so the worst of several attempts
/// is their maximum.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Delivery {
    /// Nothing reached the service: rejected before sending, or no
    /// connection could be made. Safe to send again.
    NotSent,
    /// The service answered that it did not act (a 4xx status, or 503 with
    /// `Retry-After`).
    Rejected,
    /// The request may have reached the service and been acted on, but no
    /// usable answer came back (a timeout or reset after sending, a 5xx).
    /// Check the call's state before sending it again: adding a user twice
    /// may, for example, ring a phone twice.
    Unknown,
    /// The service reported success, but its answer could not be read.
    Processed,
}

/// What went wrong.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ErrorKind {
    /// An argument or setting was rejected before anything was sent.
    #[error("invalid {field}: {reason}")]
    InvalidInput {
        /// The argument, field or setting at fault.
        field: String,
        /// Why it was rejected.
        reason: String,
    },
    /// The request could not be sent, or the response could not be read.
    #[error("request failed: {}", causes(.source))]
    Transport {
        /// What failed underneath.
        #[source]
        source: TransportError,
    },
    /// The API answered with a status other than 2xx.
    #[error("HTTP {status}{}", message_suffix(.message.as_deref()))]
    Api {
        /// The HTTP status.
        status: StatusCode,
        /// The API's id for the request, when the body carried one.
        request_id: Option<String>,
        /// The API's error message, when the body carried one.
        message: Option<String>,
        /// The body exactly as received.
        body: Bytes,
    },
    /// A response body longer than the configured limit; reading stopped there.
    #[error("HTTP {status} response body is larger than the {limit}-byte limit")]
    ResponseTooLarge {
        /// The HTTP status.
        status: StatusCode,
        /// The limit, in bytes.
        limit: usize,
    },
    /// The call's overall deadline passed before a response arrived.
    #[error("no response within the call's {after:?} deadline")]
    Timeout {
        /// The deadline.
        after: std::time::Duration,
    },
    /// A success status whose body is not what the operation returns.
    #[error("HTTP {status} response could not be decoded: {reason}")]
    Decode {
        /// The HTTP status.
        status: StatusCode,
        /// Why decoding failed.
        reason: String,
        /// The body exactly as received.
        body: Bytes,
    },
    /// A page of a paginated listing named a next page that is not
    /// followed: nothing was sent for it. The pages before it were
    /// delivered.
    #[error("next page not requested: {problem}")]
    PageLink {
        /// Why the link was not followed.
        problem: PageLinkProblem,
    },
}

/// An error and its causes on one line; transport errors keep the useful
/// part (such as "Connection refused") in their sources.
pub(crate) fn causes(error: &dyn std::error::Error) -> String {
    let mut line = error.to_string();
    let mut next = error.source();
    while let Some(cause) = next {
        let text = cause.to_string();
        if !line.contains(&text) {
            line.push_str(": ");
            line.push_str(&text);
        }
        next = cause.source();
    }
    line
}

fn message_suffix(message: Option<&str>) -> String {
    message.map(|m| format!(": {m}")).unwrap_or_default()
}

impl Error {
    pub(crate) fn new(kind: ErrorKind) -> Self {
        // What is known without the transport; it records attempts and
        // delivery itself for every error of a call it made.
        let (attempts, delivery) = match &kind {
            ErrorKind::InvalidInput { .. } | ErrorKind::PageLink { .. } => (0, Delivery::NotSent),
            ErrorKind::Decode { .. } => (1, Delivery::Processed),
            _ => (1, Delivery::Unknown),
        };
        Error {
            inner: Box::new(Inner {
                kind,
                operation: None,
                attempts,
                delivery,
                request_id_label: "request id",
            }),
        }
    }

    /// Records how many attempts the call made and what they may have done.
    pub(crate) fn after_attempts(mut self, attempts: u32, delivery: Delivery) -> Self {
        self.inner.attempts = attempts;
        self.inner.delivery = delivery;
        self
    }

    pub(crate) fn invalid(field: impl Into<String>, reason: impl Into<String>) -> Self {
        Error::new(ErrorKind::InvalidInput {
            field: field.into(),
            reason: reason.into(),
        })
    }

    /// A transport failure; the URL is dropped because its path can hold
    /// phone numbers.
    pub(crate) fn transport(source: reqwest::Error) -> Self {
        Error::new(ErrorKind::Transport {
            source: TransportError::new(source),
        })
    }

    /// Names the request id as the vendor does, for `Display`.
    pub(crate) fn with_request_id_label(mut self, label: &'static str) -> Self {
        self.inner.request_id_label = label;
        self
    }

    pub(crate) fn in_operation(mut self, operation: &'static str) -> Self {
        self.inner.operation = Some(operation);
        self
    }

    /// What went wrong.
    pub fn kind(&self) -> &ErrorKind {
        &self.inner.kind
    }

    /// The operation that failed (such as `add_user`), when the error came from a call.
    pub fn operation(&self) -> Option<&'static str> {
        self.inner.operation
    }

    /// The HTTP status, when a response arrived.
    pub fn status(&self) -> Option<StatusCode> {
        match self.kind() {
            ErrorKind::Api { status, .. }
            | ErrorKind::Decode { status, .. }
            | ErrorKind::ResponseTooLarge { status, .. } => Some(*status),
            _ => None,
        }
    }

    /// The API's id for the failed request, when the response carried one
    /// (read by [`crate::Vendor::read_error`]).
    pub fn request_id(&self) -> Option<&str> {
        match self.kind() {
            ErrorKind::Api { request_id, .. } => request_id.as_deref(),
            _ => None,
        }
    }

    /// The same as [`Error::request_id`], under the name Plivo gives it:
    /// the `plivo` crate re-exports this type, and its users call `api_id()`.
    pub fn api_id(&self) -> Option<&str> {
        self.request_id()
    }

    /// The API's error message, when the response carried one.
    pub fn message(&self) -> Option<&str> {
        match self.kind() {
            ErrorKind::Api { message, .. } => message.as_deref(),
            _ => None,
        }
    }

    /// How many attempts the call made (1 when it was not retried; 0 when it
    /// was rejected before sending).
    pub fn attempts(&self) -> u32 {
        self.inner.attempts
    }

    /// Whether the call was retried before it failed.
    pub fn was_retried(&self) -> bool {
        self.inner.attempts > 1
    }

    /// Whether the request may have been acted on.
    pub fn delivery(&self) -> Delivery {
        self.inner.delivery
    }

    /// True when the request may have been acted on but the outcome is not
    /// known: reconcile (look the call up) before sending it again.
    pub fn outcome_unknown(&self) -> bool {
        self.inner.delivery == Delivery::Unknown
    }

    /// Whether the call timed out, per attempt or overall.
    pub fn is_timeout(&self) -> bool {
        match self.kind() {
            ErrorKind::Timeout { .. } => true,
            ErrorKind::Transport { source } => source.is_timeout(),
            _ => false,
        }
    }

    /// The response body exactly as received, when a response arrived.
    pub fn body(&self) -> Option<&[u8]> {
        match self.kind() {
            ErrorKind::Api { body, .. } | ErrorKind::Decode { body, .. } => Some(body),
            _ => None,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(op) = self.inner.operation {
            write!(f, "{op}: ")?;
        }
        write!(f, "{}", self.inner.kind)?;
        if let Some(id) = self.request_id() {
            write!(f, " ({} {id})", self.inner.request_id_label)?;
        }
        if self.inner.attempts > 1 {
            write!(f, " [after {} attempts]", self.inner.attempts)?;
        }
        if self.outcome_unknown() {
            f.write_str(" [outcome unknown: the request may have been processed]")?;
        }
        Ok(())
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Error")
            .field("operation", &self.inner.operation)
            .field("kind", &self.inner.kind)
            .field("attempts", &self.inner.attempts)
            .field("delivery", &self.inner.delivery)
            .finish()
    }
}

/// `Display` already carries every cause on one line, so `source` is empty
/// (reporters would print the causes twice); the transport error itself is in
/// [`ErrorKind::Transport`].
impl std::error::Error for Error {}
