//! Answering one request: read its body within the limits, check it as the
//! spec describes, answer, and record it.

use super::headers::RecordedHeaders;
use super::lock::lock;
use super::paging::{self, Paged};
use super::record::RecordedRequest;
use super::response::MockResponse;
use super::state::State;
use super::{body, checks, routing};
use crate::MockProblem;
use crate::operation::Auth;
use crate::retry::{GOLDEN_GAMMA, mix64};
use bytes::Bytes;
use http_body_util::{BodyExt, Full, LengthLimitError, Limited};
use hyper::body::Incoming;
use hyper::header::{AUTHORIZATION, CONNECTION, CONTENT_TYPE, HeaderValue};
use hyper::{Request, Response, StatusCode};
use std::sync::atomic::Ordering;

/// What the answer depends on besides the body.
pub(super) struct Head {
    pub(super) method: String,
    pub(super) path: String,
    /// The query (after the `?`), if any, percent-encoded.
    pub(super) query: Option<String>,
    pub(super) headers: RecordedHeaders,
    pub(super) authorized: bool,
    /// The body's declared `Content-Type`, if any (read by [`body::parse`]).
    pub(super) content_type: Option<String>,
}

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
    let content_type = req.headers().get(CONTENT_TYPE);
    let head = Head {
        method: req.method().as_str().to_owned(),
        path: req.uri().path().to_owned(),
        query: req.uri().query().map(str::to_owned),
        headers: RecordedHeaders::from_map(req.headers()),
        authorized: req.headers().get(AUTHORIZATION) == Some(state.expected_auth()),
        content_type: content_type
            .and_then(|t| t.to_str().ok())
            .map(str::to_owned),
    };
    let limits = &state.limits;
    let body = Limited::new(req.into_body(), limits.max_body_bytes).collect();
    let bytes = match tokio::time::timeout(limits.body_read_timeout, body).await {
        Ok(Ok(collected)) => collected.to_bytes(),
        Ok(Err(e)) if e.is::<LengthLimitError>() => {
            let response = error(state, StatusCode::PAYLOAD_TOO_LARGE, MockProblem::TooLarge);
            return (record(state, head, None, None, response), None);
        }
        // Framing hyper could not decode, such as a bad chunk size.
        Ok(Err(_)) => {
            let response = error(state, StatusCode::BAD_REQUEST, MockProblem::MalformedBody);
            return (record(state, head, None, None, response), None);
        }
        Err(_) => {
            let mut response = error(state, StatusCode::REQUEST_TIMEOUT, MockProblem::BodyTimeout);
            // The rest of the body may still come: the connection cannot
            // carry another request.
            response
                .headers_mut()
                .insert(CONNECTION, HeaderValue::from_static("close"));
            return (record(state, head, None, None, response), None);
        }
    };
    handle(state, head, &bytes)
}

/// The answer, and the scripted fault (delay, reset) to apply first.
pub(super) type Outcome = (Response<Full<Bytes>>, Option<MockResponse>);

/// Answers a request whose body has been read, and records it (with status
/// 0 when the script resets the connection instead).
pub(super) fn handle(state: &State, head: Head, bytes: &[u8]) -> Outcome {
    let (operation, body, response, fault) = decide(state, &head, bytes);
    let reset = fault.as_ref().is_some_and(|f| f.reset);
    let status = if reset { 0 } else { response.status().as_u16() };
    record_status(state, head, operation, body, status);
    (response, fault)
}

fn record(
    state: &State,
    head: Head,
    operation: Option<&'static str>,
    body: Option<serde_json::Value>,
    response: Response<Full<Bytes>>,
) -> Response<Full<Bytes>> {
    record_status(state, head, operation, body, response.status().as_u16());
    response
}

fn record_status(
    state: &State,
    head: Head,
    operation: Option<&'static str>,
    body: Option<serde_json::Value>,
    status: u16,
) {
    if let Some(operation) = operation {
        lock(&state.calls).count(operation);
    }
    lock(&state.recorded).push(RecordedRequest {
        operation,
        method: head.method,
        path: head.path,
        query: head.query,
        headers: head.headers,
        body,
        status,
    });
}

/// The operation, the parsed body (only for a request that passed the
/// routing, authentication and content checks: a refused body is neither
/// parsed nor kept), the answer and the scripted fault.
type Decision = (
    Option<&'static str>,
    Option<serde_json::Value>,
    Response<Full<Bytes>>,
    Option<MockResponse>,
);

