//! A call's policy: its tracing span, its deadline, its attempts one after
//! another (`attempt.rs`), what each means (`verdict.rs`), what the call
//! may have done so far, and whether and when to try again (the rules
//! themselves are `retry.rs`, a pure function). The top of a call's path:
//! nothing below imports it.

use crate::attempt::attempt;
use crate::call::options::CallOptions;
use crate::retry::Decision;
use crate::state::State;
use crate::transport::Answer;
use crate::verdict::{Verdict, verdict};
use crate::{Delivery, Error, ErrorKind, Operation, Request, Response};
use reqwest::Url;
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
        // The worst an attempt so far may have done, for the final error.
        let mut delivery = Delivery::NotSent;
        let mut attempt_no = 0u32;
        // Whether a refused token was refreshed already: once per call.
        let mut refreshed = false;
        loop {
            // Parsed for each attempt (a retry is rare) rather than kept,
            // unused, beside every attempt.
            let url = url(state, request)?;
            attempt_no += 1;
            span.record("attempts", attempt_no);
            // What is left of the call's time: the bound of the attempt's
            // wait for its credential, and of the attempt itself.
            let remaining = deadline.saturating_sub(started.elapsed());
            if remaining.is_zero() {
                // No attempt was started: what the earlier ones may have done stands.
                let error = Error::new(ErrorKind::Timeout { after: deadline });
                return Err(error.after_attempts(attempt_no - 1, delivery));
            }
            // Whether the attempt's own limit was shortened to fit the call's.
            let cut = remaining < state.limits().attempt_timeout;
            // Scoped, so that the answer is not kept through a retry's wait.
            let (outcome, error) = {
                let attempt_span = tracing::debug_span!(
                    "api.attempt",
                    attempt = attempt_no,
                    status = Empty,
                    duration_ms = Empty,
                );
                let result = if attempt_span.is_disabled() {
                    attempt(state, request, options, url, remaining).await
                } else {
                    let attempt = attempt(state, request, options, url, remaining);
                    traced(attempt, &attempt_span).await
                };
                let status = result.as_ref().ok().map(|(a, _)| a.status.as_u16());
                if let Some(status) = status {
                    attempt_span.record("status", status);
                }
                match verdict(state, result, !refreshed, cut, deadline) {
                    Verdict::Success(answer) => {
                        return Ok(response(state, operation, answer, attempt_no, span));
                    }
                    Verdict::TokenRefused => {
                        refreshed = true;
                        delivery = delivery.max(Delivery::Rejected);
                        tracing::debug!(
                            attempt = attempt_no,
                            "token refused; retrying with a fresh one"
                        );
                        continue;
                    }
                    // This attempt sent nothing: the earlier ones' delivery stands.
                    Verdict::Stop { error, sent: None } => {
                        return Err(error.after_attempts(attempt_no - 1, delivery));
                    }
                    Verdict::Stop {
                        error,
                        sent: Some(sent),
                    } => {
                        return Err(error.after_attempts(attempt_no, delivery.max(sent)));
                    }
                    Verdict::Failed {
                        outcome,
                        error,
                        delivery: this_attempt,
                    } => {
                        if let Some(status) = status {
                            span.record("status", status);
                        }
                        if let Some(id) = error.request_id() {
                            span.record("request_id", id);
                        }
                        // An earlier attempt that may have acted is not
                        // undone by a later refusal.
                        delivery = delivery.max(this_attempt);
                        (outcome, error)
                    }
                }
            };
            // A streamed upload was read by this attempt and cannot be sent again.
            let decision = if request.is_replayable() {
                let idempotent = options.map_or(operation.idempotent, |o| o.idempotent(operation));
                options
                    .and_then(|o| o.retry.as_ref())
                    .unwrap_or(state.retry())
                    .decide(
                        idempotent,
                        attempt_no,
                        outcome,
                        started.elapsed(),
                        deadline,
                        state.jitter().next_fraction(),
                    )
            } else {
                Decision::Stop
            };
            match decision {
                Decision::RetryAfter(delay) => {
                    tracing::debug!(attempt = attempt_no, delay_ms = millis(delay), "retrying");
                    tokio::time::sleep(delay).await;
                }
                Decision::Stop => return Err(error.after_attempts(attempt_no, delivery)),
            }
        }
    }
}

/// The URL of the next attempt of `request`.
fn url(state: &State, request: &Request) -> Result<Url, Error> {
    let url = state.url(request.operation(), request.path_and_query())?;
    // The HTTP layer cannot carry a longer URL (`http::Uri` stores lengths
    // in 16 bits); refused here, it is an argument error, not three failed
    // attempts.
    if url.as_str().len() > MAX_URL_BYTES {
        return Err(Error::invalid(
            "url",
            format!("is longer than {MAX_URL_BYTES} bytes; a path parameter is too long"),
        ));
    }
    Ok(url)
}

/// The response of a 2xx `answer`, recorded in the call's `span`.
fn response(
    state: &State,
    operation: &'static Operation,
    answer: Answer,
    attempts: u32,
    span: &tracing::Span,
) -> Response {
    span.record("status", answer.status.as_u16());
    let headers = crate::Headers::new(answer.headers);
    if !span.is_disabled()
        && let Some(id) = crate::reply::request_id(state.vendor(), &headers, &answer.body)
    {
        span.record("request_id", id.as_str());
    }
    Response {
        operation,
        status: crate::StatusCode::from_http(answer.status),
        headers,
        body: answer.body,
        attempts,
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

/// The longest URL the HTTP layer accepts (`http::Uri`'s limit).
const MAX_URL_BYTES: usize = u16::MAX as usize - 1;

fn millis(d: Duration) -> u64 {
    u64::try_from(d.as_millis()).unwrap_or(u64::MAX)
}
