//! One exchange over HTTP: a finished request sent through the HTTP client
//! for an attempt of its length, and the answer read (status,
//! `Retry-After`, headers and the whole body within the size cap), or what
//! went wrong, sorted by whether anything may have reached the service.
//!
//! The bottom of a call's path: it knows neither credentials nor retries
//! nor calls, and imports nothing of the layers above it (`attempt.rs`,
//! `verdict.rs`, `execute.rs`).

mod clients;
mod connect_deadline;

use crate::retry_after;
use bytes::{Bytes, BytesMut};
pub(crate) use clients::Clients;
pub(crate) use connect_deadline::ConnectDeadlineLayer;
use connect_deadline::with_connect_deadline;
use reqwest::StatusCode;
use reqwest::header::{HeaderMap, RETRY_AFTER};
use std::time::{Duration, SystemTime};

/// A complete answer: status and the whole body.
pub(crate) struct Answer {
    pub(crate) status: StatusCode,
    pub(crate) retry_after: Option<Duration>,
    pub(crate) body: Bytes,
    /// Kept for a 2xx, which a call may ask for.
    pub(crate) headers: HeaderMap,
}

/// What kept an exchange from a complete answer.
pub(crate) enum Failure {
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

/// Sends `request` through `clients`' client for an attempt of `limit`
/// (the request's own timeout, or the client's when it is the whole
/// attempt timeout: `attempt.rs`), and reads the answer's body up to `cap`
/// bytes.
///
/// A function returning a block rather than an `async fn`, which would
/// hold its arguments twice: this future is part of the one each call
/// allocates.
#[allow(
    clippy::manual_async_fn,
    reason = "an `async fn` holds its arguments twice"
)]
pub(crate) fn exchange(
    clients: &Clients,
    request: reqwest::Request,
    limit: Duration,
    cap: usize,
) -> impl Future<Output = Result<Answer, Failure>> + Send + 'static {
    let (client, layered) = clients.for_attempt(limit);
    let sending = client.execute(request);
    async move {
        // Connects end a little before the attempt does, so that one cut short
        // by the attempt's limit fails as a connect (nothing sent) rather than
        // as the request's timeout (outcome unknown). Only the layered
        // client's connects read it; the other's connect timeout ends first.
        let connect_deadline = layered
            .then(|| tokio::time::Instant::now() + limit.saturating_sub(connect_margin(limit)));
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
        })
    }
}
