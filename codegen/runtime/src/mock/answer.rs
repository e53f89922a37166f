//! The answers the mock gives: an operation's example response, a scripted
//! one, or an error in the vendor's shape with a fresh request id.

use super::headers::RecordedHeaders;
use super::response::MockResponse;
use super::state::State;
use crate::MockProblem;
use crate::operation::{Example, Operation};
use crate::retry::{GOLDEN_GAMMA, mix64};
use bytes::Bytes;
use http_body_util::Full;
use hyper::header::{CONTENT_TYPE, HeaderName, HeaderValue, WWW_AUTHENTICATE};
use hyper::{Response, StatusCode};
use std::sync::atomic::Ordering;

/// The answer's type.
pub(super) type Answer = Response<Full<Bytes>>;

/// Chooses an example by name (Postman's mock servers read this header).
const BY_NAME: &str = "x-mock-response-name";
/// Chooses an example by status (as above).
const BY_CODE: &str = "x-mock-response-code";

/// The example `headers` ask for by name or status, else the success one
/// the request's parameters select (`checks::answer`); `None` when the operation documents none. `Err` names
/// the header that asked for an example the operation does not have.
pub(super) fn example<'a>(
    op: &'a Operation,
    headers: &RecordedHeaders,
    query: &str,
    body: Option<&serde_json::Value>,
) -> Result<Option<&'a Example>, &'static str> {
    if let Some(name) = headers.get(BY_NAME) {
        return op
            .examples
            .iter()
            .find(|e| e.name == name)
            .map(Some)
            .ok_or(BY_NAME);
    }
    if let Some(code) = headers.get(BY_CODE) {
        let code: Option<u16> = code.trim().parse().ok();
        return op
            .examples
            .iter()
            .find(|e| Some(e.status) == code)
            .map(Some)
            .ok_or(BY_CODE);
    }
    Ok(super::checks::answer(op, query, body))
}

/// `example` as an answer (`200 {}` when there is none), with its content
/// type: the operation's `Accept` when that is not JSON, else JSON when the
/// body reads as JSON (or is empty), else plain text.
pub(super) fn from_example(op: &Operation, example: Option<&Example>) -> Answer {
    let (status, text) = example.map_or((200, "{}"), |e| (e.status, e.body));
    let status = StatusCode::from_u16(status).unwrap_or(StatusCode::OK);
    let accept = op
        .accept
        .filter(|a| !a.contains("json") && HeaderValue::from_str(a).is_ok());
    let content_type = match accept {
        Some(accept) => accept,
        None if text.trim().is_empty()
            || serde_json::from_str::<serde::de::IgnoredAny>(text).is_ok() =>
        {
            "application/json"
        }
        None => "text/plain; charset=utf-8",
    };
    typed(status, Bytes::from_static(text.as_bytes()), content_type)
}

/// A scripted status answer, its body and headers as scripted.
pub(super) fn scripted(scripted: &MockResponse) -> Answer {
    let body = scripted.body.clone().unwrap_or_default();
    let mut response = Response::new(Full::new(Bytes::from(body)));
    let status = scripted.status.unwrap_or(500);
    *response.status_mut() =
        StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    add_headers(&mut response, scripted);
    response
}

/// Adds the scripted headers (and body, if any) to an example's answer.
pub(super) fn add_script(response: &mut Answer, scripted: &MockResponse) {
    add_headers(response, scripted);
    if let Some(body) = &scripted.body {
        *response.body_mut() = Full::new(Bytes::from(body.clone()));
    }
}

/// Sets the answer's body to `body`.
pub(super) fn replace_body(response: &mut Answer, body: String) {
    *response.body_mut() = Full::new(Bytes::from(body));
}

fn add_headers(response: &mut Answer, scripted: &MockResponse) {
    for (name, value) in &scripted.headers {
        if let (Ok(name), Ok(value)) = (
            HeaderName::try_from(name.as_str()),
            HeaderValue::try_from(value.as_str()),
        ) {
            response.headers_mut().append(name, value);
        }
    }
}

fn typed(status: StatusCode, body: Bytes, content_type: &str) -> Answer {
    let mut response = Response::new(Full::new(body));
    *response.status_mut() = status;
    if let Ok(value) = HeaderValue::from_str(content_type) {
        response.headers_mut().insert(CONTENT_TYPE, value);
    }
    response
}

/// The vendor's error answer for `problem`.
pub(super) fn error(state: &State, status: StatusCode, problem: MockProblem<'_>) -> Answer {
    worded(state, status, &state.api.vendor.mock_message(&problem))
}

/// A 401, with the scheme's `WWW-Authenticate` challenge if it has one.
pub(super) fn unauthorized(state: &State, challenge: Option<&str>) -> Answer {
    let mut response = error(state, StatusCode::UNAUTHORIZED, MockProblem::Unauthorized);
    if let Some(value) = challenge.and_then(|c| HeaderValue::from_str(c).ok()) {
        response.headers_mut().insert(WWW_AUTHENTICATE, value);
    }
    response
}

/// The vendor's error shape around `message`, with a fresh request id.
pub(super) fn worded(state: &State, status: StatusCode, message: &str) -> Answer {
    let body = state
        .api
        .vendor
        .mock_error_body(&request_id(state), message);
    typed(status, Bytes::from(body), "application/json")
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
