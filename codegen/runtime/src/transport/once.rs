//! One attempt: the request sent, the answer's status, `Retry-After`,
//! headers and whole body read within the size cap, and what went wrong
//! sorted by whether anything may have reached the service.

use super::connect_deadline::with_connect_deadline;
use crate::auth::Used;
use crate::call::CallOptions;
use crate::retry_after;
use crate::state::State;
use crate::{Error, Request};
use bytes::{Bytes, BytesMut};
use reqwest::header::{HeaderMap, RETRY_AFTER};
use reqwest::{StatusCode, Url};
use std::time::{Duration, SystemTime};

/// A complete answer: status and the whole body.
pub(super) struct Answer {
    pub(super) status: StatusCode,
    pub(super) retry_after: Option<Duration>,
    pub(super) body: Bytes,
    /// Kept for a 2xx, which a call may ask for.
    pub(super) headers: HeaderMap,
    /// The credential the attempt carried, for a 401 to refresh.
    pub(super) used: Used,
}

pub(super) enum Failure {
    /// No credential for the operation's scheme, or the token provider or
    /// signer failed: nothing was sent.
    Credentials(Error),
    /// The token provider gave no token in the call's remaining time:
    /// nothing was sent.
    TokenTimeout,
    /// No connection, or the connection closed before the request was
    /// started: nothing was sent.
    Connect(reqwest::Error),
    /// The HTTP client could not form the request: nothing was sent.
    Unsendable(reqwest::Error),
    /// The request may have been sent; no complete answer. `status` is set
    /// when the headers arrived and the body then broke off.
    Interrupted {
        error: reqwest::Error,
        status: Option<StatusCode>,
    },
    /// The body passed the size limit.
    TooLarge {
        status: StatusCode,
        retry_after: Option<Duration>,
    },
}

/// How long before the attempt's end its connect is ended: enough for the
/// connect's error to be seen before the attempt's own timeout fires.
fn connect_margin(limit: Duration) -> Duration {
    (limit / 4).min(Duration::from_millis(20))
}

/// Whether hyper gave the request back unstarted: it reports a request it
/// never began to write, on a connection that closed or failed first, as
/// canceled, and a request it began to write as anything else.
fn never_started(error: &reqwest::Error) -> bool {
    let mut next: Option<&(dyn std::error::Error + 'static)> = Some(error);
    while let Some(cause) = next {
        if cause
            .downcast_ref::<hyper::Error>()
            .is_some_and(hyper::Error::is_canceled)
        {
            return true;
        }
        next = cause.source();
    }
    false
}

/// The limit of an attempt: the client's attempt timeout, shortened to
/// what is left of the call.
fn limit(state: &State, remaining: Duration) -> Duration {
    state.limits().attempt_timeout.min(remaining)
}

/// One attempt, bounded by the client's attempt timeout shortened to the
/// call's `remaining` time from connecting to the end of the body, and
/// its wait for a token by `remaining`.
///
/// A function returning a block rather than an `async fn`, which would
/// hold its arguments twice: this future is part of the one each call
/// allocates.
#[allow(
    clippy::manual_async_fn,
    reason = "an `async fn` holds its arguments twice"
)]
pub(super) fn once<'a>(
    state: &'a State,
    request: &'a Request,
    options: Option<&'a CallOptions>,
    url: Url,
    remaining: Duration,
) -> impl Future<Output = Result<Answer, Failure>> + Send + 'a {
    async move {
        // Scoped: the request is handed to the HTTP client here, and its
        // storage is not kept in this future while the answer is read.
        let (sending, used) = {
            let mut attempt = state
                .attempt(request, options, url, limit(state, remaining))
                .build()
                .map_err(Failure::Unsendable)?;
            let used = state
                .authorize(request.operation(), &mut attempt, remaining)
                .await
                .map_err(|e| match e.kind() {
                    // The token provider's wait passed the call's deadline.
                    crate::ErrorKind::Timeout { .. } => Failure::TokenTimeout,
                    _ => Failure::Credentials(e),
                })?;
            (state.http(limit(state, remaining)).execute(attempt), used)
        };
        // Worked out again rather than kept: a value held across the
        // await above would be one more in every call's future.
        let limit = limit(state, remaining);
        // Connects end a little before the attempt does, so that one cut short
        // by the attempt's limit fails as a connect (nothing sent) rather than
        // as the request's timeout (outcome unknown).
        let connect_deadline =
            tokio::time::Instant::now() + limit.saturating_sub(connect_margin(limit));
        let mut response = with_connect_deadline(sending, connect_deadline)
            .await
            .map_err(|e| {
                if e.is_connect() || never_started(&e) {
                    Failure::Connect(e)
                } else if e.is_builder() {
                    Failure::Unsendable(e)
                } else {
                    Failure::Interrupted {
                        error: e,
                        status: None,
                    }
                }
            })?;
        let status = response.status();
        let retry_after = response
            .headers()
            .get(RETRY_AFTER)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| retry_after::parse(v, SystemTime::now()));
        let cap = state.limits().max_response_bytes;
        if response
            .content_length()
            .is_some_and(|len| len > cap as u64)
        {
            return Err(Failure::TooLarge {
                status,
                retry_after,
            });
        }
        let mut body = BytesMut::new();
        let broke = |error| Failure::Interrupted {
            error,
            status: Some(status),
        };
        while let Some(chunk) = response.chunk().await.map_err(broke)? {
            if body.len() + chunk.len() > cap {
                return Err(Failure::TooLarge {
                    status,
                    retry_after,
                });
            }
            body.extend_from_slice(&chunk);
        }
        // Moved out rather than copied, and once the body is read rather than
        // kept beside it through every await.
        let headers = std::mem::take(response.headers_mut());
        Ok(Answer {
            status,
            retry_after,
            body: body.freeze(),
            headers,
            used,
        })
    }
}
