//! A transport failure, as the runtime's own type: the HTTP client
//! underneath can change without changing [`crate::ErrorKind`].

use std::fmt;

/// Why a request could not be sent or its response read (a refused
/// connection, a reset, a TLS failure, a timeout). Its `Display` and
/// [`std::error::Error::source`] chain carry the details; the URL is never
/// in them, as its path may hold personal data.
pub struct TransportError(reqwest::Error);

impl TransportError {
    pub(crate) fn new(error: reqwest::Error) -> Self {
        TransportError(error.without_url())
    }

    /// Whether an attempt ran out of time.
    pub fn is_timeout(&self) -> bool {
        self.0.is_timeout()
    }

    /// Whether no connection could be made.
    pub fn is_connect(&self) -> bool {
        self.0.is_connect()
    }
}

impl fmt::Display for TransportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl fmt::Debug for TransportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.0, f)
    }
}

/// The HTTP client's own error is skipped: its causes come straight after,
/// so the chain reads as it did, without the client's type in it.
impl std::error::Error for TransportError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        std::error::Error::source(&self.0)
    }
}
