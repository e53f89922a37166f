//! Serving HTTP/1.1 with hyper, and answering one request.

use super::{MockResponse, RecordedRequest, State, checks, lock, routing};
use crate::retry::{GOLDEN_GAMMA, mix64};
use crate::runtime::Auth;
use bytes::Bytes;
use http_body_util::{BodyExt, Full, Limited};
use hyper::body::Incoming;
use hyper::header::{AUTHORIZATION, CONTENT_TYPE};
use hyper::{Request, Response, StatusCode};
use hyper_util::rt::TokioIo;
use std::sync::Arc;
use std::sync::atomic::Ordering;
use tokio::net::TcpListener;

/// Requests larger than this are refused; PHLO requests are tiny.
const MAX_BODY: usize = 1 << 20;

pub(super) async fn serve(listener: TcpListener, state: Arc<State>) {
    // Connections live in the set, so aborting this task closes them all.
    let mut connections = tokio::task::JoinSet::new();
    loop {
        let Ok((stream, _)) = listener.accept().await else {
            continue;
        };
        let state = Arc::clone(&state);
        connections.spawn(async move {
            let service = hyper::service::service_fn(move |req| {
                let state = Arc::clone(&state);
                async move { Ok::<_, std::convert::Infallible>(answer(&state, req).await) }
            });
            let _ = hyper::server::conn::http1::Builder::new()
                .serve_connection(TokioIo::new(stream), service)
                .await;
        });
        // Reap finished connections so the set does not grow without bound.
        while connections.try_join_next().is_some() {}
    }
}

async fn answer(state: &State, req: Request<Incoming>) -> Response<Full<Bytes>> {
    let method = req.method().as_str().to_owned();
    let path = req.uri().path().to_owned();
    let authorized = req.headers().get(AUTHORIZATION) == Some(state.expected_auth());
    let bytes = match Limited::new(req.into_body(), MAX_BODY).collect().await {
        Ok(collected) => collected.to_bytes(),
        Err(_) => {
            return error(
                state,
                StatusCode::PAYLOAD_TOO_LARGE,
                "Request body too large.",
            );
        }
    };
    let body: Option<serde_json::Value> = serde_json::from_slice(&bytes).ok();
    let (operation, response) = decide(state, &method, &path, authorized, &bytes, body.as_ref());
    lock(&state.recorded).push(RecordedRequest {
        operation,
        method,
        path,
        body,
        status: response.status().as_u16(),
    });
    response
}

fn decide(
    state: &State,
    method: &str,
    path: &str,
    authorized: bool,
    bytes: &[u8],
    body: Option<&serde_json::Value>,
) -> (Option<&'static str>, Response<Full<Bytes>>) {
    let (candidates, args) =
        match routing::route(state.operations, method, path, &state.credentials.auth_id) {
            routing::Route::Found(candidates, args) => (candidates, args),
            routing::Route::WrongMethod => {
                return (
                    None,
                    error(state, StatusCode::METHOD_NOT_ALLOWED, "Method not allowed."),
                );
            }
            routing::Route::NotFound => {
                return (None, error(state, StatusCode::NOT_FOUND, "Not found."));
            }
        };
    let needs_auth = candidates.iter().any(|op| op.auth == Auth::Basic);
    if needs_auth && !authorized {
        let message = "Authentication credentials were not provided or are invalid.";
        return (None, error(state, StatusCode::UNAUTHORIZED, message));
    }
    if !bytes.is_empty() && body.is_none() {
        return (
            None,
            error(
                state,
                StatusCode::BAD_REQUEST,
                "Request body is not valid JSON.",
            ),
        );
    }
    let op = match checks::select(&candidates, body) {
        Ok(op) => op,
        Err(message) => return (None, error(state, StatusCode::BAD_REQUEST, &message)),
    };
    if let Some(scripted) = take_scripted(state, op.name) {
        return (Some(op.name), respond(&scripted));
    }
    if let Err(message) = checks::arguments(op, &args, body) {
        return (
            Some(op.name),
            error(state, StatusCode::BAD_REQUEST, &message),
        );
    }
    let example = op.examples.iter().find(|e| (200..300).contains(&e.status));
    let (status, text) = example.map_or((200, "{}"), |e| (e.status, e.body));
    let status = StatusCode::from_u16(status).unwrap_or(StatusCode::OK);
    (
        Some(op.name),
        json(status, Bytes::from_static(text.as_bytes())),
    )
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
    let mut response = Response::new(Full::new(Bytes::from(scripted.body.clone())));
    *response.status_mut() =
        StatusCode::from_u16(scripted.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    for (name, value) in &scripted.headers {
        if let (Ok(name), Ok(value)) = (
            hyper::header::HeaderName::try_from(name.as_str()),
            hyper::header::HeaderValue::try_from(value.as_str()),
        ) {
            response.headers_mut().append(name, value);
        }
    }
    response
}

fn json(status: StatusCode, body: Bytes) -> Response<Full<Bytes>> {
    let mut response = Response::new(Full::new(body));
    *response.status_mut() = status;
    response.headers_mut().insert(
        CONTENT_TYPE,
        hyper::header::HeaderValue::from_static("application/json"),
    );
    response
}

/// Plivo's error shape with a fresh `api_id`.
fn error(state: &State, status: StatusCode, message: &str) -> Response<Full<Bytes>> {
    let body = serde_json::json!({ "api_id": api_id(state), "error": message });
    json(status, Bytes::from(body.to_string()))
}

/// A UUID-shaped id (version 4 layout) from a per-server counter.
fn api_id(state: &State) -> String {
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
