//! The bench's own strict server: one thread, HTTP/1.1 keep-alive, one
//! fixed answer, in a process of its own so its work is not counted. It
//! answers 400 to any request that is not the add-user call every contender
//! is meant to send, so a contender that skipped part of the work (the
//! credentials, say) fails the run instead of looking cheap. Every
//! contender is checked against it before measuring; it is measured
//! against only when nginx cannot run (`nginx.rs`).

use crate::contenders::{AUTH_ID, AUTH_TOKEN, NODE_ID, PHLO_ID, TRIGGER_SOURCE};
use crate::hand::basic_auth;
use bytes::Bytes;
use http_body_util::BodyExt;
use hyper::body::Incoming;
use reqwest::header::{AUTHORIZATION, CONTENT_TYPE, HeaderValue};
use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};

/// The answer to the add-user call, nginx's too (`nginx.rs`).
pub const ANSWER: &str = r#"{"api_id": "073e36d4-fd1e-4be3-b00b-ab33105011a7", "error": ""}"#;

/// The server running in a child process (this bench's binary, run as
/// `per_call serve`), killed when dropped.
pub struct Strict {
    child: Child,
    /// The URL the contenders call.
    pub base: String,
}

/// Starts the server in a child process.
pub fn spawn() -> Strict {
    let exe = std::env::current_exe().expect("own path");
    let mut child = Command::new(exe)
        .arg("serve")
        .stdout(Stdio::piped())
        .spawn()
        .expect("server process");
    let mut line = String::new();
    let stdout = child.stdout.take().expect("server stdout");
    BufReader::new(stdout)
        .read_line(&mut line)
        .expect("server port");
    Strict {
        child,
        base: format!("http://127.0.0.1:{}", line.trim()),
    }
}

impl Drop for Strict {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Prints the port it listens on, then serves until killed.
pub fn serve() {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        println!("{}", listener.local_addr().expect("address").port());
        loop {
            let Ok((stream, _)) = listener.accept().await else {
                continue;
            };
            let _ = stream.set_nodelay(true);
            tokio::spawn(async move {
                let service = hyper::service::service_fn(|request| async {
                    let status = if is_add_user(request).await {
                        hyper::StatusCode::CREATED
                    } else {
                        hyper::StatusCode::BAD_REQUEST
                    };
                    let mut response = hyper::Response::new(http_body_util::Full::new(
                        Bytes::from_static(ANSWER.as_bytes()),
                    ));
                    *response.status_mut() = status;
                    response
                        .headers_mut()
                        .insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
                    Ok::<_, std::convert::Infallible>(response)
                });
                let _ = hyper::server::conn::http1::Builder::new()
                    .serve_connection(hyper_util::rt::TokioIo::new(stream), service)
                    .await;
            });
        }
    });
}

/// The add-user call: method, path, credentials, a JSON content type and a
/// body with the four fields.
async fn is_add_user(request: hyper::Request<Incoming>) -> bool {
    let path = format!("/v1/phlo/{PHLO_ID}/multi_party_call/{NODE_ID}");
    let auth = basic_auth(AUTH_ID, AUTH_TOKEN);
    let headers = request.headers();
    let head_ok = request.method() == hyper::Method::POST
        && request.uri().path() == path
        && headers
            .get(AUTHORIZATION)
            .is_some_and(|v| v == auth.as_str())
        && headers
            .get(CONTENT_TYPE)
            .is_some_and(|v| v.as_bytes().starts_with(b"application/json"));
    if !head_ok {
        return false;
    }
    let Ok(body) = request.into_body().collect().await else {
        return false;
    };
    let Ok(body) = serde_json::from_slice::<serde_json::Value>(&body.to_bytes()) else {
        return false;
    };
    body["action"] == "call"
        && body["role"] == "agent"
        && body["trigger_source"] == TRIGGER_SOURCE
        && body["to"]
            .as_str()
            .is_some_and(|to| to.starts_with("+1415"))
}
