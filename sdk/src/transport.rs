//! Sending a request: attempts, timeouts, retries, the response size cap,
//! and the tracing spans around them. The retry rules themselves live in
//! `retry.rs` as a pure function.

mod connect_deadline;

use crate::client::Inner;
use crate::error::Delivery;
use crate::retry::{Decision, Outcome};
use crate::runtime::{Auth, Request, Response, retry_after};
use crate::{Error, ErrorKind};
use bytes::{Bytes, BytesMut};
pub(crate) use connect_deadline::ConnectDeadlineLayer;
use connect_deadline::WithConnectDeadline;
use reqwest::header::{
    ACCEPT, AUTHORIZATION, CONTENT_TYPE, HeaderName, HeaderValue, RETRY_AFTER, USER_AGENT,
};
use reqwest::{StatusCode, Url};
use std::time::{Duration, Instant, SystemTime};
use tracing::Instrument;
use tracing::field::Empty;

/// Sends `request`, retrying as the client's policy allows, and returns the
/// response when its status is 2xx.
pub(crate) async fn execute(inner: &Inner, request: Request) -> Result<Response, Error> {
    let operation = request.operation;
    let span = tracing::info_span!(
        "plivo.call",
        operation = operation.name,
        method = %operation.method,
        attempts = Empty,
        status = Empty,
        api_id = Empty,
        duration_ms = Empty,
    );
    // One clock for the deadline and the span's duration.
    let started = Instant::now();
    let result = attempts(inner, &request, &span, started)
        .instrument(span.clone())
        .await;
    if !span.is_disabled() {
        span.record("duration_ms", millis(started.elapsed()));
    }
    result.map_err(|e| e.in_operation(operation.name))
}

