//! A connect never outlives its attempt.
//!
//! reqwest's per-request timeout covers connecting, but when it fires the
//! error cannot say whether a connection existed, so a request that never
//! left would count as possibly processed. Here each attempt publishes its
//! deadline, and a connector layer ends a connect started for it a little
//! before that deadline, as a connect error: nothing was sent.
//!
//! The deadline travels in a thread-local set only while the attempt's send
//! is being polled: the connector is called from inside that poll. A connect
//! that the pool later moves to a task of its own keeps the deadline it
//! started with, and its failure is no longer this attempt's.

use std::cell::Cell;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};
use tokio::time::Instant;

type BoxError = Box<dyn std::error::Error + Send + Sync>;

thread_local! {
    static DEADLINE: Cell<Option<Instant>> = const { Cell::new(None) };
}

/// Polls `send` with `deadline` visible to the connects it starts; with
/// none, polls it as it is.
///
/// The send is pinned in the caller's own future rather than boxed: this
/// runs once per attempt, on the per-call path.
pub(crate) async fn with_connect_deadline<F: Future>(
    send: F,
    deadline: Option<Instant>,
) -> F::Output {
    let Some(deadline) = deadline else {
        return send.await;
    };
    let mut send = std::pin::pin!(send);
    std::future::poll_fn(|cx: &mut Context<'_>| {
        let outer = DEADLINE.replace(Some(deadline));
        let result = send.as_mut().poll(cx);
        DEADLINE.set(outer);
        result
    })
    .await
}

/// The layer for `reqwest::ClientBuilder::connector_layer`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ConnectDeadlineLayer;

impl<S> tower_layer::Layer<S> for ConnectDeadlineLayer {
    type Service = ConnectDeadline<S>;

    fn layer(&self, inner: S) -> ConnectDeadline<S> {
        ConnectDeadline { inner }
    }
}

/// The connector, ending each connect at its attempt's deadline.
#[derive(Debug, Clone)]
pub(crate) struct ConnectDeadline<S> {
    inner: S,
}

impl<S, R> tower_service::Service<R> for ConnectDeadline<S>
where
    S: tower_service::Service<R, Error = BoxError>,
    S::Future: Send + 'static,
    S::Response: Send + 'static,
{
    type Response = S::Response;
    type Error = BoxError;
    type Future = Pin<Box<dyn Future<Output = Result<S::Response, BoxError>> + Send>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), BoxError>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: R) -> Self::Future {
        let deadline = DEADLINE.get();
        let connect = self.inner.call(request);
        Box::pin(async move {
            let Some(deadline) = deadline else {
                return connect.await;
            };
            match tokio::time::timeout_at(deadline, connect).await {
                Ok(result) => result,
                Err(_) => Err(Box::new(std::io::Error::new(
                    std::io::ErrorKind::TimedOut,
                    "connect did not complete within the attempt's time",
                )) as BoxError),
            }
        })
    }
}