fn decide(state: &State, head: &Head, bytes: &[u8]) -> Decision {
    let refuse = |status, problem| (None, None, error(state, status, problem), None);
    let vendor = state.api.vendor;
    let route = routing::route(
        state.api.operations,
        &head.method,
        &head.path,
        state.credentials.username(),
    );
    let (candidates, args) = match route {
        routing::Route::Found(candidates, args) => (candidates, args),
        routing::Route::WrongMethod => {
            return refuse(StatusCode::METHOD_NOT_ALLOWED, MockProblem::WrongMethod);
        }
        routing::Route::NotFound => return refuse(StatusCode::NOT_FOUND, MockProblem::NotFound),
    };
    let needs_auth = candidates.iter().any(|op| op.auth == Auth::Basic);
    if needs_auth && !head.authorized {
        return refuse(StatusCode::UNAUTHORIZED, MockProblem::Unauthorized);
    }
    // JSON, or a multipart upload read as its fields (body.rs).
    let body = match body::parse(head.content_type.as_deref(), bytes) {
        Ok(body) => body,
        Err(problem) => {
            let status = match problem {
                MockProblem::NotJson => StatusCode::UNSUPPORTED_MEDIA_TYPE,
                _ => StatusCode::BAD_REQUEST,
            };
            return refuse(status, problem);
        }
    };
    let op = match checks::select(
        vendor,
        &candidates,
        head.query.as_deref().unwrap_or_default(),
        body.as_ref(),
    ) {
        Ok(op) => op,
        Err(message) => {
            let response = worded(state, StatusCode::BAD_REQUEST, &message);
            return (None, body, response, None);
        }
    };
    let scripted = take_scripted(state, op.name);
    if let Some(scripted) = scripted.as_ref().filter(|s| s.status.is_some()) {
        // A scripted status stands for the service's answer: no checks.
        return (
            Some(op.name),
            body,
            respond(scripted),
            Some(scripted.clone()),
        );
    }
    let query = head.query.as_deref().unwrap_or_default();
    if let Err(message) = checks::arguments(vendor, op, &args, body.as_ref(), query) {
        let response = worded(state, StatusCode::BAD_REQUEST, &message);
        return (Some(op.name), body, response, scripted);
    }
    let example = op.examples.iter().find(|e| (200..300).contains(&e.status));
    let (status, text) = example.map_or((200, "{}"), |e| (e.status, e.body));
    let status = StatusCode::from_u16(status).unwrap_or(StatusCode::OK);
    let mut text = Bytes::from_static(text.as_bytes());
    if let (Some(pagination), Some(example)) = (&op.pagination, example) {
        let count = state.item_count(op.name, pagination);
        let query = head.query.as_deref();
        match paging::page(pagination, example.body, &head.path, query, count) {
            Paged::Page(page) => text = Bytes::from(page),
            Paged::AsIs => {}
            Paged::Invalid(parameter) => {
                let message = vendor.mock_message(&MockProblem::Invalid(parameter));
                let response = worded(state, StatusCode::BAD_REQUEST, &message);
                return (Some(op.name), body, response, scripted);
            }
        }
    }
    let mut response = json(status, text);
    if let Some(scripted) = &scripted {
        add_headers(&mut response, scripted);
        if let Some(body) = &scripted.body {
            *response.body_mut() = Full::new(Bytes::from(body.clone()));
        }
    }
    (Some(op.name), body, response, scripted)
}

fn take_scripted(state: &State, operation: &str) -> Option<MockResponse> {
    let mut scripted = lock(&state.scripted);
    let at = scripted
        .iter()
        .position(|s| s.operation == operation && s.remaining > 0)?;
    let entry = scripted.get_mut(at)?;
    entry.remaining -= 1;
    let response = entry.response.clone();
    scripted.retain(|s| s.remaining > 0);
    Some(response)
}

fn respond(scripted: &MockResponse) -> Response<Full<Bytes>> {
    let body = scripted.body.clone().unwrap_or_default();
    let mut response = Response::new(Full::new(Bytes::from(body)));
    let status = scripted.status.unwrap_or(500);
    *response.status_mut() =
        StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    add_headers(&mut response, scripted);
    response
}

fn add_headers(response: &mut Response<Full<Bytes>>, scripted: &MockResponse) {
    for (name, value) in &scripted.headers {
        if let (Ok(name), Ok(value)) = (
            hyper::header::HeaderName::try_from(name.as_str()),
            hyper::header::HeaderValue::try_from(value.as_str()),
        ) {
            response.headers_mut().append(name, value);
        }
    }
}

fn json(status: StatusCode, body: Bytes) -> Response<Full<Bytes>> {
    let mut response = Response::new(Full::new(body));
    *response.status_mut() = status;
    response
        .headers_mut()
        .insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
    response
}

/// The vendor's error answer for `problem`.
fn error(state: &State, status: StatusCode, problem: MockProblem<'_>) -> Response<Full<Bytes>> {
    worded(state, status, &state.api.vendor.mock_message(&problem))
}

/// The vendor's error shape around `message`, with a fresh request id.
fn worded(state: &State, status: StatusCode, message: &str) -> Response<Full<Bytes>> {
    let body = state
        .api
        .vendor
        .mock_error_body(&request_id(state), message);
    json(status, Bytes::from(body))
}

/// A UUID-shaped id (version 4 layout) from a per-server counter.
fn request_id(state: &State) -> String {
    let n = state.ids.fetch_add(1, Ordering::Relaxed);
    let (a, b) = (mix64(n), mix64(n.wrapping_add(GOLDEN_GAMMA)));
    format!(
        "{:08x}-{:04x}-4{:03x}-8{:03x}-{:012x}",
        a >> 32,
        (a >> 16) & 0xffff,
        a & 0xfff,
        b >> 52,
        b & 0xffff_ffff_ffff
    )
}