async fn attempts(
    inner: &Inner,
    request: &Request,
    span: &tracing::Span,
    started: Instant,
) -> Result<Response, Error> {
    let operation = request.operation;
    let url = format!("{}{}", inner.base_url, request.path_and_query);
    // The message leaves the URL out: its path may hold phone numbers.
    let url = Url::parse(&url).map_err(|e| {
        Error::invalid(
            "url",
            format!("the base URL and the path do not form a URL: {e}"),
        )
    })?;
    // The HTTP layer cannot carry a longer URL (`http::Uri` stores lengths
    // in 16 bits); refused here, it is an argument error, not three failed
    // attempts.
    if url.as_str().len() > MAX_URL_BYTES {
        return Err(Error::invalid(
            "url",
            format!("is longer than {MAX_URL_BYTES} bytes; a path parameter is too long"),
        ));
    }
    let deadline = inner.timeout;
    // The worst an attempt so far may have done, for the final error.
    let mut delivery = Delivery::NotSent;
    let mut attempt = 0u32;
    loop {
        attempt += 1;
        span.record("attempts", attempt);
        let remaining = deadline.saturating_sub(started.elapsed());
        if remaining.is_zero() {
            // No attempt was started: what the earlier ones may have done stands.
            let error = Error::new(ErrorKind::Timeout { after: deadline });
            return Err(error.after_attempts(attempt - 1, delivery));
        }
        let attempt_span = tracing::debug_span!(
            "plivo.attempt",
            attempt,
            status = Empty,
            duration_ms = Empty,
        );
        // Clock reads only for someone listening: this is the per-call path.
        let sent_at = (!attempt_span.is_disabled()).then(Instant::now);
        let limit = inner.attempt_timeout.min(remaining);
        let result = once(inner, request, &url, limit)
            .instrument(attempt_span.clone())
            .await;
        if let Some(sent_at) = sent_at {
            attempt_span.record("duration_ms", millis(sent_at.elapsed()));
        }
        // A 2xx whose body then broke off: the service acted.
        let mut processed = false;
        let (outcome, error) = match result {
            Ok(answer) if answer.status.is_success() => {
                attempt_span.record("status", answer.status.as_u16());
                span.record("status", answer.status.as_u16());
                if !span.is_disabled() {
                    record_api_id(span, &answer.body);
                }
                return Ok(Response {
                    operation,
                    status: answer.status,
                    body: answer.body,
                    attempts: attempt,
                });
            }
            Ok(answer) => {
                attempt_span.record("status", answer.status.as_u16());
                span.record("status", answer.status.as_u16());
                let outcome = Outcome::Status {
                    code: answer.status.as_u16(),
                    retry_after: answer.retry_after,
                };
                let error = api_error(answer.status, answer.body);
                if let Some(api_id) = error.api_id() {
                    span.record("api_id", api_id);
                }
                (outcome, error)
            }
            Err(Failure::Connect(e)) => {
                // Cut short by the call's deadline rather than the connect timeout.
                let error = if e.is_timeout() && limit < inner.attempt_timeout {
                    Error::new(ErrorKind::Timeout { after: deadline })
                } else {
                    Error::transport(e)
                };
                (Outcome::ConnectFailed, error)
            }
            Err(Failure::Unsendable(e)) => {
                // Refused by the HTTP client before any byte went out.
                let error = Error::invalid("request", crate::error::causes(&e.without_url()));
                return Err(error.after_attempts(attempt - 1, delivery));
            }
            Err(Failure::Interrupted { error: e, status }) => {
                processed = status.is_some_and(|s| s.is_success());
                // Cut short by the call's deadline rather than the attempt's own limit.
                let error = if e.is_timeout() && limit < inner.attempt_timeout {
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
                    status,
                    limit: inner.max_response_bytes,
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
        let this_attempt = if processed {
            Delivery::Processed
        } else {
            delivery_of(outcome)
        };
        // An earlier attempt that may have acted is not undone by a later refusal.
        delivery = delivery.max(this_attempt);
        let decision = inner.retry.decide(
            operation.idempotent,
            attempt,
            outcome,
            started.elapsed(),
            deadline,
            inner.jitter.next_fraction(),
        );
        match decision {
            Decision::RetryAfter(delay) => {
                tracing::debug!(attempt, delay_ms = millis(delay), "retrying");
                tokio::time::sleep(delay).await;
            }
            Decision::Stop => return Err(error.after_attempts(attempt, delivery)),
        }
    }
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

/// A complete answer: status and the whole body.
struct Answer {
    status: StatusCode,
    retry_after: Option<Duration>,
    body: Bytes,
}

enum Failure {
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

/// One attempt, bounded by `limit` from connecting to the end of the body.
async fn once(
    inner: &Inner,
    request: &Request,
    url: &Url,
    limit: Duration,
) -> Result<Answer, Failure> {
    let operation = request.operation;
    let mut builder = inner
        .http
        .request(operation.method.clone(), url.clone())
        .timeout(limit)
        .header(ACCEPT, HeaderValue::from_static("application/json"))
        .header(USER_AGENT, inner.user_agent.clone());
    if operation.auth == Auth::Basic {
        builder = builder.header(AUTHORIZATION, inner.credentials.header.clone());
    }
    for (name, value) in &request.headers {
        // Checked when the request was built.
        if let (Ok(name), Ok(value)) = (
            HeaderName::try_from(*name),
            HeaderValue::try_from(value.as_str()),
        ) {
            builder = builder.header(name, value);
        }
    }
    if let Some(body) = &request.body {
        builder = builder
            .header(CONTENT_TYPE, HeaderValue::from_static("application/json"))
            .body(body.clone());
    }
    // Connects end a little before the attempt does, so that one cut short
    // by the attempt's limit fails as a connect (nothing sent) rather than
    // as the request's timeout (outcome unknown).
    let connect_deadline =
        tokio::time::Instant::now() + limit.saturating_sub(connect_margin(limit));
    let mut response = WithConnectDeadline::new(builder.send(), connect_deadline)
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
    let cap = inner.max_response_bytes;
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
    Ok(Answer {
        status,
        retry_after,
        body: body.freeze(),
    })
}

/// An error from a non-2xx answer: Plivo's `{"api_id", "error"}` when the body
/// has it, the raw body always.
fn api_error(status: StatusCode, body: Bytes) -> Error {
    #[derive(serde::Deserialize)]
    struct Body {
        api_id: Option<String>,
        error: Option<serde_json::Value>,
        message: Option<String>,
    }
    let parsed = serde_json::from_slice::<Body>(&body).ok();
    let api_id = parsed.as_ref().and_then(|b| b.api_id.clone());
    let message = parsed.and_then(|b| {
        let error = match b.error {
            Some(serde_json::Value::String(s)) => Some(s),
            Some(serde_json::Value::Null) | None => None,
            Some(other) => Some(other.to_string()),
        };
        error
            .filter(|s| !s.is_empty())
            .or(b.message.filter(|s| !s.is_empty()))
    });
    Error::new(ErrorKind::Api {
        status,
        api_id,
        message,
        body,
    })
}

/// Puts the response's `api_id` on the call span; only when someone listens.
fn record_api_id(span: &tracing::Span, body: &[u8]) {
    #[derive(serde::Deserialize)]
    struct ApiId<'a> {
        #[serde(borrow)]
        api_id: Option<&'a str>,
    }
    if let Ok(ApiId { api_id: Some(id) }) = serde_json::from_slice::<ApiId<'_>>(body) {
        span.record("api_id", id);
    }
}
