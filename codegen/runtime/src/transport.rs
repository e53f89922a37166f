//! Sending a request: attempts, timeouts, retries, the response size cap,
//! and the tracing spans around them. The retry rules themselves live in
//! `retry.rs` as a pure function.

mod clients;
mod connect_deadline;
mod once;

use once::{Failure, once};

use crate::call::CallOptions;
use crate::retry::{Decision, Outcome};
use crate::state::State;
use crate::{Delivery, Error, ErrorKind, Request, Response, Vendor};
use bytes::Bytes;
pub(crate) use clients::Clients;
pub(crate) use connect_deadline::ConnectDeadlineLayer;
use reqwest::StatusCode;
use std::pin::Pin;
use std::sync::Arc;
use std::time::{Duration, Instant};
use tracing::Instrument;
use tracing::field::Empty;

/// Sends `request`, retrying as the client's policy (or the call's
/// `options`, checked already) allows, and returns the response when its
/// status is 2xx.
///
/// Span names are compile-time constants in `tracing`, so they are neutral
/// (`api.call`, `api.attempt`); the `api` field carries the vendor's name.
///
/// A function returning a block rather than an `async fn`: an `async fn`
/// keeps its arguments twice in its future (as passed and as moved into
/// its body), and this future is boxed once per call, where a smaller one
/// is a cheaper allocation.
#[allow(
    clippy::manual_async_fn,
    reason = "an `async fn` holds its arguments twice"
)]
pub(crate) fn execute(
    state: Arc<State>,
    request: Request,
    options: Option<Box<CallOptions>>,
) -> impl Future<Output = Result<Response, Error>> + Send + 'static {
    async move {
        let operation = request.operation();
        let span = tracing::info_span!(
            "api.call",
            api = state.vendor().name(),
            operation = operation.name,
            method = %operation.method,
            attempts = Empty,
            status = Empty,
            request_id = Empty,
            duration_ms = Empty,
        );
        // One clock for the deadline and the span's duration.
        let started = Instant::now();
        let options = options.as_deref();
        // With no subscriber listening the span is disabled: entering and
        // leaving it on every poll would cost the call for nothing.
        let result = if span.is_disabled() {
            attempts(&state, &request, options, &span, started).await
        } else {
            let result = Box::pin(attempts(&state, &request, options, &span, started))
                .instrument(span.clone())
                .await;
            span.record("duration_ms", millis(started.elapsed()));
            result
        };
        let vendor = state.vendor();
        result.map_err(|e| {
            let e = e.in_operation(operation.name);
            match vendor.request_id_field() {
                Some(label) => e.with_request_id_label(label),
                None => e,
            }
        })
    }
}

