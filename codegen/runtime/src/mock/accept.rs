//! Accepting connections: no more at once than the cap, and a pause after
//! each failed `accept` rather than a hot retry loop.

use std::future::Future;
use std::time::Duration;
use tokio::task::JoinSet;

/// What the loop accepts from; a seam so that failures can be simulated.
pub(super) trait Listener {
    type Stream;

    fn accept(&mut self) -> impl Future<Output = std::io::Result<Self::Stream>> + Send;
}

impl Listener for tokio::net::TcpListener {
    type Stream = tokio::net::TcpStream;

    async fn accept(&mut self) -> std::io::Result<Self::Stream> {
        tokio::net::TcpListener::accept(self).await.map(|(s, _)| s)
    }
}

/// Accepts from `listener` forever, serving each connection on a task of
/// its own, at most `max_connections` at a time. The connections live in
/// the loop's future: dropping or aborting it closes them all.
pub(super) async fn accept_loop<L, F>(
    mut listener: L,
    max_connections: usize,
    serve: impl Fn(L::Stream) -> F,
) where
    L: Listener,
    F: Future<Output = ()> + Send + 'static,
{
    let mut connections = JoinSet::new();
    let mut backoff = Backoff::default();
    loop {
        while connections.try_join_next().is_some() {}
        if connections.len() >= max_connections {
            // Not accepting leaves further clients in the listen queue, where
            // they cost no file descriptor and are served once one closes.
            connections.join_next().await;
            continue;
        }
        match listener.accept().await {
            Ok(stream) => {
                backoff.succeeded();
                connections.spawn(serve(stream));
            }
            Err(error) => {
                // Out of file descriptors, say: retrying at once would spin
                // a core and starve the connections that could free some.
                let pause = backoff.failed();
                tracing::warn!(%error, ?pause, "mock: accept failed");
                tokio::time::sleep(pause).await;
            }
        }
    }
}

/// The pause after consecutive `accept` failures: doubling from 5 ms to 1 s,
/// back to nothing after a success.
#[derive(Debug, Default)]
struct Backoff {
    last: Option<Duration>,
}

const FIRST_PAUSE: Duration = Duration::from_millis(5);
const LONGEST_PAUSE: Duration = Duration::from_secs(1);

impl Backoff {
    fn failed(&mut self) -> Duration {
        let next = self
            .last
            .map_or(FIRST_PAUSE, |last| (last * 2).min(LONGEST_PAUSE));
        self.last = Some(next);
        next
    }

    fn succeeded(&mut self) {
        self.last = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};

    /// A listener whose every `accept` fails, as with no file descriptor left.
    struct Exhausted(Arc<AtomicUsize>);

    impl Listener for Exhausted {
        type Stream = ();

        async fn accept(&mut self) -> std::io::Result<()> {
            self.0.fetch_add(1, Ordering::Relaxed);
            // A real failing accept returns at once too; yielding only lets
            // the test's timer run on this one thread.
            tokio::task::yield_now().await;
            Err(std::io::Error::from_raw_os_error(24))
        }
    }

    #[tokio::test(flavor = "current_thread")]
    async fn failing_accepts_are_retried_with_pauses_not_in_a_hot_loop() {
        let attempts = Arc::new(AtomicUsize::new(0));
        let run = accept_loop(Exhausted(Arc::clone(&attempts)), 8, |()| async {});
        let _ = tokio::time::timeout(Duration::from_millis(200), run).await;
        // 5 + 10 + 20 + 40 + 80 ms of pauses fit in 200 ms: about 6 tries.
        let attempts = attempts.load(Ordering::Relaxed);
        assert!((2..=10).contains(&attempts), "{attempts} accepts in 200 ms");
    }

    #[test]
    fn pauses_double_up_to_a_second_and_reset_after_a_success() {
        let mut backoff = Backoff::default();
        let pauses: Vec<u64> = (0..10)
            .map(|_| backoff.failed().as_millis() as u64)
            .collect();
        assert_eq!(pauses, [5, 10, 20, 40, 80, 160, 320, 640, 1000, 1000]);
        backoff.succeeded();
        assert_eq!(backoff.failed(), FIRST_PAUSE);
    }
}
