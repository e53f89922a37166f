//! Serving one connection with hyper, closed when its client is too slow:
//! a head not read in time (hyper's header timer), or no byte moving either
//! way for the idle timeout (watched here). A scripted reset ends the
//! connection with a TCP RST rather than a clean close.

use super::accept::FirstByte;
use super::http;
use super::limits::MockLimits;
use super::state::State;
use hyper_util::rt::{TokioIo, TokioTimer};
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::task::{Context, Poll};
use std::time::{Duration, Instant};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::TcpStream;

/// Serves `stream`, noting in `first` when its first byte arrives.
pub(super) async fn serve(stream: TcpStream, state: Arc<State>, first: FirstByte) {
    let limits: &MockLimits = &state.limits;
    let activity = Arc::new(Activity::new());
    let io = TokioIo::new(Tracked {
        inner: stream,
        activity: Arc::clone(&activity),
        first,
    });
    let idle_timeout = limits.idle_timeout;
    let activity_in_service = Arc::clone(&activity);
    let mut builder = hyper::server::conn::http1::Builder::new();
    builder
        .timer(TokioTimer::new())
        .header_read_timeout(limits.header_read_timeout);
    let service = hyper::service::service_fn(move |req| {
        let state = Arc::clone(&state);
        let activity = Arc::clone(&activity_in_service);
        async move {
            let answered = http::answer(&state, req).await;
            if answered.is_err() {
                // hyper drops the connection on a service error, unanswered.
                activity.reset.store(true, Ordering::Relaxed);
            }
            answered
        }
    });
    let connection = builder.serve_connection(io, service);
    // Whichever ends first: dropping the connection closes the socket.
    tokio::select! {
        _ = connection => {}
        () = activity.idle_for(idle_timeout) => {}
    }
}

/// When a byte last moved on a connection.
#[derive(Debug)]
struct Activity {
    start: Instant,
    /// Nanoseconds from `start`.
    last: AtomicU64,
    /// The connection is to end with a reset.
    reset: AtomicBool,
}

impl Activity {
    fn new() -> Self {
        Activity {
            start: Instant::now(),
            last: AtomicU64::new(0),
            reset: AtomicBool::new(false),
        }
    }

    fn touch(&self) {
        let nanos = u64::try_from(self.start.elapsed().as_nanos()).unwrap_or(u64::MAX);
        self.last.store(nanos, Ordering::Relaxed);
    }

    /// Returns once nothing has moved for `timeout`.
    async fn idle_for(&self, timeout: Duration) {
        loop {
            let last = self.start + Duration::from_nanos(self.last.load(Ordering::Relaxed));
            let deadline = last + timeout;
            if Instant::now() >= deadline {
                return;
            }
            tokio::time::sleep_until(deadline.into()).await;
        }
    }
}

/// A stream that notes in its [`Activity`] every read or write that moves
/// bytes, and in its [`FirstByte`] that it has been spoken to.
struct Tracked {
    inner: TcpStream,
    activity: Arc<Activity>,
    first: FirstByte,
}

impl Drop for Tracked {
    fn drop(&mut self) {
        if self.activity.reset.load(Ordering::Relaxed) {
            // A zero linger makes the close an RST: the client sees its
            // request taken and the connection reset, the "did it dial?" case.
            let _ = self.inner.set_zero_linger();
        }
    }
}

impl AsyncRead for Tracked {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<std::io::Result<()>> {
        let before = buf.filled().len();
        let polled = Pin::new(&mut self.inner).poll_read(cx, buf);
        if buf.filled().len() > before {
            self.activity.touch();
            self.first.seen();
        }
        polled
    }
}

impl AsyncWrite for Tracked {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        data: &[u8],
    ) -> Poll<std::io::Result<usize>> {
        let polled = Pin::new(&mut self.inner).poll_write(cx, data);
        if matches!(polled, Poll::Ready(Ok(n)) if n > 0) {
            self.activity.touch();
        }
        polled
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        data: &[std::io::IoSlice<'_>],
    ) -> Poll<std::io::Result<usize>> {
        let polled = Pin::new(&mut self.inner).poll_write_vectored(cx, data);
        if matches!(polled, Poll::Ready(Ok(n)) if n > 0) {
            self.activity.touch();
        }
        polled
    }

    fn is_write_vectored(&self) -> bool {
        self.inner.is_write_vectored()
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.inner).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.inner).poll_shutdown(cx)
    }
}
