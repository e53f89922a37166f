//! A tiny HTTP/1.1 server on 127.0.0.1 that misbehaves on cue: resets,
//! stalls, and raw answers, one scripted step per request, counting what it
//! received.

use std::collections::VecDeque;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// What the server does with the next request.
#[derive(Debug, Clone)]
pub enum Step {
    /// Reset the connection as soon as it is accepted, reading nothing.
    ResetOnAccept,
    /// Read the whole request, then reset without answering.
    ResetAfterRequest,
    /// Read the request, wait, then answer.
    Delay(Duration, Vec<u8>),
    /// Read the request and send these bytes as the answer.
    Respond(Vec<u8>),
}

/// A raw HTTP/1.1 answer with a `Content-Length`.
pub fn answer(status: u16, headers: &[(&str, &str)], body: &[u8]) -> Vec<u8> {
    let mut out = format!("HTTP/1.1 {status} X\r\ncontent-length: {}\r\n", body.len());
    for (name, value) in headers {
        out.push_str(&format!("{name}: {value}\r\n"));
    }
    out.push_str("\r\n");
    let mut bytes = out.into_bytes();
    bytes.extend_from_slice(body);
    bytes
}

/// A raw HTTP/1.1 answer in one chunk of `Transfer-Encoding: chunked`, so the
/// client cannot know its length in advance.
pub fn chunked_answer(status: u16, body: &[u8]) -> Vec<u8> {
    let mut bytes = format!(
        "HTTP/1.1 {status} X\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\n{:x}\r\n",
        body.len()
    )
    .into_bytes();
    bytes.extend_from_slice(body);
    bytes.extend_from_slice(b"\r\n0\r\n\r\n");
    bytes
}

/// A JSON answer.
pub fn json(status: u16, body: &str) -> Vec<u8> {
    answer(
        status,
        &[("content-type", "application/json")],
        body.as_bytes(),
    )
}

#[derive(Debug, Default)]
struct Shared {
    script: Mutex<VecDeque<Step>>,
    then: Mutex<Option<Step>>,
    connections: AtomicUsize,
    requests: AtomicUsize,
    bodies: Mutex<Vec<Vec<u8>>>,
}

/// The running server; it stops when dropped.
pub struct FaultServer {
    addr: SocketAddr,
    shared: Arc<Shared>,
    task: tokio::task::JoinHandle<()>,
}

impl FaultServer {
    /// Serves `script` in order, then `then` for every further request.
    pub async fn start(script: Vec<Step>, then: Step) -> FaultServer {
        let listener = TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind 127.0.0.1");
        let addr = listener.local_addr().expect("local address");
        let shared = Arc::new(Shared {
            script: Mutex::new(script.into()),
            then: Mutex::new(Some(then)),
            ..Shared::default()
        });
        let for_task = Arc::clone(&shared);
        let task = tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                for_task.connections.fetch_add(1, Ordering::SeqCst);
                tokio::spawn(serve(stream, Arc::clone(&for_task)));
            }
        });
        FaultServer { addr, shared, task }
    }

    /// `http://127.0.0.1:<port>`.
    pub fn uri(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Complete requests read.
    pub fn requests(&self) -> usize {
        self.shared.requests.load(Ordering::SeqCst)
    }

    /// Connections accepted.
    pub fn connections(&self) -> usize {
        self.shared.connections.load(Ordering::SeqCst)
    }

    /// The bodies of the requests read, in arrival order.
    pub fn bodies(&self) -> Vec<Vec<u8>> {
        self.shared
            .bodies
            .lock()
            .map(|b| b.clone())
            .unwrap_or_default()
    }
}

impl Drop for FaultServer {
    fn drop(&mut self) {
        self.task.abort();
    }
}

fn next_step(shared: &Shared) -> Step {
    let scripted = shared.script.lock().ok().and_then(|mut s| s.pop_front());
    scripted
        .or_else(|| shared.then.lock().ok().and_then(|t| t.clone()))
        .unwrap_or(Step::ResetAfterRequest)
}

async fn serve(mut stream: TcpStream, shared: Arc<Shared>) {
    let _ = stream.set_nodelay(true);
    let mut pending = Vec::new();
    loop {
        // The step is chosen when a request begins, so a reset on accept
        // consumes one step without reading anything.
        if pending.is_empty() {
            let mut peek = [0u8; 1];
            match stream.peek(&mut peek).await {
                Ok(0) | Err(_) => return,
                Ok(_) => {}
            }
        }
        let step = next_step(&shared);
        if matches!(step, Step::ResetOnAccept) {
            reset(stream);
            return;
        }
        let Some(body) = read_request(&mut stream, &mut pending).await else {
            return;
        };
        shared.requests.fetch_add(1, Ordering::SeqCst);
        if let Ok(mut bodies) = shared.bodies.lock() {
            bodies.push(body);
        }
        match step {
            Step::ResetOnAccept | Step::ResetAfterRequest => {
                reset(stream);
                return;
            }
            Step::Delay(wait, bytes) => {
                tokio::time::sleep(wait).await;
                if stream.write_all(&bytes).await.is_err() {
                    return;
                }
            }
            Step::Respond(bytes) => {
                if stream.write_all(&bytes).await.is_err() {
                    return;
                }
            }
        }
    }
}

/// Closes with RST rather than FIN.
pub fn reset(stream: TcpStream) {
    if let Ok(std) = stream.into_std() {
        let socket = socket2::Socket::from(std);
        let _ = socket.set_linger(Some(Duration::ZERO));
        drop(socket);
    }
}

/// Reads one request (headers, then `Content-Length` bytes of body) and
/// returns its body; keeps bytes of a following request in `pending`.
pub async fn read_request(stream: &mut TcpStream, pending: &mut Vec<u8>) -> Option<Vec<u8>> {
    let mut buf = [0u8; 8192];
    let header_end = loop {
        if let Some(at) = find(pending, b"\r\n\r\n") {
            break at + 4;
        }
        let n = stream.read(&mut buf).await.ok().filter(|&n| n > 0)?;
        pending.extend_from_slice(&buf[..n]);
    };
    let head = String::from_utf8_lossy(&pending[..header_end]).to_ascii_lowercase();
    let length: usize = head
        .lines()
        .find_map(|l| l.strip_prefix("content-length:"))
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(0);
    while pending.len() < header_end + length {
        let n = stream.read(&mut buf).await.ok().filter(|&n| n > 0)?;
        pending.extend_from_slice(&buf[..n]);
    }
    let body = pending[header_end..header_end + length].to_vec();
    pending.drain(..header_end + length);
    Some(body)
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}
