//! One attempt of a call: the HTTP request built from the call's request
//! and options, its credential put on last, and the exchange
//! (`transport.rs`). Whether to try again is not decided here
//! (`verdict.rs`, `execute.rs`).

use crate::auth::Used;
use crate::call::options::CallOptions;
use crate::state::State;
use crate::transport::{self, Answer};
use crate::{Error, ErrorKind, Request};
use reqwest::Url;
use reqwest::header::{ACCEPT, CONTENT_TYPE, HeaderName, HeaderValue, USER_AGENT};
use std::time::Duration;

/// What kept an attempt from a complete answer.
pub(crate) enum Failure {
    /// The request could not be formed, there is no credential for the
    /// operation's scheme, or the token provider or signer failed: nothing
    /// was sent.
    Refused(Error),
    /// The token provider gave no token in the call's remaining time:
    /// nothing was sent.
    TokenTimeout,
    /// The exchange failed; see [`transport::Failure`].
    Exchange(transport::Failure),
}

/// The limit of an attempt: the client's attempt timeout, shortened to
/// what is left of the call.
pub(crate) fn limit(state: &State, remaining: Duration) -> Duration {
    state.limits().attempt_timeout.min(remaining)
}

/// One attempt of `request` to `url`, with the call's `options` (checked
/// already), bounded by the client's attempt timeout shortened to the
/// call's `remaining` time from connecting to the end of the body, and its
/// wait for a token by `remaining`. Gives the answer and the credential it
/// carried, for a 401 to refresh.
///
/// A function returning a block rather than an `async fn`, which would
/// hold its arguments twice: this future is part of the one each call
/// allocates.
#[allow(
    clippy::manual_async_fn,
    reason = "an `async fn` holds its arguments twice"
)]
pub(crate) fn attempt<'a>(
    state: &'a State,
    request: &'a Request,
    options: Option<&'a CallOptions>,
    url: Url,
    remaining: Duration,
) -> impl Future<Output = Result<(Answer, Used), Failure>> + Send + 'a {
    async move {
        // Scoped: the request is handed to the exchange here, and its
        // storage is not kept in this future while the answer is read.
        let (exchange, used) = {
            let mut http = build(state, request, options, url, limit(state, remaining))
                .map_err(Failure::Refused)?;
            let used = state
                .credentials()
                .apply(request.operation(), &mut http, remaining)
                .await
                .map_err(|e| match e.kind() {
                    // The token provider's wait passed the call's deadline.
                    ErrorKind::Timeout { .. } => Failure::TokenTimeout,
                    _ => Failure::Refused(e),
                })?;
            // Worked out again rather than kept: a value held across the
            // await above would be one more in every call's future.
            let limit = limit(state, remaining);
            let cap = state.limits().max_response_bytes;
            (transport::exchange(state.http(), http, limit, cap), used)
        };
        let answer = exchange.await.map_err(Failure::Exchange)?;
        Ok((answer, used))
    }
}

/// The HTTP request of one attempt of `request` to `url`, limited to
/// `limit`, with the call's extra headers and idempotency key, without its
/// credentials yet: they go on last, so that a signer sees every other
/// header.
fn build(
    state: &State,
    request: &Request,
    options: Option<&CallOptions>,
    url: Url,
    limit: Duration,
) -> Result<reqwest::Request, Error> {
    let operation = request.operation();
    let mut http = reqwest::Request::new(operation.method.to_http(), url);
    // The HTTP client's own timeout is the full attempt timeout; a request
    // sets one only when shorter, which costs it a map of extensions.
    if limit != state.http().timeout() {
        *http.timeout_mut() = Some(limit);
    }
    let headers = http.headers_mut();
    headers.append(ACCEPT, request.accept());
    headers.append(USER_AGENT, state.user_agent().clone());
    for (name, value) in request.headers() {
        // Checked when the request was built.
        if let (Ok(name), Ok(value)) = (
            HeaderName::try_from(*name),
            HeaderValue::try_from(value.as_str()),
        ) {
            headers.append(name, value);
        }
    }
    if let Some(options) = options {
        for (name, value) in &options.headers {
            headers.append(name, value.clone());
        }
        if let (Some(key), Some(name)) = (
            &options.idempotency_key,
            state.vendor().idempotency_header(operation),
        ) {
            // Never sent without it: the key is what makes a retry safe.
            let name = HeaderName::try_from(name).map_err(|_| {
                Error::invalid("idempotency key", "the API's header name is not valid")
            })?;
            headers.append(name, key.clone());
        }
    }
    if let Some((content_type, body)) = request.http_body() {
        headers.append(CONTENT_TYPE, content_type);
        *http.body_mut() = Some(body);
    }
    Ok(http)
}