/// The attempts of one call. A function returning a block, like
/// [`execute`], so its arguments are held once; what lives across an await
/// is kept to what the next step needs, for the same reason.
#[allow(
    clippy::manual_async_fn,
    reason = "an `async fn` holds its arguments twice"
)]
fn attempts<'a>(
    state: &'a State,
    request: &'a Request,
    options: Option<&'a CallOptions>,
    span: &'a tracing::Span,
    started: Instant,
) -> impl Future<Output = Result<Response, Error>> + Send + 'a {
    async move {
        let operation = request.operation();
        let deadline = options
            .and_then(|o| o.timeout)
            .unwrap_or(state.limits().timeout);
        let idempotent = options.map_or(operation.idempotent, |o| o.idempotent(operation));
        let policy = options.and_then(|o| o.retry.as_ref());
        // The worst an attempt so far may have done, for the final error.
        let mut delivery = Delivery::NotSent;
        let mut attempt = 0u32;
        // Whether a refused token was refreshed already: once per call.
        let mut refreshed = false;
        loop {
            // Parsed for each attempt (a retry is rare) rather than kept,
            // unused, beside every attempt; scoped so that it is not.
            let url = {
                let url = state.url(operation, request.path_and_query())?;
                // The HTTP layer cannot carry a longer URL (`http::Uri`
                // stores lengths in 16 bits); refused here, it is an
                // argument error, not three failed attempts.
                if url.as_str().len() > MAX_URL_BYTES {
                    return Err(Error::invalid(
                        "url",
                        format!(
                            "is longer than {MAX_URL_BYTES} bytes; a path parameter is too long"
                        ),
                    ));
                }
                url
            };
            attempt += 1;
            span.record("attempts", attempt);
            // What is left of the call's time: the bound of the attempt's
            // wait for its credential, and of the attempt itself.
            let remaining = deadline.saturating_sub(started.elapsed());
            if remaining.is_zero() {
                // No attempt was started: what the earlier ones may have done stands.
                let error = Error::new(ErrorKind::Timeout { after: deadline });
                return Err(error.after_attempts(attempt - 1, delivery));
            }
            // Whether the attempt's own limit was shortened to fit the call's.
            let cut = remaining < state.limits().attempt_timeout;
            // Scoped, so that the answer is not kept through a retry's wait.
            let (outcome, error, processed) = {
                let attempt_span = tracing::debug_span!(
                    "api.attempt",
                    attempt,
                    status = Empty,
                    duration_ms = Empty,
                );
                let result = if attempt_span.is_disabled() {
                    once(state, request, options, url, remaining).await
                } else {
                    traced(once(state, request, options, url, remaining), &attempt_span).await
                };
                // A 2xx whose body then broke off: the service acted.
                let mut processed = false;
                let (outcome, error) = match result {
                    Ok(answer) if answer.status.is_success() => {
                        attempt_span.record("status", answer.status.as_u16());
                        span.record("status", answer.status.as_u16());
                        let headers = crate::Headers::new(answer.headers);
                        if !span.is_disabled()
                            && let Some(id) =
                                crate::reply::request_id(state.vendor(), &headers, &answer.body)
                        {
                            span.record("request_id", id.as_str());
                        }
                        return Ok(Response {
                            operation,
                            status: crate::StatusCode::from_http(answer.status),
                            headers,
                            body: answer.body,
                            attempts: attempt,
                        });
                    }
                    Ok(answer)
                        if answer.status == StatusCode::UNAUTHORIZED
                            && !refreshed
                            && state.refused(&answer.used) =>
                    {
                        // The API did not act on a refused token: one more attempt,
                        // at once, with a fresh one.
                        attempt_span.record("status", answer.status.as_u16());
                        refreshed = true;
                        delivery = delivery.max(Delivery::Rejected);
                        tracing::debug!(attempt, "token refused; retrying with a fresh one");
                        continue;
                    }
                    Ok(answer) => {
                        attempt_span.record("status", answer.status.as_u16());
                        span.record("status", answer.status.as_u16());
                        let outcome = Outcome::Status {
                            code: answer.status.as_u16(),
                            retry_after: answer.retry_after,
                        };
                        let error = api_error(state.vendor(), answer.status, answer.body);
                        if let Some(id) = error.request_id() {
                            span.record("request_id", id);
                        }
                        (outcome, error)
                    }
                    Err(Failure::Connect(e)) => {
                        // Cut short by the call's deadline rather than the connect timeout.
                        let error = if e.is_timeout() && cut {
                            Error::new(ErrorKind::Timeout { after: deadline })
                        } else {
                            Error::transport(e)
                        };
                        (Outcome::ConnectFailed, error)
                    }
                    Err(Failure::Credentials(error)) => {
                        return Err(error.after_attempts(attempt - 1, delivery));
                    }
                    Err(Failure::TokenTimeout) => {
                        // This attempt sent nothing: the earlier ones' delivery stands.
                        let error = Error::new(ErrorKind::Timeout { after: deadline });
                        return Err(error.after_attempts(attempt - 1, delivery));
                    }
                    Err(Failure::Unsendable(e)) => {
                        // Refused by the HTTP client before any byte went out.
                        let error =
                            Error::invalid("request", crate::error::causes(&e.without_url()));
                        return Err(error.after_attempts(attempt - 1, delivery));
                    }
                    Err(Failure::Interrupted { error: e, status }) => {
                        processed = status.is_some_and(|s| s.is_success());
                        // Cut short by the call's deadline rather than the attempt's own limit.
                        let error = if e.is_timeout() && cut {
                            Error::new(ErrorKind::Timeout { after: deadline })
                        } else {
                            Error::transport(e)
                        };
                        (Outcome::Interrupted, error)
                    }
                    Err(Failure::TooLarge {
                        status,
                        retry_after,
                    }) => {
                        let error = Error::new(ErrorKind::ResponseTooLarge {
                            status: crate::StatusCode::from_http(status),
                            limit: state.limits().max_response_bytes,
                        });
                        if status.is_success() {
                            // The service acted; repeating cannot help.
                            return Err(error.after_attempts(attempt, Delivery::Processed));
                        }
                        (
                            Outcome::Status {
                                code: status.as_u16(),
                                retry_after,
                            },
                            error,
                        )
                    }
                };
                (outcome, error, processed)
            };
            let this_attempt = if processed {
                Delivery::Processed
            } else {
                delivery_of(outcome)
            };
            // An earlier attempt that may have acted is not undone by a later refusal.
            delivery = delivery.max(this_attempt);
            // A streamed upload was read by this attempt and cannot be sent again.
            let decision = if request.is_replayable() {
                state.decide(
                    policy,
                    idempotent,
                    attempt,
                    outcome,
                    started.elapsed(),
                    deadline,
                )
            } else {
                Decision::Stop
            };
            match decision {
                Decision::RetryAfter(delay) => {
                    tracing::debug!(attempt, delay_ms = millis(delay), "retrying");
                    tokio::time::sleep(delay).await;
                }
                Decision::Stop => return Err(error.after_attempts(attempt, delivery)),
            }
        }
    }
}

/// `attempt` run in `span`, which then records how long it took. Boxed,
/// with the clock it reads: only an attempt someone traces makes room for
/// them, not every call's future.
fn traced<'a, F: Future + Send + 'a>(
    attempt: F,
    span: &tracing::Span,
) -> Pin<Box<dyn Future<Output = F::Output> + Send + 'a>> {
    let span = span.clone();
    Box::pin(async move {
        let sent_at = Instant::now();
        let result = attempt.instrument(span.clone()).await;
        span.record("duration_ms", millis(sent_at.elapsed()));
        result
    })
}

/// What an attempt may have done at the service.
fn delivery_of(outcome: Outcome) -> Delivery {
    match outcome {
        Outcome::ConnectFailed => Delivery::NotSent,
        Outcome::Interrupted => Delivery::Unknown,
        Outcome::Status {
            code: 503,
            retry_after: Some(_),
        } => Delivery::Rejected,
        Outcome::Status { code, .. } if (400..500).contains(&code) => Delivery::Rejected,
        Outcome::Status { .. } => Delivery::Unknown,
    }
}

/// The longest URL the HTTP layer accepts (`http::Uri`'s limit).
const MAX_URL_BYTES: usize = u16::MAX as usize - 1;

fn millis(d: Duration) -> u64 {
    u64::try_from(d.as_millis()).unwrap_or(u64::MAX)
}

/// An error from a non-2xx answer: the request id and message as the
/// vendor reads them, the raw body always.
fn api_error(vendor: &dyn Vendor, status: StatusCode, body: Bytes) -> Error {
    let read = vendor.read_error(&body);
    Error::new(ErrorKind::Api {
        status: crate::StatusCode::from_http(status),
        request_id: read.request_id,
        message: read.message,
        body,
    })
}
