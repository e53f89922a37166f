//! An HTTP/1.1 server on 127.0.0.1 that closes keep-alive connections left
//! idle too long, as load balancers and servers do, and counts what it served
//! and what it dropped.

use crate::fault_server::{json, read_request};
use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;
use tokio::io::AsyncWriteExt;
use tokio::net::{TcpListener, TcpStream};
use tokio::time::Instant;

/// How the server lets an idle connection go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Close {
    /// Closes it (FIN) the moment the idle timeout passes, as most servers
    /// do; a request that crosses the close on the wire is lost.
    OnTimer,
    /// Forgets it without a word, as a load balancer that dropped the flow:
    /// a request sent on it later is read and answered with a reset.
    Silently,
}

#[derive(Debug, Default)]
struct Counts {
    connections: AtomicUsize,
    served: AtomicUsize,
    dropped: AtomicUsize,
}

/// The running server; it stops when dropped.
pub struct IdleServer {
    addr: SocketAddr,
    counts: Arc<Counts>,
    task: tokio::task::JoinHandle<()>,
}

impl IdleServer {
    /// Answers every request with a 201 action response and lets a
    /// connection go after `idle` without a request.
    pub async fn start(idle: Duration, close: Close) -> IdleServer {
        let listener = TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind 127.0.0.1");
        let addr = listener.local_addr().expect("local address");
        let counts = Arc::new(Counts::default());
        let for_task = Arc::clone(&counts);
        let task = tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                for_task.connections.fetch_add(1, Ordering::SeqCst);
                tokio::spawn(serve(stream, Arc::clone(&for_task), idle, close));
            }
        });
        IdleServer { addr, counts, task }
    }

    /// `http://127.0.0.1:<port>`.
    pub fn uri(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Requests read and answered.
    pub fn served(&self) -> usize {
        self.counts.served.load(Ordering::SeqCst)
    }

    /// Requests that arrived on a connection the server had given up on,
    /// or as it gave it up: closed on, never read.
    pub fn dropped(&self) -> usize {
        self.counts.dropped.load(Ordering::SeqCst)
    }

    /// Connections accepted.
    pub fn connections(&self) -> usize {
        self.counts.connections.load(Ordering::SeqCst)
    }
}

impl Drop for IdleServer {
    fn drop(&mut self) {
        self.task.abort();
    }
}

async fn serve(mut stream: TcpStream, counts: Arc<Counts>, idle: Duration, close: Close) {
    let _ = stream.set_nodelay(true);
    let answer = json(201, r#"{"api_id": "ok", "error": ""}"#);
    let mut pending = Vec::new();
    let mut last = Instant::now();
    loop {
        if pending.is_empty() {
            let readable = stream.readable();
            match close {
                Close::OnTimer => tokio::select! {
                    biased;
                    _ = tokio::time::sleep_until(last + idle) => {
                        // A request that arrived as the timer fired is
                        // closed on unread, as a server busy elsewhere does.
                        if arrived(&stream).await {
                            counts.dropped.fetch_add(1, Ordering::SeqCst);
                        }
                        return;
                    }
                    r = readable => if r.is_err() { return },
                },
                Close::Silently => {
                    if readable.await.is_err() {
                        return;
                    }
                }
            }
            if last.elapsed() >= idle {
                // The server had already let this connection go.
                let mut peek = [0u8; 1];
                if matches!(stream.peek(&mut peek).await, Ok(n) if n > 0) {
                    counts.dropped.fetch_add(1, Ordering::SeqCst);
                }
                crate::fault_server::reset(stream);
                return;
            }
        }
        let Some(_) = read_request(&mut stream, &mut pending).await else {
            return;
        };
        counts.served.fetch_add(1, Ordering::SeqCst);
        if stream.write_all(&answer).await.is_err() {
            return;
        }
        last = Instant::now();
    }
}

/// Whether bytes of a request are waiting on `stream`, without waiting.
async fn arrived(stream: &TcpStream) -> bool {
    let mut peek = [0u8; 1];
    // A timeout of zero polls the peek once.
    matches!(
        tokio::time::timeout(Duration::ZERO, stream.peek(&mut peek)).await,
        Ok(Ok(n)) if n > 0
    )
}
