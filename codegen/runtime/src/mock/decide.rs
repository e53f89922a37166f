//! Deciding the answer to a request whose body has been read: its route,
//! its operation's own auth scheme, its body as the operation's kind, the
//! spec's checks, and the example or scripted answer.

use super::answer::{self, Answer, error, unauthorized, worded};
use super::auth::{self, Refused};
use super::bodies::{self, Expected};
use super::checks;
use super::headers::RecordedHeaders;
use super::lock::lock;
use super::paging::{self, Paged};
use super::query::RecordedQuery;
use super::response::MockResponse;
use super::routing::{self, Route};
use super::state::State;
use crate::MockProblem;
use crate::operation::Operation;
use hyper::StatusCode;
use serde_json::Value;

/// What the answer depends on besides the body.
pub(super) struct Head {
    pub(super) method: String,
    /// As sent, without the query.
    pub(super) path: String,
    pub(super) query: RecordedQuery,
    pub(super) headers: RecordedHeaders,
}

/// The answer to a request, and what the recording keeps of it.
pub(super) struct Decision {
    /// The operation it was routed to, once it passed the auth and
    /// content-type checks.
    pub(super) operation: Option<&'static Operation>,
    /// The body as its operation's kind reads it.
    pub(super) body: Option<Value>,
    /// The body was read as the operation's: its bytes are kept.
    pub(super) read: bool,
    pub(super) response: Answer,
    /// The scripted fault (delay, reset) to apply before answering.
    pub(super) fault: Option<MockResponse>,
}

impl Decision {
    /// A refusal before the body was read: nothing of it is kept.
    pub(super) fn refused(response: Answer) -> Self {
        Decision {
            operation: None,
            body: None,
            read: false,
            response,
            fault: None,
        }
    }
}

pub(super) fn decide(state: &State, head: &Head, bytes: &[u8]) -> Decision {
    let vendor = state.api.vendor;
    let username = state.credentials.username();
    let route = routing::route(state.api.operations, &head.method, &head.path, username);
    let (candidates, args) = match route {
        Route::Found(candidates, args) => (candidates, args),
        Route::WrongMethod => {
            let response = error(
                state,
                StatusCode::METHOD_NOT_ALLOWED,
                MockProblem::WrongMethod,
            );
            return Decision::refused(response);
        }
        Route::NotFound => {
            return Decision::refused(error(state, StatusCode::NOT_FOUND, MockProblem::NotFound));
        }
    };
    let mut candidates = routing::by_query(candidates, &head.query);
    // Each operation's own scheme: among operations sharing a URL, those
    // whose credential the request carries.
    let accepted = state.accepted();
    let mut challenge = None;
    candidates.retain(|op| {
        let checked = auth::check(&accepted, op.auth, &head.headers, &head.query);
        if let Err(Refused(offered)) = checked {
            challenge.get_or_insert(offered);
            return false;
        }
        true
    });
    let Some(&first) = candidates.first() else {
        return Decision::refused(unauthorized(state, challenge.flatten().as_deref()));
    };
    let content_type = head.headers.get("content-type");
    candidates.retain(|op| bodies::accepts(op, content_type, bytes.is_empty()));
    let Some(&reader) = candidates.first() else {
        let problem = match bodies::expected(first) {
            Expected::Json => MockProblem::NotJson,
            Expected::Other(expected) => MockProblem::WrongContentType(expected),
        };
        let response = error(state, StatusCode::UNSUPPORTED_MEDIA_TYPE, problem);
        return Decision::refused(response);
    };
    let body = match bodies::read(reader, content_type, bytes) {
        Ok(body) => body,
        Err(problem) => {
            let response = error(state, StatusCode::BAD_REQUEST, problem);
            return Decision {
                read: true,
                ..Decision::refused(response)
            };
        }
    };
    let op = match checks::select(vendor, &candidates, head.query.as_str(), body.as_ref()) {
        Ok(op) => op,
        Err(message) => {
            return Decision {
                body,
                read: true,
                ..Decision::refused(worded(state, StatusCode::BAD_REQUEST, &message))
            };
        }
    };
    let scripted = take_scripted(state, op.name);
    let response = match &scripted {
        // A scripted status stands for the service's answer: no checks.
        Some(script) if script.status.is_some() => answer::scripted(script),
        _ => checked_answer(state, op, head, &args, body.as_ref(), scripted.as_ref()),
    };
    Decision {
        operation: Some(op),
        body,
        read: true,
        response,
        fault: scripted,
    }
}

/// The spec's checks of the arguments, then the example the request asks
/// for (or the first successful one; the page asked for, for a listing
/// that pages), with any scripted headers.
fn checked_answer(
    state: &State,
    op: &Operation,
    head: &Head,
    args: &[String],
    body: Option<&Value>,
    scripted: Option<&MockResponse>,
) -> Answer {
    if let Err(message) = checks::arguments(state.api.vendor, op, args, body, head.query.as_str()) {
        return worded(state, StatusCode::BAD_REQUEST, &message);
    }
    let example = match answer::example(op, &head.headers, head.query.as_str(), body) {
        Ok(example) => example,
        Err(header) => {
            return error(
                state,
                StatusCode::BAD_REQUEST,
                MockProblem::NoExample(header),
            );
        }
    };
    let mut response = answer::from_example(op, example);
    // A listing that pages: its successful example stands for one page.
    let success = example.filter(|e| (200..300).contains(&e.status));
    if let (Some(pagination), Some(example)) = (&op.pagination, success) {
        let count = state.item_count(op.name, pagination);
        let query = Some(head.query.as_str()).filter(|q| !q.is_empty());
        match paging::page(pagination, example.body, &head.path, query, count) {
            Paged::Page(page) => answer::replace_body(&mut response, page),
            Paged::AsIs => {}
            Paged::Invalid(parameter) => {
                return error(
                    state,
                    StatusCode::BAD_REQUEST,
                    MockProblem::Invalid(parameter),
                );
            }
        }
    }
    if let Some(script) = scripted {
        answer::add_script(&mut response, script);
    }
    response
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
