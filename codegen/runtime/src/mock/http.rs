//! Answering one request: read its body within the limits, decide the
//! answer (`decide`), and record the request.

use super::answer::error;
use super::decide::{Decision, Head, decide};
use super::expect;
use super::headers::RecordedHeaders;
use super::lock::lock;
use super::query::RecordedQuery;
use super::record::RecordedRequest;
use super::response::MockResponse;
use super::state::State;
use crate::MockProblem;
use crate::operation::{Auth, Operation, Placement};
use bytes::Bytes;
use http_body_util::{BodyExt, Full, LengthLimitError, Limited};
use hyper::body::Incoming;
use hyper::header::{CONNECTION, HeaderValue};
use hyper::{Request, Response, StatusCode};

/// The connection is to be reset instead of answered
/// ([`MockResponse::reset`]).
#[derive(Debug)]
pub(super) struct Reset;

impl std::fmt::Display for Reset {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("connection reset as scripted")
    }
}

impl std::error::Error for Reset {}

/// Reads, checks, records and answers one request, after any scripted
/// delay; `Err` when the script says to reset the connection instead.
pub(super) async fn answer(
    state: &State,
    req: Request<Incoming>,
) -> Result<Response<Full<Bytes>>, Reset> {
    let (response, fault) = read_and_decide(state, req).await;
    if let Some(fault) = fault {
        if !fault.delay.is_zero() {
            tokio::time::sleep(fault.delay).await;
        }
        if fault.reset {
            return Err(Reset);
        }
    }
    Ok(response)
}

async fn read_and_decide(state: &State, req: Request<Incoming>) -> Outcome {
    let head = Head {
        method: req.method().as_str().to_owned(),
        path: req.uri().path().to_owned(),
        query: RecordedQuery::parse(req.uri().query().unwrap_or_default()),
        headers: RecordedHeaders::from_map(req.headers()),
    };
    let limits = &state.limits;
    let body = Limited::new(req.into_body(), limits.max_body_bytes).collect();
    let refused = |head, response: Response<Full<Bytes>>| {
        let status = response.status().as_u16();
        record(state, head, Decision::refused(response), &[], status)
    };
    let bytes = match tokio::time::timeout(limits.body_read_timeout, body).await {
        Ok(Ok(collected)) => collected.to_bytes(),
        Ok(Err(e)) if e.is::<LengthLimitError>() => {
            let response = error(state, StatusCode::PAYLOAD_TOO_LARGE, MockProblem::TooLarge);
            return (refused(head, response), None);
        }
        // Framing hyper could not decode, such as a bad chunk size.
        Ok(Err(_)) => {
            let response = error(state, StatusCode::BAD_REQUEST, MockProblem::MalformedBody);
            return (refused(head, response), None);
        }
        Err(_) => {
            let mut response = error(state, StatusCode::REQUEST_TIMEOUT, MockProblem::BodyTimeout);
            // The rest of the body may still come: the connection cannot
            // carry another request.
            response
                .headers_mut()
                .insert(CONNECTION, HeaderValue::from_static("close"));
            return (refused(head, response), None);
        }
    };
    handle(state, head, &bytes)
}

/// The answer, and the scripted fault (delay, reset) to apply first.
pub(super) type Outcome = (Response<Full<Bytes>>, Option<MockResponse>);

/// Answers a request whose body has been read, and records it (with status
/// 0 when the script resets the connection instead).
pub(super) fn handle(state: &State, head: Head, bytes: &[u8]) -> Outcome {
    let decision = decide(state, &head, bytes);
    let fault = decision.fault.clone();
    let reset = fault.as_ref().is_some_and(|f| f.reset);
    let status = if reset {
        0
    } else {
        decision.response.status().as_u16()
    };
    (record(state, head, decision, bytes, status), fault)
}

/// Records the request `decision` answers (its bytes if they were read as
/// the operation's), counts its call, tests it against the expectations;
/// returns the answer.
fn record(
    state: &State,
    head: Head,
    decision: Decision,
    bytes: &[u8],
    status: u16,
) -> Response<Full<Bytes>> {
    let operation = decision.operation;
    if let Some(op) = operation {
        lock(&state.calls).count(op.name);
    }
    let (header, query) = operation.map_or((None, None), credential_names);
    let request = RecordedRequest {
        operation: operation.map(|op| op.name),
        method: head.method,
        path: head.path,
        query: head.query.with_credential(query),
        headers: head.headers.with_credential(header),
        body: decision.body,
        raw_body: if decision.read {
            bytes.to_vec()
        } else {
            Vec::new()
        },
        status,
    };
    expect::observe(&state.expected, &state.recorded, request);
    decision.response
}

/// The header and query parameter that carry `op`'s credential, when its
/// spec names them: redacted in `Debug` whatever they are called.
fn credential_names(op: &Operation) -> (Option<&'static str>, Option<&'static str>) {
    match op.auth {
        Auth::ApiKey {
            name,
            placement: Placement::Header,
        } => (Some(name), None),
        Auth::ApiKey {
            name,
            placement: Placement::Query,
        } => (None, Some(name)),
        Auth::OAuth2 {
            placement: Placement::Query,
            ..
        } => (None, Some("access_token")),
        _ => (None, None),
    }
}
