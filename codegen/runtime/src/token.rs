//! Tokens the caller's code supplies, for bearer and OAuth 2.0 operations.

use std::future::Future;
use std::pin::Pin;

/// What a [`TokenProvider`] returns: a token, or why it has none.
pub type TokenFuture<'a> = Pin<
    Box<dyn Future<Output = Result<String, Box<dyn std::error::Error + Send + Sync>>> + Send + 'a>,
>;

/// Supplies the token of bearer and OAuth 2.0 operations, for a client built
/// with [`crate::ClientBuilder::token_provider`].
///
/// The client asks for a token before every attempt, so a provider that
/// fetches tokens should cache one until it expires. It asks on a thread of
/// tokio's blocking pool, where the provider's future also runs (on the
/// call's runtime, whose I/O and timers it may use): a provider that blocks
/// its thread, in `token` or in its future, holds up only that thread, and
/// the call still ends at its timeout ([`crate::Call::timeout`], else the
/// client's) with [`crate::ErrorKind::Timeout`], nothing sent. When the API answers
/// 401, the client calls [`TokenProvider::invalidate`] with the refused
/// token and tries once more with a fresh one: a 401 means the API did not
/// act, so the request is safe to send again.
///
/// ```
/// use postman_runtime::{TokenFuture, TokenProvider};
/// use std::sync::Mutex;
///
/// /// Hands out the token a login stored; a real one would fetch and cache.
/// struct Stored(Mutex<String>);
///
/// impl TokenProvider for Stored {
///     fn token(&self) -> TokenFuture<'_> {
///         let token = self.0.lock().map(|t| t.clone()).unwrap_or_default();
///         Box::pin(async move { Ok(token) })
///     }
/// }
/// ```
pub trait TokenProvider: Send + Sync + 'static {
    /// A token for the next attempt. An error ends the call before anything
    /// is sent, as [`crate::ErrorKind::InvalidInput`] naming the provider.
    fn token(&self) -> TokenFuture<'_>;

    /// The API refused `token` (HTTP 401): a cached copy should not be
    /// handed out again. The default does nothing.
    fn invalidate(&self, token: &str) {
        let _ = token;
    }
}
